import type { CountryCode } from 'libphonenumber-js/min';

import { phoneLibrary } from './phoneLibrary';
import { quoteValue } from './messages';
import { compareCodeUnits, textCollator } from './text';
import type { FieldTypeModule, ParseResult, PhoneValue } from './types';

/**
 * Returns the E.164 form of a phone number ('+447700900123'), or undefined when
 * libphonenumber-js finds no possible number for the default country. Any
 * extension is left out. Needs loadPhoneLibrary to have finished.
 */
export function toE164(text: string, defaultCountry: string): string | undefined {
  const parsed = phoneLibrary().parsePhoneNumberFromString(text, defaultCountry.toUpperCase() as CountryCode);
  if (!parsed || !(parsed.isValid() || parsed.isPossible())) return undefined;
  return parsed.number;
}

// The text is kept as typed, even when it cannot be normalised, so that
// '001-808-617-6467x12895' or a local number from another country keeps its digits.
function readPhone(text: string, defaultCountry: string): ParseResult<PhoneValue> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (!/\d/.test(trimmed))
    return { ok: false, error: `${quoteValue(text)} is not a valid phone number because it has no digits` };

  const e164 = toE164(trimmed, defaultCountry);
  return { ok: true, value: e164 ? { text: trimmed, e164 } : { text: trimmed } };
}

export const phoneField: FieldTypeModule<PhoneValue> = {
  type: 'phone',
  label: 'Phone',
  parse: (text, _field, ctx) => readPhone(text, ctx.defaultCountry),
  format: (value) => value.text,

  validate(value) {
    if (typeof value !== 'object' || value === null) return 'A phone value must be an object';
    const phone = value as Partial<PhoneValue>;
    if (typeof phone.text !== 'string' || phone.text.trim() === '') return 'A phone value needs its text';
    if (phone.e164 !== undefined && (typeof phone.e164 !== 'string' || !/^\+\d{2,15}$/.test(phone.e164))) {
      return 'A phone value has an E.164 number that is not + followed by digits';
    }
    return null;
  },

  compare(a, b) {
    if (a.e164 && b.e164) return compareCodeUnits(a.e164, b.e164);
    return textCollator.compare(a.text, b.text);
  },

  toCsv: (value) => value.text,
  fromCsv: (text, _field, ctx) => readPhone(text, ctx.defaultCountry),
};
