import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDatabase, resetDatabaseForTests } from '../db/connection';
import { deleteField } from '../db/fields';
import type { ReminderRecord } from '../db/records';
import { markReminderDone, reconcileReminders, saveReminderSettings, snoozeReminder } from '../db/reminders';
import { deleteRows, editCells, purgeRows, restoreRows } from '../db/rows';
import { deleteSheet } from '../db/workbook';
import { addSheet } from '../db/workbook';
import { computeReminderChanges, followUpId } from './reconcile';
import { CALL_BACK, CLIENT_FIELDS, createClientSheet, FOLLOW_UP, LAST_CONTACTED, NAME } from './testWorkbook';

const AT = '2027-03-01T12:00:00.000Z';
const NOW = new Date(AT);
const originalZone = process.env.TZ;

beforeEach(() => {
  process.env.TZ = 'Europe/London';
});
afterEach(() => {
  resetDatabaseForTests();
  process.env.TZ = originalZone;
});

async function reminders(): Promise<ReminderRecord[]> {
  return getDatabase().reminders.orderBy('id').toArray();
}

async function reminder(id: string): Promise<ReminderRecord | undefined> {
  return getDatabase().reminders.get(id);
}

describe('reconcileReminders', () => {
  it('makes one follow-up per row and date column', async () => {
    const { sheetId, rowIds } = await createClientSheet([
      { [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-03-10', [CALL_BACK]: '2027-03-11T14:30:00.000Z' },
      { [NAME]: 'Bram Oakes', [FOLLOW_UP]: '2027-04-02' },
      { [NAME]: 'Cleo Marsh' },
    ]);
    await reconcileReminders(AT);

    const stored = await reminders();
    expect(stored.map((each) => each.id)).toEqual([
      followUpId(rowIds[0]!, CALL_BACK),
      followUpId(rowIds[0]!, FOLLOW_UP),
      followUpId(rowIds[1]!, FOLLOW_UP),
    ]);
    expect(await reminder(followUpId(rowIds[0]!, FOLLOW_UP))).toEqual({
      id: followUpId(rowIds[0]!, FOLLOW_UP),
      kind: 'followUp',
      sheetId,
      rowId: rowIds[0],
      fieldId: FOLLOW_UP,
      title: '',
      date: '2027-03-10',
      due: '2027-03-10T09:00',
      state: 'open',
      createdAt: AT,
      updatedAt: AT,
    });
  });

  it('fires a date-and-time follow-up at its own local time', async () => {
    const { rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill', [CALL_BACK]: '2027-04-11T13:30:00.000Z' }]);
    await reconcileReminders(AT);

    const stored = await reminder(followUpId(rowIds[0]!, CALL_BACK));
    // 13:30 UTC is 14:30 BST.
    expect(stored?.date).toBe('2027-04-11');
    expect(stored?.time).toBe('14:30');
    expect(stored?.due).toBe('2027-04-11T14:30');
  });

  it('writes nothing when run again', async () => {
    await createClientSheet([{ [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-03-10' }]);
    const first = await reconcileReminders(AT);
    const second = await reconcileReminders('2027-03-02T12:00:00.000Z');

    expect(first.put).toHaveLength(1);
    expect(second).toEqual({ put: [], remove: [] });
  });

  it('keeps done and snoozed state while the date is unchanged', async () => {
    const { sheetId, rowIds } = await createClientSheet([
      { [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-03-10' },
      { [NAME]: 'Bram Oakes', [FOLLOW_UP]: '2027-03-10' },
    ]);
    await reconcileReminders(AT);
    const adaId = followUpId(rowIds[0]!, FOLLOW_UP);
    const bramId = followUpId(rowIds[1]!, FOLLOW_UP);
    await markReminderDone(adaId, NOW);
    await snoozeReminder(bramId, '2027-03-12T10:00', NOW);

    // An edit to another column changes the rows but not their dates.
    await editCells(sheetId, [{ rowId: rowIds[0]!, fieldId: NAME, value: 'Ada Q. Quill' }]);
    await reconcileReminders(AT);

    expect((await reminder(adaId))?.state).toBe('done');
    expect(await reminder(bramId)).toMatchObject({ state: 'snoozed', due: '2027-03-12T10:00' });
  });

  it('moves a follow-up and opens it again when its date changes', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-03-10' }]);
    await reconcileReminders(AT);
    const id = followUpId(rowIds[0]!, FOLLOW_UP);
    await getDatabase().reminders.update(id, { notifiedDue: '2027-03-10T09:00' });
    await markReminderDone(id, NOW);

    await editCells(sheetId, [{ rowId: rowIds[0]!, fieldId: FOLLOW_UP, value: '2027-03-20' }]);
    await reconcileReminders(AT);

    const moved = await reminder(id);
    expect(moved).toMatchObject({ date: '2027-03-20', due: '2027-03-20T09:00', state: 'open' });
    expect(moved?.notifiedDue).toBeUndefined();
    expect(moved?.doneAt).toBeUndefined();
  });

  it('removes a follow-up whose date is cleared', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-03-10' }]);
    await reconcileReminders(AT);
    await editCells(sheetId, [{ rowId: rowIds[0]!, fieldId: FOLLOW_UP, value: null }]);
    const changes = await reconcileReminders(AT);

    expect(changes.remove).toEqual([followUpId(rowIds[0]!, FOLLOW_UP)]);
    expect(await reminders()).toEqual([]);
  });

  it('ignores a follow-up cell kept as invalid text', async () => {
    await createClientSheet([{ [NAME]: 'Ada Quill', [FOLLOW_UP]: { invalid: 'next Tuesday' } }]);
    await reconcileReminders(AT);

    expect(await reminders()).toEqual([]);
  });

  it('follows rows into the trash and back', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-03-10' }]);
    await reconcileReminders(AT);
    await deleteRows(sheetId, [rowIds[0]!]);
    await reconcileReminders(AT);
    expect(await reminders()).toEqual([]);

    await restoreRows(sheetId, [rowIds[0]!]);
    await reconcileReminders(AT);
    expect((await reminders()).map((each) => each.state)).toEqual(['open']);
  });

  it('removes follow-ups of a sheet in the trash', async () => {
    await addSheet('Other');
    const { sheetId } = await createClientSheet([{ [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-03-10' }]);
    await reconcileReminders(AT);
    await deleteSheet(sheetId);
    await reconcileReminders(AT);

    expect(await reminders()).toEqual([]);
  });

  it('removes follow-ups of a column in the trash', async () => {
    const { sheetId } = await createClientSheet([
      { [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-03-10', [CALL_BACK]: '2027-03-11T14:30:00.000Z' },
    ]);
    await reconcileReminders(AT);
    await deleteField(sheetId, CALL_BACK);
    await reconcileReminders(AT);

    expect((await reminders()).map((each) => each.fieldId)).toEqual([FOLLOW_UP]);
  });

  it('moves unsnoozed follow-ups to a new reminder time', async () => {
    const { rowIds } = await createClientSheet([
      { [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-03-10' },
      { [NAME]: 'Bram Oakes', [FOLLOW_UP]: '2027-03-10' },
      { [NAME]: 'Cleo Marsh', [CALL_BACK]: '2027-03-10T15:00:00.000Z' },
    ]);
    await reconcileReminders(AT);
    const adaId = followUpId(rowIds[0]!, FOLLOW_UP);
    const bramId = followUpId(rowIds[1]!, FOLLOW_UP);
    await getDatabase().reminders.update(adaId, { notifiedDue: '2027-03-10T09:00' });
    await snoozeReminder(bramId, '2027-03-12T10:00', NOW);

    await saveReminderSettings({ reminderTime: '07:45' });
    await reconcileReminders(AT);

    // Ada was notified at 09:00, so the move to 07:45 counts as notified too.
    expect(await reminder(adaId)).toMatchObject({ due: '2027-03-10T07:45', notifiedDue: '2027-03-10T07:45' });
    expect((await reminder(bramId))?.due).toBe('2027-03-12T10:00');
    expect((await reminder(followUpId(rowIds[2]!, CALL_BACK)))?.due).toBe('2027-03-10T15:00');
  });

  it('re-arms a check-in when the last contact changes', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill', [LAST_CONTACTED]: '2027-02-01' }]);
    const checkIn: ReminderRecord = {
      id: 'check-in',
      kind: 'checkIn',
      sheetId,
      rowId: rowIds[0]!,
      title: '',
      recurrence: { every: 2, unit: 'weeks' },
      anchorDate: '2027-02-01',
      lastContacted: '2027-02-01',
      date: '2027-02-15',
      due: '2027-02-15T09:00',
      state: 'open',
      notifiedDue: '2027-02-15T09:00',
      createdAt: AT,
      updatedAt: AT,
    };
    await getDatabase().reminders.add(checkIn);
    expect(await reconcileReminders(AT)).toEqual({ put: [], remove: [] });

    await editCells(sheetId, [{ rowId: rowIds[0]!, fieldId: LAST_CONTACTED, value: '2027-02-20' }]);
    await reconcileReminders(AT);

    const rearmed = await reminder('check-in');
    expect(rearmed).toMatchObject({
      anchorDate: '2027-02-20',
      lastContacted: '2027-02-20',
      date: '2027-03-06',
      due: '2027-03-06T09:00',
      state: 'open',
    });
    expect(rearmed?.notifiedDue).toBeUndefined();
  });

  it('keeps standalone reminders until the purge', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill' }]);
    await getDatabase().reminders.add({
      id: 'call-ada',
      kind: 'standalone',
      sheetId,
      rowId: rowIds[0]!,
      title: 'Call Ada',
      date: '2027-03-10',
      time: '11:00',
      due: '2027-03-10T11:00',
      state: 'open',
      createdAt: AT,
      updatedAt: AT,
    });
    await deleteRows(sheetId, [rowIds[0]!]);
    await reconcileReminders(AT);
    expect((await reminders()).map((each) => each.id)).toEqual(['call-ada']);

    await purgeRows(sheetId, [rowIds[0]!]);
    await reconcileReminders(AT);
    expect(await reminders()).toEqual([]);
  });
});

describe('computeReminderChanges', () => {
  it('falls back to 09:00 for an invalid reminder time', () => {
    const sheet = {
      id: 's',
      name: 'Clients',
      fields: CLIENT_FIELDS,
      position: 0,
      createdAt: AT,
      updatedAt: AT,
      deleted: 0 as const,
    };
    const row = {
      id: 'r',
      sheetId: 's',
      values: { [FOLLOW_UP]: '2027-03-10' },
      position: 0,
      createdAt: AT,
      updatedAt: AT,
      deleted: 0 as const,
    };
    const changes = computeReminderChanges(
      { sheets: [sheet], rows: [row], reminderTime: '9 am', checkInRules: [] },
      [],
      new Map(),
      AT,
    );

    expect(changes.put.map((each) => each.due)).toEqual(['2027-03-10T09:00']);
  });
});
