// Turns a sheet's field definitions into AG Grid column definitions. Cells
// contain typed values, which the grid shows through the field modules. An
// edit comes back as text (or a date string, a boolean, an option id), and
// the sheet view parses it before it is saved.

import type { ColDef, ITooltipParams, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';

import type { RowRecord, ViewRecord } from '../db';
import { formatCell, getFieldType, isEmptyCell, isInvalid } from '../fields/registry';
import { minorDigits } from '../fields/currency';
import { renderChoiceCell } from './choiceCells';
import { LinkCellEditor, renderLinkCell } from './linkCells';
import { touchpointColumn } from './touchpointColumns';
import type { CellValue, FieldContext, FieldDef, MoneyValue } from '../fields/types';

/** Width of a column the user has not resized, in CSS pixels. */
const DEFAULT_COLUMN_WIDTH = 170;

const NUMERIC_TYPES = new Set(['number', 'currency', 'percent']);

function cellValue(params: { data?: RowRecord }, field: FieldDef): CellValue | undefined {
  return params.data?.values[field.id];
}

/** Returns the number a number filter compares: percent as a fraction, money in major units (12.50). */
export function numericValue(value: CellValue | undefined): number | null {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'minor' in value) {
    const money = value as MoneyValue;
    return money.minor / 10 ** minorDigits(money.currency);
  }
  return null;
}

/** Support that link columns need beyond the field: the picker's names and a way to open a row. */
export interface LinkColumnSupport {
  choices: (sheetId: string) => string[];
  onOpenRow: (sheetId: string, rowId: string) => void;
}

function linkColumn(
  field: FieldDef,
  ctx: FieldContext,
  support: LinkColumnSupport | undefined,
): Partial<ColDef<RowRecord>> {
  const sheetId = field.settings.linkSheetId ?? '';
  return {
    cellEditor: LinkCellEditor,
    cellEditorParams: { choices: support?.choices(sheetId) ?? [] },
    cellRenderer: renderLinkCell,
    cellRendererParams: {
      linkSheetId: sheetId,
      rowName: (rowId: string) => ctx.links?.rowName(sheetId, rowId),
      onOpenRow: support?.onOpenRow ?? (() => undefined),
    },
  };
}

function editorFor(field: FieldDef): Pick<ColDef, 'cellEditor' | 'cellEditorParams' | 'cellEditorPopup'> {
  switch (field.type) {
    case 'longText':
      return { cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, cellEditorParams: { maxLength: 100_000 } };
    case 'checkbox':
      return { cellEditor: 'agCheckboxCellEditor' };
    case 'select':
      return {
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: ['', ...(field.settings.options ?? []).map((option) => option.id)] },
      };
    default:
      // Dates edit as text in the workbook's own format ("04/12/2026" or ISO), not in a browser
      // date picker, which shows the browser's date order instead of the workbook's.
      return { cellEditor: 'agTextCellEditor', cellEditorParams: { useFormatter: true } };
  }
}

function filterFor(field: FieldDef, ctx: FieldContext): Pick<ColDef, 'filter' | 'filterValueGetter' | 'filterParams'> {
  if (NUMERIC_TYPES.has(field.type)) {
    return {
      filter: 'agNumberColumnFilter',
      filterValueGetter: (params: ValueGetterParams<RowRecord>) => numericValue(cellValue(params, field)),
    };
  }
  if (field.type === 'date') {
    return {
      filter: 'agDateColumnFilter',
      filterValueGetter: (params: ValueGetterParams<RowRecord>) => {
        const value = cellValue(params, field);
        return typeof value === 'string' && !isInvalid(value) ? value : null;
      },
      filterParams: {
        comparator: (filterDate: Date, cell: string | null) => {
          if (!cell) return -1;
          const [year, month, day] = cell.split('-').map(Number);
          const cellTime = new Date(year!, month! - 1, day!).getTime();
          return cellTime === filterDate.getTime() ? 0 : cellTime < filterDate.getTime() ? -1 : 1;
        },
      },
    };
  }
  return {
    filter: 'agTextColumnFilter',
    filterValueGetter: (params: ValueGetterParams<RowRecord>) => {
      const value = cellValue(params, field);
      return isEmptyCell(value) ? null : formatCell(value ?? null, field, ctx);
    },
  };
}

export function buildColumnDefs(
  fields: FieldDef[],
  view: ViewRecord | undefined,
  ctx: FieldContext,
  links?: LinkColumnSupport,
): ColDef<RowRecord>[] {
  const module = (field: FieldDef) => getFieldType(field.type);
  const viewColumns = view?.columns ?? [];
  const ordered = [
    ...viewColumns
      .map((column) => fields.find((field) => field.id === column.fieldId))
      .filter((field): field is FieldDef => !!field),
    ...fields.filter((field) => !viewColumns.some((column) => column.fieldId === field.id)),
  ];

  return ordered.map((field) => {
    const layout = viewColumns.find((column) => column.fieldId === field.id);
    const sort = view?.sorts.find((each) => each.fieldId === field.id);
    return {
      colId: field.id,
      headerName: field.name,
      // initial* attributes apply when a column is created, so later column
      // changes (a rename, a retype) keep the widths and sorts set since.
      initialWidth: layout?.width ?? DEFAULT_COLUMN_WIDTH,
      initialHide: layout?.hidden ?? false,
      initialSort: sort?.direction ?? null,
      editable: true,
      valueGetter: (params: ValueGetterParams<RowRecord>) => cellValue(params, field) ?? null,
      valueFormatter: (params: ValueFormatterParams<RowRecord, CellValue>) =>
        isEmptyCell(params.value) ? '' : formatCell(params.value ?? null, field, ctx),
      // TODO: the first search over 10,000 rows still takes 0.2 to 0.5 s in npm run bench on a busy
      // two-core machine, and later ones about 0.1 s. Building this text is no longer the main cost: a CPU profile puts most of the time
      // outside JavaScript, in the browser's work on the re-rendered rows.
      getQuickFilterText: (params) => {
        const value = cellValue(params, field);
        return isEmptyCell(value) ? '' : formatCell(value ?? null, field, ctx);
      },
      comparator: (a: CellValue, b: CellValue) => {
        if (isEmptyCell(a) || isInvalid(a)) return isEmptyCell(b) || isInvalid(b) ? 0 : 1;
        if (isEmptyCell(b) || isInvalid(b)) return -1;
        return module(field).compare(a as never, b as never, field);
      },
      cellClassRules: { 'cell-invalid': (params) => isInvalid(params.value) },
      tooltip: (params: ITooltipParams<RowRecord>) =>
        isInvalid(params.value) ? `Not a valid ${module(field).label.toLowerCase()}; kept as typed.` : undefined,
      type: NUMERIC_TYPES.has(field.type) ? 'rightAligned' : undefined,
      ...(field.type === 'checkbox'
        ? { cellRenderer: 'agCheckboxCellRenderer', cellDataType: 'boolean' }
        : { cellDataType: false }),
      ...editorFor(field),
      ...filterFor(field, ctx),
      ...(field.type === 'link' ? linkColumn(field, ctx, links) : {}),
      ...touchpointColumn(field, fields, ctx),
      ...(field.type === 'select' || field.type === 'multiSelect'
        ? { cellRenderer: renderChoiceCell, cellRendererParams: { options: field.settings.options ?? [] } }
        : {}),
    } satisfies ColDef<RowRecord>;
  });
}
