// Money read from cells and added up. Amounts stay integer minor units
// (pence, cents) until a total is formatted. Amounts in different currencies
// are never added: the total names the currencies instead.

import { minorDigits } from '../../fields/currency';
import type { CellValue, FieldDef, MoneyValue } from '../../fields/types';
import type { MoneyTotal } from './types';

/**
 * Returns the money in a currency or number cell. A number cell is read
 * as an amount in the workbook currency. Any other cell gives null.
 */
export function moneyFromCell(
  value: CellValue | undefined,
  field: FieldDef,
  workbookCurrency: string,
): MoneyValue | null {
  if (field.type === 'currency') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const money = value as Partial<MoneyValue>;
    if (typeof money.minor !== 'number' || typeof money.currency !== 'string') return null;
    return { minor: money.minor, currency: money.currency };
  }
  if (field.type === 'number' && typeof value === 'number' && Number.isFinite(value)) {
    return { minor: Math.round(value * 10 ** minorDigits(workbookCurrency)), currency: workbookCurrency };
  }
  return null;
}

/** Returns the currencies of some amounts, sorted. */
export function currenciesOf(amounts: MoneyValue[]): string[] {
  return [...new Set(amounts.map((amount) => amount.currency))].sort();
}

/** Adds amounts up. No amounts make zero in the fallback currency. */
export function sumMoney(amounts: MoneyValue[], fallbackCurrency: string): MoneyTotal {
  const currencies = currenciesOf(amounts);
  if (currencies.length > 1) return { ok: false, currencies };
  const minor = amounts.reduce((total, amount) => total + amount.minor, 0);
  return { ok: true, minor, currency: currencies[0] ?? fallbackCurrency };
}

/** Returns the mean amount, in minor units that may have a fraction, or null for no amounts. */
export function averageMoney(amounts: MoneyValue[], fallbackCurrency: string): MoneyTotal | null {
  if (amounts.length === 0) return null;
  const total = sumMoney(amounts, fallbackCurrency);
  return total.ok ? { ...total, minor: total.minor / amounts.length } : total;
}

/** Returns the sentence shown in place of a total whose amounts are in several currencies. */
export function mixedCurrencyMessage(currencies: string[]): string {
  const listed =
    currencies.length <= 2
      ? currencies.join(' and ')
      : `${currencies.slice(0, -1).join(', ')} and ${currencies.at(-1)}`;
  return `These amounts are in ${listed}, so they are not added together. Keep one currency in a column to see this total.`;
}
