// fast-check generators of valid cell values for every field type, shared by
// the property tests. Each generator makes values that the field's own
// validate() accepts, as a cell written through the app would hold them.

import fc from 'fast-check';
import { minorDigits } from '../../../src/fields/currency';
import type { CellValue, DateOrder, FieldContext, FieldDef, FieldType, SelectOption } from '../../../src/fields/types';
import { isoDate } from '../../../src/fields/date';
import { parseCell } from '../../../src/fields/registry';
import { ALL_FIELD_TYPES } from '../../../src/fields/testFields';

/** The locales offered in Settings, with the date order Settings pairs with each. */
export const SUPPORTED_CONTEXTS: readonly FieldContext[] = [
  ['en-GB', 'GBP', 'GB'],
  ['en-US', 'USD', 'US'],
  ['en-IE', 'EUR', 'IE'],
  ['en-AU', 'AUD', 'AU'],
  ['en-CA', 'CAD', 'CA'],
  ['de-DE', 'EUR', 'DE'],
  ['fr-FR', 'EUR', 'FR'],
  ['es-ES', 'EUR', 'ES'],
  ['it-IT', 'EUR', 'IT'],
  ['nl-NL', 'EUR', 'NL'],
].map(([locale, currency, defaultCountry]) => ({
  locale: locale!,
  currency: currency!,
  defaultCountry: defaultCountry!,
  dateOrder: (locale === 'en-US' ? 'mdy' : 'dmy') as DateOrder,
}));

/** Option labels: distinct without regard to case, no list separators, no surrounding spaces. */
const OPTION_LABELS = [
  'Lead',
  'Customer',
  'VIP',
  'Zoë',
  'Größe',
  'Ünal & Co',
  'مرحبا',
  'שלום',
  '🎉 Party',
  '=SUM(A1)',
  '007',
];

function options(prefix: string): SelectOption[] {
  return OPTION_LABELS.map((label, index) => ({ id: `${prefix}-option-${index}`, label }));
}

/** One field of each type that the CSV round trip covers (link needs another sheet and is tested apart). */
export const ALL_FIELDS: readonly FieldDef[] = ALL_FIELD_TYPES.filter((type) => type !== 'link').map(
  (type: FieldType) => ({
    id: `field-${type}`,
    name: type,
    type,
    settings: type === 'select' || type === 'multiSelect' ? { options: options(type) } : {},
  }),
);

/** Text that a spreadsheet user might type: quotes, delimiters, line breaks, formula starts, unicode. */
const TEXT_PIECES = fc.constantFrom(
  'Ada',
  ' Lovelace ',
  '"quoted"',
  'a,b',
  'semi;colon',
  'tab\there',
  'line\nbreak',
  'crlf\r\nbreak',
  '=1+2',
  '+44 20',
  '-12',
  '@SUM(A1)',
  "'=already guarded",
  '0044',
  '007',
  'Zoë',
  'مرحبا',
  'שלום',
  '👩🏽‍💻',
  'e\u0301',
  'zero\u200Bwidth',
  '<b>bold</b>',
);

/** Non-empty text with at least one visible character, as a text cell stores it. */
export const textValue = fc
  .array(fc.oneof(TEXT_PIECES, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 })), {
    minLength: 1,
    maxLength: 4,
  })
  .map((pieces) => pieces.join(''))
  .filter((text) => text.trim() !== '');

const emailValue = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9._%+'-]{1,12}$/),
    fc.stringMatching(/^[a-z0-9-]{1,10}$/),
    fc.constantFrom('com', 'co.uk', 'example', 'de'),
  )
  .map(([local, host, top]) => `${local}@${host}.${top}`);

const phoneText = fc.oneof(
  fc.stringMatching(/^\+44 7700 9\d{5}$/),
  fc.stringMatching(/^0\d{4} \d{6}$/),
  fc.stringMatching(/^\(\d{3}\) \d{3}-\d{4}$/),
  fc.stringMatching(/^\+\d{1,3}-\d{3}-\d{3}-\d{4}( x\d{1,4})?$/),
);

const urlValue = fc
  .tuple(
    fc.constantFrom('https://', 'http://', ''),
    // A label starting "xn--" is punycode, which the URL parser checks and rejects when malformed.
    fc.stringMatching(/^[a-z0-9-]{1,12}$/).filter((label) => !label.startsWith('xn--')),
    fc.constantFrom('.com', '.co.uk', '.example'),
    fc.constantFrom('', '/', '/path?q=1&r=a,b', '/a%20b#frag'),
  )
  .map((parts) => parts.join(''));

/** Generates a decimal with at most `decimals` digits after the point, as an exact Number. */
function decimalValue(maxInteger: number, decimals: number): fc.Arbitrary<number> {
  return fc
    .tuple(fc.integer({ min: -maxInteger, max: maxInteger }), fc.integer({ min: 0, max: decimals }))
    .map(([units, places]) => Number((units / 10 ** places).toFixed(places)));
}

const dateValue = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([year, month, day]) => isoDate(year, month, day))
  .filter((value): value is string => value !== null);

/** An instant on a whole minute between 1900 and 2200, as dateTime cells store them. */
const dateTimeValue = fc
  .integer({ min: Date.UTC(1900, 0, 1) / 60_000, max: Date.UTC(2200, 0, 1) / 60_000 })
  .map((minutes) => new Date(minutes * 60_000).toISOString());

function choiceIds(field: FieldDef): string[] {
  return (field.settings.options ?? []).map((option) => option.id);
}

/** Returns a generator of valid non-empty values for `field` in `ctx`. Link fields are not covered. */
export function valueFor(field: FieldDef, ctx: FieldContext): fc.Arbitrary<CellValue> {
  switch (field.type) {
    case 'text':
      return textValue;
    case 'longText':
      return textValue.map((text) => text.replace(/\r\n?/g, '\n'));
    case 'email':
      return emailValue;
    case 'phone':
      // A phone cell stores the typed text and, when libphonenumber-js reads it, the E.164 form.
      return phoneText.map((text) => {
        const parsed = parseCell(text, field, ctx);
        if (!parsed.ok) throw new Error(`The phone generator made invalid text ${text}`);
        return parsed.value;
      });
    case 'url':
      return urlValue;
    case 'number':
      return decimalValue(10_000_000, 6);
    case 'currency':
      return fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }).map((minor) => ({
        minor: minorDigits(ctx.currency) === 0 ? Math.trunc(minor / 100) : minor,
        currency: ctx.currency,
      }));
    case 'percent':
      return decimalValue(100_000, 4);
    case 'date':
      return dateValue;
    case 'dateTime':
      return dateTimeValue;
    case 'select':
      return fc.constantFrom(...choiceIds(field));
    case 'multiSelect':
      return fc.uniqueArray(fc.constantFrom(...choiceIds(field)), { minLength: 1, maxLength: 4 });
    case 'checkbox':
      return fc.boolean();
    case 'link':
      throw new Error('Link values need a linked sheet; the link round trip builds its own.');
  }
}
