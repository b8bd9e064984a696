// Builds a template from the sheets of the open workbook, for "Save this
// workbook as a template". Links are written by sheet name and, in sample
// rows, by the names of the linked rows, so the template works in any workbook.

import type { RowRecord, RuleRecord, SheetRecord } from '../db';
import { cellToCsv, isEmptyCell, parseCsvCell, validateCell } from '../fields/registry';
import type { FieldContext, FieldDef } from '../fields/types';
import {
  CHOICE_COLOUR_PATTERN,
  MAX_DECIMALS,
  MAX_SAMPLE_TEXT_LENGTH,
  MAX_TEMPLATE_NAME_LENGTH,
  roleFitsType,
} from './templateFile';
import { templateRulesFromWorkbook } from './templateRules';
import {
  TEMPLATE_FORMAT,
  TEMPLATE_VERSION,
  templateNameField,
  type TemplateChoice,
  type TemplateDefinition,
  type TemplateField,
  type TemplateSampleRow,
} from './templateTypes';

/** Maximum rows per sheet that become sample rows. The save dialog still rejects a template over 1 MB. */
export const MAX_SAVED_SAMPLE_ROWS = 50;

export interface WorkbookTemplateRequest {
  name: string;
  description?: string;
  sheets: SheetRecord[];
  /** Rows by sheet id, in sheet order. When given, the first rows of each sheet become sample rows. */
  rowsBySheet?: Map<string, RowRecord[]>;
  /** Workbook settings that sample values are written with. Needs loadPhoneLibrary to have finished. */
  context: FieldContext;
  /** Automation rules to save with the template; rules of sheets not saved are left out. */
  rules?: RuleRecord[];
}

function uniqueName(name: string, taken: Set<string>): string {
  const base = name.trim().slice(0, MAX_TEMPLATE_NAME_LENGTH - 4) || 'Sheet';
  let candidate = base;
  for (let suffix = 2; taken.has(candidate.toLocaleLowerCase()); suffix += 1) candidate = `${base} ${suffix}`;
  taken.add(candidate.toLocaleLowerCase());
  return candidate;
}

/** Turns a column name into a camelCase key such as 'nextFollowUp', unique within its sheet. */
function fieldKey(name: string, taken: Set<string>): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const camel = words
    .map((word, index) => (index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase()))
    .join('');
  const base = camel || 'column';
  let key = base;
  for (let suffix = 2; taken.has(key); suffix += 1) key = `${base}${suffix}`;
  taken.add(key);
  return key;
}

function choicesOf(field: FieldDef): (string | TemplateChoice)[] {
  const seen = new Set<string>();
  const choices: (string | TemplateChoice)[] = [];
  for (const option of field.settings.options ?? []) {
    const label = option.label.trim();
    if (label === '' || seen.has(label.toLocaleLowerCase())) continue;
    seen.add(label.toLocaleLowerCase());

    const color = option.color && CHOICE_COLOUR_PATTERN.test(option.color) ? option.color : undefined;
    const probability = option.probability;
    const hasProbability = typeof probability === 'number' && probability >= 0 && probability <= 1;
    if (color === undefined && !hasProbability) {
      choices.push(label);
      continue;
    }
    choices.push({ label, ...(color ? { color } : {}), ...(hasProbability ? { probability } : {}) });
  }
  return choices;
}

/** Returns the template field, or a text field when the link's target sheet is not being saved. */
function templateField(field: FieldDef, key: string, sheetNames: Map<string, string>, index: number): TemplateField {
  const linkSheet = field.type === 'link' ? sheetNames.get(field.settings.linkSheetId ?? '') : undefined;
  const type = field.type === 'link' && linkSheet === undefined ? 'text' : field.type;
  const result: TemplateField = {
    key,
    name: field.name.trim().slice(0, MAX_TEMPLATE_NAME_LENGTH) || `Column ${index + 1}`,
    type,
  };

  if (field.role && roleFitsType(field.role, type)) result.role = field.role;
  if (type === 'select' || type === 'multiSelect') result.choices = choicesOf(field);
  if (linkSheet !== undefined) result.linkSheet = linkSheet;
  const decimals = field.settings.decimals;
  if (Number.isInteger(decimals) && decimals! >= 0 && decimals! <= MAX_DECIMALS) result.settings = { decimals };
  return result;
}

/**
 * Builds a template from workbook sheets: names, types, roles, choices with
 * colours and probabilities, and links by sheet name. With rows, the first
 * MAX_SAVED_SAMPLE_ROWS of each sheet become sample rows. A cell that would
 * not read back the same is left out of the samples. Such cells are values
 * kept as invalid text, links to rows that are not saved or have no name,
 * and text longer than a template allows.
 */
export function templateFromWorkbook(request: WorkbookTemplateRequest): TemplateDefinition {
  const { sheets, rowsBySheet, context } = request;
  const takenSheetNames = new Set<string>();
  const sheetNames = new Map(sheets.map((sheet) => [sheet.id, uniqueName(sheet.name, takenSheetNames)]));

  const keysBySheet = new Map<string, string[]>();
  const templateSheets = sheets.map((sheet) => {
    const takenKeys = new Set<string>();
    const takenRoles = new Set<string>();
    const keys = sheet.fields.map((field) => fieldKey(field.name, takenKeys));
    keysBySheet.set(sheet.id, keys);
    const fields = sheet.fields.map((field, index) => {
      const result = templateField(field, keys[index]!, sheetNames, index);
      if (result.role && takenRoles.has(result.role)) delete result.role;
      if (result.role) takenRoles.add(result.role);
      return result;
    });
    return { name: sheetNames.get(sheet.id)!, fields };
  });

  const template: TemplateDefinition = {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    name: request.name.trim().slice(0, MAX_TEMPLATE_NAME_LENGTH),
    description: request.description?.trim() ?? '',
    sheets: templateSheets,
  };
  const rules = templateRulesFromWorkbook(request.rules ?? [], sheets, templateSheets);
  if (rules.length) template.rules = rules;
  if (!rowsBySheet) return template;

  const savedRows = new Map(
    sheets.map((sheet) => [sheet.id, (rowsBySheet.get(sheet.id) ?? []).slice(0, MAX_SAVED_SAMPLE_ROWS)]),
  );
  const rowNames = sampleRowNames(sheets, template, savedRows, context);

  sheets.forEach((sheet, sheetIndex) => {
    const templateSheet = template.sheets[sheetIndex]!;
    const keys = keysBySheet.get(sheet.id)!;
    templateSheet.sampleRows = (savedRows.get(sheet.id) ?? []).map((row) => {
      const sample: TemplateSampleRow = {};
      sheet.fields.forEach((field, fieldIndex) => {
        const text = sampleText(row, field, templateSheet.fields[fieldIndex]!, rowNames, context);
        if (text !== null) sample[keys[fieldIndex]!] = text;
      });
      return sample;
    });
  });
  return template;
}

/**
 * Returns, by sheet id and row id, the name a link sample uses for each saved
 * row. The name field is chosen among the template's fields, because that is
 * where instantiateTemplate looks the names up.
 */
function sampleRowNames(
  sheets: SheetRecord[],
  template: TemplateDefinition,
  savedRows: Map<string, RowRecord[]>,
  context: FieldContext,
): Map<string, Map<string, string>> {
  const names = new Map<string, Map<string, string>>();
  sheets.forEach((sheet, sheetIndex) => {
    const templateFields = template.sheets[sheetIndex]!.fields;
    const templateField = templateNameField(templateFields);
    const nameField = templateField ? sheet.fields[templateFields.indexOf(templateField)] : undefined;
    const byRow = new Map<string, string>();
    for (const row of savedRows.get(sheet.id) ?? []) {
      const value = nameField ? row.values[nameField.id] : undefined;
      if (!nameField || isEmptyCell(value) || validateCell(value, nameField) !== null) continue;
      const name = cellToCsv(value, nameField, context).trim();
      // A link sample separates names with ';' and line breaks, so a name containing either cannot be written.
      if (name !== '' && !/[;\n]/.test(name)) byRow.set(row.id, name);
    }
    names.set(sheet.id, byRow);
  });
  return names;
}

function sampleText(
  row: RowRecord,
  field: FieldDef,
  saved: TemplateField,
  rowNames: Map<string, Map<string, string>>,
  context: FieldContext,
): string | null {
  const value = row.values[field.id];
  if (isEmptyCell(value) || validateCell(value, field) !== null) return null;

  if (field.type === 'link') {
    if (saved.type !== 'link') return null;
    const targetNames = rowNames.get(field.settings.linkSheetId ?? '');
    const names = (value as string[]).map((rowId) => targetNames?.get(rowId)).filter((name) => name !== undefined);
    return names.length ? names.join('; ') : null;
  }

  const text = cellToCsv(value, field, context);
  if (text.length > MAX_SAMPLE_TEXT_LENGTH) return null;
  const readBack = parseCsvCell(text, field, context);
  return readBack.ok && readBack.value !== null ? text : null;
}
