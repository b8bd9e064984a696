import { afterEach, describe, expect, it } from 'vitest';

import { resetDatabaseForTests } from '../db/connection';
import { createSheetsWithRules, listRules } from '../db/rules';
import { listSheets } from '../db/sheets';
import { templateFromWorkbook } from './fromWorkbook';
import { instantiateTemplate, TEMPLATES } from './gallery';
import { validateTemplate } from './templateFile';
import { instantiateTemplateRules } from './templateRules';
import type { TemplateDefinition } from './templateTypes';

afterEach(() => resetDatabaseForTests());

const context = { locale: 'en-GB', currency: 'GBP', defaultCountry: 'GB', dateOrder: 'dmy' } as const;

function builtIn(name: string): TemplateDefinition {
  return TEMPLATES.find((template) => template.name === name)!;
}

function withRules(rules: unknown): unknown {
  return { ...builtIn('Sales pipeline'), rules };
}

const wonRule = {
  key: 'won',
  name: 'Won',
  sheet: 'Deals',
  trigger: { kind: 'fieldChanged', fieldId: 'stage', to: 'Closed Won' },
  actions: [{ kind: 'setValue', fieldId: 'status', value: 'Customer' }],
};

describe('template rules', () => {
  it('come with the built-in templates', () => {
    expect(builtIn('Sales pipeline').rules!.map((rule) => rule.name)).toEqual(['Won deal makes a customer']);
    expect(builtIn('Simple client list').rules!.map((rule) => rule.trigger.kind)).toEqual(['dateReached']);
    expect(builtIn('Google Sheets CRM').rules!.map((rule) => rule.sheet)).toEqual(['People']);
    expect(builtIn('Customer lifetime value tracker').rules![0]!.actions).toEqual([
      { kind: 'askForValue', fieldId: 'churnReason' },
    ]);
  });

  it('accept a valid rule', () => {
    const checked = validateTemplate(withRules([wonRule]));
    expect(checked.ok).toBe(true);
  });

  it.each([
    [{ ...wonRule, sheet: 'Invoices' }, 'Rule "Won" watches the sheet "Invoices", which is not in the template.'],
    [
      { ...wonRule, trigger: { kind: 'fieldChanged', fieldId: 'colour' } },
      'Rule "Won" trigger names the column key "colour", which sheet "Deals" does not have.',
    ],
    [
      { ...wonRule, trigger: { kind: 'fieldChanged', fieldId: 'stage', to: 'Signed' } },
      'Rule "Won" trigger: "Signed" is not a choice of "Stage".',
    ],
    [
      { ...wonRule, trigger: { kind: 'dateReached', fieldId: 'name', offsetDays: 3 } },
      'Rule "Won" trigger needs a date or dateTime column, but "Deal" is text.',
    ],
    [{ ...wonRule, actions: [] }, 'Rule "Won" actions must be a list of 1 to 20 steps.'],
    [{ ...wonRule, actions: [{ kind: 'sendEmail' }] }, 'Rule "Won", step 1 has an unknown action "sendEmail".'],
    [
      { ...wonRule, colour: 'red' },
      'Rule 1 has an unknown property "colour". Allowed properties are: key, name, sheet, enabled, trigger, conditions, actions.',
    ],
  ])('reject an invalid rule %#', (rule, message) => {
    const checked = validateTemplate(withRules([rule]));
    expect(checked).toEqual({ ok: false, error: message });
  });

  it('reject two rules with one key', () => {
    expect(validateTemplate(withRules([wonRule, wonRule]))).toEqual({
      ok: false,
      error: 'Two rules have the key "won".',
    });
  });

  it('become switched-off rules on the new sheets', async () => {
    const template = builtIn('Sales pipeline');
    const sheets = instantiateTemplate(template);
    await createSheetsWithRules(sheets, instantiateTemplateRules(template.rules!, template.sheets, sheets));

    const [rule] = await listRules();
    const deals = (await listSheets())[0]!;
    const byName = (name: string) => deals.fields.find((field) => field.name === name)!.id;
    expect(rule!.enabled).toBe(false);
    expect(rule!.sheetId).toBe(deals.id);
    expect(rule!.templateRuleId).toBe('wonToCustomer');
    expect(rule!.trigger).toEqual({ kind: 'fieldChanged', fieldId: byName('Stage'), to: 'Closed Won' });
    expect(rule!.actions).toEqual([
      { kind: 'setValue', fieldId: byName('Status'), value: 'Customer' },
      { kind: 'setValue', fieldId: byName('Customer since'), today: true },
      { kind: 'startCheckIn', every: 90, unit: 'days' },
    ]);
  });

  it('are saved with the workbook as a template', async () => {
    const template = builtIn('Simple client list');
    const sheets = instantiateTemplate(template);
    await createSheetsWithRules(sheets, instantiateTemplateRules(template.rules!, template.sheets, sheets));
    const rules = await listRules();
    const status = (await listSheets())[0]!.fields.find((field) => field.name === 'Status')!;
    // A condition stored with a choice id, as the condition builder stores it, is saved by its label.
    const leadId = status.settings.options!.find((option) => option.label === 'Lead')!.id;
    rules[0]!.conditions!.items[0] = { kind: 'condition', fieldId: status.id, operator: 'is', value: leadId };

    const saved = templateFromWorkbook({ name: 'Mine', sheets: await listSheets(), context, rules });

    expect(saved.rules).toHaveLength(1);
    expect(saved.rules![0]!.trigger).toEqual({ kind: 'dateReached', fieldId: 'lastContacted', offsetDays: 14 });
    expect(saved.rules![0]!.conditions!.items[0]).toEqual({
      kind: 'condition',
      fieldId: 'status',
      operator: 'is',
      value: 'Lead',
    });
    expect(validateTemplate(JSON.parse(JSON.stringify(saved))).ok).toBe(true);
  });

  it('leave out rules naming deleted columns', async () => {
    const template = builtIn('Sales pipeline');
    const sheets = instantiateTemplate(template);
    const rules = instantiateTemplateRules(template.rules!, template.sheets, sheets);
    rules[0]!.actions.push({ kind: 'askForValue', fieldId: 'gone' });
    await createSheetsWithRules(sheets, rules);

    const saved = templateFromWorkbook({ name: 'Mine', sheets: await listSheets(), context, rules: await listRules() });

    expect(saved.rules).toBeUndefined();
  });
});
