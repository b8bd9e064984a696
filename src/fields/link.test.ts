import { describe, expect, it } from 'vitest';

import { linkField } from './link';
import { defaultFieldContext } from './registry';
import type { FieldContext, FieldDef, LinkLookup } from './types';

const companies: Record<string, string> = { c1: 'Grimes, Madden and Huff', c2: 'Oakes Joinery' };
const lookup: LinkLookup = {
  rowName: (sheetId, rowId) => (sheetId === 'companies' ? companies[rowId] : undefined),
  findRowId: (sheetId, name) =>
    sheetId === 'companies'
      ? Object.keys(companies).find((id) => companies[id]!.toLowerCase() === name.toLowerCase())
      : undefined,
};
const ctx: FieldContext = { ...defaultFieldContext, links: lookup };
const company: FieldDef = { id: 'f', name: 'Company', type: 'link', settings: { linkSheetId: 'companies' } };

describe('link field', () => {
  it('reads names with commas, separated by semicolons', () => {
    expect(linkField.parse('grimes, madden and huff; Oakes Joinery', company, ctx)).toEqual({
      ok: true,
      value: ['c1', 'c2'],
    });
  });

  it('rejects a name that is not a row of the linked sheet', () => {
    const result = linkField.parse('Nobody Ltd', company, ctx);
    expect(result).toEqual({ ok: false, error: '"Nobody Ltd" is not a row of the linked sheet' });
  });

  it('shows and exports names, or ids when a row is gone', () => {
    expect(linkField.format(['c2', 'c1'], company, ctx)).toBe('Oakes Joinery; Grimes, Madden and Huff');
    expect(linkField.toCsv(['gone'], company, ctx)).toBe('gone');
  });

  it('reads empty text as no link', () => {
    expect(linkField.parse(' ; ', company, ctx)).toEqual({ ok: true, value: null });
  });

  it('validates a list of ids', () => {
    expect(linkField.validate(['c1'], company)).toBeNull();
    expect(linkField.validate('c1', company)).not.toBeNull();
  });
});
