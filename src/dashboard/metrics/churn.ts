// Churn: customers whose status is a former-customer choice, when they left,
// the churn rate, and the reasons given.

import type { SheetRecord } from '../../db';
import { cellLabel, fieldWithRole, findChurnDateField, ROLE_LABELS } from './columns';
import { churnDay, customersOf, customerSheets, formerLabels, type Customer } from './customers';
import {
  addMonths,
  firstDayOfMonth,
  instantToDay,
  isInPeriod,
  lastDayOfMonth,
  quarterLabel,
  quarterStartMonth,
} from './dates';
import { addApproximation, addFilter, dateBetween, newTarget, textBlank, textEquals } from './filters';
import type { SalesData } from './sales';
import type { Figure, MetricsInput, Period, RowsTarget, SheetData } from './types';

/** Quarters in the churn chart, the current one last: two years, so a year can be compared with the one before. */
export const CHURN_QUARTERS = 8;

/** Label of the churned customers whose churn reason is empty. */
export const NO_REASON_LABEL = 'No reason given';

export interface ChurnQuarter {
  label: string;
  churned: Figure;
  /** Customers at the first day of the quarter. */
  customersAtStart: number;
  /** churned / customersAtStart, or null when there were none at the start. */
  rate: number | null;
}

export interface ChurnReason {
  label: string;
  customers: Figure;
}

export interface ChurnSheet {
  sheetId: string;
  sheetName: string;
  formerLabels: string[];
  /** Customers who left in the period. All time counts every former customer. */
  churned: Figure;
  /** Customers at the start of the period. All time counts every row. */
  customersAtStart: number;
  rate: number | null;
  quarters: ChurnQuarter[];
  /** Churned customers by reason, most first, or null without a Churn reason column. */
  reasons: ChurnReason[] | null;
  /** Sentence naming the column or rule that gives the day a customer left. */
  churnDateRule: string;
  missing: string[];
}

export interface ChurnMetrics {
  sheets: ChurnSheet[];
  missing: string[];
}

/** Finds the customer sheets: sheets without a Stage column whose status has a former-customer choice. */
function churnSheets(input: MetricsInput): SheetData[] {
  return input.sheets.filter(
    (data) => !fieldWithRole(data.sheet, 'stage') && formerLabels(data.sheet, data.rows).length > 0,
  );
}

function churnDateRule(sheet: SheetRecord): string {
  const column = findChurnDateField(sheet);
  if (column) return `The day a customer left comes from "${column.name}".`;
  return (
    'A former customer counts as leaving on the day of their last sale, or on the day their row was last ' +
    'changed when they have no sales, because the sheet has no churn-date column.'
  );
}

function churnSheet(data: SheetData, salesData: SalesData, input: MetricsInput): ChurnSheet {
  const { sheet, rows } = data;
  const { period } = input;
  const former = formerLabels(sheet, rows);
  const status = fieldWithRole(sheet, 'status')!;
  const reason = fieldWithRole(sheet, 'churnReason');
  const churnColumn = findChurnDateField(sheet);
  const customers = customersOf(data, salesData.sales);

  const startOf = (customer: Customer) => customer.start ?? instantToDay(customer.row.createdAt);
  const leftOn = new Map(
    customers.map((customer) => [customer.rowId, customer.former ? churnDay(customer, sheet) : null]),
  );
  // A former customer whose churn day is unknown is left out of the customers at any start day.
  const isCustomerOn = (customer: Customer, day: string) => {
    const start = startOf(customer);
    if (start === null || start >= day) return false;
    if (!customer.former) return true;
    const left = leftOn.get(customer.rowId) ?? null;
    return left !== null && left >= day;
  };
  const churnedIn = (span: Period) =>
    customers.filter(
      (customer) => customer.former && (span.kind === 'all' || isInPeriod(leftOn.get(customer.rowId) ?? null, span)),
    );

  const churned = churnedIn(period);
  const customersAtStart =
    period.start === null
      ? customers.length
      : customers.filter((customer) => isCustomerOn(customer, period.start!)).length;

  // The former customers who left in a span, as far as a grid filter can show them.
  const churnedTarget = (span: Period): RowsTarget => {
    const target = newTarget(sheet.id);
    addFilter(
      target,
      status.id,
      textEquals(former),
      `The grid cannot filter by ${former.length} former-customer choices at once, so it shows every customer.`,
    );
    if (span.start && span.end) {
      if (churnColumn) target.filters[churnColumn.id] = dateBetween(span.start, span.end);
      else
        addApproximation(
          target,
          'The grid cannot filter by the day a customer left, so it shows every former customer.',
        );
    }
    return target;
  };

  const currentQuarter = quarterStartMonth(input.today);
  const quarters = Array.from({ length: CHURN_QUARTERS }, (_, index) => {
    const first = addMonths(currentQuarter, 3 * (index - CHURN_QUARTERS + 1));
    const span: Period = { kind: 'quarter', start: firstDayOfMonth(first), end: lastDayOfMonth(addMonths(first, 2)) };
    const count = churnedIn(span).length;
    const atStart = customers.filter((customer) => isCustomerOn(customer, span.start!)).length;
    return {
      label: quarterLabel(first),
      churned: { value: count, target: churnedTarget(span) },
      customersAtStart: atStart,
      rate: atStart > 0 ? count / atStart : null,
    };
  });

  let reasons: ChurnReason[] | null = null;
  if (reason) {
    const counts = new Map<string | null, number>();
    for (const customer of churned) {
      const label = cellLabel(customer.row.values[reason.id], reason);
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    reasons = [...counts.entries()]
      .sort(([a, countA], [b, countB]) => countB - countA || (a ?? '').localeCompare(b ?? ''))
      .map(([label, count]) => {
        const target = churnedTarget(period);
        target.filters[reason.id] = label === null ? textBlank() : textEquals([label])!;
        return { label: label ?? NO_REASON_LABEL, customers: { value: count, target } };
      });
  }

  return {
    sheetId: sheet.id,
    sheetName: sheet.name,
    formerLabels: former,
    churned: { value: churned.length, target: churnedTarget(period) },
    customersAtStart,
    rate: customersAtStart > 0 ? churned.length / customersAtStart : null,
    quarters,
    reasons,
    churnDateRule: churnDateRule(sheet),
    missing: reason
      ? []
      : [`Add a column with the ${ROLE_LABELS.churnReason} role to "${sheet.name}" to see why customers left.`],
  };
}

export function computeChurn(input: MetricsInput, salesData: SalesData): ChurnMetrics {
  const sheets = churnSheets(input);
  const missing: string[] = [];
  if (sheets.length === 0) {
    const linked = customerSheets(input.sheets, salesData.sources);
    missing.push(
      linked.length > 0
        ? `Add a column with the ${ROLE_LABELS.status} role and a choice such as "Former customer" to ` +
            `${linked.map((data) => `"${data.sheet.name}"`).join(' and ')} to see churn.`
        : `Add a column with the ${ROLE_LABELS.status} role and a choice such as "Former customer" to a customer ` +
            'sheet to see churn.',
    );
  }
  const linkedSales = salesData.sales.filter((sale) => sale.customer !== null);
  return { sheets: sheets.map((data) => churnSheet(data, { ...salesData, sales: linkedSales }, input)), missing };
}
