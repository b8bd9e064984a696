// Any file a user picks must end in rows or rejected rows, never in an
// unhandled exception: random bytes and random text go through the import's
// decode, parse and plan steps.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultFieldContext } from '../../../src/fields/registry';
import { SUPPORTED_ENCODINGS, decodeCsvBytes } from '../../../src/import/csv/decode';
import { parseCsvText } from '../../../src/import/csv/parse';
import { buildImportPlan, planNewSheetFromCsv } from '../../../src/import/csv/plan';
import { ALL_FIELDS } from './arbitraries';

/** Runs decode, parse and both plans, and returns how many rows were added, rejected and skipped. */
function importBytes(bytes: Uint8Array, encoding?: string) {
  const decoded = decodeCsvBytes(bytes, encoding);
  const parsed = parseCsvText(decoded.text);
  const newSheet = planNewSheetFromCsv(parsed.headers, parsed.rows, defaultFieldContext);
  const intoNewSheet = buildImportPlan(parsed, { columns: newSheet.fields }, defaultFieldContext);
  const columns = parsed.headers.map((_, index) => ALL_FIELDS[index % ALL_FIELDS.length] ?? null);
  const intoTypedSheet = buildImportPlan(parsed, { columns }, defaultFieldContext);
  return { parsed, intoNewSheet, intoTypedSheet };
}

/** Bytes that look like CSV: delimiters, quotes and line breaks mixed with any other byte. */
const csvLikeBytes = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ...[',', ';', '\t', '"', '\r', '\n', '\r\n', "'=", '|'].map((text) => new TextEncoder().encode(text)),
      ),
      fc.uint8Array({ minLength: 1, maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 6 }).map((text) => new TextEncoder().encode(text)),
    ),
    { maxLength: 60 },
  )
  .map((chunks) => Uint8Array.from(chunks.flatMap((chunk) => [...chunk])));

describe('import of arbitrary bytes', () => {
  test('random bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(() => importBytes(bytes)).not.toThrow();
      }),
    );
  });

  test('CSV-like bytes keep every row', () => {
    fc.assert(
      fc.property(csvLikeBytes, (bytes) => {
        const { parsed, intoNewSheet, intoTypedSheet } = importBytes(bytes);
        for (const plan of [intoNewSheet, intoTypedSheet]) {
          const accounted = plan.added.length + plan.rejected.length + plan.skippedEmpty.length;
          expect(accounted, 'rows added, rejected or skipped').toBe(parsed.rows.length);
        }
        // A new sheet falls back to text for any column its type cannot read, so no row is rejected for a value.
        const valueRejections = intoNewSheet.rejected.filter(
          (row) => !parsed.errors.some((error) => error.row === row.rowNumber),
        );
        expect(valueRejections).toEqual([]);
      }),
    );
  });

  test('any chosen encoding never throws', () => {
    const encodings = SUPPORTED_ENCODINGS.map((choice) => choice.value);
    fc.assert(
      fc.property(csvLikeBytes, fc.constantFrom(...encodings), (bytes, encoding) => {
        expect(() => importBytes(bytes, encoding)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
