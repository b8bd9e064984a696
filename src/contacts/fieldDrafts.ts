// The text a form input shows for a cell, and the cell value read back from
// it through the field registry, shared by the customer panel and quick add.

import { cellValueFromEditor, type EditorResult } from '../grid/editorValue';
import { formatCell, isEmptyCell, isInvalid } from '../fields/registry';
import { toLocalDateTime } from '../reminders/localTime';
import type { CellValue, FieldContext, FieldDef } from '../fields/types';

/** Date entry mode: the browser's pickers, or text in the workbook's format (faster from the keyboard). */
export type DateEntry = 'picker' | 'text';

/** Returns the text an input shows for a stored value. */
export function draftOf(value: CellValue | undefined, field: FieldDef, ctx: FieldContext, dates: DateEntry): string {
  if (isEmptyCell(value)) return '';
  if (isInvalid(value)) return value.invalid;
  if (field.type === 'checkbox') return value === true ? 'true' : '';
  if (field.type === 'select' && typeof value === 'string') return value;
  if (dates === 'picker' && field.type === 'date' && typeof value === 'string') return value;
  if (dates === 'picker' && field.type === 'dateTime' && typeof value === 'string') {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? value : toLocalDateTime(instant);
  }
  return formatCell(value, field, ctx);
}

/**
 * Reads an input's text as a cell value. Text that does not parse is kept as
 * an invalid value with the reason, as a grid edit would keep it.
 */
export function valueOfDraft(draft: string, field: FieldDef, ctx: FieldContext): EditorResult {
  if (field.type === 'checkbox') return { value: draft === 'true' };
  return cellValueFromEditor(draft, field, ctx);
}
