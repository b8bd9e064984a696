// Choice of the sheet and column the board shows: the saved choice while it
// still exists, otherwise the first sheet with a Stage column.

import type { PipelineChoice } from '../db/pipeline';
import type { SheetRecord } from '../db/records';
import type { FieldDef } from '../fields/types';
import { hasStageColumn, laneFieldChoices } from './boardColumns';

export interface BoardSource {
  sheet: SheetRecord;
  /** The lane column, or undefined when the sheet has no stage or single-select column. */
  field: FieldDef | undefined;
}

/**
 * Returns the sheet and lane column to show. A saved column that was deleted
 * or retyped falls back to the sheet's first lane column. Returns undefined
 * when nothing was saved and no sheet has a Stage column, so the user picks.
 */
export function resolveBoardSource(sheets: SheetRecord[], saved: PipelineChoice | undefined): BoardSource | undefined {
  const savedSheet = saved ? sheets.find((sheet) => sheet.id === saved.sheetId) : undefined;
  const sheet = savedSheet ?? sheets.find(hasStageColumn);
  if (!sheet) return undefined;

  const choices = laneFieldChoices(sheet);
  const savedField = savedSheet ? choices.find((field) => field.id === saved?.fieldId) : undefined;
  return { sheet, field: savedField ?? choices[0] };
}
