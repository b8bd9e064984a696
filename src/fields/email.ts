import { quoteValue } from './messages';
import { textCollator } from './text';
import type { FieldTypeModule, ParseResult } from './types';

// One @, no whitespace, and a domain of at least two non-empty labels.
const EMAIL = /^([^\s@]+)@([^\s@.]+(?:\.[^\s@.]+)+)$/;

/** Returns whether text is an address the email field accepts, ignoring surrounding spaces. */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text.trim());
}

// Only the domain is lower-cased, because the local part may be case-sensitive (RFC 5321).
function readEmail(text: string): ParseResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };

  const match = EMAIL.exec(trimmed);
  if (!match) return { ok: false, error: `${quoteValue(text)} is not a valid email address` };
  const [, local = '', domain = ''] = match;
  return { ok: true, value: `${local}@${domain.toLowerCase()}` };
}

export const emailField: FieldTypeModule<string> = {
  type: 'email',
  label: 'Email',
  parse: readEmail,
  format: (value) => value,
  validate(value) {
    if (typeof value !== 'string' || !EMAIL.test(value))
      return 'An email value must be an address like name@example.com';
    return null;
  },
  compare: (a, b) => textCollator.compare(a, b),
  toCsv: (value) => value,
  fromCsv: readEmail,
};
