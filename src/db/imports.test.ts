import { afterEach, describe, expect, it } from 'vitest';

import type { FieldDef } from '../fields/types';
import { getDatabase, resetDatabaseForTests } from './connection';
import { undoLastChange } from './history';
import { commitImport, mergeUpdate } from './imports';
import { listRows } from './rows';
import { createSheets, listSheets } from './sheets';

const nameField: FieldDef = { id: 'f-name', name: 'Name', type: 'text', settings: {} };

afterEach(() => resetDatabaseForTests());

async function snapshotDatabase() {
  const database = getDatabase();
  return {
    sheets: await database.sheets.toArray(),
    rows: await database.rows.toArray(),
    views: await database.views.toArray(),
    history: await database.history.toArray(),
    imports: await database.imports.toArray(),
  };
}

describe('commitImport', () => {
  it('creates a sheet with its rows and an import record', async () => {
    const outcome = await commitImport({
      fileName: 'clients.csv',
      target: { newSheet: { name: 'clients', fields: [nameField] } },
      rows: [{ 'f-name': 'Ada Quill' }, { 'f-name': 'Bram Oakes' }],
      skipped: 1,
      rejected: 2,
    });

    expect(outcome.added).toBe(2);
    expect((await listSheets()).map((sheet) => sheet.name)).toEqual(['clients']);
    expect((await listRows(outcome.sheetId)).map((row) => row.importId)).toEqual([outcome.importId, outcome.importId]);
    const record = await getDatabase().imports.get(outcome.importId);
    expect(record).toMatchObject({ fileName: 'clients.csv', added: 2, skipped: 1, rejected: 2 });
  });

  it('appends rows and new columns to an existing sheet', async () => {
    const [sheetId] = await createSheets([{ name: 'Clients', fields: [nameField], rows: [{ 'f-name': 'First' }] }]);
    const cityField: FieldDef = { id: 'f-city', name: 'City', type: 'text', settings: {} };

    await commitImport({
      fileName: 'more.csv',
      target: { sheetId, newFields: [cityField] },
      rows: [{ 'f-name': 'Second', 'f-city': 'Ludlow' }],
      skipped: 0,
      rejected: 0,
    });

    const rows = await listRows(sheetId!);
    expect(rows.map((row) => row.values['f-name'])).toEqual(['First', 'Second']);
    const sheet = await getDatabase().sheets.get(sheetId!);
    expect(sheet!.fields.map((field) => field.name)).toEqual(['Name', 'City']);
  });

  it('leaves the database as it was when a row cannot be stored', async () => {
    await createSheets([{ name: 'Clients', fields: [nameField], rows: [{ 'f-name': 'Kept' }] }]);
    const before = await snapshotDatabase();

    // A function cannot be cloned into IndexedDB, so bulkAdd fails part way through the import.
    const unstorable = { 'f-name': (() => 'x') as unknown as string };
    const rows = [...Array.from({ length: 4500 }, (_, index) => ({ 'f-name': `Row ${index}` })), unstorable];
    await expect(
      commitImport({
        fileName: 'broken.csv',
        target: { newSheet: { name: 'broken', fields: [nameField] } },
        rows,
        skipped: 0,
        rejected: 0,
      }),
    ).rejects.toThrow();

    expect(await snapshotDatabase()).toEqual(before);
  });

  it('is undone as a whole by one undo', async () => {
    const [sheetId] = await createSheets([{ name: 'Clients', fields: [nameField] }]);
    await commitImport({
      fileName: 'clients.csv',
      target: { sheetId },
      rows: [{ 'f-name': 'Ada Quill' }, { 'f-name': 'Bram Oakes' }],
      skipped: 0,
      rejected: 0,
    });

    await undoLastChange(sheetId!);
    expect(await listRows(sheetId!)).toEqual([]);
    const trashed = await getDatabase().rows.where('sheetId').equals(sheetId!).toArray();
    expect(trashed.every((row) => row.deleted === 1 && typeof row.deletedAt === 'string')).toBe(true);
  });
});

describe('mergeUpdate', () => {
  it('writes new values over the existing row', () => {
    expect(mergeUpdate({ name: 'Ada', city: 'Ludlow' }, { city: 'Hereford', email: 'ada@example.com' })).toEqual({
      name: 'Ada',
      city: 'Hereford',
      email: 'ada@example.com',
    });
  });

  it('keeps a good value instead of a flagged one', () => {
    const phone = { text: '+44 7700 900123', e164: '+447700900123' };
    expect(mergeUpdate({ phone }, { phone: { invalid: '-1199' } })).toEqual({ phone });
  });

  it('fills an empty or flagged cell with a flagged value', () => {
    expect(mergeUpdate({ phone: null }, { phone: { invalid: '-1199' } })).toEqual({ phone: { invalid: '-1199' } });
    expect(mergeUpdate({ phone: { invalid: '4.4E+11' } }, { phone: { invalid: '-1199' } })).toEqual({
      phone: { invalid: '-1199' },
    });
  });
});
