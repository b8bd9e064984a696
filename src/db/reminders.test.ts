import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { followUpId } from '../reminders/reconcile';
import { createClientSheet, FOLLOW_UP, LAST_CONTACTED, NAME, PHONE } from '../reminders/testWorkbook';
import { getDatabase, resetDatabaseForTests } from './connection';
import {
  addReminder,
  countOverdueReminders,
  deleteReminder,
  findRowsByName,
  getReminderSettings,
  listReminderItems,
  markReminderDone,
  nextPendingDue,
  reconcileReminders,
  reopenReminder,
  saveReminderSettings,
  snoozeReminder,
} from './reminders';
import { deleteRows } from './rows';

const originalZone = process.env.TZ;
/** Monday 1 March 2027, 12:00 in London. */
const NOW = new Date('2027-03-01T12:00:00Z');

beforeEach(() => {
  process.env.TZ = 'Europe/London';
});
afterEach(() => {
  resetDatabaseForTests();
  process.env.TZ = originalZone;
});

describe('reminder settings', () => {
  it('start at 09:00 and keep a saved time', async () => {
    expect(await getReminderSettings()).toEqual({ reminderTime: '09:00' });
    await saveReminderSettings({ reminderTime: '07:30' });
    expect(await getReminderSettings()).toEqual({ reminderTime: '07:30' });
  });

  it('reject a time that is not HH:mm', async () => {
    await expect(saveReminderSettings({ reminderTime: '7.30' })).rejects.toThrow('Invalid reminder time "7.30"');
  });
});

describe('addReminder', () => {
  it('adds a standalone reminder attached to nothing', async () => {
    const id = await addReminder({ title: ' Renew insurance ', date: '2027-03-05', time: '14:15' }, NOW);

    expect(await getDatabase().reminders.get(id)).toEqual({
      id,
      kind: 'standalone',
      title: 'Renew insurance',
      date: '2027-03-05',
      time: '14:15',
      due: '2027-03-05T14:15',
      state: 'open',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });

  it('attaches a reminder to a row', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill' }]);
    const id = await addReminder(
      { title: 'Send the quote', date: '2027-03-05', time: '10:00', sheetId, rowId: rowIds[0]! },
      NOW,
    );

    expect(await getDatabase().reminders.get(id)).toMatchObject({ sheetId, rowId: rowIds[0] });
  });

  it.each([
    [{ title: '', date: '2027-03-05', time: '10:00' }, 'Write what the reminder is for.'],
    [{ title: 'Call', date: '5 March', time: '10:00' }, 'Choose the day of the reminder.'],
    [{ title: 'Call', date: '2027-03-05', time: '25:00' }, 'Choose the time of the reminder'],
    [{ title: 'Call', date: '2027-03-05', time: '10:00', rowId: 'r' }, 'both its sheet and row id'],
    [{ title: 'Call', date: '2027-03-05', time: '10:00', sheetId: 's', rowId: 'r' }, 'no longer in the sheet'],
  ])('rejects %o', async (input, message) => {
    await expect(addReminder(input, NOW)).rejects.toThrow(message);
  });

  it('rejects a row in the trash', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill' }]);
    await deleteRows(sheetId, rowIds);

    await expect(
      addReminder({ title: 'Call', date: '2027-03-05', time: '10:00', sheetId, rowId: rowIds[0]! }, NOW),
    ).rejects.toThrow('no longer in the sheet');
  });

  it('arms a check-in from the last contact', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill', [LAST_CONTACTED]: '2027-01-31' }]);
    const id = await addReminder(
      { title: '', sheetId, rowId: rowIds[0]!, recurrence: { every: 1, unit: 'months' } },
      NOW,
    );

    expect(await getDatabase().reminders.get(id)).toMatchObject({
      kind: 'checkIn',
      anchorDate: '2027-01-31',
      lastContacted: '2027-01-31',
      date: '2027-02-28',
      due: '2027-02-28T09:00',
      state: 'open',
    });
    const [item] = await listReminderItems();
    expect(item?.label).toBe('Check in every month');
  });

  it('arms a check-in from today without a last contact', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill' }]);
    const id = await addReminder(
      { title: 'Coffee', sheetId, rowId: rowIds[0]!, recurrence: { every: 10, unit: 'days' } },
      NOW,
    );

    expect(await getDatabase().reminders.get(id)).toMatchObject({ anchorDate: '2027-03-01', due: '2027-03-11T09:00' });
  });

  it('rejects a check-in without a customer or with a bad interval', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill' }]);

    await expect(addReminder({ title: '', recurrence: { every: 2, unit: 'weeks' } }, NOW)).rejects.toThrow(
      'choose one',
    );
    await expect(
      addReminder({ title: '', sheetId, rowId: rowIds[0]!, recurrence: { every: 0, unit: 'weeks' } }, NOW),
    ).rejects.toThrow('Invalid interval 0');
  });
});

describe('done, snooze and reopen', () => {
  async function standalone() {
    return addReminder({ title: 'Renew insurance', date: '2027-03-01', time: '09:30' }, NOW);
  }

  it('marks a reminder done and reopens it', async () => {
    const id = await standalone();
    await markReminderDone(id, NOW);
    expect(await getDatabase().reminders.get(id)).toMatchObject({ state: 'done', doneAt: NOW.toISOString() });

    await reopenReminder(id, NOW);
    const reopened = await getDatabase().reminders.get(id);
    expect(reopened).toMatchObject({ state: 'open', due: '2027-03-01T09:30' });
    expect(reopened?.doneAt).toBeUndefined();
  });

  it('snoozes a reminder and reopens it at its own time', async () => {
    const id = await standalone();
    await snoozeReminder(id, '2027-03-02T09:00', NOW);
    expect(await getDatabase().reminders.get(id)).toMatchObject({ state: 'snoozed', due: '2027-03-02T09:00' });

    await reopenReminder(id, NOW);
    expect(await getDatabase().reminders.get(id)).toMatchObject({ state: 'open', due: '2027-03-01T09:30' });
  });

  it('rejects a snooze that ends in the past', async () => {
    const id = await standalone();
    await expect(snoozeReminder(id, '2027-03-01T11:00', NOW)).rejects.toThrow('later than now');
  });

  it('moves a check-in on from today when done', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill', [LAST_CONTACTED]: '2027-01-01' }]);
    const id = await addReminder(
      { title: '', sheetId, rowId: rowIds[0]!, recurrence: { every: 2, unit: 'weeks' } },
      NOW,
    );
    await getDatabase().reminders.update(id, { notifiedDue: '2027-01-15T09:00' });

    const next = await markReminderDone(id, NOW);
    expect(next).toMatchObject({
      state: 'open',
      anchorDate: '2027-03-01',
      date: '2027-03-15',
      due: '2027-03-15T09:00',
    });
    expect(next.notifiedDue).toBeUndefined();
  });

  it('reports a reminder that no longer exists', async () => {
    await expect(markReminderDone('gone', NOW)).rejects.toThrow('This reminder no longer exists');
  });

  it('deletes a standalone reminder but not a follow-up', async () => {
    const { rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-03-05' }]);
    await reconcileReminders();
    const id = await standalone();

    await deleteReminder(id);
    expect(await getDatabase().reminders.get(id)).toBeUndefined();
    await expect(deleteReminder(followUpId(rowIds[0]!, FOLLOW_UP))).rejects.toThrow('Clear the date in the sheet');
  });
});

describe('reading reminders', () => {
  it('lists reminders with the name and phone of their row', async () => {
    await createClientSheet([
      { [NAME]: 'Ada Quill', [PHONE]: { text: '+44 7700 900123' }, [FOLLOW_UP]: '2027-03-05' },
      { [FOLLOW_UP]: '2027-03-04' },
    ]);
    await reconcileReminders();
    await addReminder({ title: 'Renew insurance', date: '2027-03-06', time: '08:00' }, NOW);

    const items = await listReminderItems();
    expect(items.map(({ name, phone, label }) => ({ name, phone, label }))).toEqual([
      { name: 'Unnamed row', phone: '', label: 'Next follow-up' },
      { name: 'Ada Quill', phone: '+44 7700 900123', label: 'Next follow-up' },
      { name: '', phone: '', label: 'Renew insurance' },
    ]);
  });

  it('counts overdue reminders without done or hidden ones', async () => {
    const { rowIds } = await createClientSheet([
      { [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-02-20' },
      { [NAME]: 'Bram Oakes', [FOLLOW_UP]: '2027-02-21' },
      { [NAME]: 'Cleo Marsh', [FOLLOW_UP]: '2027-02-22' },
      { [NAME]: 'Dev Patel', [FOLLOW_UP]: '2027-03-20' },
    ]);
    await reconcileReminders();
    expect(await countOverdueReminders(NOW)).toBe(3);

    await markReminderDone(followUpId(rowIds[0]!, FOLLOW_UP), NOW);
    await getDatabase().rows.update(rowIds[1]!, { deleted: 1 });
    expect(await countOverdueReminders(NOW)).toBe(1);
  });

  it('finds the next due time that has not notified', async () => {
    const { rowIds } = await createClientSheet([
      { [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-03-05' },
      { [NAME]: 'Bram Oakes', [FOLLOW_UP]: '2027-03-09' },
    ]);
    expect(await nextPendingDue()).toBeUndefined();
    await reconcileReminders();
    expect(await nextPendingDue()).toBe('2027-03-05T09:00');

    await getDatabase().reminders.update(followUpId(rowIds[0]!, FOLLOW_UP), { notifiedDue: '2027-03-05T09:00' });
    expect(await nextPendingDue()).toBe('2027-03-09T09:00');
  });

  it('finds rows by part of their name', async () => {
    const { sheetId, rowIds } = await createClientSheet([
      { [NAME]: 'Ada Quill' },
      { [NAME]: 'Bram Oakes' },
      { [NAME]: 'Adam Brook' },
    ]);

    expect(await findRowsByName('ADA')).toEqual([
      { sheetId, rowId: rowIds[0], name: 'Ada Quill', sheetName: 'Clients' },
      { sheetId, rowId: rowIds[2], name: 'Adam Brook', sheetName: 'Clients' },
    ]);
    expect(await findRowsByName('ada', 1)).toHaveLength(1);
    expect(await findRowsByName('  ')).toEqual([]);
  });
});
