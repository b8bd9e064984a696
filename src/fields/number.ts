import { decimalToString, parseDecimalText, parsePlainDecimal, type DecimalParts } from './decimal';
import { quoteValue } from './messages';
import { numberFormatter } from './numberFormat';
import type { FieldDef, FieldTypeModule, ParseResult } from './types';

// Fraction digits shown when the field sets no decimals: enough for typed values,
// few enough to hide float noise such as 0.30000000000000004.
const DEFAULT_MAX_DECIMALS = 10;
const EXPONENT = /^(.+?)[eE]([+-]?\d{1,3})$/;

export const numberField: FieldTypeModule<number> = {
  type: 'number',
  label: 'Number',

  parse(text, _field, ctx) {
    return readNumber(text, (body) => parseDecimalText(body, ctx.locale) ?? parsePlainDecimal(body));
  },

  format(value, field, ctx) {
    return numberFormatter(ctx.locale, displayDigits(field, DEFAULT_MAX_DECIMALS)).format(value);
  },

  validate(value) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'A number value must be a finite number';
    return null;
  },

  compare(a, b) {
    return a - b;
  },

  toCsv(value) {
    return String(value);
  },

  // CSV files use a dot decimal, so the plain form wins: '1.234' is 1.234 even
  // in a German workbook. Text that is not plain falls back to the locale's form.
  fromCsv(text, _field, ctx) {
    return readNumber(text, (body) => parsePlainDecimal(body) ?? parseDecimalText(body, ctx.locale));
  },
};

/** Intl options for the digits after the decimal point that a number or percent field shows. */
export function displayDigits(field: FieldDef, defaultMax: number): Intl.NumberFormatOptions {
  const decimals = field.settings.decimals;
  if (decimals === undefined) return { minimumFractionDigits: 0, maximumFractionDigits: defaultMax };
  const digits = Math.min(Math.max(Math.trunc(decimals), 0), 20);
  return { minimumFractionDigits: digits, maximumFractionDigits: digits };
}

function readNumber(text: string, readDecimal: (body: string) => DecimalParts | null): ParseResult<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };

  // Excel writes large and small numbers as 1.23E+15.
  const exponentMatch = EXPONENT.exec(trimmed);
  const mantissa = readDecimal(exponentMatch?.[1] ?? trimmed);
  const value = mantissa ? Number(`${decimalToString(mantissa)}e${exponentMatch?.[2] ?? '0'}`) : NaN;

  if (!Number.isFinite(value)) return { ok: false, error: `${quoteValue(text)} is not a valid number` };
  return { ok: true, value };
}
