// Colours offered to new select and tag choices, so tags differ at a glance
// without the user picking each one. Every colour keeps the dark chip text at
// WCAG AA contrast, as contrast.test.ts checks.

import type { SelectOption } from '../fields/types';

export const TAG_PALETTE = [
  '#dbeafe',
  '#dcfce7',
  '#fef9c3',
  '#fee2e2',
  '#ede9fe',
  '#ffedd5',
  '#cffafe',
  '#fce7f3',
  '#e0e7ff',
  '#ecfccb',
];

/** Returns the palette colour used least among the options, the earliest one on a tie. */
export function nextTagColor(options: SelectOption[]): string {
  const uses = new Map(TAG_PALETTE.map((color) => [color, 0]));
  for (const option of options) {
    const color = option.color?.toLowerCase();
    if (color && uses.has(color)) uses.set(color, uses.get(color)! + 1);
  }
  let best = TAG_PALETTE[0]!;
  for (const color of TAG_PALETTE) if (uses.get(color)! < uses.get(best)!) best = color;
  return best;
}
