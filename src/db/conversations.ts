// The conversation log: each logged call, email or meeting is a row of an
// Activities sheet with a Date column (date and time, no role), a Type select,
// a Customer link with the contact role and Notes. The dashboard finds such a
// sheet by the same shape (a contact-role link plus a select with Complaint and
// Compliment choices) to count complaints and compliments. Logging also moves
// the customer's last-contacted date forward, which re-arms their check-ins.

import type { Transaction } from 'dexie';

import type { CellValue, FieldDef, SelectOption } from '../fields/types';
import { toLocalDate } from '../reminders/localTime';
import { lastContactedField } from '../reminders/reconcile';
import { getDatabase } from './connection';
import { recordRowChanges, recordSheetChange, type RowChange } from './history';
import { newId, nowTimestamp } from './ids';
import type { RowRecord, SheetRecord } from './records';
import { reconcileReminders } from './reminders';
import { buildDefaultView, uniqueSheetName } from './sheets';
import type { KindlingDatabase } from './schema';

/** Name of the sheet created on the first logged conversation of a workbook. */
export const ACTIVITIES_SHEET_NAME = 'Activities';

/** Chip colours of new Type choices, the same pastel set the templates use. */
const TYPE_COLOURS = ['#dbeafe', '#dcfce7', '#fef9c3', '#fee2e2', '#ede9fe', '#ffedd5'];

/** The columns of an activity log that logging writes to. */
export interface ActivityLog {
  sheet: SheetRecord;
  /** The first date or date-and-time column without a role: the column the dashboard counts by. */
  dateField: FieldDef;
  typeField: FieldDef;
  /** The link to the customer's sheet, with the contact role. */
  customerField: FieldDef;
  notesField?: FieldDef;
}

function labelKey(label: string): string {
  return label.trim().toLocaleLowerCase();
}

/**
 * Returns the activity log of a customer sheet: a sheet outside the trash
 * whose first contact-role column links to that sheet. It needs a date column
 * without a role and a Type select, and no deal value, which marks a sales log.
 * A sheet named "Activities" wins over others. Undefined when there is none.
 */
export function findActivityLog(sheets: SheetRecord[], customerSheetId: string): ActivityLog | undefined {
  const logs: ActivityLog[] = [];
  for (const sheet of sheets) {
    if (sheet.deleted === 1) continue;
    const customerField = sheet.fields.find((field) => field.role === 'contact');
    if (customerField?.type !== 'link' || customerField.settings.linkSheetId !== customerSheetId) continue;
    if (sheet.fields.some((field) => field.role === 'dealValue')) continue;

    const dateField = sheet.fields.find((field) => (field.type === 'date' || field.type === 'dateTime') && !field.role);
    const typeField =
      sheet.fields.find((field) => field.type === 'select' && labelKey(field.name) === 'type') ??
      sheet.fields.find((field) => field.type === 'select');
    if (!dateField || !typeField) continue;

    const notesField =
      sheet.fields.find((field) => field.role === 'notes') ?? sheet.fields.find((field) => field.type === 'longText');
    logs.push({ sheet, dateField, typeField, customerField, ...(notesField ? { notesField } : {}) });
  }
  return logs.find((log) => labelKey(log.sheet.name) === labelKey(ACTIVITIES_SHEET_NAME)) ?? logs[0];
}

/** Returns the fields of a new Activities sheet that links to a customer sheet. */
export function buildActivityFields(customerSheetId: string, types: readonly string[]): FieldDef[] {
  const options: SelectOption[] = types.map((label, index) => ({
    id: newId(),
    label,
    color: TYPE_COLOURS[index % TYPE_COLOURS.length]!,
  }));
  return [
    { id: newId(), name: 'Date', type: 'dateTime', settings: {} },
    { id: newId(), name: 'Type', type: 'select', settings: { options } },
    { id: newId(), name: 'Customer', type: 'link', settings: { linkSheetId: customerSheetId }, role: 'contact' },
    { id: newId(), name: 'Notes', type: 'longText', settings: {}, role: 'notes' },
  ];
}

async function createActivityLog(
  transaction: Transaction,
  database: KindlingDatabase,
  customerSheetId: string,
  types: readonly string[],
): Promise<ActivityLog> {
  const all = await database.sheets.toArray();
  const at = nowTimestamp();
  const sheet: SheetRecord = {
    id: newId(),
    name: await uniqueSheetName(ACTIVITIES_SHEET_NAME),
    fields: buildActivityFields(customerSheetId, types),
    position: all.length ? Math.max(...all.map((each) => each.position)) + 1 : 0,
    createdAt: at,
    updatedAt: at,
    deleted: 0,
  };
  await database.sheets.add(sheet);
  await database.views.add(buildDefaultView(sheet.id, sheet.fields));
  await recordSheetChange(transaction, 'changeSheet', null, sheet);
  return findActivityLog([sheet], customerSheetId)!;
}

/** Returns the option id for a type label, adding the choice to the Type column when it is new. */
async function typeOptionId(database: KindlingDatabase, log: ActivityLog, label: string): Promise<string> {
  const options = log.typeField.settings.options ?? [];
  const found = options.find((option) => labelKey(option.label) === labelKey(label));
  if (found) return found.id;

  const option: SelectOption = { id: newId(), label, color: TYPE_COLOURS[options.length % TYPE_COLOURS.length]! };
  const fields = log.sheet.fields.map((field) =>
    field.id === log.typeField.id
      ? { ...field, settings: { ...field.settings, options: [...options, option] } }
      : field,
  );
  await database.sheets.put({ ...log.sheet, fields, updatedAt: nowTimestamp() });
  return option.id;
}

/**
 * Returns the value the last-contacted cell should take after a conversation
 * at `at`, or undefined when the cell already contains that moment or a later one.
 * A value kept as invalid text counts as empty, so the conversation replaces it.
 */
export function newerLastContacted(current: CellValue | undefined, field: FieldDef, at: Date): string | undefined {
  if (field.type === 'date') {
    const day = toLocalDate(at);
    return typeof current === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(current) && current >= day ? undefined : day;
  }
  const previous = typeof current === 'string' ? Date.parse(current) : Number.NaN;
  return !Number.isNaN(previous) && previous >= at.getTime() ? undefined : at.toISOString();
}

export interface NewConversation {
  /** The customer's sheet and row. */
  sheetId: string;
  rowId: string;
  /** A conversation type label such as 'Call'; a label the Type column lacks becomes a new choice. */
  type: string;
  /** When the conversation happened. */
  at: Date;
  notes: string;
}

export interface LoggedConversation {
  activitySheetId: string;
  activityRowId: string;
  /** Whether the Activities sheet was made by this call. */
  createdLog: boolean;
  /** Whether the customer's last-contacted cell moved to this conversation. */
  lastContactedChanged: boolean;
}

/**
 * Adds a conversation to the customer's activity log, creating the
 * Activities sheet on first use, and moves the customer's last-contacted
 * cell to it when it is newer, all in one transaction. Both row changes are
 * one undo step of the customer's sheet, so undo there removes the entry
 * and puts the old date back. Reminders are reconciled in the same
 * transaction, so a recurring check-in counts from the new date at once.
 */
export async function logConversation(
  input: NewConversation,
  types: readonly string[],
  now: Date = new Date(),
): Promise<LoggedConversation> {
  const database = getDatabase();
  const type = input.type.trim();
  if (!type) throw new Error('Choose the type of conversation, such as Call.');
  if (Number.isNaN(input.at.getTime())) throw new Error('Choose when the conversation happened.');

  const tables = [
    database.sheets,
    database.rows,
    database.views,
    database.history,
    database.settings,
    database.reminders,
  ];
  return database.transaction('rw', tables, async (transaction) => {
    const sheet = await database.sheets.get(input.sheetId);
    const customer = await database.rows.get(input.rowId);
    if (!sheet || sheet.deleted === 1 || !customer || customer.deleted === 1 || customer.sheetId !== sheet.id) {
      throw new Error('This customer is no longer in the sheet, so the conversation was not logged.');
    }

    const existing = findActivityLog(await database.sheets.toArray(), sheet.id);
    const log = existing ?? (await createActivityLog(transaction, database, sheet.id, types));
    const optionId = await typeOptionId(database, log, type);

    const at = nowTimestamp();
    const values: Record<string, CellValue> = {
      [log.dateField.id]: log.dateField.type === 'date' ? toLocalDate(input.at) : input.at.toISOString(),
      [log.typeField.id]: optionId,
      [log.customerField.id]: [customer.id],
    };
    const notes = input.notes.trim();
    if (notes && log.notesField) values[log.notesField.id] = notes;

    const last = await database.rows
      .where('[sheetId+position]')
      .between([log.sheet.id, -Infinity], [log.sheet.id, Infinity])
      .last();
    const entry: RowRecord = {
      id: newId(),
      sheetId: log.sheet.id,
      values,
      position: last ? last.position + 1 : 0,
      createdAt: at,
      updatedAt: at,
      deleted: 0,
    };
    await database.rows.add(entry);
    const changes: RowChange[] = [{ before: null, after: entry }];

    const lastField = lastContactedField(sheet);
    const newer = lastField ? newerLastContacted(customer.values[lastField.id], lastField, input.at) : undefined;
    if (lastField && newer !== undefined) {
      const after: RowRecord = { ...customer, values: { ...customer.values, [lastField.id]: newer }, updatedAt: at };
      await database.rows.put(after);
      changes.push({ before: customer, after });
    }

    await recordRowChanges(transaction, 'addRows', sheet.id, changes);
    await reconcileReminders(now.toISOString(), database);
    return {
      activitySheetId: log.sheet.id,
      activityRowId: entry.id,
      createdLog: existing === undefined,
      lastContactedChanged: newer !== undefined,
    };
  });
}
