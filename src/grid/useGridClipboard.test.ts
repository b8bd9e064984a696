import { describe, expect, it } from 'vitest';

import { defaultFieldContext } from '../fields/registry';
import type { FieldDef } from '../fields/types';
import { describePaste, planPaste, type PastePlan } from './useGridClipboard';

const ctx = defaultFieldContext;
const nameField: FieldDef = { id: 'f-name', name: 'Name', type: 'text', settings: {} };
const emailField: FieldDef = { id: 'f-email', name: 'Email', type: 'email', settings: {} };
const statusField: FieldDef = {
  id: 'f-status',
  name: 'Status',
  type: 'select',
  settings: { options: [{ id: 'opt-lead', label: 'Lead' }] },
};
const phoneField: FieldDef = { id: 'f-phone', name: 'Phone', type: 'phone', settings: {} };

const emptyPlan: PastePlan = {
  edits: [],
  newRows: [],
  rowCount: 3,
  columnCount: 4,
  droppedColumnCount: 0,
  invalidCount: 0,
};

describe('planPaste', () => {
  it('edits target rows column by column', () => {
    const plan = planPaste(
      [
        ['Ada', 'ada@quill.test'],
        ['Bram', ''],
      ],
      { fields: [nameField, emailField, statusField], rowIds: ['r1', 'r2'] },
      ctx,
    );

    expect(plan.edits).toEqual([
      { rowId: 'r1', fieldId: 'f-name', value: 'Ada' },
      { rowId: 'r1', fieldId: 'f-email', value: 'ada@quill.test' },
      { rowId: 'r2', fieldId: 'f-name', value: 'Bram' },
      { rowId: 'r2', fieldId: 'f-email', value: null },
    ]);
    expect(plan.newRows).toEqual([]);
    expect(plan.rowCount).toBe(2);
    expect(plan.columnCount).toBe(2);
    expect(plan.droppedColumnCount).toBe(0);
  });

  it('adds new rows below the last target row', () => {
    const plan = planPaste(
      [['Ada'], ['Bram'], ['Cleo'], ['']],
      { fields: [nameField, emailField], rowIds: ['r1'] },
      ctx,
    );

    expect(plan.edits).toEqual([{ rowId: 'r1', fieldId: 'f-name', value: 'Ada' }]);
    expect(plan.newRows).toEqual([{ 'f-name': 'Bram' }, { 'f-name': 'Cleo' }, {}]);
    expect(plan.rowCount).toBe(4);
  });

  it('drops block columns beyond the last field', () => {
    const plan = planPaste(
      [['Ada', 'ada@quill.test', 'extra', 'more']],
      { fields: [nameField, emailField], rowIds: [] },
      ctx,
    );

    expect(plan.columnCount).toBe(2);
    expect(plan.droppedColumnCount).toBe(2);
    expect(plan.newRows).toEqual([{ 'f-name': 'Ada', 'f-email': 'ada@quill.test' }]);
  });

  it('keeps text that does not parse as invalid', () => {
    const plan = planPaste(
      [
        ['not an email', 'Lead'],
        ['also bad', 'Unknown status'],
      ],
      { fields: [emailField, statusField], rowIds: ['r1'] },
      ctx,
    );

    expect(plan.edits).toEqual([
      { rowId: 'r1', fieldId: 'f-email', value: { invalid: 'not an email' } },
      { rowId: 'r1', fieldId: 'f-status', value: 'opt-lead' },
    ]);
    expect(plan.newRows).toEqual([{ 'f-email': { invalid: 'also bad' }, 'f-status': { invalid: 'Unknown status' } }]);
    expect(plan.invalidCount).toBe(3);
    expect(plan.firstError).toMatch(/not an email/);
  });

  it('parses phones for their column', () => {
    const plan = planPaste([['+44 20 7946 0958']], { fields: [phoneField], rowIds: ['r1'] }, ctx);
    expect(plan.edits).toEqual([
      { rowId: 'r1', fieldId: 'f-phone', value: { text: '+44 20 7946 0958', e164: '+442079460958' } },
    ]);
  });

  it('plans nothing without a field to paste into', () => {
    const plan = planPaste([['Ada', 'Bram']], { fields: [], rowIds: ['r1'] }, ctx);

    expect(plan.edits).toEqual([]);
    expect(plan.newRows).toEqual([]);
    expect(plan.columnCount).toBe(0);
    expect(plan.droppedColumnCount).toBe(2);
  });
});

describe('describePaste', () => {
  it('reports rows and columns', () => {
    expect(describePaste(emptyPlan, false)).toBe('Pasted 3 rows × 4 columns.');
    expect(describePaste({ ...emptyPlan, rowCount: 1, columnCount: 1 }, false)).toBe('Pasted 1 row × 1 column.');
  });

  it('reports new rows and a hiding filter', () => {
    const plan = { ...emptyPlan, newRows: [{}, {}] };
    expect(describePaste(plan, false)).toBe('Pasted 3 rows × 4 columns. 2 new rows were added at the end.');
    expect(describePaste(plan, true)).toContain('New rows that do not match the current filter or search are hidden.');
  });

  it('reports invalid values with the first reason', () => {
    const plan = { ...emptyPlan, invalidCount: 1, firstError: '"x" is not a valid email address' };
    expect(describePaste(plan, false)).toBe(
      'Pasted 3 rows × 4 columns. 1 value does not fit the column type and is kept as typed, ' +
        'marked in red ("x" is not a valid email address).',
    );
    expect(describePaste({ ...plan, invalidCount: 2 }, false)).toContain('2 values do not fit the column type and are');
  });

  it('reports dropped columns', () => {
    expect(describePaste({ ...emptyPlan, droppedColumnCount: 1 }, false)).toContain(
      '1 column beyond the last column was left out.',
    );
    expect(describePaste({ ...emptyPlan, droppedColumnCount: 3 }, false)).toContain(
      '3 columns beyond the last column were left out.',
    );
  });
});
