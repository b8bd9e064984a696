import { textCollator, validateString } from './text';
import type { FieldTypeModule, ParseResult } from './types';

/** Returns the text with Windows (CRLF) and old Mac (CR) line breaks turned into LF. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function readLongText(text: string): ParseResult<string> {
  return { ok: true, value: text.trim() === '' ? null : normaliseLineBreaks(text) };
}

export const longTextField: FieldTypeModule<string> = {
  type: 'longText',
  label: 'Long text',
  parse: readLongText,
  format: (value) => value,
  validate: (value) => validateString(value, 'long text'),
  compare: (a, b) => textCollator.compare(a, b),
  toCsv: (value) => value,
  fromCsv: readLongText,
};
