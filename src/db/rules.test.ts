import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { addRule, fields, makeClients, registerRuleHook } from '../rules/testRules';
import { getDatabase, resetDatabaseForTests } from './connection';
import { undoLastChange } from './history';
import { setRowChangeHook } from './rowChangeHook';
import { editCells, listRows } from './rows';
import {
  deleteRule,
  dismissRulePrompt,
  listRulePrompts,
  listRuleRuns,
  listRules,
  MAX_RULE_RUNS,
  runDateRules,
  saveRule,
  setRuleEnabled,
  tryRuleOnRow,
} from './rules';

beforeEach(() => registerRuleHook());

afterEach(() => {
  setRowChangeHook(null);
  resetDatabaseForTests();
});

/** Noon local time on a day, so the local date is that day in any time zone. */
function localNoon(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, 12);
}

const followUpAfter14Days = {
  kind: 'dateReached',
  fieldId: fields.contacted.id,
  offsetDays: 14,
} as const;

const statusProspect = {
  kind: 'group' as const,
  match: 'all' as const,
  items: [{ kind: 'condition' as const, fieldId: fields.status.id, operator: 'is' as const, value: 'Prospect' }],
};

describe('saveRule', () => {
  it('saves and updates a rule', async () => {
    const sheetId = await makeClients();
    const draft = {
      sheetId,
      name: 'Won to customer',
      enabled: false,
      trigger: { kind: 'fieldChanged' as const, fieldId: fields.stage.id, to: 'Closed Won' },
      actions: [{ kind: 'setValue' as const, fieldId: fields.status.id, value: 'Customer' }],
    };
    const id = await saveRule(draft);
    await saveRule({ ...draft, name: 'Won deals become customers' }, id);

    const [rule] = await listRules();
    expect(rule!.id).toBe(id);
    expect(rule!.name).toBe('Won deals become customers');
    expect(rule!.enabled).toBe(false);
  });

  it('rejects a value the column cannot read', async () => {
    const sheetId = await makeClients();
    await expect(
      saveRule({
        sheetId,
        name: 'Bad value',
        enabled: true,
        trigger: { kind: 'rowAdded' },
        actions: [{ kind: 'setValue', fieldId: fields.status.id, value: 'Platinum' }],
      }),
    ).rejects.toThrow('Then, step 1: "Platinum" is not a valid value for "Status".');
  });

  it('rejects a move before the last step', async () => {
    const sheetId = await makeClients();
    const otherId = await makeClients();
    await expect(
      saveRule({
        sheetId,
        name: 'Move first',
        enabled: true,
        trigger: { kind: 'rowAdded' },
        actions: [
          { kind: 'moveToSheet', sheetId: otherId },
          { kind: 'setValue', fieldId: fields.status.id, value: 'Customer' },
        ],
      }),
    ).rejects.toThrow('must be the last step');
  });

  it('switches a rule off and deletes it', async () => {
    const sheetId = await makeClients();
    const rule = await addRule(sheetId, { kind: 'rowAdded' }, [{ kind: 'stopCheckIn' }]);

    await setRuleEnabled(rule.id, false);
    expect((await listRules())[0]!.enabled).toBe(false);

    await deleteRule(rule.id);
    expect(await listRules()).toEqual([]);
    await expect(setRuleEnabled(rule.id, true)).rejects.toThrow('no longer exists');
  });
});

describe('runDateRules', () => {
  it('fires once for rows that came due while closed', async () => {
    const sheetId = await makeClients([
      { [fields.name.id]: 'Ada Quill', [fields.contacted.id]: '2026-11-01', [fields.status.id]: 's-prospect' },
      { [fields.name.id]: 'Bram Oakes', [fields.contacted.id]: '2026-11-30', [fields.status.id]: 's-prospect' },
      { [fields.name.id]: 'Cleo Marsh', [fields.contacted.id]: '2026-11-01', [fields.status.id]: 's-customer' },
    ]);
    await addRule(sheetId, followUpAfter14Days, [{ kind: 'createReminder', title: 'Follow up', inDays: 0 }], {
      conditions: statusProspect,
    });

    // The app opens on 4 December: Ada's 14 days ended on 15 November, Bram's end on 14 December.
    expect(await runDateRules(localNoon('2026-12-04'))).toBe(1);
    expect(await runDateRules(localNoon('2026-12-04'))).toBe(0);
    expect(await runDateRules(localNoon('2026-12-05'))).toBe(0);

    const reminders = await getDatabase().reminders.toArray();
    expect(reminders).toHaveLength(1);
    const [ada] = await listRows(sheetId);
    expect(reminders[0]!.rowId).toBe(ada!.id);
    expect(reminders[0]!.date).toBe('2026-12-04');

    // Bram comes due on 14 December; a check a week later catches him up once.
    expect(await runDateRules(localNoon('2026-12-21'))).toBe(1);
    expect(await runDateRules(localNoon('2026-12-22'))).toBe(0);
    expect(await getDatabase().reminders.count()).toBe(2);
  });

  it('fires again after the date changes', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill', [fields.contacted.id]: '2026-11-01' }]);
    await addRule(sheetId, followUpAfter14Days, [{ kind: 'addTag', fieldId: fields.tags.id, tag: 'VIP' }]);
    const [ada] = await listRows(sheetId);

    expect(await runDateRules(localNoon('2026-12-04'))).toBe(1);
    await editCells(sheetId, [{ rowId: ada!.id, fieldId: fields.contacted.id, value: '2026-12-01' }]);
    expect(await runDateRules(localNoon('2026-12-10'))).toBe(0);
    expect(await runDateRules(localNoon('2026-12-15'))).toBe(1);
  });

  it('undoes what a date rule did', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill', [fields.contacted.id]: '2026-11-01' }]);
    await addRule(sheetId, followUpAfter14Days, [
      { kind: 'addTag', fieldId: fields.tags.id, tag: 'VIP' },
      { kind: 'createReminder', title: 'Follow up', inDays: 2 },
    ]);

    await runDateRules(localNoon('2026-12-04'));
    expect((await listRows(sheetId))[0]!.values[fields.tags.id]).toEqual(['t-vip']);

    expect(await undoLastChange(sheetId)).toBe(true);
    expect((await listRows(sheetId))[0]!.values[fields.tags.id]).toBeUndefined();
    expect(await getDatabase().reminders.count()).toBe(0);
    // The rule remembers that it fired, so undoing does not make it fire again.
    expect(await runDateRules(localNoon('2026-12-04'))).toBe(0);
  });

  it('skips switched-off rules', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill', [fields.contacted.id]: '2026-11-01' }]);
    await addRule(sheetId, followUpAfter14Days, [{ kind: 'addTag', fieldId: fields.tags.id, tag: 'VIP' }], {
      enabled: false,
    });

    expect(await runDateRules(localNoon('2026-12-04'))).toBe(0);
  });
});

describe('tryRuleOnRow', () => {
  it('describes the changes and writes nothing', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill', [fields.contacted.id]: '2026-11-01' }]);
    const rule = await addRule(
      sheetId,
      { kind: 'fieldChanged', fieldId: fields.stage.id, to: 'Closed Won' },
      [
        { kind: 'setValue', fieldId: fields.status.id, value: 'Customer' },
        { kind: 'startCheckIn', every: 90, unit: 'days' },
        { kind: 'logConversation', activityType: 'Note', text: 'Won' },
        { kind: 'askForValue', fieldId: fields.reason.id },
      ],
      { enabled: false },
    );
    const [ada] = await listRows(sheetId);
    const sheetsBefore = await getDatabase().sheets.count();
    const historyBefore = await getDatabase().history.count();

    const preview = await tryRuleOnRow(rule.id, ada!.id, localNoon('2026-12-04'));

    expect(preview.error).toBeNull();
    expect(preview.conditionsMatch).toBe(true);
    expect(preview.changes).toEqual([
      'Add the sheet "Activities".',
      'Change Status of "Ada Quill" from (empty) to "Customer".',
      'Change Last contacted of "Ada Quill" from "01/11/2026" to "04/12/2026".',
      'Add a row to "Activities": Date "04/12/2026, 12:00", Type "Note", Customer "Ada Quill", Notes "Won".',
      // The check-in starts before the conversation is logged, so it counts from the earlier last contact.
      'Start a check-in every 90 days, first on 30 Jan 2027.',
      'Ask you for "Churn reason" once the change is saved.',
    ]);
    expect((await listRows(sheetId))[0]).toEqual(ada);
    expect(await getDatabase().sheets.count()).toBe(sheetsBefore);
    expect(await getDatabase().history.count()).toBe(historyBefore);
    expect(await getDatabase().reminders.count()).toBe(0);
    expect(await listRulePrompts()).toEqual([]);
    const [run] = await listRuleRuns();
    expect(run!.outcome).toBe('tried');
    expect(run!.message).toBe('Tried on 1 row without saving: 6 changes would be made.');
  });

  it('reports an action that would fail', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    const rule = await addRule(sheetId, { kind: 'rowAdded' }, [{ kind: 'setValue', fieldId: 'f-gone', value: '1' }]);
    const [ada] = await listRows(sheetId);

    const preview = await tryRuleOnRow(rule.id, ada!.id);

    expect(preview.error).toContain('failed at step 1');
    expect((await listRuleRuns())[0]!.message).toBe('Tried on 1 row without saving: an action would fail.');
  });
});

describe('run log', () => {
  it('keeps only the newest runs', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    const rule = await addRule(sheetId, { kind: 'fieldChanged', fieldId: fields.count.id }, [
      { kind: 'setValue', fieldId: fields.status.id, value: 'Customer' },
    ]);
    const [ada] = await listRows(sheetId);
    const old = Array.from({ length: MAX_RULE_RUNS }, (_, index) => ({
      id: `old-${index}`,
      ruleId: rule.id,
      at: new Date(Date.UTC(2020, 0, 1, 0, 0, index)).toISOString(),
      rowIds: [],
      outcome: 'applied' as const,
      message: 'Old run.',
    }));
    await getDatabase().ruleRuns.bulkAdd(old);

    await editCells(sheetId, [{ rowId: ada!.id, fieldId: fields.count.id, value: 3 }]);

    expect(await getDatabase().ruleRuns.count()).toBe(MAX_RULE_RUNS);
    expect(await getDatabase().ruleRuns.get('old-0')).toBeUndefined();
    expect((await listRuleRuns())[0]!.message).toContain('Ran on 1 row');
  });
});

describe('prompts', () => {
  it('dismisses a prompt', async () => {
    const sheetId = await makeClients([{ [fields.name.id]: 'Ada Quill' }]);
    await addRule(sheetId, { kind: 'fieldChanged', fieldId: fields.status.id }, [
      { kind: 'askForValue', fieldId: fields.reason.id },
    ]);
    const [ada] = await listRows(sheetId);
    await editCells(sheetId, [{ rowId: ada!.id, fieldId: fields.status.id, value: 's-former' }]);
    const [prompt] = await listRulePrompts();

    await dismissRulePrompt(prompt!.id);

    expect(await listRulePrompts()).toEqual([]);
  });
});
