// Shapes shared by the dashboard metrics. Every metric is a pure function of
// the workbook's sheets and rows, the day it is computed for, and a period.

import type { RowRecord, SheetRecord, ViewSort } from '../../db';

/** One sheet and its rows that are not in the trash. */
export interface SheetData {
  sheet: SheetRecord;
  rows: RowRecord[];
}

export type PeriodKind = 'month' | 'quarter' | 'year' | 'all' | 'custom';

/** A span of calendar days, both ends included, as 'YYYY-MM-DD'. All time has null ends. */
export interface Period {
  kind: PeriodKind;
  start: string | null;
  end: string | null;
}

/** Input of every metric. */
export interface MetricsInput {
  sheets: SheetData[];
  /** The local calendar day, 'YYYY-MM-DD'. */
  today: string;
  period: Period;
  /** ISO 4217 code of the workbook currency, used for empty sums and number-typed amounts. */
  currency: string;
}

/**
 * The rows behind a figure: the sheet, and the grid filter that shows them.
 * Opening it replaces the filters of the sheet's default view.
 */
export interface RowsTarget {
  sheetId: string;
  /** AG Grid filter model keyed by field id. An empty object shows every row. */
  filters: Record<string, unknown>;
  /** Sorts to apply in place of the view's, when a filter cannot express the rows. */
  sorts?: ViewSort[];
  /** The one row to scroll to and focus, for a figure about a single row. */
  rowId?: string;
  /** Explanation, set when the grid shows more rows than the figure counts. */
  approximation?: string;
}

/** A count shown on the dashboard with the rows it counts. */
export interface Figure {
  value: number;
  target: RowsTarget | null;
}

/** A sum of money in one currency, or the currencies that kept it from being added up. */
export type MoneyTotal = { ok: true; minor: number; currency: string } | { ok: false; currencies: string[] };
