// Builders for the metric tests: sheets and rows written with column names
// and choice labels instead of ids, so each test reads like the sheet it
// describes.

import type { RowRecord, SheetRecord } from '../../db';
import type { CellValue, FieldDef, FieldRole, FieldType } from '../../fields/types';
import type { MetricsInput, PeriodKind, SheetData } from './types';
import { periodContaining } from './dates';

/** The day every metric test computes for: Friday 4 December 2026. */
export const TODAY = '2026-12-04';

export interface ColumnSpec {
  name: string;
  type: FieldType;
  role?: FieldRole;
  /** Choice labels of a select column, with a stage probability when given as an object. */
  choices?: (string | { label: string; probability: number })[];
  /** For a link column: the sheet it links to. */
  linkSheet?: string;
}

export function sheetId(name: string): string {
  return `sheet-${name}`;
}

function fieldId(sheetName: string, columnName: string): string {
  return `${sheetId(sheetName)}-${columnName}`;
}

function optionId(columnName: string, label: string): string {
  return `option-${columnName}-${label}`;
}

export function makeSheet(name: string, columns: ColumnSpec[]): SheetData {
  const fields: FieldDef[] = columns.map((column) => ({
    id: fieldId(name, column.name),
    name: column.name,
    type: column.type,
    settings: {
      ...(column.choices
        ? {
            options: column.choices.map((choice) => {
              const { label, probability } =
                typeof choice === 'string' ? { label: choice, probability: undefined } : choice;
              return { id: optionId(column.name, label), label, ...(probability === undefined ? {} : { probability }) };
            }),
          }
        : {}),
      ...(column.linkSheet ? { linkSheetId: sheetId(column.linkSheet) } : {}),
    },
    ...(column.role ? { role: column.role } : {}),
  }));
  const sheet: SheetRecord = {
    id: sheetId(name),
    name,
    fields,
    position: 0,
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    deleted: 0,
  };
  return { sheet, rows: [] };
}

/**
 * A cell written in the test's own terms: a choice label for a select, an
 * amount in pounds (or [amount, currency]) for currency, a row id list for a link.
 */
export type TestCell = string | number | boolean | null | [number, string] | string[];

export interface RowOptions {
  id?: string;
  createdAt?: string;
  updatedAt?: string;
}

/** Appends a row to a sheet and returns its id. */
export function addRow(data: SheetData, cells: Record<string, TestCell>, options: RowOptions = {}): string {
  const values: Record<string, CellValue> = {};
  for (const [name, cell] of Object.entries(cells)) {
    const field = data.sheet.fields.find((each) => each.name === name);
    if (!field) throw new Error(`Sheet "${data.sheet.name}" has no column "${name}".`);
    values[field.id] = toCellValue(field, cell);
  }
  const id = options.id ?? `${data.sheet.id}-row-${data.rows.length + 1}`;
  const row: RowRecord = {
    id,
    sheetId: data.sheet.id,
    values,
    position: data.rows.length,
    createdAt: options.createdAt ?? '2026-01-01T09:00:00.000Z',
    updatedAt: options.updatedAt ?? options.createdAt ?? '2026-01-01T09:00:00.000Z',
    deleted: 0,
  };
  data.rows.push(row);
  return id;
}

function toCellValue(field: FieldDef, cell: TestCell): CellValue {
  if (cell === null) return null;
  if (field.type === 'select' && typeof cell === 'string') {
    const option = field.settings.options?.find((each) => each.label === cell);
    if (!option) throw new Error(`Column "${field.name}" has no choice "${cell}".`);
    return option.id;
  }
  if (field.type === 'currency') {
    const [amount, currency] = Array.isArray(cell) ? cell : [cell, 'GBP'];
    return { minor: Math.round(Number(amount) * 100), currency: String(currency) };
  }
  if (field.type === 'link' && typeof cell === 'string') return [cell];
  return cell as CellValue;
}

/** Returns the id of a sheet's column, for checking filter models. */
export function columnId(data: SheetData, name: string): string {
  const field = data.sheet.fields.find((each) => each.name === name);
  if (!field) throw new Error(`Sheet "${data.sheet.name}" has no column "${name}".`);
  return field.id;
}

export function makeInput(sheets: SheetData[], kind: PeriodKind = 'month', today = TODAY): MetricsInput {
  return { sheets, today, period: periodContaining(kind, today), currency: 'GBP' };
}
