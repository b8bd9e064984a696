import { describe, expect, it } from 'vitest';
import { detectDelimiter, normaliseHeaderNames, parseCsvText } from './parse';

describe('detectDelimiter', () => {
  it('finds commas', () => {
    expect(detectDelimiter('Name,Email\r\nAda,ada@example.com\r\n')).toBe(',');
  });

  it('finds semicolons despite commas in values', () => {
    const text = [
      'Name;Company;Amount',
      'Ada;Lovelace, Babbage and Co;1,50',
      'Grace;Hopper Ltd;2,75',
      'Alan;Bletchley, Park;3,00',
    ].join('\r\n');
    expect(detectDelimiter(text)).toBe(';');
  });

  it('finds tabs', () => {
    expect(detectDelimiter('Name\tPhone\nAda\t+44 20 7946 0958\n')).toBe('\t');
  });

  it('finds pipes', () => {
    expect(detectDelimiter('Name|City\nAda|London\nGrace|New York\n')).toBe('|');
  });

  it('ignores delimiters inside quotes', () => {
    const text = 'Name;Note\n"Ada";"a,b,c,d"\n"Grace";"e,f,g,h"\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('prefers the delimiter giving more consistent columns', () => {
    // Commas split the header in two but rows unevenly; semicolons split all rows in three.
    const text = 'Name,x;City;Phone\nAda;London;1\nGrace,Hopper,Jr;NYC;2\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('falls back to comma for one column', () => {
    expect(detectDelimiter('Email\nada@example.com\ngrace@example.com\n')).toBe(',');
  });

  it('falls back to comma for empty text', () => {
    expect(detectDelimiter('')).toBe(',');
  });

  it('detects after blank leading and trailing lines', () => {
    expect(detectDelimiter('\r\nName;City\r\nAda;London\r\n\r\n\r\n')).toBe(';');
  });
});

describe('normaliseHeaderNames', () => {
  it('trims names', () => {
    expect(normaliseHeaderNames(['  Name ', '\tEmail'])).toEqual(['Name', 'Email']);
  });

  it('names blank headers by position', () => {
    expect(normaliseHeaderNames(['Name', '', '  ', 'Email', ''])).toEqual([
      'Name',
      'Column 2',
      'Column 3',
      'Email',
      'Column 5',
    ]);
  });

  it('numbers duplicates', () => {
    expect(normaliseHeaderNames(['Phone', 'Phone', 'phone'])).toEqual(['Phone', 'Phone (2)', 'phone (3)']);
  });

  it('skips a numbered name already taken', () => {
    expect(normaliseHeaderNames(['Phone', 'Phone (2)', 'Phone'])).toEqual(['Phone', 'Phone (2)', 'Phone (3)']);
  });

  it('avoids a clash with a later Column N', () => {
    expect(normaliseHeaderNames(['Column 2', ''])).toEqual(['Column 2', 'Column 2 (2)']);
  });
});

describe('parseCsvText', () => {
  it('parses a simple file', () => {
    const parsed = parseCsvText('Name,Email\r\nAda,ada@example.com\r\nGrace,grace@example.com\r\n');
    expect(parsed.headers).toEqual(['Name', 'Email']);
    expect(parsed.rows).toEqual([
      ['Ada', 'ada@example.com'],
      ['Grace', 'grace@example.com'],
    ]);
    expect(parsed.rowNumbers).toEqual([2, 3]);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.lineEnding).toBe('\r\n');
    expect(parsed.errors).toEqual([]);
  });

  it('keeps every value as text', () => {
    const parsed = parseCsvText('Zip,Amount,Flag,Phone\n01234,00.10,true,+44 20 7946 0958\n');
    expect(parsed.rows[0]).toEqual(['01234', '00.10', 'true', '+44 20 7946 0958']);
  });

  it('keeps surrounding spaces in values', () => {
    const parsed = parseCsvText('Name,City\n Ada , London\n');
    expect(parsed.rows[0]).toEqual([' Ada ', ' London']);
  });

  it('reads quoted line breaks and doubled quotes', () => {
    const text = 'Name,Address,Note\n"Ada","1 High St\nLondon","She said ""hi"""\n"Grace","2 Main St\r\nNYC",plain\n';
    const parsed = parseCsvText(text);
    expect(parsed.rows).toEqual([
      ['Ada', '1 High St\nLondon', 'She said "hi"'],
      ['Grace', '2 Main St\r\nNYC', 'plain'],
    ]);
  });

  it('numbers rows after a multi-line value as a spreadsheet does', () => {
    const text = 'Name,Note\nAda,"line 1\nline 2\nline 3"\nGrace,one line,extra\n';
    const parsed = parseCsvText(text);
    expect(parsed.rowNumbers).toEqual([2, 3]);
    expect(parsed.errors[0]?.row).toBe(3);
  });

  it('skips blank trailing lines', () => {
    const parsed = parseCsvText('Name,City\r\nAda,London\r\n\r\n\r\n');
    expect(parsed.rows).toEqual([['Ada', 'London']]);
  });

  it('skips blank and whitespace rows but counts them', () => {
    const parsed = parseCsvText('Name,City\nAda,London\n\n , \n,,\nGrace,NYC\n');
    expect(parsed.rows).toEqual([
      ['Ada', 'London'],
      ['Grace', 'NYC'],
    ]);
    expect(parsed.rowNumbers).toEqual([2, 6]);
  });

  it('takes the first non-blank line as header', () => {
    const parsed = parseCsvText('\n\nName,City\nAda,London\n');
    expect(parsed.headers).toEqual(['Name', 'City']);
    expect(parsed.rowNumbers).toEqual([4]);
  });

  it('pads short rows', () => {
    const parsed = parseCsvText('Name,City,Phone\nAda\nGrace,NYC\n');
    expect(parsed.rows).toEqual([
      ['Ada', '', ''],
      ['Grace', 'NYC', ''],
    ]);
    expect(parsed.errors).toEqual([]);
  });

  it('reports long rows with row number and extra values', () => {
    const parsed = parseCsvText('Name,City\nAda,London\nGrace,New York,NY,USA\n');
    expect(parsed.rows[1]).toEqual(['Grace', 'New York']);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]?.row).toBe(3);
    expect(parsed.errors[0]?.message).toBe(
      'Row 3 has 4 values but the header has 2 columns. Extra values: "NY", "USA"',
    );
  });

  it('drops blank extra values without an error', () => {
    const parsed = parseCsvText('Name,City\nAda,London,,\n');
    expect(parsed.rows).toEqual([['Ada', 'London']]);
    expect(parsed.errors).toEqual([]);
  });

  it('cleans header names', () => {
    const parsed = parseCsvText(' Name ,,Email,Email,\nAda,x,a@example.com,b@example.com,y\n');
    expect(parsed.headers).toEqual(['Name', 'Column 2', 'Email', 'Email (2)', 'Column 5']);
  });

  it('uses a given delimiter', () => {
    const parsed = parseCsvText('a;b,c\n1;2,3\n', { delimiter: ',' });
    expect(parsed.headers).toEqual(['a;b', 'c']);
    expect(parsed.delimiter).toBe(',');
  });

  it('parses semicolon files with unquoted commas', () => {
    const parsed = parseCsvText('Name;Company\r\nAda;Lovelace, Babbage and Co\r\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows[0]).toEqual(['Ada', 'Lovelace, Babbage and Co']);
  });

  it('reads tab-separated text', () => {
    const parsed = parseCsvText('Name\tNote\nAda\tuses, commas\n');
    expect(parsed.delimiter).toBe('\t');
    expect(parsed.rows[0]).toEqual(['Ada', 'uses, commas']);
  });

  it('detects LF and CR line endings', () => {
    expect(parseCsvText('a,b\n1,2\n').lineEnding).toBe('\n');
    const mac = parseCsvText('a,b\r1,"2\r3"\r4,5\r');
    expect(mac.lineEnding).toBe('\r');
    expect(mac.rows).toEqual([
      ['1', '2\r3'],
      ['4', '5'],
    ]);
  });

  it('reads a file without a final line break', () => {
    const parsed = parseCsvText('column1,column2\n"""The Best"" Account",bla\n"The ""Best"" Account",bla');
    expect(parsed.rows).toEqual([
      ['"The Best" Account', 'bla'],
      ['The "Best" Account', 'bla'],
    ]);
  });

  it('reports an unterminated quote with its row', () => {
    const parsed = parseCsvText('Name,Note\nAda,fine\nGrace,"never closed\n');
    expect(parsed.errors.some((error) => error.row === 3 && /unterminated/i.test(error.message))).toBe(true);
  });

  it('returns no headers for empty text', () => {
    const parsed = parseCsvText('');
    expect(parsed.headers).toEqual([]);
    expect(parsed.rows).toEqual([]);
  });

  it('returns no rows for a header-only file', () => {
    const parsed = parseCsvText('Name,Email\r\n');
    expect(parsed.headers).toEqual(['Name', 'Email']);
    expect(parsed.rows).toEqual([]);
  });
});
