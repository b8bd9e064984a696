import type { FieldRole, FieldSettings, FieldType } from '../fields/types';

/**
 * A workbook layout a user can start from. Templates are data: field keys
 * are local to the template and become fresh field ids when it is used.
 */
export interface TemplateDefinition {
  /** Button label in the template chooser. */
  name: string;
  description: string;
  sheets: TemplateSheet[];
}

export interface TemplateSheet {
  name: string;
  fields: TemplateField[];
}

export interface TemplateField {
  key: string;
  name: string;
  type: FieldType;
  role?: FieldRole;
  /** Select choices as labels; option ids are made when the template is used. */
  choices?: string[];
  settings?: Omit<FieldSettings, 'options'>;
}
