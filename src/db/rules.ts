// Automation rules: storing them, running them inside the change that
// triggers them, on the clock for date triggers, and as a dry run for "Try
// on one row", plus their run log and the prompts they leave for the user.
// This module loads on demand, through the hook in ./rowChangeHook.

import { matchesConditions } from '../conditions/evaluate';
import { addToDate } from '../reminders/localTime';
import { readCellWhen } from '../reminders/reconcile';
import { describeRow } from '../reminders/rowLabel';
import { describeChanges } from '../rules/preview';
import { applyRulesToChanges, RuleFailure, runRuleOnRow, RunLog } from '../rules/engine';
import type { RulePrompt } from '../rules/workspace';
import { validateRule, type RuleDraft } from '../rules/validate';
import { getDatabase } from './connection';
import { recordRowChanges } from './history';
import { newId, nowTimestamp } from './ids';
import type { FieldDef } from '../fields/types';
import type { RuleRecord, RuleRunRecord, SheetRecord } from './records';
import type { RowChangeHook } from './rowChangeHook';
import type { KindlingDatabase } from './schema';
import { getWorkbookSettings } from './settings';
import { createSheets, type NewSheet } from './sheets';
import { readPrompts, RULE_PROMPTS_KEY, RULE_TABLES, TransactionWorkspace } from './ruleWorkspace';

export { RULE_TABLES };

/** Runs kept in the run log; adding one deletes the oldest beyond this. */
export const MAX_RULE_RUNS = 500;

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

/**
 * Changes a stored rule inside the caller's transaction; returns false when it is missing. It reads and
 * puts the record, because the typing of Dexie's update() recurses without end on nested condition groups.
 */
async function updateRule(
  database: KindlingDatabase,
  id: string,
  change: (rule: RuleRecord) => void,
): Promise<boolean> {
  const rule = await database.rules.get(id);
  if (!rule) return false;
  change(rule);
  await database.rules.put(rule);
  return true;
}

/** Returns every rule, oldest first. */
export async function listRules(database: KindlingDatabase = getDatabase()): Promise<RuleRecord[]> {
  return database.rules
    .orderBy('id')
    .toArray()
    .then((rules) => rules.sort(byCreation));
}

function byCreation(a: RuleRecord, b: RuleRecord): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/**
 * Saves a new rule, or the changes to the rule with `id`, after checking it
 * against its sheet. Returns the rule's id.
 */
export async function saveRule(
  draft: RuleDraft,
  id?: string,
  database: KindlingDatabase = getDatabase(),
): Promise<string> {
  return database.transaction('rw', [database.rules, database.sheets, database.settings], async () => {
    const sheet = await database.sheets.get(draft.sheetId);
    const sheets = await database.sheets.toArray();
    const context = await getWorkbookSettings();
    const error = validateRule(draft, sheet && sheet.deleted === 0 ? sheet : undefined, sheets, context);
    if (error) throw new Error(error);

    const at = nowTimestamp();
    const existing = id ? await database.rules.get(id) : undefined;
    if (id && !existing) throw new Error('This rule no longer exists; it may have been deleted in another tab.');

    const rule: RuleRecord = {
      ...existing,
      id: existing?.id ?? newId(),
      sheetId: draft.sheetId,
      name: draft.name.trim(),
      enabled: draft.enabled,
      trigger: draft.trigger,
      actions: draft.actions,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    if (draft.conditions && draft.conditions.items.length) rule.conditions = draft.conditions;
    else delete rule.conditions;
    // A changed date trigger starts counting afresh, so rows fire for the new column or offset.
    if (existing && JSON.stringify(existing.trigger) !== JSON.stringify(draft.trigger)) delete rule.firedFor;
    await database.rules.put(rule);
    return rule.id;
  });
}

export async function setRuleEnabled(
  id: string,
  enabled: boolean,
  database: KindlingDatabase = getDatabase(),
): Promise<void> {
  const updated = await database.transaction('rw', database.rules, async () =>
    updateRule(database, id, (rule) => {
      rule.enabled = enabled;
      rule.updatedAt = nowTimestamp();
    }),
  );
  if (!updated) throw new Error('This rule no longer exists; it may have been deleted in another tab.');
}

/** Deletes a rule. Its runs stay in the run log under the rule's name. */
export async function deleteRule(id: string, database: KindlingDatabase = getDatabase()): Promise<void> {
  await database.rules.delete(id);
}

/** Adds rules that came with a template, inside the caller's transaction when there is one. */
export async function addRules(rules: RuleRecord[], database: KindlingDatabase = getDatabase()): Promise<void> {
  if (rules.length) await database.rules.bulkAdd(rules);
}

/** Creates a template's sheets, as createSheets does, and its rules, in one transaction. */
export async function createSheetsWithRules(newSheets: NewSheet[], rules: RuleRecord[]): Promise<string[]> {
  const database = getDatabase();
  const tables = [database.sheets, database.rows, database.views, database.history, database.settings, database.rules];
  return database.transaction('rw', tables, async () => {
    const ids = await createSheets(newSheets);
    await addRules(rules, database);
    return ids;
  });
}

// ---------------------------------------------------------------------------
// Run log
// ---------------------------------------------------------------------------

/** Returns the newest runs first, at most MAX_RULE_RUNS. */
export async function listRuleRuns(database: KindlingDatabase = getDatabase()): Promise<RuleRunRecord[]> {
  return database.ruleRuns.orderBy('at').reverse().limit(MAX_RULE_RUNS).toArray();
}

/** Adds runs and deletes the oldest beyond MAX_RULE_RUNS, inside the caller's transaction. */
async function addRuns(database: KindlingDatabase, runs: RuleRunRecord[]): Promise<void> {
  if (!runs.length) return;
  await database.ruleRuns.bulkAdd(runs);
  const excess = (await database.ruleRuns.count()) - MAX_RULE_RUNS;
  if (excess > 0) {
    const oldest = await database.ruleRuns.orderBy('at').limit(excess).primaryKeys();
    await database.ruleRuns.bulkDelete(oldest);
  }
}

function pluralRows(count: number): string {
  return `${count} row${count === 1 ? '' : 's'}`;
}

let lastRunTime = 0;

/** Strictly increasing run times, so the log keeps the order of runs made in one millisecond. */
function nextRunTimestamp(now: Date): string {
  lastRunTime = Math.max(now.getTime(), lastRunTime + 1);
  return new Date(lastRunTime).toISOString();
}

/** Writes the run log of one change and each applied rule's last run. */
async function saveRunLog(database: KindlingDatabase, log: RunLog, now: Date): Promise<void> {
  const runs: RuleRunRecord[] = [];
  for (const tally of log.tallies.values()) {
    const at = nextRunTimestamp(now);
    const message =
      tally.outcome === 'applied'
        ? `Ran on ${pluralRows(tally.rowIds.length)}: ${tally.summaries.join('; ')}.`
        : tally.summaries.join(' ');
    runs.push({
      id: newId(),
      ruleId: tally.rule.id,
      ruleName: tally.rule.name,
      at,
      rowIds: tally.rowIds,
      outcome: tally.outcome,
      message,
    });
    if (tally.outcome === 'applied') {
      await updateRule(database, tally.rule.id, (rule) => {
        rule.lastRunAt = at;
        rule.lastRunRowIds = tally.rowIds;
      });
    }
  }
  await addRuns(database, runs);
}

async function logFailure(database: KindlingDatabase, failure: RuleFailure, now: Date): Promise<void> {
  await database.transaction('rw', database.ruleRuns, async () =>
    addRuns(database, [
      {
        id: newId(),
        ruleId: failure.ruleId,
        ruleName: failure.ruleName,
        at: nextRunTimestamp(now),
        rowIds: [],
        outcome: 'failed',
        message: failure.message,
      },
    ]),
  );
}

// ---------------------------------------------------------------------------
// Running rules on a change
// ---------------------------------------------------------------------------

async function hasEnabledRules(database: KindlingDatabase): Promise<boolean> {
  return (await database.rules.filter((rule) => rule.enabled).count()) > 0;
}

/**
 * Returns the hook that runs rules inside row writes. `onNotice` receives
 * what the user must know after a commit, such as a chain stopped at its
 * maximum depth; `now` is the clock.
 */
export function createRuleHook(onNotice: (text: string) => void, now: () => Date = () => new Date()): RowChangeHook {
  let failedAt = new Date();
  return {
    tables: RULE_TABLES,
    async run(_transaction, event) {
      const database = getDatabase();
      if (!(await hasEnabledRules(database))) return { rowChanges: event.changes, reminderChanges: [] };

      failedAt = now();
      const workspace = await TransactionWorkspace.open(database, failedAt);
      workspace.seed(event.changes);
      const log = new RunLog();
      await applyRulesToChanges(workspace, event.changes, log);
      await saveRunLog(database, log, workspace.now);
      return {
        rowChanges: workspace.rowChangeList(),
        reminderChanges: workspace.reminderChangeList(),
        afterCommit: log.notices.length ? () => log.notices.forEach(onNotice) : undefined,
      };
    },
    async afterFailure(error) {
      if (error instanceof RuleFailure) await logFailure(getDatabase(), error, failedAt);
    },
  };
}

// ---------------------------------------------------------------------------
// Date triggers
// ---------------------------------------------------------------------------

/** Returns the switched-on rules with a date trigger. */
async function dateRules(database: KindlingDatabase): Promise<RuleRecord[]> {
  const rules = await database.rules.filter((rule) => rule.enabled && rule.trigger.kind === 'dateReached').toArray();
  return rules.sort(byCreation);
}

/**
 * Runs each switched-on date rule on every row whose date plus the rule's
 * days is today or earlier, once per date value: a rule fires again on a
 * row only after its date changes. Rows that came due while the app was
 * closed fire on the next call. Each rule's effects form one history entry
 * on its sheet, so Undo there reverts them. Returns how many rows fired.
 */
export async function runDateRules(
  now: Date,
  onNotice: (text: string) => void = () => {},
  database: KindlingDatabase = getDatabase(),
): Promise<number> {
  if (!(await dateRules(database)).length) return 0;

  const { fired, notices } = await database.transaction('rw', RULE_TABLES, async (transaction) => {
    const log = new RunLog();
    let count = 0;
    for (const rule of await dateRules(database)) {
      if (rule.trigger.kind !== 'dateReached') continue;
      const { fieldId, offsetDays } = rule.trigger;
      const workspace = await TransactionWorkspace.open(database, now);
      const sheet = await workspace.sheet(rule.sheetId);
      const field = sheet?.fields.find((each) => each.id === fieldId);
      if (!sheet || !field) continue;

      const rows = await database.rows.where('[sheetId+deleted]').equals([sheet.id, 0]).toArray();
      const firedFor: Record<string, string> = {};
      let ruleFired = false;
      for (const row of rows) {
        const date = readCellWhen(row.values[field.id], field)?.date;
        if (!date) continue;
        const previous = rule.firedFor?.[row.id];
        if (previous === date) {
          firedFor[row.id] = date;
          continue;
        }
        if (addToDate(date, offsetDays, 'days') > workspace.today) continue;

        const current = await database.rows.get(row.id);
        if (!current || current.deleted === 1 || current.sheetId !== sheet.id) continue;
        if (await runRuleOnRow(workspace, rule, sheet, current, log)) {
          firedFor[row.id] = date;
          ruleFired = true;
          count += 1;
        }
      }

      // Rows that left the sheet drop out of firedFor, so it does not grow without end.
      await updateRule(database, rule.id, (stored) => {
        stored.firedFor = firedFor;
      });
      if (ruleFired) {
        await recordRowChanges(
          transaction,
          'rule',
          sheet.id,
          workspace.rowChangeList(),
          workspace.reminderChangeList(),
        );
      }
    }
    await saveRunLog(database, log, now);
    return { fired: count, notices: log.notices };
  });
  notices.forEach(onNotice);
  return fired;
}

// ---------------------------------------------------------------------------
// Try on one row
// ---------------------------------------------------------------------------

export interface RulePreview {
  /** Whether the row meets the rule's conditions; the preview shows the actions either way. */
  conditionsMatch: boolean;
  /** The changes the rule and the rules it triggers would make, one sentence each. */
  changes: string[];
  /** The message of an action that would fail, or null. */
  error: string | null;
}

/** Thrown to roll back a dry run once its changes have been described. */
class DryRunFinished extends Error {
  constructor(readonly preview: RulePreview) {
    super('Dry run finished');
  }
}

/**
 * Runs a rule on one row inside a transaction that is then rolled back, so
 * nothing is written, and returns what would change. Records a 'tried' run.
 */
export async function tryRuleOnRow(
  ruleId: string,
  rowId: string,
  now: Date = new Date(),
  database: KindlingDatabase = getDatabase(),
): Promise<RulePreview> {
  let preview: RulePreview | null = null;
  let ruleName = '';
  try {
    await database.transaction('rw', RULE_TABLES, async () => {
      const rule = await database.rules.get(ruleId);
      if (!rule) throw new Error('This rule no longer exists; it may have been deleted in another tab.');
      ruleName = rule.name;
      const workspace = await TransactionWorkspace.open(database, now);
      const sheet = await workspace.sheet(rule.sheetId);
      const row = await database.rows.get(rowId);
      if (!sheet) throw new Error(`The sheet of the rule "${rule.name}" is no longer in the workbook.`);
      if (!row || row.deleted === 1 || row.sheetId !== sheet.id) {
        throw new Error(`The row is no longer in "${sheet.name}". Choose another row.`);
      }

      const conditionsMatch =
        !rule.conditions || matchesConditions(rule.conditions, row, sheet, workspace.today, workspace.context);
      let error: string | null = null;
      try {
        await runRuleOnRow(workspace, rule, sheet, row, new RunLog(), false);
      } catch (caught) {
        if (!(caught instanceof RuleFailure)) throw caught;
        error = caught.message;
      }
      const changes = describeChanges(
        {
          rows: workspace.rowChangeList(),
          reminders: workspace.reminderChangeList(),
          prompts: workspace.prompts,
          addedSheets: workspace.addedSheets,
        },
        await workspace.sheets(),
        // Link cells, such as an activity's customer, name the tried row instead of showing its id.
        {
          ...workspace.context,
          links: {
            rowName: (_sheetId, linkedId) => (linkedId === row.id ? describeRow(sheet, row).name : undefined),
            findRowId: () => undefined,
          },
        },
      );
      throw new DryRunFinished({ conditionsMatch, changes, error });
    });
  } catch (caught) {
    if (!(caught instanceof DryRunFinished)) throw caught;
    preview = caught.preview;
  }

  const result = preview!;
  const what = result.error
    ? 'an action would fail'
    : `${result.changes.length} change${result.changes.length === 1 ? '' : 's'} would be made`;
  await database.transaction('rw', database.ruleRuns, async () =>
    addRuns(database, [
      {
        id: newId(),
        ruleId,
        ruleName,
        at: nextRunTimestamp(now),
        rowIds: [rowId],
        outcome: 'tried',
        message: `Tried on 1 row without saving: ${what}${result.conditionsMatch ? '' : ', though the row does not meet the conditions'}.`,
      },
    ]),
  );
  return result;
}

// ---------------------------------------------------------------------------
// Prompts
// ---------------------------------------------------------------------------

/** Returns the open value requests of rules, oldest first. */
export async function listRulePrompts(database: KindlingDatabase = getDatabase()): Promise<RulePrompt[]> {
  return readPrompts((await database.settings.get(RULE_PROMPTS_KEY))?.value);
}

/** A prompt with the sheet, column and row name the dialog shows. */
export interface RulePromptItem {
  prompt: RulePrompt;
  sheet: SheetRecord;
  field: FieldDef;
  rowName: string;
}

/** Returns the open prompts whose row and column still exist, oldest first. */
export async function listRulePromptItems(database: KindlingDatabase = getDatabase()): Promise<RulePromptItem[]> {
  const items: RulePromptItem[] = [];
  for (const prompt of await listRulePrompts(database)) {
    const sheet = await database.sheets.get(prompt.sheetId);
    const row = await database.rows.get(prompt.rowId);
    const field = sheet?.fields.find((each) => each.id === prompt.fieldId);
    if (!sheet || sheet.deleted === 1 || !row || row.deleted === 1 || !field) continue;
    items.push({ prompt, sheet, field, rowName: describeRow(sheet, row).name });
  }
  return items;
}

/** Removes a prompt, answered or dismissed. */
export async function dismissRulePrompt(id: string, database: KindlingDatabase = getDatabase()): Promise<void> {
  await database.transaction('rw', database.settings, async () => {
    const prompts = readPrompts((await database.settings.get(RULE_PROMPTS_KEY))?.value);
    await database.settings.put({ key: RULE_PROMPTS_KEY, value: prompts.filter((prompt) => prompt.id !== id) });
  });
}
