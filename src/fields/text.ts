import type { FieldTypeModule, ParseResult } from './types';

/** Sorts text the way people expect: case-insensitive, with '2' before '10'. */
export const textCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Returns text exactly as given, or null when it contains only whitespace. */
export function readVerbatim(text: string): ParseResult<string> {
  return { ok: true, value: text.trim() === '' ? null : text };
}

/** Orders strings by UTF-16 code units, which for ISO dates and E.164 numbers is their natural order. */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

export function validateString(value: unknown, label: string): string | null {
  return typeof value === 'string' ? null : `A ${label} value must be a string`;
}

export const textField: FieldTypeModule<string> = {
  type: 'text',
  label: 'Text',
  parse: readVerbatim,
  format: (value) => value,
  validate: (value) => validateString(value, 'text'),
  compare: (a, b) => textCollator.compare(a, b),
  toCsv: (value) => value,
  fromCsv: readVerbatim,
};
