import { describe, expect, it } from 'vitest';

import type { ViewRecord } from '../db';
import { defaultFieldContext } from '../fields/registry';
import type { FieldDef } from '../fields/types';
import { buildColumnDefs, numericValue } from './columns';

const fields: FieldDef[] = [
  { id: 'name', name: 'Name', type: 'text', settings: {} },
  { id: 'email', name: 'Email', type: 'email', settings: {} },
  { id: 'value', name: 'Value', type: 'currency', settings: {} },
];

const view: ViewRecord = {
  id: 'view',
  sheetId: 'sheet',
  name: 'All rows',
  columns: [
    { fieldId: 'email', width: 240 },
    { fieldId: 'name', hidden: true },
  ],
  sorts: [{ fieldId: 'name', direction: 'desc' }],
  filters: {},
  isDefault: true,
  updatedAt: '2026-12-04T00:00:00.000Z',
};

describe('buildColumnDefs', () => {
  it('follows the saved order and puts unsaved fields last', () => {
    const columns = buildColumnDefs(fields, view, defaultFieldContext);
    expect(columns.map((column) => column.colId)).toEqual(['email', 'name', 'value']);
  });

  it('restores saved widths, hidden columns and sorts', () => {
    const [email, name, value] = buildColumnDefs(fields, view, defaultFieldContext);
    expect(email!.initialWidth).toBe(240);
    expect(name!.initialHide).toBe(true);
    expect(name!.initialSort).toBe('desc');
    expect(value!.initialSort).toBeNull();
  });

  it('uses a number filter for money', () => {
    const value = buildColumnDefs(fields, undefined, defaultFieldContext)[2]!;
    expect(value.filter).toBe('agNumberColumnFilter');
  });
});

describe('numericValue', () => {
  it('turns minor units into major units by the currency', () => {
    expect(numericValue({ minor: 1250, currency: 'GBP' })).toBe(12.5);
    expect(numericValue({ minor: 1250, currency: 'JPY' })).toBe(1250);
  });

  it('returns null for text', () => {
    expect(numericValue('12')).toBeNull();
  });
});
