// Messages between the import dialog and the import worker. Parsing and
// planning run in the worker so a large file never freezes the page; the
// worker keeps the parsed file between messages, so it crosses only once.

import type { CellValue, DateOrder, FieldContext, FieldDef, FieldType } from '../fields/types';
import type { MappingPlan } from './csv/mapping';

export interface AnalyseRequest {
  kind: 'analyse';
  bytes: ArrayBuffer;
  /** TextDecoder label chosen by the user, or undefined to detect. */
  encoding?: string;
  /** Delimiter chosen by the user, or undefined to detect. */
  delimiter?: string;
  ctx: FieldContext;
}

/** Choice for one column of a new sheet: skipped, or kept with a type. */
export type NewSheetColumnChoice = { keep: false } | { keep: true; type: FieldType };

export interface PlanRequest {
  kind: 'plan';
  ctx: FieldContext;
  /** Date order per source column, overriding the workbook's. */
  dateOrders: (DateOrder | undefined)[];
  target:
    | { kind: 'newSheet'; columns: NewSheetColumnChoice[] }
    | { kind: 'existingSheet'; fields: FieldDef[]; mapping: MappingPlan };
}

export type ImportWorkerRequest = AnalyseRequest | PlanRequest;

export interface FileAnalysis {
  kind: 'analysis';
  encoding: string;
  hadBom: boolean;
  delimiter: string;
  headers: string[];
  /** The first rows of the file, as text, for the preview. */
  previewRows: string[][];
  rowCount: number;
  /** Rows the parser could not read, with their spreadsheet row numbers. */
  parseErrors: { row: number; message: string }[];
  /** Fields a new sheet made from this file would get, typed from the values. */
  newSheetFields: FieldDef[];
  newSheetDateOrders: (DateOrder | undefined)[];
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
  rejected: RejectedSourceRow[];
  skipped: number;
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

export type ImportWorkerResponse = FileAnalysis | ImportPlanResult | WorkerProgress | WorkerFailure;
