import { quoteValue } from './messages';
import type { FieldTypeModule, ParseResult } from './types';

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', '✓', '✔', 'checked', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'unchecked', 'off']);

/** Returns the boolean a word means ('yes', 'x', '✓', 'FALSE'...), or null when it is not one. */
export function readCheckboxWord(text: string): boolean | null {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

function readCheckbox(text: string): ParseResult<boolean> {
  if (text.trim() === '') return { ok: true, value: null };

  const value = readCheckboxWord(text);
  if (value === null) return { ok: false, error: `${quoteValue(text)} is not a valid checkbox value. Use yes or no.` };
  return { ok: true, value };
}

export const checkboxField: FieldTypeModule<boolean> = {
  type: 'checkbox',
  label: 'Checkbox',
  parse: readCheckbox,
  format: (value) => (value ? '✓' : ''),
  validate: (value) => (typeof value === 'boolean' ? null : 'A checkbox value must be true or false'),
  compare: (a, b) => Number(a) - Number(b),
  // Excel and Google Sheets write booleans as TRUE and FALSE.
  toCsv: (value) => (value ? 'TRUE' : 'FALSE'),
  fromCsv: readCheckbox,
};
