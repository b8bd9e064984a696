// A date is a calendar day stored as 'YYYY-MM-DD', never a Date object, because
// a Date at UTC midnight shows as the previous day west of Greenwich.

import { format, isValid, parse, parseISO, type Locale } from 'date-fns';
import { enUS } from 'date-fns/locale';
import { dateFnsLocale } from './dateLocale';
import { quoteValue } from './messages';
import { compareCodeUnits } from './text';
import type { DateOrder, FieldContext, FieldTypeModule, ParseResult } from './types';

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const DOTTED = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d+)$/;
const SLASHED = /^(\d{1,2})([/-])(\d{1,2})\2(\d+)$/;
const STORED_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_NAME_FORMATS = ['d MMM yyyy', 'd MMMM yyyy', 'd. MMMM yyyy', 'MMM d, yyyy', 'MMMM d, yyyy', 'MMM d yyyy'];

/**
 * Dates shown in the grid, by date-fns locale and stored value. A sheet has
 * far fewer distinct dates than cells, and date-fns formatting and its garbage
 * showed up in the CPU profile of the first search over 10,000 rows.
 */
const formattedDates = new WeakMap<Locale, Map<string, string>>();

/** Cached dates per locale before the cache starts over; 10,000 covers about 27 years of days. */
const MAX_CACHED_DATES = 10_000;

export const dateField: FieldTypeModule<string> = {
  type: 'date',
  label: 'Date',
  parse: (text, _field, ctx) => readDate(text, ctx),

  format(value, _field, ctx) {
    const locale = dateFnsLocale(ctx.locale);
    const cache = formattedDates.get(locale) ?? new Map<string, string>();
    formattedDates.set(locale, cache);
    let text = cache.get(value);
    if (text === undefined) {
      // parseISO reads a date without a time as local midnight, so the day never shifts.
      const date = parseISO(value);
      text = isValid(date) ? format(date, 'P', { locale }) : value;
      if (cache.size >= MAX_CACHED_DATES) cache.clear();
      cache.set(value, text);
    }
    return text;
  },

  validate(value) {
    if (typeof value !== 'string' || !STORED_DATE.test(value))
      return 'A date value must be text in the form YYYY-MM-DD';
    const [year, month, day] = value.split('-').map(Number);
    if (isoDate(year ?? 0, month ?? 0, day ?? 0) === null) return `${quoteValue(value)} is not a real calendar date`;
    return null;
  },

  compare: (a, b) => compareCodeUnits(a, b),
  toCsv: (value) => value,
  fromCsv: (text, _field, ctx) => readDate(text, ctx),
};

/** Returns 'YYYY-MM-DD' for a real calendar day, or null for 31 February, month 13 and the like. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const maxDay = month === 2 && !isLeapYear ? 28 : daysInMonth;
  if (day > maxDay) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Reads a date typed by a user or found in a file. Accepts ISO '2024-03-05',
 * '2024/03/05', German '5.3.2024', slash or dash dates in ctx.dateOrder (the 'iso'
 * order reads them day first), month names ('5 Mar 2024', 'March 5, 2024') and
 * ISO date-times. A date-time without a time zone keeps its date part. One with
 * a zone is converted to the local calendar day.
 */
export function readDate(text: string, ctx: FieldContext): ParseResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };

  const invalid = { ok: false as const, error: `${quoteValue(text)} is not a valid date` };
  const fromParts = (year: string, month: string, day: string): ParseResult<string> => {
    if (year.length === 2) {
      return { ok: false, error: `${quoteValue(text)} has a two-digit year. Write the year with four digits.` };
    }
    const value = year.length === 4 ? isoDate(Number(year), Number(month), Number(day)) : null;
    return value === null ? invalid : { ok: true, value };
  };

  const iso = ISO_DATE.exec(trimmed) ?? YEAR_FIRST.exec(trimmed);
  if (iso) return fromParts(iso[1] ?? '', iso[2] ?? '', iso[3] ?? '');

  const dotted = DOTTED.exec(trimmed);
  if (dotted) return fromParts(dotted[3] ?? '', dotted[2] ?? '', dotted[1] ?? '');

  const slashed = SLASHED.exec(trimmed);
  if (slashed) {
    const [, first = '', , second = '', year = ''] = slashed;
    return slashDateOrder(ctx.dateOrder) === 'mdy' ? fromParts(year, first, second) : fromParts(year, second, first);
  }

  const dateTime = ISO_DATE_TIME.exec(trimmed);
  if (dateTime) return readIsoDateTimeDay(dateTime) ?? invalid;

  return (
    readMonthName(trimmed, ctx.locale) ?? {
      ok: false,
      error: `${quoteValue(text)} is not a valid date. Write it like ${exampleDate(ctx.dateOrder)}.`,
    }
  );
}

/** Returns the order that slash and dash dates are read in: 'iso' workbooks read them day first. */
export function slashDateOrder(order: DateOrder): 'dmy' | 'mdy' {
  return order === 'mdy' ? 'mdy' : 'dmy';
}

function readIsoDateTimeDay(match: RegExpExecArray): ParseResult<string> | null {
  const [, year = '', month = '', day = '', hour = '', minute = '', second = '0', zone] = match;
  const date = isoDate(Number(year), Number(month), Number(day));
  if (date === null || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  if (!zone) return { ok: true, value: date };

  const instant = new Date(
    match[0]
      .replace(' ', 'T')
      .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
      .replace(/([+-]\d{2})$/, '$1:00'),
  );
  if (!isValid(instant)) return null;
  return { ok: true, value: format(instant, 'yyyy-MM-dd') };
}

function readMonthName(text: string, locale: string): ParseResult<string> | null {
  // date-fns reads 'yyyy' from any number of digits, so '5 Mar 24' would be year 24.
  if (!/(^|\D)\d{4}$/.test(text)) return null;

  const referenceDate = new Date(2000, 0, 1);
  for (const dateLocale of [dateFnsLocale(locale), enUS]) {
    for (const pattern of MONTH_NAME_FORMATS) {
      const date = parse(text, pattern, referenceDate, { locale: dateLocale });
      if (isValid(date)) return { ok: true, value: format(date, 'yyyy-MM-dd') };
    }
  }
  return null;
}

function exampleDate(order: DateOrder): string {
  if (order === 'iso') return '2024-03-31';
  return order === 'mdy' ? '03/31/2024 or 2024-03-31' : '31/03/2024 or 2024-03-31';
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
