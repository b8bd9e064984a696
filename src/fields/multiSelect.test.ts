import { describe, expect, it } from 'vitest';
import { multiSelectField } from './multiSelect';
import { makeContext, makeField } from './testFields';

const options = [
  { id: 't-vip', label: 'VIP' },
  { id: 't-news', label: 'Newsletter' },
  { id: 't-sj', label: 'Smith, Jones' },
  { id: 't-event', label: 'Event' },
];
const field = makeField('multiSelect', options);
const ctx = makeContext();

describe('multiSelectField.parse', () => {
  it.each([
    ['VIP, Newsletter', ['t-vip', 't-news']],
    ['vip;newsletter', ['t-vip', 't-news']],
    ['VIP ::: Event', ['t-vip', 't-event']],
    ['Newsletter,VIP,', ['t-news', 't-vip']],
    ['VIP, vip', ['t-vip']],
    ['Smith, Jones', ['t-sj']],
    ['VIP, Smith, Jones, Event', ['t-vip', 't-sj', 't-event']],
    [' , ; ', null],
  ])('reads %s', (text, expected) => {
    expect(multiSelectField.parse(text, field, ctx)).toEqual({ ok: true, value: expected });
  });

  it('rejects one unknown label', () => {
    expect(multiSelectField.parse('VIP, Gold', field, ctx)).toEqual({
      ok: false,
      error: '"Gold" in "VIP, Gold" is not one of the choices. The choices are: VIP, Newsletter, Smith, Jones, Event.',
    });
  });

  it('rejects several unknown labels', () => {
    const result = multiSelectField.parse('Gold; Silver', field, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^"Gold", "Silver" in "Gold; Silver" are not among the choices\./);
  });

  it('reads empty text as null', () => {
    expect(multiSelectField.parse('', field, ctx)).toEqual({ ok: true, value: null });
  });
});

describe('multiSelectField output and checks', () => {
  it('joins labels', () => {
    expect(multiSelectField.format(['t-vip', 't-news'], field, ctx)).toBe('VIP, Newsletter');
    expect(multiSelectField.toCsv(['t-news', 't-vip'], field, ctx)).toBe('Newsletter, VIP');
  });

  it('round-trips labels with commas', () => {
    const value = ['t-sj', 't-vip'];
    expect(multiSelectField.fromCsv(multiSelectField.toCsv(value, field, ctx), field, ctx)).toEqual({
      ok: true,
      value,
    });
  });

  it('compares by option order', () => {
    expect(multiSelectField.compare(['t-vip'], ['t-news'], field)).toBeLessThan(0);
    expect(multiSelectField.compare(['t-vip'], ['t-vip', 't-news'], field)).toBeLessThan(0);
    expect(multiSelectField.compare(['t-event'], ['t-vip', 't-event'], field)).toBeGreaterThan(0);
    expect(multiSelectField.compare(['t-vip', 't-news'], ['t-vip', 't-news'], field)).toBe(0);
  });

  it('validates lists of known ids', () => {
    expect(multiSelectField.validate(['t-vip'], field)).toBeNull();
    expect(multiSelectField.validate(['t-vip', 'gone'], field)).toBe('The options "gone" no longer exist');
    expect(multiSelectField.validate('t-vip', field)).not.toBeNull();
    expect(multiSelectField.validate([1], field)).not.toBeNull();
  });
});
