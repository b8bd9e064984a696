import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  addToDate,
  daysBetween,
  isTimeOfDay,
  localDateTimeToInstant,
  toLocalDate,
  toLocalDateTime,
  toTimeOfDay,
} from './localTime';

// London moves from GMT to BST at 01:00 GMT on 28 March 2027 and back at
// 01:00 GMT on 31 October 2027.
const originalZone = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Europe/London';
});
afterEach(() => {
  process.env.TZ = originalZone;
});

describe('localDateTimeToInstant', () => {
  it.each([
    ['2027-03-27T09:00', '2027-03-27T09:00:00.000Z'],
    ['2027-03-28T09:00', '2027-03-28T08:00:00.000Z'],
    ['2027-03-29T09:00', '2027-03-29T08:00:00.000Z'],
    ['2027-10-30T09:00', '2027-10-30T08:00:00.000Z'],
    ['2027-10-31T09:00', '2027-10-31T09:00:00.000Z'],
  ])('reads %s as 09:00 London time', (local, utc) => {
    expect(localDateTimeToInstant(local).toISOString()).toBe(utc);
  });

  it('moves a time skipped by spring forward an hour later', () => {
    const instant = localDateTimeToInstant('2027-03-28T01:30');

    expect(instant.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(toLocalDateTime(instant)).toBe('2027-03-28T02:30');
  });

  it('rejects text that is not a local date and time', () => {
    expect(() => localDateTimeToInstant('2027-03-28 09:00')).toThrow('Invalid local date and time "2027-03-28 09:00"');
  });
});

describe('toLocalDateTime', () => {
  it('shows the London wall clock on both sides of a change', () => {
    expect(toLocalDateTime(new Date('2027-03-28T00:59:00Z'))).toBe('2027-03-28T00:59');
    expect(toLocalDateTime(new Date('2027-03-28T01:00:00Z'))).toBe('2027-03-28T02:00');
    expect(toLocalDate(new Date('2027-06-30T23:30:00Z'))).toBe('2027-07-01');
    expect(toTimeOfDay(new Date('2027-06-30T23:30:00Z'))).toBe('00:30');
  });
});

describe('addToDate', () => {
  it.each([
    ['2027-03-27', 1, 'days', '2027-03-28'],
    ['2027-03-27', 2, 'days', '2027-03-29'],
    ['2027-10-30', 1, 'days', '2027-10-31'],
    ['2026-12-31', 1, 'days', '2027-01-01'],
    ['2027-03-21', 1, 'weeks', '2027-03-28'],
    ['2027-03-21', 2, 'weeks', '2027-04-04'],
    ['2027-01-31', 1, 'months', '2027-02-28'],
    ['2028-01-31', 1, 'months', '2028-02-29'],
    ['2027-03-31', 1, 'months', '2027-04-30'],
    ['2026-11-15', 3, 'months', '2027-02-15'],
    ['2027-05-10', -1, 'days', '2027-05-09'],
  ] as const)('adds to %s %i %s', (date, amount, unit, expected) => {
    expect(addToDate(date, amount, unit)).toBe(expected);
  });

  it('counts days across a daylight-saving change', () => {
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-10-31', '2027-10-30')).toBe(-1);
  });
});

describe('isTimeOfDay', () => {
  it('accepts 24-hour times and rejects others', () => {
    expect(isTimeOfDay('09:00')).toBe(true);
    expect(isTimeOfDay('23:59')).toBe(true);
    expect(isTimeOfDay('24:00')).toBe(false);
    expect(isTimeOfDay('9:00')).toBe(false);
    expect(isTimeOfDay(null)).toBe(false);
  });
});
