// Sales sources. A sales log is a sheet without a Stage column that
// has a Deal value column, a date column without a role (the sale date) and
// a Contact column linking each sale to its customer. When the workbook has
// no sales log, won deals with a close date are the sales instead.

import type { RowRecord, SheetRecord } from '../../db';
import type { FieldDef, MoneyValue } from '../../fields/types';
import { fieldWithRole, findCloseDateField, findPlainDateField, linkedRowIds } from './columns';
import { cellDay } from './dates';
import { textEquals } from './filters';
import { moneyFromCell } from './money';
import { dealState, findClosingColumn } from './pipeline';
import type { SheetData } from './types';

export interface SalesSource {
  sheet: SheetRecord;
  kind: 'salesLog' | 'wonDeals';
  dateField: FieldDef;
  amountField: FieldDef;
  /** The link to the customer, or null when sales on this sheet name no customer. */
  contactField: FieldDef | null;
  /** Filters that keep only the rows that are sales: won deals on a deals sheet. */
  saleFilters: Record<string, unknown>;
}

export interface Sale {
  sheetId: string;
  rowId: string;
  /** The sale date, or null when its cell is empty. */
  day: string | null;
  amount: MoneyValue;
  /** The customer row the sale links to, or null. */
  customer: { sheetId: string; rowId: string } | null;
}

export interface SalesData {
  sources: SalesSource[];
  sales: Sale[];
}

function contactLink(sheet: SheetRecord): FieldDef | null {
  const field = fieldWithRole(sheet, 'contact');
  return field?.type === 'link' && field.settings.linkSheetId ? field : null;
}

function salesLog(sheet: SheetRecord): SalesSource | null {
  if (fieldWithRole(sheet, 'stage')) return null;
  const amountField = fieldWithRole(sheet, 'dealValue');
  const dateField = findPlainDateField(sheet);
  const contactField = contactLink(sheet);
  if (!amountField || !dateField || !contactField) return null;
  return { sheet, kind: 'salesLog', dateField, amountField, contactField, saleFilters: {} };
}

function wonDeals({ sheet, rows }: SheetData): SalesSource | null {
  if (!fieldWithRole(sheet, 'stage')) return null;
  const amountField = fieldWithRole(sheet, 'dealValue');
  const dateField = findCloseDateField(sheet);
  const closing = findClosingColumn(sheet, rows);
  const wonFilter = closing ? textEquals(closing.won) : null;
  if (!amountField || !dateField || !closing || !wonFilter) return null;
  return {
    sheet,
    kind: 'wonDeals',
    dateField,
    amountField,
    contactField: contactLink(sheet),
    saleFilters: { [closing.field.id]: wonFilter },
  };
}

/** Returns the sales logs of the workbook, or its won-deal sheets when it has no sales log. */
export function findSalesSources(sheets: SheetData[]): SalesSource[] {
  const logs = sheets.flatMap((data) => salesLog(data.sheet) ?? []);
  return logs.length > 0 ? logs : sheets.flatMap((data) => wonDeals(data) ?? []);
}

/** Returns the rows of a source that are sales: every row of a sales log, the won deals of a deals sheet. */
function saleRows(source: SalesSource, data: SheetData): RowRecord[] {
  if (source.kind === 'salesLog') return data.rows;
  const closing = findClosingColumn(data.sheet, data.rows);
  return data.rows.filter((row) => dealState(row, closing) === 'won');
}

/** Collects every sale with an amount. */
export function collectSales(sheets: SheetData[], workbookCurrency: string): SalesData {
  const sources = findSalesSources(sheets);
  const sales: Sale[] = [];
  for (const source of sources) {
    const data = sheets.find((each) => each.sheet.id === source.sheet.id)!;
    for (const row of saleRows(source, data)) {
      const amount = moneyFromCell(row.values[source.amountField.id], source.amountField, workbookCurrency);
      if (!amount) continue;
      const customerRowId = source.contactField ? linkedRowIds(row.values[source.contactField.id])[0] : undefined;
      sales.push({
        sheetId: source.sheet.id,
        rowId: row.id,
        day: cellDay(row.values[source.dateField.id], source.dateField),
        amount,
        customer:
          customerRowId && source.contactField?.settings.linkSheetId
            ? { sheetId: source.contactField.settings.linkSheetId, rowId: customerRowId }
            : null,
      });
    }
  }
  return { sources, sales };
}
