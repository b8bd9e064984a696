// Turns what an AG Grid cell editor returns into a stored cell value.
// Text that does not parse is kept as an InvalidValue and flagged, never
// dropped, and the caller shows the reason.

import { parseCell } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef } from '../fields/types';

export interface EditorResult {
  value: CellValue;
  /** Why the text was kept as invalid, for a message on screen. */
  error?: string;
}

export function cellValueFromEditor(editorValue: unknown, field: FieldDef, ctx: FieldContext): EditorResult {
  if (editorValue === null || editorValue === undefined || editorValue === '') return { value: null };
  if (typeof editorValue === 'boolean') return { value: editorValue };

  if (field.type === 'select' && typeof editorValue === 'string') {
    const byId = field.settings.options?.find((option) => option.id === editorValue);
    if (byId) return { value: byId.id };
  }

  const text = typeof editorValue === 'string' ? editorValue : String(editorValue);
  if (!text.trim()) return { value: null };

  const parsed = parseCell(text, field, ctx);
  if (parsed.ok) return { value: parsed.value };
  return { value: { invalid: text }, error: parsed.error };
}
