import { describe, expect, it } from 'vitest';

import type { RowRecord, SheetRecord } from '../db';
import type { CellValue, FieldDef } from '../fields/types';
import { findDuplicates, phoneKeys } from './duplicates';

const FIELDS: FieldDef[] = [
  { id: 'name', name: 'Name', type: 'text', settings: {}, role: 'name' },
  { id: 'email', name: 'Email', type: 'email', settings: {}, role: 'email' },
  { id: 'phone', name: 'Phone', type: 'phone', settings: {}, role: 'phone' },
];
const SHEET: SheetRecord = {
  id: 'clients',
  name: 'Clients',
  fields: FIELDS,
  position: 0,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
  deleted: 0,
};

function row(id: string, values: Record<string, CellValue>, deleted: 0 | 1 = 0): RowRecord {
  return { id, sheetId: SHEET.id, values, position: 0, createdAt: '', updatedAt: '', deleted };
}

const ROWS = [
  row('r1', {
    name: 'Perpetua Okonkwo',
    email: 'Perpetua@Kiln.example',
    phone: { text: '+44 7700 900312', e164: '+447700900312' },
  }),
  row('r2', { name: 'Lysander Quayle', email: 'lysander@quayle.example', phone: { text: '01632 960 111' } }),
  row('r3', { name: 'Binned Person', email: 'binned@person.example' }, 1),
];

describe('findDuplicates', () => {
  it('matches an email ignoring case and spaces', () => {
    const matches = findDuplicates(SHEET, ROWS, { email: '  perpetua@kiln.example ' });
    expect(matches.map((match) => [match.row.id, match.kind])).toEqual([['r1', 'email']]);
  });

  it('matches a phone by its E.164 form', () => {
    const matches = findDuplicates(SHEET, ROWS, { phone: { text: '07700 900312', e164: '+447700900312' } });
    expect(matches.map((match) => [match.row.id, match.kind])).toEqual([['r1', 'phone']]);
  });

  it('matches a phone without E.164 by digits', () => {
    const matches = findDuplicates(SHEET, ROWS, { phone: { text: '(01632) 960-111' } });
    expect(matches.map((match) => match.row.id)).toEqual(['r2']);
  });

  it('lists a row matching twice once', () => {
    const matches = findDuplicates(SHEET, ROWS, {
      email: 'perpetua@kiln.example',
      phone: { text: '+447700900312', e164: '+447700900312' },
    });
    expect(matches.map((match) => [match.row.id, match.kind])).toEqual([['r1', 'email']]);
  });

  it('ignores rows in the trash', () => {
    expect(findDuplicates(SHEET, ROWS, { email: 'binned@person.example' })).toEqual([]);
  });

  it('finds nothing for new values', () => {
    expect(findDuplicates(SHEET, ROWS, { email: 'new@person.example', phone: { text: '+44 7700 900999' } })).toEqual(
      [],
    );
  });

  it('finds nothing for empty values', () => {
    expect(findDuplicates(SHEET, [...ROWS, row('r4', { name: 'No contact' })], { name: 'Someone' })).toEqual([]);
  });
});

describe('phoneKeys', () => {
  it('skips digits too short to compare', () => {
    expect(phoneKeys({ text: '123' })).toEqual([]);
  });
});
