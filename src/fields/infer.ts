// Guesses the field type of a CSV column from its values. Every rule needs all
// non-empty values to agree, so a guess never turns a value into an error.
// Checks run from the most specific type to the least: a phone column must be
// seen before number would strip its leading zeros and '+'.

import { currencyField } from './currency';
import { dateField } from './date';
import { dateTimeField } from './dateTime';
import { isEmailAddress } from './email';
import { numberField } from './number';
import { percentField } from './percent';
import { toE164 } from './phone';
import type { DateOrder, FieldContext, FieldDef, FieldType } from './types';
import { urlHref } from './url';

export interface InferredField {
  type: FieldType;
  /** Order to read the column's dates in, for date and dateTime columns. */
  dateOrder?: DateOrder;
  /** True when no value shows whether day or month comes first, so ctx.dateOrder was used. */
  ambiguousDates?: boolean;
  /** Labels of the choices of a select or multi-select column, in first-seen order. */
  options?: string[];
}

const LONG_TEXT_LENGTH = 200;
const SELECT_MIN_ROWS = 10;
const SELECT_MAX_OPTIONS = 12;
const MULTI_SELECT_MAX_OPTIONS = 30;
const MAX_NUMBER_DIGITS = 15;

const PHONE_HEADER = /phone|\btel\b|telephone|mobile|\bcell\b|handy|fax/i;
const EMAIL_HEADER = /e-?mail/i;
const URL_HEADER = /website|\burl\b|\bweb\b|homepage|\blink\b|\bsite\b/i;
const TAGS_HEADER = /tags?\b|labels?\b|categor/i;

// Digits with the separators people put in phone numbers, and an optional extension.
const PHONE_SHAPE = /^\+?[\d\s().\-/]+?(?:\s*(?:x|ext\.?|extension|#)\s*\d{1,6})?$/i;
const PHONE_EXTENSION = /\s*(?:x|ext\.?|extension|#)\s*\d{1,6}$/i;
const YES_OR_NO = new Set(['true', 'false', 'yes', 'no']);
// Dates such as 13/05/2024 that no date order reads must not pass as phone numbers.
const DATE_SHAPE = /^\d{1,4}([/.-])\d{1,2}\1\d{1,4}$/;
const NUMBER_GROUPED_BY_DOTS = /^\d{1,3}(?:\.\d{3})+$/;
const MULTI_SELECT_SEPARATOR = /\s*:::\s*|[,;]/;

const probeField: FieldDef = { id: 'inference', name: 'inference', type: 'text', settings: {} };

/**
 * Guesses a column's field type from its values, ignoring empty strings. The
 * header name helps: "Phone" or "Mobile" makes phone-like plain digits a phone
 * column, "Website" accepts bare domains, "Tags" allows a multi-select with
 * unrepeated choices, and a column without values is typed by its header alone.
 */
export function inferFieldType(values: string[], ctx: FieldContext, headerName = ''): InferredField {
  const texts = values.filter((value) => value.trim() !== '');
  const trimmed = texts.map((value) => value.trim());
  if (texts.length === 0) return inferFromHeader(headerName);

  if (texts.some((value) => /[\r\n]/.test(value) || value.length > LONG_TEXT_LENGTH)) return { type: 'longText' };

  if (trimmed.every(isYesOrNo)) return { type: 'checkbox' };

  if (trimmed.every(isEmailAddress)) return { type: 'email' };

  if (trimmed.every((value) => /^(https?:\/\/|www\.)/i.test(value) && urlHref(value) !== null)) return { type: 'url' };
  if (URL_HEADER.test(headerName) && trimmed.every((value) => urlHref(value) !== null)) return { type: 'url' };

  const dates = inferDates(trimmed, ctx);
  if (dates) return dates;

  if (isPhoneColumn(trimmed, ctx, headerName)) return { type: 'phone' };

  if (trimmed.every((value) => isKeptNumber(value, ctx))) return { type: 'number' };
  if (trimmed.every((value) => /%\s*$/.test(value) && parses(percentField.parse(value, probeField, ctx)))) {
    return { type: 'percent' };
  }
  if (trimmed.some((value) => /[^\d\s.,+\-()]/.test(value)) && trimmed.every((value) => isKeptMoney(value, ctx))) {
    return { type: 'currency' };
  }

  const multiSelectOptions = inferMultiSelectOptions(trimmed, TAGS_HEADER.test(headerName));
  if (multiSelectOptions && looksLikeLists(trimmed)) return { type: 'multiSelect', options: multiSelectOptions };

  const selectOptions = inferSelectOptions(trimmed);
  if (selectOptions) return { type: 'select', options: selectOptions };
  if (multiSelectOptions) return { type: 'multiSelect', options: multiSelectOptions };

  return { type: 'text' };
}

function parses(result: { ok: boolean }): boolean {
  return result.ok;
}

function isYesOrNo(value: string): boolean {
  return YES_OR_NO.has(value.toLowerCase());
}

/** Returns a type for a column without values, from its header alone. */
function inferFromHeader(headerName: string): InferredField {
  if (EMAIL_HEADER.test(headerName)) return { type: 'email' };
  if (PHONE_HEADER.test(headerName)) return { type: 'phone' };
  if (URL_HEADER.test(headerName)) return { type: 'url' };
  return { type: 'text' };
}

/**
 * Returns a date or dateTime guess when every value reads as one. The day and
 * month order comes from values where a part is over 12, and ctx.dateOrder is
 * used, with ambiguousDates set, when no value settles it.
 */
function inferDates(values: string[], ctx: FieldContext): InferredField | null {
  if (!values.every((value) => /\d{4}/.test(value) && /^[\p{L}\d]/u.test(value))) return null;

  const hasTime = values.map((value) => /\d:\d{2}/.test(value));
  const module = hasTime.every(Boolean) ? dateTimeField : hasTime.some(Boolean) ? null : dateField;
  if (module === null) return null;

  const readsAs = (dateOrder: DateOrder) =>
    values.map((value) => {
      const result = module.parse(value, probeField, { ...ctx, dateOrder });
      return result.ok ? result.value : undefined;
    });
  const dayFirst = readsAs('dmy');
  const monthFirst = readsAs('mdy');
  const dayFirstOk = dayFirst.every((value) => value !== undefined);
  const monthFirstOk = monthFirst.every((value) => value !== undefined);
  if (!dayFirstOk && !monthFirstOk) return null;

  const type = module.type;
  if (dayFirstOk && !monthFirstOk) return { type, dateOrder: 'dmy' };
  if (monthFirstOk && !dayFirstOk) return { type, dateOrder: 'mdy' };

  const ambiguous = dayFirst.some((value, index) => value !== monthFirst[index]);
  if (ambiguous) return { type, dateOrder: ctx.dateOrder, ambiguousDates: true };
  if (values.every((value) => /^\d{4}-\d{2}-\d{2}/.test(value))) return { type, dateOrder: 'iso' };
  if (values.every((value) => /^\d{1,2}\.\s?\d{1,2}\./.test(value))) return { type, dateOrder: 'dmy' };
  return { type, dateOrder: ctx.dateOrder };
}

/**
 * Returns whether the values form a phone column: all phone-shaped with 7 to 15
 * digits. Without a phone header, at least one value must also show a phone's
 * mark: '+', brackets, dashes, spaces, an extension or dots that do not group
 * thousands. A plain number with a leading zero counts when libphonenumber-js
 * finds it possible for ctx.defaultCountry. Plain integers stay a number.
 */
function isPhoneColumn(values: string[], ctx: FieldContext, headerName: string): boolean {
  if (!values.every(isPhoneShaped)) return false;
  if (PHONE_HEADER.test(headerName)) return true;
  return values.some((value) => hasPhoneMark(value, ctx));
}

function isPhoneShaped(value: string): boolean {
  if (!PHONE_SHAPE.test(value) || value.includes('+', 1) || DATE_SHAPE.test(value)) return false;
  const digits = value.replace(PHONE_EXTENSION, '').replace(/\D/g, '').length;
  return digits >= 7 && digits <= MAX_NUMBER_DIGITS;
}

function hasPhoneMark(value: string, ctx: FieldContext): boolean {
  const number = value.replace(PHONE_EXTENSION, '');
  if (/^\+|[()\-/\s]/.test(number) || number !== value) return true;
  if (number.includes('.')) return !NUMBER_GROUPED_BY_DOTS.test(number) && (number.match(/\./g) ?? []).length > 1;
  return number.startsWith('0') && toE164(number, ctx.defaultCountry) !== undefined;
}

/**
 * Returns whether a value reads as a number without losing anything: a leading
 * zero ('007') or more than 15 digits (past float precision) keeps a column as text.
 */
function isKeptNumber(value: string, ctx: FieldContext): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length > MAX_NUMBER_DIGITS || /^[+-]?0\d/.test(value)) return false;
  return parses(numberField.parse(value, probeField, ctx));
}

function isKeptMoney(value: string, ctx: FieldContext): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length > MAX_NUMBER_DIGITS || !/\d/.test(value)) return false;
  return parses(currencyField.parse(value, probeField, ctx));
}

/** Returns the choices when a column of 10 or more values repeats each of at most 12 distinct values. */
function inferSelectOptions(values: string[]): string[] | null {
  if (values.length < SELECT_MIN_ROWS) return null;
  const counts = countLabels(values);
  if (counts.size > SELECT_MAX_OPTIONS || [...counts.values()].some(({ count }) => count < 2)) return null;
  return [...counts.values()].map(({ label }) => label);
}

/**
 * Returns the choices when values are lists ('VIP, Newsletter') of a small set
 * of labels. Every label must repeat unless the header names tags or labels.
 */
function inferMultiSelectOptions(values: string[], isTagsHeader: boolean): string[] | null {
  if (!values.some((value) => MULTI_SELECT_SEPARATOR.test(value))) return null;
  if (!isTagsHeader && values.length < SELECT_MIN_ROWS) return null;

  const parts = values.flatMap((value) => value.split(MULTI_SELECT_SEPARATOR)).map((part) => part.trim());
  const counts = countLabels(parts.filter((part) => part !== ''));
  if (counts.size === 0 || counts.size > MULTI_SELECT_MAX_OPTIONS) return null;
  if (!isTagsHeader && [...counts.values()].some(({ count }) => count < 2)) return null;
  return [...counts.values()].map(({ label }) => label);
}

/**
 * Returns whether a part of a value with separators is also a whole value
 * elsewhere ('VIP, Event' beside 'Event'). That shows the column contains lists
 * rather than labels with commas ('London, UK').
 */
function looksLikeLists(values: string[]): boolean {
  const single = new Set(
    values.filter((value) => !MULTI_SELECT_SEPARATOR.test(value)).map((value) => value.toLocaleLowerCase()),
  );
  return values.some(
    (value) =>
      MULTI_SELECT_SEPARATOR.test(value) &&
      value.split(MULTI_SELECT_SEPARATOR).some((part) => single.has(part.trim().toLocaleLowerCase())),
  );
}

/** Counts values case-insensitively, as select parsing matches them, keeping the first spelling. */
function countLabels(values: string[]): Map<string, { label: string; count: number }> {
  const counts = new Map<string, { label: string; count: number }>();
  for (const value of values) {
    const key = value.toLocaleLowerCase();
    const entry = counts.get(key);
    if (entry) entry.count += 1;
    else counts.set(key, { label: value, count: 1 });
  }
  return counts;
}
