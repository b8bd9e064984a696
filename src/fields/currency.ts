import { parseDecimalText, parsePlainDecimal, type DecimalParts } from './decimal';
import { quoteValue } from './messages';
import { numberFormatter } from './numberFormat';
import type { FieldContext, FieldTypeModule, MoneyValue, ParseResult } from './types';

const CURRENCY_CODE = /^[A-Z]{3}$/;
const LEADING_CODE = /^([A-Za-z]{3})(?![A-Za-z])/;
const TRAILING_CODE = /(?<![A-Za-z])([A-Za-z]{3})$/;

export const currencyField: FieldTypeModule<MoneyValue> = {
  type: 'currency',
  label: 'Currency',

  parse(text, _field, ctx) {
    return readMoney(text, ctx, (amount) => parseDecimalText(amount, ctx.locale) ?? parsePlainDecimal(amount));
  },

  format(value, _field, ctx) {
    const amount = minorToAmount(value.minor, minorDigits(value.currency));
    return numberFormatter(ctx.locale, { style: 'currency', currency: value.currency }).format(amount as `${number}`);
  },

  validate(value) {
    if (typeof value !== 'object' || value === null) return 'A currency value must be an object';
    const money = value as Partial<MoneyValue>;
    if (!Number.isSafeInteger(money.minor)) return 'A currency value needs minor units as a safe integer';
    if (typeof money.currency !== 'string' || !CURRENCY_CODE.test(money.currency)) {
      return 'A currency value needs a three-letter ISO 4217 currency code';
    }
    return null;
  },

  // Amounts in different currencies cannot be ranked, so they group by code.
  compare(a, b) {
    if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1;
    return a.minor - b.minor;
  },

  // The code is written only for an amount in another currency than the
  // workbook's, so a one-currency export stays a plain numeric column.
  toCsv(value, _field, ctx) {
    const amount = minorToAmount(value.minor, minorDigits(value.currency));
    return value.currency === ctx.currency ? amount : `${amount} ${value.currency}`;
  },

  fromCsv(text, _field, ctx) {
    return readMoney(text, ctx, (amount) => parsePlainDecimal(amount) ?? parseDecimalText(amount, ctx.locale));
  },
};

const digitsByCurrency = new Map<string, number>();

/** Returns the number of minor-unit digits of a currency: 2 for GBP, 0 for JPY, 3 for BHD. */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Writes minor units as a plain amount with a dot decimal: (123450, 2) is '1234.50'. */
export function minorToAmount(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const units = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + units;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

function readMoney(
  text: string,
  ctx: FieldContext,
  readAmount: (amount: string) => DecimalParts | null,
): ParseResult<MoneyValue> {
  let body = text.trim().replace(/\u2212/g, '-');
  if (body === '') return { ok: true, value: null };
  const invalid = { ok: false as const, error: `${quoteValue(text)} is not a valid amount of money` };

  let accountingNegative = false;
  if (body.startsWith('(') && body.endsWith(')')) {
    accountingNegative = true;
    body = body.slice(1, -1).trim();
  }
  let sign = '';
  if (body.startsWith('-') || body.startsWith('+')) {
    sign = body[0] ?? '';
    body = body.slice(1).trim();
  }

  const marked = stripCurrencyMark(body, ctx.currency);
  if (!marked) return invalid;
  const parts = readAmount(sign + marked.amount);
  if (!parts || (accountingNegative && sign !== '')) return invalid;
  if (accountingNegative) parts.negative = parts.integer !== '0' || parts.fraction !== '';

  const digits = minorDigits(marked.currency);
  if (parts.fraction.length > digits) {
    const allowed = digits === 0 ? `${marked.currency} has no minor units` : `${marked.currency} has ${digits}`;
    return { ok: false, error: `${quoteValue(text)} has too many decimal places because ${allowed}` };
  }

  const minor = Number(parts.integer + parts.fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, error: `${quoteValue(text)} is too large an amount` };
  return { ok: true, value: { minor: parts.negative ? -minor : minor, currency: marked.currency } };
}

/**
 * Removes a currency mark before or after the amount. The workbook currency
 * may appear as its symbol or code, another currency only as its ISO code.
 * Returns null when an unknown three-letter code is found.
 */
function stripCurrencyMark(body: string, workbookCurrency: string): { amount: string; currency: string } | null {
  for (const symbol of currencySymbols(workbookCurrency)) {
    if (body.startsWith(symbol)) return { amount: body.slice(symbol.length).trim(), currency: workbookCurrency };
    if (body.endsWith(symbol)) return { amount: body.slice(0, -symbol.length).trim(), currency: workbookCurrency };
  }

  const leading = LEADING_CODE.exec(body);
  const trailing = TRAILING_CODE.exec(body);
  const code = leading?.[1] ?? trailing?.[1];
  if (code === undefined) return { amount: body, currency: workbookCurrency };

  const currency = code.toUpperCase();
  if (!isKnownCurrency(currency)) return null;
  const amount = leading ? body.slice(code.length) : body.slice(0, -code.length);
  return { amount: amount.trim(), currency };
}

const symbolsByCurrency = new Map<string, string[]>();

/** Returns a currency's code and symbols in English and its home locales, longest first. */
function currencySymbols(currency: string): string[] {
  const cached = symbolsByCurrency.get(currency);
  if (cached) return cached;

  const symbols = new Set<string>([currency, currency.toLowerCase()]);
  for (const locale of ['en', 'en-GB', 'en-US', 'de', 'fr', 'ja']) {
    for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
      const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(1);
      const symbol = parts.find((part) => part.type === 'currency')?.value;
      if (symbol) symbols.add(symbol);
    }
  }

  const sorted = [...symbols].sort((a, b) => b.length - a.length);
  symbolsByCurrency.set(currency, sorted);
  return sorted;
}

let knownCurrencies: Set<string> | undefined;

function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}
