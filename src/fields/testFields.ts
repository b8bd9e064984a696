// Field definitions and contexts shared by the field type tests.

import { defaultFieldContext } from './context';
import type { FieldContext, FieldDef, FieldType, SelectOption } from './types';

/**
 * Every field type, written out by hand in the order the column type menu
 * lists them. registry.test.ts checks the registry against this list.
 */
export const ALL_FIELD_TYPES: readonly FieldType[] = [
  'text',
  'longText',
  'email',
  'phone',
  'url',
  'number',
  'currency',
  'percent',
  'date',
  'dateTime',
  'select',
  'multiSelect',
  'checkbox',
  'link',
];

export function makeField(type: FieldType, options?: SelectOption[], decimals?: number): FieldDef {
  const settings: FieldDef['settings'] = {};
  if (options) settings.options = options;
  if (decimals !== undefined) settings.decimals = decimals;
  return { id: `field-${type}`, name: type, type, settings };
}

export function makeContext(overrides: Partial<FieldContext> = {}): FieldContext {
  return { ...defaultFieldContext, ...overrides };
}
