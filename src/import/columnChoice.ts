// The per-column choice in the import preview, as one select value, and the
// field a column would fill, used to show each preview cell as it will be
// stored.

import type { FieldDef, FieldType } from '../fields/types';
import type { ColumnMapping, MappingPlan } from './csv/mapping';
import type { NewSheetColumnChoice } from './protocol';

export const SKIP_CHOICE = 'skip';
export const NEW_COLUMN_CHOICE = 'new';

export function mappingToChoice(mapping: ColumnMapping | undefined): string {
  if (!mapping || mapping.kind === 'skip') return SKIP_CHOICE;
  if (mapping.kind === 'new') return NEW_COLUMN_CHOICE;
  return `field:${mapping.fieldId}`;
}

export function choiceToMapping(choice: string, header: string, inferredType: FieldType): ColumnMapping {
  if (choice === SKIP_CHOICE) return { kind: 'skip' };
  if (choice === NEW_COLUMN_CHOICE) return { kind: 'new', name: header, type: inferredType };
  return { kind: 'field', fieldId: choice.slice('field:'.length) };
}

/**
 * Returns the suggested mapping for an existing sheet, with every column that matched
 * no field proposed as a new column instead of being dropped. The first and
 * last name columns that fill the name field stay skipped.
 */
export function initialMapping(
  suggested: MappingPlan,
  headers: readonly string[],
  inferred: readonly FieldDef[],
): MappingPlan {
  const combined = new Set([suggested.combineName?.first, suggested.combineName?.last]);
  const columns = suggested.columns.map((mapping, column): ColumnMapping => {
    if (mapping.kind !== 'skip' || combined.has(column)) return mapping;
    return { kind: 'new', name: headers[column]!, type: inferred[column]?.type ?? 'text' };
  });
  return { ...suggested, columns };
}

/** Returns the field each column would fill, for the preview, or null for a skipped column. */
export function previewFields(
  destination: 'newSheet' | 'existingSheet',
  newSheetFields: readonly FieldDef[],
  newSheetChoices: readonly NewSheetColumnChoice[],
  sheetFields: readonly FieldDef[],
  mapping: MappingPlan,
): (FieldDef | null)[] {
  return newSheetFields.map((planned, column) => {
    if (destination === 'newSheet') {
      const choice = newSheetChoices[column];
      if (!choice?.keep) return null;
      return choice.type === planned.type ? planned : { ...planned, type: choice.type, settings: {} };
    }
    const mapped = mapping.columns[column];
    if (!mapped || mapped.kind === 'skip') return null;
    if (mapped.kind === 'new')
      return mapped.type === planned.type ? planned : { ...planned, type: mapped.type, settings: {} };
    return sheetFields.find((field) => field.id === mapped.fieldId) ?? null;
  });
}
