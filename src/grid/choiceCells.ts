// Select and multi-select cells shown as coloured chips, one per choice.
// Labels are set with textContent, never as HTML.

import type { ICellRendererParams } from 'ag-grid-community';

import type { RowRecord } from '../db';
import type { CellValue, SelectOption } from '../fields/types';
import { chipTextColor } from '../tags/contrast';
import { plainTextCell } from './plainTextCell';

export interface ChoiceRendererParams extends ICellRendererParams<RowRecord, CellValue> {
  options: SelectOption[];
}

export function renderChoiceCell(params: ChoiceRendererParams): HTMLElement | string {
  const value = params.value;
  const ids = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const options = ids.map((id) => params.options.find((option) => option.id === id));

  // Flagged text and ids of deleted choices fall back to the formatted text.
  if (!ids.length || options.some((option) => !option)) {
    return plainTextCell(params.valueFormatted);
  }

  const container = document.createElement('span');
  container.className = 'choice-cell';
  for (const option of options as SelectOption[]) {
    const chip = document.createElement('span');
    chip.className = 'choice-chip';
    chip.textContent = option.label;
    if (option.color) {
      chip.style.backgroundColor = option.color;
      // A user-picked background may be dark, so the text colour follows it to keep WCAG AA contrast.
      const text = chipTextColor(option.color);
      if (text) chip.style.color = text;
    }
    container.append(chip);
  }
  return container;
}
