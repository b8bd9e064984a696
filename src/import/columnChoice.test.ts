import { describe, expect, it } from 'vitest';

import type { FieldDef } from '../fields/types';
import { choiceToMapping, initialMapping, mappingToChoice, previewFields } from './columnChoice';

const inferred: FieldDef[] = [
  { id: 'n1', name: 'First Name', type: 'text', settings: {} },
  { id: 'n2', name: 'Last Name', type: 'text', settings: {} },
  { id: 'n3', name: 'City', type: 'text', settings: {} },
  { id: 'n4', name: 'E-mail', type: 'email', settings: {} },
];
const sheetFields: FieldDef[] = [
  { id: 'name', name: 'Name', type: 'text', settings: {}, role: 'name' },
  { id: 'email', name: 'Email', type: 'email', settings: {}, role: 'email' },
];
const headers = inferred.map((field) => field.name);

describe('initialMapping', () => {
  it('proposes unmatched columns as new columns, except combined name parts', () => {
    const mapping = initialMapping(
      {
        columns: [{ kind: 'skip' }, { kind: 'skip' }, { kind: 'skip' }, { kind: 'field', fieldId: 'email' }],
        combineName: { first: 0, last: 1, fieldId: 'name' },
      },
      headers,
      inferred,
    );
    expect(mapping.columns).toEqual([
      { kind: 'skip' },
      { kind: 'skip' },
      { kind: 'new', name: 'City', type: 'text' },
      { kind: 'field', fieldId: 'email' },
    ]);
  });
});

describe('column choices', () => {
  it('round-trips between select values and mappings', () => {
    expect(mappingToChoice({ kind: 'field', fieldId: 'email' })).toBe('field:email');
    expect(choiceToMapping('field:email', 'E-mail', 'email')).toEqual({ kind: 'field', fieldId: 'email' });
    expect(choiceToMapping('new', 'City', 'text')).toEqual({ kind: 'new', name: 'City', type: 'text' });
    expect(choiceToMapping('skip', 'City', 'text')).toEqual({ kind: 'skip' });
  });
});

describe('previewFields', () => {
  it('shows the sheet field a column fills', () => {
    const fields = previewFields('existingSheet', inferred, [], sheetFields, {
      columns: [
        { kind: 'skip' },
        { kind: 'skip' },
        { kind: 'new', name: 'City', type: 'text' },
        { kind: 'field', fieldId: 'email' },
      ],
    });
    expect(fields.map((field) => field?.id ?? null)).toEqual([null, null, 'n3', 'email']);
  });

  it('uses the chosen type for a retyped new-sheet column', () => {
    const fields = previewFields(
      'newSheet',
      inferred,
      [{ keep: true, type: 'text' }, { keep: false }, { keep: true, type: 'longText' }, { keep: true, type: 'email' }],
      [],
      { columns: [] },
    );
    expect(fields.map((field) => field?.type ?? null)).toEqual(['text', null, 'longText', 'email']);
  });
});
