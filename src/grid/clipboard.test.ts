import { describe, expect, it } from 'vitest';

import { formatClipboardBlock, parseClipboardBlock } from './clipboard';

describe('parseClipboardBlock', () => {
  it('splits cells on tabs and rows on LF', () => {
    expect(parseClipboardBlock('Ada\tQuill Ltd\nBram\tOakes & Co')).toEqual([
      ['Ada', 'Quill Ltd'],
      ['Bram', 'Oakes & Co'],
    ]);
  });

  it('splits rows on CRLF', () => {
    expect(parseClipboardBlock('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('splits rows on a lone CR', () => {
    expect(parseClipboardBlock('a\rb')).toEqual([['a'], ['b']]);
  });

  it('ignores one trailing line break', () => {
    expect(parseClipboardBlock('a\tb\n')).toEqual([['a', 'b']]);
    expect(parseClipboardBlock('a\tb\r\n')).toEqual([['a', 'b']]);
  });

  it('keeps an empty last row before the trailing line break', () => {
    expect(parseClipboardBlock('a\n\n')).toEqual([['a'], ['']]);
    expect(parseClipboardBlock('a\r\n\r\n')).toEqual([['a'], ['']]);
  });

  it('reads a multi-line quoted cell', () => {
    const text = 'Ada\t"First line\nSecond line"\tada@quill.test\r\nBram\t"One\r\nTwo"\t\r\n';
    expect(parseClipboardBlock(text)).toEqual([
      ['Ada', 'First line\nSecond line', 'ada@quill.test'],
      ['Bram', 'One\r\nTwo', ''],
    ]);
  });

  it('reads doubled quotes inside a quoted cell', () => {
    expect(parseClipboardBlock('"She said ""hi"""\tx')).toEqual([['She said "hi"', 'x']]);
    expect(parseClipboardBlock('""""')).toEqual([['"']]);
    expect(parseClipboardBlock('""\tx')).toEqual([['', 'x']]);
  });

  it('reads a quoted cell that contains a tab', () => {
    expect(parseClipboardBlock('"a\tb"\tc')).toEqual([['a\tb', 'c']]);
  });

  it('keeps quotes that do not wrap a whole cell', () => {
    expect(parseClipboardBlock('"Ada" Quill\t5" screen')).toEqual([['"Ada" Quill', '5" screen']]);
    expect(parseClipboardBlock('say "hi"')).toEqual([['say "hi"']]);
  });

  it('keeps an unclosed quote as text', () => {
    expect(parseClipboardBlock('"open\tnext\nrow')).toEqual([
      ['"open', 'next'],
      ['row', ''],
    ]);
  });

  it('pads ragged rows with empty cells', () => {
    expect(parseClipboardBlock('a\tb\tc\nd\ne\tf')).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
      ['e', 'f', ''],
    ]);
  });

  it('reads a single value as a 1x1 block', () => {
    expect(parseClipboardBlock('Ada Quill')).toEqual([['Ada Quill']]);
    expect(parseClipboardBlock('Ada Quill\r\n')).toEqual([['Ada Quill']]);
  });

  it('keeps empty cells between tabs', () => {
    expect(parseClipboardBlock('\t\tc\t')).toEqual([['', '', 'c', '']]);
  });

  it('returns no rows for empty text', () => {
    expect(parseClipboardBlock('')).toEqual([]);
  });

  it('reads a lone line break as one empty cell', () => {
    expect(parseClipboardBlock('\n')).toEqual([['']]);
    expect(parseClipboardBlock('\r\n')).toEqual([['']]);
  });
});

describe('formatClipboardBlock', () => {
  it('joins cells with tabs and rows with CRLF', () => {
    expect(
      formatClipboardBlock([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('a\tb\r\nc\td');
  });

  it('quotes cells with tabs, line breaks or quotes', () => {
    expect(formatClipboardBlock([['a\tb', 'one\ntwo', 'x\ry', 'say "hi"', 'plain']])).toBe(
      '"a\tb"\t"one\ntwo"\t"x\ry"\t"say ""hi"""\tplain',
    );
  });

  it('writes a single cell without a line break', () => {
    expect(formatClipboardBlock([['Ada Quill']])).toBe('Ada Quill');
  });

  it('ends an empty one-cell last row with CRLF', () => {
    expect(formatClipboardBlock([['']])).toBe('\r\n');
    expect(formatClipboardBlock([['a'], ['']])).toBe('a\r\n\r\n');
    expect(parseClipboardBlock(formatClipboardBlock([['a'], ['']]))).toEqual([['a'], ['']]);
  });

  it('writes no rows as empty text', () => {
    expect(formatClipboardBlock([])).toBe('');
  });

  it('round-trips blocks through parseClipboardBlock', () => {
    // A fixed-seed generator, so a failure repeats with the same blocks.
    let seed = 20_240_601;
    const nextRandom = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pieces = ['a', 'Ada', ' ', '\t', '\n', '\r\n', '\r', '"', '""', 'é', '5"', '=1+1', ''];
    const randomCell = () => {
      let cell = '';
      const length = Math.floor(nextRandom() * 5);
      for (let index = 0; index < length; index += 1) {
        cell += pieces[Math.floor(nextRandom() * pieces.length)];
      }
      return cell;
    };

    for (let round = 0; round < 500; round += 1) {
      const rowCount = 1 + Math.floor(nextRandom() * 4);
      const columnCount = 1 + Math.floor(nextRandom() * 4);
      const block = Array.from({ length: rowCount }, () => Array.from({ length: columnCount }, randomCell));
      expect(parseClipboardBlock(formatClipboardBlock(block)), JSON.stringify(block)).toEqual(block);
    }
  });

  it('round-trips after a trailing CRLF as Excel adds it', () => {
    const block = [
      ['Ada', 'line one\nline two'],
      ['', ''],
    ];
    expect(parseClipboardBlock(`${formatClipboardBlock(block)}\r\n`)).toEqual(block);
  });
});
