import type { NewSheet } from '../db';
import type { FieldDef, SelectOption } from '../fields/types';
import { blank } from './blank';
import { simpleClientList } from './simpleClientList';
import type { TemplateDefinition, TemplateField } from './templateTypes';

/** Templates in the order the chooser shows them. */
export const TEMPLATES: TemplateDefinition[] = [simpleClientList, blank];

/** Colours given to select choices in turn, readable with dark text. */
const CHOICE_COLOURS = ['#dbeafe', '#dcfce7', '#fef9c3', '#fee2e2', '#ede9fe', '#ffedd5'];

function toFieldDef(field: TemplateField): FieldDef {
  const options: SelectOption[] | undefined = field.choices?.map((label, index) => ({
    id: crypto.randomUUID(),
    label,
    color: CHOICE_COLOURS[index % CHOICE_COLOURS.length],
  }));
  return {
    id: crypto.randomUUID(),
    name: field.name,
    type: field.type,
    settings: { ...field.settings, ...(options ? { options } : {}) },
    ...(field.role ? { role: field.role } : {}),
  };
}

/** Turns a template into sheets with fresh field ids, ready for createSheets. */
export function instantiateTemplate(template: TemplateDefinition): NewSheet[] {
  return template.sheets.map((sheet) => ({
    name: sheet.name,
    fields: sheet.fields.map(toFieldDef),
  }));
}
