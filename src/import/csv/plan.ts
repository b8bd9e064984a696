// Turns parsed CSV rows into the records an import adds to a sheet. Every
// value is read by the field modules, so a date or amount imported from a file
// means exactly what the same text typed into the grid means.

import { inferFieldType } from '../../fields/infer';
import { getFieldType, parseCell } from '../../fields/registry';
import { readImportCell, type ColumnReading } from '../cellReading';
import { guessRole } from '../../fields/roles';
import type {
  CellValue,
  DateOrder,
  FieldContext,
  FieldDef,
  FieldRole,
  FieldType,
  SelectOption,
} from '../../fields/types';
import { combineNameText, type MappingPlan } from './mapping';
import type { CsvRowError } from './parse';

/**
 * An apostrophe that an export put before a cell starting with =, +, -, @, tab
 * or CR. The cell may itself start with apostrophes ("'=1" is exported as
 * "''=1"), so one apostrophe is removed before any run that leads to a trigger.
 */
const FORMULA_GUARD = /^'(?='*[=+\-@\t\r])/;

/**
 * Removes the apostrophe that Kindling's CSV export (and other careful
 * exporters) put before formula-like text, so an exported file imports back
 * to the same values. Spreadsheets never write such an apostrophe into a CSV
 * themselves: in Excel it is a display prefix, not part of the cell.
 */
export function withoutFormulaGuard(text: string): string {
  return text.replace(FORMULA_GUARD, '');
}

/** Parsed CSV content, as parseCsvText returns it. */
export interface ImportSource {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  /** Spreadsheet row number of each row. Without it, row i is numbered i + 2, after the header. */
  rowNumbers?: readonly number[];
  /** Problems found while parsing. A row named here is rejected with that message. */
  errors?: readonly CsvRowError[];
  /** Columns, by row number, whose text is kept as an InvalidValue instead of parsed (Excel damage, a year-less birthday). */
  flagged?: ReadonlyMap<number, ReadonlySet<number>>;
  /** Word for a row in messages: 'Row' for CSV, 'Card' for vCard. */
  rowLabel?: string;
}

/** Target fields for the source columns. */
export interface ImportTargets {
  /** Target field of each source column, by index, or null to leave the column out. */
  columns: readonly (FieldDef | null)[];
  /** Fills `field` with "First Last" from two source columns when it has no value of its own. */
  combineName?: { first: number; last: number; field: FieldDef };
  /** Date order of each source column, overriding ctx.dateOrder where set. */
  dateOrders?: readonly (DateOrder | undefined)[];
  /** Date format and decimal mark of each source column, as chosen in the import dialog. */
  readings?: readonly (ColumnReading | undefined)[];
}

export interface ImportRecord {
  rowNumber: number;
  /** Cell values by field id, without empty cells. */
  values: Record<string, CellValue>;
}

export interface RejectedRow {
  rowNumber: number;
  /** Reason the row was not added, naming the row, the column and the value. */
  reason: string;
}

export interface ImportPlan {
  /** Records to add, in file order. */
  added: ImportRecord[];
  rejected: RejectedRow[];
  /** Row numbers of rows with no value in any imported column. */
  skippedEmpty: number[];
}

function columnContext(ctx: FieldContext, dateOrder: DateOrder | undefined): FieldContext {
  return dateOrder === undefined ? ctx : { ...ctx, dateOrder };
}

/**
 * Reads every row through the target fields' parsers. A row is rejected, and
 * none of its values added, when a value does not parse, when the name built
 * from first and last name does not parse, or when `source.errors` names the
 * row (for example values beyond the header). The reason names the row number,
 * the column and the value, e.g. `Row 14, "Next follow-up": "31/02/2024" is
 * not a valid date`. Rows with no value in any imported column are skipped.
 * A flagged cell is stored as an InvalidValue holding its text, so the grid
 * shows it marked and nothing is converted silently.
 */
export function buildImportPlan(source: ImportSource, targets: ImportTargets, ctx: FieldContext): ImportPlan {
  const columnContexts = targets.columns.map((_, column) => columnContext(ctx, targets.dateOrders?.[column]));
  const errorsByRow = new Map<number, string>();
  for (const error of source.errors ?? []) {
    if (!errorsByRow.has(error.row)) errorsByRow.set(error.row, error.message);
  }

  const plan: ImportPlan = { added: [], rejected: [], skippedEmpty: [] };

  source.rows.forEach((row, index) => {
    const rowNumber = source.rowNumbers?.[index] ?? index + 2;
    const rowLabel = source.rowLabel ?? 'Row';
    const flaggedColumns = source.flagged?.get(rowNumber);
    const sourceError = errorsByRow.get(rowNumber);
    if (sourceError !== undefined) {
      plan.rejected.push({ rowNumber, reason: sourceError });
      return;
    }

    const values: Record<string, CellValue> = {};
    let reason: string | undefined;

    targets.columns.forEach((field, column) => {
      if (field === null || reason !== undefined) return;
      const text = withoutFormulaGuard(row[column] ?? '');
      if (flaggedColumns?.has(column) && text.trim() !== '') {
        values[field.id] = { invalid: text };
        return;
      }
      const result = readImportCell(text, field, columnContexts[column] ?? ctx, targets.readings?.[column]);
      if (!result.ok) {
        reason = `${rowLabel} ${rowNumber}, ${JSON.stringify(source.headers[column] ?? field.name)}: ${result.error}`;
      } else if (result.value !== null) {
        values[field.id] = result.value;
      }
    });

    const combine = targets.combineName;
    if (reason === undefined && combine !== undefined && values[combine.field.id] === undefined) {
      const text = combineNameText(row[combine.first] ?? '', row[combine.last] ?? '');
      const result = parseCell(text, combine.field, ctx);
      if (!result.ok) {
        reason = `${rowLabel} ${rowNumber}, ${JSON.stringify(combine.field.name)}: ${result.error}`;
      } else if (result.value !== null) {
        values[combine.field.id] = result.value;
      }
    }

    if (reason !== undefined) {
      plan.rejected.push({ rowNumber, reason });
    } else if (Object.keys(values).length === 0) {
      plan.skippedEmpty.push(rowNumber);
    } else {
      plan.added.push({ rowNumber, values });
    }
  });

  return plan;
}

/**
 * Resolves a reviewed mapping into import targets. Columns mapped to 'new'
 * get a new FieldDef (returned in `newFields` for the caller to add to the
 * sheet), with select options taken from the column's values.
 * Throws an Error naming both columns when two columns target the same field,
 * because one value would silently replace the other.
 */
export function resolveMapping(
  mapping: MappingPlan,
  sheetFields: readonly FieldDef[],
  source: Pick<ImportSource, 'headers' | 'rows'>,
  ctx: FieldContext,
): { targets: ImportTargets; newFields: FieldDef[] } {
  const byId = new Map(sheetFields.map((field) => [field.id, field]));
  const newFields: FieldDef[] = [];
  const claimedBy = new Map<string, number>();

  const columns = mapping.columns.map((columnMapping, column): FieldDef | null => {
    let field: FieldDef | null = null;
    if (columnMapping.kind === 'field') {
      field = byId.get(columnMapping.fieldId) ?? null;
      if (field === null) throw new Error(`Field ${columnMapping.fieldId} is not in this sheet`);
    } else if (columnMapping.kind === 'new') {
      const values = source.rows.map((row) => withoutFormulaGuard(row[column] ?? ''));
      field = newField(columnMapping.name, columnMapping.type, values, ctx);
      newFields.push(field);
    }
    if (field === null) return null;

    const earlier = claimedBy.get(field.id);
    if (earlier !== undefined) {
      throw new Error(
        `Columns ${JSON.stringify(source.headers[earlier])} and ${JSON.stringify(source.headers[column])} ` +
          `both map to field ${JSON.stringify(field.name)}. Map one of them elsewhere or skip it.`,
      );
    }
    claimedBy.set(field.id, column);
    return field;
  });

  const targets: ImportTargets = { columns };
  const combine = mapping.combineName;
  if (combine !== undefined) {
    const field = byId.get(combine.fieldId);
    if (field === undefined) throw new Error(`Field ${combine.fieldId} is not in this sheet`);
    targets.combineName = { first: combine.first, last: combine.last, field };
  }
  return { targets, newFields };
}

function selectOptions(labels: readonly string[]): SelectOption[] {
  return labels.map((label) => ({ id: crypto.randomUUID(), label }));
}

function newField(name: string, type: FieldType, values: readonly string[], ctx: FieldContext): FieldDef {
  const field: FieldDef = { id: crypto.randomUUID(), name, type, settings: {} };
  if (type === 'select' || type === 'multiSelect') {
    const inferred = inferFieldType([...values], ctx, name);
    field.settings.options = selectOptions(inferred.options ?? distinctLabels(values));
  }
  return field;
}

function distinctLabels(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const label = value.trim();
    if (label !== '' && !seen.has(label.toLowerCase())) seen.set(label.toLowerCase(), label);
  }
  return [...seen.values()];
}

/** A new sheet's fields, one per CSV column, with the date order chosen for each. */
export interface NewSheetPlan {
  fields: FieldDef[];
  /** Date order of each column, by index, or undefined for a column without dates. */
  dateOrders: (DateOrder | undefined)[];
  /** Messages for the preview, such as ambiguous dates or a column kept as text. */
  warnings: string[];
}

const DATE_ORDER_NAMES: Record<DateOrder, string> = {
  iso: 'year-month-day',
  dmy: 'day/month',
  mdy: 'month/day',
};

/** Returns the first value of the column that the field cannot parse, if any. */
function firstUnparsedValue(values: readonly string[], field: FieldDef, ctx: FieldContext): string | undefined {
  return values.find((text) => !parseCell(text, field, ctx).ok);
}

/**
 * Plans a new sheet for a CSV file with one field per column. Each field is
 * named after its header and typed by inferFieldType, with select options
 * given ids. Its CRM role comes from guessRole, and only the first column that
 * guesses a role keeps it. When the inferred type cannot read every value of a
 * column, the column becomes text (long text when a value has a line break)
 * with a warning, so that the new sheet keeps every row of its file.
 */
export function planNewSheetFromCsv(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  ctx: FieldContext,
): NewSheetPlan {
  const usedRoles = new Set<FieldRole>();
  const fields: FieldDef[] = [];
  const dateOrders: (DateOrder | undefined)[] = [];
  const warnings: string[] = [];

  headers.forEach((header, column) => {
    const values = rows.map((row) => withoutFormulaGuard(row[column] ?? ''));
    const inferred = inferFieldType([...values], ctx, header);

    const field: FieldDef = { id: crypto.randomUUID(), name: header, type: inferred.type, settings: {} };
    if ((inferred.type === 'select' || inferred.type === 'multiSelect') && inferred.options !== undefined) {
      field.settings.options = selectOptions(inferred.options);
    }
    const dateOrder = inferred.dateOrder;
    const columnCtx = columnContext(ctx, dateOrder);

    const unparsed = firstUnparsedValue(values, field, columnCtx);
    if (unparsed !== undefined) {
      const fallback: FieldType = values.some((text) => /[\r\n]/.test(text)) ? 'longText' : 'text';
      const typeName = (type: FieldType) => getFieldType(type).label.toLowerCase();
      warnings.push(
        `${JSON.stringify(header)}: ${JSON.stringify(unparsed)} is not a valid ${typeName(inferred.type)}, ` +
          `so the column is imported as ${typeName(fallback)}.`,
      );
      field.type = fallback;
      field.settings = {};
      dateOrders.push(undefined);
    } else {
      dateOrders.push(dateOrder);
      if (inferred.ambiguousDates && dateOrder !== undefined) {
        warnings.push(
          `Ambiguous dates in ${JSON.stringify(header)}: read as ${DATE_ORDER_NAMES[dateOrder]}; change in the preview.`,
        );
      }
    }

    const role = guessRole(header, field.type);
    if (role !== undefined && !usedRoles.has(role)) {
      field.role = role;
      usedRoles.add(role);
    }
    fields.push(field);
  });

  return { fields, dateOrders, warnings };
}
