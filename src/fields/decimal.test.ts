import { describe, expect, it } from 'vitest';
import {
  decimalPartsFromNumber,
  decimalToString,
  numberSeparators,
  parseDecimalText,
  parsePlainDecimal,
  shiftDecimal,
} from './decimal';

function read(text: string, locale: string): string | null {
  const parts = parseDecimalText(text, locale);
  return parts ? decimalToString(parts) : null;
}

describe('numberSeparators', () => {
  it('learns marks from Intl', () => {
    expect(numberSeparators('en-GB')).toEqual({ decimal: '.', group: ',' });
    expect(numberSeparators('de')).toEqual({ decimal: ',', group: '.' });
    expect(numberSeparators('fr').decimal).toBe(',');
  });
});

describe('parseDecimalText', () => {
  it.each([
    ['1,234.5', 'en-GB', '1234.5'],
    ['1.234,5', 'de', '1234.5'],
    ['1 234,5', 'fr', '1234.5'],
    ['1\u202f234,5', 'fr', '1234.5'],
    ['1 234,5', 'en-GB', '1234.5'],
    ["1'234.5", 'de-CH', '1234.5'],
    ['12,34,567', 'en-IN', '1234567'],
    ['1,234,567', 'en-GB', '1234567'],
    ['1.234.567', 'de', '1234567'],
    ['-12', 'en-GB', '-12'],
    ['+12', 'en-GB', '12'],
    ['\u221212', 'en-GB', '-12'],
    ['(12.50)', 'en-GB', '-12.5'],
    ['.5', 'en-GB', '0.5'],
    [',5', 'de', '0.5'],
    ['007', 'en-GB', '7'],
    ['-0', 'en-GB', '0'],
  ])('reads %s in %s', (text, locale, expected) => {
    expect(read(text, locale)).toBe(expected);
  });

  it('reads one mark with three digits by locale', () => {
    expect(read('1,234', 'en-GB')).toBe('1234');
    expect(read('1,234', 'de')).toBe('1.234');
    expect(read('1.234', 'en-GB')).toBe('1.234');
    expect(read('1.234', 'de')).toBe('1234');
  });

  it('reads a lone mark without three digits as decimal', () => {
    expect(read('1,5', 'en-GB')).toBe('1.5');
    expect(read('1.5', 'de')).toBe('1.5');
    expect(read('12,34', 'en-GB')).toBe('12.34');
  });

  it.each(['12abc', 'abc', '1,2,3', '1.234.5', '1 23', '1,234.5.6', '1.', '', '-', '(-12)', '1 234.567,8', '0,123'])(
    'rejects %s',
    (text) => {
      expect(parseDecimalText(text, 'en-GB')).toBeNull();
    },
  );
});

describe('parsePlainDecimal', () => {
  it('reads dot decimals only', () => {
    expect(decimalToString(parsePlainDecimal('-1234.50')!)).toBe('-1234.5');
    expect(decimalToString(parsePlainDecimal('.5')!)).toBe('0.5');
    expect(parsePlainDecimal('1,234')).toBeNull();
    expect(parsePlainDecimal('.')).toBeNull();
  });
});

describe('shiftDecimal', () => {
  it('moves the point without float error', () => {
    expect(decimalToString(shiftDecimal(parsePlainDecimal('14.3')!, -2))).toBe('0.143');
    expect(decimalToString(shiftDecimal(parsePlainDecimal('0.143')!, 2))).toBe('14.3');
    expect(decimalToString(shiftDecimal(parsePlainDecimal('5')!, 3))).toBe('5000');
    expect(decimalToString(shiftDecimal(parsePlainDecimal('-5')!, -4))).toBe('-0.0005');
  });

  it('expands exponent notation', () => {
    expect(decimalToString(decimalPartsFromNumber(1e-7))).toBe('0.0000001');
    expect(decimalToString(decimalPartsFromNumber(1.5e21))).toBe('1500000000000000000000');
    expect(decimalToString(decimalPartsFromNumber(-0.25))).toBe('-0.25');
  });
});
