// Cell helpers that every reader and writer of cells shares. They route to the
// field's module and handle the two states a module never receives: an empty cell
// (null, undefined, '' or []) and an InvalidValue kept from text that did not convert.

import { minorDigits, minorToAmount } from './currency';
import { quoteValue } from './messages';
import { getFieldType } from './typeModules';
import { textCollator } from './text';
import type { CellValue, FieldContext, FieldDef, InvalidValue, ParseResult } from './types';

export function isInvalid(value: unknown): value is InvalidValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as Partial<InvalidValue>).invalid === 'string'
  );
}

export function isEmptyCell(value: CellValue | undefined): value is null | undefined | '' | [] {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Formats a cell for display: '' when empty, the raw text of an InvalidValue, otherwise the module's format. */
export function formatCell(value: CellValue | undefined, field: FieldDef, ctx: FieldContext): string {
  if (isEmptyCell(value)) return '';
  if (isInvalid(value)) return value.invalid;

  const module = getFieldType(field.type);
  return module.validate(value, field) === null || isDeletedOption(value, field)
    ? module.format(value, field, ctx)
    : looseText(value);
}

/** Reads text typed into a cell. A failure has an error naming the text. */
export function parseCell(text: string, field: FieldDef, ctx: FieldContext): ParseResult<CellValue> {
  return getFieldType(field.type).parse(text, field, ctx);
}

/** Reads a CSV cell, accepting the plain forms that cellToCsv writes as well as the locale's. */
export function parseCsvCell(text: string, field: FieldDef, ctx: FieldContext): ParseResult<CellValue> {
  return getFieldType(field.type).fromCsv(text, field, ctx);
}

/**
 * Returns the parsed value, or an InvalidValue that keeps the text when parsing
 * failed, so an import or a retype never drops data.
 */
export function cellValueOrInvalid(result: ParseResult<CellValue>, text: string): CellValue {
  return result.ok ? result.value : { invalid: text };
}

/** Writes a cell's CSV text: '' when empty and the raw text of an InvalidValue. */
export function cellToCsv(value: CellValue | undefined, field: FieldDef, ctx: FieldContext): string {
  if (isEmptyCell(value)) return '';
  if (isInvalid(value)) return value.invalid;

  const module = getFieldType(field.type);
  return module.validate(value, field) === null || isDeletedOption(value, field)
    ? module.toCsv(value, field, ctx)
    : looseText(value);
}

/**
 * Returns why a stored value is wrong, or null when it is fine or empty. An
 * InvalidValue always has a message, because it is text that never converted.
 */
export function validateCell(value: CellValue | undefined, field: FieldDef): string | null {
  if (isEmptyCell(value)) return null;
  const module = getFieldType(field.type);
  if (isInvalid(value)) return `${quoteValue(value.invalid)} is not a valid ${module.label.toLowerCase()} value`;
  return module.validate(value, field);
}

/**
 * Compares two cells of a column for sorting: valid values in the module's
 * order, then values kept as text (InvalidValue or a wrong shape)
 * alphabetically, then empty cells. The order is for ascending sorts, so a
 * caller that sorts descending by negating the result must keep empty cells
 * last itself.
 */
export function compareCells(a: CellValue | undefined, b: CellValue | undefined, field: FieldDef): number {
  const rankA = sortRank(a, field);
  const rankB = sortRank(b, field);
  if (rankA !== rankB) return rankA - rankB;

  if (rankA === 0) return getFieldType(field.type).compare(a as CellValue, b as CellValue, field);
  if (rankA === 1) return textCollator.compare(looseText(a as CellValue), looseText(b as CellValue));
  return 0;
}

/**
 * Converts a value for a field whose type or choices changed. The value goes
 * through its CSV text, which is exact and locale-free, and text the new type
 * cannot read is kept as an InvalidValue.
 */
export function convertCell(value: CellValue | undefined, from: FieldDef, to: FieldDef, ctx: FieldContext): CellValue {
  if (isEmptyCell(value)) return null;
  const text = cellToCsv(value, from, ctx);
  return cellValueOrInvalid(parseCsvCell(text, to, ctx), text);
}

function sortRank(value: CellValue | undefined, field: FieldDef): number {
  if (isEmptyCell(value)) return 2;
  if (isInvalid(value)) return 1;
  return getFieldType(field.type).validate(value, field) === null || isDeletedOption(value, field) ? 0 : 1;
}

// A select cell whose option was deleted keeps its id, and the module formats it as that id.
function isDeletedOption(value: CellValue, field: FieldDef): boolean {
  if (field.type === 'select') return typeof value === 'string';
  if (field.type === 'multiSelect') return Array.isArray(value);
  return false;
}

/** Best-effort text of a value whose shape does not match its field, e.g. after a type change. */
function looseText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.join(', ');
  if ('invalid' in value) return value.invalid;
  if ('text' in value) return value.text;
  try {
    return `${minorToAmount(value.minor, minorDigits(value.currency))} ${value.currency}`;
  } catch {
    return JSON.stringify(value);
  }
}
