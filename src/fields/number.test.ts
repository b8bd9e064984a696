import { describe, expect, it } from 'vitest';
import { numberField } from './number';
import { makeContext, makeField } from './testFields';

const field = makeField('number');
const gb = makeContext({ locale: 'en-GB' });
const de = makeContext({ locale: 'de-DE' });
const fr = makeContext({ locale: 'fr-FR' });

describe('numberField.parse', () => {
  it.each([
    ['1,234.5', gb, 1234.5],
    ['1.234,5', de, 1234.5],
    ['1 234,5', fr, 1234.5],
    ['1 234,5', gb, 1234.5],
    ['1,234', gb, 1234],
    ['1,234', de, 1.234],
    ['1.234', de, 1234],
    ['-12', gb, -12],
    ['  42  ', gb, 42],
    ['0.1', gb, 0.1],
    ['1.23E+5', gb, 123000],
    ['1,5e-3', de, 0.0015],
  ])('reads %s', (text, ctx, expected) => {
    expect(numberField.parse(text, field, ctx)).toEqual({ ok: true, value: expected });
  });

  it.each(['12abc', 'abc', '1,2,3', 'Infinity', 'NaN', '1e999', '--1'])('rejects %s', (text) => {
    expect(numberField.parse(text, field, gb)).toEqual({ ok: false, error: `"${text}" is not a valid number` });
  });

  it('reads empty text as null', () => {
    expect(numberField.parse(' ', field, gb)).toEqual({ ok: true, value: null });
  });
});

describe('numberField.format', () => {
  it('uses the locale', () => {
    expect(numberField.format(1234.5, field, gb)).toBe('1,234.5');
    expect(numberField.format(1234.5, field, de)).toBe('1.234,5');
  });

  it('respects decimals', () => {
    expect(numberField.format(1234.5, makeField('number', undefined, 2), gb)).toBe('1,234.50');
    expect(numberField.format(2.345, makeField('number', undefined, 0), gb)).toBe('2');
  });

  it('hides float noise', () => {
    expect(numberField.format(0.1 + 0.2, field, gb)).toBe('0.3');
  });
});

describe('numberField CSV', () => {
  it('writes plain numbers', () => {
    expect(numberField.toCsv(1234.5, field, de)).toBe('1234.5');
    expect(numberField.toCsv(-0.25, field, gb)).toBe('-0.25');
  });

  it('reads dot decimals first in any locale', () => {
    expect(numberField.fromCsv('1234.5', field, de)).toEqual({ ok: true, value: 1234.5 });
    expect(numberField.fromCsv('1.234', field, de)).toEqual({ ok: true, value: 1.234 });
    expect(numberField.fromCsv('1.234,5', field, de)).toEqual({ ok: true, value: 1234.5 });
  });

  it('round-trips large and small numbers', () => {
    for (const value of [1e21, 1e-7, 123456789.125, -3]) {
      expect(numberField.fromCsv(numberField.toCsv(value, field, gb), field, gb)).toEqual({ ok: true, value });
    }
  });
});

describe('numberField checks', () => {
  it('validates finite numbers', () => {
    expect(numberField.validate(1, field)).toBeNull();
    expect(numberField.validate(NaN, field)).not.toBeNull();
    expect(numberField.validate('1', field)).not.toBeNull();
  });

  it('compares numerically', () => {
    expect(numberField.compare(2, 10, field)).toBeLessThan(0);
    expect(numberField.compare(-1, -1, field)).toBe(0);
  });
});
