// Picks what an export writes: the current view (visible columns in their
// order, rows as filtered and sorted), the whole sheet, or every sheet of the
// workbook.

import type { GridApi } from 'ag-grid-community';

import { listRows, listSheets, type RowRecord, type SheetRecord } from '../db';
import type { FieldContext, FieldDef } from '../fields/types';
import { buildLinkLookup } from '../grid/useLinkLookup';
import type { XlsxSheet } from './xlsx';

export type ExportScope = 'view' | 'sheet' | 'workbook';

/** Returns the columns the grid shows, in their order, or every field without a grid. */
export function viewFields(sheet: SheetRecord, gridApi: GridApi<RowRecord> | null): FieldDef[] {
  if (!gridApi) return sheet.fields;
  return gridApi
    .getAllDisplayedColumns()
    .map((column) => sheet.fields.find((field) => field.id === column.getColId()))
    .filter((field): field is FieldDef => field !== undefined);
}

/** Returns the rows the grid shows after its search, filters and sorts, or every row without a grid. */
export function viewRows(rows: RowRecord[], gridApi: GridApi<RowRecord> | null): RowRecord[] {
  if (!gridApi) return rows;
  const shown: RowRecord[] = [];
  gridApi.forEachNodeAfterFilterAndSort((node) => {
    if (node.data) shown.push(node.data);
  });
  return shown;
}

/** Returns the fields and rows of one sheet for a view or whole-sheet export. */
export function sheetScope(
  scope: Exclude<ExportScope, 'workbook'>,
  sheet: SheetRecord,
  rows: RowRecord[],
  gridApi: GridApi<RowRecord> | null,
): { fields: FieldDef[]; rows: RowRecord[] } {
  if (scope === 'view') return { fields: viewFields(sheet, gridApi), rows: viewRows(rows, gridApi) };
  return { fields: sheet.fields, rows };
}

/**
 * Loads every sheet of the workbook with its rows, in tab order, and settings
 * whose link lookup names rows of any sheet, so link cells export as names.
 */
export async function loadWorkbookSheets(
  settings: FieldContext,
): Promise<{ sheets: XlsxSheet[]; settings: FieldContext }> {
  const sheets = await listSheets();
  const loaded = await Promise.all(sheets.map(async (sheet) => ({ sheet, rows: await listRows(sheet.id) })));
  return {
    sheets: loaded.map(({ sheet, rows }) => ({ name: sheet.name, fields: sheet.fields, rows })),
    settings: { ...settings, links: buildLinkLookup(loaded, settings) },
  };
}
