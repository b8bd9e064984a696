// Reads a chosen file into a table for the import dialog: CSV (with Google
// and Outlook contact exports turned into the contact table) or vCard. It
// finds Excel damage, date formats and the decimal mark, and plans the fields
// a new sheet would get. The import worker runs it; tests call it directly.

import type { FieldContext } from '../fields/types';
import { parseVCards, looksLikeVCard } from '../vcard/parse';
import { contactLayoutToTable, detectContactLayout } from './contacts/contactLayouts';
import { CONTACT_TABLE_OVERFLOW_NOTE, contactsToTable } from './contacts/contactTable';
import { decodeCsvBytes, looksLikeBinary } from './csv/decode';
import { parseCsvText, type ParsedCsv } from './csv/parse';
import { planNewSheetFromCsv, withoutFormulaGuard, type NewSheetPlan } from './csv/plan';
import { detectDateFormat, type DateFormatDetection } from './dateFormats';
import { detectDecimalMark } from './decimalMark';
import { findExcelDamage } from './excelDamage';
import type { FileAnalysis, FlaggedCellReport } from './protocol';

/** Rows shown in the preview table. */
const PREVIEW_ROW_COUNT = 8;

const NUMERIC_TYPES = new Set(['number', 'currency', 'percent']);

/** A file read into rows, as the worker keeps it between messages. */
export interface LoadedFile {
  parsed: ParsedCsv;
  rowLabel: string;
  /** Flagged columns by row number. */
  flagged: Map<number, Set<number>>;
  newSheet: NewSheetPlan;
}

export interface AnalyseInput {
  bytes: Uint8Array;
  fileName: string;
  encoding?: string;
  delimiter?: string;
  ctx: FieldContext;
}

function isVCardName(fileName: string): boolean {
  return /\.(vcf|vcard)$/i.test(fileName);
}

interface Table {
  parsed: ParsedCsv;
  source: 'csv' | 'vcard';
  rowLabel: string;
  layoutNote?: string;
  flagged: FlaggedCellReport[];
  warnings: string[];
}

function readVCardTable(text: string): Table {
  const { contacts, problems } = parseVCards(text);
  if (contacts.length === 0) throw new Error('it contains no vCard (no BEGIN:VCARD line was found).');

  const table = contactsToTable(contacts);
  const rowNumbers = contacts.map((_, index) => index + 1);
  return {
    parsed: { headers: table.headers, rows: table.rows, rowNumbers, delimiter: '', lineEnding: '\n', errors: [] },
    source: 'vcard',
    rowLabel: 'Card',
    layoutNote: `Read ${contacts.length} ${contacts.length === 1 ? 'card' : 'cards'} from a vCard file into the columns below. ${CONTACT_TABLE_OVERFLOW_NOTE} Photos are not imported.`,
    flagged: table.flagged.map((cell) => ({
      rowNumber: rowNumbers[cell.row]!,
      column: cell.column,
      value: table.rows[cell.row]?.[cell.column] ?? '',
      reason: cell.reason,
    })),
    warnings: problems.map((problem) => `Card ${problem.card}, line ${problem.line}: ${problem.message}.`),
  };
}

function readCsvTable(text: string, delimiter: string | undefined): Table {
  const parsed = parseCsvText(text, delimiter ? { delimiter } : {});
  const layout = detectContactLayout(parsed.headers);
  const flagged: FlaggedCellReport[] = [];
  let layoutNote: string | undefined;

  if (layout) {
    const table = contactLayoutToTable(layout, parsed.headers, parsed.rows);
    parsed.headers = table.headers;
    parsed.rows = table.rows;
    layoutNote = table.note;
    for (const cell of table.flagged) {
      flagged.push({
        rowNumber: parsed.rowNumbers[cell.row]!,
        column: cell.column,
        value: table.rows[cell.row]?.[cell.column] ?? '',
        reason: cell.reason,
      });
    }
  }

  for (const cell of findExcelDamage(parsed.headers, parsed.rows)) {
    flagged.push({
      rowNumber: parsed.rowNumbers[cell.row]!,
      column: cell.column,
      value: cell.value,
      reason: cell.reason,
    });
  }
  return { parsed, source: 'csv', rowLabel: 'Row', layoutNote, flagged, warnings: [] };
}

/** Blanks flagged cells, so type inference and format detection see only trustworthy values. */
function withoutFlagged(rows: readonly string[][], rowNumbers: readonly number[], flagged: Map<number, Set<number>>) {
  return rows.map((row, index) => {
    const columns = flagged.get(rowNumbers[index]!);
    return columns ? row.map((value, column) => (columns.has(column) ? '' : value)) : row;
  });
}

/**
 * Turns a date-like column into a date column when its format was detected:
 * Excel serial numbers (inferred as numbers) and month-first dates written
 * with dots (which the date module reads day first, so inference kept text).
 */
function applyDateDetections(newSheet: NewSheetPlan, detections: DateFormatDetection[]): void {
  newSheet.fields.forEach((field, column) => {
    const detection = detections[column]!;
    const hasFormat = detection.format !== undefined || detection.ambiguous;
    if (!hasFormat || field.type === 'date' || field.type === 'dateTime') return;
    if (field.type === 'number' || field.type === 'text') {
      field.type = 'date';
      field.settings = {};
      newSheet.warnings = newSheet.warnings.filter((warning) => !warning.startsWith(`${JSON.stringify(field.name)}:`));
    }
  });
}

/** Reads, checks and plans a file; returns what the worker keeps and what the dialog shows. */
export function analyseFile(input: AnalyseInput): { loaded: LoadedFile; analysis: FileAnalysis } {
  const decoded = decodeCsvBytes(input.bytes, input.encoding);
  if (looksLikeBinary(decoded.text)) {
    throw new Error(
      'it does not look like a text file, because it contains binary data. ' +
        'Save the sheet as CSV from your spreadsheet program and choose that file.',
    );
  }

  const vcard = isVCardName(input.fileName) || looksLikeVCard(decoded.text);
  const table = vcard ? readVCardTable(decoded.text) : readCsvTable(decoded.text, input.delimiter);
  const { parsed } = table;

  const flaggedByRow = new Map<number, Set<number>>();
  for (const cell of table.flagged) {
    const columns = flaggedByRow.get(cell.rowNumber) ?? new Set<number>();
    columns.add(cell.column);
    flaggedByRow.set(cell.rowNumber, columns);
  }

  const trusted = withoutFlagged(parsed.rows, parsed.rowNumbers, flaggedByRow);
  const newSheet = planNewSheetFromCsv(parsed.headers, trusted, input.ctx);
  const columnValues = (column: number) => trusted.map((row) => withoutFormulaGuard(row[column] ?? ''));
  const dateDetections = parsed.headers.map((header, column) => detectDateFormat(columnValues(column), header));
  applyDateDetections(newSheet, dateDetections);

  const numericColumns = newSheet.fields
    .map((field, column) => ({ field, column }))
    .filter(({ field }) => NUMERIC_TYPES.has(field.type))
    .map(({ field, column }) => ({ header: field.name, values: columnValues(column) }));
  const decimal = detectDecimalMark(numericColumns, parsed.delimiter, input.ctx.locale);

  const analysis: FileAnalysis = {
    kind: 'analysis',
    source: table.source,
    encoding: decoded.encoding,
    hadBom: decoded.hadBom,
    delimiter: parsed.delimiter,
    headers: parsed.headers,
    previewRows: parsed.rows.slice(0, PREVIEW_ROW_COUNT),
    previewRowNumbers: parsed.rowNumbers.slice(0, PREVIEW_ROW_COUNT),
    rowCount: parsed.rows.length,
    rowLabel: table.rowLabel,
    parseErrors: parsed.errors,
    newSheetFields: newSheet.fields,
    newSheetDateOrders: newSheet.dateOrders,
    dateDetections,
    decimal,
    layoutNote: table.layoutNote,
    flagged: table.flagged.sort((a, b) => a.rowNumber - b.rowNumber || a.column - b.column),
    // The dialog requests the format of ambiguous date columns itself, so the planner's note is left out.
    warnings: [...table.warnings, ...newSheet.warnings.filter((warning) => !warning.startsWith('Ambiguous dates'))],
  };
  return { loaded: { parsed, rowLabel: table.rowLabel, flagged: flaggedByRow, newSheet }, analysis };
}
