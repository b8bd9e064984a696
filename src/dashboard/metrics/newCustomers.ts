// New versus existing customers: revenue in the period from customers whose
// first purchase falls in the period, against customers who first bought
// earlier, with the count and the average net contribution of each group.
// Net contribution is revenue minus the sales' cost, read from a column
// headed 'Cost' (or 'Costs', 'COGS', 'Expenses') on the sales sheet. Without
// such a column the contribution is the revenue.

import type { RowRecord } from '../../db';
import type { FieldDef } from '../../fields/types';
import { ROLE_LABELS } from './columns';
import { customerSheets } from './customers';
import { isInPeriod } from './dates';
import { addApproximation } from './filters';
import { currenciesOf, moneyFromCell } from './money';
import { salesTarget } from './revenue';
import type { Sale, SalesData, SalesSource } from './sales';
import type { MetricsInput, RowsTarget } from './types';

const COST_HEADER = /\b(costs?|cogs|expenses?)\b/i;

export interface CustomerGroup {
  /** Customers with at least one sale in the period. */
  customers: number;
  /** Revenue from their sales in the period, in minor units. */
  revenue: number;
  /** Cost of those sales, in minor units. Zero when no sales sheet has a cost column. */
  cost: number;
  /** (revenue − cost) / customers in minor units, or null when the group is empty. */
  averageContribution: number | null;
  target: RowsTarget | null;
}

export interface NewCustomerMetrics {
  missing: string[];
  mixedCurrencies: string[] | null;
  currency: string;
  /** False for all time, where every first purchase is in the period, so the split is meaningless. */
  applicable: boolean;
  newCustomers: CustomerGroup;
  existingCustomers: CustomerGroup;
  /** Cost columns subtracted, as '"Cost" in "Sales"'. Empty when there are none. */
  costColumns: string[];
}

function emptyGroup(): CustomerGroup {
  return { customers: 0, revenue: 0, cost: 0, averageContribution: null, target: null };
}

/** Returns the cost column of a sales sheet: a currency or number column without a role headed 'Cost' or the like. */
export function findCostField(source: SalesSource): FieldDef | undefined {
  return source.sheet.fields.find(
    (field) =>
      (field.type === 'currency' || field.type === 'number') &&
      !field.role &&
      field.id !== source.amountField.id &&
      COST_HEADER.test(field.name),
  );
}

function customerKey(customer: NonNullable<Sale['customer']>): string {
  return `${customer.sheetId}/${customer.rowId}`;
}

export function computeNewCustomers(input: MetricsInput, salesData: SalesData): NewCustomerMetrics {
  const { period } = input;
  const result: NewCustomerMetrics = {
    missing: [],
    mixedCurrencies: null,
    currency: input.currency,
    applicable: period.start !== null && period.end !== null,
    newCustomers: emptyGroup(),
    existingCustomers: emptyGroup(),
    costColumns: [],
  };
  const sheets = customerSheets(input.sheets, salesData.sources);
  if (sheets.length === 0) {
    result.missing.push(
      `Add a sales sheet with a column with the ${ROLE_LABELS.contact} role (a link to the customer) to compare new and existing customers.`,
    );
    return result;
  }
  if (!result.applicable) return result;

  // Sales of customers that are rows of a customer sheet, so a sale linked to a row in the trash is left out.
  const customerRows = new Set(sheets.flatMap((data) => data.rows.map((row) => `${data.sheet.id}/${row.id}`)));
  const sales = salesData.sales.filter((sale) => sale.customer && customerRows.has(customerKey(sale.customer)));

  const costFields = new Map<string, FieldDef>();
  for (const source of salesData.sources) {
    const field = findCostField(source);
    if (!field) continue;
    costFields.set(source.sheet.id, field);
    result.costColumns.push(`"${field.name}" in "${source.sheet.name}"`);
  }
  const rowsById = new Map<string, RowRecord>();
  for (const data of input.sheets) {
    if (costFields.has(data.sheet.id)) for (const row of data.rows) rowsById.set(row.id, row);
  }
  const costOf = (sale: Sale) => {
    const field = costFields.get(sale.sheetId);
    const row = rowsById.get(sale.rowId);
    return field && row ? moneyFromCell(row.values[field.id], field, input.currency) : null;
  };

  const inPeriod = sales.filter((sale) => isInPeriod(sale.day, period));
  const costs = inPeriod.flatMap((sale) => costOf(sale) ?? []);
  const currencies = currenciesOf([...inPeriod.map((sale) => sale.amount), ...costs]);
  if (currencies.length > 1) {
    result.mixedCurrencies = currencies;
    return result;
  }
  result.currency = currencies[0] ?? input.currency;

  // The first purchase is the earliest dated sale in any period. Every customer with a sale in the period has one.
  const firstPurchase = new Map<string, string>();
  for (const sale of sales) {
    if (sale.day === null) continue;
    const key = customerKey(sale.customer!);
    const known = firstPurchase.get(key);
    if (known === undefined || sale.day < known) firstPurchase.set(key, sale.day);
  }

  const groups = { newCustomers: [] as Sale[], existingCustomers: [] as Sale[] };
  for (const sale of inPeriod) {
    const first = firstPurchase.get(customerKey(sale.customer!))!;
    (first >= period.start! ? groups.newCustomers : groups.existingCustomers).push(sale);
  }

  for (const name of ['newCustomers', 'existingCustomers'] as const) {
    const groupSales = groups[name];
    const customers = new Set(groupSales.map((sale) => customerKey(sale.customer!))).size;
    const revenue = groupSales.reduce((total, sale) => total + sale.amount.minor, 0);
    const cost = groupSales.reduce((total, sale) => total + (costOf(sale)?.minor ?? 0), 0);
    const target = salesTarget(groupSales, salesData.sources, period.start, period.end);
    if (target && groupSales.length > 0) {
      addApproximation(target, 'The sheet shows the sales of new and existing customers in the period.');
    }
    result[name] = {
      customers,
      revenue,
      cost,
      averageContribution: customers === 0 ? null : (revenue - cost) / customers,
      target: groupSales.length > 0 ? target : null,
    };
  }
  return result;
}
