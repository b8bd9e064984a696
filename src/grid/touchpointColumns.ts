// Email, phone and URL columns render as links. The renderers load on first
// use, so they stay out of the first page load: until then a cell shows its
// text, and the grids that asked are redrawn once the module arrives.

import type { ColDef, GridApi, ICellRendererParams } from 'ag-grid-community';

import type { RowRecord } from '../db';
import type { CellValue, FieldContext, FieldDef } from '../fields/types';
import { plainTextCell } from './plainTextCell';

type ContactCells = typeof import('./contactCells');

let contactCells: ContactCells | null = null;
let loading = false;
const waitingGrids = new Set<GridApi>();

function loadContactCells(api: GridApi): void {
  waitingGrids.add(api);
  if (loading) return;
  loading = true;
  import('./contactCells').then(
    (module) => {
      contactCells = module;
      for (const grid of waitingGrids) if (!grid.isDestroyed()) grid.refreshCells({ force: true });
      waitingGrids.clear();
    },
    (error: unknown) => {
      // The cells keep showing plain text, which is still correct.
      console.error('Loading the email, phone and URL cell links failed', error);
      loading = false;
    },
  );
}

/** Returns the renderer of an email, phone or URL column, or nothing for other types. */
export function touchpointColumn(
  field: FieldDef,
  fields: readonly FieldDef[],
  ctx: FieldContext,
): Partial<ColDef<RowRecord>> {
  const type = field.type;
  if (type !== 'email' && type !== 'phone' && type !== 'url') return {};

  return {
    cellRenderer: (params: ICellRendererParams<RowRecord, CellValue>) => {
      if (!contactCells) {
        loadContactCells(params.api);
        return plainTextCell(params.valueFormatted);
      }
      return contactCells.renderContactCell(type, params, fields, ctx);
    },
  };
}
