// Customers as the lifetime value, top customer and churn figures see them:
// rows of a customer sheet with the sales that link to them.

import type { RowRecord, SheetRecord } from '../../db';
import { cellLabel, columnLabels, fieldWithRole, findChurnDateField, isFormerLabel, rowName } from './columns';
import { cellDay, instantToDay } from './dates';
import type { Sale, SalesSource } from './sales';
import type { SheetData } from './types';

export interface Customer {
  sheetId: string;
  rowId: string;
  name: string;
  row: RowRecord;
  /** True when the status is a former-customer choice such as 'Former customer' or 'Churned'. */
  former: boolean;
  /** Every sale linked to this customer, in any period. */
  sales: Sale[];
  /** Sum of the sales in minor units. Callers check first that all sales share one currency. */
  revenue: number;
  firstSale: string | null;
  lastSale: string | null;
  /** The Customer since day, or the first sale when that cell is empty. */
  start: string | null;
}

/** Returns the status choices of a sheet that mean a customer has left. */
export function formerLabels(sheet: SheetRecord, rows: RowRecord[]): string[] {
  const status = fieldWithRole(sheet, 'status');
  return status ? columnLabels(status, rows).filter(isFormerLabel) : [];
}

/** Returns the customers of one sheet, each with the sales that link to it. */
export function customersOf({ sheet, rows }: SheetData, sales: Sale[]): Customer[] {
  const status = fieldWithRole(sheet, 'status');
  const since = fieldWithRole(sheet, 'customerSince');
  const former = formerLabels(sheet, rows);

  const salesByRow = new Map<string, Sale[]>();
  for (const sale of sales) {
    if (sale.customer?.sheetId !== sheet.id) continue;
    const list = salesByRow.get(sale.customer.rowId);
    if (list) list.push(sale);
    else salesByRow.set(sale.customer.rowId, [sale]);
  }

  return rows.map((row) => {
    const own = salesByRow.get(row.id) ?? [];
    const days = own.flatMap((sale) => sale.day ?? []).sort();
    const label = status ? cellLabel(row.values[status.id], status) : null;
    const firstSale = days[0] ?? null;
    return {
      sheetId: sheet.id,
      rowId: row.id,
      name: rowName(sheet, row),
      row,
      former: label !== null && former.includes(label),
      sales: own,
      revenue: own.reduce((total, sale) => total + sale.amount.minor, 0),
      firstSale,
      lastSale: days.at(-1) ?? null,
      start: (since ? cellDay(row.values[since.id], since) : null) ?? firstSale,
    };
  });
}

/**
 * Returns the day a former customer left: the sheet's churn-date column when
 * it has one (empty cells give null), otherwise the last sale, otherwise the
 * day the row was last edited, when its status was most likely set.
 */
export function churnDay(customer: Customer, sheet: SheetRecord): string | null {
  const column = findChurnDateField(sheet);
  if (column) return cellDay(customer.row.values[column.id], column);
  return customer.lastSale ?? instantToDay(customer.row.updatedAt);
}

/** Returns the sheets whose rows are customers: the sheets the sales' Contact columns link to. */
export function customerSheets(sheets: SheetData[], sources: SalesSource[]): SheetData[] {
  const ids = new Set(sources.flatMap((source) => source.contactField?.settings.linkSheetId ?? []));
  return sheets.filter((data) => ids.has(data.sheet.id));
}
