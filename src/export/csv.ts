// Writes a sheet as CSV that Excel, Numbers, LibreOffice and Google Sheets
// open without an import dialog. The text is UTF-8 with a BOM, because Excel
// on Windows otherwise reads the bytes in the local code page. Lines end in
// CRLF as RFC 4180 specifies, and no cell can run as a formula.

import { format } from 'date-fns';
import { cellToCsv } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef, FieldType } from '../fields/types';

export interface ExportCsvOptions {
  /** Delimiter between values, ',' by default. European Excel expects ';'. */
  delimiter?: string;
}

export interface ExportRow {
  values: Record<string, CellValue | undefined>;
}

const UTF8_BOM = '\uFEFF';
const LINE_END = '\r\n';

/** Field types whose toCsv output is a plain number. */
const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set(['number', 'currency', 'percent']);

/** First characters that make Excel, LibreOffice or Sheets read a cell as a formula. */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** A plain decimal number, optionally negative, optionally with an exponent. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * Prefixes an apostrophe to a cell that starts with =, +, -, @, tab or CR, so
 * a spreadsheet shows it as text instead of running it as a formula (the
 * OWASP advice on CSV injection). The one exception is a plain number such as
 * -12.50 in a number, currency or percent column: that is data an accountant
 * needs as a number, and no spreadsheet runs it as a formula. Phone numbers
 * such as "+44 20 7946 0958" are prefixed, because Excel reads a leading + as
 * the start of a formula and would otherwise turn the number into a sum.
 */
export function neutraliseFormula(cell: string, isNumericColumn: boolean): string {
  if (cell === '' || !FORMULA_TRIGGERS.has(cell.charAt(0))) return cell;
  if (isNumericColumn && PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/** Quotes a cell when it contains the delimiter, a double quote, CR or LF. */
export function quoteCsvCell(cell: string, delimiter: string): string {
  const needsQuotes = cell.includes(delimiter) || cell.includes('"') || cell.includes('\r') || cell.includes('\n');
  return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Writes the rows as CSV text: a header of field names, then one line per row.
 * cellToCsv writes each cell with the field type's toCsv (ISO dates, plain
 * amounts), as '' when empty, and as the raw text of an InvalidValue. The text
 * starts with a UTF-8 BOM and lines end in CRLF. Every cell, the header
 * included, goes through neutraliseFormula and quoteCsvCell.
 */
export function exportSheetCsv(
  fields: readonly FieldDef[],
  rows: readonly ExportRow[],
  ctx: FieldContext,
  options: ExportCsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const writeCell = (text: string, isNumericColumn: boolean): string =>
    quoteCsvCell(neutraliseFormula(text, isNumericColumn), delimiter);

  const lines = [fields.map((field) => writeCell(field.name, false)).join(delimiter)];
  for (const row of rows) {
    const cells = fields.map((field) =>
      writeCell(cellToCsv(row.values[field.id], field, ctx), NUMERIC_TYPES.has(field.type)),
    );
    lines.push(cells.join(delimiter));
  }

  return UTF8_BOM + lines.join(LINE_END) + LINE_END;
}

/** Characters Windows, macOS or Linux reject in file names, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_NAME_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * Builds a download name such as "Clients 2026-12-04.csv" from the sheet name
 * and the local calendar date. Runs of whitespace, tabs and line breaks
 * included, become one space. Other characters unsafe in file names become
 * '-'. Leading and trailing dots and spaces, which Windows strips or rejects,
 * are removed, and an empty result becomes "Sheet".
 */
export function exportFileName(sheetName: string, date: Date): string {
  const safeName =
    sheetName
      .replace(/\s+/g, ' ')
      .replace(UNSAFE_FILE_NAME_CHARACTERS, '-')
      .replace(/^[\s.]+|[\s.]+$/g, '') || 'Sheet';
  return `${safeName} ${format(date, 'yyyy-MM-dd')}.csv`;
}
