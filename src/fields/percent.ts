// A percent cell stores a fraction (0.25), but text everywhere is in percent
// points: '25%' and a bare '25' both read as 0.25, and CSV writes '25'. A bare
// '0.25' therefore means 0.25%, the same reading a user typing into the cell gets.

import {
  decimalPartsFromNumber,
  decimalToString,
  parseDecimalText,
  parsePlainDecimal,
  shiftDecimal,
  type DecimalParts,
} from './decimal';
import { quoteValue } from './messages';
import { displayDigits } from './number';
import { numberFormatter } from './numberFormat';
import type { FieldDef, FieldTypeModule, ParseResult } from './types';

const DEFAULT_MAX_DECIMALS = 2;
const PERCENT_SIGN = /^(.*?)[\s\u00a0\u202f]*[%٪]$|^[%٪][\s\u00a0\u202f]*(.*)$/;

export const percentField: FieldTypeModule<number> = {
  type: 'percent',
  label: 'Percent',

  parse(text, field, ctx) {
    const result = readPercent(text, (body) => parseDecimalText(body, ctx.locale) ?? parsePlainDecimal(body));
    return withinProbabilityRange(result, text, field);
  },

  format(value, field, ctx) {
    return numberFormatter(ctx.locale, {
      style: 'percent',
      ...displayDigits(field, DEFAULT_MAX_DECIMALS),
    }).format(value);
  },

  validate(value, field) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'A percent value must be a finite number';
    if (field.role === 'probability' && (value < 0 || value > 1)) return 'A probability must be from 0% to 100%';
    return null;
  },

  compare(a, b) {
    return a - b;
  },

  toCsv(value) {
    return decimalToString(shiftDecimal(decimalPartsFromNumber(value), 2));
  },

  fromCsv(text, field, ctx) {
    const result = readPercent(text, (body) => parsePlainDecimal(body) ?? parseDecimalText(body, ctx.locale));
    return withinProbabilityRange(result, text, field);
  },
};

function readPercent(text: string, readPoints: (body: string) => DecimalParts | null): ParseResult<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };

  const match = PERCENT_SIGN.exec(trimmed);
  const body = match ? (match[1] ?? match[2] ?? '') : trimmed;
  const points = readPoints(body);
  if (!points) return { ok: false, error: `${quoteValue(text)} is not a valid percentage` };

  return { ok: true, value: Number(decimalToString(shiftDecimal(points, -2))) };
}

/** Rejects a win probability outside 0% to 100%, which would weigh a deal at more than its value. */
function withinProbabilityRange(result: ParseResult<number>, text: string, field: FieldDef): ParseResult<number> {
  if (!result.ok || result.value === null || field.role !== 'probability') return result;
  if (result.value >= 0 && result.value <= 1) return result;
  return { ok: false, error: `${quoteValue(text)} is not a valid probability. Write a percentage from 0% to 100%.` };
}
