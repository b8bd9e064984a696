// Reads numbers written as text into digit strings instead of floats, so
// currency can build exact minor units and percent can move the decimal point
// without rounding errors such as 14.3 / 100 = 0.14300000000000002.

/** A decimal number as its sign and digit strings. */
export interface DecimalParts {
  negative: boolean;
  /** Digits before the decimal mark without leading zeros, '0' for none. */
  integer: string;
  /** Digits after the decimal mark as written, possibly ''. */
  fraction: string;
}

export interface NumberSeparators {
  decimal: string;
  group: string;
}

const separatorsByLocale = new Map<string, NumberSeparators>();

/** Returns the decimal and grouping marks that Intl.NumberFormat uses for a locale. */
export function numberSeparators(locale: string): NumberSeparators {
  const cached = separatorsByLocale.get(locale);
  if (cached) return cached;

  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const separators = {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
  separatorsByLocale.set(locale, separators);
  return separators;
}

// Spaces of any kind and apostrophes only ever group digits (fr, de-CH).
const SPACE_OR_APOSTROPHE = /[\s\u00a0\u202f'’]/;
const NUMBER_CHARACTERS = /^[\d.,\s\u00a0\u202f'’]+$/;
const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Reads a number as typed in `locale`: '1,234.5' (en), '1.234,5' (de),
 * '1 234,5' (fr), '(12)' as an accounting negative. A lone '.' or ',' is the
 * decimal mark unless it is the locale's grouping mark followed by exactly three
 * digits, so '1,5' is 1.5 everywhere and '1,234' is 1234 in en but 1.234 in de.
 * Returns null for anything else, including grouping in the wrong places.
 */
export function parseDecimalText(text: string, locale: string): DecimalParts | null {
  let body = text.trim().replace(/\u2212/g, '-');
  let negative = false;

  if (body.startsWith('(') && body.endsWith(')')) {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  const sign = body[0];
  if (sign === '-' || sign === '+') {
    if (negative) return null;
    negative = sign === '-';
    body = body.slice(1).trim();
  }

  if (!NUMBER_CHARACTERS.test(body) || !/^[\d.,]/.test(body) || !/\d$/.test(body)) return null;

  const decimalMark = findDecimalMark(body, locale);
  if (decimalMark === 'invalid') return null;

  let integerText = body;
  let fraction = '';
  if (decimalMark) {
    const index = body.lastIndexOf(decimalMark);
    integerText = body.slice(0, index);
    fraction = body.slice(index + 1);
    if (!/^\d+$/.test(fraction)) return null;
  }

  const integer = readGroupedInteger(integerText);
  if (integer === null) return null;
  return normalise({ negative, integer, fraction });
}

/** Reads a number written with a dot decimal and no grouping, as in CSV files: '-1234.5', '.5'. */
export function parsePlainDecimal(text: string): DecimalParts | null {
  const match = PLAIN_DECIMAL.exec(text.trim());
  if (!match) return null;

  const [, sign = '', integer = '', fraction = ''] = match;
  if (integer === '' && fraction === '') return null;
  return normalise({ negative: sign === '-', integer, fraction });
}

/** Returns the parts of a finite number, expanding exponent notation such as 1e-7. */
export function decimalPartsFromNumber(value: number): DecimalParts {
  const [mantissa = '0', exponentText] = String(value).split('e');
  const parts = parsePlainDecimal(mantissa);
  if (!parts) throw new Error(`Cannot read ${String(value)} as a decimal number`);
  return exponentText ? shiftDecimal(parts, Number(exponentText)) : parts;
}

/** Multiplies by 10^places by moving the decimal point; negative places divide. */
export function shiftDecimal(parts: DecimalParts, places: number): DecimalParts {
  const digits = parts.integer + parts.fraction;
  let point = parts.integer.length + places;
  let padded = digits;

  if (point < 0) {
    padded = '0'.repeat(-point) + padded;
    point = 0;
  }
  if (point > padded.length) padded = padded.padEnd(point, '0');

  return normalise({
    negative: parts.negative,
    integer: padded.slice(0, point),
    fraction: padded.slice(point),
  });
}

/** Writes parts as plain text with a dot decimal: '-1234.5'. */
export function decimalToString(parts: DecimalParts): string {
  const sign = parts.negative ? '-' : '';
  return parts.fraction ? `${sign}${parts.integer}.${parts.fraction}` : `${sign}${parts.integer}`;
}

function normalise(parts: DecimalParts): DecimalParts {
  const integer = parts.integer.replace(/^0+/, '') || '0';
  const fraction = parts.fraction.replace(/0+$/, '');
  const isZero = integer === '0' && fraction === '';
  return { negative: parts.negative && !isZero, integer, fraction };
}

/** Returns the mark that separates the fraction, null when there is none. */
function findDecimalMark(body: string, locale: string): '.' | ',' | null | 'invalid' {
  const dots = countOf(body, '.');
  const commas = countOf(body, ',');

  if (dots > 0 && commas > 0) {
    const last = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    return countOf(body, last) === 1 ? last : 'invalid';
  }

  if (dots === 0 && commas === 0) return null;
  const mark = dots > 0 ? '.' : ',';
  if (countOf(body, mark) > 1) return null;
  if (mark === numberSeparators(locale).decimal) return mark;

  const digitsAfter = body.slice(body.indexOf(mark) + 1);
  return /^\d{3}$/.test(digitsAfter) ? null : mark;
}

/**
 * Returns the digits of an integer written with one kind of grouping mark, or
 * null when the groups are misplaced. Groups after the first have three digits,
 * or two digits before a final three as in Indian grouping (12,34,567).
 */
function readGroupedInteger(text: string): string | null {
  if (text === '') return '0';
  if (/^\d+$/.test(text)) return text;

  const marks = new Set((text.match(/\D/g) ?? []).map((mark) => (SPACE_OR_APOSTROPHE.test(mark) ? ' ' : mark)));
  if (marks.size !== 1) return null;

  const groups = text.split(/\D/);
  const first = groups[0] ?? '';
  const middle = groups.slice(1, -1);
  const last = groups[groups.length - 1] ?? '';

  if (!/^[1-9]\d{0,2}$/.test(first) || !/^\d{3}$/.test(last)) return null;
  const western = middle.every((group) => /^\d{3}$/.test(group));
  const indian = middle.every((group) => /^\d{2}$/.test(group));
  if (!western && !indian) return null;

  return groups.join('');
}

function countOf(text: string, character: string): number {
  return text.split(character).length - 1;
}
