// Calendar-day arithmetic on 'YYYY-MM-DD' strings. Days are counted in UTC,
// where every day has 24 hours, so a daylight saving change never shifts a
// day count.

import type { CellValue, FieldDef } from '../../fields/types';
import type { Period, PeriodKind } from './types';

const MS_PER_DAY = 86_400_000;
const STORED_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Average length of a year in days, leap years included. Tenures in days are divided by it. */
export const DAYS_PER_YEAR = 365.25;

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Returns the number of days since 1970-01-01 for a 'YYYY-MM-DD' day. */
export function dayNumber(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year!, month! - 1, date!) / MS_PER_DAY;
}

export function dayFromNumber(value: number): string {
  const date = new Date(value * MS_PER_DAY);
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

export function addDays(day: string, days: number): string {
  return dayFromNumber(dayNumber(day) + days);
}

/** Returns the days from `from` to `to`, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Returns the local calendar day of a moment, as the user's clock shows it. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/** Returns the local calendar day of an ISO 8601 instant, or null when it does not parse. */
export function instantToDay(instant: string): string | null {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : localDay(date);
}

/** Returns the calendar day a date or date-and-time cell holds, or null for any other value. */
export function cellDay(value: CellValue | undefined, field: FieldDef): string | null {
  if (typeof value !== 'string') return null;
  if (field.type === 'date') return STORED_DATE.test(value) ? value : null;
  if (field.type === 'dateTime') return instantToDay(value);
  return null;
}

/** Returns 'YYYY-MM' for a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Returns the month `offset` months after 'YYYY-MM' (before, when negative). */
export function addMonths(month: string, offset: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const index = year! * 12 + (monthNumber! - 1) + offset;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
}

export function firstDayOfMonth(month: string): string {
  return `${month}-01`;
}

export function lastDayOfMonth(month: string): string {
  return addDays(firstDayOfMonth(addMonths(month, 1)), -1);
}

/** Returns the first month of the quarter a day falls in, as 'YYYY-MM'. */
export function quarterStartMonth(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-${pad2(month - ((month - 1) % 3))}`;
}

/** Returns a quarter's name, such as 'Q4 2026', from its first month. */
export function quarterLabel(startMonth: string): string {
  const quarter = Math.floor((Number(startMonth.slice(5, 7)) - 1) / 3) + 1;
  return `Q${quarter} ${startMonth.slice(0, 4)}`;
}

/**
 * Returns a period chosen by its first and last day, or null when either day
 * is missing or the first comes after the last.
 */
export function customPeriod(start: string, end: string): Period | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end) || start > end) return null;
  return { kind: 'custom', start, end };
}

/** Returns the period of the given kind that contains `today`; a custom period defaults to the year so far. */
export function periodContaining(kind: PeriodKind, today: string): Period {
  const month = monthOf(today);
  switch (kind) {
    case 'month':
      return { kind, start: firstDayOfMonth(month), end: lastDayOfMonth(month) };
    case 'quarter': {
      const first = quarterStartMonth(today);
      return { kind, start: firstDayOfMonth(first), end: lastDayOfMonth(addMonths(first, 2)) };
    }
    case 'year':
      return { kind, start: `${today.slice(0, 4)}-01-01`, end: `${today.slice(0, 4)}-12-31` };
    case 'all':
      return { kind, start: null, end: null };
    case 'custom':
      return { kind, start: `${today.slice(0, 4)}-01-01`, end: today };
  }
}

/** Tells whether a day falls in a period. All time contains every day, and no period contains a missing day. */
export function isInPeriod(day: string | null, period: Period): boolean {
  if (period.start === null || period.end === null) return true;
  if (day === null) return false;
  return day >= period.start && day <= period.end;
}

/** Returns the same period one year earlier, or null for all time. */
export function previousYearPeriod(period: Period): Period | null {
  if (period.start === null || period.end === null) return null;
  const shift = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
  // 29 February of a leap year maps to 28 February of the year before.
  const end = period.end.endsWith('-02-29') ? `${Number(period.end.slice(0, 4)) - 1}-02-28` : shift(period.end);
  return { kind: period.kind, start: shift(period.start), end };
}
