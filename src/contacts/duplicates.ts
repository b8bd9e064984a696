// Duplicate check for quick add: a new customer whose email or phone matches
// an existing row of the sheet is probably that row again. Emails compare
// trimmed and lower-cased; phones by their E.164 form, or by their digits
// when a number has no E.164 form.

import type { RowRecord, SheetRecord } from '../db';
import type { CellValue, FieldDef, PhoneValue } from '../fields/types';

/** Minimum digits a phone needs before its digits alone count as a match, so '123' matches nothing. */
const MIN_PHONE_DIGITS = 6;

export interface DuplicateMatch {
  row: RowRecord;
  /** The column of the existing row that matched. */
  field: FieldDef;
  kind: 'email' | 'phone';
}

function isEmailField(field: FieldDef): boolean {
  return field.type === 'email' || (field.role === 'email' && field.type === 'text');
}

function isPhoneField(field: FieldDef): boolean {
  return field.type === 'phone' || (field.role === 'phone' && field.type === 'text');
}

/** Returns the comparable form of an email cell, or '' when it contains none. */
export function emailKey(value: CellValue | undefined): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

/** Returns the comparable forms of a phone cell: its E.164 number and its digits, when long enough. */
export function phoneKeys(value: CellValue | undefined): string[] {
  let text = '';
  let e164: string | undefined;
  if (typeof value === 'string') text = value;
  else if (value && typeof value === 'object' && 'text' in value) ({ text, e164 } = value as PhoneValue);

  const keys: string[] = [];
  if (e164) keys.push(e164);
  const digits = text.replace(/\D/g, '');
  if (digits.length >= MIN_PHONE_DIGITS) keys.push(`digits:${digits}`);
  return keys;
}

/** Returns the rows whose email or phone matches one of the new values, each row once, email matches first. */
export function findDuplicates(
  sheet: SheetRecord,
  rows: RowRecord[],
  values: Record<string, CellValue>,
): DuplicateMatch[] {
  const emails = new Set(
    sheet.fields
      .filter(isEmailField)
      .map((field) => emailKey(values[field.id]))
      .filter(Boolean),
  );
  const phones = new Set(sheet.fields.filter(isPhoneField).flatMap((field) => phoneKeys(values[field.id])));

  const matches: DuplicateMatch[] = [];
  const matched = new Set<string>();
  for (const kind of ['email', 'phone'] as const) {
    for (const field of sheet.fields.filter(kind === 'email' ? isEmailField : isPhoneField)) {
      for (const row of rows) {
        if (matched.has(row.id) || row.deleted === 1) continue;
        const hit =
          kind === 'email'
            ? emails.has(emailKey(row.values[field.id]))
            : phoneKeys(row.values[field.id]).some((key) => phones.has(key));
        if (!hit) continue;
        matched.add(row.id);
        matches.push({ row, field, kind });
      }
    }
  }
  return matches;
}
