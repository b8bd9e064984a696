// Export-then-restore must give back every table exactly, for any workbook.

import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { getDatabase, resetDatabaseForTests } from '../db/connection';
import { getLastBackupAt, recordBackupMade } from '../db/backup';
import type { HistoryRecord, ReminderRecord, RowRecord, SettingRecord, SheetRecord, ViewRecord } from '../db/records';
import { ALL_FIELD_TYPES } from '../fields/testFields';
import type { CellValue, FieldDef, FieldType } from '../fields/types';
import { createBackup } from './download';
import { decryptBackup, restoreBackup } from './restore';
import { readBackupText } from './validate';

afterEach(() => {
  vi.restoreAllMocks();
  resetDatabaseForTests();
});

async function dumpDatabase(): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of getDatabase().tables) dump[table.name] = await table.toArray();
  return dump;
}

// ---------------------------------------------------------------------------
// Generated workbooks
// ---------------------------------------------------------------------------

/** Text with emoji, combining marks, right-to-left and astral characters. */
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }));
const id = fc.uuid();
const timestamp = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const day = timestamp.map((instant) => instant.slice(0, 10));
/** JSON has no -0, NaN or Infinity, and stored numbers never hold them. */
const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Object.is(value, -0));

function valueFor(type: FieldType): fc.Arbitrary<CellValue> {
  switch (type) {
    case 'phone':
      return fc.record(
        { text: anyText, e164: fc.constantFrom('+447700900123', '+14155550123') },
        { requiredKeys: ['text'] },
      );
    case 'number':
    case 'percent':
      return finiteNumber;
    case 'currency':
      return fc.record({ minor: fc.integer(), currency: fc.constantFrom('GBP', 'EUR', 'JPY') });
    case 'date':
      return day;
    case 'dateTime':
      return timestamp;
    case 'select':
      return fc.constantFrom('opt-a', 'opt-b');
    case 'multiSelect':
      return fc.subarray(['opt-a', 'opt-b', 'opt-c'], { minLength: 1 });
    case 'checkbox':
      return fc.boolean();
    case 'link':
      return fc.array(id, { minLength: 1, maxLength: 3 });
    default:
      return anyText;
  }
}

const fieldDef = fc
  .record({
    id,
    name: anyText,
    type: fc.constantFrom(...ALL_FIELD_TYPES),
  })
  .map(({ id: fieldId, name, type }): FieldDef => ({
    id: fieldId,
    name,
    type,
    settings: type.endsWith('elect') ? { options: [{ id: 'opt-a', label: 'A ✅', color: '#dbeafe' }] } : {},
  }));

/** Values for some of a sheet's fields, with now and then a value kept as invalid text. */
function rowValues(fields: FieldDef[]): fc.Arbitrary<Record<string, CellValue>> {
  const entries = fields.map((field) =>
    fc.option(
      fc.oneof(
        { weight: 5, arbitrary: valueFor(field.type) },
        { weight: 1, arbitrary: anyText.map((invalid) => ({ invalid })) },
      ),
      {
        nil: undefined,
      },
    ),
  );
  return fc.tuple(...entries).map((values) => {
    const record: Record<string, CellValue> = {};
    values.forEach((value, index) => {
      if (value !== undefined) record[fields[index]!.id] = value;
    });
    return record;
  });
}

interface Workbook {
  sheets: SheetRecord[];
  rows: RowRecord[];
  views: ViewRecord[];
  reminders: ReminderRecord[];
  history: HistoryRecord[];
  settings: SettingRecord[];
}

const sheetWithRows = fc
  .record({
    id,
    name: anyText,
    fields: fc.uniqueArray(fieldDef, { minLength: 1, maxLength: 6, selector: (field) => field.id }),
    position: fc.integer({ min: 0, max: 50 }),
    createdAt: timestamp,
    deleted: fc.constantFrom<0 | 1>(0, 0, 1),
  })
  .chain((sheet) =>
    fc.record({
      sheet: fc.constant<SheetRecord>({ ...sheet, updatedAt: sheet.createdAt }),
      rows: fc.array(
        fc.record({
          id,
          values: rowValues(sheet.fields),
          createdAt: timestamp,
          deleted: fc.constantFrom<0 | 1>(0, 0, 0, 1),
        }),
        { maxLength: 6 },
      ),
      viewName: anyText,
      search: fc.option(anyText, { nil: undefined }),
    }),
  );

const workbook: fc.Arbitrary<Workbook> = fc
  .record({
    parts: fc.uniqueArray(sheetWithRows, { minLength: 1, maxLength: 3, selector: (part) => part.sheet.id }),
    reminderTitles: fc.array(fc.record({ id, title: anyText, date: day }), { maxLength: 4 }),
    // JSON has no -0, so a backup file stores it as 0; the generated value is normalised the same way.
    extraSetting: fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown),
    locale: fc.constantFrom('en-GB', 'de-DE', 'en-US'),
  })
  .map(({ parts, reminderTitles, extraSetting, locale }) => {
    const sheets = parts.map((part) => part.sheet);
    const rows: RowRecord[] = parts.flatMap((part) =>
      part.rows.map((row, index) => ({
        id: row.id,
        sheetId: part.sheet.id,
        values: row.values,
        position: index,
        createdAt: row.createdAt,
        updatedAt: row.createdAt,
        deleted: row.deleted,
        ...(row.deleted ? { deletedAt: row.createdAt } : {}),
      })),
    );
    const uniqueRows = [...new Map(rows.map((row) => [row.id, row])).values()];
    const views: ViewRecord[] = parts.map((part) => ({
      id: `view-${part.sheet.id}`,
      sheetId: part.sheet.id,
      name: part.viewName,
      columns: part.sheet.fields.map((field) => ({ fieldId: field.id, width: 120 })),
      sorts: [{ fieldId: part.sheet.fields[0]!.id, direction: 'desc' }],
      filters: {},
      isDefault: true,
      ...(part.search === undefined ? {} : { search: part.search }),
      updatedAt: part.sheet.createdAt,
    }));
    const firstRow = uniqueRows[0];
    const reminders: ReminderRecord[] = reminderTitles.map((reminder, index) => ({
      id: reminder.id,
      kind: 'standalone',
      title: reminder.title,
      date: reminder.date,
      time: '09:00',
      due: `${reminder.date}T09:00`,
      state: index % 2 ? 'done' : 'open',
      ...(firstRow && index === 0 ? { sheetId: firstRow.sheetId, rowId: firstRow.id } : {}),
      createdAt: `${reminder.date}T08:00:00.000Z`,
      updatedAt: `${reminder.date}T08:00:00.000Z`,
    }));
    const history: HistoryRecord[] = uniqueRows.slice(0, 3).map((row, index) => ({
      id: `history-${row.id}`,
      at: `2026-01-0${index + 1}T00:00:00.000Z`,
      kind: 'addRows',
      sheetId: row.sheetId,
      rowIds: [row.id],
      before: [null],
      after: [row],
      state: 'applied',
    }));
    const settings: SettingRecord[] = [
      { key: 'workbook', value: { locale, currency: 'EUR', defaultCountry: 'DE', dateOrder: 'dmy' } },
      { key: 'activeSheetId', value: sheets[0]!.id },
      { key: 'someoneElsesSetting', value: extraSetting },
    ];
    return { sheets, rows: uniqueRows, views, reminders, history, settings };
  });

/** Replaces the database content with the workbook, written table by table without the code under test. */
async function writeWorkbook(book: Workbook): Promise<void> {
  const database = getDatabase();
  await database.transaction('rw', database.tables, async () => {
    for (const table of database.tables) {
      await table.clear();
      const records = (book as unknown as Record<string, unknown[]>)[table.name] ?? [];
      await table.bulkAdd(records);
    }
  });
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

describe('backup round trip', () => {
  it('restores every table exactly', async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async (book) => {
        await writeWorkbook(book);
        const { text, createdAt, fileName } = await createBackup();
        await recordBackupMade(createdAt);
        const expected = await dumpDatabase();

        // Something else entirely is in the database when the backup is restored.
        await writeWorkbook({
          sheets: [],
          rows: [],
          views: [],
          reminders: [],
          history: [],
          settings: [{ key: 'workbook', value: { locale: 'fr-FR' } }],
        });
        const opened = readBackupText(text, fileName);
        if (opened.kind !== 'plain') throw new Error('An unencrypted backup was read as encrypted.');
        await restoreBackup(opened.backup, fileName);

        expect(await dumpDatabase()).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('restores an encrypted backup exactly', async () => {
    const [book] = fc.sample(workbook, { numRuns: 1, seed: 42 });
    await writeWorkbook(book!);
    const { text, createdAt, fileName } = await createBackup('a long passphrase 🔑');
    await recordBackupMade(createdAt);
    const expected = await dumpDatabase();

    await writeWorkbook({ sheets: [], rows: [], views: [], reminders: [], history: [], settings: [] });
    const opened = readBackupText(text, fileName);
    if (opened.kind !== 'encrypted') throw new Error('An encrypted backup was read as plain.');
    await restoreBackup(await decryptBackup(opened.envelope, 'a long passphrase 🔑', fileName), fileName);

    expect(await dumpDatabase()).toEqual(expected);
    expect(await getLastBackupAt()).toBe(createdAt);
  });

  it('names the file on a wrong passphrase', async () => {
    const [book] = fc.sample(workbook, { numRuns: 1, seed: 7 });
    await writeWorkbook(book!);
    const { text, fileName } = await createBackup('the right passphrase');
    const opened = readBackupText(text, fileName);
    if (opened.kind !== 'encrypted') throw new Error('An encrypted backup was read as plain.');

    await expect(decryptBackup(opened.envelope, 'the wrong passphrase', fileName)).rejects.toThrow(
      `The passphrase does not open "${fileName}"`,
    );
  });

  it('records the backup in the file settings', async () => {
    const [book] = fc.sample(workbook, { numRuns: 1, seed: 3 });
    await writeWorkbook(book!);
    const { text, createdAt } = await createBackup(undefined, new Date('2026-12-04T21:05:58.000Z'));

    expect(createdAt).toBe('2026-12-04T21:05:58.000Z');
    const file = JSON.parse(text) as { tables: { settings: SettingRecord[] } };
    expect(file.tables.settings).toContainEqual({ key: 'lastBackupAt', value: createdAt });
  });
});

describe('failed restore', () => {
  async function backupOfSample(seed: number) {
    const [book] = fc.sample(
      workbook.filter((candidate) => candidate.rows.length > 1),
      { numRuns: 1, seed },
    );
    await writeWorkbook(book!);
    const { text, fileName } = await createBackup();
    const opened = readBackupText(text, fileName);
    if (opened.kind !== 'plain') throw new Error('An unencrypted backup was read as encrypted.');
    return { backup: opened.backup, fileName };
  }

  it('leaves the database as before on a quota error', async () => {
    const { backup, fileName } = await backupOfSample(11);
    const [current] = fc.sample(workbook, { numRuns: 1, seed: 12 });
    await writeWorkbook(current!);
    const before = await dumpDatabase();

    // The first records land, then the disk is full, in the middle of the transaction.
    const rowsTable = getDatabase().table('rows');
    const realBulkAdd = rowsTable.bulkAdd.bind(rowsTable);
    vi.spyOn(rowsTable, 'bulkAdd').mockImplementation((records: readonly unknown[]) =>
      realBulkAdd(records.slice(0, 1)).then(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }),
    );

    const restoring = restoreBackup(backup, fileName);
    await expect(restoring).rejects.toThrow(`"${fileName}" was not restored: The browser has no storage space left`);
    await expect(restoring).rejects.toThrow('Your data is as it was before.');
    expect(rowsTable.bulkAdd).toHaveBeenCalled();
    expect(await dumpDatabase()).toEqual(before);
  });

  it('leaves the database as before on a duplicate id', async () => {
    const { backup, fileName } = await backupOfSample(21);
    const before = await dumpDatabase();
    const sheet = backup.tables.sheets![0]!;

    await expect(
      restoreBackup({ ...backup, tables: { ...backup.tables, sheets: [sheet, sheet] } }, fileName),
    ).rejects.toThrow(`"${fileName}" was not restored`);
    expect(await dumpDatabase()).toEqual(before);
  });
});
