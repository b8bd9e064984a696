import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDatabase, resetDatabaseForTests } from '../db/connection';
import { saveReminderSettings } from '../db/reminders';
import { deleteRows, editCells } from '../db/rows';
import { followUpId } from './reconcile';
import { startReminderSync } from './sync';
import { createClientSheet, FOLLOW_UP, NAME } from './testWorkbook';

const originalZone = process.env.TZ;
let stop: (() => void) | undefined;

beforeEach(() => {
  process.env.TZ = 'Europe/London';
});
afterEach(() => {
  stop?.();
  stop = undefined;
  resetDatabaseForTests();
  process.env.TZ = originalZone;
});

async function dueOf(id: string): Promise<string | undefined> {
  return (await getDatabase().reminders.get(id))?.due;
}

describe('startReminderSync', () => {
  it('follows edits, settings and the trash as they happen', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-03-10' }]);
    const id = followUpId(rowIds[0]!, FOLLOW_UP);
    const onError = vi.fn();
    stop = startReminderSync(getDatabase(), onError, () => new Date('2027-03-01T12:00:00Z'));

    await vi.waitFor(async () => expect(await dueOf(id)).toBe('2027-03-10T09:00'));

    await editCells(sheetId, [{ rowId: rowIds[0]!, fieldId: FOLLOW_UP, value: '2027-03-12' }]);
    await vi.waitFor(async () => expect(await dueOf(id)).toBe('2027-03-12T09:00'));

    await saveReminderSettings({ reminderTime: '08:30' });
    await vi.waitFor(async () => expect(await dueOf(id)).toBe('2027-03-12T08:30'));

    await deleteRows(sheetId, [rowIds[0]!]);
    await vi.waitFor(async () => expect(await getDatabase().reminders.count()).toBe(0));
    expect(onError).not.toHaveBeenCalled();
  });

  it('stops following changes when stopped', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill', [FOLLOW_UP]: '2027-03-10' }]);
    stop = startReminderSync(getDatabase(), vi.fn());
    await vi.waitFor(async () => expect(await getDatabase().reminders.count()).toBe(1));

    stop();
    await editCells(sheetId, [{ rowId: rowIds[0]!, fieldId: FOLLOW_UP, value: null }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await getDatabase().reminders.count()).toBe(1);
  });
});
