import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateField, isoDate, readDate } from './date';
import { dateFnsLocale } from './dateLocale';
import { makeContext, makeField } from './testFields';

const field = makeField('date');
const dmy = makeContext({ dateOrder: 'dmy' });
const mdy = makeContext({ locale: 'en-US', dateOrder: 'mdy' });
const iso = makeContext({ dateOrder: 'iso' });
const de = makeContext({ locale: 'de-DE', dateOrder: 'dmy' });

describe('dateField.parse', () => {
  it.each([
    ['2024-03-05', dmy, '2024-03-05'],
    ['2024-3-5', dmy, '2024-03-05'],
    ['2024/03/05', mdy, '2024-03-05'],
    ['5.3.2024', mdy, '2024-03-05'],
    ['05.03.2024', de, '2024-03-05'],
    ['05/03/2024', dmy, '2024-03-05'],
    ['05/03/2024', iso, '2024-03-05'],
    ['03/05/2024', mdy, '2024-03-05'],
    ['5-3-2024', dmy, '2024-03-05'],
    ['29/02/2024', dmy, '2024-02-29'],
    ['2024-03-05T14:30:00', dmy, '2024-03-05'],
    ['2024-03-05 23:59', dmy, '2024-03-05'],
    ['5 Mar 2024', dmy, '2024-03-05'],
    ['5 March 2024', dmy, '2024-03-05'],
    ['March 5, 2024', mdy, '2024-03-05'],
    ['5. März 2024', de, '2024-03-05'],
    ['  2024-03-05  ', dmy, '2024-03-05'],
  ])('reads %s', (text, ctx, expected) => {
    expect(dateField.parse(text, field, ctx)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['31/02/2024', dmy],
    ['29/02/2023', dmy],
    ['13/13/2024', dmy],
    ['05/13/2024', dmy],
    ['13/05/2024', mdy],
    ['2024-02-30', dmy],
    ['2024-00-10', dmy],
    ['00/01/2024', dmy],
    ['2024-03-05T25:00', dmy],
    ['5/3/202', dmy],
  ])('rejects %s with a message naming it', (text, ctx) => {
    expect(dateField.parse(text, field, ctx)).toEqual({ ok: false, error: `"${text}" is not a valid date` });
  });

  it('rejects two-digit years', () => {
    for (const text of ['05/03/24', '5.3.24', '5-3-24']) {
      expect(dateField.parse(text, field, dmy)).toEqual({
        ok: false,
        error: `"${text}" has a two-digit year. Write the year with four digits.`,
      });
    }
  });

  it('suggests a format for unknown text', () => {
    expect(dateField.parse('next week', field, dmy)).toEqual({
      ok: false,
      error: '"next week" is not a valid date. Write it like 31/03/2024 or 2024-03-31.',
    });
    const result = dateField.parse('5 Mar 24', field, mdy);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('03/31/2024');
  });

  it('reads empty text as null', () => {
    expect(dateField.parse('', field, dmy)).toEqual({ ok: true, value: null });
  });
});

describe('dateField time zones', () => {
  const originalZone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'America/Los_Angeles';
  });
  afterEach(() => {
    process.env.TZ = originalZone;
  });

  it('formats the stored day west of Greenwich', () => {
    expect(dateField.format('2024-03-05', field, dmy)).toBe('05/03/2024');
    expect(dateField.format('2024-01-01', field, mdy)).toBe('01/01/2024');
  });

  it('converts a zoned instant to the local day', () => {
    expect(readDate('2024-03-05T02:00:00Z', dmy)).toEqual({ ok: true, value: '2024-03-04' });
    expect(readDate('2024-03-05T02:00:00+0100', dmy)).toEqual({ ok: true, value: '2024-03-04' });
  });

  it('keeps the date of an unzoned date-time', () => {
    expect(readDate('2024-03-05T01:00:00', dmy)).toEqual({ ok: true, value: '2024-03-05' });
  });
});

describe('dateField.format', () => {
  it.each([
    ['en-GB', '05/03/2024'],
    ['en-US', '03/05/2024'],
    ['de', '05.03.2024'],
    ['de-DE', '05.03.2024'],
    ['fr', '05/03/2024'],
    ['nl', '05-03-2024'],
    ['xx', '05/03/2024'],
  ])('formats in %s', (locale, expected) => {
    expect(dateField.format('2024-03-05', field, makeContext({ locale }))).toBe(expected);
  });

  it('reads back its own output', () => {
    for (const ctx of [dmy, mdy, de, makeContext({ locale: 'nl', dateOrder: 'dmy' })]) {
      const formatted = dateField.format('2024-03-05', field, ctx);
      expect(dateField.parse(formatted, field, ctx)).toEqual({ ok: true, value: '2024-03-05' });
    }
  });

  it('maps locales to date-fns', () => {
    expect(dateFnsLocale('en-US').code).toBe('en-US');
    expect(dateFnsLocale('en').code).toBe('en-GB');
    expect(dateFnsLocale('it-IT').code).toBe('it');
    expect(dateFnsLocale('es').code).toBe('es');
    expect(dateFnsLocale('pt-BR').code).toBe('en-GB');
  });
});

describe('dateField CSV and checks', () => {
  it('writes and reads ISO', () => {
    expect(dateField.toCsv('2024-03-05', field, mdy)).toBe('2024-03-05');
    expect(dateField.fromCsv('2024-03-05', field, mdy)).toEqual({ ok: true, value: '2024-03-05' });
  });

  it('validates real days', () => {
    expect(dateField.validate('2024-02-29', field)).toBeNull();
    expect(dateField.validate('2023-02-29', field)).not.toBeNull();
    expect(dateField.validate('2024-3-5', field)).not.toBeNull();
    expect(dateField.validate(new Date(), field)).not.toBeNull();
  });

  it('compares as strings', () => {
    expect(dateField.compare('2023-12-31', '2024-01-01', field)).toBeLessThan(0);
    expect(dateField.compare('2024-01-01', '2024-01-01', field)).toBe(0);
  });

  it('checks calendar days', () => {
    expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
    expect(isoDate(1900, 2, 29)).toBeNull();
    expect(isoDate(2024, 4, 31)).toBeNull();
    expect(isoDate(2024, 12, 31)).toBe('2024-12-31');
  });
});
