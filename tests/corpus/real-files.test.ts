// Runs the CSV import pipeline (decode, parse, plan a new sheet, build the
// import) over real published sample files kept in a data folder beside the
// repository (realRoot). The files are not copied into the repository, and
// without the folder every test here is skipped.
//
// Raw cell values are read independently with PapaParse's defaults, so the
// checks do not reuse the code under test to decide what the file contains.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cellToCsv, defaultFieldContext, formatCell, parseCell, parseCsvCell } from '../../src/fields/registry';
import type { CellValue, FieldContext, FieldDef, PhoneValue } from '../../src/fields/types';
import { decodeCsvBytes, type DecodedText, looksLikeBinary } from '../../src/import/csv/decode';
import { parseCsvText, type ParsedCsv } from '../../src/import/csv/parse';
import { buildImportPlan, planNewSheetFromCsv, type ImportPlan, type NewSheetPlan } from '../../src/import/csv/plan';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const realRoot = path.resolve(repoRoot, '..', 'shared', 'data', 'real');
const realFilesExist = existsSync(realRoot);

const ctx: FieldContext = defaultFieldContext;

/** Relative paths of the *.csv files under a folder of realRoot, searched recursively and sorted. */
function csvFilesUnder(folder: string): string[] {
  const absolute = path.join(realRoot, folder);
  if (!existsSync(absolute)) return [];
  return (readdirSync(absolute, { recursive: true }) as string[])
    .filter((name) => name.toLowerCase().endsWith('.csv'))
    .map((name) => path.join(folder, name))
    .sort();
}

interface Imported {
  decoded: DecodedText;
  parsed: ParsedCsv;
  sheet: NewSheetPlan;
  plan: ImportPlan;
  /** Header and data records read by PapaParse with default options, blank records left out. */
  rawRecords: string[][];
}

const importedFiles = new Map<string, Imported>();

/** Runs the whole pipeline once per file and caches the result for the tests of that file. */
function importFile(file: string): Imported {
  const cached = importedFiles.get(file);
  if (cached) return cached;

  const decoded = decodeCsvBytes(readFileSync(path.join(realRoot, file)));
  const parsed = parseCsvText(decoded.text);
  const sheet = planNewSheetFromCsv(parsed.headers, parsed.rows, ctx);
  const plan = buildImportPlan(parsed, { columns: sheet.fields, dateOrders: sheet.dateOrders }, ctx);
  const rawRecords = Papa.parse<string[]>(decoded.text).data.filter((record) => record.some((value) => value !== ''));

  const imported = { decoded, parsed, sheet, plan, rawRecords };
  importedFiles.set(file, imported);
  return imported;
}

function columnIndex(imported: Imported, header: string): number {
  const index = imported.parsed.headers.indexOf(header);
  expect(index, `column "${header}"`).toBeGreaterThanOrEqual(0);
  return index;
}

/** Returns the stored values of one column in row order, with undefined for an empty cell. */
function storedColumn(imported: Imported, header: string): (CellValue | undefined)[] {
  const field = imported.sheet.fields[columnIndex(imported, header)]!;
  return imported.plan.added.map((record) => record.values[field.id]);
}

/** Returns the raw text of one column in row order, from the independent PapaParse read. */
function rawColumn(imported: Imported, header: string): string[] {
  const index = imported.rawRecords[0]!.indexOf(header);
  expect(index, `raw column "${header}"`).toBeGreaterThanOrEqual(0);
  return imported.rawRecords.slice(1).map((record) => record[index] ?? '');
}

function storedText(value: CellValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'text' in value) return (value as PhoneValue).text;
  return undefined;
}

function columnContext(sheet: NewSheetPlan, column: number): FieldContext {
  const dateOrder = sheet.dateOrders[column];
  return dateOrder === undefined ? ctx : { ...ctx, dateOrder };
}

const IMPORTED_FOLDERS = ['datablist', 'excel-resaved'];
const PARSED_ONLY_FOLDERS = ['contacts-csv', 'salesforce-dataloader'];

describe.skipIf(!realFilesExist)('real CSV files', () => {
  const importedFileList = IMPORTED_FOLDERS.flatMap(csvFilesUnder);
  const parsedOnlyFileList = PARSED_ONLY_FOLDERS.flatMap(csvFilesUnder);

  it('finds the sample files', () => {
    expect(importedFileList.length).toBeGreaterThan(0);
    expect(parsedOnlyFileList.length).toBeGreaterThan(0);
  });

  for (const file of importedFileList) {
    describe(file, () => {
      it('imports every record', () => {
        const imported = importFile(file);
        const recordCount = imported.rawRecords.length - 1;

        expect(imported.parsed.errors).toEqual([]);
        expect(imported.plan.rejected).toEqual([]);
        expect(imported.plan.skippedEmpty).toEqual([]);
        expect(imported.plan.added).toHaveLength(recordCount);
        expect(imported.parsed.headers).toEqual(imported.rawRecords[0]);
      });

      it('keeps phone text exactly', () => {
        const imported = importFile(file);
        const phoneHeaders = imported.parsed.headers.filter((header) => /phone/i.test(header));
        for (const header of phoneHeaders) {
          const raw = rawColumn(imported, header);
          storedColumn(imported, header).forEach((value, row) => {
            expect(storedText(value) ?? '', `${header}, data row ${row + 1}`).toBe(raw[row]);
          });
        }
      });

      it('keeps ISO dates as they are', () => {
        const imported = importFile(file);
        for (const header of imported.parsed.headers) {
          const raw = rawColumn(imported, header);
          if (!raw.every((text) => /^\d{4}-\d{2}-\d{2}$/.test(text))) continue;
          expect(storedColumn(imported, header), header).toEqual(raw);
        }
      });

      it('keeps text values unchanged', () => {
        const imported = importFile(file);
        imported.sheet.fields.forEach((field, column) => {
          if (field.type !== 'text' && field.type !== 'longText') return;
          const header = imported.parsed.headers[column]!;
          const raw = rawColumn(imported, header);
          const expected = raw.map((text) => (text.trim() === '' ? undefined : text));
          expect(storedColumn(imported, header), header).toEqual(expected);
        });
      });

      it('loses no value', () => {
        const imported = importFile(file);
        const problems: string[] = [];

        imported.plan.added.forEach((record) => {
          imported.sheet.fields.forEach((field: FieldDef, column) => {
            const header = imported.parsed.headers[column]!;
            const source = imported.parsed.rows[record.rowNumber - 2]?.[column] ?? '';
            const value = record.values[field.id];
            const where = `Row ${record.rowNumber}, "${header}" (${field.type}) ${JSON.stringify(source)}`;

            if ((source.trim() === '') !== (value === undefined)) {
              problems.push(`${where}: stored ${JSON.stringify(value)}`);
              return;
            }
            if (value === undefined) return;

            const csvText = cellToCsv(value, field, ctx);
            const fromCsv = parseCsvCell(csvText, field, columnContext(imported.sheet, column));
            if (!fromCsv.ok || JSON.stringify(fromCsv.value) !== JSON.stringify(value)) {
              problems.push(`${where}: CSV form ${JSON.stringify(csvText)} reads as ${JSON.stringify(fromCsv)}`);
            }

            const displayText = formatCell(value, field, ctx);
            const retyped = parseCell(displayText, field, ctx);
            if (!retyped.ok || JSON.stringify(retyped.value) !== JSON.stringify(value)) {
              problems.push(`${where}: shown as ${JSON.stringify(displayText)}, reads as ${JSON.stringify(retyped)}`);
            }
          });
        });

        expect(problems).toEqual([]);
      });
    });
  }

  const customers = 'datablist/customers-100.csv';
  const people = 'datablist/people-100.csv';
  const germanCustomers = 'excel-resaved/de-semicolon/customers-100.csv';
  const usPeople = 'excel-resaved/us-mdy/people-100.csv';

  describe.skipIf(!existsSync(path.join(realRoot, customers)))(customers, () => {
    it('reads the first row as written', () => {
      const imported = importFile(customers);
      expect(imported.decoded).toMatchObject({ encoding: 'utf-8', hadBom: false });
      expect(imported.parsed.delimiter).toBe(',');
      expect(imported.parsed.lineEnding).toBe('\r\n');
      expect(storedText(storedColumn(imported, 'Phone 1')[0])).toBe('229.077.5154');
      expect(storedColumn(imported, 'Subscription Date')[0]).toBe('2020-08-24');
      expect(imported.sheet.dateOrders[columnIndex(imported, 'Subscription Date')]).toBe('iso');
    });

    it('keeps quoted company names whole', () => {
      const imported = importFile(customers);
      expect(storedColumn(imported, 'Company')[3]).toBe('Dominguez, Mcmillan and Donovan');
    });
  });

  describe.skipIf(!existsSync(path.join(realRoot, germanCustomers)))(germanCustomers, () => {
    it('detects the semicolon', () => {
      const imported = importFile(germanCustomers);
      expect(imported.parsed.delimiter).toBe(';');
      expect(imported.parsed.headers).toHaveLength(12);
    });

    it('reads day.month.year dates', () => {
      const imported = importFile(germanCustomers);
      expect(imported.sheet.dateOrders[columnIndex(imported, 'Subscription Date')]).toBe('dmy');
      expect(rawColumn(imported, 'Subscription Date')[0]).toBe('24.08.2020');
      expect(storedColumn(imported, 'Subscription Date')[0]).toBe('2020-08-24');

      const raw = rawColumn(imported, 'Subscription Date');
      storedColumn(imported, 'Subscription Date').forEach((value, row) => {
        const [day, month, year] = raw[row]!.split('.');
        expect(value, raw[row]).toBe(`${year}-${month}-${day}`);
      });
    });

    it('matches the original dates', () => {
      const original = importFile(customers);
      const resaved = importFile(germanCustomers);
      expect(storedColumn(resaved, 'Customer Id')).toEqual(storedColumn(original, 'Customer Id'));
      expect(storedColumn(resaved, 'Subscription Date')).toEqual(storedColumn(original, 'Subscription Date'));
    });

    it('keeps phones Excel turned into numbers', () => {
      const imported = importFile(germanCustomers);
      expect(storedText(storedColumn(imported, 'Phone 1')[2])).toBe('-1199');
      expect(storedText(storedColumn(imported, 'Phone 2')[3])).toBe('-9892');
    });

    it('keeps unquoted commas in company names', () => {
      const imported = importFile(germanCustomers);
      expect(storedColumn(imported, 'Company')[3]).toBe('Dominguez, Mcmillan and Donovan');
    });
  });

  describe.skipIf(!existsSync(path.join(realRoot, usPeople)))(usPeople, () => {
    it('reads month/day/year dates', () => {
      const imported = importFile(usPeople);
      expect(imported.sheet.dateOrders[columnIndex(imported, 'Date of birth')]).toBe('mdy');
      expect(rawColumn(imported, 'Date of birth')[0]).toBe('10/26/1945');
      expect(storedColumn(imported, 'Date of birth')[0]).toBe('1945-10-26');

      const raw = rawColumn(imported, 'Date of birth');
      storedColumn(imported, 'Date of birth').forEach((value, row) => {
        const [month, day, year] = raw[row]!.split('/');
        expect(value, raw[row]).toBe(`${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`);
      });
    });

    it('matches the original dates', () => {
      const original = importFile(people);
      const resaved = importFile(usPeople);
      expect(storedColumn(resaved, 'User Id')).toEqual(storedColumn(original, 'User Id'));
      expect(storedColumn(resaved, 'Date of birth')).toEqual(storedColumn(original, 'Date of birth'));
    });
  });

  for (const file of parsedOnlyFileList) {
    it(`${file} decodes and parses`, () => {
      const decoded = decodeCsvBytes(readFileSync(path.join(realRoot, file)));
      const parsed = parseCsvText(decoded.text);
      expect(parsed.headers.length).toBeGreaterThan(0);
      expect(parsed.headers.every((header) => header !== '')).toBe(true);
      expect(looksLikeBinary(decoded.text)).toBe(false);
    });
  }

  const encodings: [file: string, encoding: string, hadBom: boolean, firstHeader: string][] = [
    ['contacts-csv/thunderbird/utf16_addressbook.csv', 'utf-16le', true, 'First Name'],
    ['contacts-csv/roundcube/all.csv', 'utf-8', true, 'Display Name'],
    ['salesforce-dataloader/csvtext_BOM_UTF16LE.csv', 'utf-16le', true, 'column1'],
    ['salesforce-dataloader/csvtext_BOM_UTF8.csv', 'utf-8', true, 'column1'],
    ['salesforce-dataloader/accountData.csv', 'windows-1252', false, 'ID'],
  ];
  for (const [file, encoding, hadBom, firstHeader] of encodings) {
    it.skipIf(!existsSync(path.join(realRoot, file)))(`${file} is ${encoding}`, () => {
      const decoded = decodeCsvBytes(readFileSync(path.join(realRoot, file)));
      expect(decoded.encoding).toBe(encoding);
      expect(decoded.hadBom).toBe(hadBom);
      expect(parseCsvText(decoded.text).headers[0]).toBe(firstHeader);
    });
  }

  const accountData = 'salesforce-dataloader/accountData.csv';
  it.skipIf(!existsSync(path.join(realRoot, accountData)))('Windows-1252 accents survive', () => {
    const decoded = decodeCsvBytes(readFileSync(path.join(realRoot, accountData)));
    expect(decoded.text).toContain('Crédito Inmobiliario');
    expect(decoded.text).toContain('Nº 77');
    expect(decoded.text).not.toContain('\uFFFD');
  });

  const shiftJis = 'contacts-csv/thunderbird/shiftjis_addressbook.csv';
  it.skipIf(!existsSync(path.join(realRoot, shiftJis)))('Shift_JIS reads when forced', () => {
    const bytes = readFileSync(path.join(realRoot, shiftJis));
    expect(decodeCsvBytes(bytes).encoding).toBe('windows-1252');

    const parsed = parseCsvText(decodeCsvBytes(bytes, 'shift_jis').text);
    expect(parsed.rows[0]?.[2]).toBe('名無しの権兵衛');
  });

  const mixed = 'contacts-csv/thunderbird/tab_comma_mixed.csv';
  it.skipIf(!existsSync(path.join(realRoot, mixed)))('mixed delimiters keep every line', () => {
    const parsed = parseCsvText(decodeCsvBytes(readFileSync(path.join(realRoot, mixed))).text);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.rows.map((row) => row[0])).toEqual([
      '2\t2\t2\t2\t2@host.invalid',
      '3\t3\t3\t3\t3@host.invalid',
      '4\t4\t4\t4\t4@host.invalid',
    ]);
  });
});
