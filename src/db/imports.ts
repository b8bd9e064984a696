// An import lands in one transaction: the new sheet (if any), every row,
// the import record and its history entry. A failure part way, a quota
// error included, leaves the database exactly as it was.

import type { CellValue, FieldDef } from '../fields/types';
import { getDatabase } from './connection';
import { recordImport, type RowChange } from './history';
import { newId, nowTimestamp } from './ids';
import type { ImportRecord, RowRecord, SheetRecord } from './records';
import { setActiveSheetId } from './settings';
import { buildDefaultView, buildRowRecords, listSheets, uniqueSheetName } from './sheets';

export interface ImportTarget {
  /** Rows go into this existing sheet... */
  sheetId?: string;
  /** ...or into a new sheet with these fields. */
  newSheet?: { name: string; fields: FieldDef[] };
  /** Columns to append to the existing sheet before the rows go in. */
  newFields?: FieldDef[];
}

export interface ImportCommit {
  fileName: string;
  target: ImportTarget;
  rows: Record<string, CellValue>[];
  /** Values written over existing rows of the target sheet, by row id. */
  updates?: { rowId: string; values: Record<string, CellValue> }[];
  /** File rows counted as updated: written into an existing row or merged into another row of the file. */
  updated?: number;
  skipped: number;
  rejected: number;
  /** Column choices to remember for the next file with the same header, saved with the import. */
  remember?: { key: string; value: unknown };
}

export interface ImportOutcome {
  importId: string;
  sheetId: string;
  added: number;
}

/** Rows written per bulkAdd call, so progress can be reported between them. */
const ROWS_PER_BATCH = 2000;

async function createImportSheet(name: string, fields: FieldDef[]): Promise<string> {
  const database = getDatabase();
  const sheets = await listSheets();
  const at = nowTimestamp();
  const sheet: SheetRecord = {
    id: newId(),
    name: await uniqueSheetName(name),
    fields,
    position: sheets.length ? Math.max(...sheets.map((each) => each.position)) + 1 : 0,
    createdAt: at,
    updatedAt: at,
    deleted: 0,
  };
  await database.sheets.add(sheet);
  await database.views.add(buildDefaultView(sheet.id, fields));
  return sheet.id;
}

async function appendFields(sheetId: string, fields: FieldDef[]): Promise<void> {
  const database = getDatabase();
  const sheet = await database.sheets.get(sheetId);
  if (!sheet) throw new Error('The sheet to import into no longer exists.');

  await database.sheets.update(sheetId, {
    fields: [...sheet.fields, ...fields],
    updatedAt: nowTimestamp(),
  });
  const views = await database.views.where('sheetId').equals(sheetId).toArray();
  for (const view of views) {
    await database.views.update(view.id, {
      columns: [...view.columns, ...fields.map((field) => ({ fieldId: field.id }))],
    });
  }
}

async function lastPosition(sheetId: string): Promise<number> {
  const last = await getDatabase()
    .rows.where('[sheetId+position]')
    .between([sheetId, -Infinity], [sheetId, Infinity])
    .last();
  return last ? last.position : -1;
}

/**
 * Writes the values of an import over existing rows, keeping the values the
 * import has no value for, and returns the snapshots for undo. Throws when a
 * row is gone, because the import was planned against it.
 */
/**
 * Writes a file row's values over an existing row, except that a value the
 * import flagged as invalid (an Excel-damaged phone, a wrong date) never
 * replaces a good value already there.
 */
export function mergeUpdate(
  current: Record<string, CellValue>,
  incoming: Record<string, CellValue>,
): Record<string, CellValue> {
  // Checked by shape here: the fields package's own helpers would pull every field module into the first load.
  const isFlagged = (value: CellValue | undefined) => typeof value === 'object' && value !== null && 'invalid' in value;
  const isBlank = (value: CellValue | undefined) =>
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

  const merged = { ...current };
  for (const [fieldId, value] of Object.entries(incoming)) {
    const existing = current[fieldId];
    if (isFlagged(value) && !isBlank(existing) && !isFlagged(existing)) continue;
    merged[fieldId] = value;
  }
  return merged;
}

async function updateRows(sheetId: string, updates: NonNullable<ImportCommit['updates']>): Promise<RowChange[]> {
  if (!updates.length) return [];
  const database = getDatabase();
  const current = await database.rows.bulkGet(updates.map((update) => update.rowId));
  const at = nowTimestamp();

  const changes = updates.map((update, index): RowChange => {
    const before = current[index];
    if (!before || before.deleted === 1 || before.sheetId !== sheetId) {
      throw new Error('A row this import was to update has been deleted since the preview. Choose the file again.');
    }
    const after: RowRecord = { ...before, values: mergeUpdate(before.values, update.values), updatedAt: at };
    return { before, after };
  });
  await database.rows.bulkPut(changes.map((change) => change.after!));
  return changes;
}

/** Writes an import in one transaction and makes its sheet the active one. */
export async function commitImport(
  commit: ImportCommit,
  onProgress?: (written: number, total: number) => void,
): Promise<ImportOutcome> {
  const database = getDatabase();
  const tables = [
    database.sheets,
    database.views,
    database.rows,
    database.history,
    database.imports,
    database.settings,
  ];

  return database.transaction('rw', tables, async (transaction) => {
    const { target } = commit;
    let sheetId = target.sheetId;
    if (target.newSheet) sheetId = await createImportSheet(target.newSheet.name, target.newSheet.fields);
    if (!sheetId) throw new Error('An import needs a sheet to go into.');
    if (target.newFields?.length) await appendFields(sheetId, target.newFields);

    const importId = newId();
    const rows = buildRowRecords(sheetId, commit.rows, (await lastPosition(sheetId)) + 1, importId);
    for (let start = 0; start < rows.length; start += ROWS_PER_BATCH) {
      await database.rows.bulkAdd(rows.slice(start, start + ROWS_PER_BATCH));
      onProgress?.(Math.min(start + ROWS_PER_BATCH, rows.length), rows.length);
    }

    const changes = await updateRows(sheetId, commit.updates ?? []);

    const record: ImportRecord = {
      id: importId,
      sheetId,
      fileName: commit.fileName,
      at: nowTimestamp(),
      added: rows.length,
      updated: commit.updated ?? changes.length,
      skipped: commit.skipped,
      rejected: commit.rejected,
    };
    await database.imports.add(record);
    await recordImport(transaction, sheetId, importId, changes);
    if (commit.remember) await database.settings.put(commit.remember);
    await setActiveSheetId(sheetId);
    return { importId, sheetId, added: rows.length };
  });
}
