import { describe, expect, it } from 'vitest';

import type { FieldDef } from '../fields/types';
import { applyNewSheetChoices } from './planNewSheet';

const planned: FieldDef[] = [
  { id: 'a', name: 'Email', type: 'email', settings: {}, role: 'email' },
  { id: 'b', name: 'Status', type: 'text', settings: {} },
  { id: 'c', name: 'Email 2', type: 'email', settings: {} },
];
const values: Record<number, string[]> = {
  0: ['ada@quill.test'],
  1: ['Lead', 'Customer', 'lead', ''],
  2: ['bram@oakes.test'],
};

describe('applyNewSheetChoices', () => {
  it('keeps planned fields whose type was not changed', () => {
    const fields = applyNewSheetChoices(
      planned,
      planned.map((field) => ({ keep: true, type: field.type })),
      (column) => values[column]!,
    );
    expect(fields.map((field) => field?.id)).toEqual(['a', 'b', 'c']);
    expect(fields[0]!.role).toBe('email');
  });

  it('returns null for a skipped column', () => {
    const fields = applyNewSheetChoices(
      planned,
      [{ keep: false }, { keep: true, type: 'text' }, { keep: true, type: 'email' }],
      (column) => values[column]!,
    );
    expect(fields[0]).toBeNull();
  });

  it('gives a retyped select column its distinct values as choices', () => {
    const fields = applyNewSheetChoices(
      planned,
      [
        { keep: true, type: 'email' },
        { keep: true, type: 'select' },
        { keep: true, type: 'email' },
      ],
      (column) => values[column]!,
    );
    expect(fields[1]!.type).toBe('select');
    expect(fields[1]!.settings.options?.map((option) => option.label)).toEqual(['Lead', 'Customer']);
  });

  it('gives a role to one column only', () => {
    const fields = applyNewSheetChoices(
      planned,
      [{ keep: false }, { keep: true, type: 'text' }, { keep: true, type: 'email' }],
      (column) => values[column]!,
    );
    expect(fields[2]!.role).toBe('email');

    const both = applyNewSheetChoices(
      planned,
      planned.map((field) => ({ keep: true, type: field.type })),
      (column) => values[column]!,
    );
    expect(both.filter((field) => field?.role === 'email')).toHaveLength(1);
  });
});
