// Top customers: the share of revenue in the period that comes from the top
// 20% of customers, and who they are.

import { ROLE_LABELS } from './columns';
import { customersOf, customerSheets } from './customers';
import { isInPeriod } from './dates';
import { currenciesOf } from './money';
import type { SalesData } from './sales';
import type { MetricsInput, RowsTarget } from './types';

/** The top fifth of customers, as in the Pareto principle's "80% of revenue from 20% of customers". */
export const TOP_CUSTOMER_PERCENT = 20;

export interface TopCustomer {
  sheetId: string;
  rowId: string;
  name: string;
  /** Revenue in the period, in minor units. */
  revenue: number;
  /** This customer's share of all customer revenue in the period, from 0 to 1. */
  share: number;
  target: RowsTarget;
}

export interface ParetoMetrics {
  missing: string[];
  mixedCurrencies: string[] | null;
  currency: string;
  /** Customers with revenue above zero in the period. */
  customerCount: number;
  /** Revenue of those customers in the period, in minor units. */
  totalRevenue: number;
  /** The top customers, highest revenue first: 20% of customerCount, rounded up. */
  top: TopCustomer[];
  topRevenue: number;
  /** topRevenue / totalRevenue, or null when there is no revenue. */
  share: number | null;
}

export function computePareto(input: MetricsInput, salesData: SalesData): ParetoMetrics {
  const result: ParetoMetrics = {
    missing: [],
    mixedCurrencies: null,
    currency: input.currency,
    customerCount: 0,
    totalRevenue: 0,
    top: [],
    topRevenue: 0,
    share: null,
  };
  const sheets = customerSheets(input.sheets, salesData.sources);
  if (sheets.length === 0) {
    result.missing.push(
      `Add a sales sheet with a column with the ${ROLE_LABELS.contact} role (a link to the customer) to see your top customers.`,
    );
    return result;
  }

  // All time also counts sales without a date, but a period counts only sales dated in it.
  const sales = salesData.sales.filter(
    (sale) => sale.customer !== null && (input.period.kind === 'all' || isInPeriod(sale.day, input.period)),
  );
  const currencies = currenciesOf(sales.map((sale) => sale.amount));
  if (currencies.length > 1) {
    result.mixedCurrencies = currencies;
    return result;
  }
  result.currency = currencies[0] ?? input.currency;

  const buyers = sheets
    .flatMap((data) => customersOf(data, sales))
    .filter((customer) => customer.revenue > 0)
    .sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name));
  result.customerCount = buyers.length;
  result.totalRevenue = buyers.reduce((total, customer) => total + customer.revenue, 0);
  if (buyers.length === 0) return result;

  // Integer arithmetic, so 15 customers give exactly 3 and not 3.0000000000000004 rounded up to 4.
  const topCount = Math.ceil((buyers.length * TOP_CUSTOMER_PERCENT) / 100);
  result.top = buyers.slice(0, topCount).map((customer) => ({
    sheetId: customer.sheetId,
    rowId: customer.rowId,
    name: customer.name,
    revenue: customer.revenue,
    share: customer.revenue / result.totalRevenue,
    target: { sheetId: customer.sheetId, filters: {}, rowId: customer.rowId },
  }));
  result.topRevenue = result.top.reduce((total, customer) => total + customer.revenue, 0);
  result.share = result.topRevenue / result.totalRevenue;
  return result;
}
