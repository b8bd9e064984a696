import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { computeFeedback } from '../dashboard/metrics/feedback';
import { createClientSheet, LAST_CONTACTED, NAME } from '../reminders/testWorkbook';
import { getDatabase, resetDatabaseForTests } from './connection';
import { DEFAULT_CONVERSATION_TYPES } from './conversationTypes';
import { ACTIVITIES_SHEET_NAME, findActivityLog, logConversation, newerLastContacted } from './conversations';
import { readCustomerDetails } from './customers';
import { redoLastUndone, undoLastChange } from './history';
import { addReminder } from './reminders';
import { listSheets } from './sheets';

const originalZone = process.env.TZ;
/** Wednesday 10 March 2027, 12:00 in London. */
const NOW = new Date('2027-03-10T12:00:00Z');
const TYPES = DEFAULT_CONVERSATION_TYPES;

beforeEach(() => {
  process.env.TZ = 'Europe/London';
});
afterEach(() => {
  resetDatabaseForTests();
  process.env.TZ = originalZone;
});

async function oneClient(lastContacted?: string) {
  const values = { [NAME]: 'Ottilie Brannigan', ...(lastContacted ? { [LAST_CONTACTED]: lastContacted } : {}) };
  const { sheetId, rowIds } = await createClientSheet([values]);
  return { sheetId, rowId: rowIds[0]! };
}

async function lastContactedOf(rowId: string) {
  return (await getDatabase().rows.get(rowId))?.values[LAST_CONTACTED];
}

describe('logConversation', () => {
  it('creates the Activities sheet on first use', async () => {
    const { sheetId, rowId } = await oneClient();
    const logged = await logConversation(
      { sheetId, rowId, type: 'Call', at: new Date('2027-03-09T15:30:00Z'), notes: ' Asked about spring prices ' },
      TYPES,
      NOW,
    );

    expect(logged.createdLog).toBe(true);
    const sheets = await listSheets();
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Clients', ACTIVITIES_SHEET_NAME]);
    const activities = sheets[1]!;
    expect(activities.fields.map((field) => [field.name, field.type, field.role ?? null])).toEqual([
      ['Date', 'dateTime', null],
      ['Type', 'select', null],
      ['Customer', 'link', 'contact'],
      ['Notes', 'longText', 'notes'],
    ]);
    expect(activities.fields[1]!.settings.options?.map((option) => option.label)).toEqual([...TYPES]);
    expect(activities.fields[2]!.settings.linkSheetId).toBe(sheetId);
    expect(await getDatabase().views.where('sheetId').equals(activities.id).count()).toBe(1);

    const entry = await getDatabase().rows.get(logged.activityRowId);
    const [date, type, customer, notes] = activities.fields;
    expect(entry?.values[date!.id]).toBe('2027-03-09T15:30:00.000Z');
    expect(entry?.values[type!.id]).toBe(type!.settings.options![0]!.id);
    expect(entry?.values[customer!.id]).toEqual([rowId]);
    expect(entry?.values[notes!.id]).toBe('Asked about spring prices');
  });

  it('reuses the Activities sheet afterwards', async () => {
    const { sheetId, rowId } = await oneClient();
    const first = await logConversation({ sheetId, rowId, type: 'Call', at: NOW, notes: '' }, TYPES, NOW);
    const second = await logConversation({ sheetId, rowId, type: 'Email', at: NOW, notes: '' }, TYPES, NOW);

    expect(second.createdLog).toBe(false);
    expect(second.activitySheetId).toBe(first.activitySheetId);
    expect((await listSheets()).length).toBe(2);
  });

  it('adds a type missing from the Type column', async () => {
    const { sheetId, rowId } = await oneClient();
    const logged = await logConversation({ sheetId, rowId, type: 'Call', at: NOW, notes: '' }, TYPES, NOW);
    await logConversation({ sheetId, rowId, type: 'Site visit', at: NOW, notes: '' }, TYPES, NOW);

    const activities = await getDatabase().sheets.get(logged.activitySheetId);
    const labels = activities?.fields[1]!.settings.options?.map((option) => option.label);
    expect(labels?.at(-1)).toBe('Site visit');
    expect(labels?.length).toBe(TYPES.length + 1);
  });

  it('moves last contacted to a newer conversation', async () => {
    const { sheetId, rowId } = await oneClient('2027-02-01');
    const logged = await logConversation({ sheetId, rowId, type: 'Call', at: NOW, notes: '' }, TYPES, NOW);

    expect(logged.lastContactedChanged).toBe(true);
    expect(await lastContactedOf(rowId)).toBe('2027-03-10');
  });

  it('sets last contacted when it was empty', async () => {
    const { sheetId, rowId } = await oneClient();
    await logConversation({ sheetId, rowId, type: 'Note', at: NOW, notes: '' }, TYPES, NOW);

    expect(await lastContactedOf(rowId)).toBe('2027-03-10');
  });

  it('keeps last contacted for an older conversation', async () => {
    const { sheetId, rowId } = await oneClient('2027-03-05');
    const logged = await logConversation(
      { sheetId, rowId, type: 'Meeting', at: new Date('2027-02-20T10:00:00Z'), notes: '' },
      TYPES,
      NOW,
    );

    expect(logged.lastContactedChanged).toBe(false);
    expect(await lastContactedOf(rowId)).toBe('2027-03-05');
    expect(await getDatabase().rows.get(logged.activityRowId)).toBeDefined();
  });

  it('undoes entry and last contacted together', async () => {
    const { sheetId, rowId } = await oneClient('2027-02-01');
    const logged = await logConversation({ sheetId, rowId, type: 'Call', at: NOW, notes: '' }, TYPES, NOW);

    expect(await undoLastChange(sheetId)).toBe(true);
    expect(await getDatabase().rows.get(logged.activityRowId)).toBeUndefined();
    expect(await lastContactedOf(rowId)).toBe('2027-02-01');

    expect(await redoLastUndone(sheetId)).toBe(true);
    expect(await getDatabase().rows.get(logged.activityRowId)).toBeDefined();
    expect(await lastContactedOf(rowId)).toBe('2027-03-10');
  });

  it('re-arms a recurring check-in', async () => {
    const { sheetId, rowId } = await oneClient('2027-01-01');
    const id = await addReminder({ title: '', sheetId, rowId, recurrence: { every: 30, unit: 'days' } }, NOW);
    expect((await getDatabase().reminders.get(id))?.date).toBe('2027-01-31');

    await logConversation({ sheetId, rowId, type: 'Call', at: NOW, notes: '' }, TYPES, NOW);

    const checkIn = await getDatabase().reminders.get(id);
    expect(checkIn?.anchorDate).toBe('2027-03-10');
    expect(checkIn?.date).toBe('2027-04-09');
    expect(checkIn?.state).toBe('open');
  });

  it('leaves nothing behind when the customer is gone', async () => {
    const { sheetId } = await oneClient();
    await expect(
      logConversation({ sheetId, rowId: 'missing', type: 'Call', at: NOW, notes: '' }, TYPES, NOW),
    ).rejects.toThrow('no longer in the sheet');

    expect((await listSheets()).length).toBe(1);
  });

  it('rejects an empty type', async () => {
    const { sheetId, rowId } = await oneClient();
    await expect(logConversation({ sheetId, rowId, type: ' ', at: NOW, notes: '' }, TYPES, NOW)).rejects.toThrow(
      'Choose the type',
    );
  });
});

describe('activity log shape', () => {
  it('is counted by the dashboard', async () => {
    const { sheetId, rowId } = await oneClient();
    await logConversation({ sheetId, rowId, type: 'Complaint', at: NOW, notes: 'Late delivery' }, TYPES, NOW);
    await logConversation({ sheetId, rowId, type: 'Compliment', at: NOW, notes: '' }, TYPES, NOW);
    await logConversation({ sheetId, rowId, type: 'Compliment', at: NOW, notes: '' }, TYPES, NOW);

    const sheets = await listSheets();
    const data = await Promise.all(
      sheets.map(async (sheet) => ({
        sheet,
        rows: await getDatabase().rows.where('[sheetId+deleted]').equals([sheet.id, 0]).toArray(),
      })),
    );
    const feedback = computeFeedback({
      sheets: data,
      today: '2027-03-10',
      period: { kind: 'all', start: null, end: null },
      currency: 'GBP',
    });
    expect(feedback.sheets.length).toBe(1);
    expect(feedback.sheets[0]!.complaints.value).toBe(1);
    expect(feedback.sheets[0]!.compliments.value).toBe(2);
  });

  it('is not found on a sales log', async () => {
    const { sheetId } = await oneClient();
    const sheets = await listSheets();
    const sales = {
      ...sheets[0]!,
      id: 'sales',
      name: 'Sales',
      fields: [
        { id: 'd', name: 'Date', type: 'date' as const, settings: {} },
        { id: 't', name: 'Type', type: 'select' as const, settings: { options: [] } },
        {
          id: 'c',
          name: 'Client',
          type: 'link' as const,
          settings: { linkSheetId: sheetId },
          role: 'contact' as const,
        },
        { id: 'v', name: 'Price', type: 'currency' as const, settings: {}, role: 'dealValue' as const },
      ],
    };
    expect(findActivityLog([...sheets, sales], sheetId)).toBeUndefined();
  });
});

describe('newerLastContacted', () => {
  const dateField = { id: 'l', name: 'Last contacted', type: 'date' as const, settings: {} };
  const dateTimeField = { ...dateField, type: 'dateTime' as const };

  it('compares days in a date column', () => {
    expect(newerLastContacted('2027-03-09', dateField, NOW)).toBe('2027-03-10');
    expect(newerLastContacted('2027-03-10', dateField, NOW)).toBeUndefined();
    expect(newerLastContacted({ invalid: 'last week' }, dateField, NOW)).toBe('2027-03-10');
  });

  it('compares instants in a date-time column', () => {
    expect(newerLastContacted('2027-03-10T11:00:00.000Z', dateTimeField, NOW)).toBe(NOW.toISOString());
    expect(newerLastContacted('2027-03-10T13:00:00.000Z', dateTimeField, NOW)).toBeUndefined();
  });
});

describe('readCustomerDetails', () => {
  it('lists log entries newest first', async () => {
    const { sheetId, rowId } = await oneClient();
    const older = await logConversation(
      { sheetId, rowId, type: 'Email', at: new Date('2027-03-01T09:00:00Z'), notes: '' },
      TYPES,
      NOW,
    );
    const newer = await logConversation({ sheetId, rowId, type: 'Call', at: NOW, notes: '' }, TYPES, NOW);
    const middle = await logConversation(
      { sheetId, rowId, type: 'Note', at: new Date('2027-03-05T09:00:00Z'), notes: '' },
      TYPES,
      NOW,
    );

    const details = await readCustomerDetails(sheetId, rowId);
    expect(details?.entries.map((entry) => entry.id)).toEqual([
      newer.activityRowId,
      middle.activityRowId,
      older.activityRowId,
    ]);
    expect(details?.linkedFrom).toEqual([]);
  });
});
