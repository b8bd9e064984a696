// Moving a card to another lane. A move is one editCells call, so it is one
// step of the sheet's history and Undo in the grid puts the card back.

import { editCells, type CellEdit } from '../db/rows';
import type { CellValue } from '../fields/types';
import type { BoardColumns } from './boardColumns';
import type { LaneSpec } from './lanes';

/**
 * Returns the edits that put a row in a lane, and record a loss reason when
 * one is given and the sheet has a reason column. A null or blank reason
 * leaves the reason cell as it is.
 */
export function moveEdits(rowId: string, columns: BoardColumns, lane: LaneSpec, reason: CellValue = null): CellEdit[] {
  const edits: CellEdit[] = [{ rowId, fieldId: columns.stage.id, value: lane.value }];
  if (columns.reason && reason !== null && reason !== '') {
    edits.push({ rowId, fieldId: columns.reason.id, value: reason });
  }
  return edits;
}

/** Writes a move, with its reason, as one change of the sheet. */
export async function moveCard(
  sheetId: string,
  rowId: string,
  columns: BoardColumns,
  lane: LaneSpec,
  reason: CellValue = null,
): Promise<void> {
  await editCells(sheetId, moveEdits(rowId, columns, lane, reason));
}
