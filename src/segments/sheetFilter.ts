// The segment that filters a sheet's grid. The sheet view loads this module on
// demand and filters its rows before they reach the grid, so the row count,
// the search and "Export" all work on the segment's rows.

import { liveQuery } from 'dexie';

import { compileConditions } from '../conditions/evaluate';
import type { RowRecord, SegmentRecord, SheetRecord } from '../db/records';
import { getActiveSegment } from '../db/segments';
import type { FieldContext } from '../fields/types';
import { toLocalDate } from '../reminders/localClock';

export interface SegmentFilter {
  segment: SegmentRecord;
  /** Returns the rows of the segment's sheet that match it today. */
  filterRows: (rows: RowRecord[], sheet: SheetRecord, ctx: FieldContext) => RowRecord[];
}

function filterFor(segment: SegmentRecord): SegmentFilter {
  return {
    segment,
    filterRows: (rows, sheet, ctx) =>
      rows.filter(compileConditions(segment.conditions, sheet, toLocalDate(new Date()), ctx)),
  };
}

/**
 * Calls `onChange` with the sheet's active segment filter, or null when none
 * is set, now and after every change in any tab. Returns a stop function.
 */
export function watchSegmentFilter(
  sheetId: string,
  onChange: (filter: SegmentFilter | null) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(() => getActiveSegment(sheetId)).subscribe({
    next: (segment) => onChange(segment ? filterFor(segment) : null),
    error: onError,
  });
  return () => subscription.unsubscribe();
}
