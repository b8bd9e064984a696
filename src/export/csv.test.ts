import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { defaultFieldContext, parseCsvCell } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef, FieldType, SelectOption } from '../fields/types';
import { exportFileName, exportSheetCsv, neutraliseFormula, quoteCsvCell } from './csv';

const ctx: FieldContext = { ...defaultFieldContext, currency: 'GBP', locale: 'en-GB', defaultCountry: 'GB' };

function field(id: string, name: string, type: FieldType, options?: SelectOption[]): FieldDef {
  return options === undefined ? { id, name, type, settings: {} } : { id, name, type, settings: { options } };
}

const STAGES = [
  { id: 's-lead', label: 'Lead' },
  { id: 's-won', label: 'Won' },
];
const TAGS = [
  { id: 't-vip', label: 'VIP' },
  { id: 't-news', label: 'Newsletter' },
];

const FIELDS: FieldDef[] = [
  field('name', 'Name', 'text'),
  field('phone', 'Phone', 'phone'),
  field('follow', 'Follow-up', 'date'),
  field('value', 'Deal value', 'currency'),
  field('prob', 'Probability', 'percent'),
  field('count', 'Visits', 'number'),
  field('stage', 'Stage', 'select', STAGES),
  field('tags', 'Tags', 'multiSelect', TAGS),
  field('active', 'Active', 'checkbox'),
  field('notes', 'Notes', 'longText'),
];

const BOM = '\uFEFF';

function dataLines(csv: string): string[] {
  return csv.slice(BOM.length).split('\r\n');
}

describe('neutraliseFormula', () => {
  const prefixed: [string, string][] = [
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+44 20 7946 0958', "'+44 20 7946 0958"],
    ['-2+3+cmd', "'-2+3+cmd"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tindented', "'\tindented"],
    ['\rcarriage', "'\rcarriage"],
  ];
  for (const [cell, expected] of prefixed) {
    it(`prefixes ${JSON.stringify(cell)} in a text column`, () => {
      expect(neutraliseFormula(cell, false)).toBe(expected);
    });
  }

  it('keeps plain negative numbers in numeric columns', () => {
    expect(neutraliseFormula('-12.50', true)).toBe('-12.50');
    expect(neutraliseFormula('-3', true)).toBe('-3');
    expect(neutraliseFormula('-1e-7', true)).toBe('-1e-7');
  });

  it('prefixes negative numbers in text columns', () => {
    expect(neutraliseFormula('-12.50', false)).toBe("'-12.50");
  });

  it('prefixes formulas in numeric columns', () => {
    expect(neutraliseFormula('-1+cmd', true)).toBe("'-1+cmd");
    expect(neutraliseFormula('=1+1', true)).toBe("'=1+1");
    expect(neutraliseFormula('+5', true)).toBe("'+5");
    expect(neutraliseFormula('-12.50 USD', true)).toBe("'-12.50 USD");
  });

  it('leaves ordinary cells alone', () => {
    expect(neutraliseFormula('', false)).toBe('');
    expect(neutraliseFormula('Ada = genius', false)).toBe('Ada = genius');
    expect(neutraliseFormula('020 7946 0958', false)).toBe('020 7946 0958');
    expect(neutraliseFormula('12.50', true)).toBe('12.50');
  });
});

describe('quoteCsvCell', () => {
  it('quotes delimiters, quotes and line breaks', () => {
    expect(quoteCsvCell('Smith, Jones', ',')).toBe('"Smith, Jones"');
    expect(quoteCsvCell('say "hi"', ',')).toBe('"say ""hi"""');
    expect(quoteCsvCell('a\nb', ',')).toBe('"a\nb"');
    expect(quoteCsvCell('a\rb', ',')).toBe('"a\rb"');
    expect(quoteCsvCell('a;b', ';')).toBe('"a;b"');
  });

  it('leaves plain cells unquoted', () => {
    expect(quoteCsvCell('Smith, Jones', ';')).toBe('Smith, Jones');
    expect(quoteCsvCell('', ',')).toBe('');
  });
});

describe('exportSheetCsv', () => {
  const row: Record<string, CellValue> = {
    name: 'Ada "The Countess" Lovelace',
    phone: { text: '+44 20 7946 0958', e164: '+442079460958' },
    follow: '2026-12-04',
    value: { minor: -1250, currency: 'GBP' },
    prob: 0.25,
    count: -3,
    stage: 's-won',
    tags: ['t-vip', 't-news'],
    active: true,
    notes: 'Met at the fair,\nwants a quote',
  };

  it('starts with a BOM and ends lines with CRLF', () => {
    const csv = exportSheetCsv(FIELDS, [{ values: row }], ctx);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/\r(?!\n)/);
  });

  it('writes the header from field names', () => {
    const csv = exportSheetCsv(FIELDS, [], ctx);
    expect(csv).toBe(`${BOM}Name,Phone,Follow-up,Deal value,Probability,Visits,Stage,Tags,Active,Notes\r\n`);
  });

  it('writes cells with toCsv, neutralised and quoted', () => {
    const csv = exportSheetCsv(FIELDS, [{ values: row }], ctx);
    expect(dataLines(csv)[1]).toBe(
      '"Ada ""The Countess"" Lovelace",\'+44 20 7946 0958,2026-12-04,-12.50,25,-3,Won,"VIP, Newsletter",TRUE,"Met at the fair,\nwants a quote"',
    );
  });

  it('writes empty and missing cells as empty', () => {
    const csv = exportSheetCsv(FIELDS, [{ values: { name: 'Ada', phone: null } }], ctx);
    expect(dataLines(csv)[1]).toBe('Ada,,,,,,,,,');
  });

  it('writes an invalid value as its raw text', () => {
    const csv = exportSheetCsv(
      [FIELDS[2]!, FIELDS[5]!],
      [{ values: { follow: { invalid: '31/02/2024' }, count: { invalid: '=1+1' } } }],
      ctx,
    );
    expect(dataLines(csv)[1]).toBe("31/02/2024,'=1+1");
  });

  it('neutralises formulas in header names', () => {
    const csv = exportSheetCsv([field('x', '=HYPERLINK("http://example.invalid")', 'text')], [], ctx);
    expect(dataLines(csv)[0]).toBe('"\'=HYPERLINK(""http://example.invalid"")"');
  });

  it('uses a semicolon delimiter', () => {
    const csv = exportSheetCsv([FIELDS[0]!, FIELDS[7]!], [{ values: { name: 'Smith, Jones', tags: ['t-vip'] } }], ctx, {
      delimiter: ';',
    });
    expect(dataLines(csv)).toEqual(['Name;Tags', 'Smith, Jones;VIP', '']);
  });

  it('reads back to the same values', () => {
    const rows = [{ values: row }, { values: { name: 'Grace', count: 1234.5, prob: 1, active: false } }];
    const csv = exportSheetCsv(FIELDS, rows, ctx);
    const parsed = Papa.parse<string[]>(csv.slice(BOM.length), { skipEmptyLines: true });

    parsed.data.slice(1).forEach((cells, index) => {
      FIELDS.forEach((f, column) => {
        const text = (cells[column] ?? '').replace(/^'(?=[=+\-@\t\r])/, '');
        const result = parseCsvCell(text, f, ctx);
        expect(result, `${f.name}: ${text}`).toEqual({ ok: true, value: rows[index]!.values[f.id] ?? null });
      });
    });
  });
});

describe('exportFileName', () => {
  const date = new Date(2026, 11, 4, 23, 30);

  it('adds the local date', () => {
    expect(exportFileName('Clients', date)).toBe('Clients 2026-12-04.csv');
  });

  it('replaces unsafe characters', () => {
    expect(exportFileName('A/B\\C:D*E?F"G<H>I|J', date)).toBe('A-B-C-D-E-F-G-H-I-J 2026-12-04.csv');
  });

  it('replaces control characters and collapses spaces', () => {
    expect(exportFileName('Leads\n\t2026', date)).toBe('Leads 2026 2026-12-04.csv');
  });

  it('trims dots and spaces', () => {
    expect(exportFileName('  ..Clients.. ', date)).toBe('Clients 2026-12-04.csv');
  });

  it('names an empty sheet "Sheet"', () => {
    expect(exportFileName('   ', date)).toBe('Sheet 2026-12-04.csv');
  });

  it('keeps letters with accents', () => {
    expect(exportFileName('Clientèle', date)).toBe('Clientèle 2026-12-04.csv');
  });
});
