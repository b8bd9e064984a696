// Splits decoded CSV text into a header and rows of text with PapaParse.
// Every value stays the text found in the file, because the field modules
// convert it to a field's type later, column by column.

import Papa from 'papaparse';

export type LineEnding = '\r\n' | '\n' | '\r';

/** A problem in one row of the file. */
export interface CsvRowError {
  /**
   * Row number as a spreadsheet shows the file: the first line of the file is
   * row 1, and a quoted value with line breaks does not start a new row.
   */
  row: number;
  message: string;
}

export interface ParsedCsv {
  /** Column names: trimmed, blanks named "Column N", duplicates numbered. */
  headers: string[];
  /** Data rows without blank rows, each exactly as long as `headers`. */
  rows: string[][];
  /** The spreadsheet row number of each entry in `rows`, for messages. */
  rowNumbers: number[];
  delimiter: string;
  lineEnding: LineEnding;
  errors: CsvRowError[];
}

export interface ParseCsvOptions {
  /** Delimiter to use instead of detecting one. */
  delimiter?: string;
}

/** Delimiters tried by detection, in order of preference when tied. */
export const CANDIDATE_DELIMITERS: readonly string[] = [',', ';', '\t', '|'];

/** Records read from the start of the file to detect the delimiter. */
const DETECTION_SAMPLE_RECORDS = 10;

/** True for a record whose values are all empty or whitespace. */
function isBlankRecord(record: readonly string[]): boolean {
  return record.every((value) => value.trim() === '');
}

function sampleColumnCounts(text: string, delimiter: string): number[] {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    preview: DETECTION_SAMPLE_RECORDS,
    skipEmptyLines: 'greedy',
  });
  return result.data.map((record) => record.length);
}

function guessDelimiterWithPapa(text: string): string | undefined {
  const result = Papa.parse<string[]>(text, {
    delimitersToGuess: [...CANDIDATE_DELIMITERS],
    preview: DETECTION_SAMPLE_RECORDS,
    skipEmptyLines: 'greedy',
  });
  const failed = result.errors.some((error) => error.code === 'UndetectableDelimiter');
  return failed ? undefined : result.meta.delimiter;
}

/**
 * Detects the delimiter among `,` `;` tab and `|`. A candidate qualifies when
 * it splits the header into more than one column and every one of the first
 * ten records into the same number of columns as the header. Among those, the
 * one with the most columns wins. Ties go to PapaParse's guess, then to the
 * order of CANDIDATE_DELIMITERS. When no candidate qualifies, the result is
 * PapaParse's guess if it splits the header, else the candidate that matches
 * the header on most records, else ','.
 */
export function detectDelimiter(text: string): string {
  const papaGuess = guessDelimiterWithPapa(text);

  const candidates = CANDIDATE_DELIMITERS.map((delimiter) => {
    const counts = sampleColumnCounts(text, delimiter);
    const headerCount = counts[0] ?? 0;
    const matching = counts.filter((count) => count === headerCount).length;
    return { delimiter, headerCount, matchShare: counts.length === 0 ? 0 : matching / counts.length };
  }).filter((candidate) => candidate.headerCount > 1);

  const consistent = candidates.filter((candidate) => candidate.matchShare === 1);
  if (consistent.length > 0) {
    const maxColumns = Math.max(...consistent.map((candidate) => candidate.headerCount));
    const best = consistent.filter((candidate) => candidate.headerCount === maxColumns);
    const guessed = best.find((candidate) => candidate.delimiter === papaGuess);
    return (guessed ?? best[0]!).delimiter;
  }

  if (papaGuess !== undefined && candidates.some((c) => c.delimiter === papaGuess)) {
    return papaGuess;
  }

  const closest = [...candidates].sort((a, b) => b.matchShare - a.matchShare)[0];
  return closest?.delimiter ?? ',';
}

/**
 * Cleans raw header cells: trims them, names blank ones "Column N" (N counts
 * from 1), and appends " (2)", " (3)" and so on to repeated names, comparing
 * names without regard to case.
 */
export function normaliseHeaderNames(raw: readonly string[]): string[] {
  const used = new Set<string>();
  return raw.map((cell, index) => {
    const base = cell.trim() === '' ? `Column ${index + 1}` : cell.trim();
    let name = base;
    for (let copy = 2; used.has(name.toLowerCase()); copy++) {
      name = `${base} (${copy})`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

function quoteList(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

function describePapaError(error: Papa.ParseError): string {
  const sentence = error.message.charAt(0).toLowerCase() + error.message.slice(1);
  return error.row === undefined ? error.message : `Row ${error.row + 1}: ${sentence}`;
}

/**
 * Parses CSV text into headers and rows of text. The first non-blank record is
 * the header. Quoted values may contain delimiters, line breaks and doubled
 * quotes. Blank records (only empty or whitespace values, as PapaParse's
 * skipEmptyLines: 'greedy' defines them) are left out, including trailing
 * blank lines.
 *
 * Rows shorter than the header are padded with ''. Extra values beyond the
 * header are dropped from `rows` and, unless they are all blank, reported in
 * `errors` with the row number and the values, so the import can reject that
 * row rather than lose data quietly.
 */
export function parseCsvText(text: string, options: ParseCsvOptions = {}): ParsedCsv {
  const delimiter = options.delimiter || detectDelimiter(text);

  // Blank records are removed below rather than by PapaParse, because its
  // skipEmptyLines shifts record indexes and the row numbers in messages must
  // match what a spreadsheet shows.
  const result = Papa.parse<string[]>(text, {
    delimiter,
    dynamicTyping: false,
    skipEmptyLines: false,
    header: false,
  });

  const errors: CsvRowError[] = result.errors
    .filter((error) => error.type !== 'Delimiter')
    .map((error) => ({ row: error.row === undefined ? 0 : error.row + 1, message: describePapaError(error) }));

  const records = result.data;
  const headerIndex = records.findIndex((record) => !isBlankRecord(record));
  const lineEnding = result.meta.linebreak as LineEnding;
  if (headerIndex === -1) {
    return { headers: [], rows: [], rowNumbers: [], delimiter, lineEnding, errors };
  }

  const headers = normaliseHeaderNames(records[headerIndex]!);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];

  for (let index = headerIndex + 1; index < records.length; index++) {
    const record = records[index]!;
    if (isBlankRecord(record)) continue;

    const rowNumber = index + 1;
    const extra = record.slice(headers.length);
    if (extra.some((value) => value.trim() !== '')) {
      errors.push({
        row: rowNumber,
        message:
          `Row ${rowNumber} has ${record.length} values but the header has ${headers.length} columns. ` +
          `Extra values: ${quoteList(extra)}`,
      });
    }

    const row = record.slice(0, headers.length);
    while (row.length < headers.length) row.push('');
    rows.push(row);
    rowNumbers.push(rowNumber);
  }

  errors.sort((a, b) => a.row - b.row);
  return { headers, rows, rowNumbers, delimiter, lineEnding, errors };
}
