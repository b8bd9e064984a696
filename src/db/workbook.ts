// Sheet changes: add, duplicate, move, delete to the trash, restore and
// purge. Sheets are the workbook's tabs.

import type { CellValue, FieldDef } from '../fields/types';
import { getDatabase } from './connection';
import { recordSheetChange } from './history';
import { newId, nowTimestamp } from './ids';
import type { RowRecord, SheetRecord } from './records';
import { getActiveSheetId, setActiveSheetId } from './settings';
import { buildDefaultView, listSheets, uniqueSheetName } from './sheets';

function allTables() {
  const database = getDatabase();
  return [database.sheets, database.rows, database.views, database.history, database.settings];
}

async function nextSheetPosition(): Promise<number> {
  const sheets = await getDatabase().sheets.toArray();
  return sheets.length ? Math.max(...sheets.map((sheet) => sheet.position)) + 1 : 0;
}

async function insertSheet(name: string, fields: FieldDef[]): Promise<SheetRecord> {
  const database = getDatabase();
  const at = nowTimestamp();
  const sheet: SheetRecord = {
    id: newId(),
    name: await uniqueSheetName(name),
    fields,
    position: await nextSheetPosition(),
    createdAt: at,
    updatedAt: at,
    deleted: 0,
  };
  await database.sheets.add(sheet);
  await database.views.add(buildDefaultView(sheet.id, fields));
  await setActiveSheetId(sheet.id);
  return sheet;
}

/** Adds an empty sheet with a Name column, makes it active and returns its id. */
export async function addSheet(name: string): Promise<string> {
  return getDatabase().transaction('rw', allTables(), async (transaction) => {
    const sheet = await insertSheet(name, [{ id: newId(), name: 'Name', type: 'text', settings: {}, role: 'name' }]);
    await recordSheetChange(transaction, 'changeSheet', null, sheet);
    return sheet.id;
  });
}

/**
 * Copies a sheet's columns, and its rows when asked, into a new sheet. The
 * copy gets new field and row ids, so every record id stays unique.
 */
export async function duplicateSheet(sheetId: string, withRows: boolean): Promise<string> {
  const database = getDatabase();
  return database.transaction('rw', allTables(), async (transaction) => {
    const original = await database.sheets.get(sheetId);
    if (!original) throw new Error('This sheet no longer exists; reload the page.');

    const idMap = new Map(original.fields.map((field) => [field.id, newId()]));
    const fields = original.fields.map((field) => ({ ...structuredClone(field), id: idMap.get(field.id)! }));
    const copy = await insertSheet(`${original.name} copy`, fields);
    await recordSheetChange(transaction, 'changeSheet', null, copy);
    if (!withRows) return copy.id;

    const rows = await database.rows.where('[sheetId+deleted]').equals([sheetId, 0]).sortBy('position');
    const at = nowTimestamp();
    const copies: RowRecord[] = rows.map((row, index) => {
      const values: Record<string, CellValue> = {};
      for (const [fieldId, value] of Object.entries(row.values)) {
        const mapped = idMap.get(fieldId);
        if (mapped) values[mapped] = structuredClone(value);
      }
      return { id: newId(), sheetId: copy.id, values, position: index, createdAt: at, updatedAt: at, deleted: 0 };
    });
    await database.rows.bulkAdd(copies);
    return copy.id;
  });
}

/** Moves a sheet's tab one place left (-1) or right (+1). */
export async function moveSheet(sheetId: string, direction: -1 | 1): Promise<void> {
  const database = getDatabase();
  await database.transaction('rw', database.sheets, async () => {
    const sheets = await listSheets();
    const index = sheets.findIndex((sheet) => sheet.id === sheetId);
    const neighbour = sheets[index + direction];
    // The first tab cannot move left and the last cannot move right.
    if (index === -1 || !neighbour) return;

    const current = sheets[index]!;
    await database.sheets.update(current.id, { position: neighbour.position });
    await database.sheets.update(neighbour.id, { position: current.position });
  });
}

/** Moves a sheet and its rows to the trash; another sheet becomes active. */
export async function deleteSheet(sheetId: string): Promise<void> {
  await getDatabase().transaction('rw', allTables(), async (transaction) => {
    const sheets = await listSheets();
    const sheet = sheets.find((each) => each.id === sheetId);
    if (!sheet) throw new Error('This sheet no longer exists; reload the page.');
    if (sheets.length === 1)
      throw new Error('A workbook needs at least one sheet. Add another sheet before deleting this one.');

    const deleted: SheetRecord = { ...sheet, deleted: 1, deletedAt: nowTimestamp() };
    await getDatabase().sheets.put(deleted);
    await recordSheetChange(transaction, 'changeSheet', sheet, deleted);
    if ((await getActiveSheetId()) === sheetId) {
      await setActiveSheetId(sheets.find((each) => each.id !== sheetId)!.id);
    }
  });
}

export async function listDeletedSheets(): Promise<SheetRecord[]> {
  const sheets = await getDatabase().sheets.where('deleted').equals(1).toArray();
  return sheets.sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
}

export async function restoreSheet(sheetId: string): Promise<void> {
  await getDatabase().transaction('rw', allTables(), async (transaction) => {
    const sheet = await getDatabase().sheets.get(sheetId);
    if (!sheet || sheet.deleted === 0) throw new Error('That sheet is no longer in the trash.');

    const restored: SheetRecord = { ...sheet, deleted: 0, name: await uniqueSheetName(sheet.name) };
    delete restored.deletedAt;
    await getDatabase().sheets.put(restored);
    await recordSheetChange(transaction, 'changeSheet', sheet, restored);
    await setActiveSheetId(sheetId);
  });
}

/** Deletes a sheet in the trash for good, with its rows, views and history. */
export async function purgeSheet(sheetId: string): Promise<void> {
  const database = getDatabase();
  await database.transaction('rw', allTables(), async () => {
    const sheet = await database.sheets.get(sheetId);
    if (!sheet || sheet.deleted === 0) throw new Error('Only a sheet in the trash can be deleted for good.');

    await database.rows.where('[sheetId+deleted]').anyOf([sheetId, 0], [sheetId, 1]).delete();
    await database.views.where('sheetId').equals(sheetId).delete();
    await database.history.where('sheetId').equals(sheetId).delete();
    await database.sheets.delete(sheetId);
  });
}
