import { quoteValue } from './messages';
import { describeChoices, findOptionByLabel, hasOption, optionLabel, optionRank } from './options';
import type { FieldDef, FieldTypeModule, ParseResult } from './types';

// ' ::: ' is how some CRM exports (such as Zoho) join several choices.
const SEPARATOR = /(\s*:::\s*|[,;])/;

/**
 * Reads labels separated by ',', ';' or ':::'. A label that itself contains a
 * separator ('Smith, Jones') still matches, because the longest run of parts
 * that names an option wins. Duplicates are dropped and the typed order is kept.
 */
function readMultiSelect(text: string, field: FieldDef): ParseResult<string[]> {
  if (text.trim() === '') return { ok: true, value: null };

  // Even indexes are the parts, odd indexes the separators between them.
  const pieces = text.split(SEPARATOR);
  const ids: string[] = [];
  const unknown: string[] = [];

  let start = 0;
  while (start < pieces.length) {
    if ((pieces[start] ?? '').trim() === '') {
      start += 2;
      continue;
    }

    let end = pieces.length;
    let matchedId: string | undefined;
    for (; end > start; end -= 2) {
      matchedId = findOptionByLabel(field, pieces.slice(start, end).join(''))?.id;
      if (matchedId) break;
    }

    if (matchedId) {
      if (!ids.includes(matchedId)) ids.push(matchedId);
      start = end + 1;
    } else {
      unknown.push((pieces[start] ?? '').trim());
      start += 2;
    }
  }

  if (unknown.length > 0) {
    const names = unknown.map(quoteValue).join(', ');
    const verb = unknown.length === 1 ? 'is not one of the choices' : 'are not among the choices';
    return { ok: false, error: `${names} in ${quoteValue(text)} ${verb}. ${describeChoices(field)}` };
  }
  return { ok: true, value: ids.length === 0 ? null : ids };
}

function labelsOf(value: string[], field: FieldDef): string {
  return value.map((id) => optionLabel(field, id)).join(', ');
}

export const multiSelectField: FieldTypeModule<string[]> = {
  type: 'multiSelect',
  label: 'Multi-select',
  parse: (text, field) => readMultiSelect(text, field),
  format: labelsOf,

  validate(value, field) {
    if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) {
      return 'A multi-select value must be a list of option ids';
    }
    const missing = value.filter((id) => !hasOption(field, id));
    if (missing.length > 0) return `The options ${missing.map(quoteValue).join(', ')} no longer exist`;
    return null;
  },

  // Lists compare option by option in choice order, and a shorter prefix sorts first.
  compare(a, b, field) {
    const length = Math.min(a.length, b.length);
    for (let index = 0; index < length; index += 1) {
      const difference = optionRank(field, a[index] ?? '') - optionRank(field, b[index] ?? '');
      if (difference !== 0) return difference;
    }
    return a.length - b.length;
  },

  toCsv: labelsOf,
  fromCsv: (text, field) => readMultiSelect(text, field),
};
