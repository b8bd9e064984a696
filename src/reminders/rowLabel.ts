// How a reminder names its customer: the row's name-role cell, and its phone
// for a calendar entry. The service worker uses this too, so it imports no
// field module that would pull the phone library into the worker.

import type { RowRecord, SheetRecord } from '../db/records';
import { guessRole } from '../fields/roles';
import type { CellValue, FieldDef, FieldRole } from '../fields/types';

export interface RowLabel {
  name: string;
  phone: string;
}

/** Name shown for a row whose name cell is empty or whose sheet has no name column. */
export const UNNAMED_ROW = 'Unnamed row';

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'invalid' in value) return value.invalid.trim();
  if (typeof value === 'object' && 'text' in value) return value.text.trim();
  return '';
}

function fieldWithRole(sheet: SheetRecord, role: FieldRole): FieldDef | undefined {
  return sheet.fields.find((field) => field.role === role);
}

/** Returns the row's name (its name-role cell, else its first text cell) and phone. */
export function describeRow(sheet: SheetRecord, row: RowRecord): RowLabel {
  const nameField = fieldWithRole(sheet, 'name') ?? sheet.fields.find((field) => field.type === 'text');
  const phoneField = fieldWithRole(sheet, 'phone');
  return {
    name: (nameField && cellText(row.values[nameField.id])) || UNNAMED_ROW,
    phone: phoneField ? cellText(row.values[phoneField.id]) : '',
  };
}

/**
 * Returns the label in a row's priority column, such as 'High', or '' when it
 * is empty. The column is the one with the priority role, or else one without
 * a role headed 'Priority'.
 */
export function rowPriority(sheet: SheetRecord, row: RowRecord): string {
  const field =
    fieldWithRole(sheet, 'priority') ??
    sheet.fields.find((each) => !each.role && guessRole(each.name, each.type) === 'priority');
  const value = field ? row.values[field.id] : undefined;
  if (field?.type === 'select' && typeof value === 'string') {
    return field.settings.options?.find((option) => option.id === value)?.label ?? '';
  }
  return cellText(value);
}
