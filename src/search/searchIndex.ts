// The index behind "Search everything": one entry per row of every sheet,
// with the folded text of its text-like cells and the digits of its phones,
// and the ranking of matches. Pure functions, so the benchmark and the tests
// run the same code as the palette.
//
// Ranking: an exact cell match beats a prefix of a cell, which beats a prefix
// of a word inside a cell, which beats any other substring. At the same
// level a match in the name column ranks first, and then the row changed most
// recently. Rows of an activity log (a sheet with a link column with the
// contact role) are listed right under their customer when the customer
// matches too.

import type { RowRecord, SheetRecord } from '../db/records';
import { foldText } from '../conditions/evaluate';
import { formatCell, isEmptyCell } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef, PhoneValue } from '../fields/types';

/** Shortest digit run compared against phone numbers, so a house number does not match every phone. */
const MIN_PHONE_DIGITS = 3;

/** Most results the palette lists. */
export const MAX_SEARCH_RESULTS = 50;

const SEARCHED_TYPES = new Set<FieldDef['type']>([
  'text',
  'longText',
  'email',
  'phone',
  'url',
  'select',
  'multiSelect',
  'link',
]);

/** Match levels of a cell, higher is better. */
export const MatchLevel = { substring: 1, wordPrefix: 2, prefix: 3, exact: 4 } as const;

interface IndexedCell {
  fieldName: string;
  isName: boolean;
  /** The cell text as shown. */
  text: string;
  /** The text lower-cased without accents. */
  folded: string;
  /** `folded` with every run of other characters than letters and digits made one space, with a leading space. */
  words: string;
  /** Digits of a phone cell, typed and E.164 forms. */
  digits: string[];
}

export interface SearchEntry {
  sheetId: string;
  sheetName: string;
  rowId: string;
  /** The row's name, or its first non-empty text cell. */
  title: string;
  updatedAt: string;
  /** For a row of an activity log: the customer row it is about. */
  customer?: { sheetId: string; rowId: string };
  cells: IndexedCell[];
}

export interface SearchResult {
  entry: SearchEntry;
  level: number;
  /** The cell that matched best. */
  cell: IndexedCell;
  /** Set when the row is an activity listed under its customer's result. */
  underCustomer: boolean;
}

function toWords(folded: string): string {
  return ` ${folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
}

function phoneDigits(value: CellValue | undefined): string[] {
  if (!value || typeof value !== 'object' || !('text' in value)) return [];
  const phone = value as PhoneValue;
  return [phone.text, phone.e164 ?? ''].map((text) => text.replace(/\D/g, '')).filter(Boolean);
}

function contactField(sheet: SheetRecord): FieldDef | undefined {
  return sheet.fields.find((field) => field.role === 'contact' && field.type === 'link' && field.settings.linkSheetId);
}

/** Builds the index entry of one row. */
export function buildEntry(sheet: SheetRecord, row: RowRecord, ctx: FieldContext): SearchEntry {
  const nameField = sheet.fields.find((field) => field.role === 'name');
  const cells: IndexedCell[] = [];
  for (const field of sheet.fields) {
    if (!SEARCHED_TYPES.has(field.type)) continue;
    const value = row.values[field.id];
    if (isEmptyCell(value)) continue;
    const text = formatCell(value, field, ctx);
    if (!text) continue;
    const folded = foldText(text);
    cells.push({
      fieldName: field.name,
      isName: field === nameField,
      text,
      folded,
      words: toWords(folded),
      digits: field.type === 'phone' ? phoneDigits(value) : [],
    });
  }

  const title = (nameField && cells.find((cell) => cell.isName)?.text) || cells[0]?.text || 'Unnamed row';
  const entry: SearchEntry = {
    sheetId: sheet.id,
    sheetName: sheet.name,
    rowId: row.id,
    title,
    updatedAt: row.updatedAt,
    cells,
  };

  const link = contactField(sheet);
  const linked = link ? row.values[link.id] : undefined;
  if (link && Array.isArray(linked) && typeof linked[0] === 'string') {
    entry.customer = { sheetId: link.settings.linkSheetId!, rowId: linked[0] };
  }
  return entry;
}

/**
 * Keeps entries between rebuilds: a row whose record and sheet are the same
 * objects, or have the same update times, keeps its entry.
 */
export class SearchIndexBuilder {
  private cache = new Map<string, { rowUpdatedAt: string; sheetUpdatedAt: string; entry: SearchEntry }>();

  build(sheets: SheetRecord[], rowsBySheet: Map<string, RowRecord[]>, ctx: FieldContext): SearchEntry[] {
    const next = new Map<string, { rowUpdatedAt: string; sheetUpdatedAt: string; entry: SearchEntry }>();
    const entries: SearchEntry[] = [];
    for (const sheet of sheets) {
      for (const row of rowsBySheet.get(sheet.id) ?? []) {
        const cached = this.cache.get(row.id);
        const entry =
          cached && cached.rowUpdatedAt === row.updatedAt && cached.sheetUpdatedAt === sheet.updatedAt
            ? cached.entry
            : buildEntry(sheet, row, ctx);
        next.set(row.id, { rowUpdatedAt: row.updatedAt, sheetUpdatedAt: sheet.updatedAt, entry });
        entries.push(entry);
      }
    }
    this.cache = next;
    return entries;
  }
}

interface PreparedQuery {
  folded: string;
  words: string;
  tokens: string[];
  digits: string | null;
}

function prepareQuery(query: string): PreparedQuery | null {
  const folded = foldText(query).replace(/\s+/g, ' ');
  if (!folded) return null;
  const words = toWords(folded);
  const digits = /^[\d\s()+.\-/]+$/.test(query.trim()) ? query.replace(/\D/g, '') : '';
  return {
    folded,
    words,
    tokens: folded.split(' ').filter(Boolean),
    digits: digits.length >= MIN_PHONE_DIGITS ? digits : null,
  };
}

function textLevel(cell: IndexedCell, folded: string, words: string): number {
  if (cell.folded === folded) return MatchLevel.exact;
  if (cell.folded.startsWith(folded)) return MatchLevel.prefix;
  if (words.trim() && cell.words.includes(words)) return MatchLevel.wordPrefix;
  if (cell.folded.includes(folded)) return MatchLevel.substring;
  return 0;
}

function cellLevel(cell: IndexedCell, query: PreparedQuery): number {
  let level = textLevel(cell, query.folded, query.words);
  if (query.digits) {
    for (const digits of cell.digits) {
      const digitLevel =
        digits === query.digits
          ? MatchLevel.exact
          : digits.startsWith(query.digits)
            ? MatchLevel.prefix
            : digits.includes(query.digits)
              ? MatchLevel.substring
              : 0;
      level = Math.max(level, digitLevel);
    }
  }
  return level;
}

/** Scores a row: the best cell for the whole query, else every word matched somewhere, at the weakest word's level. */
function scoreEntry(entry: SearchEntry, query: PreparedQuery): { level: number; cell: IndexedCell } | null {
  let best: { level: number; cell: IndexedCell } | null = null;
  for (const cell of entry.cells) {
    const level = cellLevel(cell, query);
    if (level > 0 && (!best || level > best.level || (level === best.level && cell.isName && !best.cell.isName))) {
      best = { level, cell };
    }
  }
  if (best || query.tokens.length < 2) return best;

  let weakest: { level: number; cell: IndexedCell } | null = null;
  for (const token of query.tokens) {
    const tokenWords = toWords(token);
    let tokenBest: { level: number; cell: IndexedCell } | null = null;
    for (const cell of entry.cells) {
      const level = textLevel(cell, token, tokenWords);
      if (level > 0 && (!tokenBest || level > tokenBest.level)) tokenBest = { level, cell };
    }
    if (!tokenBest) return null;
    if (!weakest || tokenBest.level < weakest.level) weakest = tokenBest;
  }
  // A match spread over several cells is never an exact or prefix match of one cell.
  return weakest && { level: Math.min(weakest.level, MatchLevel.wordPrefix), cell: weakest.cell };
}

function compareResults(a: SearchResult, b: SearchResult): number {
  if (a.level !== b.level) return b.level - a.level;
  if (a.cell.isName !== b.cell.isName) return a.cell.isName ? -1 : 1;
  if (a.entry.updatedAt !== b.entry.updatedAt) return a.entry.updatedAt < b.entry.updatedAt ? 1 : -1;
  return 0;
}

function rowKey(sheetId: string, rowId: string): string {
  return `${sheetId}\u0000${rowId}`;
}

/** Returns the best matches for `query`, ranked, with activity rows placed under their matching customer. */
export function searchEntries(entries: SearchEntry[], query: string, limit = MAX_SEARCH_RESULTS): SearchResult[] {
  const prepared = prepareQuery(query);
  if (!prepared) return [];

  const matches: SearchResult[] = [];
  for (const entry of entries) {
    const score = scoreEntry(entry, prepared);
    if (score) matches.push({ entry, level: score.level, cell: score.cell, underCustomer: false });
  }
  matches.sort(compareResults);

  const matchedRows = new Set(
    matches.filter((match) => !match.entry.customer).map((match) => rowKey(match.entry.sheetId, match.entry.rowId)),
  );
  const activitiesByCustomer = new Map<string, SearchResult[]>();
  const ordered: SearchResult[] = [];
  for (const match of matches) {
    const customer = match.entry.customer;
    const key = customer ? rowKey(customer.sheetId, customer.rowId) : '';
    if (customer && matchedRows.has(key)) {
      const list = activitiesByCustomer.get(key) ?? [];
      list.push({ ...match, underCustomer: true });
      activitiesByCustomer.set(key, list);
    } else {
      ordered.push(match);
    }
  }

  const results: SearchResult[] = [];
  for (const match of ordered) {
    if (results.length >= limit) break;
    results.push(match);
    const activities = match.entry.customer
      ? undefined
      : activitiesByCustomer.get(rowKey(match.entry.sheetId, match.entry.rowId));
    for (const activity of activities ?? []) {
      if (results.length >= limit) break;
      results.push(activity);
    }
  }
  return results;
}

/** Returns the name of the customer of an activity entry, for the palette's second line. */
export function customerTitle(entry: SearchEntry, entries: Map<string, SearchEntry>): string | undefined {
  return entry.customer ? entries.get(entry.customer.rowId)?.title : undefined;
}
