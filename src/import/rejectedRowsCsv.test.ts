import { describe, expect, it } from 'vitest';

import { rejectedRowsCsv } from './rejectedRowsCsv';

describe('rejectedRowsCsv', () => {
  it('writes the file header, cells, row number and reason', () => {
    const csv = rejectedRowsCsv(
      ['Name', 'Next follow-up'],
      [
        {
          rowNumber: 14,
          reason: 'Row 14, "Next follow-up": "31/02/2024" is not a valid date',
          cells: ['Ada, Quill', '31/02/2024'],
        },
      ],
    );
    expect(csv).toBe(
      '\uFEFFName,Next follow-up,Row in file,Reason\r\n' +
        '"Ada, Quill",31/02/2024,14,"Row 14, ""Next follow-up"": ""31/02/2024"" is not a valid date"\r\n',
    );
  });

  it('neutralises formula-like cells', () => {
    const csv = rejectedRowsCsv(['Name'], [{ rowNumber: 2, reason: 'bad', cells: ['=HYPERLINK("x")'] }]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
