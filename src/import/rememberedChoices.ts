// The column choices of an import, remembered per header layout, so the
// next file with the same columns (a monthly export, say) opens with the
// user's own mapping instead of the suggestion.

import type { FieldDef, FieldType } from '../fields/types';
import { isFieldType } from '../fields/registry';
import { normaliseName, type ColumnMapping, type CombineNameMapping, type MappingPlan } from './csv/mapping';
import { DATE_FORMATS, type DateFormat } from './dateFormats';
import type { DecimalMark } from './decimalMark';
import type { DuplicateMode } from './duplicates';
import type { NewSheetColumnChoice } from './protocol';

export type RememberedColumn = { kind: 'field'; fieldId: string } | { kind: 'new'; type: FieldType } | { kind: 'skip' };

export interface RememberedChoices {
  columns: RememberedColumn[];
  combineName?: CombineNameMapping;
  dateFormats: (DateFormat | null)[];
  decimalMark: DecimalMark;
  duplicateMode: DuplicateMode;
  phoneCountry: string;
}

/**
 * Returns the settings key for a header layout and destination. Choices made
 * for an existing sheet name its field ids, so they are kept per sheet.
 */
export function rememberedChoicesKey(sheetId: string | undefined, headers: readonly string[]): string {
  return `importLayout:${sheetId ?? 'newSheet'}:${headers.map(normaliseName).join('|')}`;
}

export function choicesFromMapping(mapping: MappingPlan): Pick<RememberedChoices, 'columns' | 'combineName'> {
  const columns = mapping.columns.map((column): RememberedColumn => {
    if (column.kind === 'new') return { kind: 'new', type: column.type };
    return column;
  });
  return mapping.combineName ? { columns, combineName: mapping.combineName } : { columns };
}

export function choicesFromNewSheet(choices: readonly NewSheetColumnChoice[]): RememberedColumn[] {
  return choices.map((choice) => (choice.keep ? { kind: 'new', type: choice.type } : { kind: 'skip' }));
}

function isRememberedColumn(value: unknown): value is RememberedColumn {
  if (typeof value !== 'object' || value === null) return false;
  const column = value as Partial<Record<string, unknown>>;
  if (column.kind === 'skip') return true;
  if (column.kind === 'field') return typeof column.fieldId === 'string';
  return column.kind === 'new' && typeof column.type === 'string' && isFieldType(column.type);
}

/**
 * Checks stored choices against the file's columns and the sheet's fields.
 * Returns undefined when the shape is wrong or the column count differs. A
 * column whose field was deleted since is skipped.
 */
export function readRememberedChoices(
  value: unknown,
  headers: readonly string[],
  sheetFields: readonly FieldDef[],
): RememberedChoices | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stored = value as Partial<RememberedChoices>;
  if (!Array.isArray(stored.columns) || stored.columns.length !== headers.length) return undefined;
  if (!stored.columns.every(isRememberedColumn)) return undefined;

  const fieldIds = new Set(sheetFields.map((field) => field.id));
  const columns = stored.columns.map((column): RememberedColumn =>
    column.kind === 'field' && !fieldIds.has(column.fieldId) ? { kind: 'skip' } : column,
  );
  const dateFormats = headers.map((_, index) => {
    const format = stored.dateFormats?.[index];
    return format && DATE_FORMATS.includes(format) ? format : null;
  });
  const combine = stored.combineName;
  const combineName = combine && fieldIds.has(combine.fieldId) ? combine : undefined;

  return {
    columns,
    ...(combineName ? { combineName } : {}),
    dateFormats,
    decimalMark: stored.decimalMark === ',' ? ',' : '.',
    duplicateMode: stored.duplicateMode === 'update' || stored.duplicateMode === 'add' ? stored.duplicateMode : 'skip',
    phoneCountry: typeof stored.phoneCountry === 'string' ? stored.phoneCountry : '',
  };
}

/** Turns remembered columns back into a mapping, naming new columns after their headers. */
export function mappingFromChoices(choices: RememberedChoices, headers: readonly string[]): MappingPlan {
  const columns = choices.columns.map((column, index): ColumnMapping => {
    if (column.kind === 'new') return { kind: 'new', name: headers[index]!, type: column.type };
    return column;
  });
  return choices.combineName ? { columns, combineName: choices.combineName } : { columns };
}

export function newSheetChoicesFrom(choices: RememberedChoices): NewSheetColumnChoice[] {
  return choices.columns.map((column) => (column.kind === 'new' ? { keep: true, type: column.type } : { keep: false }));
}
