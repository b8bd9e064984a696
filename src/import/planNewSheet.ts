import { guessRole } from '../fields/roles';
import type { FieldDef, FieldRole } from '../fields/types';
import type { NewSheetColumnChoice } from './protocol';

/**
 * The fields of a new sheet after the user's review: a column whose type was
 * left as inferred keeps its planned field (role and choices included); a
 * retyped column gets a fresh field of the chosen type; a skipped one none.
 * Returns one entry per source column, null for skipped ones.
 */
export function applyNewSheetChoices(
  planned: readonly FieldDef[],
  choices: readonly NewSheetColumnChoice[],
  columnValues: (column: number) => string[],
): (FieldDef | null)[] {
  const usedRoles = new Set<FieldRole>();
  const fields = planned.map((field, column): FieldDef | null => {
    const choice = choices[column];
    if (!choice?.keep) return null;
    if (choice.type === field.type) return { ...field, settings: { ...field.settings } };

    const retyped: FieldDef = { id: field.id, name: field.name, type: choice.type, settings: {} };
    if (choice.type === 'select' || choice.type === 'multiSelect') {
      const values = columnValues(column);
      const labels = distinct(choice.type === 'select' ? values : values.flatMap(splitListText));
      retyped.settings.options = labels.map((label) => ({ id: crypto.randomUUID(), label }));
    }
    return retyped;
  });

  // Roles are unique per sheet: the first kept column that claims one keeps it.
  return fields.map((field) => {
    if (!field) return null;
    const role = field.role ?? guessRole(field.name, field.type);
    const withoutRole: FieldDef = { id: field.id, name: field.name, type: field.type, settings: field.settings };
    if (!role || usedRoles.has(role)) return withoutRole;
    usedRoles.add(role);
    return { ...withoutRole, role };
  });
}

function distinct(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const label = value.trim();
    if (label && !seen.has(label.toLowerCase())) seen.set(label.toLowerCase(), label);
  }
  return [...seen.values()];
}

/** Splits a multi-select cell the way the multi-select field reads it. */
function splitListText(text: string): string[] {
  return text.split(/\s*:::\s*|[,;]/);
}
