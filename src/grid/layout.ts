import type { ColumnState, GridApi } from 'ag-grid-community';

import type { RowRecord, ViewLayout } from '../db';

/** Returns the grid's current column order, widths, visibility and sorts, as a view stores them. */
export function layoutFromColumnState(state: ColumnState[]): Required<Pick<ViewLayout, 'columns' | 'sorts'>> {
  const columns = state.filter((column) => column.colId !== 'ag-Grid-SelectionColumn');
  return {
    columns: columns.map((column) => ({
      fieldId: column.colId,
      ...(column.width ? { width: Math.round(column.width) } : {}),
      ...(column.hide ? { hidden: true } : {}),
    })),
    sorts: columns
      .filter((column) => column.sort)
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
      .map((column) => ({ fieldId: column.colId, direction: column.sort! })),
  };
}

export function currentLayout(api: GridApi<RowRecord>, search: string): Required<ViewLayout> & { search: string } {
  return { ...layoutFromColumnState(api.getColumnState()), filters: api.getFilterModel(), search };
}
