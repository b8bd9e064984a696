// Writes sheets as an Excel workbook with typed cells, so a spreadsheet gets
// numbers it can sum, dates it can sort and phone numbers that keep their
// leading zero or +. SheetJS (@e965/xlsx) is about 300 kB, so it is imported
// only when a workbook is written.

import type { CellObject, WorkSheet } from '@e965/xlsx';

import { minorDigits } from '../fields/currency';
import { formatCell, isEmptyCell, isInvalid } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef, MoneyValue, PhoneValue } from '../fields/types';
import { urlHref } from '../fields/url';
import type { ExportRow } from './csv';

export interface XlsxSheet {
  name: string;
  fields: readonly FieldDef[];
  rows: readonly ExportRow[];
}

export interface XlsxResult {
  data: ArrayBuffer;
  /** Text cells cut to Excel's limit of 32,767 characters. */
  truncatedCells: number;
}

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel stores at most this many characters in one cell. */
const MAX_CELL_TEXT = 32_767;

/** Excel limits sheet names to 31 characters. */
const MAX_SHEET_NAME = 31;

/** Built-in number formats 14 and 22, which Excel shows in the short date order of the computer that opens the file. */
const DATE_FORMAT = 'm/d/yy';
const DATE_TIME_FORMAT = 'm/d/yy h:mm';

/** Widest column, in characters, that the export sets from the values. */
const MAX_COLUMN_WIDTH = 60;
const MIN_COLUMN_WIDTH = 8;

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system, counted so that serial 61 is 1 March 1900. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Excel counts a 29 February 1900 that never was, so serials before 1 March 1900 are one lower. */
const FIRST_SERIAL_AFTER_LEAP_BUG = 61;

/** Returns the Excel serial of a wall-clock time given as UTC fields, or null before 1900. */
function excelSerial(utcMilliseconds: number): number | null {
  const serial = (utcMilliseconds - EXCEL_EPOCH) / MS_PER_DAY;
  if (serial < 2) return null;
  return serial < FIRST_SERIAL_AFTER_LEAP_BUG ? serial - 1 : serial;
}

/** Returns the serial of a 'YYYY-MM-DD' date, or null when it is not one or is before 1900. */
export function dateSerial(isoDate: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  return excelSerial(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** Returns the serial of an instant in this computer's time zone, as Excel has no time zones. */
export function dateTimeSerial(instant: string): number | null {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return null;
  return excelSerial(
    Date.UTC(
      date.getFullYear(),
      date.getMonth(),
      date.getDate(),
      date.getHours(),
      date.getMinutes(),
      date.getSeconds(),
      date.getMilliseconds(),
    ),
  );
}

/** Builds an Excel number format for an amount: '"£"#,##0.00' or '#,##0.00 "€"', as the locale places the symbol. */
export function currencyFormat(currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const number = digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1);
  const symbol = (parts.find((part) => part.type === 'currency')?.value ?? currency).replaceAll('"', '');
  const symbolFirst =
    parts.findIndex((part) => part.type === 'currency') < parts.findIndex((part) => part.type === 'integer');
  return symbolFirst ? `"${symbol}"${number}` : `${number} "${symbol}"`;
}

function decimalsFormat(decimals: number | undefined, suffix = ''): string {
  if (decimals === undefined || decimals <= 0) return `0${suffix}`;
  return `0.${'0'.repeat(Math.min(decimals, 10))}${suffix}`;
}

/** Returns how many decimals a number needs, up to a maximum, so 12.5 needs 1. */
function decimalsNeeded(value: number, maximum: number): number {
  for (let digits = 0; digits < maximum; digits += 1) {
    if (Number(value.toFixed(digits)) === value) return digits;
  }
  return maximum;
}

function textCell(text: string): CellObject {
  return { t: 's', v: text };
}

/**
 * Converts one stored value into a typed cell: numbers, amounts and percents
 * as numbers with a format, dates as date serials, checkboxes as booleans,
 * and everything else as text. Returns null for an empty cell.
 */
export function xlsxCell(value: CellValue | undefined, field: FieldDef, ctx: FieldContext): CellObject | null {
  if (isEmptyCell(value)) return null;
  if (isInvalid(value)) return textCell(value.invalid);

  switch (field.type) {
    case 'number':
      if (typeof value === 'number') {
        const decimals = field.settings.decimals;
        return { t: 'n', v: value, z: decimals === undefined ? 'General' : `#,##${decimalsFormat(decimals)}` };
      }
      break;
    case 'currency':
      if (typeof value === 'object' && value !== null && 'minor' in value) {
        const money = value as MoneyValue;
        return {
          t: 'n',
          v: money.minor / 10 ** minorDigits(money.currency),
          z: currencyFormat(money.currency, ctx.locale),
        };
      }
      break;
    case 'percent':
      if (typeof value === 'number') {
        const decimals = field.settings.decimals ?? decimalsNeeded(value * 100, 4);
        return { t: 'n', v: value, z: decimalsFormat(decimals, '%') };
      }
      break;
    case 'date': {
      const serial = typeof value === 'string' ? dateSerial(value) : null;
      if (serial !== null) return { t: 'n', v: serial, z: DATE_FORMAT };
      break;
    }
    case 'dateTime': {
      const serial = typeof value === 'string' ? dateTimeSerial(value) : null;
      if (serial !== null) return { t: 'n', v: serial, z: DATE_TIME_FORMAT };
      break;
    }
    case 'checkbox':
      if (typeof value === 'boolean') return { t: 'b', v: value };
      break;
    case 'phone':
      if (typeof value === 'object' && value !== null && 'text' in value) return textCell((value as PhoneValue).text);
      break;
    case 'multiSelect':
      if (Array.isArray(value)) return textCell(value.map((id) => formatCell([id], field, ctx)).join('; '));
      break;
    case 'url':
      if (typeof value === 'string') {
        const href = urlHref(value);
        return href ? { t: 's', v: value, l: { Target: href } } : textCell(value);
      }
      break;
    default:
      break;
  }
  return textCell(formatCell(value ?? null, field, ctx));
}

/** Makes a name Excel accepts for a sheet: no []:*?/\, at most 31 characters, unique, and not "History". */
export function xlsxSheetName(name: string, taken: ReadonlySet<string>): string {
  const cleaned =
    name
      .replace(/[[\]:*?/\\]/g, '-')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, MAX_SHEET_NAME)
      .trim() || 'Sheet';
  const base = cleaned.toLowerCase() === 'history' ? 'History sheet' : cleaned;

  let candidate = base;
  for (let copy = 2; [...taken].some((each) => each.toLowerCase() === candidate.toLowerCase()); copy += 1) {
    const suffix = ` (${copy})`;
    candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  return candidate;
}

/** Builds one worksheet and returns how many text cells were cut to fit. */
function buildWorksheet(
  sheet: XlsxSheet,
  ctx: FieldContext,
  encodeCell: (address: { r: number; c: number }) => string,
): { worksheet: WorkSheet; truncated: number } {
  const worksheet: WorkSheet = {};
  const widths = sheet.fields.map((field) => field.name.length);
  let truncated = 0;

  sheet.fields.forEach((field, column) => {
    worksheet[encodeCell({ r: 0, c: column })] = textCell(field.name);
  });

  sheet.rows.forEach((row, index) => {
    sheet.fields.forEach((field, column) => {
      const cell = xlsxCell(row.values[field.id], field, ctx);
      if (!cell) return;
      if (cell.t === 's' && typeof cell.v === 'string' && cell.v.length > MAX_CELL_TEXT) {
        cell.v = cell.v.slice(0, MAX_CELL_TEXT);
        truncated += 1;
      }
      const shown = cell.t === 's' ? String(cell.v).split('\n')[0]!.length : String(cell.v).length + 2;
      widths[column] = Math.max(widths[column] ?? 0, shown);
      worksheet[encodeCell({ r: index + 1, c: column })] = cell;
    });
  });

  const lastColumn = Math.max(sheet.fields.length - 1, 0);
  const range = `A1:${encodeCell({ r: sheet.rows.length, c: lastColumn })}`;
  worksheet['!ref'] = range;
  if (sheet.fields.length > 0) worksheet['!autofilter'] = { ref: range };
  worksheet['!cols'] = widths.map((width) => ({
    wch: Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width + 2)),
  }));
  return { worksheet, truncated };
}

/** Writes the sheets as one .xlsx workbook, one worksheet each, loading SheetJS on first use. */
export async function buildXlsx(sheets: readonly XlsxSheet[], ctx: FieldContext): Promise<XlsxResult> {
  const XLSX = await import('@e965/xlsx');
  const workbook = XLSX.utils.book_new();
  const taken = new Set<string>();
  let truncatedCells = 0;

  for (const sheet of sheets) {
    const name = xlsxSheetName(sheet.name, taken);
    taken.add(name);
    const { worksheet, truncated } = buildWorksheet(sheet, ctx, XLSX.utils.encode_cell);
    truncatedCells += truncated;
    XLSX.utils.book_append_sheet(workbook, worksheet, name);
  }

  const data = XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return { data, truncatedCells };
}
