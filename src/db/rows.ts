import type { CellValue } from '../fields/types';
import { getDatabase } from './connection';
import { recordRowChanges } from './history';
import { nowTimestamp } from './ids';
import type { RowRecord } from './records';
import { transactWithRules } from './rowChangeHook';
import { buildRowRecords } from './sheets';

/** Returns a sheet's rows that are not in the trash, in sheet order. */
export async function listRows(sheetId: string): Promise<RowRecord[]> {
  return getDatabase()
    .rows.where('[sheetId+position]')
    .between([sheetId, -Infinity], [sheetId, Infinity])
    .filter((row) => row.deleted === 0)
    .toArray();
}

/** Returns a sheet's deleted rows, most recently deleted first. */
export async function listTrash(sheetId: string): Promise<RowRecord[]> {
  const rows = await getDatabase().rows.where('[sheetId+deleted]').equals([sheetId, 1]).toArray();
  return rows.sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
}

async function nextPosition(sheetId: string): Promise<number> {
  const last = await getDatabase()
    .rows.where('[sheetId+position]')
    .between([sheetId, -Infinity], [sheetId, Infinity])
    .last();
  return last ? last.position + 1 : 0;
}

/** Appends rows to a sheet, runs the automation rules they trigger in the same transaction, and returns their ids. */
export async function addRows(sheetId: string, values: Record<string, CellValue>[] = [{}]): Promise<string[]> {
  const database = getDatabase();
  return transactWithRules(['rows', 'history'], async (transaction, applyRules) => {
    const rows = buildRowRecords(sheetId, values, await nextPosition(sheetId));
    await database.rows.bulkAdd(rows);
    const changes = rows.map((row) => ({ before: null, after: row }));
    const effects = await applyRules({ kind: 'addRows', sheetId, changes });
    await recordRowChanges(transaction, 'addRows', sheetId, effects.rowChanges, effects.reminderChanges);
    return rows.map((row) => row.id);
  });
}

export interface CellEdit {
  rowId: string;
  fieldId: string;
  value: CellValue;
}

/** Writes cell edits, possibly across many rows, and the automation rules they trigger, as one undo step. */
export async function editCells(sheetId: string, edits: CellEdit[]): Promise<void> {
  const database = getDatabase();
  await transactWithRules(['rows', 'history'], async (transaction, applyRules) => {
    const rowIds = [...new Set(edits.map((edit) => edit.rowId))];
    const rows = await database.rows.bulkGet(rowIds);
    const at = nowTimestamp();
    const changes = [];

    for (const [index, before] of rows.entries()) {
      if (!before) throw new Error(`Row ${rowIds[index]} no longer exists; reload and try again.`);

      const values = { ...before.values };
      for (const edit of edits) {
        if (edit.rowId !== before.id) continue;
        if (edit.value === null || edit.value === '') delete values[edit.fieldId];
        else values[edit.fieldId] = edit.value;
      }
      changes.push({ before, after: { ...before, values, updatedAt: at } });
    }

    await database.rows.bulkPut(changes.map((change) => change.after));
    const effects = await applyRules({ kind: 'editCells', sheetId, changes });
    await recordRowChanges(transaction, 'editCells', sheetId, effects.rowChanges, effects.reminderChanges);
  });
}

async function setDeleted(sheetId: string, rowIds: string[], deleted: 0 | 1): Promise<void> {
  const database = getDatabase();
  await database.transaction('rw', database.rows, database.history, async (transaction) => {
    const rows = (await database.rows.bulkGet(rowIds)).filter(
      (row): row is RowRecord => row !== undefined && row.deleted !== deleted,
    );
    if (!rows.length) return;

    const at = nowTimestamp();
    const changes = rows.map((before) => {
      const after: RowRecord = { ...before, deleted, updatedAt: at };
      if (deleted) after.deletedAt = at;
      else delete after.deletedAt;
      return { before, after };
    });
    await database.rows.bulkPut(changes.map((change) => change.after));
    await recordRowChanges(transaction, deleted ? 'deleteRows' : 'restoreRows', sheetId, changes);
  });
}

/** Moves rows to the trash; they keep every value and can be restored. */
export async function deleteRows(sheetId: string, rowIds: string[]): Promise<void> {
  await setDeleted(sheetId, rowIds, 1);
}

export async function restoreRows(sheetId: string, rowIds: string[]): Promise<void> {
  await setDeleted(sheetId, rowIds, 0);
}

/** Deletes rows in the trash for good; rows not in the trash are left alone. */
export async function purgeRows(sheetId: string, rowIds: string[]): Promise<void> {
  const database = getDatabase();
  await database.transaction('rw', database.rows, database.history, async () => {
    const rows = await database.rows.bulkGet(rowIds);
    const purgeable = rows.filter((row): row is RowRecord => row?.sheetId === sheetId && row.deleted === 1);
    await database.rows.bulkDelete(purgeable.map((row) => row.id));

    // Their undo snapshots would bring the rows back, so those history entries go too.
    const purged = new Set(purgeable.map((row) => row.id));
    await database.history
      .where('sheetId')
      .equals(sheetId)
      .filter((entry) => entry.rowIds.some((id) => purged.has(id)))
      .delete();
  });
}
