// Check-in rules: "check in every N days, weeks or months since the last
// contact" for every row of a sheet that carries a tag. A rule is stored once,
// in the settings table, and reconciliation keeps one check-in per matching
// row. Those check-ins have derived ids, like follow-ups, so every tab
// computes the same ones and no schema change is needed.

import type { Recurrence, ReminderRecord, RowRecord, SheetRecord } from '../db/records';
import type { FieldDef } from '../fields/types';

/** Key of the settings record that stores every check-in rule. */
export const CHECK_IN_RULES_KEY = 'reminderCheckInRules';

/** Largest interval a check-in accepts, in its unit. */
export const MAX_CHECK_IN_INTERVAL = 999;

export interface CheckInRule {
  id: string;
  /** The sheet whose rows the rule covers. */
  sheetId: string;
  /** The sheet's multi-select column with the tags role. */
  fieldId: string;
  /** The option id a row's tags cell must contain. */
  optionId: string;
  recurrence: Recurrence;
  /** Text shown on each check-in; empty shows the interval. */
  title: string;
  createdAt: string;
}

const RULE_PREFIX = 'checkInRule:';

/** Returns the id of the check-in a rule keeps for one row. */
export function ruleCheckInId(ruleId: string, rowId: string): string {
  return `${RULE_PREFIX}${ruleId}:${rowId}`;
}

/** Returns whether a reminder was made by a check-in rule, so only reconciliation adds or removes it. */
export function isRuleCheckIn(reminder: Pick<ReminderRecord, 'id' | 'kind'>): boolean {
  return reminder.kind === 'checkIn' && reminder.id.startsWith(RULE_PREFIX);
}

/** Returns the sheet's tags column: the first multi-select column with the tags role. */
export function tagsField(sheet: SheetRecord): FieldDef | undefined {
  return sheet.fields.find((field) => field.role === 'tags' && field.type === 'multiSelect');
}

/**
 * Returns whether a rule applies to a row: the rule's column is still the
 * sheet's tags column, and the row's cell contains the rule's option.
 */
export function ruleMatches(rule: CheckInRule, sheet: SheetRecord, row: RowRecord): boolean {
  if (rule.sheetId !== sheet.id || row.sheetId !== sheet.id) return false;
  if (tagsField(sheet)?.id !== rule.fieldId) return false;
  const value = row.values[rule.fieldId];
  return Array.isArray(value) && value.includes(rule.optionId);
}

function isRecurrence(value: unknown): value is Recurrence {
  if (typeof value !== 'object' || value === null) return false;
  const { every, unit } = value as Partial<Recurrence>;
  return (
    Number.isInteger(every) &&
    every! >= 1 &&
    every! <= MAX_CHECK_IN_INTERVAL &&
    (unit === 'days' || unit === 'weeks' || unit === 'months')
  );
}

function isCheckInRule(value: unknown): value is CheckInRule {
  if (typeof value !== 'object' || value === null) return false;
  const rule = value as Partial<CheckInRule>;
  return (
    typeof rule.id === 'string' &&
    typeof rule.sheetId === 'string' &&
    typeof rule.fieldId === 'string' &&
    typeof rule.optionId === 'string' &&
    typeof rule.title === 'string' &&
    typeof rule.createdAt === 'string' &&
    isRecurrence(rule.recurrence)
  );
}

/** Reads the rules from the settings record's value, dropping entries of any other shape. */
export function parseCheckInRules(value: unknown): CheckInRule[] {
  const rules = (value as { rules?: unknown } | undefined)?.rules;
  return Array.isArray(rules) ? rules.filter(isCheckInRule) : [];
}
