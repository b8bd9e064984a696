// Keeps the "Search everything" index in memory while the palette is open:
// a Dexie liveQuery reads every sheet and its rows, and each change rebuilds
// only the entries of rows that changed.

import { liveQuery } from 'dexie';

import { listRows, listSheets, type RowRecord } from '../db';
import type { FieldContext } from '../fields/types';
import { buildLinkLookup } from '../grid/useLinkLookup';
import { SearchIndexBuilder, type SearchEntry } from './searchIndex';

/** Calls `onChange` with the index now and after every change to sheets or rows. Returns a stop function. */
export function watchSearchIndex(
  settings: FieldContext,
  onChange: (entries: SearchEntry[]) => void,
  onError: (error: unknown) => void,
): () => void {
  const builder = new SearchIndexBuilder();
  const subscription = liveQuery(async () => {
    const sheets = await listSheets();
    const rowsBySheet = new Map<string, RowRecord[]>();
    for (const sheet of sheets) rowsBySheet.set(sheet.id, await listRows(sheet.id));
    return { sheets, rowsBySheet };
  }).subscribe({
    next: ({ sheets, rowsBySheet }) => {
      const links = buildLinkLookup(
        sheets.map((sheet) => ({ sheet, rows: rowsBySheet.get(sheet.id) ?? [] })),
        settings,
      );
      onChange(builder.build(sheets, rowsBySheet, { ...settings, links }));
    },
    error: onError,
  });
  return () => subscription.unsubscribe();
}
