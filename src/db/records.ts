// The shapes stored in IndexedDB. Every record has a string id made on the
// device (crypto.randomUUID), never an auto-increment number, so the same
// database can later sync between devices without rewriting its keys.

import type { CellValue, FieldDef } from '../fields/types';

/** ISO 8601 instant, e.g. '2026-12-04T21:05:58.000Z'. */
export type Timestamp = string;

/** IndexedDB cannot index booleans, so soft deletion is stored as 0 or 1. */
export type DeletedFlag = 0 | 1;

export interface SheetRecord {
  id: string;
  name: string;
  /** The sheet's columns, in their default order. */
  fields: FieldDef[];
  /** Columns in the trash; rows keep their values until the column is purged. */
  deletedFields?: FieldDef[];
  /** Position among the workbook's tabs, ascending. */
  position: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  deleted: DeletedFlag;
  deletedAt?: Timestamp;
}

export interface RowRecord {
  id: string;
  sheetId: string;
  /** Cell values keyed by field id; an absent key is an empty cell. */
  values: Record<string, CellValue>;
  /** Position in the sheet's natural order, ascending; gaps are allowed. */
  position: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  deleted: DeletedFlag;
  deletedAt?: Timestamp;
  /** The import that added this row, so a whole import can be undone. */
  importId?: string;
}

export interface ViewColumn {
  fieldId: string;
  /** Width in CSS pixels chosen by the user; absent means the default width. */
  width?: number;
  hidden?: boolean;
}

export interface ViewSort {
  fieldId: string;
  direction: 'asc' | 'desc';
}

export interface ViewRecord {
  id: string;
  sheetId: string;
  name: string;
  /** Column order of the view; fields missing here are shown at the end. */
  columns: ViewColumn[];
  sorts: ViewSort[];
  /** AG Grid filter model, keyed by field id. */
  filters: Record<string, unknown>;
  isDefault: boolean;
  /** Text in the search box when the view was last used. */
  search?: string;
  updatedAt: Timestamp;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export type HistoryKind =
  | 'createSheet'
  | 'editCells'
  | 'addRows'
  | 'deleteRows'
  | 'restoreRows'
  | 'import'
  | 'changeFields'
  | 'changeSheet'
  /** Effects of a time-based automation rule, which no user change started. */
  | 'rule';

/**
 * One change the user made, with what it replaced, for undo and audit.
 * `before` and `after` hold full row records, and column or sheet changes
 * also keep the sheet record, so undo can put back exactly what was there.
 */
export interface HistoryRecord {
  id: string;
  at: Timestamp;
  kind: HistoryKind;
  sheetId: string;
  rowIds: string[];
  before: unknown[];
  after: unknown[];
  /** Undone entries can be redone until a new change discards them. */
  state: 'applied' | 'undone' | 'discarded';
  /** For kind 'import': the import whose rows undo sends to the trash. */
  importId?: string;
  /** For column and sheet changes: the sheet record before and after. */
  sheetBefore?: SheetRecord | null;
  sheetAfter?: SheetRecord | null;
  /** Reminders that automation rules added, changed or deleted in the same change, so undo reverts them too. */
  reminderIds?: string[];
  remindersBefore?: (ReminderRecord | null)[];
  remindersAfter?: (ReminderRecord | null)[];
}

export interface ImportRecord {
  id: string;
  sheetId: string;
  fileName: string;
  at: Timestamp;
  added: number;
  updated: number;
  skipped: number;
  rejected: number;
  /** Set when the whole import has been undone. */
  undoneAt?: Timestamp;
}

/** Origin of a reminder: a follow-up date cell, a recurring check-in on a row, or the user's own reminder. */
export type ReminderKind = 'followUp' | 'checkIn' | 'standalone';

export type ReminderState = 'open' | 'snoozed' | 'done';

export type RecurrenceUnit = 'days' | 'weeks' | 'months';

/**
 * Local wall-clock time 'YYYY-MM-DDTHH:mm' with no time zone. A 09:00
 * reminder stays at 09:00 local across a daylight-saving change or a trip,
 * and these strings sort in time order, so the `due` index orders them.
 */
export type LocalDateTime = string;

export interface Recurrence {
  every: number;
  unit: RecurrenceUnit;
}

/**
 * One reminder. Follow-ups are derived from rows by reconciliation and have
 * the id 'followUp:<rowId>:<fieldId>', so every tab computes the same id.
 * Check-ins and standalone reminders get a random id.
 */
export interface ReminderRecord {
  id: string;
  kind: ReminderKind;
  /** The row the reminder is about; both absent for a reminder attached to nothing. */
  sheetId?: string;
  rowId?: string;
  /** For a follow-up: the date column it comes from. */
  fieldId?: string;
  /** What to do, as the user wrote it; empty for follow-ups, which show their column's name. */
  title: string;
  /** The calendar day 'YYYY-MM-DD' the reminder is for, before any snooze. */
  date: string;
  /** Time of day 'HH:mm' chosen for this reminder; absent means the reminder time setting. */
  time?: string;
  /** When it comes due: `date` at its time, or the end of a snooze. */
  due: LocalDateTime;
  state: ReminderState;
  /** The `due` value a notification was shown for, so each due time notifies once. */
  notifiedDue?: LocalDateTime;
  /** For a check-in: how often it repeats after `anchorDate`. */
  recurrence?: Recurrence;
  /** For a check-in: the day it counts from, the row's last contact or the day it was last marked done. */
  anchorDate?: string;
  /** For a check-in: the row's last-contacted date when it was last armed; a new value re-arms it. */
  lastContacted?: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  doneAt?: Timestamp;
}

/**
 * Comparison a condition makes with a row's cell. Relative-date operators take
 * a number of days and count from today in the user's time zone.
 */
export type ConditionOperator =
  | 'is'
  | 'isNot'
  | 'contains'
  | 'notContains'
  | 'isEmpty'
  | 'isNotEmpty'
  | 'greaterThan'
  | 'lessThan'
  | 'before'
  | 'after'
  | 'inLastDays'
  | 'moreThanDaysAgo'
  | 'inNextDays';

/** One test on one column. `value` is what the user typed or picked, as text, a number or a list of choices. */
export interface Condition {
  kind: 'condition';
  fieldId: string;
  operator: ConditionOperator;
  value?: string | number | boolean | string[];
}

/** Conditions joined by AND ('all') or OR ('any'); groups nest. */
export interface ConditionGroup {
  kind: 'group';
  match: 'all' | 'any';
  items: (Condition | ConditionGroup)[];
}

/** A saved filter over one sheet, shown in the navigation with its count. */
export interface SegmentRecord {
  id: string;
  sheetId: string;
  name: string;
  conditions: ConditionGroup;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** Event that starts a rule. */
export type RuleTrigger =
  | { kind: 'rowAdded' }
  /** `to` absent means a change to any value. */
  | { kind: 'fieldChanged'; fieldId: string; to?: string }
  /** The date in `fieldId` is `offsetDays` days in the past (0 = the day itself). */
  | { kind: 'dateReached'; fieldId: string; offsetDays: number };

/** Step a rule takes on the row that triggered it. */
export type RuleAction =
  /** `value` is cell text parsed by the column's type; `today` sets a date column to today. */
  | { kind: 'setValue'; fieldId: string; value?: string; today?: boolean }
  | { kind: 'addTag'; fieldId: string; tag: string }
  | { kind: 'removeTag'; fieldId: string; tag: string }
  /** Due `inDays` days from today, or on the date in `dateFieldId`. */
  | { kind: 'createReminder'; title: string; inDays?: number; dateFieldId?: string }
  | { kind: 'startCheckIn'; every: number; unit: RecurrenceUnit }
  | { kind: 'stopCheckIn' }
  | { kind: 'logConversation'; activityType: string; text: string }
  | { kind: 'moveToSheet'; sheetId: string }
  /** Asks the user for a value of `fieldId` (a churn or loss reason) after the change. */
  | { kind: 'askForValue'; fieldId: string };

/** A when/if/then automation on one sheet. */
export interface RuleRecord {
  id: string;
  sheetId: string;
  name: string;
  enabled: boolean;
  trigger: RuleTrigger;
  conditions?: ConditionGroup;
  actions: RuleAction[];
  /** Set when the rule came with a template, so it can be offered again. */
  templateRuleId?: string;
  lastRunAt?: Timestamp;
  lastRunRowIds?: string[];
  /** For a 'dateReached' trigger: the date value each row last fired for, by row id, so a date fires once. */
  firedFor?: Record<string, string>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** One run of a rule, kept for the run log (the newest 500). */
export interface RuleRunRecord {
  id: string;
  ruleId: string;
  at: Timestamp;
  rowIds: string[];
  outcome: 'applied' | 'failed' | 'stopped' | 'tried';
  /** The rule's name at the time of the run, shown after the rule is deleted. */
  ruleName?: string;
  /** Account of the run in words, without customer data. */
  message: string;
}
