// Writes a sheet as CSV that Excel, Numbers, LibreOffice and Google Sheets
// open without an import dialog. By default the text is UTF-8 with a BOM,
// because Excel on Windows otherwise reads the bytes in the local code page.
// Lines end in CRLF as RFC 4180 specifies, and no cell can run as a formula.

import { format } from 'date-fns';
import { cellToCsv } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef, FieldType } from '../fields/types';

export interface ExportCsvOptions {
  /** Delimiter between values, ',' by default. European Excel expects ';'. */
  delimiter?: string;
  /** Whether the text starts with a UTF-8 BOM; true by default. */
  bom?: boolean;
  /** Decimal separator of numbers, amounts and percents; '.' by default. Excel set to German reads only ','. */
  decimalSeparator?: '.' | ',';
  /**
   * Adds a last column with this header that contains the workbook currency code
   * on every row, when the export has a currency column. Amounts in another
   * currency keep their own code after the number.
   */
  currencyColumn?: string;
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
  // Text whose apostrophes already lead to a trigger ("'=1") gets one more,
  // because the import removes one such apostrophe and must give the text back.
  if (cell.startsWith("'") && FORMULA_TRIGGERS.has(cell.replace(/^'+/, '').charAt(0))) return `'${cell}`;
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
 * Writes one cell: a plain number in a number, currency or percent column
 * stays a number with the chosen decimal separator, and any other text goes
 * through neutraliseFormula. The result is quoted when needed.
 */
function writeCell(text: string, isNumericColumn: boolean, options: Required<ExportCsvOptions>): string {
  const isPlainNumber = isNumericColumn && PLAIN_NUMBER.test(text);
  const cell = isPlainNumber ? text.replace('.', options.decimalSeparator) : neutraliseFormula(text, isNumericColumn);
  return quoteCsvCell(cell, options.delimiter);
}

/**
 * Writes the rows as CSV text: a header of field names, then one line per row.
 * cellToCsv writes each cell with the field type's toCsv (ISO dates, plain
 * amounts), as '' when empty, and as the raw text of an InvalidValue. Lines
 * end in CRLF, and the text starts with a UTF-8 BOM unless options.bom is
 * false. Every cell, the header included, is neutralised and quoted.
 */
export function exportSheetCsv(
  fields: readonly FieldDef[],
  rows: readonly ExportRow[],
  ctx: FieldContext,
  options: ExportCsvOptions = {},
): string {
  const settings: Required<ExportCsvOptions> = {
    delimiter: options.delimiter ?? ',',
    bom: options.bom ?? true,
    decimalSeparator: options.decimalSeparator ?? '.',
    currencyColumn: options.currencyColumn ?? '',
  };
  if (settings.delimiter === settings.decimalSeparator) {
    throw new Error(
      `The delimiter and the decimal separator are both "${settings.delimiter}"; choose another delimiter.`,
    );
  }
  const addCurrency = settings.currencyColumn !== '' && fields.some((field) => field.type === 'currency');

  const header = fields.map((field) => writeCell(field.name, false, settings));
  if (addCurrency) header.push(writeCell(settings.currencyColumn, false, settings));
  const lines = [header.join(settings.delimiter)];

  for (const row of rows) {
    const cells = fields.map((field) =>
      writeCell(cellToCsv(row.values[field.id], field, ctx), NUMERIC_TYPES.has(field.type), settings),
    );
    if (addCurrency) cells.push(writeCell(ctx.currency, false, settings));
    lines.push(cells.join(settings.delimiter));
  }

  return (settings.bom ? UTF8_BOM : '') + lines.join(LINE_END) + LINE_END;
}

/** Characters Windows, macOS or Linux reject in file names, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_NAME_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * Builds a download name such as "Clients 2026-12-04.csv" from the sheet name,
 * the local calendar date and the extension. Runs of whitespace, tabs and line breaks
 * included, become one space. Other characters unsafe in file names become
 * '-'. Leading and trailing dots and spaces, which Windows strips or rejects,
 * are removed, and an empty result becomes "Sheet".
 */
export function exportFileName(sheetName: string, date: Date, extension = 'csv'): string {
  const safeName =
    sheetName
      .replace(/\s+/g, ' ')
      .replace(UNSAFE_FILE_NAME_CHARACTERS, '-')
      .replace(/^[\s.]+|[\s.]+$/g, '') || 'Sheet';
  return `${safeName} ${format(date, 'yyyy-MM-dd')}.${extension}`;
}
