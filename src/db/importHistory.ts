// The import history: past imports, undoing one of them long after it
// happened, and the column choices remembered per file layout. Kept apart
// from imports.ts so it loads with the import dialog, not with the first page.

import type { CellValue } from '../fields/types';
import { getDatabase } from './connection';
import { nowTimestamp } from './ids';
import type { HistoryRecord, ImportRecord, RowRecord } from './records';

/** A past import as the import history lists it. */
export interface ImportHistoryItem {
  record: ImportRecord;
  sheetName: string;
  /** 'undone' after Undo import; 'undoneByToolbar' while the toolbar's Undo has it undone (Redo brings it back). */
  state: 'applied' | 'undone' | 'undoneByToolbar';
}

async function importHistoryEntry(record: ImportRecord): Promise<HistoryRecord | undefined> {
  return getDatabase()
    .history.where('sheetId')
    .equals(record.sheetId)
    .filter((entry) => entry.kind === 'import' && entry.importId === record.id)
    .first();
}

/** Returns every import of the workbook, newest first, with its sheet's name and whether it was undone. */
export async function listImports(): Promise<ImportHistoryItem[]> {
  const database = getDatabase();
  const records = await database.imports.orderBy('at').reverse().toArray();
  const sheets = new Map((await database.sheets.toArray()).map((sheet) => [sheet.id, sheet]));

  return Promise.all(
    records.map(async (record): Promise<ImportHistoryItem> => {
      const sheet = sheets.get(record.sheetId);
      const sheetName = sheet ? `${sheet.name}${sheet.deleted ? ' (deleted)' : ''}` : 'a deleted sheet';
      if (record.undoneAt) return { record, sheetName, state: 'undone' };
      const entry = await importHistoryEntry(record);
      return { record, sheetName, state: entry?.state === 'undone' ? 'undoneByToolbar' : 'applied' };
    }),
  );
}

export interface UndoImportOutcome {
  /** Rows the import added, now in the trash. */
  removed: number;
  /** Of those, rows edited after the import; they can be restored from the trash. */
  removedEdited: number;
  /** Rows the import updated, put back as they were. */
  reverted: number;
  /** Cells the import had changed and the user edited since; they keep the later edit. */
  keptEdits: number;
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Undoes one import, however long ago, in one transaction. Rows it added go
 * to the trash, edited or not, so they can still be restored. Rows it
 * updated get back each value the import changed, unless the user has edited
 * that cell since: such a cell keeps its newer value. The import's history
 * entry is discarded, so the toolbar's Undo and Redo no longer apply it.
 */
export async function undoImport(importId: string): Promise<UndoImportOutcome> {
  const database = getDatabase();
  return database.transaction('rw', [database.rows, database.history, database.imports], async () => {
    const record = await database.imports.get(importId);
    if (!record) throw new Error('This import is no longer in the import history.');
    if (record.undoneAt) throw new Error(`The import of ${record.fileName} was already undone.`);
    const entry = await importHistoryEntry(record);
    if (entry?.state === 'undone') {
      throw new Error(`The import of ${record.fileName} is already undone by Undo; use Redo to bring it back.`);
    }

    const at = nowTimestamp();
    const outcome: UndoImportOutcome = { removed: 0, removedEdited: 0, reverted: 0, keptEdits: 0 };
    await database.rows
      .where('importId')
      .equals(importId)
      .filter((row) => row.deleted === 0)
      .modify((row) => {
        outcome.removed += 1;
        if (row.updatedAt !== row.createdAt) outcome.removedEdited += 1;
        row.deleted = 1;
        row.deletedAt = at;
      });

    const updatedIds = entry?.rowIds ?? [];
    const currentRows = await database.rows.bulkGet(updatedIds);
    const reverted: RowRecord[] = [];
    updatedIds.forEach((_, index) => {
      const before = entry!.before[index] as RowRecord | null;
      const after = entry!.after[index] as RowRecord | null;
      const current = currentRows[index];
      if (!before || !after || !current) return;

      const values = { ...current.values };
      const changedFields = new Set([...Object.keys(before.values), ...Object.keys(after.values)]);
      for (const fieldId of changedFields) {
        if (sameValue(before.values[fieldId], after.values[fieldId])) continue;
        if (!sameValue(current.values[fieldId], after.values[fieldId])) {
          outcome.keptEdits += 1;
          continue;
        }
        if (before.values[fieldId] === undefined) delete values[fieldId];
        else values[fieldId] = before.values[fieldId]!;
      }
      reverted.push({ ...current, values, updatedAt: at });
    });
    await database.rows.bulkPut(reverted);
    outcome.reverted = reverted.length;

    if (entry) await database.history.update(entry.id, { state: 'discarded' });
    await database.imports.update(importId, { undoneAt: at });
    return outcome;
  });
}

/** Returns the column choices saved for a header layout, or undefined. */
export async function getRememberedImportChoices(key: string): Promise<unknown> {
  return (await getDatabase().settings.get(key))?.value;
}
