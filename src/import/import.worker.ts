// The import worker: decodes and parses a file, proposes a new sheet's
// fields, and turns every row into typed values. It keeps the parsed file
// between messages so the page sends the bytes once.

/// <reference lib="webworker" />
import { decodeCsvBytes, looksLikeBinary } from './csv/decode';
import { parseCsvText, type ParsedCsv } from './csv/parse';
import {
  buildImportPlan,
  planNewSheetFromCsv,
  resolveMapping,
  withoutFormulaGuard,
  type ImportTargets,
} from './csv/plan';
import { applyNewSheetChoices } from './planNewSheet';
import type {
  AnalyseRequest,
  FileAnalysis,
  ImportPlanResult,
  ImportWorkerRequest,
  ImportWorkerResponse,
  PlanRequest,
} from './protocol';
import { loadDateLocale } from '../fields/dateLocale';
import { loadPhoneLibrary } from '../fields/phoneLibrary';
import type { FieldDef } from '../fields/types';

declare const self: DedicatedWorkerGlobalScope;

/** Rows shown in the preview table. */
const PREVIEW_ROW_COUNT = 8;

/** Rows planned between two progress messages. */
const ROWS_PER_PROGRESS_STEP = 5000;

let parsed: ParsedCsv | null = null;
/** The new-sheet plan made by the last analysis, reused by the import so values are not inferred twice. */
let newSheetPlan: ReturnType<typeof planNewSheetFromCsv> | null = null;

function post(message: ImportWorkerResponse): void {
  self.postMessage(message);
}

function analyse(request: AnalyseRequest): FileAnalysis {
  const decoded = decodeCsvBytes(new Uint8Array(request.bytes), request.encoding);
  if (looksLikeBinary(decoded.text)) {
    throw new Error(
      'it does not look like a text file, because it contains binary data. ' +
        'Save the sheet as CSV from your spreadsheet program and choose that file.',
    );
  }
  parsed = parseCsvText(decoded.text, request.delimiter ? { delimiter: request.delimiter } : {});
  const newSheet = planNewSheetFromCsv(parsed.headers, parsed.rows, request.ctx);
  newSheetPlan = newSheet;

  return {
    kind: 'analysis',
    encoding: decoded.encoding,
    hadBom: decoded.hadBom,
    delimiter: parsed.delimiter,
    headers: parsed.headers,
    previewRows: parsed.rows.slice(0, PREVIEW_ROW_COUNT),
    rowCount: parsed.rows.length,
    parseErrors: parsed.errors,
    newSheetFields: newSheet.fields,
    newSheetDateOrders: newSheet.dateOrders,
    warnings: newSheet.warnings,
  };
}

function resolveTargets(request: PlanRequest, file: ParsedCsv): { targets: ImportTargets; fields: FieldDef[] } {
  const columnValues = (column: number) => file.rows.map((row) => withoutFormulaGuard(row[column] ?? ''));

  if (request.target.kind === 'newSheet') {
    const analysis = newSheetPlan ?? planNewSheetFromCsv(file.headers, file.rows, request.ctx);
    const columns = applyNewSheetChoices(analysis.fields, request.target.columns, columnValues);
    return {
      targets: { columns, dateOrders: request.dateOrders },
      fields: columns.filter((field): field is FieldDef => field !== null),
    };
  }

  const { targets, newFields } = resolveMapping(request.target.mapping, request.target.fields, file, request.ctx);
  return { targets: { ...targets, dateOrders: request.dateOrders }, fields: newFields };
}

function plan(request: PlanRequest): ImportPlanResult {
  const file = parsed;
  if (!file) throw new Error('The file is no longer loaded. Choose it again.');

  const { targets, fields } = resolveTargets(request, file);
  const result: ImportPlanResult = { kind: 'plan', fields, rows: [], rejected: [], skipped: 0 };
  const rowIndexByNumber = new Map(file.rowNumbers.map((rowNumber, index) => [rowNumber, index]));

  for (let start = 0; start < file.rows.length; start += ROWS_PER_PROGRESS_STEP) {
    const end = Math.min(start + ROWS_PER_PROGRESS_STEP, file.rows.length);
    const chunk = buildImportPlan(
      {
        headers: file.headers,
        rows: file.rows.slice(start, end),
        rowNumbers: file.rowNumbers.slice(start, end),
        errors: file.errors,
      },
      targets,
      request.ctx,
    );
    for (const record of chunk.added) result.rows.push(record.values);
    for (const rejected of chunk.rejected) {
      const cells = file.rows[rowIndexByNumber.get(rejected.rowNumber) ?? -1] ?? [];
      result.rejected.push({ ...rejected, cells });
    }
    result.skipped += chunk.skippedEmpty.length;
    post({ kind: 'progress', done: end, total: file.rows.length });
  }
  return result;
}

self.onmessage = async (event: MessageEvent<ImportWorkerRequest>) => {
  try {
    await Promise.all([loadPhoneLibrary(), loadDateLocale(event.data.ctx.locale)]);
    post(event.data.kind === 'analyse' ? analyse(event.data) : plan(event.data));
  } catch (error) {
    console.error('Import worker failed', error);
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
