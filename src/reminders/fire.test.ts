import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDatabase, resetDatabaseForTests } from '../db/connection';
import { reconcileReminders, snoozeReminder } from '../db/reminders';
import { deleteRows } from '../db/rows';
import { KindlingDatabase } from '../db/schema';
import { buildNotifications, fireDueReminders, SUMMARY_TAG, type ShowNotification } from './fire';
import { followUpId } from './reconcile';
import { createClientSheet, FOLLOW_UP, NAME, PHONE } from './testWorkbook';
import { checkRemindersInWorker, checkTime, isCheckRequest } from './worker';

const originalZone = process.env.TZ;
const AT = '2027-03-01T08:00:00.000Z';
/** 10:00 on 10 March 2027 in London, after the 09:00 follow-ups of that day. */
const AFTER_NINE = new Date('2027-03-10T10:00:00Z');

beforeEach(() => {
  process.env.TZ = 'Europe/London';
});
afterEach(() => {
  resetDatabaseForTests();
  process.env.TZ = originalZone;
});

function recordingShow(): { show: ShowNotification; shown: { title: string; options: NotificationOptions }[] } {
  const shown: { title: string; options: NotificationOptions }[] = [];
  return {
    shown,
    show: async (title, options) => {
      shown.push({ title, options });
    },
  };
}

async function oneDueFollowUp() {
  const workbook = await createClientSheet([
    { [NAME]: 'Ada Quill', [PHONE]: { text: '+44 7700 900123', e164: '+447700900123' }, [FOLLOW_UP]: '2027-03-10' },
    { [NAME]: 'Bram Oakes', [FOLLOW_UP]: '2027-03-11' },
  ]);
  await reconcileReminders(AT);
  return { ...workbook, adaId: followUpId(workbook.rowIds[0]!, FOLLOW_UP) };
}

describe('fireDueReminders', () => {
  it('notifies a due reminder with its id as the tag', async () => {
    const { sheetId, rowIds, adaId } = await oneDueFollowUp();
    const { show, shown } = recordingShow();

    expect(await fireDueReminders(getDatabase(), AFTER_NINE, show)).toBe(1);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('Next follow-up: Ada Quill');
    expect(shown[0]!.options.tag).toBe(adaId);
    expect(shown[0]!.options.body).toContain('+44 7700 900123');
    expect(shown[0]!.options.data).toEqual({ reminderId: adaId, sheetId, rowId: rowIds[0] });
    expect((await getDatabase().reminders.get(adaId))?.notifiedDue).toBe('2027-03-10T09:00');
  });

  it('notifies nothing before the reminder time', async () => {
    await oneDueFollowUp();
    const { show, shown } = recordingShow();

    expect(await fireDueReminders(getDatabase(), new Date('2027-03-10T08:59:59Z'), show)).toBe(0);
    expect(shown).toEqual([]);
  });

  it('notifies each due time once', async () => {
    await oneDueFollowUp();
    const { show, shown } = recordingShow();
    await fireDueReminders(getDatabase(), AFTER_NINE, show);
    await fireDueReminders(getDatabase(), AFTER_NINE, show);
    await fireDueReminders(getDatabase(), new Date('2027-03-10T11:00:00Z'), show);

    expect(shown).toHaveLength(1);
  });

  it('notifies once when two tabs and the worker check at the same moment', async () => {
    const { adaId } = await oneDueFollowUp();
    const { show, shown } = recordingShow();
    const connections = [new KindlingDatabase(), new KindlingDatabase(), new KindlingDatabase()];

    const counts = await Promise.all(connections.map((database) => fireDueReminders(database, AFTER_NINE, show)));
    connections.forEach((database) => database.close());

    expect(counts.sort()).toEqual([0, 0, 1]);
    expect(shown.map((each) => each.options.tag)).toEqual([adaId]);
  });

  it('notifies a snoozed reminder again when the snooze ends', async () => {
    const { adaId } = await oneDueFollowUp();
    const { show, shown } = recordingShow();
    await fireDueReminders(getDatabase(), AFTER_NINE, show);
    await snoozeReminder(adaId, '2027-03-10T11:00', AFTER_NINE);

    await fireDueReminders(getDatabase(), new Date('2027-03-10T10:59:00Z'), show);
    expect(shown).toHaveLength(1);
    await fireDueReminders(getDatabase(), new Date('2027-03-10T11:00:00Z'), show);
    expect(shown).toHaveLength(2);
    expect(shown[1]!.options.tag).toBe(adaId);
  });

  it('sums up several due reminders in one notification', async () => {
    await oneDueFollowUp();
    const { show, shown } = recordingShow();

    // Closed for two days: both follow-ups were missed.
    expect(await fireDueReminders(getDatabase(), new Date('2027-03-12T08:00:00Z'), show)).toBe(2);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('2 reminders are due');
    expect(shown[0]!.options.tag).toBe(SUMMARY_TAG);
    expect(shown[0]!.options.body).toBe('Next follow-up: Ada Quill\nNext follow-up: Bram Oakes');
  });

  it('skips reminders of rows in the trash', async () => {
    const { sheetId, rowIds } = await oneDueFollowUp();
    // The follow-up stays until reconciliation runs; firing must not wait for it.
    await deleteRows(sheetId, [rowIds[0]!]);
    const { show, shown } = recordingShow();

    expect(await fireDueReminders(getDatabase(), AFTER_NINE, show)).toBe(0);
    expect(shown).toEqual([]);
  });

  it('keeps a reminder claimed when its notification fails', async () => {
    const { adaId } = await oneDueFollowUp();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const show = vi.fn().mockRejectedValue(new TypeError('No notification permission has been granted.'));

    expect(await fireDueReminders(getDatabase(), AFTER_NINE, show)).toBe(1);
    expect(error).toHaveBeenCalledTimes(1);
    expect((await getDatabase().reminders.get(adaId))?.notifiedDue).toBe('2027-03-10T09:00');
    error.mockRestore();
  });
});

describe('buildNotifications', () => {
  it('names five reminders and counts the rest', () => {
    const items = Array.from({ length: 7 }, (_, index) => ({
      reminder: {
        id: `r${index}`,
        kind: 'standalone' as const,
        title: `Task ${index}`,
        date: '2027-03-10',
        due: '2027-03-10T09:00',
        state: 'open' as const,
        createdAt: AT,
        updatedAt: AT,
      },
      name: '',
      phone: '',
      label: `Task ${index}`,
    }));
    const [summary] = buildNotifications(items);

    expect(summary?.title).toBe('7 reminders are due');
    expect(summary?.options.body).toBe('Task 0\nTask 1\nTask 2\nTask 3\nTask 4\nand 2 more');
  });
});

describe('checkRemindersInWorker', () => {
  it('notifies through the registration and sets the app badge', async () => {
    const { adaId } = await oneDueFollowUp();
    const showNotification = vi.fn(async () => undefined);
    const setAppBadge = vi.fn(async () => undefined);
    const scope = {
      registration: { showNotification },
      navigator: { setAppBadge, clearAppBadge: vi.fn() },
    } as unknown as ServiceWorkerGlobalScope;

    expect(await checkRemindersInWorker(scope, AFTER_NINE)).toBe(1);
    expect(await checkRemindersInWorker(scope, AFTER_NINE)).toBe(0);
    expect(showNotification).toHaveBeenCalledTimes(1);
    expect(showNotification).toHaveBeenCalledWith('Next follow-up: Ada Quill', expect.objectContaining({ tag: adaId }));
    expect(setAppBadge).toHaveBeenLastCalledWith(1);
  });

  it('reads the clock a page sends and ignores an invalid one', () => {
    const request = { type: 'CHECK_REMINDERS', now: '2027-03-10T09:00:00.000Z' };

    expect(isCheckRequest(request)).toBe(true);
    expect(isCheckRequest({ type: 'SKIP_WAITING' })).toBe(false);
    expect(checkTime(request as never).toISOString()).toBe('2027-03-10T09:00:00.000Z');
    expect(Number.isNaN(checkTime({ type: 'CHECK_REMINDERS', now: 'soon' }).getTime())).toBe(false);
  });
});
