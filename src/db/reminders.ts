// Reminders: follow-ups derived from date cells, recurring check-ins and
// standalone reminders, with their snooze, done and notified state. Every
// function takes the database as its last argument, defaulting to the page's
// connection, because the service worker runs the same queries on its own
// connection.

import {
  CHECK_IN_RULES_KEY,
  type CheckInRule,
  isRuleCheckIn,
  MAX_CHECK_IN_INTERVAL,
  parseCheckInRules,
  ruleCheckInId,
  tagsField,
} from '../reminders/checkInRules';
import type { ReminderChanges, ReminderSources } from '../reminders/reconcile';
import {
  computeReminderChanges,
  DEFAULT_REMINDER_TIME,
  dueAtOwnTime,
  isReminderSource,
  lastContactedField,
  readCellWhen,
} from '../reminders/reconcile';
import {
  addToDate,
  isLocalDate,
  isTimeOfDay,
  joinDateTime,
  toLocalDate,
  toLocalDateTime,
} from '../reminders/localTime';
import {
  countOverdueReminders,
  isHidden,
  listDueReminders,
  loadRowContext,
  PENDING_STATES,
  type RowContext,
} from '../reminders/overdue';
import { describeRow, rowPriority } from '../reminders/rowLabel';
import { getDatabase } from './connection';
import { newId, nowTimestamp } from './ids';
import type { LocalDateTime, Recurrence, ReminderRecord, RowRecord, Timestamp } from './records';
import type { KindlingDatabase } from './schema';

export { countOverdueReminders };

const SETTINGS_KEY = 'reminders';

export interface ReminderSettings {
  /** Time of day 'HH:mm' at which follow-up dates and check-ins come due, in local time. */
  reminderTime: string;
}

export async function getReminderSettings(database: KindlingDatabase = getDatabase()): Promise<ReminderSettings> {
  const record = await database.settings.get(SETTINGS_KEY);
  const stored = record?.value as Partial<ReminderSettings> | undefined;
  return { reminderTime: isTimeOfDay(stored?.reminderTime) ? stored.reminderTime : DEFAULT_REMINDER_TIME };
}

/** Saves the reminder time; reconciliation then moves every follow-up and check-in to it. */
export async function saveReminderSettings(
  settings: ReminderSettings,
  database: KindlingDatabase = getDatabase(),
): Promise<void> {
  if (!isTimeOfDay(settings.reminderTime)) {
    throw new Error(`Invalid reminder time "${settings.reminderTime}": use hours and minutes such as 09:00.`);
  }
  await database.settings.put({ key: SETTINGS_KEY, value: { reminderTime: settings.reminderTime } });
}

// ---------------------------------------------------------------------------
// Reconciliation
// ---------------------------------------------------------------------------

/** Reads every sheet, the rows that follow-ups and check-ins come from, the reminder time and the check-in rules. */
export async function readReminderSources(database: KindlingDatabase = getDatabase()): Promise<ReminderSources> {
  const sheets = await database.sheets.toArray();
  const checkInRules = await listCheckInRules(database);
  const rows: RowRecord[] = [];
  for (const sheet of sheets.filter((each) => isReminderSource(each, checkInRules))) {
    rows.push(...(await database.rows.where('[sheetId+deleted]').equals([sheet.id, 0]).toArray()));
  }
  const { reminderTime } = await getReminderSettings(database);
  return { sheets, rows, reminderTime, checkInRules };
}

/**
 * Brings stored reminders in line with sources read earlier, in one
 * transaction, and returns what it wrote. When the rows changed since the
 * sources were read, the change triggers another run that corrects this one.
 */
export async function applyReminderSources(
  sources: ReminderSources,
  at: Timestamp = nowTimestamp(),
  database: KindlingDatabase = getDatabase(),
): Promise<ReminderChanges> {
  return database.transaction('rw', [database.reminders, database.rows], async () => {
    const existing = await database.reminders.toArray();
    const attachedIds = [
      ...new Set(
        existing.filter((reminder) => reminder.kind !== 'followUp' && reminder.rowId).map((each) => each.rowId!),
      ),
    ];
    const attachedRows = new Map<string, RowRecord>();
    for (const row of await database.rows.bulkGet(attachedIds)) if (row) attachedRows.set(row.id, row);

    const changes = computeReminderChanges(sources, existing, attachedRows, at);
    if (changes.remove.length) await database.reminders.bulkDelete(changes.remove);
    if (changes.put.length) await database.reminders.bulkPut(changes.put);
    return changes;
  });
}

/** Reads the sources and reconciles in one transaction, so nothing changes in between. */
export async function reconcileReminders(
  at: Timestamp = nowTimestamp(),
  database: KindlingDatabase = getDatabase(),
): Promise<ReminderChanges> {
  return database.transaction('rw', [database.reminders, database.rows, database.sheets, database.settings], async () =>
    applyReminderSources(await readReminderSources(database), at, database),
  );
}

// ---------------------------------------------------------------------------
// Reading reminders with their rows
// ---------------------------------------------------------------------------

/** A reminder with what the UI, a notification and a calendar entry show about it. */
export interface ReminderItem {
  reminder: ReminderRecord;
  /** The customer's name, or '' for a reminder attached to no row. */
  name: string;
  phone: string;
  /** Description: the follow-up column's name, the check-in's interval or the user's text. */
  label: string;
  /** The row's priority label, such as 'High', or '' when it has none. */
  priority?: string;
}

function describeRecurrence(recurrence: Recurrence | undefined): string {
  if (!recurrence) return 'Check in';
  const unit = recurrence.every === 1 ? recurrence.unit.slice(0, -1) : recurrence.unit;
  return recurrence.every === 1 ? `Check in every ${unit}` : `Check in every ${recurrence.every} ${unit}`;
}

function toItem(reminder: ReminderRecord, context: RowContext): ReminderItem {
  const sheet = reminder.sheetId ? context.sheets.get(reminder.sheetId) : undefined;
  const row = reminder.rowId ? context.rows.get(reminder.rowId) : undefined;
  const { name, phone } = sheet && row ? describeRow(sheet, row) : { name: '', phone: '' };

  let label = reminder.title;
  if (reminder.kind === 'followUp') {
    label = sheet?.fields.find((field) => field.id === reminder.fieldId)?.name ?? 'Follow up';
  } else if (reminder.kind === 'checkIn') {
    label = reminder.title || describeRecurrence(reminder.recurrence);
  }
  return { reminder, name, phone, label, priority: sheet && row ? rowPriority(sheet, row) : '' };
}

async function toVisibleItems(database: KindlingDatabase, reminders: ReminderRecord[]): Promise<ReminderItem[]> {
  const context = await loadRowContext(database, reminders);
  return reminders.filter((reminder) => !isHidden(reminder, context)).map((reminder) => toItem(reminder, context));
}

/** Returns every visible reminder, done ones included, in due order. */
export async function listReminderItems(database: KindlingDatabase = getDatabase()): Promise<ReminderItem[]> {
  return toVisibleItems(database, await database.reminders.orderBy('due').toArray());
}

/**
 * Returns the earliest due time of a visible reminder that has not
 * notified for that time yet, or undefined when there is none.
 */
export async function nextPendingDue(database: KindlingDatabase = getDatabase()): Promise<LocalDateTime | undefined> {
  const pending = await database.reminders
    .where('state')
    .anyOf([...PENDING_STATES])
    .filter((reminder) => reminder.notifiedDue !== reminder.due)
    .toArray();
  const context = await loadRowContext(database, pending);
  const visible = pending.filter((reminder) => !isHidden(reminder, context));
  return visible.reduce<LocalDateTime | undefined>(
    (earliest, each) => (!earliest || each.due < earliest ? each.due : earliest),
    undefined,
  );
}

/**
 * Marks every visible reminder that is due at `now` and has not notified
 * for its due time as notified, and returns them. It is one IndexedDB
 * read-write transaction, and such transactions on one store run one after
 * another, so when two tabs and the service worker call it at once exactly
 * one of them gets each reminder. The caller shows notifications only after
 * this returns.
 */
export async function claimDueReminders(
  now: Date,
  database: KindlingDatabase = getDatabase(),
): Promise<ReminderItem[]> {
  return database.transaction('rw', [database.reminders, database.rows, database.sheets], async () => {
    const unclaimed = (await listDueReminders(database, now)).filter(
      (reminder) => reminder.notifiedDue !== reminder.due,
    );
    const items = await toVisibleItems(database, unclaimed);
    const at = now.toISOString();
    await database.reminders.bulkPut(
      items.map(({ reminder }) => ({ ...reminder, notifiedDue: reminder.due, updatedAt: at })),
    );
    return items;
  });
}

// ---------------------------------------------------------------------------
// Changes the user makes
// ---------------------------------------------------------------------------

export interface NewReminder {
  /** Text of the reminder. A standalone reminder needs one, and a check-in may leave it empty. */
  title: string;
  /** Day 'YYYY-MM-DD' for a one-off reminder; a check-in computes its own. */
  date?: string;
  /** Time 'HH:mm' for a one-off reminder. */
  time?: string;
  sheetId?: string;
  rowId?: string;
  /** Makes the reminder a check-in: it repeats this long after the row's last contact. */
  recurrence?: Recurrence;
}

function checkInterval(every: number, unit: string): void {
  if (!Number.isInteger(every) || every < 1 || every > MAX_CHECK_IN_INTERVAL) {
    throw new Error(`Invalid interval ${every}: repeat every 1 to ${MAX_CHECK_IN_INTERVAL} ${unit}.`);
  }
}

/** Adds a standalone reminder or a check-in and returns its id. */
export async function addReminder(
  input: NewReminder,
  now: Date,
  database: KindlingDatabase = getDatabase(),
): Promise<string> {
  const title = input.title.trim();
  if ((input.sheetId === undefined) !== (input.rowId === undefined)) {
    throw new Error('A reminder is attached to a row by both its sheet and row id, or to nothing.');
  }

  return database.transaction(
    'rw',
    [database.reminders, database.rows, database.sheets, database.settings],
    async () => {
      const row = input.rowId ? await database.rows.get(input.rowId) : undefined;
      const sheet = input.sheetId ? await database.sheets.get(input.sheetId) : undefined;
      if (input.rowId && (!row || !sheet || row.sheetId !== sheet.id || row.deleted === 1)) {
        throw new Error('The customer for this reminder is no longer in the sheet. Choose another one.');
      }

      const at = now.toISOString();
      const base = {
        id: newId(),
        title,
        state: 'open' as const,
        createdAt: at,
        updatedAt: at,
        ...(row && sheet ? { sheetId: sheet.id, rowId: row.id } : {}),
      };

      if (input.recurrence) {
        const { every, unit } = input.recurrence;
        if (!row || !sheet)
          throw new Error('A check-in repeats after the last contact with a customer, so choose one.');
        checkInterval(every, unit);
        const field = lastContactedField(sheet);
        const lastContacted = field ? readCellWhen(row.values[field.id], field)?.date : undefined;
        const anchorDate = lastContacted ?? toLocalDate(now);
        const date = addToDate(anchorDate, every, unit);
        const { reminderTime } = await getReminderSettings(database);
        const reminder: ReminderRecord = {
          ...base,
          kind: 'checkIn',
          recurrence: { every, unit },
          anchorDate,
          ...(lastContacted ? { lastContacted } : {}),
          date,
          due: joinDateTime(date, reminderTime),
        };
        await database.reminders.add(reminder);
        return reminder.id;
      }

      if (!title) throw new Error('Write what the reminder is for.');
      if (!isLocalDate(input.date)) throw new Error('Choose the day of the reminder.');
      if (!isTimeOfDay(input.time)) throw new Error('Choose the time of the reminder, such as 09:00.');
      const reminder: ReminderRecord = {
        ...base,
        kind: 'standalone',
        date: input.date,
        time: input.time,
        due: joinDateTime(input.date, input.time),
      };
      await database.reminders.add(reminder);
      return reminder.id;
    },
  );
}

async function updateReminder(
  id: string,
  database: KindlingDatabase,
  change: (reminder: ReminderRecord, reminderTime: string) => ReminderRecord,
): Promise<ReminderRecord> {
  return database.transaction('rw', [database.reminders, database.settings], async () => {
    const reminder = await database.reminders.get(id);
    if (!reminder) throw new Error('This reminder no longer exists; its date may have been cleared.');
    const { reminderTime } = await getReminderSettings(database);
    const next = change(structuredClone(reminder), reminderTime);
    await database.reminders.put(next);
    return next;
  });
}

/**
 * Marks a reminder done. A check-in is not finished by that: it counts
 * from today and comes due again after its interval.
 */
export async function markReminderDone(
  id: string,
  now: Date,
  database: KindlingDatabase = getDatabase(),
): Promise<ReminderRecord> {
  return updateReminder(id, database, (reminder, reminderTime) => {
    const at = now.toISOString();
    if (reminder.kind === 'checkIn' && reminder.recurrence) {
      const anchorDate = toLocalDate(now);
      const date = addToDate(anchorDate, reminder.recurrence.every, reminder.recurrence.unit);
      const next: ReminderRecord = { ...reminder, anchorDate, date, state: 'open', updatedAt: at };
      next.due = dueAtOwnTime(next, reminderTime);
      delete next.notifiedDue;
      return next;
    }
    return { ...reminder, state: 'done', doneAt: at, updatedAt: at };
  });
}

/** Snoozes a reminder until a local time; it notifies again then. */
export async function snoozeReminder(
  id: string,
  until: LocalDateTime,
  now: Date,
  database: KindlingDatabase = getDatabase(),
): Promise<ReminderRecord> {
  if (until <= toLocalDateTime(now)) throw new Error('Choose a snooze time later than now.');
  return updateReminder(id, database, (reminder) => {
    const next: ReminderRecord = { ...reminder, state: 'snoozed', due: until, updatedAt: now.toISOString() };
    delete next.doneAt;
    return next;
  });
}

/** Opens a done or snoozed reminder again at its own date and time. */
export async function reopenReminder(
  id: string,
  now: Date,
  database: KindlingDatabase = getDatabase(),
): Promise<ReminderRecord> {
  return updateReminder(id, database, (reminder, reminderTime) => {
    const next: ReminderRecord = {
      ...reminder,
      state: 'open',
      due: dueAtOwnTime(reminder, reminderTime),
      updatedAt: now.toISOString(),
    };
    delete next.doneAt;
    return next;
  });
}

/** Deletes a check-in or standalone reminder. A follow-up goes when its date cell is cleared. */
export async function deleteReminder(id: string, database: KindlingDatabase = getDatabase()): Promise<void> {
  const reminder = await database.reminders.get(id);
  if (reminder?.kind === 'followUp') {
    throw new Error('A follow-up comes from its date cell. Clear the date in the sheet to remove it.');
  }
  if (reminder && isRuleCheckIn(reminder)) {
    throw new Error('This check-in comes from a tag. Remove the tag from the row, or delete the check-in rule.');
  }
  await database.reminders.delete(id);
}

/** A row offered when the user attaches a reminder to a customer. */
export interface RowChoice {
  sheetId: string;
  rowId: string;
  name: string;
  sheetName: string;
}

/** Returns up to `limit` rows outside the trash whose name contains `text`, ignoring case. */
export async function findRowsByName(
  text: string,
  limit = 20,
  database: KindlingDatabase = getDatabase(),
): Promise<RowChoice[]> {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return [];

  const choices: RowChoice[] = [];
  const sheets = (await database.sheets.orderBy('position').toArray()).filter((sheet) => sheet.deleted === 0);
  for (const sheet of sheets) {
    if (choices.length >= limit) break;
    const rows = await database.rows
      .where('[sheetId+deleted]')
      .equals([sheet.id, 0])
      .filter((row) => describeRow(sheet, row).name.toLowerCase().includes(wanted))
      .limit(limit - choices.length)
      .toArray();
    for (const row of rows) {
      choices.push({ sheetId: sheet.id, rowId: row.id, name: describeRow(sheet, row).name, sheetName: sheet.name });
    }
  }
  return choices;
}

// ---------------------------------------------------------------------------
// Check-in rules
// ---------------------------------------------------------------------------

/** Returns the stored check-in rules, oldest first. */
export async function listCheckInRules(database: KindlingDatabase = getDatabase()): Promise<CheckInRule[]> {
  return parseCheckInRules((await database.settings.get(CHECK_IN_RULES_KEY))?.value);
}

/** A sheet's tags column with its choices, offered when the user sets a check-in rule. */
export interface TagColumnChoice {
  sheetId: string;
  sheetName: string;
  fieldId: string;
  fieldName: string;
  options: { id: string; label: string }[];
}

/** Returns the tags column of every sheet outside the trash that has one, in tab order. */
export async function listTagColumns(database: KindlingDatabase = getDatabase()): Promise<TagColumnChoice[]> {
  const sheets = await database.sheets.orderBy('position').toArray();
  const choices: TagColumnChoice[] = [];
  for (const sheet of sheets) {
    const field = sheet.deleted === 0 ? tagsField(sheet) : undefined;
    if (!field) continue;
    const options = (field.settings.options ?? []).map(({ id, label }) => ({ id, label }));
    choices.push({ sheetId: sheet.id, sheetName: sheet.name, fieldId: field.id, fieldName: field.name, options });
  }
  return choices;
}

export interface NewCheckInRule {
  sheetId: string;
  /** The option id of the tag. */
  optionId: string;
  recurrence: Recurrence;
  /** Text for each check-in; empty shows the interval. */
  title: string;
}

/**
 * Adds a rule that keeps a check-in on every row of a sheet with a tag, and
 * returns its id. Reconciliation then adds the check-ins, in this call and
 * whenever rows change later.
 */
export async function addCheckInRule(
  input: NewCheckInRule,
  now: Date,
  database: KindlingDatabase = getDatabase(),
): Promise<string> {
  const { every, unit } = input.recurrence;
  checkInterval(every, unit);

  return database.transaction(
    'rw',
    [database.reminders, database.rows, database.sheets, database.settings],
    async () => {
      const sheet = await database.sheets.get(input.sheetId);
      const field = sheet && sheet.deleted === 0 ? tagsField(sheet) : undefined;
      if (!sheet || sheet.deleted === 1)
        throw new Error('The sheet for this check-in is no longer there. Choose another.');
      if (!field)
        throw new Error(`The sheet "${sheet.name}" has no tags column. Add a multi-select column with the tags role.`);
      if (!field.settings.options?.some((option) => option.id === input.optionId)) {
        throw new Error(`The tag is no longer a choice of "${field.name}". Choose another tag.`);
      }

      const at = now.toISOString();
      const rule: CheckInRule = {
        id: newId(),
        sheetId: sheet.id,
        fieldId: field.id,
        optionId: input.optionId,
        recurrence: { every, unit },
        title: input.title.trim(),
        createdAt: at,
      };
      const rules = [...(await listCheckInRules(database)), rule];
      await database.settings.put({ key: CHECK_IN_RULES_KEY, value: { rules } });
      await reconcileReminders(at, database);
      return rule.id;
    },
  );
}

/** Deletes a check-in rule and the check-ins it made. */
export async function deleteCheckInRule(
  id: string,
  now: Date,
  database: KindlingDatabase = getDatabase(),
): Promise<void> {
  await database.transaction(
    'rw',
    [database.reminders, database.rows, database.sheets, database.settings],
    async () => {
      const rules = (await listCheckInRules(database)).filter((rule) => rule.id !== id);
      await database.settings.put({ key: CHECK_IN_RULES_KEY, value: { rules } });
      await reconcileReminders(now.toISOString(), database);
    },
  );
}

/** A check-in rule with the names the Reminders page shows for it. */
export interface CheckInRuleItem {
  rule: CheckInRule;
  sheetName: string;
  /** The tag's label, or '' when the choice was removed from the column. */
  tagLabel: string;
  /** How many check-ins the rule keeps now. */
  checkIns: number;
}

/** Returns every check-in rule with its sheet and tag names and its number of check-ins. */
export async function listCheckInRuleItems(database: KindlingDatabase = getDatabase()): Promise<CheckInRuleItem[]> {
  const rules = await listCheckInRules(database);
  const reminderIds = await database.reminders.toCollection().primaryKeys();
  const items: CheckInRuleItem[] = [];
  for (const rule of rules) {
    const sheet = await database.sheets.get(rule.sheetId);
    const field = sheet?.fields.find((each) => each.id === rule.fieldId);
    const tagLabel = field?.settings.options?.find((option) => option.id === rule.optionId)?.label ?? '';
    const prefix = ruleCheckInId(rule.id, '');
    const checkIns = reminderIds.filter((key) => key.startsWith(prefix)).length;
    items.push({ rule, sheetName: sheet?.name ?? '', tagLabel, checkIns });
  }
  return items;
}
