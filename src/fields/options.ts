import type { FieldDef, SelectOption } from './types';

function labelKey(label: string): string {
  return label.trim().normalize('NFC').toLocaleLowerCase();
}

/** Returns the option whose label matches, ignoring case and surrounding spaces. */
export function findOptionByLabel(field: FieldDef, label: string): SelectOption | undefined {
  const key = labelKey(label);
  return field.settings.options?.find((option) => labelKey(option.label) === key);
}

/** Returns the label of an option id, or the id itself when the option was deleted. */
export function optionLabel(field: FieldDef, id: string): string {
  return field.settings.options?.find((option) => option.id === id)?.label ?? id;
}

/** Returns the position of an option id, after every option when it is unknown. */
export function optionRank(field: FieldDef, id: string): number {
  const options = field.settings.options ?? [];
  const index = options.findIndex((option) => option.id === id);
  return index === -1 ? options.length : index;
}

export function hasOption(field: FieldDef, id: string): boolean {
  return field.settings.options?.some((option) => option.id === id) ?? false;
}

/** Describes the allowed labels for an error message. */
export function describeChoices(field: FieldDef): string {
  const labels = (field.settings.options ?? []).map((option) => option.label);
  return labels.length === 0 ? 'This field has no choices yet.' : `The choices are: ${labels.join(', ')}.`;
}
