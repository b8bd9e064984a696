import { describe, expect, it } from 'vitest';
import { percentField } from './percent';
import { makeContext, makeField } from './testFields';

const field = makeField('percent');
const gb = makeContext({ locale: 'en-GB' });
const de = makeContext({ locale: 'de-DE' });

describe('percentField.parse', () => {
  it.each([
    ['25%', 0.25],
    ['25', 0.25],
    [' 25 % ', 0.25],
    ['%25', 0.25],
    ['12.5%', 0.125],
    ['14.3', 0.143],
    ['0.25', 0.0025],
    ['-3%', -0.03],
    ['150%', 1.5],
    ['0', 0],
  ])('reads %s as points', (text, expected) => {
    expect(percentField.parse(text, field, gb)).toEqual({ ok: true, value: expected });
  });

  it('reads the locale decimal mark', () => {
    expect(percentField.parse('12,5 %', field, de)).toEqual({ ok: true, value: 0.125 });
  });

  it.each(['abc', '25%%', '2 5%', '%'])('rejects %s', (text) => {
    expect(percentField.parse(text, field, gb)).toEqual({ ok: false, error: `"${text}" is not a valid percentage` });
  });

  it('reads empty text as null', () => {
    expect(percentField.parse('', field, gb)).toEqual({ ok: true, value: null });
  });
});

describe('percentField.format', () => {
  it('uses Intl percent', () => {
    expect(percentField.format(0.25, field, gb)).toBe('25%');
    expect(percentField.format(0.125, field, gb)).toBe('12.5%');
    expect(percentField.format(0.125, field, de)).toBe('12,5\u00a0%');
  });

  it('respects decimals', () => {
    expect(percentField.format(0.25, makeField('percent', undefined, 1), gb)).toBe('25.0%');
    expect(percentField.format(1 / 3, field, gb)).toBe('33.33%');
  });
});

describe('percentField CSV', () => {
  it('writes plain points', () => {
    expect(percentField.toCsv(0.25, field, gb)).toBe('25');
    expect(percentField.toCsv(0.143, field, de)).toBe('14.3');
    expect(percentField.toCsv(-0.0005, field, gb)).toBe('-0.05');
  });

  it('round-trips', () => {
    for (const value of [0.25, 0.143, 1.5, -0.0005, 1e-9, 0.1 + 0.2]) {
      expect(percentField.fromCsv(percentField.toCsv(value, field, de), field, de)).toEqual({ ok: true, value });
    }
  });

  it('reads a percent sign from other programs', () => {
    expect(percentField.fromCsv('25.00%', field, gb)).toEqual({ ok: true, value: 0.25 });
  });
});

describe('percentField checks', () => {
  it('validates finite numbers', () => {
    expect(percentField.validate(0.5, field)).toBeNull();
    expect(percentField.validate(Infinity, field)).not.toBeNull();
  });

  it('compares numerically', () => {
    expect(percentField.compare(0.1, 0.2, field)).toBeLessThan(0);
  });
});

describe('a probability column', () => {
  const probability = { ...makeField('percent'), role: 'probability' as const };

  it('accepts 0% to 100%', () => {
    expect(percentField.parse('0', probability, gb)).toEqual({ ok: true, value: 0 });
    expect(percentField.parse('100%', probability, gb)).toEqual({ ok: true, value: 1 });
    expect(percentField.validate(0.4, probability)).toBeNull();
  });

  it('rejects a value above 100% or below 0%', () => {
    expect(percentField.parse('150', probability, gb)).toEqual({
      ok: false,
      error: '"150" is not a valid probability. Write a percentage from 0% to 100%.',
    });
    expect(percentField.fromCsv('-5', probability, gb).ok).toBe(false);
    expect(percentField.validate(1.5, probability)).toBe('A probability must be from 0% to 100%');
  });
});
