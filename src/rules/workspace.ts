// The database access of the rule engine while it runs. src/db/rules.ts
// implements it on the open Dexie transaction, so the engine and its actions
// stay free of Dexie, and every write lands in the triggering transaction.

import type { ReminderRecord, RowRecord, RuleRecord, SheetRecord } from '../db/records';
import type { FieldContext, FieldDef } from '../fields/types';

/** Request of a rule for a value from the user once the change is saved, such as a churn reason. */
export interface RulePrompt {
  id: string;
  ruleId: string;
  ruleName: string;
  sheetId: string;
  rowId: string;
  fieldId: string;
  createdAt: string;
}

export interface RuleWorkspace {
  readonly now: Date;
  /** The local calendar day of `now`, 'YYYY-MM-DD'. */
  readonly today: string;
  /** Workbook settings that rule values are read with. */
  readonly context: FieldContext;
  /** Time of day 'HH:mm' at which new reminders come due. */
  readonly reminderTime: string;

  /** Returns the switched-on rules of a sheet, oldest first. */
  enabledRules(sheetId: string): Promise<RuleRecord[]>;
  /** Returns a sheet outside the trash, or undefined. */
  sheet(sheetId: string): Promise<SheetRecord | undefined>;
  /** Returns every sheet outside the trash, in tab order. */
  sheets(): Promise<SheetRecord[]>;
  row(rowId: string): Promise<RowRecord | undefined>;
  /** Stores a changed row, or a row moved to the trash. */
  putRow(row: RowRecord): Promise<void>;
  /** Appends a row to a sheet and returns it. */
  addRow(sheetId: string, values: RowRecord['values']): Promise<RowRecord>;
  /** Adds a sheet with a default view, without making it the open tab. */
  addSheet(name: string, fields: FieldDef[]): Promise<SheetRecord>;
  /** Returns the workbook's conversation types, the choices of a new Activities sheet. */
  conversationTypes(): Promise<string[]>;
  /** Returns the reminders attached to a row. */
  remindersOfRow(rowId: string): Promise<ReminderRecord[]>;
  putReminder(reminder: ReminderRecord): Promise<void>;
  deleteReminder(id: string): Promise<void>;
  addPrompt(prompt: RulePrompt): Promise<void>;
}
