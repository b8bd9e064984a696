import { describe, expect, it } from 'vitest';

import { defaultFieldContext } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef } from '../fields/types';
import { exportSheetCsv } from './csv';
import { csvPresetOptions, decimalSeparatorOf } from './presets';

const ctx: FieldContext = { ...defaultFieldContext, currency: 'EUR', locale: 'de-DE', defaultCountry: 'DE' };

const FIELDS: FieldDef[] = [
  { id: 'name', name: 'Name', type: 'text', settings: {} },
  { id: 'phone', name: 'Phone', type: 'phone', settings: {} },
  { id: 'due', name: 'Due', type: 'date', settings: {} },
  { id: 'value', name: 'Value', type: 'currency', settings: {} },
  { id: 'count', name: 'Visits', type: 'number', settings: {} },
  { id: 'share', name: 'Share', type: 'percent', settings: {} },
];

const ROWS: { values: Record<string, CellValue> }[] = [
  {
    values: {
      name: '-Ada, the Countess',
      phone: { text: '+49 30 901820', e164: '+4930901820' },
      due: '2026-12-04',
      value: { minor: -123450, currency: 'EUR' },
      count: -3,
      share: 0.125,
    },
  },
  { values: { name: 'Grace', value: { minor: 999, currency: 'USD' } } },
];

const BOM = [0xef, 0xbb, 0xbf];

function bytesOf(text: string): number[] {
  return [...new TextEncoder().encode(text)];
}

function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split('\r\n');
}

describe('decimalSeparatorOf', () => {
  it('reads the locale', () => {
    expect(decimalSeparatorOf('de-DE')).toBe(',');
    expect(decimalSeparatorOf('fr-FR')).toBe(',');
    expect(decimalSeparatorOf('en-GB')).toBe('.');
    expect(decimalSeparatorOf('en-US')).toBe('.');
  });
});

describe('Excel preset', () => {
  it('uses semicolons and decimal commas where the locale writes 1,5', () => {
    const csv = exportSheetCsv(FIELDS, ROWS, ctx, csvPresetOptions('excel', 'de-DE'));
    expect(bytesOf(csv).slice(0, 3)).toEqual(BOM);
    expect(linesOf(csv)).toEqual([
      'Name;Phone;Due;Value;Visits;Share',
      "'-Ada, the Countess;'+49 30 901820;2026-12-04;-1234,50;-3;12,5",
      'Grace;;;9.99 USD;;',
      '',
    ]);
  });

  it('uses commas where the locale writes 1.5', () => {
    const csv = exportSheetCsv(FIELDS, ROWS, ctx, csvPresetOptions('excel', 'en-US'));
    expect(bytesOf(csv).slice(0, 3)).toEqual(BOM);
    expect(linesOf(csv)[1]).toBe('"\'-Ada, the Countess",\'+49 30 901820,2026-12-04,-1234.50,-3,12.5');
  });

  it('ends every line in CRLF', () => {
    const csv = exportSheetCsv(FIELDS, ROWS, ctx, csvPresetOptions('excel', 'de-DE'));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).not.toMatch(/(?<!\r)\n/);
  });
});

describe('Accountant preset', () => {
  const csv = exportSheetCsv(FIELDS, ROWS, ctx, csvPresetOptions('accountant', 'de-DE'));

  it('starts with a BOM and uses CRLF', () => {
    expect(bytesOf(csv).slice(0, 3)).toEqual(BOM);
    expect(csv).not.toMatch(/(?<!\r)\n/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes plain amounts, ISO dates and a Currency column', () => {
    expect(linesOf(csv)).toEqual([
      'Name,Phone,Due,Value,Visits,Share,Currency',
      '"\'-Ada, the Countess",\'+49 30 901820,2026-12-04,-1234.50,-3,12.5,EUR',
      'Grace,,,9.99 USD,,,EUR',
      '',
    ]);
  });

  it('adds no Currency column without an amount', () => {
    const text = exportSheetCsv(FIELDS.slice(0, 3), ROWS, ctx, csvPresetOptions('accountant', 'de-DE'));
    expect(linesOf(text)[0]).toBe('Name,Phone,Due');
  });
});

describe('Plain CSV preset', () => {
  const csv = exportSheetCsv(FIELDS, ROWS, ctx, csvPresetOptions('plain', 'de-DE'));

  it('has no BOM', () => {
    expect(bytesOf(csv).slice(0, 4)).toEqual(bytesOf('Name'));
  });

  it('uses commas, dots and CRLF', () => {
    expect(csv).not.toMatch(/(?<!\r)\n/);
    expect(linesOf(csv)[1]).toBe('"\'-Ada, the Countess",\'+49 30 901820,2026-12-04,-1234.50,-3,12.5');
  });
});

describe('formula guard', () => {
  it('prefixes text, not numbers', () => {
    const csv = exportSheetCsv(
      [FIELDS[0]!, FIELDS[3]!, FIELDS[4]!],
      [{ values: { name: '=HYPERLINK("x")', value: { minor: -500, currency: 'EUR' }, count: -1.5 } }],
      ctx,
      csvPresetOptions('plain', 'en-GB'),
    );
    expect(linesOf(csv)[1]).toBe('"\'=HYPERLINK(""x"")",-5.00,-1.5');
  });

  it('prefixes a formula typed into a number column', () => {
    const csv = exportSheetCsv([FIELDS[4]!], [{ values: { count: { invalid: '-1+cmd' } } }], ctx, {
      ...csvPresetOptions('excel', 'de-DE'),
    });
    expect(linesOf(csv)[1]).toBe("'-1+cmd");
  });
});
