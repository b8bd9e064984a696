import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';

import { defaultFieldContext } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef } from '../fields/types';
import { buildXlsx, currencyFormat, dateSerial, xlsxSheetName } from './xlsx';

const ctx: FieldContext = {
  ...defaultFieldContext,
  links: { rowName: (_sheet, rowId) => ({ c1: 'Acme Ltd', c2: 'Globex' })[rowId], findRowId: () => undefined },
};

const FIELDS: FieldDef[] = [
  { id: 'name', name: 'Name', type: 'text', settings: {} },
  { id: 'phone', name: 'Phone', type: 'phone', settings: {} },
  { id: 'value', name: 'Value', type: 'currency', settings: {} },
  { id: 'count', name: 'Visits', type: 'number', settings: { decimals: 1 } },
  { id: 'share', name: 'Share', type: 'percent', settings: {} },
  { id: 'due', name: 'Due', type: 'date', settings: {} },
  { id: 'met', name: 'Met', type: 'dateTime', settings: {} },
  { id: 'paid', name: 'Paid', type: 'checkbox', settings: {} },
  {
    id: 'tags',
    name: 'Tags',
    type: 'multiSelect',
    settings: {
      options: [
        { id: 't1', label: 'VIP' },
        { id: 't2', label: 'Newsletter' },
      ],
    },
  },
  { id: 'company', name: 'Company', type: 'link', settings: { linkSheetId: 'companies' } },
  { id: 'site', name: 'Website', type: 'url', settings: {} },
  { id: 'zip', name: 'Zip', type: 'text', settings: {} },
];

const VALUES: Record<string, CellValue> = {
  name: '=1+2',
  phone: { text: '+44 20 7946 0958', e164: '+442079460958' },
  value: { minor: -123450, currency: 'GBP' },
  count: 7.5,
  share: 0.125,
  due: '2026-12-04',
  met: new Date(2026, 11, 4, 14, 30).toISOString(),
  paid: true,
  tags: ['t1', 't2'],
  company: ['c1', 'c2'],
  site: 'example.com',
  zip: '01234',
};

async function readBack(fields = FIELDS, values = VALUES): Promise<XLSX.WorkBook> {
  const { data } = await buildXlsx([{ name: 'Clients', fields, rows: [{ values }] }], ctx);
  return XLSX.read(data, { type: 'array', cellNF: true });
}

describe('buildXlsx', () => {
  it('writes the header as text', async () => {
    const sheet = (await readBack()).Sheets['Clients']!;
    expect(FIELDS.map((_, column) => sheet[XLSX.utils.encode_cell({ r: 0, c: column })]?.v)).toEqual(
      FIELDS.map((field) => field.name),
    );
  });

  it('writes typed cells', async () => {
    const sheet = (await readBack()).Sheets['Clients']!;
    const cellOf = (name: string) =>
      sheet[XLSX.utils.encode_cell({ r: 1, c: FIELDS.findIndex((f) => f.name === name) })];

    expect(cellOf('Name')).toMatchObject({ t: 's', v: '=1+2' });
    expect(cellOf('Name')?.f).toBeUndefined();
    expect(cellOf('Phone')).toMatchObject({ t: 's', v: '+44 20 7946 0958' });
    expect(cellOf('Zip')).toMatchObject({ t: 's', v: '01234' });
    expect(cellOf('Value')).toMatchObject({ t: 'n', v: -1234.5, z: '"£"#,##0.00' });
    expect(cellOf('Visits')).toMatchObject({ t: 'n', v: 7.5, z: '#,##0.0' });
    expect(cellOf('Share')).toMatchObject({ t: 'n', v: 0.125, z: '0.0%' });
    expect(cellOf('Paid')).toMatchObject({ t: 'b', v: true });
    expect(cellOf('Tags')).toMatchObject({ t: 's', v: 'VIP; Newsletter' });
    expect(cellOf('Company')).toMatchObject({ t: 's', v: 'Acme Ltd; Globex' });
    expect(cellOf('Website')).toMatchObject({ t: 's', v: 'example.com' });
    expect(cellOf('Website')?.l?.Target).toBe('https://example.com');
  });

  it('writes dates as date serials', async () => {
    const sheet = (await readBack()).Sheets['Clients']!;
    const due = sheet[XLSX.utils.encode_cell({ r: 1, c: 5 })]!;
    expect(due.t).toBe('n');
    expect(due.v).toBe(46360);
    expect(XLSX.SSF.is_date(String(due.z))).toBe(true);
    expect(XLSX.SSF.parse_date_code(due.v as number)).toMatchObject({ y: 2026, m: 12, d: 4 });

    const met = sheet[XLSX.utils.encode_cell({ r: 1, c: 6 })]!;
    expect(met.t).toBe('n');
    expect(XLSX.SSF.is_date(String(met.z))).toBe(true);
    expect(XLSX.SSF.parse_date_code(met.v as number)).toMatchObject({ y: 2026, m: 12, d: 4, H: 14, M: 30 });
  });

  it('reads dates back as Date with cellDates', async () => {
    const { data } = await buildXlsx([{ name: 'Clients', fields: FIELDS, rows: [{ values: VALUES }] }], ctx);
    const sheet = XLSX.read(data, { type: 'array', cellDates: true }).Sheets['Clients']!;
    const due = sheet['F2']!;
    expect(due.t).toBe('d');
    expect((due.v as Date).toISOString().slice(0, 10)).toBe('2026-12-04');
  });

  it('keeps a value kept as text', async () => {
    const sheet = (await readBack([FIELDS[3]!], { count: { invalid: 'about 3' } })).Sheets['Clients']!;
    expect(sheet['A2']).toMatchObject({ t: 's', v: 'about 3' });
  });

  it('leaves empty cells out', async () => {
    const sheet = (await readBack(FIELDS, { name: 'Ada' })).Sheets['Clients']!;
    expect(sheet['A2']).toMatchObject({ t: 's', v: 'Ada' });
    expect(sheet['B2']).toBeUndefined();
    expect(sheet['!ref']).toBe('A1:L2');
  });

  it('writes one worksheet per sheet', async () => {
    const { data } = await buildXlsx(
      [
        { name: 'Clients', fields: FIELDS.slice(0, 1), rows: [{ values: { name: 'Ada' } }] },
        { name: 'Clients', fields: FIELDS.slice(0, 1), rows: [] },
        {
          name: 'Deals: 2026/27',
          fields: FIELDS.slice(2, 3),
          rows: [{ values: { value: { minor: 5, currency: 'JPY' } } }],
        },
      ],
      ctx,
    );
    const workbook = XLSX.read(data, { type: 'array', cellNF: true });
    expect(workbook.SheetNames).toEqual(['Clients', 'Clients (2)', 'Deals- 2026-27']);
    expect(workbook.Sheets['Deals- 2026-27']!['A2']).toMatchObject({ t: 'n', v: 5, z: '"JP¥"#,##0' });
  });

  it('cuts text longer than Excel allows', async () => {
    const result = await buildXlsx(
      [{ name: 'Notes', fields: FIELDS.slice(0, 1), rows: [{ values: { name: 'x'.repeat(40_000) } }] }],
      ctx,
    );
    expect(result.truncatedCells).toBe(1);
    const sheet = XLSX.read(result.data, { type: 'array' }).Sheets['Notes']!;
    expect(String(sheet['A2']?.v)).toHaveLength(32_767);
  });
});

describe('dateSerial', () => {
  it('matches Excel serials', () => {
    expect(dateSerial('1900-01-01')).toBe(1);
    expect(dateSerial('1900-03-01')).toBe(61);
    expect(dateSerial('2026-12-04')).toBe(46360);
    expect(dateSerial('1815-12-10')).toBeNull();
  });
});

describe('currencyFormat', () => {
  it('places the symbol as the locale does', () => {
    expect(currencyFormat('GBP', 'en-GB')).toBe('"£"#,##0.00');
    expect(currencyFormat('EUR', 'de-DE')).toBe('#,##0.00 "€"');
  });
});

describe('xlsxSheetName', () => {
  it('shortens long names to 31 characters', () => {
    expect(xlsxSheetName('A very long sheet name that goes on and on', new Set())).toHaveLength(31);
  });

  it('renames History, which Excel reserves', () => {
    expect(xlsxSheetName('history', new Set())).toBe('History sheet');
  });
});
