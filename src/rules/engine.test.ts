import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDatabase, resetDatabaseForTests } from '../db/connection';
import { redoLastUndone, undoLastChange } from '../db/history';
import { setRowChangeHook } from '../db/rowChangeHook';
import { addRows, editCells, listRows } from '../db/rows';
import { listRulePrompts, listRuleRuns } from '../db/rules';
import { listSheets } from '../db/sheets';
import type { FieldDef } from '../fields/types';
import { toLocalDate } from '../reminders/localClock';
import { MAX_CHAIN_DEPTH } from './engine';
import { addRule, fields, makeClients, shownNotices, registerRuleHook } from './testRules';

beforeEach(() => registerRuleHook());

afterEach(() => {
  setRowChangeHook(null);
  resetDatabaseForTests();
});

const wonTrigger = { kind: 'fieldChanged', fieldId: fields.stage.id, to: 'Closed Won' } as const;

async function onlyRow(sheetId: string) {
  const [row] = await listRows(sheetId);
  return row!;
}

describe('rule triggers', () => {
  it('runs when a column becomes the value', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill', [fields.stage.id]: 'o-open' }]);
    await addRule(sheetId, wonTrigger, [{ kind: 'setValue', fieldId: fields.status.id, value: 'Customer' }]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }]);

    expect((await onlyRow(sheetId)).values[fields.status.id]).toBe('s-customer');
  });

  it('ignores a change to another value', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill', [fields.stage.id]: 'o-open' }]);
    await addRule(sheetId, wonTrigger, [{ kind: 'setValue', fieldId: fields.status.id, value: 'Customer' }]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-lost' }]);

    expect((await onlyRow(sheetId)).values[fields.status.id]).toBeUndefined();
  });

  it('runs on any change without a value', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    await addRule(sheetId, { kind: 'fieldChanged', fieldId: fields.name.id }, [
      { kind: 'setValue', fieldId: fields.count.id, value: '1' },
    ]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.name.id, value: 'Ada Q. Quill' }]);

    expect((await onlyRow(sheetId)).values[fields.count.id]).toBe(1);
  });

  it('runs on added rows', async () => {
    const sheetId = await makeClients();
    await addRule(sheetId, { kind: 'rowAdded' }, [{ kind: 'setValue', fieldId: fields.status.id, value: 'Prospect' }]);

    await addRows(sheetId, [{ [fields.name.id]: 'Bram Oakes' }]);

    expect((await onlyRow(sheetId)).values[fields.status.id]).toBe('s-prospect');
  });

  it('skips rows failing the conditions', async () => {
    const sheetId = await makeClients([
      { [fields.name.id]: 'Ada Quill', [fields.tags.id]: ['t-vip'] },
      { [fields.name.id]: 'Bram Oakes' },
    ]);
    await addRule(sheetId, wonTrigger, [{ kind: 'setValue', fieldId: fields.status.id, value: 'Customer' }], {
      conditions: {
        kind: 'group',
        match: 'all',
        items: [{ kind: 'condition', fieldId: fields.tags.id, operator: 'contains', value: 'VIP' }],
      },
    });
    const [ada, bram] = await listRows(sheetId);

    await editCells(sheetId, [
      { rowId: ada!.id, fieldId: fields.stage.id, value: 'o-won' },
      { rowId: bram!.id, fieldId: fields.stage.id, value: 'o-won' },
    ]);

    const [adaAfter, bramAfter] = await listRows(sheetId);
    expect(adaAfter!.values[fields.status.id]).toBe('s-customer');
    expect(bramAfter!.values[fields.status.id]).toBeUndefined();
  });

  it('leaves switched-off rules alone', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    await addRule(sheetId, wonTrigger, [{ kind: 'setValue', fieldId: fields.status.id, value: 'Customer' }], {
      enabled: false,
    });
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }]);

    expect((await onlyRow(sheetId)).values[fields.status.id]).toBeUndefined();
    expect(await listRuleRuns()).toEqual([]);
  });

  it('logs an applied run and the last run', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }, { [fields.name.id]: 'Bram Oakes' }]);
    const rule = await addRule(sheetId, wonTrigger, [
      { kind: 'setValue', fieldId: fields.status.id, value: 'Customer' },
    ]);
    const rows = await listRows(sheetId);

    await editCells(
      sheetId,
      rows.map((row) => ({ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' })),
    );

    const [run] = await listRuleRuns();
    expect(run!.outcome).toBe('applied');
    expect(run!.rowIds).toHaveLength(2);
    expect(run!.message).toBe('Ran on 2 rows: set Status to "Customer".');
    const stored = await getDatabase().rules.get(rule.id);
    expect(stored!.lastRunRowIds).toHaveLength(2);
    expect(stored!.lastRunAt).toBe(run!.at);
  });
});

describe('rule actions', () => {
  it('sets a date column to today', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    await addRule(sheetId, wonTrigger, [{ kind: 'setValue', fieldId: fields.since.id, today: true }]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }]);

    expect((await onlyRow(sheetId)).values[fields.since.id]).toBe(toLocalDate(new Date()));
  });

  it('adds and removes tags', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill', [fields.tags.id]: ['t-news'] }]);
    await addRule(sheetId, wonTrigger, [
      { kind: 'addTag', fieldId: fields.tags.id, tag: 'VIP' },
      { kind: 'removeTag', fieldId: fields.tags.id, tag: 'Newsletter' },
    ]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }]);

    expect((await onlyRow(sheetId)).values[fields.tags.id]).toEqual(['t-vip']);
  });

  it('creates a reminder in some days', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    await addRule(sheetId, wonTrigger, [{ kind: 'createReminder', title: 'Send welcome pack', inDays: 3 }]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }]);

    const [reminder] = await getDatabase().reminders.toArray();
    expect(reminder!.kind).toBe('standalone');
    expect(reminder!.title).toBe('Send welcome pack');
    expect(reminder!.rowId).toBe(row.id);
    const expected = new Date();
    expected.setDate(expected.getDate() + 3);
    expect(reminder!.date).toBe(toLocalDate(expected));
    expect(reminder!.due).toBe(`${reminder!.date}T09:00`);
  });

  it('creates a reminder on a date column', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill', [fields.since.id]: '2027-02-01' }]);
    await addRule(sheetId, wonTrigger, [
      { kind: 'createReminder', title: 'Anniversary', dateFieldId: fields.since.id },
    ]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }]);

    const [reminder] = await getDatabase().reminders.toArray();
    expect(reminder!.date).toBe('2027-02-01');
  });

  it('starts and stops a check-in', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill', [fields.contacted.id]: '2026-11-01' }]);
    await addRule(sheetId, wonTrigger, [{ kind: 'startCheckIn', every: 90, unit: 'days' }]);
    await addRule(sheetId, { kind: 'fieldChanged', fieldId: fields.stage.id, to: 'Closed Lost' }, [
      { kind: 'stopCheckIn' },
    ]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }]);
    const [checkIn] = await getDatabase().reminders.toArray();
    expect(checkIn!.kind).toBe('checkIn');
    expect(checkIn!.recurrence).toEqual({ every: 90, unit: 'days' });
    expect(checkIn!.anchorDate).toBe('2026-11-01');
    expect(checkIn!.date).toBe('2027-01-30');

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-lost' }]);
    expect(await getDatabase().reminders.count()).toBe(0);
  });

  it('does not start a second identical check-in', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    await addRule(sheetId, { kind: 'fieldChanged', fieldId: fields.stage.id }, [
      { kind: 'startCheckIn', every: 30, unit: 'days' },
    ]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }]);
    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-open' }]);

    expect(await getDatabase().reminders.count()).toBe(1);
  });

  it('logs a conversation in a new Activities sheet', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    await addRule(sheetId, wonTrigger, [{ kind: 'logConversation', activityType: 'Note', text: 'Deal won' }]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }]);

    const activities = (await listSheets()).find((sheet) => sheet.name === 'Activities')!;
    expect(activities.fields.map((field) => field.name)).toEqual(['Date', 'Type', 'Customer', 'Notes']);
    const customer = activities.fields.find((field) => field.name === 'Customer')!;
    expect(customer.role).toBe('contact');
    expect(customer.settings.linkSheetId).toBe(sheetId);
    const [entry] = await listRows(activities.id);
    const byName = (name: string) => entry!.values[activities.fields.find((field) => field.name === name)!.id];
    expect(byName('Customer')).toEqual([row.id]);
    expect(byName('Notes')).toBe('Deal won');
    expect(toLocalDate(new Date(byName('Date') as string))).toBe(toLocalDate(new Date()));
    expect(activities.fields.find((field) => field.name === 'Type')!.settings.options?.map((o) => o.label)).toContain(
      'Note',
    );
    expect((await onlyRow(sheetId)).values[fields.contacted.id]).toBe(toLocalDate(new Date()));
  });

  it('logs into an existing activity sheet', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    await addRule(sheetId, wonTrigger, [{ kind: 'logConversation', activityType: 'Call', text: 'First' }]);
    await addRule(sheetId, { kind: 'fieldChanged', fieldId: fields.stage.id, to: 'Closed Lost' }, [
      { kind: 'logConversation', activityType: 'Call', text: 'Second' },
    ]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }]);
    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-lost' }]);

    const activitySheets = (await listSheets()).filter((sheet) => sheet.name.startsWith('Activities'));
    expect(activitySheets).toHaveLength(1);
    expect(await listRows(activitySheets[0]!.id)).toHaveLength(2);
  });

  it('moves a row to another sheet by column name', async () => {
    const sheetId = await makeClients([
      { [fields.name.id]: 'Ada Quill', [fields.status.id]: 's-customer', [fields.count.id]: 4 },
    ]);
    const formerFields: FieldDef[] = [
      { id: 'g-name', name: 'Name', type: 'text', role: 'name', settings: {} },
      {
        id: 'g-status',
        name: 'status',
        type: 'select',
        settings: { options: [{ id: 'gs-customer', label: 'Customer' }] },
      },
      { id: 'g-notes', name: 'Notes', type: 'longText', role: 'notes', settings: {} },
    ];
    const { createSheets } = await import('../db/sheets');
    const [formerId] = await createSheets([{ name: 'Former', fields: formerFields }]);
    await addRule(sheetId, wonTrigger, [{ kind: 'moveToSheet', sheetId: formerId! }]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }]);

    expect(await listRows(sheetId)).toEqual([]);
    const [moved] = await listRows(formerId!);
    expect(moved!.values['g-name']).toBe('Ada Quill');
    expect(moved!.values['g-status']).toBe('gs-customer');
    expect(moved!.values['g-notes']).toBe('Stage: Closed Won\nCount: 4');
    const trashed = await getDatabase().rows.get(row.id);
    expect(trashed!.deleted).toBe(1);
    const [run] = await listRuleRuns();
    expect(run!.message).toContain('Stage, Count went to Notes');
  });

  it('stores a prompt for a value', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    const rule = await addRule(sheetId, { kind: 'fieldChanged', fieldId: fields.status.id, to: 'Former customer' }, [
      { kind: 'askForValue', fieldId: fields.reason.id },
    ]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.status.id, value: 's-former' }]);

    const [prompt] = await listRulePrompts();
    expect(prompt).toMatchObject({ ruleId: rule.id, ruleName: rule.name, rowId: row.id, fieldId: fields.reason.id });
  });
});

describe('rule chains', () => {
  /** Adds rules that each copy a change on from one number column to the next. */
  async function addChain(sheetId: string, length: number) {
    const { editSheetFields } = await chainSheet(sheetId, length + 1);
    for (let index = 0; index < length; index += 1) {
      await addRule(sheetId, { kind: 'fieldChanged', fieldId: editSheetFields[index]! }, [
        { kind: 'setValue', fieldId: editSheetFields[index + 1]!, value: '1' },
      ]);
    }
    return editSheetFields;
  }

  async function chainSheet(sheetId: string, count: number) {
    const ids = Array.from({ length: count }, (_, index) => `f-step-${index}`);
    const database = getDatabase();
    const sheet = await database.sheets.get(sheetId);
    await database.sheets.put({
      ...sheet!,
      fields: [...sheet!.fields, ...ids.map((id) => ({ id, name: id, type: 'number' as const, settings: {} }))],
    });
    return { editSheetFields: ids };
  }

  it('runs rules triggered by other rules', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    await addRule(sheetId, wonTrigger, [{ kind: 'setValue', fieldId: fields.status.id, value: 'Customer' }]);
    await addRule(sheetId, { kind: 'fieldChanged', fieldId: fields.status.id, to: 'Customer' }, [
      { kind: 'setValue', fieldId: fields.since.id, value: '2026-12-01' },
    ]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }]);

    expect((await onlyRow(sheetId)).values[fields.since.id]).toBe('2026-12-01');
  });

  it('stops at the maximum depth', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    const steps = await addChain(sheetId, MAX_CHAIN_DEPTH + 2);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: steps[0]!, value: 1 }]);

    const values = (await onlyRow(sheetId)).values;
    const filled = steps.filter((id) => values[id] === 1);
    // The user's edit plus one column per rule that ran.
    expect(filled).toHaveLength(1 + MAX_CHAIN_DEPTH);
    const stopped = (await listRuleRuns()).filter((run) => run.outcome === 'stopped');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]!.ruleName).toBe(`Rule ${Number(stopped[0]!.ruleId.slice(5))}`);
    expect(stopped[0]!.message).toContain(`${MAX_CHAIN_DEPTH} rules had already run`);
    expect(shownNotices).toHaveLength(1);
    expect(shownNotices[0]).toContain('Automation stopped before the rule');
  });

  it('never re-triggers a rule on its own change', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill', [fields.count.id]: 0 }]);
    await addRule(sheetId, { kind: 'fieldChanged', fieldId: fields.count.id }, [
      { kind: 'setValue', fieldId: fields.count.id, value: '100' },
    ]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.count.id, value: 5 }]);

    expect((await onlyRow(sheetId)).values[fields.count.id]).toBe(100);
    const runs = await listRuleRuns();
    expect(runs.map((run) => run.outcome)).toEqual(['applied']);
    expect(shownNotices).toEqual([]);
  });

  it('stops two rules that trigger each other', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    await addRule(sheetId, { kind: 'fieldChanged', fieldId: fields.name.id }, [
      { kind: 'setValue', fieldId: fields.count.id, value: '1' },
    ]);
    await addRule(sheetId, { kind: 'fieldChanged', fieldId: fields.count.id }, [
      { kind: 'setValue', fieldId: fields.name.id, value: 'Looped' },
    ]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.name.id, value: 'Ada Q. Quill' }]);

    const after = await onlyRow(sheetId);
    expect(after.values[fields.name.id]).toBe('Looped');
    expect(after.values[fields.count.id]).toBe(1);
  });
});

describe('rule transaction', () => {
  it('rolls back the triggering edit when an action fails', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill', [fields.stage.id]: 'o-open' }]);
    const rule = await addRule(sheetId, wonTrigger, [
      { kind: 'setValue', fieldId: fields.status.id, value: 'Customer' },
      { kind: 'createReminder', title: 'Welcome call', inDays: 1 },
      { kind: 'setValue', fieldId: 'f-deleted', value: 'x' },
    ]);
    const row = await onlyRow(sheetId);
    const historyBefore = await getDatabase().history.count();

    await expect(editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }])).rejects.toThrow(
      `The automation rule "${rule.name}" failed at step 3`,
    );

    const after = await onlyRow(sheetId);
    expect(after.values[fields.stage.id]).toBe('o-open');
    expect(after.values[fields.status.id]).toBeUndefined();
    expect(await getDatabase().reminders.count()).toBe(0);
    expect(await getDatabase().history.count()).toBe(historyBefore);
    const runs = await listRuleRuns();
    expect(runs.map((run) => run.outcome)).toEqual(['failed']);
    expect(runs[0]!.message).toContain('Nothing was saved');
  });

  it('undoes the edit and every effect at once', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill', [fields.stage.id]: 'o-open' }]);
    await addRule(sheetId, wonTrigger, [
      { kind: 'setValue', fieldId: fields.status.id, value: 'Customer' },
      { kind: 'setValue', fieldId: fields.since.id, today: true },
      { kind: 'startCheckIn', every: 90, unit: 'days' },
      { kind: 'logConversation', activityType: 'Note', text: 'Won' },
    ]);
    const row = await onlyRow(sheetId);

    await editCells(sheetId, [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }]);
    const activities = (await listSheets()).find((sheet) => sheet.name === 'Activities')!;
    expect(await listRows(activities.id)).toHaveLength(1);
    expect(await getDatabase().reminders.count()).toBe(1);

    expect(await undoLastChange(sheetId)).toBe(true);
    expect((await onlyRow(sheetId)).values).toEqual({ [fields.name.id]: 'Ada Quill', [fields.stage.id]: 'o-open' });
    expect(await getDatabase().reminders.count()).toBe(0);
    expect(await listRows(activities.id)).toEqual([]);

    expect(await redoLastUndone(sheetId)).toBe(true);
    const redone = await onlyRow(sheetId);
    expect(redone.values[fields.status.id]).toBe('s-customer');
    expect(await getDatabase().reminders.count()).toBe(1);
    expect(await listRows(activities.id)).toHaveLength(1);
  });

  it('runs rules on pasted rows', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    await addRule(sheetId, wonTrigger, [{ kind: 'setValue', fieldId: fields.status.id, value: 'Customer' }]);
    const row = await onlyRow(sheetId);
    const { pasteCells } = await import('../db/paste');

    await pasteCells(
      sheetId,
      [{ rowId: row.id, fieldId: fields.stage.id, value: 'o-won' }],
      [{ [fields.name.id]: 'Bram Oakes', [fields.stage.id]: 'o-won' }],
    );

    const rows = await listRows(sheetId);
    expect(rows.map((each) => each.values[fields.status.id])).toEqual(['s-customer', 's-customer']);
    expect(await undoLastChange(sheetId)).toBe(true);
    expect((await listRows(sheetId)).map((each) => each.values[fields.status.id])).toEqual([undefined]);
  });
});
