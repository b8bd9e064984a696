// For every field type and every locale offered in Settings, the text a cell
// shows must read back to the value it shows: a user who opens a cell and
// presses Enter without typing must not change it.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatCell, parseCell, parseCsvCell, cellToCsv } from '../../../src/fields/registry';
import type { FieldContext, FieldDef, LinkLookup } from '../../../src/fields/types';
import { ALL_FIELDS, SUPPORTED_CONTEXTS, valueFor } from './arbitraries';

/** Checkbox false shows as an empty cell, which reads back as empty, so only true is a round trip. */
function isRoundTripValue(field: FieldDef, value: unknown): boolean {
  return !(field.type === 'checkbox' && value === false);
}

describe.each(SUPPORTED_CONTEXTS.map((ctx) => [ctx.locale, ctx] as const))('fields in %s', (_locale, ctx) => {
  test.each(ALL_FIELDS.map((field) => [field.type, field] as const))('%s: format then parse', (_type, field) => {
    fc.assert(
      fc.property(valueFor(field, ctx), (value) => {
        fc.pre(isRoundTripValue(field, value));
        const shown = formatCell(value, field, ctx);
        expect(parseCell(shown, field, ctx), `cell shown as ${JSON.stringify(shown)}`).toEqual({ ok: true, value });
      }),
    );
  });

  test.each(ALL_FIELDS.map((field) => [field.type, field] as const))('%s: toCsv then fromCsv', (_type, field) => {
    fc.assert(
      fc.property(valueFor(field, ctx), (value) => {
        const written = cellToCsv(value, field, ctx);
        expect(parseCsvCell(written, field, ctx), `CSV text ${JSON.stringify(written)}`).toEqual({ ok: true, value });
      }),
    );
  });

  test('link: format then parse', () => {
    const names = ['Harrowgate Looms', 'Pike & Fennel', 'Zoë Ünal', 'مرحبا', '=SUM(A1)'];
    const links: LinkLookup = {
      rowName: (_sheetId, rowId) => names[Number(rowId.replace('row-', ''))],
      findRowId: (_sheetId, name) => {
        const index = names.findIndex((each) => each.toLowerCase() === name.trim().toLowerCase());
        return index === -1 ? undefined : `row-${index}`;
      },
    };
    const field: FieldDef = { id: 'field-link', name: 'Company', type: 'link', settings: { linkSheetId: 'companies' } };
    const linkedCtx: FieldContext = { ...ctx, links };
    const rowIds = fc.uniqueArray(fc.constantFrom(...names.map((_, index) => `row-${index}`)), { minLength: 1 });
    fc.assert(
      fc.property(rowIds, (value) => {
        const shown = formatCell(value, field, linkedCtx);
        expect(parseCell(shown, field, linkedCtx), `cell shown as ${JSON.stringify(shown)}`).toEqual({
          ok: true,
          value,
        });
      }),
    );
  });
});
