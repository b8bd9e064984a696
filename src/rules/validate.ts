// Checks a rule against its sheet before it is saved, so a rule that could
// never run is rejected with a message naming the part to fix.

import type { RuleAction, RuleRecord, RuleTrigger, SheetRecord } from '../db/records';
import { MAX_CHECK_IN_INTERVAL } from '../reminders/checkInRules';
import { findOptionByLabel } from '../fields/options';
import { parseCsvCell, defaultFieldContext } from '../fields/registry';
import type { FieldContext, FieldDef } from '../fields/types';

/** Maximum characters of a rule name. */
export const MAX_RULE_NAME_LENGTH = 100;

/** Maximum days a date trigger or a reminder may count. Ten years covers any follow-up rhythm. */
export const MAX_RULE_DAYS = 3650;

/** Maximum actions of one rule. */
export const MAX_RULE_ACTIONS = 20;

/** Rule as the form edits it, before saveRule adds the id and timestamps. */
export type RuleDraft = Pick<RuleRecord, 'sheetId' | 'name' | 'enabled' | 'trigger' | 'conditions' | 'actions'>;

const DATE_TYPES = new Set(['date', 'dateTime']);

function fieldOf(sheet: SheetRecord, fieldId: string, what: string): FieldDef {
  const field = sheet.fields.find((each) => each.id === fieldId);
  if (!field) throw new Error(`${what}: choose a column of "${sheet.name}".`);
  return field;
}

function checkDays(days: unknown, what: string): void {
  if (!Number.isInteger(days) || (days as number) < 0 || (days as number) > MAX_RULE_DAYS) {
    throw new Error(`${what}: enter a whole number of days from 0 to ${MAX_RULE_DAYS}.`);
  }
}

function checkTrigger(trigger: RuleTrigger, sheet: SheetRecord, context: FieldContext): void {
  if (trigger.kind === 'rowAdded') return;
  const field = fieldOf(sheet, trigger.fieldId, 'When');
  if (trigger.kind === 'fieldChanged') {
    if (trigger.to !== undefined && !parseCsvCell(trigger.to, field, context).ok) {
      throw new Error(`When: "${trigger.to}" is not a valid value for "${field.name}".`);
    }
    return;
  }
  if (!DATE_TYPES.has(field.type)) throw new Error(`When: "${field.name}" is not a date column.`);
  checkDays(trigger.offsetDays, 'When');
}

function checkAction(
  action: RuleAction,
  index: number,
  sheet: SheetRecord,
  sheets: SheetRecord[],
  context: FieldContext,
): void {
  const what = `Then, step ${index + 1}`;
  switch (action.kind) {
    case 'setValue': {
      const field = fieldOf(sheet, action.fieldId, what);
      if (action.today) {
        if (!DATE_TYPES.has(field.type))
          throw new Error(`${what}: "today" needs a date column, and "${field.name}" is not one.`);
        return;
      }
      const result = parseCsvCell(action.value ?? '', field, context);
      if (!result.ok)
        throw new Error(`${what}: "${action.value}" is not a valid value for "${field.name}". ${result.error}`);
      return;
    }
    case 'addTag':
    case 'removeTag': {
      const field = fieldOf(sheet, action.fieldId, what);
      if (field.type !== 'multiSelect') throw new Error(`${what}: "${field.name}" is not a tags column.`);
      if (!findOptionByLabel(field, action.tag))
        throw new Error(`${what}: "${action.tag}" is not a choice of "${field.name}".`);
      return;
    }
    case 'createReminder':
      if (!action.title.trim()) throw new Error(`${what}: write what the reminder is for.`);
      if (action.dateFieldId) {
        const field = fieldOf(sheet, action.dateFieldId, what);
        if (!DATE_TYPES.has(field.type)) throw new Error(`${what}: "${field.name}" is not a date column.`);
      } else {
        checkDays(action.inDays, what);
      }
      return;
    case 'startCheckIn':
      if (!Number.isInteger(action.every) || action.every < 1 || action.every > MAX_CHECK_IN_INTERVAL) {
        throw new Error(`${what}: repeat the check-in every 1 to ${MAX_CHECK_IN_INTERVAL} ${action.unit}.`);
      }
      return;
    case 'stopCheckIn':
      return;
    case 'logConversation':
      if (!action.activityType.trim()) throw new Error(`${what}: choose the kind of conversation to log.`);
      return;
    case 'moveToSheet': {
      const destination = sheets.find((each) => each.id === action.sheetId && each.deleted === 0);
      if (!destination || destination.id === sheet.id)
        throw new Error(`${what}: choose another sheet to move the row to.`);
      return;
    }
    case 'askForValue':
      fieldOf(sheet, action.fieldId, what);
      return;
  }
}

/**
 * Returns why a rule cannot be saved, or null when it can. Checks the name,
 * that every column and sheet it names exists, and that its values read.
 */
export function validateRule(
  draft: RuleDraft,
  sheet: SheetRecord | undefined,
  sheets: SheetRecord[],
  context: FieldContext = defaultFieldContext,
): string | null {
  try {
    const name = draft.name.trim();
    if (!name) throw new Error('Give the rule a name.');
    if (name.length > MAX_RULE_NAME_LENGTH)
      throw new Error(`The name is longer than ${MAX_RULE_NAME_LENGTH} characters.`);
    if (!sheet) throw new Error('Choose the sheet the rule watches.');
    checkTrigger(draft.trigger, sheet, context);
    if (!draft.actions.length) throw new Error('Then: add at least one step.');
    if (draft.actions.length > MAX_RULE_ACTIONS) throw new Error(`Then: a rule has at most ${MAX_RULE_ACTIONS} steps.`);
    draft.actions.forEach((action, index) => checkAction(action, index, sheet, sheets, context));
    const moveIndex = draft.actions.findIndex((action) => action.kind === 'moveToSheet');
    if (moveIndex !== -1 && moveIndex !== draft.actions.length - 1) {
      throw new Error('Then: moving the row to another sheet must be the last step.');
    }
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
