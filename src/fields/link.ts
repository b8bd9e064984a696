// A link cell stores the ids of rows in another sheet and shows their names.
// Names are separated by ';' or a line break, not ',', because company names
// such as "Grimes, Madden and Huff" contain commas.

import { quoteValue } from './messages';
import { textCollator } from './text';
import type { FieldContext, FieldDef, FieldTypeModule, ParseResult } from './types';

const SEPARATOR = /\s*[;\n]\s*/;

function linkedSheetId(field: FieldDef): string | undefined {
  return field.settings.linkSheetId;
}

function readLinks(text: string, field: FieldDef, ctx: FieldContext): ParseResult<string[]> {
  const names = text
    .split(SEPARATOR)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (!names.length) return { ok: true, value: null };

  const sheetId = linkedSheetId(field);
  if (!sheetId)
    return { ok: false, error: `${quoteValue(text)} cannot be linked because the column links to no sheet` };
  if (!ctx.links) return { ok: false, error: `${quoteValue(text)} cannot be linked until the linked sheet has loaded` };

  const ids: string[] = [];
  for (const name of names) {
    const id = ctx.links.findRowId(sheetId, name);
    if (!id) return { ok: false, error: `${quoteValue(name)} is not a row of the linked sheet` };
    if (!ids.includes(id)) ids.push(id);
  }
  return { ok: true, value: ids };
}

function names(value: string[], field: FieldDef, ctx: FieldContext): string[] {
  const sheetId = linkedSheetId(field);
  return value.map((id) => (sheetId && ctx.links?.rowName(sheetId, id)) || id);
}

export const linkField: FieldTypeModule<string[]> = {
  type: 'link',
  label: 'Link to another sheet',
  parse: readLinks,
  format: (value, field, ctx) => names(value, field, ctx).join('; '),

  validate(value) {
    if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && id !== '')) {
      return 'A link value must be a list of row ids';
    }
    return null;
  },

  // Without the names at hand, links sort by how many rows they point to.
  compare: (a, b) => a.length - b.length || textCollator.compare(a.join(), b.join()),

  toCsv: (value, field, ctx) => names(value, field, ctx).join('; '),
  fromCsv: readLinks,
};
