// The "then" part of a rule: each action changes the row that triggered it,
// or adds a reminder, an activity, a moved copy or a prompt for it. Actions
// write through the workspace, so they land in the triggering transaction.
// An action that cannot run throws a plain message, and the engine adds the rule's name.

import { newerLastContacted } from '../db/conversations';
import type { ReminderRecord, RowRecord, RuleAction, SheetRecord } from '../db/records';
import { isRuleCheckIn } from '../reminders/checkInRules';
import { addToDate, joinDateTime } from '../reminders/localTime';
import { lastContactedField, readCellWhen } from '../reminders/reconcile';
import { findOptionByLabel } from '../fields/options';
import { cellToCsv, convertCell, isEmptyCell, parseCsvCell } from '../fields/registry';
import type { CellValue, FieldDef } from '../fields/types';
import { findOrCreateActivityLog } from './activityLog';
import type { RuleWorkspace } from './workspace';

/** One row as an action step changed it; the engine passes it on to the rules it may trigger. */
export interface StepChange {
  before: RowRecord | null;
  after: RowRecord | null;
}

export interface ActionResult {
  changes: StepChange[];
  /** Summary of the action for the run log, in words, without customer data. */
  summary: string;
}

export interface ActionTarget {
  sheet: SheetRecord;
  row: RowRecord;
  ruleId: string;
  ruleName: string;
}

function requireField(sheet: SheetRecord, fieldId: string): FieldDef {
  const field = sheet.fields.find((each) => each.id === fieldId);
  if (!field) throw new Error(`its column is no longer in the sheet "${sheet.name}"`);
  return field;
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (isEmptyCell(a) && isEmptyCell(b)) return true;
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Stores the row with one cell changed; returns no change when the cell already has the value. */
async function writeCell(
  workspace: RuleWorkspace,
  row: RowRecord,
  fieldId: string,
  value: CellValue,
): Promise<StepChange[]> {
  if (sameValue(row.values[fieldId], value)) return [];
  const values = { ...row.values };
  if (isEmptyCell(value)) delete values[fieldId];
  else values[fieldId] = value;
  const after: RowRecord = { ...row, values, updatedAt: workspace.now.toISOString() };
  await workspace.putRow(after);
  return [{ before: row, after }];
}

/** Reads a rule's value text for a column, as a CSV cell: ISO dates, plain numbers, choice labels. */
export function readRuleValue(text: string, field: FieldDef, workspace: Pick<RuleWorkspace, 'context'>): CellValue {
  const result = parseCsvCell(text, field, workspace.context);
  if (!result.ok) throw new Error(`"${text}" is not a valid value for "${field.name}": ${result.error}`);
  return result.value;
}

function todayValue(field: FieldDef, workspace: RuleWorkspace): CellValue {
  if (field.type === 'date') return workspace.today;
  if (field.type === 'dateTime') return workspace.now.toISOString();
  throw new Error(`"today" needs a date column, but "${field.name}" is ${field.type}`);
}

async function setValue(
  workspace: RuleWorkspace,
  target: ActionTarget,
  action: Extract<RuleAction, { kind: 'setValue' }>,
): Promise<ActionResult> {
  const field = requireField(target.sheet, action.fieldId);
  const value = action.today ? todayValue(field, workspace) : readRuleValue(action.value ?? '', field, workspace);
  const changes = await writeCell(workspace, target.row, field.id, value);
  const what = action.today ? 'today' : isEmptyCell(value) ? 'empty' : `"${action.value}"`;
  return { changes, summary: changes.length ? `set ${field.name} to ${what}` : `${field.name} was already ${what}` };
}

async function changeTag(
  workspace: RuleWorkspace,
  target: ActionTarget,
  action: Extract<RuleAction, { kind: 'addTag' | 'removeTag' }>,
): Promise<ActionResult> {
  const field = requireField(target.sheet, action.fieldId);
  if (field.type !== 'multiSelect') throw new Error(`"${field.name}" is not a tags (multi-select) column`);
  const option = findOptionByLabel(field, action.tag) ?? field.settings.options?.find((each) => each.id === action.tag);
  if (!option) throw new Error(`"${action.tag}" is not a choice of "${field.name}"`);

  const current = target.row.values[field.id];
  const tags = Array.isArray(current) ? current : [];
  const next =
    action.kind === 'addTag'
      ? tags.includes(option.id)
        ? tags
        : [...tags, option.id]
      : tags.filter((id) => id !== option.id);
  const changes = await writeCell(workspace, target.row, field.id, next);
  const verb = action.kind === 'addTag' ? 'added the tag' : 'removed the tag';
  return { changes, summary: changes.length ? `${verb} ${option.label}` : `tag ${option.label} unchanged` };
}

function newReminderBase(workspace: RuleWorkspace, target: ActionTarget, title: string) {
  const at = workspace.now.toISOString();
  return {
    id: crypto.randomUUID(),
    title,
    state: 'open' as const,
    sheetId: target.sheet.id,
    rowId: target.row.id,
    createdAt: at,
    updatedAt: at,
  };
}

async function createReminder(
  workspace: RuleWorkspace,
  target: ActionTarget,
  action: Extract<RuleAction, { kind: 'createReminder' }>,
): Promise<ActionResult> {
  let date: string;
  if (action.dateFieldId) {
    const field = requireField(target.sheet, action.dateFieldId);
    const when = readCellWhen(target.row.values[field.id], field);
    if (!when) return { changes: [], summary: `no reminder, because ${field.name} is empty` };
    date = when.date;
  } else {
    const days = action.inDays ?? 0;
    if (!Number.isInteger(days) || days < 0) throw new Error(`${days} is not a whole number of days from today`);
    date = addToDate(workspace.today, days, 'days');
  }

  const title = action.title.trim() || 'Follow up';
  const reminder: ReminderRecord = {
    ...newReminderBase(workspace, target, title),
    kind: 'standalone',
    date,
    time: workspace.reminderTime,
    due: joinDateTime(date, workspace.reminderTime),
  };
  await workspace.putReminder(reminder);
  return { changes: [], summary: `created a reminder for ${date}` };
}

function isManualCheckIn(reminder: ReminderRecord): boolean {
  return reminder.kind === 'checkIn' && !isRuleCheckIn(reminder);
}

async function startCheckIn(
  workspace: RuleWorkspace,
  target: ActionTarget,
  action: Extract<RuleAction, { kind: 'startCheckIn' }>,
): Promise<ActionResult> {
  const { every, unit } = action;
  if (!Number.isInteger(every) || every < 1) throw new Error(`${every} is not a valid interval for a check-in`);
  const existing = (await workspace.remindersOfRow(target.row.id)).find(
    (reminder) =>
      isManualCheckIn(reminder) && reminder.recurrence?.every === every && reminder.recurrence.unit === unit,
  );
  if (existing) return { changes: [], summary: `a check-in every ${every} ${unit} was already running` };

  const field = lastContactedField(target.sheet);
  const lastContacted = field ? readCellWhen(target.row.values[field.id], field)?.date : undefined;
  const anchorDate = lastContacted ?? workspace.today;
  const date = addToDate(anchorDate, every, unit);
  const reminder: ReminderRecord = {
    ...newReminderBase(workspace, target, ''),
    kind: 'checkIn',
    recurrence: { every, unit },
    anchorDate,
    ...(lastContacted ? { lastContacted } : {}),
    date,
    due: joinDateTime(date, workspace.reminderTime),
  };
  await workspace.putReminder(reminder);
  return { changes: [], summary: `started a check-in every ${every} ${unit}` };
}

async function stopCheckIn(workspace: RuleWorkspace, target: ActionTarget): Promise<ActionResult> {
  const checkIns = (await workspace.remindersOfRow(target.row.id)).filter(isManualCheckIn);
  for (const reminder of checkIns) await workspace.deleteReminder(reminder.id);
  const count = checkIns.length;
  return { changes: [], summary: count ? `stopped ${count} check-in${count === 1 ? '' : 's'}` : 'no check-in to stop' };
}

async function logConversation(
  workspace: RuleWorkspace,
  target: ActionTarget,
  action: Extract<RuleAction, { kind: 'logConversation' }>,
): Promise<ActionResult> {
  const log = await findOrCreateActivityLog(workspace, target.sheet);
  const { dateField, typeField, customerField, notesField } = log;
  const values: Record<string, CellValue> = {
    [customerField.id]: [target.row.id],
    [dateField.id]: dateField.type === 'date' ? workspace.today : workspace.now.toISOString(),
  };

  const option = findOptionByLabel(typeField, action.activityType);
  if (option) values[typeField.id] = option.id;
  // A type the Type column does not offer goes into the notes, so no text of the rule is lost.
  const notes = option ? action.text : `${action.activityType}: ${action.text}`;
  if (notesField && notes.trim()) values[notesField.id] = notes.trim();

  const added = await workspace.addRow(log.sheet.id, values);
  const changes: StepChange[] = [{ before: null, after: added }];

  // Logging a conversation moves the customer's last-contacted date forward, as the conversation log does.
  const contactedField = lastContactedField(target.sheet);
  const current = (await workspace.row(target.row.id)) ?? target.row;
  const newer = contactedField
    ? newerLastContacted(current.values[contactedField.id], contactedField, workspace.now)
    : undefined;
  if (contactedField && newer !== undefined) {
    changes.push(...(await writeCell(workspace, current, contactedField.id, newer)));
  }
  return { changes, summary: `logged a ${action.activityType} in ${log.sheet.name}` };
}

function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/** Copies one cell to the same-named column of another sheet: choices by label, other types through their CSV text. */
function copyCell(value: CellValue, from: FieldDef, to: FieldDef, workspace: RuleWorkspace): CellValue | undefined {
  if ((from.type === 'select' || from.type === 'multiSelect') && from.type === to.type) {
    const ids = Array.isArray(value) ? value : [value as string];
    const mapped = ids.map((id) => {
      const label = from.settings.options?.find((option) => option.id === id)?.label;
      return label === undefined ? undefined : findOptionByLabel(to, label)?.id;
    });
    if (mapped.some((id) => id === undefined)) return undefined;
    return to.type === 'select' ? mapped[0]! : (mapped as string[]);
  }
  if (from.type === 'link' || to.type === 'link') {
    return from.type === to.type && from.settings.linkSheetId === to.settings.linkSheetId ? value : undefined;
  }
  if (from.type === to.type) return value;
  return convertCell(value, from, to, workspace.context);
}

async function moveToSheet(
  workspace: RuleWorkspace,
  target: ActionTarget,
  action: Extract<RuleAction, { kind: 'moveToSheet' }>,
): Promise<ActionResult> {
  const destination = await workspace.sheet(action.sheetId);
  if (!destination) throw new Error('the sheet to move the row to is no longer in the workbook');
  if (destination.id === target.sheet.id) throw new Error(`the row is already in "${destination.name}"`);

  const byName = new Map(destination.fields.map((field) => [nameKey(field.name), field]));
  const values: Record<string, CellValue> = {};
  const unmatched: { field: FieldDef; value: CellValue }[] = [];
  for (const field of target.sheet.fields) {
    const value = target.row.values[field.id];
    if (isEmptyCell(value)) continue;
    const to = byName.get(nameKey(field.name));
    const copied = to ? copyCell(value, field, to, workspace) : undefined;
    if (to && copied !== undefined && !isEmptyCell(copied)) values[to.id] = copied;
    else unmatched.push({ field, value });
  }

  // Values without a matching column go to the destination's notes, so the moved row keeps them.
  const notesField = destination.fields.find((field) => field.role === 'notes' && field.type !== 'link');
  let summary = `moved the row to ${destination.name}`;
  if (unmatched.length && notesField) {
    const lines = unmatched.map(({ field, value }) => `${field.name}: ${cellToCsv(value, field, workspace.context)}`);
    const existing = typeof values[notesField.id] === 'string' ? [values[notesField.id] as string] : [];
    values[notesField.id] = [...existing, ...lines].join('\n');
    summary += `; ${unmatched.map(({ field }) => field.name).join(', ')} went to ${notesField.name}`;
  } else if (unmatched.length) {
    summary += `; ${unmatched.map(({ field }) => field.name).join(', ')} had no column there and stay on the row in the trash`;
  }

  const added = await workspace.addRow(destination.id, values);
  const at = workspace.now.toISOString();
  const trashed: RowRecord = { ...target.row, deleted: 1, deletedAt: at, updatedAt: at };
  await workspace.putRow(trashed);
  return {
    changes: [
      { before: null, after: added },
      { before: target.row, after: trashed },
    ],
    summary,
  };
}

async function askForValue(
  workspace: RuleWorkspace,
  target: ActionTarget,
  action: Extract<RuleAction, { kind: 'askForValue' }>,
): Promise<ActionResult> {
  const field = requireField(target.sheet, action.fieldId);
  await workspace.addPrompt({
    id: crypto.randomUUID(),
    ruleId: target.ruleId,
    ruleName: target.ruleName,
    sheetId: target.sheet.id,
    rowId: target.row.id,
    fieldId: field.id,
    createdAt: workspace.now.toISOString(),
  });
  return { changes: [], summary: `asked for ${field.name}` };
}

/** Runs one action on the target row. Throws a message, without the rule's name, when it cannot run. */
export async function runAction(
  workspace: RuleWorkspace,
  target: ActionTarget,
  action: RuleAction,
): Promise<ActionResult> {
  switch (action.kind) {
    case 'setValue':
      return setValue(workspace, target, action);
    case 'addTag':
    case 'removeTag':
      return changeTag(workspace, target, action);
    case 'createReminder':
      return createReminder(workspace, target, action);
    case 'startCheckIn':
      return startCheckIn(workspace, target, action);
    case 'stopCheckIn':
      return stopCheckIn(workspace, target);
    case 'logConversation':
      return logConversation(workspace, target, action);
    case 'moveToSheet':
      return moveToSheet(workspace, target, action);
    case 'askForValue':
      return askForValue(workspace, target, action);
  }
}
