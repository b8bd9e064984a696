// Reads one imported cell with the choices made for its column in the import
// dialog: a date format and the file's decimal mark. The import and its
// preview both read cells here, so the preview shows what will be stored.

import { parseCell, parseCsvCell } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef, ParseResult } from '../fields/types';
import { dateOrderOf, dateTextAs, type DateFormat } from './dateFormats';
import { toPlainNumberText, type DecimalMark } from './decimalMark';

export interface ColumnReading {
  dateFormat?: DateFormat;
  decimalMark?: DecimalMark;
}

const NUMERIC_TYPES = new Set(['number', 'currency', 'percent']);

/**
 * Parses a cell's text for a field. A date in the column's format is converted
 * to ISO first. Other date text is read by the date module with the format's
 * order, so ISO dates and month names in the same column still read. Numbers
 * are rewritten in plain form for the file's decimal mark and then read as the
 * plain CSV form, which does not depend on the workbook locale.
 */
export function readImportCell(
  text: string,
  field: FieldDef,
  ctx: FieldContext,
  reading: ColumnReading = {},
): ParseResult<CellValue> {
  if (text.trim() === '') return { ok: true, value: null };

  if (field.type === 'date' && reading.dateFormat) {
    const iso = dateTextAs(text, reading.dateFormat);
    if (iso !== undefined) return parseCell(iso, field, ctx);
    return parseCell(text, field, { ...ctx, dateOrder: dateOrderOf(reading.dateFormat, ctx.dateOrder) });
  }

  if (NUMERIC_TYPES.has(field.type) && reading.decimalMark) {
    const plain = toPlainNumberText(text, reading.decimalMark);
    if (!plain.ok) return plain;
    return parseCsvCell(plain.text, field, ctx);
  }

  return parseCell(text, field, ctx);
}
