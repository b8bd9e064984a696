// Reads and writes template files. A template file is a TemplateDefinition as
// JSON, the same shape as the built-in templates in ./library. A file comes
// from outside the app, so every property is checked and the first problem is
// reported in words that name the sheet and column.

import { guessRole } from '../fields/roles';
import { fieldTypeOrder, isFieldType } from '../fields/registry';
import type { FieldRole, FieldType } from '../fields/types';
import { findInvalidSample } from './instantiate';
import { isTemplateRuleError, readTemplateRules } from './templateRules';
import {
  TEMPLATE_FORMAT,
  TEMPLATE_VERSION,
  type TemplateChoice,
  type TemplateDefinition,
  type TemplateField,
  type TemplateSampleRow,
  type TemplateSheet,
} from './templateTypes';

/** Largest template file accepted, in bytes. */
export const MAX_TEMPLATE_FILE_BYTES = 1024 * 1024;

/** File name ending of a downloaded template. */
export const TEMPLATE_FILE_SUFFIX = '.kindling-template.json';

/** Maximum length, in characters, of a template, sheet, column or choice name. */
export const MAX_TEMPLATE_NAME_LENGTH = 100;
/** Maximum length, in characters, of the text of one sample cell. */
export const MAX_SAMPLE_TEXT_LENGTH = 10_000;
/** Maximum digits after the decimal point that a number or percent column may show. */
export const MAX_DECIMALS = 10;
/** A choice colour: a hex value or a CSS colour name, nothing that could carry other CSS. */
export const CHOICE_COLOUR_PATTERN = /^(#[0-9a-f]{3,8}|[a-z]{3,30})$/i;

const MAX_DESCRIPTION_LENGTH = 1000;
const MAX_SHEETS = 50;
const MAX_FIELDS_PER_SHEET = 200;
const MAX_CHOICES = 500;
const MAX_SAMPLE_ROWS_PER_SHEET = 1000;

const TEMPLATE_KEYS = ['format', 'version', 'name', 'description', 'sheets', 'rules'];
const SHEET_KEYS = ['name', 'fields', 'sampleRows'];
const FIELD_KEYS = ['key', 'name', 'type', 'role', 'choices', 'linkSheet', 'settings'];
const CHOICE_KEYS = ['label', 'color', 'probability'];
const SETTINGS_KEYS = ['decimals'];

/**
 * A header that roles.ts maps to each role. guessRole owns the rule of which
 * field types fit a role, and asking it with these headers keeps that rule in
 * one place.
 */
export const HEADER_BY_ROLE: Record<FieldRole, string> = {
  name: 'Name',
  company: 'Company',
  email: 'Email',
  phone: 'Phone',
  stage: 'Stage',
  dealValue: 'Deal value',
  probability: 'Probability',
  followUpDate: 'Follow-up date',
  lastContacted: 'Last contacted',
  customerSince: 'Customer since',
  status: 'Status',
  churnReason: 'Churn reason',
  tags: 'Tags',
  notes: 'Notes',
  contact: 'Primary contact',
  priority: 'Priority',
};

export type TemplateCheck = { ok: true; template: TemplateDefinition } | { ok: false; error: string };

/** Thrown inside the checks below and turned into a TemplateCheck error. */
class TemplateFileError extends Error {}

function fail(message: string): never {
  throw new TemplateFileError(message);
}

export function isFieldRole(role: unknown): role is FieldRole {
  return typeof role === 'string' && Object.hasOwn(HEADER_BY_ROLE, role);
}

/** Returns whether a column of this type can carry the role, e.g. dealValue needs currency or number. */
export function roleFitsType(role: FieldRole, type: FieldType): boolean {
  return guessRole(HEADER_BY_ROLE[role], type) === role;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

function rejectUnknownKeys(value: Record<string, unknown>, allowed: string[], where: string): void {
  const unknown = Object.keys(value).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    fail(`${where} has an unknown property "${unknown}". Allowed properties are: ${allowed.join(', ')}.`);
  }
}

function readText(value: unknown, what: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${what} is missing or empty.`);
  if (value.length > maxLength) fail(`${what} is longer than ${maxLength} characters.`);
  return value.trim();
}

function readList(value: unknown, what: string, maxLength: number): unknown[] {
  if (!Array.isArray(value)) fail(`${what} must be a list, but it is ${describeJson(value)}.`);
  if (value.length > maxLength) fail(`${what} has ${value.length} entries, but at most ${maxLength} are allowed.`);
  return value;
}

function readChoice(value: unknown, where: string): string | TemplateChoice {
  if (typeof value === 'string') return readText(value, where, MAX_TEMPLATE_NAME_LENGTH);
  if (!isPlainObject(value))
    fail(`${where} must be a label or an object with a "label", but it is ${describeJson(value)}.`);
  rejectUnknownKeys(value, CHOICE_KEYS, where);

  const choice: TemplateChoice = { label: readText(value.label, `${where} label`, MAX_TEMPLATE_NAME_LENGTH) };
  if (value.color !== undefined) {
    if (typeof value.color !== 'string' || !CHOICE_COLOUR_PATTERN.test(value.color)) {
      fail(`${where} has colour ${describeJson(value.color)}. Use a hex value such as "#dbeafe" or a CSS colour name.`);
    }
    choice.color = value.color;
  }
  if (value.probability !== undefined) {
    const probability = value.probability;
    if (typeof probability !== 'number' || !Number.isFinite(probability) || probability < 0 || probability > 1) {
      fail(`${where} has probability ${describeJson(probability)}. Use a fraction from 0 to 1, such as 0.4 for 40%.`);
    }
    choice.probability = probability;
  }
  return choice;
}

function readChoices(value: unknown, where: string): (string | TemplateChoice)[] {
  const choices = readList(value, `${where} choices`, MAX_CHOICES).map((choice, index) =>
    readChoice(choice, `${where}, choice ${index + 1}`),
  );
  const seen = new Set<string>();
  for (const choice of choices) {
    const label = typeof choice === 'string' ? choice : choice.label;
    const key = label.toLocaleLowerCase();
    if (seen.has(key)) fail(`${where} has the choice "${label}" twice.`);
    seen.add(key);
  }
  return choices;
}

function readField(value: unknown, where: string, sheetNames: string[]): TemplateField {
  if (!isPlainObject(value)) fail(`${where} must be an object, but it is ${describeJson(value)}.`);
  rejectUnknownKeys(value, FIELD_KEYS, where);

  const key = readText(value.key, `${where} key`, MAX_TEMPLATE_NAME_LENGTH);
  const name = readText(value.name, `${where} name`, MAX_TEMPLATE_NAME_LENGTH);
  if (!isFieldType(value.type)) {
    if (value.type === undefined) fail(`${where} has no type. The types are: ${fieldTypeOrder.join(', ')}.`);
    fail(`${where} has unknown type ${describeJson(value.type)}. The types are: ${fieldTypeOrder.join(', ')}.`);
  }
  const field: TemplateField = { key, name, type: value.type };

  if (value.role !== undefined) {
    if (!isFieldRole(value.role)) {
      fail(
        `${where} has unknown role ${describeJson(value.role)}. The roles are: ${Object.keys(HEADER_BY_ROLE).join(', ')}.`,
      );
    }
    if (!roleFitsType(value.role, field.type))
      fail(`${where} has role "${value.role}", which a ${field.type} column cannot carry.`);
    field.role = value.role;
  }

  const takesChoices = field.type === 'select' || field.type === 'multiSelect';
  if (value.choices !== undefined) {
    if (!takesChoices) fail(`${where} has choices, but only select and multiSelect columns take choices.`);
    field.choices = readChoices(value.choices, where);
  }

  if (field.type === 'link') {
    if (typeof value.linkSheet !== 'string' || value.linkSheet === '') {
      fail(`${where} is a link column without "linkSheet", the name of the sheet it links to.`);
    }
    if (!sheetNames.includes(value.linkSheet))
      fail(`${where} links to sheet "${value.linkSheet}", which is not in the file.`);
    field.linkSheet = value.linkSheet;
  } else if (value.linkSheet !== undefined) {
    fail(`${where} has "linkSheet", but only link columns link to a sheet.`);
  }

  if (value.settings !== undefined) {
    if (!isPlainObject(value.settings)) fail(`${where} settings must be an object.`);
    rejectUnknownKeys(value.settings, SETTINGS_KEYS, `${where} settings`);
    const decimals = value.settings.decimals;
    if (decimals !== undefined) {
      if (!Number.isInteger(decimals) || (decimals as number) < 0 || (decimals as number) > MAX_DECIMALS) {
        fail(`${where} has decimals ${describeJson(decimals)}. Use a whole number from 0 to ${MAX_DECIMALS}.`);
      }
      field.settings = { decimals: decimals as number };
    }
  }
  return field;
}

function readSampleRow(value: unknown, where: string, fieldKeys: string[]): TemplateSampleRow {
  if (!isPlainObject(value))
    fail(`${where} must be an object of values by column key, but it is ${describeJson(value)}.`);

  const row: TemplateSampleRow = {};
  for (const [key, cell] of Object.entries(value)) {
    if (!fieldKeys.includes(key)) fail(`${where} has a value for "${key}", which is not a column key of the sheet.`);
    const isScalar = cell === null || typeof cell === 'string' || typeof cell === 'boolean';
    if (!isScalar && !(typeof cell === 'number' && Number.isFinite(cell))) {
      fail(`${where}, column "${key}" must be text, a number, true, false or null, but it is ${describeJson(cell)}.`);
    }
    if (typeof cell === 'string' && cell.length > MAX_SAMPLE_TEXT_LENGTH) {
      fail(`${where}, column "${key}" is longer than ${MAX_SAMPLE_TEXT_LENGTH} characters.`);
    }
    row[key] = cell;
  }
  return row;
}

function readSheet(value: unknown, index: number, sheetNames: string[]): TemplateSheet {
  if (!isPlainObject(value)) fail(`Sheet ${index + 1} must be an object, but it is ${describeJson(value)}.`);
  const name = readText(value.name, `Sheet ${index + 1} name`, MAX_TEMPLATE_NAME_LENGTH);
  const where = `Sheet "${name}"`;
  rejectUnknownKeys(value, SHEET_KEYS, where);

  const fieldValues = readList(value.fields, `${where} fields`, MAX_FIELDS_PER_SHEET);
  if (fieldValues.length === 0) fail(`${where} has no columns.`);
  const fields = fieldValues.map((field, fieldIndex) =>
    readField(field, `${where}, column ${fieldIndex + 1}`, sheetNames),
  );

  const keys = new Set<string>();
  const roles = new Set<FieldRole>();
  fields.forEach((field, fieldIndex) => {
    if (keys.has(field.key))
      fail(`${where}, column ${fieldIndex + 1} has the key "${field.key}", which another column already uses.`);
    keys.add(field.key);
    if (field.role) {
      if (roles.has(field.role))
        fail(`${where}, column ${fieldIndex + 1} has role "${field.role}", which another column already has.`);
      roles.add(field.role);
    }
  });

  const sheet: TemplateSheet = { name, fields };
  if (value.sampleRows !== undefined) {
    sheet.sampleRows = readList(value.sampleRows, `${where} sampleRows`, MAX_SAMPLE_ROWS_PER_SHEET).map(
      (row, rowIndex) => readSampleRow(row, `${where}, sample row ${rowIndex + 1}`, [...keys]),
    );
  }
  return sheet;
}

function readTemplate(value: unknown): TemplateDefinition {
  if (!isPlainObject(value))
    fail(`A template file must contain a JSON object, but this one contains ${describeJson(value)}.`);
  if (value.format !== TEMPLATE_FORMAT) {
    fail(
      `This is not a Kindling template file: "format" must be "${TEMPLATE_FORMAT}", but it is ${describeJson(value.format)}.`,
    );
  }
  if (value.version !== TEMPLATE_VERSION) {
    fail(
      `Template version ${describeJson(value.version)} is not supported. This version of Kindling reads version ${TEMPLATE_VERSION}.`,
    );
  }
  rejectUnknownKeys(value, TEMPLATE_KEYS, 'The template');

  const name = readText(value.name, 'The template name', MAX_TEMPLATE_NAME_LENGTH);
  let description = '';
  if (value.description !== undefined) {
    if (typeof value.description !== 'string') fail('The template description must be text.');
    if (value.description.length > MAX_DESCRIPTION_LENGTH) {
      fail(`The template description is longer than ${MAX_DESCRIPTION_LENGTH} characters.`);
    }
    description = value.description.trim();
  }

  const sheetValues = readList(value.sheets, 'The template sheets', MAX_SHEETS);
  if (sheetValues.length === 0) fail('The template has no sheets.');
  // Link columns may point at a sheet that comes later, so the names are collected first.
  const sheetNames = sheetValues.map((sheet) =>
    isPlainObject(sheet) && typeof sheet.name === 'string' ? sheet.name.trim() : '',
  );
  const sheets = sheetValues.map((sheet, index) => readSheet(sheet, index, sheetNames));

  const seen = new Set<string>();
  for (const sheet of sheets) {
    const key = sheet.name.toLocaleLowerCase();
    if (seen.has(key)) fail(`The template has two sheets named "${sheet.name}".`);
    seen.add(key);
  }

  const template: TemplateDefinition = {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    name,
    description,
    sheets,
  };
  if (value.rules !== undefined) {
    try {
      template.rules = readTemplateRules(value.rules, sheets);
    } catch (error) {
      if (isTemplateRuleError(error)) fail(error.message);
      throw error;
    }
  }
  return template;
}

/**
 * Checks the shape of a template: properties, types, roles, choices, links
 * and sample row keys. Sample values are not read here, because findInvalidSample reads them.
 */
export function validateTemplate(value: unknown): TemplateCheck {
  try {
    return { ok: true, template: readTemplate(value) };
  } catch (error) {
    if (error instanceof TemplateFileError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Writes a size in whole kilobytes rounded up, so a file just over the limit never shows the limit's size. */
function formatKilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;
}

/**
 * Reads a template file's text: size, JSON syntax, shape, and every sample
 * value through its field module. Reading phone samples needs
 * loadPhoneLibrary to have finished.
 */
export function parseTemplateFile(text: string): TemplateCheck {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_TEMPLATE_FILE_BYTES) {
    return {
      ok: false,
      error: `The file is ${formatKilobytes(bytes)}, but a template file can be at most ${formatKilobytes(MAX_TEMPLATE_FILE_BYTES)} (1 MB).`,
    };
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The file is not valid JSON, so it is not a template file: ${detail}` };
  }

  const checked = validateTemplate(value);
  if (!checked.ok) return checked;
  const invalidSample = findInvalidSample(checked.template);
  return invalidSample === null ? checked : { ok: false, error: invalidSample };
}

/** Writes a template as the JSON text of a template file. */
export function serializeTemplate(template: TemplateDefinition): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}

/** Returns `<name>.kindling-template.json`, with characters that file systems reject replaced by '-'. */
export function templateFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').trim() || 'template';
  return `${safe}${TEMPLATE_FILE_SUFFIX}`;
}
