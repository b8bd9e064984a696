import type { CellValue, FieldDef } from '../fields/types';
import { getDatabase } from './connection';
import { recordRowChanges } from './history';
import { newId, nowTimestamp } from './ids';
import type { RowRecord, SheetRecord, ViewRecord } from './records';
import { setActiveSheetId } from './settings';

export interface NewSheet {
  /** Id for the new sheet, so that link fields made beforehand can point at it. Absent means a fresh id. */
  id?: string;
  name: string;
  fields: FieldDef[];
  /** Initial rows, each a map of field id to value. */
  rows?: Record<string, CellValue>[];
  /** Ids for the initial rows, by index, so that link cells made beforehand can point at them. Absent means fresh ids. */
  rowIds?: string[];
}

/** Returns the workbook's sheets in tab order, without deleted ones. */
export async function listSheets(): Promise<SheetRecord[]> {
  const sheets = await getDatabase().sheets.orderBy('position').toArray();
  return sheets.filter((sheet) => sheet.deleted === 0);
}

/** Picks a name not yet used by a sheet, adding " 2", " 3" as needed. */
export async function uniqueSheetName(name: string): Promise<string> {
  const taken = new Set((await listSheets()).map((sheet) => sheet.name.toLowerCase()));
  const base = name.trim() || 'Sheet';
  if (!taken.has(base.toLowerCase())) return base;

  let suffix = 2;
  while (taken.has(`${base} ${suffix}`.toLowerCase())) suffix += 1;
  return `${base} ${suffix}`;
}

export function buildRowRecords(
  sheetId: string,
  values: Record<string, CellValue>[],
  firstPosition: number,
  importId?: string,
): RowRecord[] {
  const at = nowTimestamp();
  return values.map((rowValues, index) => ({
    id: newId(),
    sheetId,
    values: rowValues,
    position: firstPosition + index,
    createdAt: at,
    updatedAt: at,
    deleted: 0,
    ...(importId ? { importId } : {}),
  }));
}

export function buildDefaultView(sheetId: string, fields: FieldDef[]): ViewRecord {
  return {
    id: newId(),
    sheetId,
    name: 'All rows',
    columns: fields.map((field) => ({ fieldId: field.id })),
    sorts: [],
    filters: {},
    isDefault: true,
    updatedAt: nowTimestamp(),
  };
}

/**
 * Creates sheets with their default views and initial rows in one
 * transaction, makes the first one active, and returns their ids.
 */
export async function createSheets(newSheets: NewSheet[]): Promise<string[]> {
  const database = getDatabase();
  const ids = await database.transaction(
    'rw',
    [database.sheets, database.rows, database.views, database.history, database.settings],
    async (transaction) => {
      const existing = await listSheets();
      let position = existing.length ? Math.max(...existing.map((sheet) => sheet.position)) + 1 : 0;
      const created: string[] = [];

      for (const newSheet of newSheets) {
        if (newSheet.rowIds && newSheet.rowIds.length !== (newSheet.rows ?? []).length) {
          const rowCount = (newSheet.rows ?? []).length;
          throw new Error(
            `Sheet "${newSheet.name}" has ${newSheet.rowIds.length} row ids but ${rowCount} rows. Pass one id per row.`,
          );
        }
        const at = nowTimestamp();
        const sheet: SheetRecord = {
          id: newSheet.id ?? newId(),
          name: await uniqueSheetName(newSheet.name),
          fields: newSheet.fields,
          position,
          createdAt: at,
          updatedAt: at,
          deleted: 0,
        };
        position += 1;
        await database.sheets.add(sheet);
        await database.views.add(buildDefaultView(sheet.id, sheet.fields));

        const rows = buildRowRecords(sheet.id, newSheet.rows ?? [], 0);
        rows.forEach((row, index) => {
          const id = newSheet.rowIds?.[index];
          if (id) row.id = id;
        });
        await database.rows.bulkAdd(rows);
        if (rows.length) {
          await recordRowChanges(
            transaction,
            'addRows',
            sheet.id,
            rows.map((row) => ({ before: null, after: row })),
          );
        }
        created.push(sheet.id);
      }

      if (created[0]) await setActiveSheetId(created[0]);
      return created;
    },
  );
  return ids;
}

export async function renameSheet(sheetId: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A sheet name cannot be empty.');
  await getDatabase().sheets.update(sheetId, { name: trimmed, updatedAt: nowTimestamp() });
}
