// The condition engine: whether a row matches a group of conditions. Segments
// filter rows with it and automation rules test their "if" part with it, so
// both read a condition the same way.
//
// Semantics, by column type:
// - Text, email, URL, long text and phone: 'contains' and 'is' ignore case and
//   accents and compare the text the cell shows. A phone also matches by its
//   digits, so '7700 900' finds '+44 7700 900123'.
// - Select: 'is' and 'isNot' compare option ids. Multi-select: 'contains'
//   means the cell has the tag. A value that is not an option id is read as
//   an option label, and a list of values means "any of them".
// - Number, currency, percent: compared in the units shown in the cell, so a
//   currency cell of 1250 minor units is 12.5 and a percent cell of 0.25 is 25.
// - Date and date-time: compared by calendar day (a date-time by its local
//   day). Relative operators count whole days from `today`:
//   inLastDays N is today-N..today, inNextDays N is today..today+N, and
//   moreThanDaysAgo N is strictly before today-N.
// - Empty cells (absent, null, '', []) match 'isEmpty' and nothing else that
//   compares: an empty "Last contacted" is NOT "more than 60 days ago",
//   because the row has no date to count from. Add "is empty" with "Match any"
//   to include rows never contacted.
// - A value kept as text after a failed conversion (an invalid value) is not
//   empty, and it never matches a number or date comparison. Text operators
//   still see its text.
// - 'isNot' and 'notContains' are the exact negations of 'is' and 'contains',
//   so an empty cell "is not Customer".
// - A condition on a column that is not in the sheet (deleted) matches nothing.
// - A group with match 'all' and no items matches every row; 'any' with no
//   items matches none, as AND and OR of nothing do.

import type { Condition, ConditionGroup, RowRecord, SheetRecord } from '../db/records';
import { minorDigits } from '../fields/currency';
import { formatCell, isEmptyCell, isInvalid } from '../fields/registry';
import { findOptionByLabel } from '../fields/options';
import { defaultFieldContext } from '../fields/context';
import type { CellValue, FieldContext, FieldDef, MoneyValue, PhoneValue } from '../fields/types';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Relative tolerance of number equality, so 0.1 + 0.2 'is' 0.3 and a percent of 0.07 'is' 7. */
const NUMBER_EQUALITY_TOLERANCE = 1e-9;

/** Returns whether a row matches a group of conditions; see the file header for the rules per type. */
export function matchesConditions(
  group: ConditionGroup,
  row: RowRecord,
  sheet: SheetRecord,
  today: string,
  ctx: FieldContext = defaultFieldContext,
): boolean {
  const fields = new Map(sheet.fields.map((field) => [field.id, field]));
  return matchesGroup(group, row, fields, dayNumber(today), ctx);
}

/**
 * Returns a predicate for many rows of one sheet, with the column lookup and
 * today's date read once. Use it to filter a whole sheet.
 */
export function compileConditions(
  group: ConditionGroup,
  sheet: SheetRecord,
  today: string,
  ctx: FieldContext = defaultFieldContext,
): (row: RowRecord) => boolean {
  const fields = new Map(sheet.fields.map((field) => [field.id, field]));
  const todayNumber = dayNumber(today);
  return (row) => matchesGroup(group, row, fields, todayNumber, ctx);
}

function matchesGroup(
  group: ConditionGroup,
  row: RowRecord,
  fields: Map<string, FieldDef>,
  today: number | null,
  ctx: FieldContext,
): boolean {
  const test = (item: Condition | ConditionGroup) =>
    item.kind === 'group'
      ? matchesGroup(item, row, fields, today, ctx)
      : matchesCondition(item, row, fields, today, ctx);
  return group.match === 'any' ? group.items.some(test) : group.items.every(test);
}

function matchesCondition(
  condition: Condition,
  row: RowRecord,
  fields: Map<string, FieldDef>,
  today: number | null,
  ctx: FieldContext,
): boolean {
  const field = fields.get(condition.fieldId);
  if (!field) return false;
  const cell = row.values[field.id];

  switch (condition.operator) {
    case 'isEmpty':
      return isEmptyCell(cell);
    case 'isNotEmpty':
      return !isEmptyCell(cell);
    case 'is':
      return cellIs(cell, field, condition.value, ctx);
    case 'isNot':
      return !cellIs(cell, field, condition.value, ctx);
    case 'contains':
      return cellContains(cell, field, condition.value, ctx);
    case 'notContains':
      return !cellContains(cell, field, condition.value, ctx);
    case 'greaterThan':
    case 'lessThan':
      return compareNumber(cell, field, condition.value, condition.operator);
    case 'before':
    case 'after':
      return compareDate(cell, field, condition.value, condition.operator);
    case 'inLastDays':
    case 'moreThanDaysAgo':
    case 'inNextDays':
      return compareRelativeDate(cell, field, condition.value, condition.operator, today);
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

/** Lower-cases text and strips accents, so 'Zoë' and 'ZOE' compare equal. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function conditionText(value: Condition['value']): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(' ');
  return String(value);
}

function cellText(cell: CellValue | undefined, field: FieldDef, ctx: FieldContext): string {
  return formatCell(cell, field, ctx);
}

function phoneDigitsMatch(cell: CellValue | undefined, expected: string, exact: boolean): boolean {
  const expectedDigits = digitsOf(expected);
  // Only a query made of phone characters is compared by digits, so 'ext' never matches every number.
  if (expectedDigits.length === 0 || !/^[\d\s()+.\-/]+$/.test(expected)) return false;
  const phone = cell as PhoneValue | null | undefined;
  const candidates = [digitsOf(phone?.text ?? ''), digitsOf(phone?.e164 ?? '')].filter(Boolean);
  return candidates.some((digits) => (exact ? digits === expectedDigits : digits.includes(expectedDigits)));
}

// ---------------------------------------------------------------------------
// Choices
// ---------------------------------------------------------------------------

/** Returns the option ids a condition value names: ids as they are, other text read as a label. */
export function conditionOptionIds(field: FieldDef, value: Condition['value']): string[] {
  let values: string[] = [];
  if (Array.isArray(value)) values = value;
  else if (value !== undefined && value !== '') values = [String(value)];
  return values.map((each) => {
    if (field.settings.options?.some((option) => option.id === each)) return each;
    return findOptionByLabel(field, each)?.id ?? each;
  });
}

// ---------------------------------------------------------------------------
// Operators
// ---------------------------------------------------------------------------

function cellIs(cell: CellValue | undefined, field: FieldDef, value: Condition['value'], ctx: FieldContext): boolean {
  switch (field.type) {
    case 'select': {
      const ids = conditionOptionIds(field, value);
      return typeof cell === 'string' && ids.includes(cell);
    }
    case 'multiSelect': {
      const ids = conditionOptionIds(field, value);
      return Array.isArray(cell) && cell.length === ids.length && ids.every((id) => cell.includes(id));
    }
    case 'checkbox':
      return (cell === true) === readBoolean(value);
    case 'number':
    case 'currency':
    case 'percent': {
      const actual = displayNumber(cell, field);
      const expected = readNumber(value);
      if (actual === null || expected === null) return false;
      return (
        Math.abs(actual - expected) <= NUMBER_EQUALITY_TOLERANCE * Math.max(1, Math.abs(actual), Math.abs(expected))
      );
    }
    case 'date':
    case 'dateTime': {
      const actual = cellDay(cell, field);
      const expected = dayNumber(conditionText(value));
      return actual !== null && expected !== null && actual === expected;
    }
    default: {
      if (isEmptyCell(cell)) return false;
      const expected = conditionText(value);
      if (field.type === 'phone' && !isInvalid(cell) && phoneDigitsMatch(cell, expected, true)) return true;
      return foldText(cellText(cell, field, ctx)) === foldText(expected);
    }
  }
}

function cellContains(
  cell: CellValue | undefined,
  field: FieldDef,
  value: Condition['value'],
  ctx: FieldContext,
): boolean {
  if (isEmptyCell(cell)) return false;

  if (field.type === 'multiSelect' || field.type === 'select') {
    const ids = conditionOptionIds(field, value);
    let cellIds: string[] = [];
    if (Array.isArray(cell)) cellIds = cell;
    else if (typeof cell === 'string') cellIds = [cell];
    return ids.some((id) => cellIds.includes(id));
  }

  const expected = foldText(conditionText(value));
  if (field.type === 'phone' && !isInvalid(cell) && phoneDigitsMatch(cell, conditionText(value), false)) return true;
  return foldText(cellText(cell, field, ctx)).includes(expected);
}

function readBoolean(value: Condition['value']): boolean {
  if (typeof value === 'boolean') return value;
  return value === 'true' || value === 1;
}

/** Reads a condition's number; text may use a comma or a dot as the decimal separator. */
function readNumber(value: Condition['value']): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const number = Number(value.trim().replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(number) ? number : null;
}

/** Returns a numeric cell in the units it is shown in: major currency units, percent points. */
export function displayNumber(cell: CellValue | undefined, field: FieldDef): number | null {
  if (field.type === 'currency') {
    const money = cell as MoneyValue | null | undefined;
    if (
      !money ||
      typeof money !== 'object' ||
      !Number.isSafeInteger(money.minor) ||
      typeof money.currency !== 'string'
    ) {
      return null;
    }
    try {
      return money.minor / 10 ** minorDigits(money.currency);
    } catch {
      return null;
    }
  }
  if (typeof cell !== 'number' || !Number.isFinite(cell)) return null;
  return field.type === 'percent' ? cell * 100 : cell;
}

function compareNumber(
  cell: CellValue | undefined,
  field: FieldDef,
  value: Condition['value'],
  operator: 'greaterThan' | 'lessThan',
): boolean {
  const actual = displayNumber(cell, field);
  const expected = readNumber(value);
  if (actual === null || expected === null) return false;
  return operator === 'greaterThan' ? actual > expected : actual < expected;
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/** Returns a 'YYYY-MM-DD' day as a count of days since 1970-01-01, or null when it is not a real date. */
export function dayNumber(text: string): number | null {
  const match = LOCAL_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(time / 86_400_000);
}

/** Returns the calendar day of a date or date-time cell as a day number; a date-time counts by its local day. */
function cellDay(cell: CellValue | undefined, field: FieldDef): number | null {
  if (typeof cell !== 'string') return null;
  if (field.type === 'date') return dayNumber(cell);
  if (field.type !== 'dateTime') return null;
  const instant = new Date(cell);
  if (Number.isNaN(instant.getTime())) return null;
  return Math.round(Date.UTC(instant.getFullYear(), instant.getMonth(), instant.getDate()) / 86_400_000);
}

function compareDate(
  cell: CellValue | undefined,
  field: FieldDef,
  value: Condition['value'],
  operator: 'before' | 'after',
): boolean {
  const actual = cellDay(cell, field);
  const expected = dayNumber(conditionText(value));
  if (actual === null || expected === null) return false;
  return operator === 'before' ? actual < expected : actual > expected;
}

function readDays(value: Condition['value']): number | null {
  const days = readNumber(value);
  return days !== null && Number.isInteger(days) && days >= 0 ? days : null;
}

function compareRelativeDate(
  cell: CellValue | undefined,
  field: FieldDef,
  value: Condition['value'],
  operator: 'inLastDays' | 'moreThanDaysAgo' | 'inNextDays',
  today: number | null,
): boolean {
  const actual = cellDay(cell, field);
  const days = readDays(value);
  if (actual === null || days === null || today === null) return false;
  switch (operator) {
    case 'inLastDays':
      return actual >= today - days && actual <= today;
    case 'moreThanDaysAgo':
      return actual < today - days;
    case 'inNextDays':
      return actual >= today && actual <= today + days;
  }
}
