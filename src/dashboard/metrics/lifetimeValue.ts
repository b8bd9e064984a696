// Customer lifetime value, estimated the simple way:
// average sale value × purchases per customer per year × expected years retained.
// Each input comes from the sales and can be overridden by the user.

import { ROLE_LABELS } from './columns';
import { customersOf, customerSheets, churnDay, type Customer } from './customers';
import { DAYS_PER_YEAR, daysBetween } from './dates';
import { currenciesOf } from './money';
import type { SalesData } from './sales';
import type { MetricsInput, RowsTarget } from './types';

/**
 * Shortest span, in years, that a purchase rate is taken over: one month. A
 * customer who joined this week and bought once would otherwise count as
 * dozens of purchases a year.
 */
export const MIN_RATE_YEARS = 1 / 12;

export interface LifetimeInputs {
  /** Mean sale value in minor units. */
  averageSale: number | null;
  purchasesPerYear: number | null;
  yearsRetained: number | null;
}

export interface CustomerLifetime {
  sheetId: string;
  rowId: string;
  name: string;
  former: boolean;
  /** Revenue to date in minor units. */
  revenue: number;
  purchases: number;
  /** Years from the customer's start to today, or to their last sale when they have left. */
  tenureYears: number | null;
  purchasesPerYear: number | null;
  target: RowsTarget;
}

export interface LifetimeValueMetrics {
  missing: string[];
  mixedCurrencies: string[] | null;
  currency: string;
  /** Inputs taken from the data, before any override. */
  inputs: LifetimeInputs;
  /** Customers with at least one sale, highest revenue first. */
  customers: CustomerLifetime[];
  /** Customers on the customer sheets without a sale. */
  withoutSales: number;
  /** Sales that link to no customer, left out of every figure here. */
  salesWithoutCustomer: number;
}

/** Returns average sale × purchases per year × years retained, or null when an input is missing. */
export function estimateLifetimeValue(inputs: LifetimeInputs): number | null {
  const { averageSale, purchasesPerYear, yearsRetained } = inputs;
  if (averageSale === null || purchasesPerYear === null || yearsRetained === null) return null;
  return averageSale * purchasesPerYear * yearsRetained;
}

/**
 * Returns a customer's estimated lifetime value in minor units. A former
 * customer's is what they spent. An active customer's is their own average
 * sale × their purchases per year × the expected years retained, or × their
 * tenure so far when that is longer, and never less than they have spent.
 */
export function customerLifetimeValue(customer: CustomerLifetime, yearsRetained: number | null): number | null {
  if (customer.former) return customer.revenue;
  if (customer.purchasesPerYear === null || customer.tenureYears === null || yearsRetained === null) return null;
  const averageSale = customer.revenue / customer.purchases;
  const estimate = averageSale * customer.purchasesPerYear * Math.max(yearsRetained, customer.tenureYears);
  return Math.max(customer.revenue, Math.round(estimate));
}

/** Years from a customer's start to today, or to the day they left. */
function tenureYears(customer: Customer, end: string | null): number | null {
  if (customer.start === null || end === null) return null;
  return Math.max(0, daysBetween(customer.start, end)) / DAYS_PER_YEAR;
}

export function computeLifetimeValue(input: MetricsInput, salesData: SalesData): LifetimeValueMetrics {
  const { sales, sources } = salesData;
  const result: LifetimeValueMetrics = {
    missing: [],
    mixedCurrencies: null,
    currency: input.currency,
    inputs: { averageSale: null, purchasesPerYear: null, yearsRetained: null },
    customers: [],
    withoutSales: 0,
    salesWithoutCustomer: sales.filter((sale) => sale.customer === null).length,
  };

  const sheets = customerSheets(input.sheets, sources);
  if (sheets.length === 0) {
    result.missing.push(
      sources.length === 0
        ? `Add a sales sheet with a date column, a column with the ${ROLE_LABELS.dealValue} role and a column with ` +
            `the ${ROLE_LABELS.contact} role (a link to the customer) to see what each customer is worth.`
        : `Add a column with the ${ROLE_LABELS.contact} role (a link to the customer) to ` +
            `${sources.map((source) => `"${source.sheet.name}"`).join(' and ')} to see what each customer is worth.`,
    );
    return result;
  }

  const linked = sales.filter((sale) => sale.customer !== null);
  const currencies = currenciesOf(linked.map((sale) => sale.amount));
  if (currencies.length > 1) {
    result.mixedCurrencies = currencies;
    return result;
  }
  result.currency = currencies[0] ?? input.currency;

  for (const data of sheets) {
    for (const customer of customersOf(data, linked)) {
      if (customer.sales.length === 0) {
        result.withoutSales += 1;
        continue;
      }
      const end = customer.former ? (churnDay(customer, data.sheet) ?? customer.lastSale) : input.today;
      const tenure = tenureYears(customer, end);
      result.customers.push({
        sheetId: customer.sheetId,
        rowId: customer.rowId,
        name: customer.name,
        former: customer.former,
        revenue: customer.revenue,
        purchases: customer.sales.length,
        tenureYears: tenure,
        purchasesPerYear: tenure === null ? null : customer.sales.length / Math.max(tenure, MIN_RATE_YEARS),
        target: { sheetId: customer.sheetId, filters: {}, rowId: customer.rowId },
      });
    }
  }
  result.customers.sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name));
  result.inputs = lifetimeInputs(result.customers);
  return result;
}

/**
 * Takes the estimate's inputs from the customers who bought something:
 * the mean of all their sales, their purchases divided by their years as
 * customers, and their mean tenure in years.
 *
 * NOTE: the customer-years cancel out, so with all three inputs from the data
 * the estimate is the revenue per buying customer so far (when each tenure is
 * a month or more). Active customers have not finished their tenure, so only
 * an expected years retained typed by the user makes it a forecast.
 */
export function lifetimeInputs(customers: CustomerLifetime[]): LifetimeInputs {
  const purchases = customers.reduce((total, customer) => total + customer.purchases, 0);
  const revenue = customers.reduce((total, customer) => total + customer.revenue, 0);
  const withTenure = customers.filter((customer) => customer.tenureYears !== null);
  const years = withTenure.reduce((total, customer) => total + customer.tenureYears!, 0);
  const rateYears = withTenure.reduce((total, customer) => total + Math.max(customer.tenureYears!, MIN_RATE_YEARS), 0);
  const purchasesWithTenure = withTenure.reduce((total, customer) => total + customer.purchases, 0);

  return {
    averageSale: purchases > 0 ? revenue / purchases : null,
    purchasesPerYear: withTenure.length > 0 ? purchasesWithTenure / rateYears : null,
    yearsRetained: withTenure.length > 0 ? years / withTenure.length : null,
  };
}
