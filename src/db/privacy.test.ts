import { afterEach, describe, expect, it, vi } from 'vitest';

import type { FieldDef } from '../fields/types';
import { getDatabase, resetDatabaseForTests } from './connection';
import { erasePerson, exportPersonData, getPersonName, previewErasure } from './privacy';
import { addReminder, reconcileReminders } from './reminders';
import { deleteRows, editCells } from './rows';
import { createSheets } from './sheets';

afterEach(() => resetDatabaseForTests());

const CLIENT_FIELDS: FieldDef[] = [
  { id: 'c-name', name: 'Name', type: 'text', settings: {}, role: 'name' },
  { id: 'c-email', name: 'Email', type: 'email', settings: {}, role: 'email' },
  { id: 'c-phone', name: 'Phone', type: 'phone', settings: {}, role: 'phone' },
  { id: 'c-follow', name: 'Next follow-up', type: 'date', settings: {}, role: 'followUpDate' },
];

const ACTIVITY_FIELDS: FieldDef[] = [
  { id: 'a-date', name: 'Date', type: 'dateTime', settings: {} },
  {
    id: 'a-type',
    name: 'Type',
    type: 'select',
    settings: { options: [{ id: 'call', label: 'Call' }] },
  },
  { id: 'a-customer', name: 'Customer', type: 'link', settings: { linkSheetId: 'clients' }, role: 'contact' },
  { id: 'a-notes', name: 'Notes', type: 'longText', settings: {}, role: 'notes' },
];

const DEAL_FIELDS: FieldDef[] = [
  { id: 'd-name', name: 'Deal', type: 'text', settings: {}, role: 'name' },
  { id: 'd-value', name: 'Value', type: 'currency', settings: {}, role: 'dealValue' },
  { id: 'd-contact', name: 'Contact', type: 'link', settings: { linkSheetId: 'clients' }, role: 'contact' },
];

/** The person erased in these tests, and every piece of text that identifies them. */
const ADA = {
  id: 'client-ada',
  name: 'Ada Quennell-Øberg',
  email: 'ada.quennell@example.test',
  phone: '+44 7700 900123',
  note: 'Ada asked about the 🌿 autumn package',
  trashedNote: 'Ada cancelled Tuesday',
};

const BRAM = { id: 'client-bram', name: 'Bram Oduya', email: 'bram@example.test' };

/**
 * Builds Clients, Activities and Deals with two people. Ada has a follow-up,
 * a standalone reminder, an activity of her own (one more in the trash), a
 * call shared with Bram, her own deal and a deal shared with Bram. Edits
 * leave history entries about both people.
 */
async function buildWorkbook(): Promise<void> {
  await createSheets([
    {
      id: 'clients',
      name: 'Clients',
      fields: CLIENT_FIELDS,
      rowIds: [ADA.id, BRAM.id],
      rows: [
        {
          'c-name': ADA.name,
          'c-email': ADA.email,
          'c-phone': { text: ADA.phone, e164: '+447700900123' },
          'c-follow': '2026-12-20',
        },
        { 'c-name': BRAM.name, 'c-email': BRAM.email, 'c-follow': '2026-12-21' },
      ],
    },
    {
      id: 'activities',
      name: 'Activities',
      fields: ACTIVITY_FIELDS,
      rowIds: ['act-ada', 'act-ada-trashed', 'act-bram', 'act-both'],
      rows: [
        { 'a-date': '2026-11-02T10:00:00.000Z', 'a-type': 'call', 'a-customer': [ADA.id], 'a-notes': ADA.note },
        { 'a-date': '2026-11-03T10:00:00.000Z', 'a-customer': [ADA.id], 'a-notes': ADA.trashedNote },
        { 'a-date': '2026-11-04T10:00:00.000Z', 'a-customer': [BRAM.id], 'a-notes': 'Bram wants a quote' },
        { 'a-date': '2026-11-05T10:00:00.000Z', 'a-customer': [ADA.id, BRAM.id], 'a-notes': 'Joint planning call' },
      ],
    },
    {
      id: 'deals',
      name: 'Deals',
      fields: DEAL_FIELDS,
      rowIds: ['deal-ada', 'deal-both'],
      rows: [
        { 'd-name': 'Garden redesign', 'd-value': { minor: 125000, currency: 'GBP' }, 'd-contact': [ADA.id] },
        { 'd-name': 'Shared hedge', 'd-value': { minor: 40000, currency: 'GBP' }, 'd-contact': [ADA.id, BRAM.id] },
      ],
    },
  ]);

  await deleteRows('activities', ['act-ada-trashed']);
  await editCells('clients', [
    { rowId: ADA.id, fieldId: 'c-email', value: ADA.email },
    { rowId: BRAM.id, fieldId: 'c-email', value: 'bram.oduya@example.test' },
  ]);
  await editCells('deals', [{ rowId: 'deal-ada', fieldId: 'd-name', value: 'Garden redesign, phase 1' }]);

  const now = new Date('2026-12-01T09:00:00Z');
  await reconcileReminders(now.toISOString());
  await addReminder(
    { title: 'Send Ada the invoice', sheetId: 'clients', rowId: ADA.id, date: '2026-12-10', time: '09:00' },
    now,
  );
  await addReminder(
    { title: 'Call Bram back', sheetId: 'clients', rowId: BRAM.id, date: '2026-12-11', time: '09:00' },
    now,
  );

  const database = getDatabase();
  await database.ruleRuns.add({
    id: 'run-1',
    ruleId: 'rule-1',
    at: '2026-11-30T09:00:00.000Z',
    rowIds: [ADA.id, BRAM.id],
    outcome: 'applied',
    message: 'Set a value',
  });
}

async function dumpDatabase(): Promise<Record<string, unknown[]>> {
  const database = getDatabase();
  const dump: Record<string, unknown[]> = {};
  for (const table of database.tables) dump[table.name] = await table.toArray();
  return dump;
}

describe('erasePerson', () => {
  it('leaves nothing about the person anywhere', async () => {
    await buildWorkbook();
    await erasePerson('clients', ADA.id);

    const text = JSON.stringify(await dumpDatabase());
    for (const trace of [ADA.id, ADA.name, ADA.email, ADA.phone, '447700900123', ADA.note, ADA.trashedNote]) {
      expect(text, `"${trace}" is still in the database`).not.toContain(trace);
    }
    for (const rowId of ['act-ada', 'act-ada-trashed']) {
      expect(text, `conversation ${rowId} is still in the database`).not.toContain(rowId);
    }
  });

  it('keeps other people and shared rows', async () => {
    await buildWorkbook();
    const database = getDatabase();
    const bramBefore = await database.rows.get(BRAM.id);
    const bramActivityBefore = await database.rows.get('act-bram');

    await erasePerson('clients', ADA.id);

    expect(await database.rows.get(BRAM.id)).toEqual(bramBefore);
    expect(await database.rows.get('act-bram')).toEqual(bramActivityBefore);

    const shared = await database.rows.get('act-both');
    expect(shared?.values['a-customer']).toEqual([BRAM.id]);
    expect(shared?.values['a-notes']).toBe('Joint planning call');

    const ownDeal = await database.rows.get('deal-ada');
    expect(ownDeal?.values['d-contact']).toBeUndefined();
    expect(ownDeal?.values['d-value']).toEqual({ minor: 125000, currency: 'GBP' });
    expect(ownDeal?.values['d-name']).toBe('Garden redesign, phase 1');
    expect((await database.rows.get('deal-both'))?.values['d-contact']).toEqual([BRAM.id]);

    const reminders = await database.reminders.toArray();
    expect(reminders.map((reminder) => reminder.title).sort()).toEqual(['', 'Call Bram back']);
    expect(reminders.every((reminder) => reminder.rowId === BRAM.id)).toBe(true);

    expect((await database.ruleRuns.get('run-1'))?.rowIds).toEqual([BRAM.id]);
  });

  it('keeps the history of other rows', async () => {
    await buildWorkbook();
    const database = getDatabase();
    await erasePerson('clients', ADA.id);

    const history = await database.history.toArray();
    const bramEdit = history.find((entry) => entry.kind === 'editCells' && entry.sheetId === 'clients');
    expect(bramEdit?.rowIds).toEqual([BRAM.id]);
    expect(bramEdit?.after).toEqual([expect.objectContaining({ id: BRAM.id })]);

    const dealEdit = history.find((entry) => entry.kind === 'editCells' && entry.sheetId === 'deals');
    expect(dealEdit?.rowIds).toEqual(['deal-ada']);
    expect(dealEdit?.after).toEqual([
      expect.objectContaining({ values: { 'd-name': 'Garden redesign, phase 1', 'd-value': expect.anything() } }),
    ]);
  });

  it('deletes the row for good, not to the trash', async () => {
    await buildWorkbook();
    await erasePerson('clients', ADA.id);
    expect(await getDatabase().rows.get(ADA.id)).toBeUndefined();
    expect(await getPersonName('clients', ADA.id)).toBeUndefined();
  });

  it('counts what it erased', async () => {
    await buildWorkbook();
    const preview = await previewErasure('clients', ADA.id);
    const counts = await erasePerson('clients', ADA.id);

    expect(counts).toEqual(preview);
    expect(counts).toMatchObject({ name: ADA.name, conversations: 2, unlinkedRows: 3, reminders: 2 });
    expect(counts.historyEntries).toBeGreaterThan(0);
  });

  it('changes nothing when a write fails', async () => {
    await buildWorkbook();
    const before = await dumpDatabase();
    const database = getDatabase();
    vi.spyOn(database.history, 'bulkDelete').mockRejectedValueOnce(new Error('Disk failure in test'));

    await expect(erasePerson('clients', ADA.id)).rejects.toThrow('Disk failure in test');
    expect(await dumpDatabase()).toEqual(before);
  });

  it('rejects a row of another sheet', async () => {
    await buildWorkbook();
    await expect(erasePerson('deals', ADA.id)).rejects.toThrow('no longer in the workbook');
  });
});

describe('exportPersonData', () => {
  it('contains the person with column names', async () => {
    await buildWorkbook();
    const data = await exportPersonData('clients', ADA.id);

    expect(data.name).toBe(ADA.name);
    expect(data.person.sheet).toBe('Clients');
    expect(data.person.cells).toContainEqual({ column: 'Name', type: 'text', value: ADA.name, text: ADA.name });
    expect(data.person.cells.find((cell) => cell.column === 'Email')?.value).toBe(ADA.email);
    expect(data.vCard).toContain(`FN:${ADA.name}`);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('contains conversations, deals and reminders', async () => {
    await buildWorkbook();
    const data = await exportPersonData('clients', ADA.id);

    expect(data.linkedRows.map((row) => row.id).sort()).toEqual(
      ['act-ada', 'act-ada-trashed', 'act-both', 'deal-ada', 'deal-both'].sort(),
    );
    expect(data.linkedRows.find((row) => row.id === 'act-ada-trashed')?.inTrash).toBe(true);
    expect(data.reminders.map((reminder) => reminder.kind).sort()).toEqual(['followUp', 'standalone']);
    expect(data.history.some((change) => change.rowId === ADA.id && change.kind === 'editCells')).toBe(true);
  });

  it('names no other person', async () => {
    await buildWorkbook();
    const text = JSON.stringify(await exportPersonData('clients', ADA.id));
    expect(text).not.toContain(BRAM.name);
    expect(text).not.toContain(BRAM.email);
    expect(text).not.toContain('Bram wants a quote');
  });
});
