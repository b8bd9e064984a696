// Segments: saved filters over one sheet, each a name and a condition group.
// This module stores them, remembers which segment filters each sheet's grid,
// counts their rows, and adds a check-in for every row of one.
//
// NOTE: segment changes are not undo steps, because the undo history replays
// row and column snapshots only. Deleting a segment is confirmed in the editor instead.

import { compileConditions } from '../conditions/evaluate';
import { conditionsProblem } from '../conditions/describe';
import type { FieldContext } from '../fields/types';
import { toLocalDate } from '../reminders/localClock';
import { getDatabase } from './connection';
import { newId, nowTimestamp } from './ids';
import type { ConditionGroup, Recurrence, RowRecord, SegmentRecord, SheetRecord } from './records';
import { addReminder } from './reminders';

/** Prefix of the settings key that names the segment filtering a sheet's grid. */
const ACTIVE_SEGMENT_KEY_PREFIX = 'activeSegment:';

/** Maximum length of a segment name, so the navigation stays readable. */
export const MAX_SEGMENT_NAME_LENGTH = 80;

function activeSegmentKey(sheetId: string): string {
  return `${ACTIVE_SEGMENT_KEY_PREFIX}${sheetId}`;
}

async function liveSheet(sheetId: string): Promise<SheetRecord> {
  const sheet = await getDatabase().sheets.get(sheetId);
  if (!sheet || sheet.deleted === 1) throw new Error('The sheet of this segment is no longer there.');
  return sheet;
}

async function checkName(name: string, exceptId?: string): Promise<string> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('Give the segment a name.');
  if (trimmed.length > MAX_SEGMENT_NAME_LENGTH) {
    throw new Error(`The name is ${trimmed.length} characters long; use at most ${MAX_SEGMENT_NAME_LENGTH}.`);
  }
  const key = trimmed.toLocaleLowerCase();
  const clash = await getDatabase()
    .segments.filter((segment) => segment.id !== exceptId && segment.name.toLocaleLowerCase() === key)
    .first();
  if (clash) throw new Error(`A segment named “${clash.name}” already exists. Choose another name.`);
  return trimmed;
}

function checkConditions(conditions: ConditionGroup, sheet: SheetRecord): void {
  const problem = conditionsProblem(conditions, sheet);
  if (problem) throw new Error(problem);
}

/** Returns every segment of a sheet outside the trash, sorted by name, or of every such sheet when none is given. */
export async function listSegments(sheetId?: string): Promise<SegmentRecord[]> {
  const database = getDatabase();
  const segments = sheetId
    ? await database.segments.where('sheetId').equals(sheetId).toArray()
    : await database.segments.toArray();
  const liveSheetIds = new Set(
    (await database.sheets.toArray()).filter((sheet) => sheet.deleted === 0).map((sheet) => sheet.id),
  );
  return segments
    .filter((segment) => liveSheetIds.has(segment.sheetId))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }));
}

export async function getSegment(id: string): Promise<SegmentRecord | undefined> {
  return getDatabase().segments.get(id);
}

export interface NewSegment {
  sheetId: string;
  name: string;
  conditions: ConditionGroup;
}

/** Saves a new segment and returns its id. Rejects an empty or taken name and incomplete conditions. */
export async function createSegment(input: NewSegment): Promise<string> {
  const database = getDatabase();
  return database.transaction('rw', [database.segments, database.sheets], async () => {
    const sheet = await liveSheet(input.sheetId);
    const name = await checkName(input.name);
    checkConditions(input.conditions, sheet);
    const at = nowTimestamp();
    const segment: SegmentRecord = {
      id: newId(),
      sheetId: sheet.id,
      name,
      conditions: structuredClone(input.conditions),
      createdAt: at,
      updatedAt: at,
    };
    await database.segments.add(segment);
    return segment.id;
  });
}

/** Changes a segment's name, conditions or both. */
export async function updateSegment(
  id: string,
  changes: Partial<Pick<SegmentRecord, 'name' | 'conditions'>>,
): Promise<void> {
  const database = getDatabase();
  await database.transaction('rw', [database.segments, database.sheets], async () => {
    const segment = await database.segments.get(id);
    if (!segment) throw new Error('This segment no longer exists.');
    const sheet = await liveSheet(segment.sheetId);
    const next: SegmentRecord = { ...segment, updatedAt: nowTimestamp() };
    if (changes.name !== undefined) next.name = await checkName(changes.name, id);
    if (changes.conditions !== undefined) {
      checkConditions(changes.conditions, sheet);
      next.conditions = structuredClone(changes.conditions);
    }
    await database.segments.put(next);
  });
}

export async function renameSegment(id: string, name: string): Promise<void> {
  await updateSegment(id, { name });
}

/** Deletes a segment and stops it filtering its sheet's grid. Check-ins it added stay. */
export async function deleteSegment(id: string): Promise<void> {
  const database = getDatabase();
  await database.transaction('rw', [database.segments, database.settings], async () => {
    const segment = await database.segments.get(id);
    if (!segment) return;
    await database.segments.delete(id);
    const key = activeSegmentKey(segment.sheetId);
    if ((await database.settings.get(key))?.value === id) await database.settings.delete(key);
  });
}

/** Returns the segment that filters a sheet's grid, or null when none does or it was deleted. */
export async function getActiveSegment(sheetId: string): Promise<SegmentRecord | null> {
  const database = getDatabase();
  const id = (await database.settings.get(activeSegmentKey(sheetId)))?.value;
  if (typeof id !== 'string') return null;
  const segment = await database.segments.get(id);
  return segment?.sheetId === sheetId ? segment : null;
}

/** Makes a segment filter its sheet's grid, or clears the filter with null. */
export async function setActiveSegment(sheetId: string, segmentId: string | null): Promise<void> {
  const settings = getDatabase().settings;
  if (segmentId === null) await settings.delete(activeSegmentKey(sheetId));
  else await settings.put({ key: activeSegmentKey(sheetId), value: segmentId });
}

async function liveRows(sheetId: string): Promise<RowRecord[]> {
  return getDatabase().rows.where('[sheetId+deleted]').equals([sheetId, 0]).toArray();
}

/** Returns the rows of a segment's sheet, outside the trash, that match its conditions on `today`. */
export async function listSegmentRows(
  segment: Pick<SegmentRecord, 'sheetId' | 'conditions'>,
  ctx: FieldContext,
  today: string = toLocalDate(new Date()),
): Promise<RowRecord[]> {
  const sheet = await getDatabase().sheets.get(segment.sheetId);
  if (!sheet) return [];
  const matches = compileConditions(segment.conditions, sheet, today, ctx);
  return (await liveRows(sheet.id)).filter(matches);
}

/** A segment with its sheet's name and how many rows it has now. */
export interface SegmentSummary {
  segment: SegmentRecord;
  sheetName: string;
  count: number;
}

/** Returns every segment with its live row count, for the navigation. Reads each sheet's rows once. */
export async function listSegmentSummaries(
  ctx: FieldContext,
  today: string = toLocalDate(new Date()),
): Promise<SegmentSummary[]> {
  const database = getDatabase();
  const segments = await listSegments();
  const rowsBySheet = new Map<string, RowRecord[]>();
  const summaries: SegmentSummary[] = [];
  for (const segment of segments) {
    const sheet = await database.sheets.get(segment.sheetId);
    if (!sheet) continue;
    let rows = rowsBySheet.get(sheet.id);
    if (!rows) {
      rows = await liveRows(sheet.id);
      rowsBySheet.set(sheet.id, rows);
    }
    const matches = compileConditions(segment.conditions, sheet, today, ctx);
    summaries.push({ segment, sheetName: sheet.name, count: rows.filter(matches).length });
  }
  return summaries;
}

export interface SegmentCheckIn {
  recurrence: Recurrence;
  /** Text of each check-in; empty shows the interval. */
  title: string;
}

/**
 * Adds a recurring check-in to every row the segment has now, in one
 * transaction, and returns how many were added. Rows that join the segment
 * later get none.
 */
export async function addSegmentCheckIns(
  segmentId: string,
  checkIn: SegmentCheckIn,
  ctx: FieldContext,
  now: Date = new Date(),
): Promise<number> {
  const database = getDatabase();
  return database.transaction(
    'rw',
    [database.segments, database.reminders, database.rows, database.sheets, database.settings],
    async () => {
      const segment = await database.segments.get(segmentId);
      if (!segment) throw new Error('This segment no longer exists.');
      const rows = await listSegmentRows(segment, ctx, toLocalDate(now));
      if (rows.length === 0) throw new Error(`The segment “${segment.name}” has no rows to check in with.`);
      for (const row of rows) {
        await addReminder(
          { title: checkIn.title, sheetId: row.sheetId, rowId: row.id, recurrence: checkIn.recurrence },
          now,
          database,
        );
      }
      return rows.length;
    },
  );
}

/**
 * Clears the sheet's active segment when it hides the row, so opening that
 * row (from search, for example) shows it. Returns whether it cleared one.
 */
export async function revealRowInSegment(sheetId: string, rowId: string, ctx: FieldContext): Promise<boolean> {
  const database = getDatabase();
  const segment = await getActiveSegment(sheetId);
  if (!segment) return false;
  const [sheet, row] = await Promise.all([database.sheets.get(sheetId), database.rows.get(rowId)]);
  if (!sheet || !row) return false;
  if (compileConditions(segment.conditions, sheet, toLocalDate(new Date()), ctx)(row)) return false;
  await setActiveSegment(sheetId, null);
  return true;
}
