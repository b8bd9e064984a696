// The rule engine: which rules a row change triggers, in what order, and how
// far one change may cascade. It runs inside the transaction of the change,
// through a RuleWorkspace, so a rule that fails rolls back the change too.

import { matchesConditions } from '../conditions/evaluate';
import type { RowRecord, RuleRecord, RuleTrigger, SheetRecord } from '../db/records';
import { isEmptyCell, parseCsvCell } from '../fields/registry';
import type { CellValue, FieldContext } from '../fields/types';
import { runAction, type StepChange } from './actions';
import { describeAction } from './describe';
import type { RuleWorkspace } from './workspace';

/**
 * Maximum number of rules that may run one after another from one change. Five covers
 * real chains such as won deal, then customer, then check-in, and stops
 * two rules that keep triggering each other before they fill the database.
 */
export const MAX_CHAIN_DEPTH = 5;

/** Error of a failed rule action, with a message that names the rule and the fix. */
export class RuleFailure extends Error {
  constructor(
    readonly ruleId: string,
    readonly ruleName: string,
    message: string,
  ) {
    super(message);
    this.name = 'RuleFailure';
  }
}

/** Record of one rule's runs during one change, gathered for the run log. */
export interface RuleTally {
  rule: RuleRecord;
  outcome: 'applied' | 'stopped';
  rowIds: string[];
  summaries: string[];
}

/** Collects the runs of one change, one tally per rule and outcome, plus notices for the user. */
export class RunLog {
  readonly tallies = new Map<string, RuleTally>();
  readonly notices: string[] = [];

  private tally(rule: RuleRecord, outcome: RuleTally['outcome']): RuleTally {
    const key = `${outcome}:${rule.id}`;
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = { rule, outcome, rowIds: [], summaries: [] };
      this.tallies.set(key, tally);
    }
    return tally;
  }

  applied(rule: RuleRecord, rowId: string, summaries: string[]): void {
    const tally = this.tally(rule, 'applied');
    if (!tally.rowIds.includes(rowId)) tally.rowIds.push(rowId);
    for (const summary of summaries) if (!tally.summaries.includes(summary)) tally.summaries.push(summary);
  }

  stopped(rule: RuleRecord, rowId: string): void {
    const tally = this.tally(rule, 'stopped');
    if (!tally.rowIds.includes(rowId)) tally.rowIds.push(rowId);
    const notice = chainStoppedMessage(rule.name);
    if (!tally.summaries.includes(notice)) tally.summaries.push(notice);
    if (!this.notices.includes(notice)) this.notices.push(notice);
  }
}

export function chainStoppedMessage(ruleName: string): string {
  return (
    `Automation stopped before the rule "${ruleName}": ${MAX_CHAIN_DEPTH} rules had already run one after ` +
    'another from one change. Check your automations for rules that trigger each other.'
  );
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (isEmptyCell(a) && isEmptyCell(b)) return true;
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Returns whether a row change sets off a trigger. A new row counts as
 * changing each column it fills, so a deal added as "Closed Won" sets off a
 * "Stage becomes Closed Won" rule. Date triggers run on the clock, never here.
 */
export function triggerMatches(
  trigger: RuleTrigger,
  before: RowRecord | null,
  after: RowRecord,
  sheet: SheetRecord,
  context: FieldContext,
): boolean {
  if (trigger.kind === 'rowAdded') return before === null;
  if (trigger.kind !== 'fieldChanged') return false;

  const field = sheet.fields.find((each) => each.id === trigger.fieldId);
  if (!field) return false;
  const next = after.values[field.id];
  const previous = before?.values[field.id];
  if (sameValue(previous, next)) return false;
  if (before === null && isEmptyCell(next)) return false;
  if (trigger.to === undefined) return true;

  const wanted = parseCsvCell(trigger.to, field, context);
  return wanted.ok && sameValue(next, wanted.value);
}

interface QueuedChange extends StepChange {
  /** How many rules ran before this change in its chain; the user's own change is 0. */
  depth: number;
  /** Ids of the rules that led to this change, so none of them runs again on it. */
  path: string[];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a rule's actions on a row, in order, and returns the row changes
 * they made. The actions after one that moved the row away do not run.
 */
export async function runRule(
  workspace: RuleWorkspace,
  rule: RuleRecord,
  sheet: SheetRecord,
  rowId: string,
  log: RunLog,
): Promise<StepChange[]> {
  const changes: StepChange[] = [];
  const summaries: string[] = [];

  for (const [index, action] of rule.actions.entries()) {
    const row = await workspace.row(rowId);
    if (!row || row.deleted === 1 || row.sheetId !== sheet.id) {
      summaries.push('the actions after the move did not run');
      break;
    }
    try {
      const result = await runAction(workspace, { sheet, row, ruleId: rule.id, ruleName: rule.name }, action);
      changes.push(...result.changes);
      summaries.push(result.summary);
    } catch (error) {
      throw new RuleFailure(
        rule.id,
        rule.name,
        `The automation rule "${rule.name}" failed at step ${index + 1} (${describeAction(action, sheet)}): ` +
          `${errorText(error)}. Nothing was saved. Change the rule or switch it off in Settings under Automations.`,
      );
    }
  }

  log.applied(rule, rowId, summaries);
  return changes;
}

async function processQueue(workspace: RuleWorkspace, queue: QueuedChange[], log: RunLog): Promise<void> {
  while (queue.length) {
    const item = queue.shift()!;
    if (!item.after || item.after.deleted === 1) continue;
    const sheet = await workspace.sheet(item.after.sheetId);
    if (!sheet) continue;

    for (const rule of await workspace.enabledRules(sheet.id)) {
      if (rule.trigger.kind === 'dateReached' || item.path.includes(rule.id)) continue;
      if (!triggerMatches(rule.trigger, item.before, item.after, sheet, workspace.context)) continue;

      const row = await workspace.row(item.after.id);
      if (!row || row.deleted === 1 || row.sheetId !== sheet.id) break;
      if (rule.conditions && !matchesConditions(rule.conditions, row, sheet, workspace.today, workspace.context)) {
        continue;
      }
      if (item.depth >= MAX_CHAIN_DEPTH) {
        log.stopped(rule, row.id);
        continue;
      }

      const produced = await runRule(workspace, rule, sheet, row.id, log);
      const path = [...item.path, rule.id];
      queue.push(...produced.map((change) => ({ ...change, depth: item.depth + 1, path })));
    }
  }
}

/** Runs every switched-on rule that the given row changes trigger, and the rules their actions trigger in turn. */
export async function applyRulesToChanges(workspace: RuleWorkspace, changes: StepChange[], log: RunLog): Promise<void> {
  await processQueue(
    workspace,
    changes.map((change) => ({ ...change, depth: 0, path: [] })),
    log,
  );
}

/**
 * Runs one rule on one row without looking at its trigger, then the rules
 * its actions trigger. Date rules and "Try on one row" start here. With
 * `checkConditions`, a row that fails the rule's conditions is left alone
 * and false is returned.
 */
export async function runRuleOnRow(
  workspace: RuleWorkspace,
  rule: RuleRecord,
  sheet: SheetRecord,
  row: RowRecord,
  log: RunLog,
  checkConditions = true,
): Promise<boolean> {
  if (
    checkConditions &&
    rule.conditions &&
    !matchesConditions(rule.conditions, row, sheet, workspace.today, workspace.context)
  ) {
    return false;
  }
  const produced = await runRule(workspace, rule, sheet, row.id, log);
  await processQueue(
    workspace,
    produced.map((change) => ({ ...change, depth: 1, path: [rule.id] })),
    log,
  );
  return true;
}
