import { describe, expect, it } from 'vitest';

import { detectDecimalMark, toPlainNumberText } from './decimalMark';

const column = (...values: string[]) => [{ header: 'Amount', values }];

describe('detectDecimalMark', () => {
  it('follows a file with decimal commas in a UK workbook and says so', () => {
    const detection = detectDecimalMark(column('1,50', '12,75'), ',', 'en-GB');
    expect(detection.mark).toBe(',');
    expect(detection.notes).toHaveLength(1);
    expect(detection.notes[0]).toContain('"1,50" in Amount');
    expect(detection.notes[0]).toContain('unlike your workbook (en-GB)');
  });

  it('stays quiet when the file matches the workbook', () => {
    expect(detectDecimalMark(column('1.50', '1,234.75'), ',', 'en-GB')).toEqual({ mark: '.', notes: [] });
    expect(detectDecimalMark(column('1,50', '1.234,75'), ';', 'de-DE')).toEqual({ mark: ',', notes: [] });
  });

  it('reports values that fit both readings', () => {
    const detection = detectDecimalMark(column('1,500', '2,250'), ',', 'en-GB');
    expect(detection.mark).toBe('.');
    expect(detection.notes).toEqual([
      '"1,500" in Amount, "2,250" in Amount could mean a whole number with a thousands separator or a decimal with ","; read with "." as the decimal mark.',
    ]);
  });

  it('takes a semicolon file with only ambiguous values as decimal commas', () => {
    expect(detectDecimalMark(column('1.500'), ';', 'en-GB').mark).toBe(',');
  });

  it('unambiguous three-decimal values', () => {
    expect(detectDecimalMark(column('0.451', '0.125'), ',', 'de-DE')).toMatchObject({ mark: '.' });
    expect(detectDecimalMark(column('1234.567'), ';', 'nl-NL')).toMatchObject({ mark: '.' });
    expect(detectDecimalMark(column('0,451'), ',', 'en-GB')).toMatchObject({ mark: ',' });
  });

  it('reports a file that mixes both marks', () => {
    const detection = detectDecimalMark(column('1,5', '2.5'), ',', 'en-GB');
    expect(detection.mark).toBe('.');
    expect(detection.notes[0]).toContain('use both marks');
  });
});

describe('toPlainNumberText', () => {
  it.each([
    ['1,50', ',', '1.50'],
    ['1.234,56', ',', '1234.56'],
    ['12 345,6', ',', '12345.6'],
    ['€ 1.234,50', ',', '€ 1234.50'],
    ['-1,5 %', ',', '-1.5 %'],
    ['1,234.56', '.', '1234.56'],
    ['£1,234', '.', '£1234'],
    ['42', '.', '42'],
  ] as const)('writes %s with %s as %s', (text, mark, expected) => {
    expect(toPlainNumberText(text, mark)).toEqual({ ok: true, text: expected });
  });

  it('rejects text that does not fit the mark', () => {
    expect(toPlainNumberText('1,50', '.')).toEqual({
      ok: false,
      error: '"1,50" does not fit "." as the decimal mark; change the decimal mark or fix the value',
    });
    expect(toPlainNumberText('1,234.5', ',').ok).toBe(false);
    // A thousands group never follows a leading 0.
    expect(toPlainNumberText('0.451', ',').ok).toBe(false);
  });
});
