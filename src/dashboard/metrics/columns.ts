// Lookups of the columns a metric needs. Columns are found by their CRM role.
// The few columns that have no role (a close date, a sale date) are found by
// type and header, as each function below describes.

import { isInvalid } from '../../fields/registry';
import type { CellValue, FieldDef, FieldRole, SelectOption } from '../../fields/types';
import type { RowRecord, SheetRecord } from '../../db';

/** Role names as a user reads them in messages. */
export const ROLE_LABELS: Partial<Record<FieldRole, string>> = {
  name: 'Name',
  stage: 'Stage',
  dealValue: 'Deal value',
  probability: 'Probability',
  followUpDate: 'Follow-up date',
  lastContacted: 'Last contacted',
  customerSince: 'Customer since',
  status: 'Status',
  churnReason: 'Churn reason',
  contact: 'Contact',
};

// Labels are matched as whole words, case-insensitive, so 'Closed Won' is won
// and 'Closed Lost' or 'Abandoned' is lost.
const WON_LABEL = /\bwon\b/i;
const LOST_LABEL = /\b(lost|abandoned)\b/i;
/** Status choices that mean a customer has left: 'Former customer', 'Churned', 'Cancelled', 'Lapsed'. */
const FORMER_LABEL = /\b(former|churned|cancell?ed|lapsed|left)\b|\bex-/i;
const LEAD_LABEL = /\bleads?\b/i;

const CLOSE_DATE_HEADER = /\b(close|closed|closing)\b/i;
const START_DATE_HEADER = /\b(created|opened|start|started|added)\b/i;
const CHURN_DATE_HEADER = /\b(churned|churn|left|cancell?ed|ended)\b|\bend date\b/i;

export function isWonLabel(label: string): boolean {
  return WON_LABEL.test(label);
}

export function isLostLabel(label: string): boolean {
  return LOST_LABEL.test(label) && !WON_LABEL.test(label);
}

export function isFormerLabel(label: string): boolean {
  return FORMER_LABEL.test(label);
}

export function isLeadLabel(label: string): boolean {
  return LEAD_LABEL.test(label);
}

/** Tells whether a sheet's name marks it as a list of leads, such as 'Leads' or 'New leads'. */
export function isLeadSheetName(name: string): boolean {
  return LEAD_LABEL.test(name);
}

/** Returns the first field with a role, or undefined when the sheet has none. */
export function fieldWithRole(sheet: SheetRecord, role: FieldRole): FieldDef | undefined {
  return sheet.fields.find((field) => field.role === role);
}

/** Returns the first date column without a role whose header matches, such as 'Close date'. */
function dateFieldNamed(sheet: SheetRecord, header: RegExp): FieldDef | undefined {
  return sheet.fields.find((field) => field.type === 'date' && !field.role && header.test(field.name));
}

/** Returns the close-date column of a deals sheet: a date column headed 'Close date', 'Expected close' or the like. */
export function findCloseDateField(sheet: SheetRecord): FieldDef | undefined {
  return dateFieldNamed(sheet, CLOSE_DATE_HEADER);
}

/** Returns a date column headed 'Created', 'Opened' or 'Start date', for when a deal began. */
export function findStartDateField(sheet: SheetRecord): FieldDef | undefined {
  return dateFieldNamed(sheet, START_DATE_HEADER);
}

/** Returns a date column headed 'Churned', 'Left' or 'End date', for when a customer left. */
export function findChurnDateField(sheet: SheetRecord): FieldDef | undefined {
  return dateFieldNamed(sheet, CHURN_DATE_HEADER);
}

/** Returns the first date column without a role: the date of a sale in a sales log. */
export function findPlainDateField(sheet: SheetRecord): FieldDef | undefined {
  return sheet.fields.find((field) => field.type === 'date' && !field.role);
}

/** Returns the options of a select field, or none for other types. */
export function selectOptions(field: FieldDef): SelectOption[] {
  return field.type === 'select' ? (field.settings.options ?? []) : [];
}

/**
 * Returns the label a select or text cell shows, trimmed, or null when the
 * cell is empty, flagged as invalid, or contains a choice that was deleted.
 */
export function cellLabel(value: CellValue | undefined, field: FieldDef): string | null {
  if (typeof value !== 'string' || isInvalid(value)) return null;
  if (field.type === 'select') {
    return field.settings.options?.find((option) => option.id === value)?.label ?? null;
  }
  const text = value.trim();
  return text === '' ? null : text;
}

/**
 * Returns every label a select or text column can hold: a select field's
 * choices in order, or the distinct texts of a text column in row order.
 */
export function columnLabels(field: FieldDef, rows: RowRecord[]): string[] {
  if (field.type === 'select') return selectOptions(field).map((option) => option.label);
  const labels = new Set<string>();
  for (const row of rows) {
    const label = cellLabel(row.values[field.id], field);
    if (label !== null) labels.add(label);
  }
  return [...labels];
}

/** Returns the text of a row's name column, or a placeholder when it is empty. */
export function rowName(sheet: SheetRecord, row: RowRecord): string {
  const field = fieldWithRole(sheet, 'name') ?? sheet.fields.find((each) => each.type === 'text');
  const value = field ? row.values[field.id] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : '(no name)';
}

/** Returns the row ids a link cell holds. */
export function linkedRowIds(value: CellValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}
