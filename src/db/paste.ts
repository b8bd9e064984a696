import type { CellValue } from '../fields/types';
import { getDatabase } from './connection';
import { recordRowChanges, type RowChange } from './history';
import { nowTimestamp } from './ids';
import type { RowRecord } from './records';
import { transactWithRules } from './rowChangeHook';
import type { CellEdit } from './rows';
import { buildRowRecords } from './sheets';

/**
 * Writes a pasted block: edits to existing rows plus new rows appended after
 * the last one. Everything goes in one transaction with one history entry,
 * so a failure writes nothing and one undo removes the whole paste. A null
 * or '' value clears its cell. Rejects, writing nothing, when an edited row
 * is missing, in the trash or on another sheet.
 */
export async function pasteCells(
  sheetId: string,
  edits: CellEdit[],
  newRows: Record<string, CellValue>[],
): Promise<void> {
  if (!edits.length && !newRows.length) return;

  const database = getDatabase();
  await transactWithRules(['rows', 'history'], async (transaction, applyRules) => {
    const editsByRow = new Map<string, CellEdit[]>();
    for (const edit of edits) {
      const rowEdits = editsByRow.get(edit.rowId);
      if (rowEdits) rowEdits.push(edit);
      else editsByRow.set(edit.rowId, [edit]);
    }

    const rowIds = [...editsByRow.keys()];
    const rows = await database.rows.bulkGet(rowIds);
    const at = nowTimestamp();
    const changes: RowChange[] = [];

    for (const [index, before] of rows.entries()) {
      if (!before || before.deleted || before.sheetId !== sheetId) {
        throw new Error(
          `Row ${rowIds[index]} is missing from this sheet or in the trash. Reload the page and paste again.`,
        );
      }
      const values = { ...before.values };
      for (const edit of editsByRow.get(before.id)!) setCell(values, edit.fieldId, edit.value);
      changes.push({ before, after: { ...before, values, updatedAt: at } });
    }

    const addedValues = newRows.map((rowValues) => {
      const values: Record<string, CellValue> = {};
      for (const [fieldId, value] of Object.entries(rowValues)) setCell(values, fieldId, value);
      return values;
    });
    const added = buildRowRecords(sheetId, addedValues, await nextPosition(sheetId));

    await database.rows.bulkPut(changes.map((change) => change.after as RowRecord));
    await database.rows.bulkAdd(added);
    // Rules tell added rows from edited ones by their empty `before`.
    const effects = await applyRules({
      kind: 'editCells',
      sheetId,
      changes: [...changes, ...added.map((row) => ({ before: null, after: row }))],
    });
    // The kind is 'editCells' because HistoryKind has no paste kind, and undo and redo treat every kind alike.
    await recordRowChanges(transaction, 'editCells', sheetId, effects.rowChanges, effects.reminderChanges);
  });
}

function setCell(values: Record<string, CellValue>, fieldId: string, value: CellValue): void {
  if (value === null || value === '') delete values[fieldId];
  else values[fieldId] = value;
}

/** Returns the position after the sheet's last row, counting rows in the trash, as addRows does. */
async function nextPosition(sheetId: string): Promise<number> {
  const last = await getDatabase()
    .rows.where('[sheetId+position]')
    .between([sheetId, -Infinity], [sheetId, Infinity])
    .last();
  return last ? last.position + 1 : 0;
}
