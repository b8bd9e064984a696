// Number, money and date formats for the dashboard, in the workbook locale.

import { minorDigits } from '../fields/currency';
import { mixedCurrencyMessage } from './metrics/money';
import type { MoneyTotal, PeriodKind } from './metrics/types';

export interface Formatters {
  /** Formats minor units of a currency, rounding to its minor unit: (123456, 'GBP') is '£1,234.56'. */
  money(minor: number, currency: string): string;
  /** Formats a total, or returns the sentence that explains why there is none. */
  moneyTotal(total: MoneyTotal): string;
  /** Formats a fraction as a whole percent: 0.436 is '44%'. */
  percent(fraction: number): string;
  number(value: number, maximumFractionDigits?: number): string;
  /** Formats 'YYYY-MM-DD' as a medium date, such as '4 Dec 2026'. */
  day(day: string): string;
  /** Formats 'YYYY-MM' as a month and year, short ('Dec 2026') or long ('December 2026'). */
  month(month: string, style?: 'short' | 'long'): string;
}

/** Days and months are formatted in UTC, so the day a string names never shifts with the time zone. */
function utcDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year!, (month ?? 1) - 1, date ?? 1));
}

export function createFormatters(locale: string): Formatters {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const longMonth = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const money = (minor: number, currency: string) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** minorDigits(currency));

  return {
    money,
    moneyTotal: (total) => (total.ok ? money(total.minor, total.currency) : mixedCurrencyMessage(total.currencies)),
    percent: (fraction) => percent.format(fraction),
    number: (value, maximumFractionDigits = 0) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value),
    day: (value) => day.format(utcDate(value)),
    month: (value, style = 'short') => (style === 'long' ? longMonth : shortMonth).format(utcDate(`${value}-01`)),
  };
}

export const PERIOD_NAMES: Record<PeriodKind, string> = {
  month: 'This month',
  quarter: 'This quarter',
  year: 'This year',
  all: 'All time',
  custom: 'Custom dates',
};

/** Returns the period in lower case, as it follows a figure's label: 'this month', 'all time'. */
export function periodPhrase(kind: PeriodKind): string {
  if (kind === 'custom') return 'in the chosen dates';
  return PERIOD_NAMES[kind].toLowerCase();
}

/** Returns '1 deal' or '3 deals'. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}
