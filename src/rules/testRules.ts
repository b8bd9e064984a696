// A small workbook and helpers for the rule tests: a Clients sheet with a
// stage, status, dates, tags and notes, and rules added straight to the table.

import { createRuleHook } from '../db/rules';
import type { RuleAction, RuleRecord, RuleTrigger, ConditionGroup } from '../db/records';
import { addRules } from '../db/rules';
import { setRowChangeHook } from '../db/rowChangeHook';
import { createSheets } from '../db/sheets';
import type { FieldDef } from '../fields/types';

export const fields = {
  name: { id: 'f-name', name: 'Name', type: 'text', role: 'name', settings: {} },
  stage: {
    id: 'f-stage',
    name: 'Stage',
    type: 'select',
    role: 'stage',
    settings: {
      options: [
        { id: 'o-open', label: 'Open' },
        { id: 'o-won', label: 'Closed Won' },
        { id: 'o-lost', label: 'Closed Lost' },
      ],
    },
  },
  status: {
    id: 'f-status',
    name: 'Status',
    type: 'select',
    role: 'status',
    settings: {
      options: [
        { id: 's-prospect', label: 'Prospect' },
        { id: 's-customer', label: 'Customer' },
        { id: 's-former', label: 'Former customer' },
      ],
    },
  },
  since: { id: 'f-since', name: 'Customer since', type: 'date', role: 'customerSince', settings: {} },
  contacted: { id: 'f-contacted', name: 'Last contacted', type: 'date', role: 'lastContacted', settings: {} },
  tags: {
    id: 'f-tags',
    name: 'Tags',
    type: 'multiSelect',
    role: 'tags',
    settings: {
      options: [
        { id: 't-vip', label: 'VIP' },
        { id: 't-news', label: 'Newsletter' },
      ],
    },
  },
  reason: { id: 'f-reason', name: 'Churn reason', type: 'text', role: 'churnReason', settings: {} },
  notes: { id: 'f-notes', name: 'Notes', type: 'longText', role: 'notes', settings: {} },
  count: { id: 'f-count', name: 'Count', type: 'number', settings: {} },
} satisfies Record<string, FieldDef>;

export const clientFields: FieldDef[] = Object.values(fields);

/** Notices the hook showed, newest last. */
export const shownNotices: string[] = [];

/** Registers the rule hook as the app does, with a fixed clock. */
export function registerRuleHook(now: () => Date = () => new Date()): void {
  shownNotices.length = 0;
  const hook = createRuleHook((text) => shownNotices.push(text), now);
  setRowChangeHook(async () => hook);
}

export async function makeClients(rows: Record<string, unknown>[] = []): Promise<string> {
  const [sheetId] = await createSheets([
    { name: 'Clients', fields: clientFields, rows: rows as Record<string, string>[] },
  ]);
  return sheetId!;
}

let ruleCount = 0;

/** Adds a switched-on rule without the form's checks, as a rule saved before its column was deleted would be. */
export async function addRule(
  sheetId: string,
  trigger: RuleTrigger,
  actions: RuleAction[],
  extra: Partial<RuleRecord> & { conditions?: ConditionGroup } = {},
): Promise<RuleRecord> {
  ruleCount += 1;
  // Creation times one second apart keep the rules in the order the test adds them.
  const createdAt = new Date(Date.UTC(2026, 0, 1, 0, 0, ruleCount)).toISOString();
  const rule: RuleRecord = {
    id: `rule-${ruleCount}`,
    sheetId,
    name: `Rule ${ruleCount}`,
    enabled: true,
    trigger,
    actions,
    createdAt,
    updatedAt: createdAt,
    ...extra,
  };
  await addRules([rule]);
  return rule;
}
