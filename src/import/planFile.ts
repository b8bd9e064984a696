// Plans an import of a loaded file: resolves the target fields, reads every
// row with the column choices, and handles duplicates. The import worker runs
// it in chunks with progress; tests call it directly.

import type { FieldDef } from '../fields/types';
import type { LoadedFile } from './analyseFile';
import {
  buildImportPlan,
  planNewSheetFromCsv,
  resolveMapping,
  withoutFormulaGuard,
  type ImportTargets,
} from './csv/plan';
import { keyFieldsOf, resolveDuplicates } from './duplicates';
import { applyNewSheetChoices } from './planNewSheet';
import type { ImportPlanResult, MatchRequest, PlanRequest } from './protocol';

/** Rows planned between two progress messages. */
const ROWS_PER_PROGRESS_STEP = 5000;

type PlanInput = Omit<PlanRequest, 'kind'> | (Omit<MatchRequest, 'kind'> & { duplicateMode?: undefined });

function resolveTargets(
  request: PlanInput,
  file: LoadedFile,
): { targets: ImportTargets; fields: FieldDef[]; keyFieldSource: (FieldDef | null)[] } {
  const { parsed } = file;
  const columnValues = (column: number) => parsed.rows.map((row) => withoutFormulaGuard(row[column] ?? ''));
  const common = { dateOrders: request.dateOrders, readings: request.readings };

  if (request.target.kind === 'newSheet') {
    const analysis = file.newSheet ?? planNewSheetFromCsv(parsed.headers, parsed.rows, request.ctx);
    const columns = applyNewSheetChoices(analysis.fields, request.target.columns, columnValues);
    return {
      targets: { columns, ...common },
      fields: columns.filter((field): field is FieldDef => field !== null),
      keyFieldSource: columns,
    };
  }

  const { targets, newFields } = resolveMapping(request.target.mapping, request.target.fields, parsed, request.ctx);
  return { targets: { ...targets, ...common }, fields: newFields, keyFieldSource: request.target.fields };
}

/**
 * Plans the import of every row. Without a duplicate mode (a match request)
 * duplicates are only counted. `onProgress` is called after each chunk of rows.
 */
export function planFile(
  file: LoadedFile,
  request: PlanInput,
  onProgress?: (done: number, total: number) => void,
): ImportPlanResult {
  const { parsed } = file;
  const { targets, fields, keyFieldSource } = resolveTargets(request, file);
  const rowIndexByNumber = new Map(parsed.rowNumbers.map((rowNumber, index) => [rowNumber, index]));

  const records: ImportPlanResult['rows'] = [];
  const rejected: ImportPlanResult['rejected'] = [];
  let skippedEmpty = 0;

  for (let start = 0; start < parsed.rows.length; start += ROWS_PER_PROGRESS_STEP) {
    const end = Math.min(start + ROWS_PER_PROGRESS_STEP, parsed.rows.length);
    const chunk = buildImportPlan(
      {
        headers: parsed.headers,
        rows: parsed.rows.slice(start, end),
        rowNumbers: parsed.rowNumbers.slice(start, end),
        errors: parsed.errors,
        flagged: file.flagged,
        rowLabel: file.rowLabel,
      },
      targets,
      request.ctx,
    );
    for (const record of chunk.added) records.push(record.values);
    for (const row of chunk.rejected) {
      rejected.push({ ...row, cells: parsed.rows[rowIndexByNumber.get(row.rowNumber) ?? -1] ?? [] });
    }
    skippedEmpty += chunk.skippedEmpty.length;
    onProgress?.(end, parsed.rows.length);
  }

  const outcome = resolveDuplicates(
    records,
    keyFieldsOf(keyFieldSource),
    request.existing,
    request.duplicateMode ?? 'add',
  );
  return {
    kind: 'plan',
    fields,
    rows: outcome.added,
    updates: [...outcome.updates].map(([rowId, values]) => ({ rowId, values })),
    rejected,
    skippedEmpty,
    skippedDuplicates: outcome.skippedRows,
    updatedRows: outcome.updatedRows,
    duplicates: outcome.counts,
  };
}
