import { describe, expect, it } from 'vitest';
import { currencyField, minorDigits, minorToAmount } from './currency';
import { makeContext, makeField } from './testFields';

const field = makeField('currency');
const gb = makeContext({ locale: 'en-GB', currency: 'GBP' });
const de = makeContext({ locale: 'de-DE', currency: 'EUR' });
const jp = makeContext({ locale: 'ja-JP', currency: 'JPY' });
const bh = makeContext({ locale: 'en-GB', currency: 'BHD' });

describe('currencyField.parse', () => {
  it.each([
    ['£1,234.50', gb, 123450, 'GBP'],
    ['1234.5', gb, 123450, 'GBP'],
    ['-12', gb, -1200, 'GBP'],
    ['-£12.05', gb, -1205, 'GBP'],
    ['£-12.05', gb, -1205, 'GBP'],
    ['(£3.10)', gb, -310, 'GBP'],
    ['GBP 7', gb, 700, 'GBP'],
    ['1.234,50 €', de, 123450, 'EUR'],
    ['-1.234,50 €', de, -123450, 'EUR'],
    ['EUR 5', de, 500, 'EUR'],
    ['¥1,235', jp, 1235, 'JPY'],
    ['1.234', bh, 1234, 'BHD'],
    ['12 USD', gb, 1200, 'USD'],
    ['0.1', gb, 10, 'GBP'],
    ['1.10', gb, 110, 'GBP'],
    ['1.500', gb, 150, 'GBP'],
  ])('reads %s', (text, ctx, minor, currency) => {
    expect(currencyField.parse(text, field, ctx)).toEqual({ ok: true, value: { minor, currency } });
  });

  it('builds minor units without float error', () => {
    // 1.15 * 100 is 114.99999999999999 in floating point.
    expect(currencyField.parse('1.15', field, gb)).toEqual({ ok: true, value: { minor: 115, currency: 'GBP' } });
    expect(currencyField.parse('4.35', field, gb)).toEqual({ ok: true, value: { minor: 435, currency: 'GBP' } });
  });

  it('rejects more decimals than the currency has', () => {
    expect(currencyField.parse('12.345', field, gb)).toEqual({
      ok: false,
      error: '"12.345" has too many decimal places because GBP has 2',
    });
    expect(currencyField.parse('12.5', field, jp)).toEqual({
      ok: false,
      error: '"12.5" has too many decimal places because JPY has no minor units',
    });
  });

  it.each(['12abc', 'abc', '$12', 'XYZ 12', '£', '--12', '(-12)'])('rejects %s', (text) => {
    expect(currencyField.parse(text, field, gb)).toEqual({
      ok: false,
      error: `"${text}" is not a valid amount of money`,
    });
  });

  it('rejects amounts past safe integers', () => {
    const result = currencyField.parse('99999999999999999', field, gb);
    expect(result).toEqual({ ok: false, error: '"99999999999999999" is too large an amount' });
  });

  it('reads empty text as null', () => {
    expect(currencyField.parse('', field, gb)).toEqual({ ok: true, value: null });
  });
});

describe('currencyField.format', () => {
  it('uses the locale currency style', () => {
    expect(currencyField.format({ minor: 123450, currency: 'GBP' }, field, gb)).toBe('£1,234.50');
    expect(currencyField.format({ minor: -123450, currency: 'EUR' }, field, de)).toBe('-1.234,50\u00a0€');
    expect(currencyField.format({ minor: 1235, currency: 'JPY' }, field, gb)).toBe('JP¥1,235');
    expect(currencyField.format({ minor: 1234, currency: 'BHD' }, field, gb)).toBe('BHD\u00a01.234');
  });

  it('formats large amounts exactly', () => {
    expect(currencyField.format({ minor: 900719925474099, currency: 'GBP' }, field, gb)).toBe('£9,007,199,254,740.99');
  });
});

describe('currencyField CSV', () => {
  it('writes plain amounts with the currency digits', () => {
    expect(currencyField.toCsv({ minor: 123450, currency: 'GBP' }, field, gb)).toBe('1234.50');
    expect(currencyField.toCsv({ minor: -5, currency: 'GBP' }, field, gb)).toBe('-0.05');
    expect(currencyField.toCsv({ minor: 1235, currency: 'JPY' }, field, jp)).toBe('1235');
    expect(currencyField.toCsv({ minor: 1234, currency: 'BHD' }, field, bh)).toBe('1.234');
  });

  it('writes the code of another currency', () => {
    expect(currencyField.toCsv({ minor: 1200, currency: 'USD' }, field, gb)).toBe('12.00 USD');
  });

  it('round-trips in every locale', () => {
    const values = [
      { minor: 123450, currency: 'EUR' },
      { minor: -1, currency: 'EUR' },
      { minor: 1200, currency: 'USD' },
    ];
    for (const value of values) {
      expect(currencyField.fromCsv(currencyField.toCsv(value, field, de), field, de)).toEqual({ ok: true, value });
    }
  });

  it('reads dot decimals first', () => {
    expect(currencyField.fromCsv('1.234', field, de)).toEqual({
      ok: false,
      error: '"1.234" has too many decimal places because EUR has 2',
    });
    expect(currencyField.fromCsv('1.234,50', field, de)).toEqual({
      ok: true,
      value: { minor: 123450, currency: 'EUR' },
    });
  });
});

describe('currencyField checks', () => {
  it('validates the stored shape', () => {
    expect(currencyField.validate({ minor: 1, currency: 'GBP' }, field)).toBeNull();
    expect(currencyField.validate({ minor: 1.5, currency: 'GBP' }, field)).not.toBeNull();
    expect(currencyField.validate({ minor: 2 ** 53, currency: 'GBP' }, field)).not.toBeNull();
    expect(currencyField.validate({ minor: 1, currency: 'gbp' }, field)).not.toBeNull();
    expect(currencyField.validate(1, field)).not.toBeNull();
  });

  it('compares within and across currencies', () => {
    expect(currencyField.compare({ minor: 5, currency: 'GBP' }, { minor: 10, currency: 'GBP' }, field)).toBeLessThan(0);
    expect(
      currencyField.compare({ minor: 500, currency: 'USD' }, { minor: 10, currency: 'EUR' }, field),
    ).toBeGreaterThan(0);
  });

  it('learns minor digits from Intl', () => {
    expect(minorDigits('GBP')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('BHD')).toBe(3);
    expect(minorToAmount(7, 2)).toBe('0.07');
    expect(minorToAmount(-1234, 0)).toBe('-1234');
  });
});
