// Revenue by month from the sales (see sales.ts), with the same months a
// year earlier for comparison.

import { ROLE_LABELS } from './columns';
import {
  addMonths,
  firstDayOfMonth,
  isInPeriod,
  lastDayOfMonth,
  monthOf,
  previousYearPeriod,
  quarterStartMonth,
} from './dates';
import { addApproximation, dateBetween, newTarget } from './filters';
import { currenciesOf } from './money';
import type { Sale, SalesData, SalesSource } from './sales';
import type { MetricsInput, Period, RowsTarget } from './types';

/** Months shown when the period is a month or all time: one year of context. */
export const CHART_MONTHS = 12;

export interface MonthRevenue {
  /** 'YYYY-MM' */
  month: string;
  /** Revenue in the month, in minor units. */
  current: number;
  /** Revenue in the same month a year earlier, in minor units. */
  previous: number;
  target: RowsTarget | null;
}

export interface RevenueMetrics {
  /** Sentences naming the columns to add, set when there are no sales sources. */
  missing: string[];
  /** The currencies found when sales are in more than one, so nothing is added up. */
  mixedCurrencies: string[] | null;
  currency: string;
  sourceNames: string[];
  sourceKind: SalesSource['kind'] | null;
  months: MonthRevenue[];
  /** Revenue in the period, in minor units. All time includes sales without a date. */
  total: { minor: number; target: RowsTarget | null };
  /** Revenue in the same period a year earlier, or null for all time. */
  previousTotal: number | null;
  previousTarget: RowsTarget | null;
  /** Sales without a date, which only the all-time total counts. */
  undated: number;
}

/**
 * Returns the months the chart shows: the quarter's three, the year's twelve,
 * a custom period's months (its last twelve when longer), or the last twelve.
 */
export function chartMonths(period: Period, today: string): string[] {
  if (period.kind === 'custom' && period.start && period.end) {
    const first = monthOf(period.start);
    const last = monthOf(period.end);
    const months: string[] = [];
    for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
    return months.slice(-CHART_MONTHS);
  }
  const count = period.kind === 'quarter' ? 3 : CHART_MONTHS;
  const first =
    period.kind === 'quarter'
      ? quarterStartMonth(today)
      : period.kind === 'year'
        ? `${today.slice(0, 4)}-01`
        : addMonths(monthOf(today), 1 - CHART_MONTHS);
  return Array.from({ length: count }, (_, index) => addMonths(first, index));
}

function sumMinor(sales: Sale[]): number {
  return sales.reduce((total, sale) => total + sale.amount.minor, 0);
}

/**
 * Returns a target for some sales between two days: the sheet with the most
 * of them, filtered to those days. Sales on other sheets are noted.
 */
export function salesTarget(
  sales: Sale[],
  sources: SalesSource[],
  start: string | null,
  end: string | null,
): RowsTarget | null {
  const counts = new Map<string, number>();
  for (const sale of sales) counts.set(sale.sheetId, (counts.get(sale.sheetId) ?? 0) + 1);
  const ranked = [...sources].sort((a, b) => (counts.get(b.sheet.id) ?? 0) - (counts.get(a.sheet.id) ?? 0));
  const source = ranked[0];
  if (!source) return null;

  const target = newTarget(source.sheet.id);
  Object.assign(target.filters, source.saleFilters);
  if (start && end) target.filters[source.dateField.id] = dateBetween(start, end);
  const others = ranked.slice(1).filter((other) => (counts.get(other.sheet.id) ?? 0) > 0);
  if (others.length > 0) {
    addApproximation(
      target,
      `Sales on ${others.map((other) => `"${other.sheet.name}"`).join(' and ')} are on other sheets.`,
    );
  }
  return target;
}

export function computeRevenue(input: MetricsInput, salesData: SalesData): RevenueMetrics {
  const { sources, sales } = salesData;
  const result: RevenueMetrics = {
    missing: [],
    mixedCurrencies: null,
    currency: input.currency,
    sourceNames: sources.map((source) => source.sheet.name),
    sourceKind: sources[0]?.kind ?? null,
    months: [],
    total: { minor: 0, target: null },
    previousTotal: null,
    previousTarget: null,
    undated: sales.filter((sale) => sale.day === null).length,
  };
  if (sources.length === 0) {
    result.missing.push(
      `Add a sales sheet with a date column, a column with the ${ROLE_LABELS.dealValue} role and a column with the ` +
        `${ROLE_LABELS.contact} role, or a "Close date" column to a deals sheet, to see revenue.`,
    );
    return result;
  }

  const currencies = currenciesOf(sales.map((sale) => sale.amount));
  if (currencies.length > 1) {
    result.mixedCurrencies = currencies;
    return result;
  }
  result.currency = currencies[0] ?? input.currency;

  const { period, today } = input;
  const inPeriod = sales.filter((sale) => period.kind === 'all' || isInPeriod(sale.day, period));
  result.total = { minor: sumMinor(inPeriod), target: salesTarget(inPeriod, sources, period.start, period.end) };
  const previous = previousYearPeriod(period);
  if (previous) {
    const previousSales = sales.filter((sale) => isInPeriod(sale.day, previous));
    result.previousTotal = sumMinor(previousSales);
    result.previousTarget = salesTarget(previousSales, sources, previous.start, previous.end);
  }

  result.months = chartMonths(period, today).map((month) => {
    const lastYear = addMonths(month, -12);
    const monthSales = sales.filter((sale) => sale.day !== null && monthOf(sale.day) === month);
    return {
      month,
      current: sumMinor(monthSales),
      previous: sumMinor(sales.filter((sale) => sale.day !== null && monthOf(sale.day) === lastYear)),
      target: salesTarget(monthSales, sources, firstDayOfMonth(month), lastDayOfMonth(month)),
    };
  });
  return result;
}
