// Fields are data: a sheet stores a list of FieldDef, and every place that
// reads or writes a cell (grid, import, export, backup) goes through the
// FieldTypeModule for the field's type, so a value means the same thing
// everywhere.

export type FieldType =
  | 'text'
  | 'longText'
  | 'email'
  | 'phone'
  | 'url'
  | 'number'
  | 'currency'
  | 'percent'
  | 'date'
  | 'dateTime'
  | 'select'
  | 'multiSelect'
  | 'checkbox'
  | 'link';

/** The CRM meaning of a field, so features find their columns on any sheet. */
export type FieldRole =
  | 'name'
  | 'company'
  | 'email'
  | 'phone'
  | 'stage'
  | 'dealValue'
  | 'probability'
  | 'followUpDate'
  | 'lastContacted'
  | 'customerSince'
  | 'status'
  | 'churnReason'
  | 'tags'
  | 'notes'
  /** A link column that ties the row to its customer, such as a deal's contact. */
  | 'contact'
  /** Urgency of a row: the choices High, Medium and Low, ranked in that order. */
  | 'priority';

export interface SelectOption {
  /** Stable id stored in cells, so renaming an option never rewrites rows. */
  id: string;
  label: string;
  /** A CSS colour name or hex value for the chip. */
  color?: string;
  /** For a pipeline stage: the chance, as a fraction from 0 to 1, that a deal at this stage is won. */
  probability?: number;
}

export interface FieldSettings {
  /** Choices of a select or multi-select field. */
  options?: SelectOption[];
  /** Digits after the decimal point shown for number and percent fields. */
  decimals?: number;
  /** For a link field: the id of the sheet whose rows it links to. */
  linkSheetId?: string;
}

export interface FieldDef {
  id: string;
  name: string;
  type: FieldType;
  settings: FieldSettings;
  role?: FieldRole;
}

/** A phone number as the user typed it plus its E.164 form when one exists. */
export interface PhoneValue {
  text: string;
  e164?: string;
}

/** Money as an integer count of minor units (cents) of an ISO 4217 currency. */
export interface MoneyValue {
  minor: number;
  currency: string;
}

/**
 * Text that did not convert to the field's type. It is kept, shown and
 * flagged rather than dropped, so a retype or an import never loses data.
 */
export interface InvalidValue {
  invalid: string;
}

/**
 * What a cell stores, by field type:
 * text, longText, email, url: string; phone: PhoneValue; number: number;
 * currency: MoneyValue; percent: number as a fraction (0.25 is 25%);
 * date: 'YYYY-MM-DD'; dateTime: ISO 8601 instant; select: option id;
 * multiSelect: option ids; checkbox: boolean; link: row ids of the linked sheet.
 * An empty cell is absent or null.
 */
export type CellValue = string | number | boolean | string[] | PhoneValue | MoneyValue | InvalidValue | null;

/** Day, month and year order of a date written as text. */
export type DateOrder = 'iso' | 'dmy' | 'mdy';

/** Finds rows of other sheets by id or name, for link fields. */
export interface LinkLookup {
  /** Returns the display name of a row, or undefined when it is not found. */
  rowName(sheetId: string, rowId: string): string | undefined;
  /** Returns the id of the row whose name matches (case-insensitive), or undefined. */
  findRowId(sheetId: string, name: string): string | undefined;
}

/** Workbook-wide settings that parsing and formatting depend on. */
export interface FieldContext {
  /** BCP 47 locale for Intl formatting, e.g. 'en-GB'. */
  locale: string;
  /** ISO 4217 code of the workbook currency, e.g. 'GBP'. */
  currency: string;
  /** ISO 3166-1 alpha-2 country used to normalise phones without a prefix. */
  defaultCountry: string;
  /** How ambiguous dates such as 03/04/2024 are read. */
  dateOrder: DateOrder;
  /** Row names of other sheets; without it, link cells show and export row ids. */
  links?: LinkLookup;
}

export type ParseResult<V> = { ok: true; value: V | null } | { ok: false; error: string };

export interface FieldTypeModule<V extends CellValue = CellValue> {
  type: FieldType;
  /** Label shown in the column type menu. */
  label: string;
  /** Reads text typed by a user or found in a file; empty text is null. */
  parse(text: string, field: FieldDef, ctx: FieldContext): ParseResult<V>;
  /** Text shown in a cell. */
  format(value: V, field: FieldDef, ctx: FieldContext): string;
  /** Checks a stored value, returning an error message or null. */
  validate(value: unknown, field: FieldDef): string | null;
  /** Sort order of two non-empty values. */
  compare(a: V, b: V, field: FieldDef): number;
  /** Text written to an exported CSV cell: ISO dates, plain amounts. */
  toCsv(value: V, field: FieldDef, ctx: FieldContext): string;
  /** Reads a CSV cell written by toCsv or by another program. */
  fromCsv(text: string, field: FieldDef, ctx: FieldContext): ParseResult<V>;
}
