// Reconciliation: the follow-up reminders a workbook should have, computed
// from its rows, compared with the reminders stored. The result is the set
// of writes that makes the store match. It is idempotent, so running it
// twice, or in two tabs at once, writes nothing the second time: follow-up
// ids are derived from the row and column, and unchanged reminders are left
// alone, done and snoozed state included.

import type { ReminderRecord, RowRecord, SheetRecord, Timestamp } from '../db/records';
import type { CellValue, FieldDef } from '../fields/types';
import { type CheckInRule, isRuleCheckIn, ruleCheckInId, ruleMatches } from './checkInRules';
import { addToDate, isLocalDate, isTimeOfDay, joinDateTime, toLocalDate, toTimeOfDay } from './localTime';

/** The reminder time a new workbook starts with. */
export const DEFAULT_REMINDER_TIME = '09:00';

/** The data reminders are derived from, read in one transaction. */
export interface ReminderSources {
  /** Every sheet, those in the trash included. */
  sheets: SheetRecord[];
  /** Rows not in the trash of the sheets not in the trash that have a follow-up or last-contacted column or a check-in rule. */
  rows: RowRecord[];
  /** Time of day 'HH:mm' at which follow-ups and check-ins come due. */
  reminderTime: string;
  /** Rules that keep a check-in on every row of a sheet with a tag. */
  checkInRules: CheckInRule[];
}

export interface ReminderChanges {
  put: ReminderRecord[];
  remove: string[];
}

/** Returns the id of the follow-up reminder for one row and date column. */
export function followUpId(rowId: string, fieldId: string): string {
  return `followUp:${rowId}:${fieldId}`;
}

export function followUpFields(sheet: SheetRecord): FieldDef[] {
  return sheet.fields.filter(
    (field) => field.role === 'followUpDate' && (field.type === 'date' || field.type === 'dateTime'),
  );
}

export function lastContactedField(sheet: SheetRecord): FieldDef | undefined {
  return sheet.fields.find(
    (field) => field.role === 'lastContacted' && (field.type === 'date' || field.type === 'dateTime'),
  );
}

/** Returns whether reconciliation needs the rows of this sheet. */
export function isReminderSource(sheet: SheetRecord, checkInRules: CheckInRule[] = []): boolean {
  if (sheet.deleted === 1) return false;
  if (followUpFields(sheet).length > 0 || lastContactedField(sheet) !== undefined) return true;
  return checkInRules.some((rule) => rule.sheetId === sheet.id);
}

interface CellWhen {
  date: string;
  /** Present for a date-and-time cell, whose own time wins over the reminder time setting. */
  time?: string;
}

/**
 * Reads a date or date-and-time cell as a local day and time. Empty cells,
 * text kept as invalid and values of other shapes give null.
 */
export function readCellWhen(value: CellValue | undefined, field: FieldDef): CellWhen | null {
  if (typeof value !== 'string') return null;
  if (field.type === 'date') return isLocalDate(value) ? { date: value } : null;

  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  return { date: toLocalDate(instant), time: toTimeOfDay(instant) };
}

function lastContactedDate(sheet: SheetRecord | undefined, row: RowRecord | undefined): string | undefined {
  const field = sheet && lastContactedField(sheet);
  if (!field || !row) return undefined;
  return readCellWhen(row.values[field.id], field)?.date;
}

/** Returns the due time of a reminder at its own time, or at the setting when it has none. */
export function dueAtOwnTime(reminder: Pick<ReminderRecord, 'date' | 'time'>, reminderTime: string): string {
  return joinDateTime(reminder.date, reminder.time ?? reminderTime);
}

/**
 * Moves an unsnoozed reminder to a new reminder time setting. A reminder
 * that already notified at its old time counts as notified at the new one,
 * so changing the setting does not notify twice on one day.
 */
function withReminderTime(reminder: ReminderRecord, reminderTime: string, at: Timestamp): ReminderRecord | null {
  if (reminder.state === 'snoozed') return null;
  const due = dueAtOwnTime(reminder, reminderTime);
  if (due === reminder.due) return null;

  const moved: ReminderRecord = { ...reminder, due, updatedAt: at };
  if (reminder.notifiedDue === reminder.due) moved.notifiedDue = due;
  return moved;
}

function reconcileFollowUp(
  existing: ReminderRecord | undefined,
  row: RowRecord,
  field: FieldDef,
  when: CellWhen,
  reminderTime: string,
  at: Timestamp,
): ReminderRecord | null {
  const due = joinDateTime(when.date, when.time ?? reminderTime);
  if (!existing) {
    return {
      id: followUpId(row.id, field.id),
      kind: 'followUp',
      sheetId: row.sheetId,
      rowId: row.id,
      fieldId: field.id,
      title: '',
      date: when.date,
      ...(when.time ? { time: when.time } : {}),
      due,
      state: 'open',
      createdAt: at,
      updatedAt: at,
    };
  }

  if (existing.date === when.date && existing.time === when.time) {
    return withReminderTime(existing, reminderTime, at);
  }

  // The date changed, so this is a new follow-up: it is open again and has not notified.
  const moved: ReminderRecord = { ...existing, date: when.date, due, state: 'open', updatedAt: at };
  if (when.time) moved.time = when.time;
  else delete moved.time;
  delete moved.notifiedDue;
  delete moved.doneAt;
  return moved;
}

/** Re-arms a check-in from the row's new last-contacted date. */
function reconcileCheckIn(
  reminder: ReminderRecord,
  lastContacted: string | undefined,
  reminderTime: string,
  at: Timestamp,
): ReminderRecord | null {
  if (lastContacted === reminder.lastContacted) return withReminderTime(reminder, reminderTime, at);

  // A cleared date, or a check-in without a recurrence, is only noted so the next change is seen.
  if (lastContacted === undefined || !reminder.recurrence) {
    const noted: ReminderRecord = { ...reminder, updatedAt: at };
    if (lastContacted === undefined) delete noted.lastContacted;
    else noted.lastContacted = lastContacted;
    return noted;
  }

  const date = addToDate(lastContacted, reminder.recurrence.every, reminder.recurrence.unit);
  const rearmed: ReminderRecord = {
    ...reminder,
    anchorDate: lastContacted,
    lastContacted,
    date,
    due: dueAtOwnTime({ date, time: reminder.time }, reminderTime),
    state: 'open',
    updatedAt: at,
  };
  delete rearmed.notifiedDue;
  delete rearmed.doneAt;
  return rearmed;
}

/**
 * Keeps the check-in a rule wants on a row. A new one counts from the row's
 * last contact, or from today when the row has none. A changed interval on
 * the rule moves the check-in to the new interval from the same anchor day.
 */
function reconcileRuleCheckIn(
  existing: ReminderRecord | undefined,
  rule: CheckInRule,
  row: RowRecord,
  lastContacted: string | undefined,
  reminderTime: string,
  at: Timestamp,
): ReminderRecord | null {
  const { every, unit } = rule.recurrence;
  if (!existing) {
    const anchorDate = lastContacted ?? toLocalDate(new Date(at));
    const date = addToDate(anchorDate, every, unit);
    return {
      id: ruleCheckInId(rule.id, row.id),
      kind: 'checkIn',
      sheetId: row.sheetId,
      rowId: row.id,
      title: rule.title,
      recurrence: { every, unit },
      anchorDate,
      ...(lastContacted ? { lastContacted } : {}),
      date,
      due: joinDateTime(date, reminderTime),
      state: 'open',
      createdAt: at,
      updatedAt: at,
    };
  }

  const sameRule =
    existing.recurrence?.every === every && existing.recurrence.unit === unit && existing.title === rule.title;
  if (sameRule) return reconcileCheckIn(existing, lastContacted, reminderTime, at);

  const date = addToDate(existing.anchorDate ?? existing.date, every, unit);
  const changed: ReminderRecord = { ...existing, title: rule.title, recurrence: { every, unit }, date, updatedAt: at };
  if (changed.state !== 'snoozed') changed.due = dueAtOwnTime(changed, reminderTime);
  return reconcileCheckIn(changed, lastContacted, reminderTime, at) ?? changed;
}

/**
 * Computes the writes that bring stored reminders in line with the sources.
 * Follow-ups exist exactly for the filled follow-up cells of rows and sheets
 * outside the trash. Check-ins and standalone reminders are the user's own,
 * so they stay while their row is in the trash, hidden (see isHidden in
 * ./overdue). They go only when the row or sheet is deleted for good, which
 * shows as its id missing from `attachedRows` or `sources.sheets`. Check-ins
 * of a rule are derived like follow-ups: one exists exactly for each row
 * outside the trash, of a sheet outside the trash, that carries the rule's tag.
 */
export function computeReminderChanges(
  sources: ReminderSources,
  existing: ReminderRecord[],
  attachedRows: Map<string, RowRecord>,
  at: Timestamp,
): ReminderChanges {
  const reminderTime = isTimeOfDay(sources.reminderTime) ? sources.reminderTime : DEFAULT_REMINDER_TIME;
  const sheetsById = new Map(sources.sheets.map((sheet) => [sheet.id, sheet]));
  const rowsById = new Map(sources.rows.map((row) => [row.id, row]));
  const existingById = new Map(existing.map((reminder) => [reminder.id, reminder]));
  const changes: ReminderChanges = { put: [], remove: [] };
  const wanted = new Set<string>();

  for (const row of sources.rows) {
    const sheet = sheetsById.get(row.sheetId);
    if (!sheet || sheet.deleted === 1 || row.deleted === 1) continue;

    for (const field of followUpFields(sheet)) {
      const when = readCellWhen(row.values[field.id], field);
      if (!when) continue;
      const id = followUpId(row.id, field.id);
      wanted.add(id);
      const next = reconcileFollowUp(existingById.get(id), row, field, when, reminderTime, at);
      if (next) changes.put.push(next);
    }

    for (const rule of sources.checkInRules) {
      if (!ruleMatches(rule, sheet, row)) continue;
      const id = ruleCheckInId(rule.id, row.id);
      wanted.add(id);
      const lastContacted = lastContactedDate(sheet, row);
      const next = reconcileRuleCheckIn(existingById.get(id), rule, row, lastContacted, reminderTime, at);
      if (next) changes.put.push(next);
    }
  }

  for (const reminder of existing) {
    if (reminder.kind === 'followUp' || isRuleCheckIn(reminder)) {
      if (!wanted.has(reminder.id)) changes.remove.push(reminder.id);
      continue;
    }

    if (reminder.sheetId !== undefined && reminder.rowId !== undefined) {
      const row = rowsById.get(reminder.rowId) ?? attachedRows.get(reminder.rowId);
      if (!sheetsById.has(reminder.sheetId) || !row) {
        changes.remove.push(reminder.id);
        continue;
      }
      if (reminder.kind === 'checkIn') {
        const lastContacted = lastContactedDate(sheetsById.get(reminder.sheetId), row);
        const next = reconcileCheckIn(reminder, lastContacted, reminderTime, at);
        if (next) changes.put.push(next);
        continue;
      }
    }

    const next = withReminderTime(reminder, reminderTime, at);
    if (next) changes.put.push(next);
  }

  return changes;
}
