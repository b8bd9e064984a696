import { describe, expect, it } from 'vitest';

import type { RowRecord, SheetRecord } from '../db/records';
import { defaultFieldContext } from '../fields/context';
import type { CellValue, FieldDef } from '../fields/types';
import { buildEntry, MatchLevel, SearchIndexBuilder, searchEntries, type SearchEntry } from './searchIndex';

const customerFields: FieldDef[] = [
  { id: 'name', name: 'Name', type: 'text', settings: {}, role: 'name' },
  { id: 'company', name: 'Company', type: 'text', settings: {} },
  { id: 'email', name: 'Email', type: 'email', settings: {} },
  { id: 'phone', name: 'Phone', type: 'phone', settings: {} },
  { id: 'visits', name: 'Visits', type: 'number', settings: {} },
];

function makeSheet(id: string, fields: FieldDef[]): SheetRecord {
  return {
    id,
    name: id === 'customers' ? 'Customers' : 'Activities',
    fields,
    position: 0,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    deleted: 0,
  };
}

const customers = makeSheet('customers', customerFields);
const activities = makeSheet('activities', [
  { id: 'notes', name: 'Notes', type: 'longText', settings: {} },
  { id: 'customer', name: 'Customer', type: 'link', settings: { linkSheetId: 'customers' }, role: 'contact' },
]);

function makeRow(sheetId: string, id: string, values: Record<string, CellValue>, updatedAt = '2025-01-01'): RowRecord {
  return {
    id,
    sheetId,
    values,
    position: 0,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: `${updatedAt}T00:00:00.000Z`,
    deleted: 0,
  };
}

function index(rows: RowRecord[]): SearchEntry[] {
  return rows.map((row) => buildEntry(row.sheetId === 'customers' ? customers : activities, row, defaultFieldContext));
}

function ids(entries: SearchEntry[], query: string): string[] {
  return searchEntries(entries, query).map((result) => result.entry.rowId);
}

describe('search ranking', () => {
  it('exact before prefix before word prefix before substring', () => {
    const entries = index([
      makeRow('customers', 'substring', { name: 'Joanna' }),
      makeRow('customers', 'wordPrefix', { name: 'Mary Ann' }),
      makeRow('customers', 'prefix', { name: 'Annabel' }),
      makeRow('customers', 'exact', { name: 'Ann' }),
    ]);
    expect(ids(entries, 'ann')).toEqual(['exact', 'prefix', 'wordPrefix', 'substring']);
    expect(searchEntries(entries, 'ann').map((result) => result.level)).toEqual([
      MatchLevel.exact,
      MatchLevel.prefix,
      MatchLevel.wordPrefix,
      MatchLevel.substring,
    ]);
  });

  it('name column ranks above others', () => {
    const entries = index([
      makeRow('customers', 'company', { name: 'Zed', company: 'Brook Farm' }, '2025-06-01'),
      makeRow('customers', 'name', { name: 'Brook Adams' }, '2024-01-01'),
    ]);
    expect(ids(entries, 'brook')).toEqual(['name', 'company']);
  });

  it('recent rows break ties', () => {
    const entries = index([
      makeRow('customers', 'old', { name: 'Sam Hill' }, '2024-01-01'),
      makeRow('customers', 'new', { name: 'Sam Hall' }, '2025-01-01'),
    ]);
    expect(ids(entries, 'sam')).toEqual(['new', 'old']);
  });

  it('ignores case and accents', () => {
    const entries = index([makeRow('customers', 'zoe', { name: 'Zoë Lefèvre' })]);
    expect(ids(entries, 'LEFEVRE')).toEqual(['zoe']);
  });

  it('finds part of an email', () => {
    const entries = index([
      makeRow('customers', 'ana', { name: 'Ana', email: 'ana.lopez@orchard.example' }),
      makeRow('customers', 'ben', { name: 'Ben', email: 'ben@mill.example' }),
    ]);
    expect(ids(entries, 'lopez@orch')).toEqual(['ana']);
  });

  it('finds phones by digits', () => {
    const entries = index([
      makeRow('customers', 'ana', { name: 'Ana', phone: { text: '+44 7700 900123', e164: '+447700900123' } }),
      makeRow('customers', 'ben', { name: 'Ben', phone: { text: '01632 960 001' } }),
    ]);
    expect(ids(entries, '900123')).toEqual(['ana']);
    expect(ids(entries, '01632 960')).toEqual(['ben']);
    expect(ids(entries, '7700900')).toEqual(['ana']);
  });

  it('does not search numbers', () => {
    const entries = index([makeRow('customers', 'ana', { name: 'Ana', visits: 1234 })]);
    expect(ids(entries, '1234')).toEqual([]);
  });

  it('matches every word across cells', () => {
    const entries = index([
      makeRow('customers', 'ana', { name: 'Ana Lopez', company: 'Orchard' }),
      makeRow('customers', 'ben', { name: 'Ben Lopez', company: 'Mill' }),
    ]);
    expect(ids(entries, 'lopez orchard')).toEqual(['ana']);
  });

  it('empty query has no results', () => {
    expect(searchEntries(index([makeRow('customers', 'ana', { name: 'Ana' })]), '   ')).toEqual([]);
  });
});

describe('activities', () => {
  it('listed under their customer', () => {
    const entries = index([
      makeRow('customers', 'ana', { name: 'Ana Parcel' }),
      makeRow('customers', 'ben', { name: 'Ben Parcel' }, '2025-02-01'),
      makeRow('activities', 'call', { notes: 'Parcel was late', customer: ['ana'] }),
    ]);
    const results = searchEntries(entries, 'parcel');
    expect(results.map((result) => result.entry.rowId)).toEqual(['ben', 'ana', 'call']);
    expect(results[2]?.underCustomer).toBe(true);
  });

  it('shown alone when the customer does not match', () => {
    const entries = index([
      makeRow('customers', 'ana', { name: 'Ana' }),
      makeRow('activities', 'call', { notes: 'Asked about invoices', customer: ['ana'] }),
    ]);
    const results = searchEntries(entries, 'invoice');
    expect(results.map((result) => result.entry.rowId)).toEqual(['call']);
    expect(results[0]?.underCustomer).toBe(false);
    expect(results[0]?.entry.customer).toEqual({ sheetId: 'customers', rowId: 'ana' });
  });
});

describe('index builder', () => {
  it('reuses unchanged entries', () => {
    const builder = new SearchIndexBuilder();
    const ana = makeRow('customers', 'ana', { name: 'Ana' });
    const first = builder.build([customers], new Map([['customers', [ana]]]), defaultFieldContext);

    const again = builder.build([customers], new Map([['customers', [{ ...ana }]]]), defaultFieldContext);
    expect(again[0]).toBe(first[0]);

    const edited = makeRow('customers', 'ana', { name: 'Anna' }, '2025-05-05');
    const changed = builder.build([customers], new Map([['customers', [edited]]]), defaultFieldContext);
    expect(changed[0]).not.toBe(first[0]);
    expect(changed[0]?.title).toBe('Anna');
  });
});
