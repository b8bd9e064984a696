// Field definitions and contexts shared by the field type tests.

import { defaultFieldContext } from './context';
import type { FieldContext, FieldDef, FieldType, SelectOption } from './types';

export function makeField(type: FieldType, options?: SelectOption[], decimals?: number): FieldDef {
  const settings: FieldDef['settings'] = {};
  if (options) settings.options = options;
  if (decimals !== undefined) settings.decimals = decimals;
  return { id: `field-${type}`, name: type, type, settings };
}

export function makeContext(overrides: Partial<FieldContext> = {}): FieldContext {
  return { ...defaultFieldContext, ...overrides };
}
