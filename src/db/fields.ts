// Column changes: add, rename, retype, change choices, delete to the trash,
// restore and purge. Each is one transaction with one history entry holding
// the sheet before and after, and every row it rewrote, so undo is exact.

import { cellToCsv, convertCell, isEmptyCell } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef, FieldRole, FieldType, SelectOption } from '../fields/types';
import { getDatabase } from './connection';
import { recordSheetChange, type RowChange } from './history';
import { newId, nowTimestamp } from './ids';
import type { RowRecord, SheetRecord } from './records';

export interface NewField {
  name: string;
  type: FieldType;
  settings?: FieldDef['settings'];
  role?: FieldDef['role'];
}

async function loadSheet(sheetId: string): Promise<SheetRecord> {
  const sheet = await getDatabase().sheets.get(sheetId);
  if (!sheet) throw new Error('This sheet no longer exists; reload the page.');
  return sheet;
}

function findField(sheet: SheetRecord, fieldId: string): FieldDef {
  const field = sheet.fields.find((each) => each.id === fieldId);
  if (!field) throw new Error(`The column no longer exists in "${sheet.name}".`);
  return field;
}

function checkName(sheet: SheetRecord, name: string, exceptFieldId?: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A column name cannot be empty.');
  const taken = sheet.fields.some(
    (field) => field.id !== exceptFieldId && field.name.toLowerCase() === trimmed.toLowerCase(),
  );
  if (taken) throw new Error(`"${sheet.name}" already has a column named "${trimmed}". Choose another name.`);
  return trimmed;
}

async function sheetRows(sheetId: string): Promise<RowRecord[]> {
  return getDatabase().rows.where('[sheetId+position]').between([sheetId, -Infinity], [sheetId, Infinity]).toArray();
}

/** Runs a column change in one transaction and records it for undo. */
async function changeSheet(
  sheetId: string,
  change: (sheet: SheetRecord) => Promise<{ sheet: SheetRecord; rowChanges?: RowChange[] }>,
): Promise<void> {
  const database = getDatabase();
  await database.transaction(
    'rw',
    [database.sheets, database.rows, database.views, database.history],
    async (transaction) => {
      const before = await loadSheet(sheetId);
      const { sheet, rowChanges = [] } = await change(structuredClone(before));
      const after = { ...sheet, updatedAt: nowTimestamp() };

      await database.sheets.put(after);
      if (rowChanges.length) await database.rows.bulkPut(rowChanges.map((each) => each.after!));
      await recordSheetChange(transaction, 'changeFields', before, after, rowChanges);
    },
  );
}

/** Adds a column at the end of the sheet and of every view; returns its id. */
export async function addField(sheetId: string, field: NewField): Promise<string> {
  const id = newId();
  await changeSheet(sheetId, async (sheet) => {
    const name = checkName(sheet, field.name);
    if (field.type === 'link' && !field.settings?.linkSheetId)
      throw new Error('Choose the sheet this column links to.');

    sheet.fields.push({
      id,
      name,
      type: field.type,
      settings: field.settings ?? {},
      ...(field.role ? { role: field.role } : {}),
    });
    const views = await getDatabase().views.where('sheetId').equals(sheetId).toArray();
    for (const view of views) {
      await getDatabase().views.update(view.id, { columns: [...view.columns, { fieldId: id }] });
    }
    return { sheet };
  });
  return id;
}

export async function renameField(sheetId: string, fieldId: string, name: string): Promise<void> {
  await changeSheet(sheetId, async (sheet) => {
    findField(sheet, fieldId).name = checkName(sheet, name, fieldId);
    return { sheet };
  });
}

function distinctLabels(texts: string[]): SelectOption[] {
  const seen = new Map<string, string>();
  for (const text of texts) {
    const label = text.trim();
    if (label && !seen.has(label.toLowerCase())) seen.set(label.toLowerCase(), label);
  }
  return [...seen.values()].map((label) => ({ id: newId(), label }));
}

/** Choices for a column retyped to select: the distinct texts it contains now. */
function choicesFromValues(rows: RowRecord[], from: FieldDef, to: FieldType, ctx: FieldContext): SelectOption[] {
  const texts = rows
    .map((row) => row.values[from.id])
    .filter((value) => !isEmptyCell(value))
    .map((value) => cellToCsv(value ?? null, from, ctx));
  return distinctLabels(to === 'multiSelect' ? texts.flatMap((text) => text.split(/\s*[,;]\s*/)) : texts);
}

/** Keeps the earlier choices first and adds the labels they do not cover. */
function mergeChoices(earlier: SelectOption[], found: SelectOption[]): SelectOption[] {
  const known = new Set(earlier.map((option) => option.label.toLowerCase()));
  return [...earlier, ...found.filter((option) => !known.has(option.label.toLowerCase()))];
}

export interface RetypeResult {
  converted: number;
  /** Values that did not fit the new type, kept as typed and flagged. */
  keptInvalid: number;
}

/**
 * Changes a column's type and converts every value. A value that does not
 * convert is kept as its text and flagged, never dropped, and the whole
 * change is one undo step.
 */
export async function retypeField(
  sheetId: string,
  fieldId: string,
  type: FieldType,
  ctx: FieldContext,
  settings: FieldDef['settings'] = {},
): Promise<RetypeResult> {
  const result: RetypeResult = { converted: 0, keptInvalid: 0 };
  await changeSheet(sheetId, async (sheet) => {
    const from = findField(sheet, fieldId);
    if (from.type === type) return { sheet };
    if (type === 'link' && !settings.linkSheetId) throw new Error('Choose the sheet this column links to.');

    const rows = await sheetRows(sheetId);
    // Choices are kept through a retype to another type, so a column turned
    // back into a select gets its colours, order and unused choices again.
    const earlierOptions = from.settings.options ?? [];
    const to: FieldDef = {
      ...from,
      type,
      settings: { ...settings, ...(earlierOptions.length && !settings.options ? { options: earlierOptions } : {}) },
    };
    if ((type === 'select' || type === 'multiSelect') && !settings.options?.length) {
      to.settings.options = mergeChoices(earlierOptions, choicesFromValues(rows, from, type, ctx));
    }

    const rowChanges: RowChange[] = [];
    const at = nowTimestamp();
    for (const row of rows) {
      const value = row.values[fieldId];
      if (isEmptyCell(value)) continue;
      const converted: CellValue = convertCell(value, from, to, ctx);
      if (converted && typeof converted === 'object' && 'invalid' in converted) result.keptInvalid += 1;
      else result.converted += 1;
      rowChanges.push({
        before: row,
        after: { ...row, values: { ...row.values, [fieldId]: converted }, updatedAt: at },
      });
    }

    sheet.fields = sheet.fields.map((field) => (field.id === fieldId ? to : field));
    return { sheet, rowChanges };
  });
  return result;
}

/**
 * Replaces a select column's choices. Renaming or recolouring a choice
 * changes no row, because cells store choice ids. A cell whose choice was
 * removed keeps the choice's label as flagged text.
 */
export async function setFieldOptions(sheetId: string, fieldId: string, options: SelectOption[]): Promise<void> {
  await changeSheet(sheetId, async (sheet) => {
    const field = findField(sheet, fieldId);
    const labels = options.map((option) => option.label.trim().toLowerCase());
    if (labels.some((label) => !label)) throw new Error('A choice needs a name.');
    const duplicate = labels.find((label, index) => labels.indexOf(label) !== index);
    if (duplicate) throw new Error(`The choice "${duplicate}" is listed twice.`);

    const kept = new Set(options.map((option) => option.id));
    const removed = new Map(
      (field.settings.options ?? [])
        .filter((option) => !kept.has(option.id))
        .map((option) => [option.id, option.label]),
    );
    const rowChanges: RowChange[] = [];
    if (removed.size) {
      const at = nowTimestamp();
      for (const row of await sheetRows(sheetId)) {
        const value = row.values[fieldId];
        const ids = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
        if (!ids.some((id) => removed.has(id))) continue;
        const text = ids
          .map((id) => removed.get(id) ?? field.settings.options?.find((option) => option.id === id)?.label ?? id)
          .join(', ');
        rowChanges.push({
          before: row,
          after: { ...row, values: { ...row.values, [fieldId]: { invalid: text } }, updatedAt: at },
        });
      }
    }

    field.settings = { ...field.settings, options };
    return { sheet, rowChanges };
  });
}

/** Moves a column to the trash. Rows keep its values until it is purged. */
export async function deleteField(sheetId: string, fieldId: string): Promise<void> {
  await changeSheet(sheetId, async (sheet) => {
    const field = findField(sheet, fieldId);
    if (sheet.fields.length === 1) throw new Error('A sheet needs at least one column.');
    sheet.fields = sheet.fields.filter((each) => each.id !== fieldId);
    sheet.deletedFields = [...(sheet.deletedFields ?? []), field];
    return { sheet };
  });
}

export async function restoreField(sheetId: string, fieldId: string): Promise<void> {
  await changeSheet(sheetId, async (sheet) => {
    const field = sheet.deletedFields?.find((each) => each.id === fieldId);
    if (!field) throw new Error('That column is no longer in the trash.');
    sheet.deletedFields = sheet.deletedFields!.filter((each) => each.id !== fieldId);
    sheet.fields.push({ ...field, name: uniqueFieldName(sheet, field.name) });
    return { sheet };
  });
}

function uniqueFieldName(sheet: SheetRecord, name: string): string {
  const taken = new Set(sheet.fields.map((field) => field.name.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  let suffix = 2;
  while (taken.has(`${name} ${suffix}`.toLowerCase())) suffix += 1;
  return `${name} ${suffix}`;
}

/** Removes a column from the trash and its values from every row. */
export async function purgeField(sheetId: string, fieldId: string): Promise<void> {
  await changeSheet(sheetId, async (sheet) => {
    if (!sheet.deletedFields?.some((each) => each.id === fieldId))
      throw new Error('That column is no longer in the trash.');
    sheet.deletedFields = sheet.deletedFields.filter((each) => each.id !== fieldId);

    const rowChanges: RowChange[] = [];
    for (const row of await sheetRows(sheetId)) {
      if (!(fieldId in row.values)) continue;
      const values = { ...row.values };
      delete values[fieldId];
      rowChanges.push({ before: row, after: { ...row, values } });
    }
    return { sheet, rowChanges };
  });
}

/**
 * Gives a column a CRM role, or takes it away with null. A role belongs to
 * one column per sheet, so the column that had it before loses it.
 */
export async function setFieldRole(sheetId: string, fieldId: string, role: FieldRole | null): Promise<void> {
  await changeSheet(sheetId, async (sheet) => {
    findField(sheet, fieldId);
    sheet.fields = sheet.fields.map((field) => {
      const next = { ...field };
      if (field.id === fieldId || (role && field.role === role)) delete next.role;
      if (field.id === fieldId && role) next.role = role;
      return next;
    });
    return { sheet };
  });
}
