// Builds the contents of the template preview: each sheet's columns with
// their types, and its first sample rows as the grid would display them.

import { formatCell, getFieldType } from '../fields/registry';
import type { FieldContext, LinkLookup } from '../fields/types';
import { instantiateTemplate } from './instantiate';
import { templateNameField, type TemplateDefinition } from './templateTypes';

/** Sample rows shown per sheet. The rest are only counted. */
export const PREVIEW_ROW_COUNT = 3;

export interface PreviewColumn {
  name: string;
  /** The type as the column type menu names it, with the target sheet for a link. */
  typeLabel: string;
}

export interface PreviewSheet {
  name: string;
  columns: PreviewColumn[];
  /** Display text of the first sample rows, one string per column. */
  rows: string[][];
  sampleRowCount: number;
}

/**
 * Describes a template's sheets for the preview, reading the sample rows with
 * the workbook settings so amounts show in the workbook's currency. Needs
 * loadPhoneLibrary to have finished when a phone column has samples.
 */
export function previewTemplate(template: TemplateDefinition, context: FieldContext): PreviewSheet[] {
  const sheets = instantiateTemplate(template, { withSampleRows: true, context });

  const names = new Map<string, Map<string, string>>();
  for (const sheet of sheets) {
    const nameField = templateNameField(sheet.fields);
    const byRow = new Map<string, string>();
    (sheet.rows ?? []).forEach((values, index) => {
      const rowId = sheet.rowIds?.[index];
      if (rowId && nameField) byRow.set(rowId, formatCell(values[nameField.id], nameField, context));
    });
    names.set(sheet.id!, byRow);
  }
  const links: LinkLookup = {
    rowName: (sheetId, rowId) => names.get(sheetId)?.get(rowId),
    findRowId: () => undefined,
  };
  const displayContext: FieldContext = { ...context, links };

  return sheets.map((sheet, sheetIndex) => ({
    name: sheet.name,
    columns: sheet.fields.map((field, fieldIndex) => {
      const linkSheet = template.sheets[sheetIndex]!.fields[fieldIndex]!.linkSheet;
      return {
        name: field.name,
        typeLabel: linkSheet === undefined ? getFieldType(field.type).label : `Link to ${linkSheet}`,
      };
    }),
    rows: (sheet.rows ?? [])
      .slice(0, PREVIEW_ROW_COUNT)
      .map((values) => sheet.fields.map((field) => formatCell(values[field.id], field, displayContext))),
    sampleRowCount: sheet.rows?.length ?? 0,
  }));
}
