import { describe, expect, it } from 'vitest';

import type { CellValue, FieldDef } from '../fields/types';
import { DuplicateIndex, keyFieldsOf, keysOfValues, nameKey, resolveDuplicates } from './duplicates';

const fields: FieldDef[] = [
  { id: 'name', name: 'Name', type: 'text', settings: {}, role: 'name' },
  { id: 'mail', name: 'Email', type: 'email', settings: {} },
  { id: 'tel', name: 'Phone', type: 'phone', settings: {} },
  { id: 'city', name: 'City', type: 'text', settings: {} },
];
const keyFields = keyFieldsOf(fields);

describe('duplicate keys', () => {
  it('picks fields by role, else by type', () => {
    expect(keyFields).toEqual({ name: 'name', email: 'mail', phone: 'tel' });
  });

  it('folds case and accents in names', () => {
    expect(nameKey('  Renée   DUPONT ')).toBe('renee dupont');
    expect(nameKey(' ')).toBeUndefined();
  });

  it('reads keys from stored values', () => {
    expect(
      keysOfValues(
        { name: 'Zoë Hart', mail: ' Zoe@Hart.Example ', tel: { text: '07700 900123', e164: '+447700900123' } },
        keyFields,
      ),
    ).toEqual({ name: 'zoe hart', email: 'zoe@hart.example', phone: '+447700900123' });
    expect(keysOfValues({ tel: { invalid: '-9892' } }, keyFields)).toEqual({});
  });
});

describe('DuplicateIndex', () => {
  const index = new DuplicateIndex([
    { rowId: 'r1', keys: { email: 'ada@example.com', name: 'ada quill' } },
    { rowId: 'r2', keys: { phone: '+447700900123', name: 'bram oakes' } },
  ]);

  it('matches by email, then phone, then name', () => {
    expect(index.find({ email: 'ada@example.com' })).toEqual({
      target: { kind: 'existing', rowId: 'r1' },
      by: 'email',
    });
    expect(index.find({ phone: '+447700900123' })).toEqual({ target: { kind: 'existing', rowId: 'r2' }, by: 'phone' });
    expect(index.find({ name: 'bram oakes' })).toEqual({ target: { kind: 'existing', rowId: 'r2' }, by: 'name' });
    expect(index.find({ email: 'nobody@example.com' })).toBeUndefined();
  });

  it('refuses a phone match when the names differ', () => {
    // Two companies that give the same switchboard or placeholder number are not one customer.
    expect(index.find({ phone: '+447700900123', name: 'cleo marsh' })).toBeUndefined();
    expect(index.find({ phone: '+447700900123', name: 'bram oakes' })).toMatchObject({ by: 'phone' });
  });

  it('refuses a name match when the phones differ', () => {
    expect(index.find({ name: 'bram oakes', phone: '+447700900999' })).toBeUndefined();
  });

  it('ignores names without letters or digits', () => {
    expect(nameKey('????????')).toBeUndefined();
    expect(nameKey(' - ')).toBeUndefined();
  });

  it('refuses a name match when the emails differ', () => {
    expect(index.find({ name: 'ada quill', email: 'other@example.com' })).toBeUndefined();
    expect(index.find({ name: 'bram oakes', email: 'bram@example.com' })).toMatchObject({ by: 'name' });
  });
});

describe('resolveDuplicates', () => {
  const existing = [{ rowId: 'r1', keys: { email: 'ada@example.com', name: 'ada quill' } }];
  const records: Record<string, CellValue>[] = [
    { name: 'Ada Quill', mail: 'ADA@example.com', city: 'Ludlow' },
    { name: 'Cleo Marsh', mail: 'cleo@example.com' },
    { name: 'cleo marsh', city: 'Bath' },
    { name: 'Dev Rao' },
  ];

  it('skips duplicates', () => {
    const outcome = resolveDuplicates(records, keyFields, existing, 'skip');
    expect(outcome.added.map((row) => row['name'])).toEqual(['Cleo Marsh', 'Dev Rao']);
    expect(outcome.skippedRows).toBe(2);
    expect(outcome.updatedRows).toBe(0);
    expect(outcome.counts).toEqual({ existing: { email: 1, phone: 0, name: 0 }, withinFile: 1 });
  });

  it('updates existing rows and merges file duplicates', () => {
    const outcome = resolveDuplicates(records, keyFields, existing, 'update');
    expect([...outcome.updates]).toEqual([['r1', { name: 'Ada Quill', mail: 'ADA@example.com', city: 'Ludlow' }]]);
    expect(outcome.added).toEqual([
      { name: 'cleo marsh', mail: 'cleo@example.com', city: 'Bath' },
      { name: 'Dev Rao' },
    ]);
    expect(outcome.updatedRows).toBe(2);
    expect(outcome.skippedRows).toBe(0);
  });

  it('adds duplicates as new rows', () => {
    const outcome = resolveDuplicates(records, keyFields, existing, 'add');
    expect(outcome.added).toHaveLength(4);
    expect(outcome.counts.withinFile).toBe(1);
  });
});
