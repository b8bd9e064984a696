// Conditions in words ("Last contacted is more than 60 days ago") and the
// check that a condition is complete before it is saved.

import type { Condition, ConditionGroup, SheetRecord } from '../db/records';
import { optionLabel } from '../fields/options';
import { formatCell } from '../fields/registry';
import { defaultFieldContext } from '../fields/context';
import type { FieldContext, FieldDef } from '../fields/types';
import { conditionOptionIds, dayNumber } from './evaluate';
import { operatorLabel, operatorsFor, valueKindFor } from './operators';

/** Name shown for a condition whose column was deleted. */
export const DELETED_COLUMN = 'a deleted column';

function findField(sheet: SheetRecord, fieldId: string): FieldDef | undefined {
  return sheet.fields.find((field) => field.id === fieldId);
}

function describeValue(condition: Condition, field: FieldDef, ctx: FieldContext): string {
  const value = condition.value;
  switch (valueKindFor(field, condition.operator)) {
    case 'none':
      return '';
    case 'days':
      return `${String(value ?? '')} days`;
    case 'option':
      return conditionOptionIds(field, value)
        .map((id) => optionLabel(field, id))
        .join(' or ');
    case 'boolean':
      return value === true || value === 'true' ? 'ticked' : 'not ticked';
    case 'date':
      return typeof value === 'string' && dayNumber(value) !== null
        ? formatCell(value, { ...field, type: 'date' }, ctx)
        : String(value ?? '');
    default:
      return Array.isArray(value) ? value.join(', ') : `“${String(value ?? '')}”`;
  }
}

/** Describes one condition in words, e.g. 'Status is Customer' or 'Last contacted is more than 60 days ago'. */
export function describeCondition(
  condition: Condition,
  sheet: SheetRecord,
  ctx: FieldContext = defaultFieldContext,
): string {
  const field = findField(sheet, condition.fieldId);
  if (!field) return `${DELETED_COLUMN} (never matches)`;
  if (field.type === 'checkbox' && condition.operator === 'is') {
    return `${field.name} is ${describeValue(condition, field, ctx)}`;
  }

  const label = operatorLabel(condition.operator, field);
  const value = describeValue(condition, field, ctx);
  if (label.includes('…')) return `${field.name} ${label.replace('…', value.replace(/ days$/, ''))}`;
  return value ? `${field.name} ${label} ${value}` : `${field.name} ${label}`;
}

/** Describes a group in words, with nested groups in brackets. An empty group is described as such. */
export function describeConditions(
  group: ConditionGroup,
  sheet: SheetRecord,
  ctx: FieldContext = defaultFieldContext,
): string {
  if (group.items.length === 0) return group.match === 'all' ? 'every row' : 'no row';
  const joiner = group.match === 'all' ? ' and ' : ' or ';
  return group.items
    .map((item) =>
      item.kind === 'group' ? `(${describeConditions(item, sheet, ctx)})` : describeCondition(item, sheet, ctx),
    )
    .join(joiner);
}

/** Returns what is missing in a condition before it can be saved, or null when it is complete. */
export function conditionProblem(condition: Condition, sheet: SheetRecord): string | null {
  const field = findField(sheet, condition.fieldId);
  if (!field) return 'A condition uses a column that was deleted. Choose another column or remove it.';
  if (!operatorsFor(field).includes(condition.operator)) {
    return `“${field.name}” cannot be compared with “${operatorLabel(condition.operator, field)}”.`;
  }

  const value = condition.value;
  switch (valueKindFor(field, condition.operator)) {
    case 'none':
    case 'boolean':
      return null;
    case 'days':
      return Number.isInteger(Number(value)) && Number(value) >= 0 && value !== ''
        ? null
        : `Enter a whole number of days for “${field.name}”.`;
    case 'number':
      return value !== '' && value !== undefined && Number.isFinite(Number(String(value).replace(',', '.')))
        ? null
        : `Enter a number for “${field.name}”.`;
    case 'date':
      return typeof value === 'string' && dayNumber(value) !== null ? null : `Choose a date for “${field.name}”.`;
    case 'option':
      return conditionOptionIds(field, value).length > 0 ? null : `Choose a choice of “${field.name}”.`;
    default:
      return typeof value === 'string' && value.trim() !== ''
        ? null
        : `Enter the text to compare “${field.name}” with.`;
  }
}

/** Returns the first problem in a group and its nested groups, or null when every condition is complete. */
export function conditionsProblem(group: ConditionGroup, sheet: SheetRecord): string | null {
  for (const item of group.items) {
    const problem = item.kind === 'group' ? conditionsProblem(item, sheet) : conditionProblem(item, sheet);
    if (problem) return problem;
  }
  return null;
}
