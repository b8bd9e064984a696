/* global fetch, performance, window */
// The baseline the app's CSV import is compared with: parse the text with
// PapaParse into header-keyed objects and store them with one Dexie bulkAdd
// in a scratch database. No type inference, mapping or validation, so this is
// close to the least work any import of the same file must do.

import Dexie from 'dexie';
import Papa from 'papaparse';

let runCount = 0;

/**
 * Fetches the CSV at `url`, then times parse and insert. Returns times in
 * milliseconds and the number of rows stored.
 */
async function runBaseline(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`Failed to fetch ${url}: HTTP ${response.status}`);
  }
  const text = await response.text();

  runCount += 1;
  const databaseName = `kindling-baseline-${Date.now()}-${runCount}`;
  const database = new Dexie(databaseName);
  database.version(1).stores({ rows: '++id' });
  await database.open();

  const start = performance.now();
  const parsed = Papa.parse(text, { header: true, skipEmptyLines: true });
  const parsedAt = performance.now();
  await database.table('rows').bulkAdd(parsed.data);
  const storedAt = performance.now();

  const storedRows = await database.table('rows').count();
  database.close();
  await Dexie.delete(databaseName);

  return {
    parseMs: parsedAt - start,
    insertMs: storedAt - parsedAt,
    totalMs: storedAt - start,
    storedRows,
    parseErrors: parsed.errors.length,
  };
}

window.runBaseline = runBaseline;
window.baselineReady = true;
