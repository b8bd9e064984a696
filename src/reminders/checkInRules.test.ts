import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDatabase, resetDatabaseForTests } from '../db/connection';
import type { ReminderRecord } from '../db/records';
import {
  addCheckInRule,
  deleteCheckInRule,
  deleteReminder,
  listCheckInRuleItems,
  listCheckInRules,
  listTagColumns,
  markReminderDone,
  reconcileReminders,
} from '../db/reminders';
import { deleteRows, editCells, restoreRows } from '../db/rows';
import { createSheets } from '../db/sheets';
import type { CellValue, FieldDef } from '../fields/types';
import { isRuleCheckIn, parseCheckInRules, ruleCheckInId } from './checkInRules';
import { computeReminderChanges } from './reconcile';
import { startReminderSync } from './sync';
import { CLIENT_FIELDS, LAST_CONTACTED, NAME } from './testWorkbook';

const TAGS = 'f-tags';
const VIP = 't-vip';
const NEWS = 't-news';
const AT = '2027-03-01T12:00:00.000Z';
const NOW = new Date(AT);
const originalZone = process.env.TZ;

const TAG_FIELD: FieldDef = {
  id: TAGS,
  name: 'Tags',
  type: 'multiSelect',
  role: 'tags',
  settings: {
    options: [
      { id: VIP, label: 'VIP' },
      { id: NEWS, label: 'Newsletter' },
    ],
  },
};

beforeEach(() => {
  process.env.TZ = 'Europe/London';
});
afterEach(() => {
  resetDatabaseForTests();
  process.env.TZ = originalZone;
});

async function createTaggedSheet(rows: Record<string, CellValue>[]): Promise<{ sheetId: string; rowIds: string[] }> {
  const rowIds = rows.map((_, index) => `row-${index + 1}`);
  const [sheetId] = await createSheets([{ name: 'Clients', fields: [...CLIENT_FIELDS, TAG_FIELD], rows, rowIds }]);
  return { sheetId: sheetId!, rowIds };
}

async function ruleCheckIns(): Promise<ReminderRecord[]> {
  return (await getDatabase().reminders.orderBy('id').toArray()).filter(isRuleCheckIn);
}

async function addVipRule(sheetId: string, every = 2, unit: 'days' | 'weeks' | 'months' = 'weeks'): Promise<string> {
  return addCheckInRule({ sheetId, optionId: VIP, recurrence: { every, unit }, title: '' }, NOW);
}

describe('check-in rules', () => {
  it('keeps one check-in per tagged row', async () => {
    const { sheetId, rowIds } = await createTaggedSheet([
      { [NAME]: 'Ada Quill', [TAGS]: [VIP], [LAST_CONTACTED]: '2027-02-20' },
      { [NAME]: 'Bram Oakes', [TAGS]: [NEWS] },
      { [NAME]: 'Cleo Marsh', [TAGS]: [NEWS, VIP] },
    ]);
    const ruleId = await addVipRule(sheetId);

    const stored = await ruleCheckIns();
    expect(stored.map((each) => each.rowId)).toEqual([rowIds[0], rowIds[2]]);
    expect(stored[0]).toEqual({
      id: ruleCheckInId(ruleId, rowIds[0]!),
      kind: 'checkIn',
      sheetId,
      rowId: rowIds[0],
      title: '',
      recurrence: { every: 2, unit: 'weeks' },
      anchorDate: '2027-02-20',
      lastContacted: '2027-02-20',
      date: '2027-03-06',
      due: '2027-03-06T09:00',
      state: 'open',
      createdAt: AT,
      updatedAt: AT,
    });
    // A row never contacted counts from the day the rule reached it.
    expect(stored[1]?.anchorDate).toBe('2027-03-01');
    expect(stored[1]?.due).toBe('2027-03-15T09:00');
    expect(await listCheckInRules()).toHaveLength(1);
  });

  it('follows rows gaining and losing the tag', async () => {
    const { sheetId, rowIds } = await createTaggedSheet([
      { [NAME]: 'Ada Quill', [TAGS]: [VIP] },
      { [NAME]: 'Bram Oakes' },
    ]);
    await addVipRule(sheetId);

    await editCells(sheetId, [
      { rowId: rowIds[0]!, fieldId: TAGS, value: [NEWS] },
      { rowId: rowIds[1]!, fieldId: TAGS, value: [VIP] },
    ]);
    await reconcileReminders(AT);

    expect((await ruleCheckIns()).map((each) => each.rowId)).toEqual([rowIds[1]]);
  });

  it('re-arms when the last contact changes', async () => {
    const { sheetId, rowIds } = await createTaggedSheet([
      { [NAME]: 'Ada Quill', [TAGS]: [VIP], [LAST_CONTACTED]: '2027-02-20' },
    ]);
    const ruleId = await addVipRule(sheetId, 1, 'months');
    const id = ruleCheckInId(ruleId, rowIds[0]!);
    expect((await getDatabase().reminders.get(id))?.due).toBe('2027-03-20T09:00');

    await markReminderDone(id, new Date('2027-03-20T10:00:00Z'));
    await editCells(sheetId, [{ rowId: rowIds[0]!, fieldId: LAST_CONTACTED, value: '2027-03-25' }]);
    await reconcileReminders('2027-03-25T12:00:00.000Z');

    const rearmed = await getDatabase().reminders.get(id);
    expect(rearmed?.anchorDate).toBe('2027-03-25');
    expect(rearmed?.lastContacted).toBe('2027-03-25');
    expect(rearmed?.due).toBe('2027-04-25T09:00');
    expect(rearmed?.state).toBe('open');
  });

  it('writes nothing when run again', async () => {
    const { sheetId } = await createTaggedSheet([{ [NAME]: 'Ada Quill', [TAGS]: [VIP] }]);
    await addVipRule(sheetId);

    expect(await reconcileReminders('2027-03-05T12:00:00.000Z')).toEqual({ put: [], remove: [] });
  });

  it('drops check-ins of trashed rows and brings them back on restore', async () => {
    const { sheetId, rowIds } = await createTaggedSheet([{ [NAME]: 'Ada Quill', [TAGS]: [VIP] }]);
    await addVipRule(sheetId);

    await deleteRows(sheetId, [rowIds[0]!]);
    await reconcileReminders(AT);
    expect(await ruleCheckIns()).toEqual([]);

    await restoreRows(sheetId, [rowIds[0]!]);
    await reconcileReminders(AT);
    expect((await ruleCheckIns()).map((each) => each.rowId)).toEqual([rowIds[0]]);
  });

  it('deletes its check-ins with the rule', async () => {
    const { sheetId } = await createTaggedSheet([{ [NAME]: 'Ada Quill', [TAGS]: [VIP] }]);
    const ruleId = await addVipRule(sheetId);
    expect(await listCheckInRuleItems()).toEqual([
      expect.objectContaining({ sheetName: 'Clients', tagLabel: 'VIP', checkIns: 1 }),
    ]);

    await deleteCheckInRule(ruleId, NOW);

    expect(await listCheckInRules()).toEqual([]);
    expect(await ruleCheckIns()).toEqual([]);
  });

  it('moves check-ins to a changed interval', async () => {
    const { sheetId, rowIds } = await createTaggedSheet([
      { [NAME]: 'Ada Quill', [TAGS]: [VIP], [LAST_CONTACTED]: '2027-02-20' },
    ]);
    const ruleId = await addVipRule(sheetId, 2, 'weeks');
    const [rule] = await listCheckInRules();
    const sources = {
      sheets: await getDatabase().sheets.toArray(),
      rows: await getDatabase().rows.toArray(),
      reminderTime: '09:00',
      checkInRules: [{ ...rule!, recurrence: { every: 10, unit: 'days' as const } }],
    };

    const changes = computeReminderChanges(sources, await getDatabase().reminders.toArray(), new Map(), AT);

    expect(changes.remove).toEqual([]);
    expect(changes.put).toHaveLength(1);
    expect(changes.put[0]?.id).toBe(ruleCheckInId(ruleId, rowIds[0]!));
    expect(changes.put[0]?.due).toBe('2027-03-02T09:00');
  });

  it('rejects invalid rules', async () => {
    const { sheetId } = await createTaggedSheet([{ [NAME]: 'Ada Quill' }]);
    const [plainSheet] = await createSheets([{ name: 'Plain', fields: CLIENT_FIELDS, rows: [] }]);

    await expect(addVipRule(sheetId, 0)).rejects.toThrow('Invalid interval 0');
    await expect(
      addCheckInRule({ sheetId, optionId: 'missing', recurrence: { every: 1, unit: 'days' }, title: '' }, NOW),
    ).rejects.toThrow('no longer a choice');
    await expect(addVipRule(plainSheet!)).rejects.toThrow('has no tags column');
    expect(await listCheckInRules()).toEqual([]);
  });

  it('refuses to delete a single rule check-in', async () => {
    const { sheetId, rowIds } = await createTaggedSheet([{ [NAME]: 'Ada Quill', [TAGS]: [VIP] }]);
    const ruleId = await addVipRule(sheetId);

    await expect(deleteReminder(ruleCheckInId(ruleId, rowIds[0]!))).rejects.toThrow('comes from a tag');
  });

  it('lists tags columns with their choices', async () => {
    const { sheetId } = await createTaggedSheet([]);

    expect(await listTagColumns()).toEqual([
      {
        sheetId,
        sheetName: 'Clients',
        fieldId: TAGS,
        fieldName: 'Tags',
        options: [
          { id: VIP, label: 'VIP' },
          { id: NEWS, label: 'Newsletter' },
        ],
      },
    ]);
  });

  it('ignores stored rules of another shape', () => {
    expect(parseCheckInRules(undefined)).toEqual([]);
    expect(parseCheckInRules({ rules: [{ id: 'r1' }, null] })).toEqual([]);
  });

  it('is followed by the live sync', async () => {
    const { sheetId, rowIds } = await createTaggedSheet([{ [NAME]: 'Ada Quill' }]);
    await addVipRule(sheetId);
    const onError = vi.fn();
    const stop = startReminderSync(getDatabase(), onError, () => NOW);

    try {
      await editCells(sheetId, [{ rowId: rowIds[0]!, fieldId: TAGS, value: [VIP] }]);
      await vi.waitFor(async () => expect(await ruleCheckIns()).toHaveLength(1));

      await editCells(sheetId, [{ rowId: rowIds[0]!, fieldId: TAGS, value: null }]);
      await vi.waitFor(async () => expect(await ruleCheckIns()).toHaveLength(0));
    } finally {
      stop();
    }
    expect(onError).not.toHaveBeenCalled();
  });
});
