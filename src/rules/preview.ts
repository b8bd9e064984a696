// The text "Try on one row" shows: the changes a rule and the rules it triggers
// would make, in sentences, from the changes the workspace tracked before
// the dry run was rolled back.

import type { ReminderChange, RowChange } from '../db/history';
import type { SheetRecord } from '../db/records';
import { formatCell, isEmptyCell } from '../fields/registry';
import type { FieldContext } from '../fields/types';
import { describeRow } from '../reminders/rowLabel';
import type { RulePrompt } from './workspace';

export interface ChangeSet {
  rows: RowChange[];
  reminders: ReminderChange[];
  prompts: RulePrompt[];
  addedSheets: SheetRecord[];
}

function formatDay(date: string, locale: string): string {
  // Noon UTC keeps the calendar day the same in every time zone.
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function shown(text: string): string {
  return text === '' ? '(empty)' : `"${text}"`;
}

function describeRowChange(change: RowChange, sheets: Map<string, SheetRecord>, context: FieldContext): string[] {
  const row = (change.after ?? change.before)!;
  const sheet = sheets.get(row.sheetId);
  if (!sheet) return [];
  const name = describeRow(sheet, row).name;

  if (!change.before) {
    const filled = sheet.fields
      .filter((field) => !isEmptyCell(row.values[field.id]))
      .map((field) => `${field.name} ${shown(formatCell(row.values[field.id], field, context))}`);
    return [`Add a row to "${sheet.name}"${filled.length ? `: ${filled.join(', ')}` : ''}.`];
  }
  if (change.after?.deleted === 1 && change.before.deleted === 0)
    return [`Move "${name}" in "${sheet.name}" to the trash.`];
  if (!change.after) return [];

  const lines: string[] = [];
  for (const field of sheet.fields) {
    const before = formatCell(change.before.values[field.id], field, context);
    const after = formatCell(change.after.values[field.id], field, context);
    if (before !== after) lines.push(`Change ${field.name} of "${name}" from ${shown(before)} to ${shown(after)}.`);
  }
  return lines;
}

function describeReminderChange(change: ReminderChange, locale: string): string {
  const reminder = (change.after ?? change.before)!;
  const isCheckIn = reminder.kind === 'checkIn' && reminder.recurrence;
  if (!change.after) {
    return isCheckIn
      ? `Stop the check-in every ${reminder.recurrence!.every} ${reminder.recurrence!.unit}.`
      : `Delete the reminder "${reminder.title}".`;
  }
  if (change.before) return `Change the reminder "${reminder.title}" to ${formatDay(reminder.date, locale)}.`;
  return isCheckIn
    ? `Start a check-in every ${reminder.recurrence!.every} ${reminder.recurrence!.unit}, first on ${formatDay(reminder.date, locale)}.`
    : `Add the reminder "${reminder.title}" on ${formatDay(reminder.date, locale)}.`;
}

/** Describes a set of changes, one sentence each, in the order they were made. */
export function describeChanges(changes: ChangeSet, sheets: SheetRecord[], context: FieldContext): string[] {
  const byId = new Map([...sheets, ...changes.addedSheets].map((sheet) => [sheet.id, sheet]));
  return [
    ...changes.addedSheets.map((sheet) => `Add the sheet "${sheet.name}".`),
    ...changes.rows.flatMap((change) => describeRowChange(change, byId, context)),
    ...changes.reminders.map((change) => describeReminderChange(change, context.locale)),
    ...changes.prompts.map((prompt) => {
      const field = byId.get(prompt.sheetId)?.fields.find((each) => each.id === prompt.fieldId);
      return `Ask you for ${field ? `"${field.name}"` : 'a value'} once the change is saved.`;
    }),
  ];
}
