// Reminders keep local wall-clock times ('YYYY-MM-DDTHH:mm') instead of UTC
// instants, so a 09:00 reminder fires at 09:00 local on both sides of a
// daylight-saving change and after the user changes time zone. Calendar
// arithmetic runs on UTC dates, which have no daylight-saving days, so adding
// a day always moves the date by exactly one.

import type { LocalDateTime, RecurrenceUnit } from '../db/records';
import { pad2 } from './localClock';

export { toLocalDate, toLocalDateTime } from './localClock';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Returns the local time of day of an instant as 'HH:mm'. */
export function toTimeOfDay(instant: Date): string {
  return `${pad2(instant.getHours())}:${pad2(instant.getMinutes())}`;
}

/**
 * Returns the instant at which the local clock shows `value`. A time that
 * a spring-forward change skips (01:30 in London on the last Sunday of March)
 * does not exist, and JavaScript moves it forward by the skipped hour.
 * Throws on text that is not 'YYYY-MM-DDTHH:mm'.
 */
export function localDateTimeToInstant(value: LocalDateTime): Date {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) throw new Error(`Invalid local date and time "${value}": expected YYYY-MM-DDTHH:mm.`);
  const [, year, month, day, hours, minutes] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(year, month - 1, day, hours, minutes);
}

export function isLocalDate(value: unknown): value is string {
  return typeof value === 'string' && LOCAL_DATE.test(value);
}

export function isTimeOfDay(value: unknown): value is string {
  return typeof value === 'string' && TIME_OF_DAY.test(value);
}

export function joinDateTime(date: string, time: string): LocalDateTime {
  return `${date}T${time}`;
}

/** Returns the date part of a local date-time. */
export function datePart(value: LocalDateTime): string {
  return value.slice(0, 10);
}

function parseDate(date: string): [number, number, number] {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new Error(`Invalid date "${date}": expected YYYY-MM-DD.`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function formatUtcDate(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/**
 * Adds days, weeks or months to a calendar day. Adding months keeps the day
 * of the month where it exists and otherwise gives the month's last day, so
 * 31 January plus one month is 28 or 29 February.
 */
export function addToDate(date: string, amount: number, unit: RecurrenceUnit): string {
  const [year, month, day] = parseDate(date);
  if (unit === 'days' || unit === 'weeks') {
    const days = unit === 'weeks' ? amount * 7 : amount;
    return formatUtcDate(new Date(Date.UTC(year, month - 1, day + days)));
  }

  const firstOfTarget = new Date(Date.UTC(year, month - 1 + amount, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(day, lastDay));
  return formatUtcDate(firstOfTarget);
}

/** Returns the number of calendar days from `from` to `to`, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const [fromYear, fromMonth, fromDay] = parseDate(from);
  const [toYear, toMonth, toDay] = parseDate(to);
  return Math.round((Date.UTC(toYear, toMonth - 1, toDay) - Date.UTC(fromYear, fromMonth - 1, fromDay)) / 86_400_000);
}
