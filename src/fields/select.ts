import { quoteValue } from './messages';
import { describeChoices, findOptionByLabel, hasOption, optionLabel, optionRank } from './options';
import { textCollator } from './text';
import type { FieldDef, FieldTypeModule, ParseResult } from './types';

function readSelect(text: string, field: FieldDef): ParseResult<string> {
  if (text.trim() === '') return { ok: true, value: null };

  const option = findOptionByLabel(field, text);
  if (!option) return { ok: false, error: `${quoteValue(text)} is not one of the choices. ${describeChoices(field)}` };
  return { ok: true, value: option.id };
}

export const selectField: FieldTypeModule<string> = {
  type: 'select',
  label: 'Select',
  parse: (text, field) => readSelect(text, field),
  format: (value, field) => optionLabel(field, value),

  validate(value, field) {
    if (typeof value !== 'string') return 'A select value must be an option id';
    if (!hasOption(field, value)) return `The option ${quoteValue(value)} no longer exists`;
    return null;
  },

  compare(a, b, field) {
    return optionRank(field, a) - optionRank(field, b) || textCollator.compare(a, b);
  },

  toCsv: (value, field) => optionLabel(field, value),
  fromCsv: (text, field) => readSelect(text, field),
};
