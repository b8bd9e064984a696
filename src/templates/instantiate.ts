// Turns a template into sheets ready for createSheets. Every use gets fresh
// ids for sheets, fields, options and sample rows, so one template can be
// added to the same workbook twice. Sheet and row ids are made here rather
// than by createSheets, because link fields and link cells must point at them.

import type { NewSheet } from '../db';
import { cellValueOrInvalid, defaultFieldContext, isEmptyCell, parseCsvCell } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef, LinkLookup, SelectOption } from '../fields/types';
import { templateNameField, type TemplateDefinition, type TemplateField, type TemplateSheet } from './templateTypes';

/** Colours given to select choices in turn, readable with dark text. */
const CHOICE_COLOURS = ['#dbeafe', '#dcfce7', '#fef9c3', '#fee2e2', '#ede9fe', '#ffedd5'];

export interface InstantiateOptions {
  /** Adds the template's sample rows to its sheets. Off by default. */
  withSampleRows?: boolean;
  /** Workbook settings that sample values are read with, such as the currency of amounts. */
  context?: FieldContext;
}

function toFieldDef(field: TemplateField, sheetIds: Map<string, string>): FieldDef {
  const options: SelectOption[] | undefined = field.choices?.map((choice, index) => {
    const { label, color, probability } = typeof choice === 'string' ? { label: choice } : choice;
    return {
      id: crypto.randomUUID(),
      label,
      color: color ?? CHOICE_COLOURS[index % CHOICE_COLOURS.length],
      ...(probability !== undefined ? { probability } : {}),
    };
  });
  const linkSheetId = field.linkSheet === undefined ? undefined : sheetIds.get(field.linkSheet);

  return {
    id: crypto.randomUUID(),
    name: field.name,
    type: field.type,
    settings: {
      ...field.settings,
      ...(options ? { options } : {}),
      ...(linkSheetId ? { linkSheetId } : {}),
    },
    ...(field.role ? { role: field.role } : {}),
  };
}

/** Lower-cased, trimmed text, so link names match the way the link field compares them. */
function nameKey(text: string): string {
  return text.trim().normalize('NFC').toLocaleLowerCase();
}

function sampleText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Finds the sample rows of the template's sheets by the text of each sheet's name field. */
function sampleRowLookup(sheets: TemplateSheet[], sheetIds: string[], rowIds: string[][]): LinkLookup {
  const idsByName = new Map<string, Map<string, string>>();
  const namesById = new Map<string, Map<string, string>>();

  sheets.forEach((sheet, sheetIndex) => {
    const byName = new Map<string, string>();
    const byId = new Map<string, string>();
    const nameField = templateNameField(sheet.fields);
    (sheet.sampleRows ?? []).forEach((sample, rowIndex) => {
      const rowId = rowIds[sheetIndex]?.[rowIndex];
      const name = nameField ? sampleText(sample[nameField.key]).trim() : '';
      if (!rowId || name === '') return;
      byId.set(rowId, name);
      // With two rows of the same name, a link goes to the first.
      if (!byName.has(nameKey(name))) byName.set(nameKey(name), rowId);
    });
    const sheetId = sheetIds[sheetIndex]!;
    idsByName.set(sheetId, byName);
    namesById.set(sheetId, byId);
  });

  return {
    rowName: (sheetId, rowId) => namesById.get(sheetId)?.get(rowId),
    findRowId: (sheetId, name) => idsByName.get(sheetId)?.get(nameKey(name)),
  };
}

/**
 * Builds the sheets, and with samples, reads every sample cell through its
 * field module. A cell that does not read is kept as an InvalidValue, like an
 * import would keep it, and reported through onInvalidSample.
 */
function buildSheets(
  template: TemplateDefinition,
  options: InstantiateOptions,
  onInvalidSample?: (message: string) => void,
): NewSheet[] {
  const sheetIds = template.sheets.map(() => crypto.randomUUID());
  const sheetIdByName = new Map(template.sheets.map((sheet, index) => [sheet.name, sheetIds[index]!]));
  const sheets: NewSheet[] = template.sheets.map((sheet, index) => ({
    id: sheetIds[index]!,
    name: sheet.name,
    fields: sheet.fields.map((field) => toFieldDef(field, sheetIdByName)),
  }));
  if (!options.withSampleRows) return sheets;

  const rowIds = template.sheets.map((sheet) => (sheet.sampleRows ?? []).map(() => crypto.randomUUID()));
  const context: FieldContext = {
    ...(options.context ?? defaultFieldContext),
    links: sampleRowLookup(template.sheets, sheetIds, rowIds),
  };

  template.sheets.forEach((templateSheet, sheetIndex) => {
    const sheet = sheets[sheetIndex]!;
    sheet.rowIds = rowIds[sheetIndex];
    sheet.rows = (templateSheet.sampleRows ?? []).map((sample, rowIndex) => {
      const values: Record<string, CellValue> = {};
      templateSheet.fields.forEach((templateField, fieldIndex) => {
        const text = sampleText(sample[templateField.key]);
        if (text.trim() === '') return;

        const field = sheet.fields[fieldIndex]!;
        const result = parseCsvCell(text, field, context);
        if (!result.ok) {
          onInvalidSample?.(
            `Sheet "${templateSheet.name}", sample row ${rowIndex + 1}, column "${field.name}": ${result.error}`,
          );
        }
        const value = cellValueOrInvalid(result, text);
        if (!isEmptyCell(value)) values[field.id] = value;
      });
      return values;
    });
  });
  return sheets;
}

/**
 * Turns a template into sheets with fresh ids, ready for createSheets. Link
 * fields point at the new ids of their target sheets. With sample rows, each
 * cell is read through its field module with the workbook settings, so it is
 * stored typed (ISO dates, money in minor units, option ids, row ids).
 * Reading a phone sample needs loadPhoneLibrary to have finished.
 */
export function instantiateTemplate(template: TemplateDefinition, options: InstantiateOptions = {}): NewSheet[] {
  return buildSheets(template, options);
}

/**
 * Returns the first sample cell that its field cannot read, as a message that
 * names the sheet, row and column, or null when every sample is valid.
 * Needs loadPhoneLibrary to have finished when a phone column has samples.
 */
export function findInvalidSample(
  template: TemplateDefinition,
  context: FieldContext = defaultFieldContext,
): string | null {
  let first: string | null = null;
  buildSheets(template, { withSampleRows: true, context }, (message) => {
    first ??= message;
  });
  return first;
}
