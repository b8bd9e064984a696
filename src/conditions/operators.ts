// The condition operators of each column type, their wording, and the kind
// of value each one takes. The builder, the segment list and automation
// rules all describe conditions through this module.

import type { Condition, ConditionOperator } from '../db/records';
import type { FieldDef, FieldType } from '../fields/types';

const TEXT_OPERATORS: ConditionOperator[] = ['contains', 'notContains', 'is', 'isNot', 'isEmpty', 'isNotEmpty'];
const NUMBER_OPERATORS: ConditionOperator[] = ['is', 'isNot', 'greaterThan', 'lessThan', 'isEmpty', 'isNotEmpty'];
const DATE_OPERATORS: ConditionOperator[] = [
  'is',
  'before',
  'after',
  'inLastDays',
  'moreThanDaysAgo',
  'inNextDays',
  'isEmpty',
  'isNotEmpty',
];

const OPERATORS_BY_TYPE: Record<FieldType, ConditionOperator[]> = {
  text: TEXT_OPERATORS,
  longText: TEXT_OPERATORS,
  email: TEXT_OPERATORS,
  phone: TEXT_OPERATORS,
  url: TEXT_OPERATORS,
  number: NUMBER_OPERATORS,
  currency: NUMBER_OPERATORS,
  percent: NUMBER_OPERATORS,
  date: DATE_OPERATORS,
  dateTime: DATE_OPERATORS,
  select: ['is', 'isNot', 'isEmpty', 'isNotEmpty'],
  multiSelect: ['contains', 'notContains', 'isEmpty', 'isNotEmpty'],
  checkbox: ['is'],
  link: ['contains', 'notContains', 'isEmpty', 'isNotEmpty'],
};

/** Returns the operators that make sense for a column, in the order a menu lists them. */
export function operatorsFor(field: FieldDef): ConditionOperator[] {
  return OPERATORS_BY_TYPE[field.type] ?? TEXT_OPERATORS;
}

/** Kind of value a condition takes, so the builder shows the right input. */
export type ValueKind = 'none' | 'text' | 'number' | 'days' | 'date' | 'option' | 'boolean';

/** Returns the kind of value an operator takes on a column. */
export function valueKindFor(field: FieldDef, operator: ConditionOperator): ValueKind {
  if (operator === 'isEmpty' || operator === 'isNotEmpty') return 'none';
  if (operator === 'inLastDays' || operator === 'moreThanDaysAgo' || operator === 'inNextDays') return 'days';
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent':
      return 'number';
    case 'date':
    case 'dateTime':
      return 'date';
    case 'select':
    case 'multiSelect':
      return 'option';
    case 'checkbox':
      return 'boolean';
    default:
      return 'text';
  }
}

/** Returns the words for an operator on a column, e.g. 'has tag' for a multi-select 'contains'. */
export function operatorLabel(operator: ConditionOperator, field: FieldDef): string {
  const tags = field.type === 'multiSelect';
  switch (operator) {
    case 'is':
      return 'is';
    case 'isNot':
      return 'is not';
    case 'contains':
      return tags ? 'has' : 'contains';
    case 'notContains':
      return tags ? 'does not have' : 'does not contain';
    case 'isEmpty':
      return 'is empty';
    case 'isNotEmpty':
      return 'is not empty';
    case 'greaterThan':
      return 'is greater than';
    case 'lessThan':
      return 'is less than';
    case 'before':
      return 'is before';
    case 'after':
      return 'is after';
    case 'inLastDays':
      return 'is in the last … days';
    case 'moreThanDaysAgo':
      return 'is more than … days ago';
    case 'inNextDays':
      return 'is in the next … days';
  }
}

/** Returns a new condition on a column with its first operator and an empty value. */
export function newConditionFor(field: FieldDef): Condition {
  const operator = operatorsFor(field)[0]!;
  const kind = valueKindFor(field, operator);
  const condition: Condition = { kind: 'condition', fieldId: field.id, operator };
  if (kind === 'boolean') condition.value = true;
  if (kind === 'option') condition.value = field.settings.options?.[0]?.id ?? '';
  return condition;
}

/**
 * Returns the condition with a new operator, keeping the value only when the
 * old and new operators take the same kind of value.
 */
export function withOperator(condition: Condition, field: FieldDef, operator: ConditionOperator): Condition {
  const before = valueKindFor(field, condition.operator);
  const after = valueKindFor(field, operator);
  const next: Condition = { kind: 'condition', fieldId: condition.fieldId, operator };
  if (before === after && condition.value !== undefined) next.value = condition.value;
  else if (after === 'boolean') next.value = true;
  else if (after === 'option') next.value = field.settings.options?.[0]?.id ?? '';
  return next;
}
