// Copy and paste of cell blocks between the sheet grid and a spreadsheet.
// AG Grid Community has no clipboard module, so the sheet view listens to
// the browser's own copy and paste events. Chromium fires them for Ctrl+C and
// Ctrl+V even when focus is on a grid cell rather than a text field, and the
// end-to-end test checks that. Reading them needs no clipboard permission,
// unlike navigator.clipboard.
// NOTE: only Chromium is tested. Firefox and Safari implement the same
// clipboard events, but keyboard copy and paste on a grid cell is unchecked there.

import type { GridApi } from 'ag-grid-community';
import { useEffect } from 'react';

import { describeError, reportError, showNotice } from '../app/notices';
import { pasteCells, type CellEdit, type RowRecord, type SheetRecord } from '../db';
import { loadPhoneLibrary } from '../fields/phoneLibrary';
import { formatCell } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef } from '../fields/types';
import { formatClipboardBlock, parseClipboardBlock } from './clipboard';
import { cellValueFromEditor } from './editorValue';

export interface GridClipboardOptions {
  gridApi: GridApi<RowRecord> | null;
  sheet: SheetRecord;
  settings: FieldContext;
  /** The element around the grid; copy and paste are handled only while focus is in its grid. */
  hostElement: HTMLElement | null;
}

/** The cells a block lands on: right of and below the focused cell. */
export interface PasteTarget {
  /** Fields of the displayed columns from the focused one to the last, in display order. */
  fields: FieldDef[];
  /** Ids of the displayed rows from the focused one down, at most one per block row. */
  rowIds: string[];
}

/** The writes a paste makes, and the counts its notice reports. */
export interface PastePlan {
  edits: CellEdit[];
  newRows: Record<string, CellValue>[];
  rowCount: number;
  columnCount: number;
  /** Block columns beyond the last displayed column, which are left out. */
  droppedColumnCount: number;
  /** Values that did not parse for their column and are kept as typed. */
  invalidCount: number;
  /** Reason the first of those values did not parse. */
  firstError?: string;
}

/**
 * Converts a parsed block into cell edits and new rows. Block row i goes to
 * target row i, or to a new row when the target has fewer rows, and block
 * column j goes to target field j. Each text is parsed for its field as if
 * typed into the cell: empty text clears the cell, and text that does not
 * parse is kept as an InvalidValue.
 */
export function planPaste(block: string[][], target: PasteTarget, settings: FieldContext): PastePlan {
  const width = block[0]?.length ?? 0;
  const fields = target.fields.slice(0, width);
  const plan: PastePlan = {
    edits: [],
    newRows: [],
    rowCount: fields.length ? block.length : 0,
    columnCount: fields.length,
    droppedColumnCount: width - fields.length,
    invalidCount: 0,
  };
  if (!fields.length) return plan;

  for (const [rowOffset, cells] of block.entries()) {
    const rowId = target.rowIds[rowOffset];
    const newRow: Record<string, CellValue> = {};

    for (const [columnOffset, field] of fields.entries()) {
      const result = cellValueFromEditor(cells[columnOffset] ?? '', field, settings);
      if (result.error) {
        plan.invalidCount += 1;
        plan.firstError ??= result.error;
      }
      if (rowId) plan.edits.push({ rowId, fieldId: field.id, value: result.value });
      else if (result.value !== null) newRow[field.id] = result.value;
    }

    if (!rowId) plan.newRows.push(newRow);
  }
  return plan;
}

function countOf(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** Builds the notice shown after a paste, such as "Pasted 3 rows × 4 columns." */
export function describePaste(plan: PastePlan, filterActive: boolean): string {
  const sentences = [
    `Pasted ${countOf(plan.rowCount, 'row', 'rows')} × ${countOf(plan.columnCount, 'column', 'columns')}.`,
  ];
  if (plan.newRows.length) {
    sentences.push(`${countOf(plan.newRows.length, 'new row was', 'new rows were')} added at the end.`);
    if (filterActive) sentences.push('New rows that do not match the current filter or search are hidden.');
  }
  if (plan.invalidCount) {
    sentences.push(
      `${countOf(plan.invalidCount, 'value does', 'values do')} not fit the column type and ` +
        `${plan.invalidCount === 1 ? 'is' : 'are'} kept as typed, marked in red (${plan.firstError}).`,
    );
  }
  if (plan.droppedColumnCount) {
    sentences.push(
      `${countOf(plan.droppedColumnCount, 'column', 'columns')} beyond the last column ` +
        `${plan.droppedColumnCount === 1 ? 'was' : 'were'} left out.`,
    );
  }
  return sentences.join(' ');
}

/** Returns the fields of the displayed columns from `startColId` on, skipping columns that are not fields. */
function displayedFields(api: GridApi<RowRecord>, fields: FieldDef[], startColId?: string): FieldDef[] {
  const fieldsById = new Map(fields.map((field) => [field.id, field]));
  const columns = api.getAllDisplayedColumns();
  const start = startColId ? columns.findIndex((column) => column.getColId() === startColId) : 0;
  return columns
    .slice(Math.max(start, 0))
    .map((column) => fieldsById.get(column.getColId()))
    .filter((field): field is FieldDef => field !== undefined);
}

/**
 * Returns where a block of `rowCount` rows lands, starting at the focused
 * cell, or null when no body cell has focus. Rows follow the displayed
 * order, so a sorted or filtered view is pasted as it is seen. When the
 * selection checkbox column has focus, the block starts at the first field
 * column to its right.
 */
function findPasteTarget(api: GridApi<RowRecord>, fields: FieldDef[], rowCount: number): PasteTarget | null {
  const focused = api.getFocusedCell();
  if (!focused || focused.rowPinned) return null;

  const rowIds: string[] = [];
  const displayedCount = api.getDisplayedRowCount();
  for (let index = focused.rowIndex; index < displayedCount && rowIds.length < rowCount; index += 1) {
    const row = api.getDisplayedRowAtIndex(index)?.data;
    if (!row) break;
    rowIds.push(row.id);
  }
  return { fields: displayedFields(api, fields, focused.column.getColId()), rowIds };
}

/**
 * Returns the display text to copy: the selected rows across all displayed
 * columns when rows are ticked, otherwise the focused cell, or null when
 * neither exists. Rows keep their displayed order, and ticked rows that the
 * filter hides are left out.
 */
function findCopyBlock(
  api: GridApi<RowRecord>,
  fields: FieldDef[],
  settings: FieldContext,
): { cells: string[][]; rowCount: number } | null {
  const selected: RowRecord[] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.isSelected() && node.data) selected.push(node.data);
  });
  if (selected.length) {
    const columns = displayedFields(api, fields);
    const cells = selected.map((row) => columns.map((field) => formatCell(row.values[field.id], field, settings)));
    return { cells, rowCount: selected.length };
  }

  const focused = api.getFocusedCell();
  if (!focused || focused.rowPinned) return null;
  const field = fields.find((each) => each.id === focused.column.getColId());
  const row = api.getDisplayedRowAtIndex(focused.rowIndex)?.data;
  if (!field || !row) return null;
  return { cells: [[formatCell(row.values[field.id], field, settings)]], rowCount: 0 };
}

/** Returns whether an element takes typed text, so copy and paste there belong to the browser. */
function isTextEntry(element: Element): boolean {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(element.type);
  }
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * Returns whether a copy or paste is for the grid: focus is on the grid
 * inside `host`, not in a text field such as a column filter, and no cell
 * editor is open.
 */
function isForGrid(api: GridApi<RowRecord>, host: HTMLElement): boolean {
  const active = document.activeElement;
  if (!active || !host.contains(active) || !active.closest('.ag-root-wrapper')) return false;
  if (isTextEntry(active)) return false;
  return !api.isDestroyed() && api.getEditingCells().length === 0;
}

async function pasteBlock(
  sheetId: string,
  block: string[][],
  target: PasteTarget,
  settings: FieldContext,
  filterActive: boolean,
): Promise<void> {
  await loadPhoneLibrary();
  const plan = planPaste(block, target, settings);
  if (!plan.columnCount) {
    showNotice('There is no column to paste into from here. Click a cell in a column, then paste again.');
    return;
  }
  await pasteCells(sheetId, plan.edits, plan.newRows);
  showNotice(describePaste(plan, filterActive));
}

/**
 * Handles copy and paste for a sheet's grid. Paste writes the clipboard's
 * tab-separated text from the focused cell right and down, adding rows at
 * the end when the block is taller than the rows below, as one undo step.
 * Copy writes the ticked rows, or else the focused cell, as display text.
 */
export function useGridClipboard({ gridApi, sheet, settings, hostElement }: GridClipboardOptions): void {
  const sheetId = sheet.id;
  const fields = sheet.fields;

  useEffect(() => {
    if (!gridApi || !hostElement) return;
    const api = gridApi;
    const host = hostElement;

    const onPaste = (event: ClipboardEvent) => {
      if (!isForGrid(api, host) || !api.getFocusedCell()) return;
      // clipboardData can be read only while the event is dispatched.
      const text = event.clipboardData?.getData('text/plain') ?? '';
      event.preventDefault();

      const block = parseClipboardBlock(text);
      if (!block.length) {
        showNotice('The clipboard holds no text to paste.');
        return;
      }
      const target = findPasteTarget(api, fields, block.length);
      if (!target) return;

      pasteBlock(sheetId, block, target, settings, api.isAnyFilterPresent()).catch((error: unknown) =>
        reportError(`Could not paste: ${describeError(error)}`, error),
      );
    };

    const onCopy = (event: ClipboardEvent) => {
      if (!isForGrid(api, host) || !event.clipboardData) return;
      const block = findCopyBlock(api, fields, settings);
      if (!block) return;

      event.clipboardData.setData('text/plain', formatClipboardBlock(block.cells));
      event.preventDefault();
      if (block.rowCount) showNotice(`Copied ${countOf(block.rowCount, 'row', 'rows')}.`);
    };

    document.addEventListener('paste', onPaste);
    document.addEventListener('copy', onCopy);
    return () => {
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('copy', onCopy);
    };
  }, [gridApi, hostElement, sheetId, fields, settings]);
}
