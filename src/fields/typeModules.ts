import { checkboxField } from './checkbox';
import { currencyField } from './currency';
import { dateField } from './date';
import { dateTimeField } from './dateTime';
import { emailField } from './email';
import { linkField } from './link';
import { longTextField } from './longText';
import { multiSelectField } from './multiSelect';
import { numberField } from './number';
import { percentField } from './percent';
import { phoneField } from './phone';
import { selectField } from './select';
import { textField } from './text';
import type { FieldType, FieldTypeModule } from './types';
import { urlField } from './url';

export const fieldTypes: Record<FieldType, FieldTypeModule> = {
  text: textField,
  longText: longTextField,
  email: emailField,
  phone: phoneField,
  url: urlField,
  number: numberField,
  currency: currencyField,
  percent: percentField,
  date: dateField,
  dateTime: dateTimeField,
  select: selectField,
  multiSelect: multiSelectField,
  checkbox: checkboxField,
  link: linkField,
};

/** Field types in the order the column type menu lists them. */
export const fieldTypeOrder: FieldType[] = Object.keys(fieldTypes) as FieldType[];

export function isFieldType(type: unknown): type is FieldType {
  return typeof type === 'string' && Object.hasOwn(fieldTypes, type);
}

/** Returns the module of a field type. Throws for a name that is not a field type, such as one from a damaged backup. */
export function getFieldType(type: FieldType): FieldTypeModule {
  if (!isFieldType(type)) throw new Error(`Unknown field type ${JSON.stringify(type)}`);
  return fieldTypes[type];
}
