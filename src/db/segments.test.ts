import { afterEach, describe, expect, it } from 'vitest';

import { defaultFieldContext } from '../fields/context';
import type { FieldDef } from '../fields/types';
import { getDatabase, resetDatabaseForTests } from './connection';
import type { ConditionGroup } from './records';
import { deleteRows, editCells } from './rows';
import {
  addSegmentCheckIns,
  createSegment,
  deleteSegment,
  getActiveSegment,
  listSegmentRows,
  listSegments,
  listSegmentSummaries,
  renameSegment,
  setActiveSegment,
  updateSegment,
} from './segments';
import { createSheets } from './sheets';
import { deleteSheet } from './workbook';

afterEach(() => resetDatabaseForTests());

const TODAY = '2025-06-30';

const fields: FieldDef[] = [
  { id: 'name', name: 'Name', type: 'text', settings: {}, role: 'name' },
  {
    id: 'status',
    name: 'Status',
    type: 'select',
    settings: {
      options: [
        { id: 'lead', label: 'Lead' },
        { id: 'customer', label: 'Customer' },
      ],
    },
    role: 'status',
  },
  { id: 'last', name: 'Last contacted', type: 'date', settings: {}, role: 'lastContacted' },
];

const notContacted: ConditionGroup = {
  kind: 'group',
  match: 'all',
  items: [
    { kind: 'condition', fieldId: 'last', operator: 'moreThanDaysAgo', value: 60 },
    { kind: 'condition', fieldId: 'status', operator: 'is', value: 'customer' },
  ],
};

async function createCustomers() {
  const [sheetId] = await createSheets([
    {
      name: 'Customers',
      fields,
      rowIds: ['ana', 'ben', 'cy', 'di'],
      rows: [
        { name: 'Ana', status: 'customer', last: '2025-01-10' },
        { name: 'Ben', status: 'customer', last: '2025-06-20' },
        { name: 'Cy', status: 'lead', last: '2025-01-10' },
        { name: 'Di', status: 'customer' },
      ],
    },
  ]);
  return sheetId!;
}

describe('segments', () => {
  it('create, list and count rows', async () => {
    const sheetId = await createCustomers();
    const id = await createSegment({ sheetId, name: ' Not contacted in 60 days ', conditions: notContacted });

    const [segment] = await listSegments(sheetId);
    expect(segment?.id).toBe(id);
    expect(segment?.name).toBe('Not contacted in 60 days');

    const rows = await listSegmentRows(segment!, defaultFieldContext, TODAY);
    expect(rows.map((row) => row.id)).toEqual(['ana']);
  });

  it('counts follow row changes', async () => {
    const sheetId = await createCustomers();
    await createSegment({ sheetId, name: 'Stale', conditions: notContacted });
    expect((await listSegmentSummaries(defaultFieldContext, TODAY)).map((each) => each.count)).toEqual([1]);

    await editCells(sheetId, [{ rowId: 'ben', fieldId: 'last', value: '2025-02-01' }]);
    expect((await listSegmentSummaries(defaultFieldContext, TODAY))[0]?.count).toBe(2);

    await deleteRows(sheetId, ['ana']);
    const [summary] = await listSegmentSummaries(defaultFieldContext, TODAY);
    expect(summary?.count).toBe(1);
    expect(summary?.sheetName).toBe('Customers');
  });

  it('rejects empty and duplicate names', async () => {
    const sheetId = await createCustomers();
    await expect(createSegment({ sheetId, name: '  ', conditions: notContacted })).rejects.toThrow(
      'Give the segment a name.',
    );
    await createSegment({ sheetId, name: 'Stale', conditions: notContacted });
    await expect(createSegment({ sheetId, name: 'stale', conditions: notContacted })).rejects.toThrow(/already exists/);
    expect(await listSegments()).toHaveLength(1);
  });

  it('rejects incomplete conditions', async () => {
    const sheetId = await createCustomers();
    const incomplete: ConditionGroup = {
      kind: 'group',
      match: 'all',
      items: [{ kind: 'condition', fieldId: 'last', operator: 'inLastDays', value: '' }],
    };
    await expect(createSegment({ sheetId, name: 'Recent', conditions: incomplete })).rejects.toThrow(
      'Enter a whole number of days for “Last contacted”.',
    );
  });

  it('rename and update', async () => {
    const sheetId = await createCustomers();
    const id = await createSegment({ sheetId, name: 'Stale', conditions: notContacted });
    await renameSegment(id, 'Quiet customers');
    await updateSegment(id, {
      conditions: { kind: 'group', match: 'all', items: [{ kind: 'condition', fieldId: 'last', operator: 'isEmpty' }] },
    });

    const segment = await getDatabase().segments.get(id);
    expect(segment?.name).toBe('Quiet customers');
    expect((await listSegmentRows(segment!, defaultFieldContext, TODAY)).map((row) => row.id)).toEqual(['di']);
  });

  it('active segment is cleared on delete', async () => {
    const sheetId = await createCustomers();
    const id = await createSegment({ sheetId, name: 'Stale', conditions: notContacted });
    expect(await getActiveSegment(sheetId)).toBeNull();

    await setActiveSegment(sheetId, id);
    expect((await getActiveSegment(sheetId))?.id).toBe(id);

    await deleteSegment(id);
    expect(await getActiveSegment(sheetId)).toBeNull();
    expect(await getDatabase().settings.get(`activeSegment:${sheetId}`)).toBeUndefined();
  });

  it('segments of a deleted sheet are hidden', async () => {
    const sheetId = await createCustomers();
    await createSegment({ sheetId, name: 'Stale', conditions: notContacted });
    await createSheets([{ name: 'Other', fields }]);
    await deleteSheet(sheetId);
    expect(await listSegments()).toEqual([]);
  });

  it('adds a check-in to every row', async () => {
    const sheetId = await createCustomers();
    await editCells(sheetId, [{ rowId: 'cy', fieldId: 'status', value: 'customer' }]);
    const id = await createSegment({ sheetId, name: 'Stale', conditions: notContacted });

    const now = new Date(`${TODAY}T12:00:00`);
    const added = await addSegmentCheckIns(
      id,
      { recurrence: { every: 30, unit: 'days' }, title: 'Call' },
      defaultFieldContext,
      now,
    );
    expect(added).toBe(2);

    const reminders = await getDatabase().reminders.toArray();
    expect(reminders.map((reminder) => reminder.rowId).sort()).toEqual(['ana', 'cy']);
    expect(reminders.every((reminder) => reminder.kind === 'checkIn' && reminder.title === 'Call')).toBe(true);
    expect(reminders[0]?.anchorDate).toBe('2025-01-10');
  });

  it('check-in on an empty segment fails and adds nothing', async () => {
    const sheetId = await createCustomers();
    const id = await createSegment({
      sheetId,
      name: 'Nobody',
      conditions: { kind: 'group', match: 'any', items: [] },
    });
    await expect(
      addSegmentCheckIns(id, { recurrence: { every: 1, unit: 'weeks' }, title: '' }, defaultFieldContext),
    ).rejects.toThrow(/has no rows/);
    expect(await getDatabase().reminders.count()).toBe(0);
  });

  it('check-in with a bad interval adds nothing', async () => {
    const sheetId = await createCustomers();
    const id = await createSegment({ sheetId, name: 'Stale', conditions: notContacted });
    await expect(
      addSegmentCheckIns(id, { recurrence: { every: 0, unit: 'days' }, title: '' }, defaultFieldContext),
    ).rejects.toThrow(/Invalid interval/);
    expect(await getDatabase().reminders.count()).toBe(0);
  });
});
