// Rules in words: the "When" and "Then" lines of the Automations list, the
// step named in an error, and the run log.

import type { RuleAction, RuleTrigger, SheetRecord } from '../db/records';

function columnName(sheet: SheetRecord | undefined, fieldId: string): string {
  const name = sheet?.fields.find((field) => field.id === fieldId)?.name;
  return name ? `"${name}"` : 'a deleted column';
}

function plural(count: number, unit: string): string {
  const singular = unit.endsWith('s') ? unit.slice(0, -1) : unit;
  return `${count} ${count === 1 ? singular : unit}`;
}

export function describeTrigger(trigger: RuleTrigger, sheet: SheetRecord | undefined): string {
  switch (trigger.kind) {
    case 'rowAdded':
      return `A row is added to ${sheet ? `"${sheet.name}"` : 'a deleted sheet'}`;
    case 'fieldChanged':
      return trigger.to === undefined
        ? `${columnName(sheet, trigger.fieldId)} changes`
        : `${columnName(sheet, trigger.fieldId)} becomes "${trigger.to}"`;
    case 'dateReached':
      return trigger.offsetDays === 0
        ? `${columnName(sheet, trigger.fieldId)} is today or earlier`
        : `${columnName(sheet, trigger.fieldId)} is ${plural(trigger.offsetDays, 'days')} ago or more`;
  }
}

/** Describes an action; `sheets` names the destination of a move. */
export function describeAction(action: RuleAction, sheet: SheetRecord | undefined, sheets: SheetRecord[] = []): string {
  switch (action.kind) {
    case 'setValue':
      return action.today
        ? `Set ${columnName(sheet, action.fieldId)} to today`
        : action.value
          ? `Set ${columnName(sheet, action.fieldId)} to "${action.value}"`
          : `Clear ${columnName(sheet, action.fieldId)}`;
    case 'addTag':
      return `Add the tag "${action.tag}" to ${columnName(sheet, action.fieldId)}`;
    case 'removeTag':
      return `Remove the tag "${action.tag}" from ${columnName(sheet, action.fieldId)}`;
    case 'createReminder':
      return action.dateFieldId
        ? `Create the reminder "${action.title}" on the date in ${columnName(sheet, action.dateFieldId)}`
        : `Create the reminder "${action.title}" in ${plural(action.inDays ?? 0, 'days')}`;
    case 'startCheckIn':
      return `Start a check-in every ${plural(action.every, action.unit)}`;
    case 'stopCheckIn':
      return 'Stop the check-ins of the row';
    case 'logConversation':
      return `Log a ${action.activityType || 'conversation'}${action.text ? `: "${action.text}"` : ''}`;
    case 'moveToSheet': {
      const destination = sheets.find((each) => each.id === action.sheetId);
      return `Move the row to ${destination ? `"${destination.name}"` : 'another sheet'}`;
    }
    case 'askForValue':
      return `Ask for ${columnName(sheet, action.fieldId)}`;
  }
}

/** Returns "Ran 3 Dec 2026 on 2 rows", or "Never ran". */
export function describeLastRun(lastRunAt: string | undefined, rowCount: number, locale: string): string {
  if (!lastRunAt) return 'Never ran';
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(lastRunAt),
  );
  return `Ran ${day} on ${plural(rowCount, 'rows')}`;
}
