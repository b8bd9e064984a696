import { format, isValid } from 'date-fns';
import { readDate } from './date';
import { dateFnsLocale } from './dateLocale';
import { quoteValue } from './messages';
import type { FieldContext, FieldTypeModule, ParseResult } from './types';

const ZONED_ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
// A date in any form readDate accepts, then a time: '05/03/2024, 14:30', '03/05/2024 2:30 PM'.
const DATE_THEN_TIME = /^(.+?)[,\s]+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?(?:m\.?)?$/i;
const STORED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const dateTimeField: FieldTypeModule<string> = {
  type: 'dateTime',
  label: 'Date and time',
  parse: (text, _field, ctx) => readDateTime(text, ctx),

  format(value, _field, ctx) {
    const date = new Date(value);
    return isValid(date) ? format(date, 'Pp', { locale: dateFnsLocale(ctx.locale) }) : value;
  },

  validate(value) {
    // Date rolls 30 February over to 1 March, so only an exact round trip proves the instant real.
    const date = typeof value === 'string' && STORED_INSTANT.test(value) ? new Date(value) : null;
    if (date === null || !isValid(date) || date.toISOString() !== value) {
      return 'A date and time value must be a UTC instant like 2024-03-05T14:30:00.000Z';
    }
    return null;
  },

  compare: (a, b) => Date.parse(a) - Date.parse(b),
  toCsv: (value) => value,
  fromCsv: (text, _field, ctx) => readDateTime(text, ctx),
};

/**
 * Reads an instant and returns it as a UTC ISO string. Text with a zone
 * ('2024-03-05T14:30:00+01:00', '…Z') is exact. Text without one
 * ('2024-03-05 14:30', '05/03/2024, 2:30 PM', a bare date) is local time.
 */
export function readDateTime(text: string, ctx: FieldContext): ParseResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const invalid = { ok: false as const, error: `${quoteValue(text)} is not a valid date and time` };

  const zoned = ZONED_ISO.exec(trimmed);
  if (zoned) {
    if (!hasValidClock(zoned)) return invalid;
    const zone = (zoned[8] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2').replace(/^([+-]\d{2})$/, '$1:00');
    const fraction = (zoned[7] ?? '').padEnd(3, '0').slice(0, 3);
    const normalised = `${zoned[1]}-${zoned[2]}-${zoned[3]}T${zoned[4]}:${zoned[5]}:${zoned[6] ?? '00'}.${fraction}${zone}`;
    const instant = new Date(normalised);
    return isValid(instant) ? { ok: true, value: instant.toISOString() } : invalid;
  }

  const local = LOCAL_ISO.exec(trimmed);
  if (local) {
    if (!hasValidClock(local)) return invalid;
    const milliseconds = Number((local[7] ?? '').padEnd(3, '0').slice(0, 3));
    return (
      localInstant(
        `${local[1]}-${local[2]}-${local[3]}`,
        Number(local[4]),
        Number(local[5]),
        Number(local[6] ?? 0),
        milliseconds,
      ) ?? invalid
    );
  }

  const withTime = DATE_THEN_TIME.exec(trimmed);
  if (withTime) {
    const [, dateText = '', hourText = '', minute = '', second = '0', meridiem] = withTime;
    const day = readDate(dateText, ctx);
    const hour = to24Hour(Number(hourText), meridiem?.toLowerCase());
    if (!day.ok || day.value === null || hour === null || Number(minute) > 59 || Number(second) > 59) return invalid;
    return localInstant(day.value, hour, Number(minute), Number(second), 0) ?? invalid;
  }

  const day = readDate(trimmed, ctx);
  if (!day.ok || day.value === null) return invalid;
  return localInstant(day.value, 0, 0, 0, 0) ?? invalid;
}

function hasValidClock(match: RegExpExecArray): boolean {
  const [, year = '', month = '', day = '', hour = '', minute = '', second = '0'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59
  );
}

function to24Hour(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  return (hour % 12) + (meridiem === 'p' ? 12 : 0);
}

/** Returns the UTC ISO string of a local wall-clock time on day 'YYYY-MM-DD'. */
function localInstant(
  day: string,
  hour: number,
  minute: number,
  second: number,
  milliseconds: number,
): ParseResult<string> | null {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const instant = new Date(year, month - 1, date, hour, minute, second, milliseconds);
  if (year < 100) instant.setFullYear(year);
  return isValid(instant) ? { ok: true, value: instant.toISOString() } : null;
}
