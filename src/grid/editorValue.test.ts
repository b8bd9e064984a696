import { describe, expect, it } from 'vitest';

import { defaultFieldContext } from '../fields/registry';
import type { FieldDef } from '../fields/types';
import { cellValueFromEditor } from './editorValue';

const ctx = defaultFieldContext;
const field = (type: FieldDef['type'], settings: FieldDef['settings'] = {}): FieldDef => ({
  id: 'f',
  name: 'Column',
  type,
  settings,
});

describe('cellValueFromEditor', () => {
  it('clears the cell for empty editor values', () => {
    for (const empty of [null, undefined, '', '   ']) {
      expect(cellValueFromEditor(empty, field('text'), ctx)).toEqual({ value: null });
    }
  });

  it('keeps a checkbox boolean', () => {
    expect(cellValueFromEditor(false, field('checkbox'), ctx)).toEqual({ value: false });
  });

  it('accepts an option id from the select editor', () => {
    const status = field('select', { options: [{ id: 'opt-1', label: 'Customer' }] });
    expect(cellValueFromEditor('opt-1', status, ctx)).toEqual({ value: 'opt-1' });
  });

  it('parses typed text through the field type', () => {
    expect(cellValueFromEditor('£1,234.50', field('currency'), ctx)).toEqual({
      value: { minor: 123450, currency: 'GBP' },
    });
    expect(cellValueFromEditor('2026-12-04', field('date'), ctx)).toEqual({ value: '2026-12-04' });
  });

  it('keeps text that does not parse, with the reason', () => {
    const result = cellValueFromEditor('not an email', field('email'), ctx);
    expect(result.value).toEqual({ invalid: 'not an email' });
    expect(result.error).toContain('not an email');
  });
});
