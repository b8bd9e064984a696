import type { FieldRole, FieldType } from '../fields/types';
import type { TemplateRule } from './templateRules';

/** The `format` value of every template, so any other JSON file is recognised as not being one. */
export const TEMPLATE_FORMAT = 'kindling-template';

/** The version of the template shape that this code reads and writes. */
export const TEMPLATE_VERSION = 1;

/**
 * A workbook layout a user can start from. Templates are data: the built-in
 * ones are JSON files in ./library, and a downloaded template file has the
 * same shape. Field keys are local to the template and become fresh field ids
 * when it is used.
 */
export interface TemplateDefinition {
  format: typeof TEMPLATE_FORMAT;
  version: typeof TEMPLATE_VERSION;
  /** Button label in the template gallery. */
  name: string;
  description: string;
  sheets: TemplateSheet[];
  /** Automation rules that come with the template, switched off unless a rule sets `enabled`. */
  rules?: TemplateRule[];
}

export interface TemplateSheet {
  /** Tab name, unique within the template. Link fields name their target sheet by it. */
  name: string;
  fields: TemplateField[];
  /** Example rows, added only when the user asks for them. */
  sampleRows?: TemplateSampleRow[];
}

/**
 * Cell text keyed by field key, in the locale-free forms of a CSV export.
 * Dates are ISO (2026-03-14), amounts are plain with a dot (1200.50), and
 * percentages are in points (40 or 40%). A checkbox takes yes or no, and
 * choice labels are separated by commas. A link names the rows it points to,
 * separated by semicolons, by the text of their sheet's name field (see
 * templateNameField). Numbers and booleans are read as their text.
 */
export type TemplateSampleRow = Record<string, TemplateSampleValue>;

export type TemplateSampleValue = string | number | boolean | null;

/** A select choice with a chip colour or, for a pipeline stage, the chance of winning. */
export interface TemplateChoice {
  label: string;
  /** A CSS colour name or hex value. Choices without one get colours in turn. */
  color?: string;
  /** Fraction from 0 to 1. */
  probability?: number;
}

export interface TemplateField {
  /** Identifier of the field within its sheet, used by sample rows. */
  key: string;
  name: string;
  type: FieldType;
  role?: FieldRole;
  /** Select and multi-select choices, each a label or a TemplateChoice. Option ids are made when the template is used. */
  choices?: (string | TemplateChoice)[];
  /** For a link field: the name of the sheet of the same template that it links to. */
  linkSheet?: string;
  settings?: TemplateFieldSettings;
}

export interface TemplateFieldSettings {
  /** Digits after the decimal point shown for number and percent fields. */
  decimals?: number;
}

/**
 * Returns the field whose text names a row, which link cells use to find it:
 * the field with the name role, else the first text field, else the first field.
 */
export function templateNameField<T extends { type: FieldType; role?: FieldRole }>(fields: T[]): T | undefined {
  return fields.find((field) => field.role === 'name') ?? fields.find((field) => field.type === 'text') ?? fields[0];
}
