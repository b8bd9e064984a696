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
import { analyseFile } from '../../src/import/analyseFile';
import { parseVCards } from '../../src/vcard/parse';

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
  it.skipIf(!existsSync(path.join(realRoot, shiftJis)))('Shift_JIS is detected and reads when forced', () => {
    const bytes = readFileSync(path.join(realRoot, shiftJis));
    expect(decodeCsvBytes(bytes).encoding).toBe('shift_jis');
    expect(parseCsvText(decodeCsvBytes(bytes).text).rows[0]?.[2]).toBe('名無しの権兵衛');

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

/** Runs the import dialog's analysis on a real file, as the import worker does. */
function analyseRealFile(file: string) {
  return analyseFile({ bytes: readFileSync(path.join(realRoot, file)), fileName: path.basename(file), ctx }).analysis;
}

/** Returns a preview row as an object keyed by header. */
function previewRow(analysis: ReturnType<typeof analyseRealFile>, index: number): Record<string, string> {
  return Object.fromEntries(
    analysis.headers.map((header, column) => [header, analysis.previewRows[index]?.[column] ?? '']),
  );
}

/** Relative paths of every *.vcf file under vcard/, sorted. */
function vcardFiles(): string[] {
  const absolute = path.join(realRoot, 'vcard');
  if (!existsSync(absolute)) return [];
  return (readdirSync(absolute, { recursive: true }) as string[])
    .filter((name) => name.toLowerCase().endsWith('.vcf'))
    .map((name) => path.join('vcard', name))
    .sort();
}

describe.skipIf(!realFilesExist)('real vCard files', () => {
  const files = vcardFiles();

  it('finds the sample files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${file} reads one row per card`, () => {
      const decoded = decodeCsvBytes(readFileSync(path.join(realRoot, file)));
      // Counted independently of the parser: one BEGIN:VCARD line per card.
      const cardCount = decoded.text.split(/\r\n|\r|\n/).filter((line) => /^BEGIN:VCARD\s*$/i.test(line)).length;
      const analysis = analyseRealFile(file);
      expect(analysis.source).toBe('vcard');
      expect(analysis.rowCount).toBe(cardCount);
      expect(parseVCards(decoded.text).problems).toEqual([]);
    });
  }

  const expectations: [file: string, row: number, values: Record<string, string>][] = [
    ['vcard/ez-vcard/John_Doe_ANDROID.vcf', 2, { Name: 'Ñ Ñ Ñ Ñ Ñ', Phone: '123456789', Tags: 'My Contacts' }],
    [
      'vcard/ez-vcard/John_Doe_IPHONE.vcf',
      0,
      {
        Name: 'Mr. John Richter James Doe Sr.',
        Email: 'john.doe@ibm.com',
        Phone: '905-555-1234',
        Birthday: '2012-06-06',
      },
    ],
    [
      'vcard/ez-vcard/John_Doe_MS_OUTLOOK.vcf',
      0,
      { Company: 'IBM', 'Job title': 'Money Counter', Phone: '(905) 555-1234', Birthday: '1980-03-22' },
    ],
    [
      'vcard/ez-vcard/fullcontact.vcf',
      0,
      { Email: 'home@example.com', 'Email 2': 'work@example.com', Birthday: '2016-08-01' },
    ],
    ['vcard/ez-vcard/issue114.vcf', 0, { Name: 'Dummy, Dummy', Phone: '+49 1234 56789' }],
    ['vcard/node-vcf/multiple.vcf', 0, { Name: 'Dr. Erika Mustermann', Phone: '+49-221-9999123' }],
    [
      'vcard/node-vcf/multiple.vcf',
      1,
      { Phone: '(0221) 9999123', Address: 'Heidestrasse 17, 51147 Koeln, Deutschland' },
    ],
    ['vcard/roundcube/utf-16_sample.vcf', 0, { Name: 'Ǽgean ĽdaMonté' }],
    ['vcard/roundcube/johndoe.vcf', 0, { Name: 'John Doë', Email: 'roundcube@gmail.com' }],
    ['vcard/thunderbird/emptylines_vcard_addressbook.vcf', 1, { Name: 'Jane Doe', Email: 'jane.doe@genericemail.com' }],
  ];
  for (const [file, row, values] of expectations) {
    it.skipIf(!existsSync(path.join(realRoot, file)))(`${file} card ${row + 1} has its values`, () => {
      expect(previewRow(analyseRealFile(file), row)).toMatchObject(values);
    });
  }

  it.skipIf(!existsSync(path.join(realRoot, 'vcard/roundcube/utf-16_sample.vcf')))('UTF-16 BE without BOM', () => {
    expect(analyseRealFile('vcard/roundcube/utf-16_sample.vcf')).toMatchObject({ encoding: 'utf-16be', hadBom: false });
  });
});

describe.skipIf(!realFilesExist)('real contact exports', () => {
  const gmail = 'contacts-csv/roundcube/gmail.csv';
  it.skipIf(!existsSync(path.join(realRoot, gmail)))('older Google layout becomes the contact table', () => {
    const analysis = analyseRealFile(gmail);
    expect(analysis.rowCount).toBe(1);
    expect(analysis.layoutNote).toMatch(/Google Contacts export \(older layout\)/);
    expect(previewRow(analysis, 0)).toMatchObject({
      Name: 'Prefix Firstname Middle Lastname Suffix',
      Email: 'home@aaa.pl',
      'Email 2': 'work@email.pl',
      Birthday: '1975-12-12',
      Tags: 'Test',
      Nickname: 'nick',
    });
    expect(previewRow(analysis, 0)['Notes']).toMatch(/^note"note\nOther emails: unknown@email.com; other@email.com/);
  });

  const contactFiles: [file: string, rows: number, column: string, value: string][] = [
    ['contacts-csv/roundcube/outlook.csv', 1, 'E-mail 3 Address', 'test3@domain.tld'],
    ['contacts-csv/roundcube/all.csv', 1, 'Birthday', '20/01/1991'],
    ['contacts-csv/roundcube/email.csv', 4, 'Primary Email', 'test2@domain.tld'],
    ['contacts-csv/thunderbird/basic_addressbook.csv', 1, 'Primary Email', 'johndoe@host.invalid'],
    ['contacts-csv/thunderbird/utf16_addressbook.csv', 1, 'Display Name', 'John Doe'],
    ['contacts-csv/thunderbird/shiftjis_addressbook.csv', 1, 'Display Name', '名無しの権兵衛'],
  ];
  for (const [file, rows, column, value] of contactFiles) {
    it.skipIf(!existsSync(path.join(realRoot, file)))(`${file} has ${rows} rows`, () => {
      const analysis = analyseRealFile(file);
      expect(analysis.rowCount).toBe(rows);
      expect(analysis.previewRows.map((_, index) => previewRow(analysis, index)[column])).toContain(value);
    });
  }

  const german = 'excel-resaved/de-semicolon/customers-100.csv';
  it.skipIf(!existsSync(path.join(realRoot, german)))('Excel damage in the German re-save is flagged', () => {
    const analysis = analyseRealFile(german);
    const flagged = analysis.flagged.map((cell) => [analysis.headers[cell.column], cell.value]);
    expect(flagged).toEqual(
      expect.arrayContaining([
        ['Phone 1', '-1199'],
        ['Phone 2', '-9892'],
        ['Index', '1,30E+01'],
        ['Index', '4,30E+01'],
        ['Index', '5,20E+01'],
      ]),
    );
    expect(analysis.dateDetections[analysis.headers.indexOf('Subscription Date')]).toMatchObject({ format: 'dmyDots' });
  });

  const american = 'excel-resaved/us-mdy/people-100.csv';
  it.skipIf(!existsSync(path.join(realRoot, american)))('US re-save dates are month first', () => {
    const analysis = analyseRealFile(american);
    expect(analysis.dateDetections[analysis.headers.indexOf('Date of birth')]).toMatchObject({ format: 'mdy' });
    expect(analysis.flagged.filter((cell) => analysis.headers[cell.column] === 'Phone')).toHaveLength(5);
  });
});
