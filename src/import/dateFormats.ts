// The date format of each imported column. Detection reads every value of a
// column in each format and keeps the formats that read all of them. When
// both day-first and month-first fit and give different days (every day and
// month is 12 or less), the column is ambiguous and the user must pick.

import { isoDate } from '../fields/date';
import type { DateOrder } from '../fields/types';

export type DateFormat = 'iso' | 'dmy' | 'mdy' | 'dmyDots' | 'excelSerial';

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  iso: 'ISO (2024-03-31)',
  dmy: 'D/M/Y (31/03/2024)',
  mdy: 'M/D/Y (03/31/2024)',
  dmyDots: 'D.M.Y (31.03.2024)',
  excelSerial: 'Excel serial number (45382)',
};

export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'dmy', 'mdy', 'dmyDots', 'excelSerial'];

const ISO_SHAPE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const SLASHED_SHAPE = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;
// Month-first dates are written with slashes, dashes and, rarely, dots.
const MONTH_FIRST_SHAPE = /^(\d{1,2})[/.-]\s?(\d{1,2})[/.-]\s?(\d{4})$/;
const DOTTED_SHAPE = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/;
const SERIAL_SHAPE = /^\d{1,7}(?:\.\d+)?$/;

/** Excel's first day, serial 1, is 1900-01-01; serials from 61 on count from 1899-12-30. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Excel counts a 29 February 1900 that never was, as serial 60. */
const EXCEL_FAKE_LEAP_DAY = 60;
/** 9999-12-31, Excel's last date. */
const EXCEL_MAX_SERIAL = 2958465;
/** Serials read as dates only when the header names a date, and only from 1927 (10000) to 2119 (80000). */
const SERIAL_DETECTION_RANGE = [10000, 80000] as const;
const DATE_HEADER = /date|birth|\bdob\b|since|created|modified|updated|\bday\b|follow|contact(ed)?\b|due|anniversary/i;

/** Converts an Excel serial day number to 'YYYY-MM-DD', ignoring any time fraction. */
export function excelSerialToIso(serial: number): string | undefined {
  const day = Math.floor(serial);
  if (day < 1 || day > EXCEL_MAX_SERIAL || day === EXCEL_FAKE_LEAP_DAY) return undefined;
  const offset = day < EXCEL_FAKE_LEAP_DAY ? day + 1 : day;
  const date = new Date(EXCEL_EPOCH_UTC + offset * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/**
 * Reads date text in one format and returns 'YYYY-MM-DD', or undefined when the
 * text has another shape or is not a real calendar day.
 */
export function dateTextAs(text: string, format: DateFormat): string | undefined {
  const trimmed = text.trim();
  const parts = (year?: string, month?: string, day?: string) =>
    isoDate(Number(year), Number(month), Number(day)) ?? undefined;

  switch (format) {
    case 'iso': {
      const match = ISO_SHAPE.exec(trimmed);
      return match ? parts(match[1], match[2], match[3]) : undefined;
    }
    case 'dmy': {
      const match = SLASHED_SHAPE.exec(trimmed);
      return match ? parts(match[3], match[2], match[1]) : undefined;
    }
    case 'mdy': {
      const match = MONTH_FIRST_SHAPE.exec(trimmed);
      return match ? parts(match[3], match[1], match[2]) : undefined;
    }
    case 'dmyDots': {
      const match = DOTTED_SHAPE.exec(trimmed);
      return match ? parts(match[3], match[2], match[1]) : undefined;
    }
    case 'excelSerial':
      return SERIAL_SHAPE.test(trimmed) ? excelSerialToIso(Number(trimmed)) : undefined;
  }
}

/** Returns the order the field modules read slash dates in, for text that the chosen format does not match. */
export function dateOrderOf(format: DateFormat, fallback: DateOrder): DateOrder {
  if (format === 'dmy' || format === 'dmyDots') return 'dmy';
  if (format === 'mdy') return 'mdy';
  if (format === 'iso') return 'iso';
  return fallback;
}

export interface DateFormatDetection {
  /** The format that reads every value, or undefined when none does or the column is ambiguous. */
  format?: DateFormat;
  /** True when several formats read every value but give different dates. */
  ambiguous: boolean;
  /** Every format that reads all values. */
  candidates: DateFormat[];
}

/**
 * Detects a column's date format from its non-empty values. Excel serial
 * numbers are considered only under a header that names a date, because a
 * column of plain numbers is far more often a count or an amount.
 */
export function detectDateFormat(values: readonly string[], header: string): DateFormatDetection {
  const texts = values.map((value) => value.trim()).filter((value) => value !== '');
  if (texts.length === 0) return { ambiguous: false, candidates: [] };

  const readings = new Map<DateFormat, string[]>();
  for (const format of DATE_FORMATS) {
    if (format === 'excelSerial') continue;
    const read = texts.map((text) => dateTextAs(text, format));
    if (read.every((value) => value !== undefined)) readings.set(format, read as string[]);
  }

  if (readings.size === 0 && DATE_HEADER.test(header)) {
    const [minimum, maximum] = SERIAL_DETECTION_RANGE;
    const serials = texts.every((text) => /^\d+$/.test(text) && Number(text) >= minimum && Number(text) <= maximum);
    if (serials) return { format: 'excelSerial', ambiguous: false, candidates: ['excelSerial'] };
  }

  const candidates = [...readings.keys()];
  if (candidates.length === 0) return { ambiguous: false, candidates };
  if (candidates.length === 1) return { format: candidates[0], ambiguous: false, candidates };

  const [first, ...others] = candidates.map((format) => readings.get(format)!);
  const agree = others.every((reading) => reading.every((value, index) => value === first![index]));
  return agree ? { format: candidates[0], ambiguous: false, candidates } : { ambiguous: true, candidates };
}
