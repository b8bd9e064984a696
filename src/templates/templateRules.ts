// Automation rules in templates. A template rule has the shape of a stored
// rule, except that it names its sheet by the sheet's name and its columns by
// their template keys, so it works in any workbook the template creates.
// Values are cell text (choice labels, ISO dates), as in sample rows.

import type { Condition, ConditionGroup, ConditionOperator, RuleAction, RuleRecord, RuleTrigger } from '../db/records';
import type { NewSheet } from '../db/sheets';
import type { FieldDef } from '../fields/types';
import type { TemplateField, TemplateSheet } from './templateTypes';

/** Rule as a template stores it: each `fieldId` is a column key, and `moveToSheet.sheetId` is a sheet name. */
export interface TemplateRule {
  /** Identifier of the rule within the template, kept on the created rule as `templateRuleId`. */
  key: string;
  name: string;
  /** Name of the template sheet the rule watches. */
  sheet: string;
  /** Whether the rule starts switched on. Absent means off, so nothing runs until the user chooses it. */
  enabled?: boolean;
  trigger: RuleTrigger;
  conditions?: ConditionGroup;
  actions: RuleAction[];
}

/** Maximum rules in one template. */
export const MAX_TEMPLATE_RULES = 50;
/** Maximum nesting of condition groups in a template rule; the condition builder nests far less. */
const MAX_CONDITION_DEPTH = 5;
/** Maximum conditions in one group. */
const MAX_CONDITIONS = 50;
/** Maximum days a date trigger or reminder may count: ten years. */
const MAX_DAYS = 3650;
/** Maximum characters of a rule name or of the text an action writes. */
const MAX_RULE_TEXT = 1000;

const RULE_KEYS = ['key', 'name', 'sheet', 'enabled', 'trigger', 'conditions', 'actions'];
const OPERATORS: ConditionOperator[] = [
  'is',
  'isNot',
  'contains',
  'notContains',
  'isEmpty',
  'isNotEmpty',
  'greaterThan',
  'lessThan',
  'before',
  'after',
  'inLastDays',
  'moreThanDaysAgo',
  'inNextDays',
];
const DATE_TYPES = ['date', 'dateTime'];

class TemplateRuleError extends Error {}

function fail(message: string): never {
  throw new TemplateRuleError(message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${what} is missing or empty.`);
  if (value.length > MAX_RULE_TEXT) fail(`${what} is longer than ${MAX_RULE_TEXT} characters.`);
  return value;
}

function optionalText(value: unknown, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > MAX_RULE_TEXT)
    fail(`${what} must be text of at most ${MAX_RULE_TEXT} characters.`);
  return value;
}

function days(value: unknown, what: string): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_DAYS) {
    fail(`${what} must be a whole number of days from 0 to ${MAX_DAYS}.`);
  }
  return value as number;
}

function column(sheet: TemplateSheet, key: unknown, where: string, types?: string[]): TemplateField {
  const field = sheet.fields.find((each) => each.key === key);
  if (!field) fail(`${where} names the column key ${JSON.stringify(key)}, which sheet "${sheet.name}" does not have.`);
  if (types && !types.includes(field.type))
    fail(`${where} needs a ${types.join(' or ')} column, but "${field.name}" is ${field.type}.`);
  return field;
}

/** Checks that a value for a choice column is one of its labels, so the rule can run. */
function choiceValue(field: TemplateField, value: string, where: string): void {
  if (field.type !== 'select' || value === '') return;
  const labels = (field.choices ?? []).map((choice) => (typeof choice === 'string' ? choice : choice.label));
  if (!labels.some((label) => label.toLowerCase() === value.toLowerCase())) {
    fail(`${where}: "${value}" is not a choice of "${field.name}".`);
  }
}

function readTrigger(value: unknown, sheet: TemplateSheet, where: string): RuleTrigger {
  if (!isObject(value)) fail(`${where} trigger must be an object.`);
  switch (value.kind) {
    case 'rowAdded':
      return { kind: 'rowAdded' };
    case 'fieldChanged': {
      const field = column(sheet, value.fieldId, `${where} trigger`);
      const to = optionalText(value.to, `${where} trigger "to"`);
      if (to !== undefined) choiceValue(field, to, `${where} trigger`);
      return { kind: 'fieldChanged', fieldId: field.key, ...(to !== undefined ? { to } : {}) };
    }
    case 'dateReached': {
      const field = column(sheet, value.fieldId, `${where} trigger`, DATE_TYPES);
      return {
        kind: 'dateReached',
        fieldId: field.key,
        offsetDays: days(value.offsetDays, `${where} trigger offsetDays`),
      };
    }
    default:
      fail(`${where} has an unknown trigger ${JSON.stringify(value.kind)}. Use rowAdded, fieldChanged or dateReached.`);
  }
}

function readConditionValue(value: unknown, where: string): Condition['value'] {
  if (value === undefined || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
    return value;
  }
  if (typeof value === 'string' && value.length <= MAX_RULE_TEXT) return value;
  if (Array.isArray(value) && value.every((each) => typeof each === 'string')) return value as string[];
  fail(`${where} value must be text, a number, true, false or a list of text.`);
}

function readGroup(value: unknown, sheet: TemplateSheet, where: string, depth: number): ConditionGroup {
  if (!isObject(value) || value.kind !== 'group')
    fail(`${where} must be a group: {"kind": "group", "match", "items"}.`);
  if (depth > MAX_CONDITION_DEPTH) fail(`${where} nests groups more than ${MAX_CONDITION_DEPTH} deep.`);
  if (value.match !== 'all' && value.match !== 'any') fail(`${where} match must be "all" or "any".`);
  if (!Array.isArray(value.items) || value.items.length > MAX_CONDITIONS) {
    fail(`${where} items must be a list of at most ${MAX_CONDITIONS} conditions.`);
  }
  const items = value.items.map((item, index): Condition | ConditionGroup => {
    const at = `${where}, condition ${index + 1}`;
    if (isObject(item) && item.kind === 'group') return readGroup(item, sheet, at, depth + 1);
    if (!isObject(item) || item.kind !== 'condition')
      fail(`${at} must be {"kind": "condition", "fieldId", "operator"}.`);
    const field = column(sheet, item.fieldId, at);
    if (!OPERATORS.includes(item.operator as ConditionOperator)) {
      fail(`${at} has unknown operator ${JSON.stringify(item.operator)}. The operators are: ${OPERATORS.join(', ')}.`);
    }
    const conditionValue = readConditionValue(item.value, at);
    if (typeof conditionValue === 'string') choiceValue(field, conditionValue, at);
    return {
      kind: 'condition',
      fieldId: field.key,
      operator: item.operator as ConditionOperator,
      ...(conditionValue !== undefined ? { value: conditionValue } : {}),
    };
  });
  return { kind: 'group', match: value.match, items };
}

function readAction(value: unknown, sheet: TemplateSheet, sheets: TemplateSheet[], where: string): RuleAction {
  if (!isObject(value)) fail(`${where} must be an object.`);
  switch (value.kind) {
    case 'setValue': {
      const field = column(sheet, value.fieldId, where);
      if (value.today === true) {
        column(sheet, value.fieldId, where, DATE_TYPES);
        return { kind: 'setValue', fieldId: field.key, today: true };
      }
      const setTo = optionalText(value.value, `${where} value`) ?? '';
      choiceValue(field, setTo, where);
      return { kind: 'setValue', fieldId: field.key, value: setTo };
    }
    case 'addTag':
    case 'removeTag': {
      const field = column(sheet, value.fieldId, where, ['multiSelect']);
      const tag = text(value.tag, `${where} tag`);
      const labels = (field.choices ?? []).map((choice) => (typeof choice === 'string' ? choice : choice.label));
      if (!labels.some((label) => label.toLowerCase() === tag.toLowerCase()))
        fail(`${where}: "${tag}" is not a choice of "${field.name}".`);
      return { kind: value.kind, fieldId: field.key, tag };
    }
    case 'createReminder': {
      const title = text(value.title, `${where} title`);
      if (value.dateFieldId !== undefined) {
        return { kind: 'createReminder', title, dateFieldId: column(sheet, value.dateFieldId, where, DATE_TYPES).key };
      }
      return { kind: 'createReminder', title, inDays: days(value.inDays, `${where} inDays`) };
    }
    case 'startCheckIn': {
      if (value.unit !== 'days' && value.unit !== 'weeks' && value.unit !== 'months')
        fail(`${where} unit must be days, weeks or months.`);
      if (!Number.isInteger(value.every) || (value.every as number) < 1 || (value.every as number) > 999) {
        fail(`${where} every must be a whole number from 1 to 999.`);
      }
      return { kind: 'startCheckIn', every: value.every as number, unit: value.unit };
    }
    case 'stopCheckIn':
      return { kind: 'stopCheckIn' };
    case 'logConversation':
      return {
        kind: 'logConversation',
        activityType: text(value.activityType, `${where} activityType`),
        text: optionalText(value.text, `${where} text`) ?? '',
      };
    case 'moveToSheet': {
      const target = sheets.find((each) => each.name === value.sheetId);
      if (!target || target === sheet) fail(`${where} must name another sheet of the template in "sheetId".`);
      return { kind: 'moveToSheet', sheetId: target.name };
    }
    case 'askForValue':
      return { kind: 'askForValue', fieldId: column(sheet, value.fieldId, where).key };
    default:
      fail(`${where} has an unknown action ${JSON.stringify(value.kind)}.`);
  }
}

function readRule(value: unknown, index: number, sheets: TemplateSheet[]): TemplateRule {
  const where = `Rule ${index + 1}`;
  if (!isObject(value)) fail(`${where} must be an object.`);
  const unknown = Object.keys(value).find((key) => !RULE_KEYS.includes(key));
  if (unknown !== undefined)
    fail(`${where} has an unknown property "${unknown}". Allowed properties are: ${RULE_KEYS.join(', ')}.`);

  const key = text(value.key, `${where} key`);
  const name = text(value.name, `${where} name`);
  const sheet = sheets.find((each) => each.name === value.sheet);
  if (!sheet) fail(`Rule "${name}" watches the sheet ${JSON.stringify(value.sheet)}, which is not in the template.`);
  if (value.enabled !== undefined && typeof value.enabled !== 'boolean')
    fail(`Rule "${name}" enabled must be true or false.`);
  if (!Array.isArray(value.actions) || value.actions.length === 0 || value.actions.length > 20) {
    fail(`Rule "${name}" actions must be a list of 1 to 20 steps.`);
  }

  const at = `Rule "${name}"`;
  const actions = value.actions.map((action, actionIndex) =>
    readAction(action, sheet, sheets, `${at}, step ${actionIndex + 1}`),
  );
  const moveIndex = actions.findIndex((action) => action.kind === 'moveToSheet');
  if (moveIndex !== -1 && moveIndex !== actions.length - 1)
    fail(`${at}: moving the row to another sheet must be the last step.`);

  return {
    key,
    name,
    sheet: sheet.name,
    ...(value.enabled === true ? { enabled: true } : {}),
    trigger: readTrigger(value.trigger, sheet, at),
    ...(value.conditions !== undefined
      ? { conditions: readGroup(value.conditions, sheet, `${at} conditions`, 1) }
      : {}),
    actions,
  };
}

/** Checks a template's "rules" list against its sheets and returns the rules, or throws a message naming the rule. */
export function readTemplateRules(value: unknown, sheets: TemplateSheet[]): TemplateRule[] {
  if (!Array.isArray(value)) fail(`The template rules must be a list.`);
  if (value.length > MAX_TEMPLATE_RULES)
    fail(`The template has ${value.length} rules, but at most ${MAX_TEMPLATE_RULES} are allowed.`);
  const rules = value.map((rule, index) => readRule(rule, index, sheets));
  const keys = new Set<string>();
  for (const rule of rules) {
    if (keys.has(rule.key)) fail(`Two rules have the key "${rule.key}".`);
    keys.add(rule.key);
  }
  return rules;
}

/** Returns whether an error came from readTemplateRules, so callers report it as a problem with the file. */
export function isTemplateRuleError(error: unknown): error is Error {
  return error instanceof TemplateRuleError;
}

// ---------------------------------------------------------------------------
// Turning template rules into stored rules and back
// ---------------------------------------------------------------------------

function mapGroup(group: ConditionGroup, mapField: (id: string) => string): ConditionGroup {
  return {
    ...group,
    items: group.items.map((item) =>
      item.kind === 'group' ? mapGroup(item, mapField) : { ...item, fieldId: mapField(item.fieldId) },
    ),
  };
}

function mapAction(action: RuleAction, mapField: (id: string) => string, mapSheet: (id: string) => string): RuleAction {
  switch (action.kind) {
    case 'setValue':
    case 'addTag':
    case 'removeTag':
    case 'askForValue':
      return { ...action, fieldId: mapField(action.fieldId) };
    case 'createReminder':
      return action.dateFieldId ? { ...action, dateFieldId: mapField(action.dateFieldId) } : action;
    case 'moveToSheet':
      return { ...action, sheetId: mapSheet(action.sheetId) };
    default:
      return action;
  }
}

function mapTrigger(trigger: RuleTrigger, mapField: (id: string) => string): RuleTrigger {
  return trigger.kind === 'rowAdded' ? trigger : { ...trigger, fieldId: mapField(trigger.fieldId) };
}

/**
 * Turns a template's rules into rules for the sheets instantiateTemplate
 * made from it; `sheets` are in the template's sheet order.
 */
export function instantiateTemplateRules(
  rules: TemplateRule[],
  templateSheets: TemplateSheet[],
  sheets: NewSheet[],
  now: Date = new Date(),
): RuleRecord[] {
  const at = now.toISOString();
  return rules.map((rule, index) => {
    const sheetIndex = templateSheets.findIndex((sheet) => sheet.name === rule.sheet);
    const templateSheet = templateSheets[sheetIndex]!;
    const sheet = sheets[sheetIndex]!;
    const mapField = (key: string) => sheet.fields[templateSheet.fields.findIndex((field) => field.key === key)]!.id;
    const mapSheet = (name: string) => sheets[templateSheets.findIndex((each) => each.name === name)]!.id!;
    // Creation times one millisecond apart keep the template's order, which is the order rules run in.
    const createdAt = new Date(now.getTime() + index).toISOString();
    return {
      id: crypto.randomUUID(),
      sheetId: sheet.id!,
      name: rule.name,
      enabled: rule.enabled ?? false,
      trigger: mapTrigger(rule.trigger, mapField),
      ...(rule.conditions ? { conditions: mapGroup(rule.conditions, mapField) } : {}),
      actions: rule.actions.map((action) => mapAction(action, mapField, mapSheet)),
      templateRuleId: rule.key,
      createdAt,
      updatedAt: at,
    };
  });
}

/** Writes a condition's choice ids as their labels, because a template's choices get new ids when it is used. */
function conditionLabels(group: ConditionGroup, fields: FieldDef[]): ConditionGroup {
  return {
    ...group,
    items: group.items.map((item) => {
      if (item.kind === 'group') return conditionLabels(item, fields);
      const field = fields.find((each) => each.id === item.fieldId);
      if (
        !field?.settings.options ||
        item.value === undefined ||
        typeof item.value === 'number' ||
        typeof item.value === 'boolean'
      ) {
        return item;
      }
      const label = (id: string) => field.settings.options!.find((option) => option.id === id)?.label ?? id;
      return { ...item, value: Array.isArray(item.value) ? item.value.map(label) : label(item.value) };
    }),
  };
}

/**
 * Turns stored rules into template rules for "Save this workbook as a
 * template". `templateSheets` are the saved sheets, in the order of
 * `sheets`. A rule on a sheet that is not saved, or that the template could
 * not run (a deleted column, a value that is no longer a choice), is left out.
 */
export function templateRulesFromWorkbook(
  rules: RuleRecord[],
  sheets: { id: string; fields: FieldDef[] }[],
  templateSheets: TemplateSheet[],
): TemplateRule[] {
  const result: TemplateRule[] = [];
  const takenKeys = new Set<string>();
  for (const rule of rules) {
    const sheetIndex = sheets.findIndex((each) => each.id === rule.sheetId);
    if (sheetIndex === -1) continue;
    const sheet = sheets[sheetIndex]!;
    const templateSheet = templateSheets[sheetIndex]!;
    const mapField = (id: string) =>
      templateSheet.fields[sheet.fields.findIndex((field) => field.id === id)]?.key ?? id;
    const mapSheet = (id: string) => templateSheets[sheets.findIndex((each) => each.id === id)]?.name ?? id;

    const converted = {
      key: rule.templateRuleId ?? `rule${result.length + 1}`,
      name: rule.name,
      sheet: templateSheet.name,
      trigger: mapTrigger(rule.trigger, mapField),
      ...(rule.conditions ? { conditions: mapGroup(conditionLabels(rule.conditions, sheet.fields), mapField) } : {}),
      actions: rule.actions.map((action) => mapAction(action, mapField, mapSheet)),
    };
    try {
      const [checked] = readTemplateRules([converted], templateSheets);
      result.push({ ...checked!, key: uniqueKey(checked!.key, takenKeys) });
    } catch (error) {
      if (!isTemplateRuleError(error)) throw error;
      console.error(`The rule "${rule.name}" is left out of the template: ${error.message}`);
    }
  }
  return result;
}

function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let suffix = 2; taken.has(key); suffix += 1) key = `${base}${suffix}`;
  taken.add(key);
  return key;
}
