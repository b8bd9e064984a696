// The overdue count behind the badge on the "Reminders" button. It is kept
// apart from src/db/reminders.ts because the button is on the first screen,
// and a module shared with a lazily loaded page goes whole into the first
// load.

import type { ReminderRecord, RowRecord, SheetRecord } from '../db/records';
import type { KindlingDatabase } from '../db/schema';
import { getDatabase } from '../db/connection';
import { toLocalDateTime } from './localClock';

/** States of a reminder that can still come due. */
export const PENDING_STATES = ['open', 'snoozed'] as const;

/** The sheets and rows that reminders point at, by id. */
export interface RowContext {
  sheets: Map<string, SheetRecord>;
  rows: Map<string, RowRecord>;
}

export async function loadRowContext(database: KindlingDatabase, reminders: ReminderRecord[]): Promise<RowContext> {
  const sheets = new Map((await database.sheets.toArray()).map((sheet) => [sheet.id, sheet]));
  const rowIds = [...new Set(reminders.flatMap((reminder) => (reminder.rowId ? [reminder.rowId] : [])))];
  const rows = new Map<string, RowRecord>();
  for (const row of await database.rows.bulkGet(rowIds)) if (row) rows.set(row.id, row);
  return { sheets, rows };
}

/** Returns whether a reminder is hidden because its row or sheet is in the trash or gone. Hidden ones are never shown, counted or notified. */
export function isHidden(reminder: ReminderRecord, context: RowContext): boolean {
  if (reminder.rowId === undefined) return false;
  const row = context.rows.get(reminder.rowId);
  const sheet = reminder.sheetId ? context.sheets.get(reminder.sheetId) : undefined;
  return !row || row.deleted === 1 || !sheet || sheet.deleted === 1;
}

/** Returns the reminders that are not done and due at or before `now`, hidden ones included. */
export async function listDueReminders(database: KindlingDatabase, now: Date): Promise<ReminderRecord[]> {
  const nowLocal = toLocalDateTime(now);
  const due: ReminderRecord[] = [];
  // Only Dexie promises may be awaited here: awaiting anything else inside a liveQuery loses track of what it read.
  for (const state of PENDING_STATES) {
    const range = database.reminders.where('[state+due]').between([state, ''], [state, nowLocal], true, true);
    due.push(...(await range.toArray()));
  }
  return due;
}

/** Returns the number of visible reminders that are due and not done: the badge on "Reminders". */
export async function countOverdueReminders(now: Date, database: KindlingDatabase = getDatabase()): Promise<number> {
  const due = await listDueReminders(database, now);
  const context = await loadRowContext(database, due);
  return due.filter((reminder) => !isHidden(reminder, context)).length;
}
