import type { FieldContext } from './types';

/** Settings used until the workbook has its own: British English, pounds, UK phones. */
export const defaultFieldContext: FieldContext = {
  locale: 'en-GB',
  currency: 'GBP',
  defaultCountry: 'GB',
  dateOrder: 'dmy',
};
