// Messages between the import dialog and the import worker. Parsing and
// planning run in the worker so a large file never freezes the page; the
// worker keeps the parsed file between messages, so it crosses only once.

import type { CellValue, DateOrder, FieldContext, FieldDef, FieldType } from '../fields/types';
import type { ColumnReading } from './cellReading';
import type { MappingPlan } from './csv/mapping';
import type { DateFormatDetection } from './dateFormats';
import type { DecimalMarkDetection } from './decimalMark';
import type { DuplicateCounts, DuplicateMode, ExistingRowKeys } from './duplicates';

export interface AnalyseRequest {
  kind: 'analyse';
  bytes: ArrayBuffer;
  /** The file's name; a .vcf or .vcard name is read as vCard. */
  fileName: string;
  /** TextDecoder label chosen by the user, or undefined to detect. */
  encoding?: string;
  /** Delimiter chosen by the user, or undefined to detect. */
  delimiter?: string;
  ctx: FieldContext;
}

/** Choice for one column of a new sheet: skipped, or kept with a type. */
export type NewSheetColumnChoice = { keep: false } | { keep: true; type: FieldType };

export type ImportTargetRequest =
  | { kind: 'newSheet'; columns: NewSheetColumnChoice[] }
  | { kind: 'existingSheet'; fields: FieldDef[]; mapping: MappingPlan };

export interface PlanRequest {
  kind: 'plan';
  /** Workbook settings, with the phone country chosen in the dialog. */
  ctx: FieldContext;
  /** Date order per source column, overriding the workbook's. */
  dateOrders: (DateOrder | undefined)[];
  /** Date format and decimal mark per source column. */
  readings: ColumnReading[];
  target: ImportTargetRequest;
  duplicateMode: DuplicateMode;
  /** Comparison keys of the rows already in the target sheet. */
  existing: ExistingRowKeys[];
}

/** Counts duplicates for the preview without planning the import. */
export interface MatchRequest extends Omit<PlanRequest, 'kind' | 'duplicateMode'> {
  kind: 'match';
}

export type ImportWorkerRequest = AnalyseRequest | PlanRequest | MatchRequest;

/** A cell kept as flagged text rather than converted, with the reason shown in the preview. */
export interface FlaggedCellReport {
  rowNumber: number;
  column: number;
  value: string;
  reason: string;
}

export interface FileAnalysis {
  kind: 'analysis';
  /** 'vcard' for a vCard file, whose cards became rows of the contact table. */
  source: 'csv' | 'vcard';
  encoding: string;
  hadBom: boolean;
  delimiter: string;
  headers: string[];
  /** The first rows of the file, as text, for the preview. */
  previewRows: string[][];
  /** Row number (card number for vCard) of each preview row. */
  previewRowNumbers: number[];
  rowCount: number;
  /** 'Row' or 'Card', for messages. */
  rowLabel: string;
  /** Rows the parser could not read, with their spreadsheet row numbers. */
  parseErrors: { row: number; message: string }[];
  /** Fields a new sheet made from this file would get, typed from the values. */
  newSheetFields: FieldDef[];
  newSheetDateOrders: (DateOrder | undefined)[];
  /** Date format detected for each column. */
  dateDetections: DateFormatDetection[];
  decimal: DecimalMarkDetection;
  /** Description of the recognised layout (a contact export, a vCard file) and of where its values go. */
  layoutNote?: string;
  /** Cells kept as text and flagged: Excel damage, year-less birthdays. */
  flagged: FlaggedCellReport[];
  warnings: string[];
}

export interface RejectedSourceRow {
  rowNumber: number;
  reason: string;
  /** The row's text as it was in the file, for the rejected-rows download. */
  cells: string[];
}

export interface ImportPlanResult {
  kind: 'plan';
  /** Fields of the new sheet, or the columns to append to the existing one. */
  fields: FieldDef[];
  rows: Record<string, CellValue>[];
  /** Values written over existing rows of the sheet, for 'Update existing rows'. */
  updates: { rowId: string; values: Record<string, CellValue> }[];
  rejected: RejectedSourceRow[];
  /** Rows with no value in any imported column. */
  skippedEmpty: number;
  /** Rows left out because they duplicate another. */
  skippedDuplicates: number;
  /** File rows written into an existing row or merged into an earlier file row. */
  updatedRows: number;
  duplicates: DuplicateCounts;
}

export interface MatchResult {
  kind: 'matches';
  duplicates: DuplicateCounts;
}

export interface WorkerProgress {
  kind: 'progress';
  done: number;
  total: number;
}

export interface WorkerFailure {
  kind: 'error';
  message: string;
}

export type ImportWorkerResponse = FileAnalysis | ImportPlanResult | MatchResult | WorkerProgress | WorkerFailure;
