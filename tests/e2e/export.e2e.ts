import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CUSTOMERS_100_CSV,
  chooseTemplate,
  downloadCsv,
  editCell,
  findRowIndexes,
  importCsvFromFirstRun,
  openApp,
  readBrowserDate,
  readTotalRowCount,
  rowsText,
  toolbarButton,
  waitForStatus,
} from './helpers';
import { freshPagePerTest } from './session';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const fixture = Papa.parse<string[]>(readFileSync(CUSTOMERS_100_CSV, 'utf8'), { skipEmptyLines: true });
const [fixtureHeader = [], ...fixtureRows] = fixture.data;

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Maps an exported value back to the imported one for comparison. A value
 * that starts like a formula, such as the phone "+1-813-324-8756", must be
 * written with a leading apostrophe. Without it the value is marked so the
 * row comparison fails on it.
 */
function withoutFormulaGuard(exported: string, original: string): string {
  if (!FORMULA_START.test(original)) {
    return exported;
  }
  return exported === `'${original}` ? original : `${exported} (expected a leading apostrophe)`;
}

let page: Page;
freshPagePerTest(async (opened) => {
  page = opened;
});

function decode(bytes: Buffer): string {
  return bytes.subarray(UTF8_BOM.length).toString('utf8');
}

describe('CSV export', () => {
  test('imported sheet exports the same rows', async () => {
    await openApp(page);
    await importCsvFromFirstRun(page, CUSTOMERS_100_CSV, 100);

    const dateBefore = await readBrowserDate(page);
    const { fileName, bytes } = await downloadCsv(page);
    const dateAfter = await readBrowserDate(page);

    expect([`customers-100 ${dateBefore}.csv`, `customers-100 ${dateAfter}.csv`]).toContain(fileName);
    expect(bytes.subarray(0, 3).equals(UTF8_BOM)).toBe(true);

    const text = decode(bytes);
    expect(text).toContain('\r\n');
    expect(text, 'line feeds without a carriage return').not.toMatch(/(?<!\r)\n/);
    expect(text.split('\r\n')[0]).toBe(fixtureHeader.join(','));

    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(fixtureHeader);
    expect(rows).toHaveLength(fixtureRows.length);

    const comparable = rows.map((row, rowIndex) =>
      row.map((value, columnIndex) => withoutFormulaGuard(value, fixtureRows[rowIndex]?.[columnIndex] ?? '')),
    );
    expect(comparable).toEqual(fixtureRows);
  });

  test('formula-like cells get an apostrophe', async () => {
    await openApp(page);
    await chooseTemplate(page, 'Simple client list', 'Clients');
    const initialRows = await readTotalRowCount(page);
    await toolbarButton(page, 'Add row').click();
    await waitForStatus(page, rowsText(initialRows + 1));
    await page.keyboard.press('Escape');

    const emptyRows = await findRowIndexes(page, 'Name', '');
    expect(emptyRows.length, 'rows with an empty Name').toBeGreaterThan(0);
    const newRow = emptyRows[0]!;
    await editCell(page, newRow, 'Name', '=1+2');
    await editCell(page, newRow, 'Company', '@SUM(A1:A2)');

    const { fileName, bytes } = await downloadCsv(page);
    expect(fileName).toMatch(/^Clients \d{4}-\d{2}-\d{2}\.csv$/);

    const parsed = Papa.parse<Record<string, string>>(decode(bytes), { header: true, skipEmptyLines: true });
    const row = parsed.data.find((candidate) => candidate['Name']?.includes('=1+2'));
    expect(row?.['Name']).toBe("'=1+2");
    expect(row?.['Company']).toBe("'@SUM(A1:A2)");
  });
});
