import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDatabase, resetDatabaseForTests } from '../db/connection';
import { nextPendingDue, reconcileReminders } from '../db/reminders';
import { editCells } from '../db/rows';
import { countOverdueReminders } from './overdue';
import { createClientSheet, FOLLOW_UP, NAME } from './testWorkbook';

const originalZone = process.env.TZ;
const NOW = new Date('2027-03-10T12:00:00Z');

beforeEach(() => {
  process.env.TZ = 'Europe/London';
});
afterEach(() => {
  resetDatabaseForTests();
  process.env.TZ = originalZone;
});

/** Subscribes to a query as the badge and the scheduler do, and collects every result. */
function collect<T>(query: () => Promise<T>): { values: T[]; stop: () => void } {
  const values: T[] = [];
  const subscription = liveQuery(query).subscribe({ next: (value) => values.push(value) });
  return { values, stop: () => subscription.unsubscribe() };
}

describe('live reminder queries', () => {
  it('update the overdue count when a follow-up comes in', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill' }]);
    const count = collect(() => countOverdueReminders(NOW));
    await vi.waitFor(() => expect(count.values).toEqual([0]));

    await editCells(sheetId, [{ rowId: rowIds[0]!, fieldId: FOLLOW_UP, value: '2027-03-10' }]);
    await reconcileReminders();
    await vi.waitFor(() => expect(count.values).toEqual([0, 1]));
    count.stop();
  });

  it('update the next due time when a follow-up comes in', async () => {
    const { sheetId, rowIds } = await createClientSheet([{ [NAME]: 'Ada Quill' }]);
    const next = collect(() => nextPendingDue(getDatabase()));
    await vi.waitFor(() => expect(next.values).toEqual([undefined]));

    await editCells(sheetId, [{ rowId: rowIds[0]!, fieldId: FOLLOW_UP, value: '2027-03-12' }]);
    await reconcileReminders();
    await vi.waitFor(() => expect(next.values).toEqual([undefined, '2027-03-12T09:00']));
    next.stop();
  });
});
