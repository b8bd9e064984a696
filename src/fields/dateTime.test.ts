import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateTimeField } from './dateTime';
import { makeContext, makeField } from './testFields';

const field = makeField('dateTime');
const gb = makeContext({ locale: 'en-GB', dateOrder: 'dmy' });
const us = makeContext({ locale: 'en-US', dateOrder: 'mdy' });
const de = makeContext({ locale: 'de', dateOrder: 'dmy' });

const originalZone = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterEach(() => {
  process.env.TZ = originalZone;
});

describe('dateTimeField.parse', () => {
  it.each([
    ['2024-03-05T14:30:00Z', '2024-03-05T14:30:00.000Z'],
    ['2024-03-05T14:30:00.5z', '2024-03-05T14:30:00.500Z'],
    ['2024-03-05T14:30:00+01:00', '2024-03-05T13:30:00.000Z'],
    ['2024-03-05 14:30-0500', '2024-03-05T19:30:00.000Z'],
    ['2024-03-05T14:30+02', '2024-03-05T12:30:00.000Z'],
  ])('reads the zoned instant %s', (text, expected) => {
    expect(dateTimeField.parse(text, field, gb)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2024-03-05 14:30', gb, '2024-03-05T13:30:00.000Z'],
    ['2024-07-05T14:30:15', gb, '2024-07-05T12:30:15.000Z'],
    ['05/03/2024, 14:30', gb, '2024-03-05T13:30:00.000Z'],
    ['03/05/2024, 2:30 PM', us, '2024-03-05T13:30:00.000Z'],
    ['03/05/2024 12:05 am', us, '2024-03-04T23:05:00.000Z'],
    ['05.03.2024 14:30', de, '2024-03-05T13:30:00.000Z'],
    ['March 5, 2024 at 9:00 a.m.', us, '2024-03-05T08:00:00.000Z'],
    ['2024-03-05', gb, '2024-03-04T23:00:00.000Z'],
  ])('reads the local time %s', (text, ctx, expected) => {
    expect(dateTimeField.parse(text, field, ctx)).toEqual({ ok: true, value: expected });
  });

  it.each([
    '2024-03-05 24:00',
    '2024-02-30 10:00',
    '05/03/2024 13:00 PM',
    '2024-03-05T10:60Z',
    'soon',
    '31/02/2024 10:00',
  ])('rejects %s', (text) => {
    expect(dateTimeField.parse(text, field, gb)).toEqual({
      ok: false,
      error: `"${text}" is not a valid date and time`,
    });
  });

  it('reads empty text as null', () => {
    expect(dateTimeField.parse('', field, gb)).toEqual({ ok: true, value: null });
  });
});

describe('dateTimeField.format', () => {
  it('shows local time in the locale', () => {
    expect(dateTimeField.format('2024-03-05T13:30:00.000Z', field, gb)).toBe('05/03/2024, 14:30');
    expect(dateTimeField.format('2024-03-05T13:30:00.000Z', field, us)).toBe('03/05/2024, 2:30 PM');
    expect(dateTimeField.format('2024-03-05T13:30:00.000Z', field, de)).toBe('05.03.2024 14:30');
  });

  it('reads back its own output', () => {
    for (const ctx of [gb, us, de]) {
      const formatted = dateTimeField.format('2024-03-05T13:30:00.000Z', field, ctx);
      expect(dateTimeField.parse(formatted, field, ctx)).toEqual({ ok: true, value: '2024-03-05T13:30:00.000Z' });
    }
  });
});

describe('dateTimeField CSV and checks', () => {
  it('round-trips ISO instants', () => {
    const value = '2024-03-05T13:30:00.000Z';
    expect(dateTimeField.toCsv(value, field, gb)).toBe(value);
    expect(dateTimeField.fromCsv(value, field, us)).toEqual({ ok: true, value });
  });

  it('validates UTC instants', () => {
    expect(dateTimeField.validate('2024-03-05T13:30:00.000Z', field)).toBeNull();
    expect(dateTimeField.validate('2024-03-05T13:30:00+01:00', field)).not.toBeNull();
    expect(dateTimeField.validate('2024-02-30T13:30:00.000Z', field)).not.toBeNull();
    expect(dateTimeField.validate(0, field)).not.toBeNull();
  });

  it('compares by instant', () => {
    expect(dateTimeField.compare('2024-03-05T13:30:00.000Z', '2024-03-05T13:31:00.000Z', field)).toBeLessThan(0);
  });
});
