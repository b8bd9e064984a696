// Shared steps for the e2e tests: starting Chromium, opening the app, and
// reading and editing the AG Grid sheet through its ARIA roles.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/** A wide viewport, so AG Grid renders most columns without horizontal scrolling. */
export const VIEWPORT = { width: 1600, height: 1000 };

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const CUSTOMERS_100_CSV = path.join(FIXTURES_DIR, 'customers-100.csv');

/** Generous wait for UI steps that touch IndexedDB or the service worker. */
const UI_TIMEOUT_MS = 20_000;

/**
 * Wait for the app's first screen after a navigation. A cold browser profile
 * on a loaded two-core machine has been seen to need more than 20 s.
 */
const APP_START_TIMEOUT_MS = 45_000;

/** Status text of the sheet view: "1 row", "100 rows" or "3 of 100 rows". */
const STATUS_PATTERN = /^\s*[\d,]+( of [\d,]+)? rows?\s*$/;

export function baseURL(): string {
  return inject('baseURL');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Launches Chromium with a profile on disk, so data survives a relaunch. */
export function launchPersistentBrowser(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    acceptDownloads: true,
  });
}

/** Opens a page in a fresh context: empty IndexedDB, no service worker. */
export async function newAppPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Records every request the context sends to a host other than this
 * machine. Tests assert the list stays empty: the app must work without any
 * network but its own origin.
 */
export function watchForeignRequests(context: BrowserContext): string[] {
  const foreign: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    const isNetwork = url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:';
    if (isNetwork && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      foreign.push(request.url());
    }
  });
  return foreign;
}

export function makeTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `kindling-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------
// App shell
// ---------------------------------------------------------------------------

export function firstRunHeading(page: Page): Locator {
  return page.getByRole('heading', { name: 'Choose a template' });
}

export function sheetTab(page: Page, name: string): Locator {
  return page.getByRole('tab', { name, exact: true });
}

/** Waits until the app shows either the first-run screen or a sheet. */
export async function waitForAppReady(page: Page): Promise<void> {
  await firstRunHeading(page)
    .or(page.getByRole('tab'))
    .first()
    .waitFor({ state: 'visible', timeout: APP_START_TIMEOUT_MS });
}

export async function openApp(page: Page, url = baseURL()): Promise<void> {
  await page.goto(url);
  await waitForAppReady(page);
}

/** Picks a template on the first-run screen and waits for its sheet tab. */
export async function chooseTemplate(page: Page, template: string, sheetName: string): Promise<void> {
  await firstRunHeading(page).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.getByRole('button', { name: template, exact: true }).click();
  await sheetTab(page, sheetName).waitFor({ timeout: UI_TIMEOUT_MS });
  await statusLocator(page).waitFor({ timeout: UI_TIMEOUT_MS });
}

/**
 * Starts a workbook from a template's preview with its sample rows, and waits
 * until the first sheet shows them.
 */
export async function startFromTemplateWithSamples(page: Page, template: string, firstSheet: string): Promise<void> {
  await page
    .getByRole('article', { name: template, exact: true })
    .getByRole('button', { name: 'Preview', exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: template });
  await dialog.getByRole('checkbox', { name: 'Include sample rows' }).check();
  await dialog.getByRole('button', { name: 'Use template', exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  await sheetTab(page, firstSheet).waitFor({ timeout: UI_TIMEOUT_MS });
  await statusLocator(page).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.locator('[role="gridcell"]').first().waitFor({ timeout: UI_TIMEOUT_MS });
}

/**
 * Returns a button of the main navigation. A string must match the whole
 * label, so a label with a badge, as in "Reminders 1 overdue", needs a RegExp.
 */
export function navButton(page: Page, name: string | RegExp): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
}

export function toolbarButton(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

/**
 * Returns the "Delete rows" button. The app may append the selection count,
 * as in "Delete rows (2)", so that suffix is accepted.
 */
export function deleteRowsButton(page: Page): Locator {
  return page.getByRole('button', { name: /^Delete rows( \(\d+\))?$/ });
}

export function searchBox(page: Page): Locator {
  return page
    .getByRole('searchbox', { name: 'Search', exact: true })
    .or(page.getByRole('textbox', { name: 'Search', exact: true }))
    .first();
}

// ---------------------------------------------------------------------------
// Status text
// ---------------------------------------------------------------------------

export function statusLocator(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: STATUS_PATTERN }).first();
}

/** Returns the status text, such as "3 of 100 rows", or null when none is shown. */
export async function readStatus(page: Page): Promise<string | null> {
  const status = statusLocator(page);
  if ((await status.count()) === 0) {
    return null;
  }
  const text = await status.textContent();
  return text === null ? null : text.trim();
}

export async function waitForStatus(page: Page, expected: string): Promise<void> {
  await expect.poll(() => readStatus(page), { timeout: UI_TIMEOUT_MS, interval: 100 }).toBe(expected);
}

/** Returns the total row count from the status text ("3 of 100 rows" gives 100). */
export async function readTotalRowCount(page: Page): Promise<number> {
  await statusLocator(page).waitFor({ timeout: UI_TIMEOUT_MS });
  const text = (await readStatus(page)) ?? '';
  const match = /([\d,]+) rows?$/.exec(text);
  if (!match?.[1]) {
    throw new Error(`Status text "${text}" does not end with a row count.`);
  }
  return Number(match[1].replace(/,/g, ''));
}

export function rowsText(count: number, total?: number): string {
  const unit = (total ?? count) === 1 ? 'row' : 'rows';
  return total === undefined ? `${count} ${unit}` : `${count} of ${total} ${unit}`;
}

// ---------------------------------------------------------------------------
// Import dialog
// ---------------------------------------------------------------------------

export function importDialog(page: Page): Locator {
  return page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Import CSV' }) });
}

/**
 * Returns the file input of the import dialog. Its accessible name starts
 * with "CSV file" and may go on with the help text inside the same label.
 */
export function csvFileInput(page: Page): Locator {
  return importDialog(page).getByLabel(/^CSV file/);
}

/**
 * Chooses a file through "Import a file" on the first-run screen. The
 * control is either a labelled `<input type="file">` or a button that opens
 * the import dialog or a file chooser, and all three are handled.
 */
export async function chooseFileOnFirstRun(page: Page, filePath: string): Promise<void> {
  await firstRunHeading(page).waitFor({ timeout: UI_TIMEOUT_MS });

  const fileInput = page.locator('input[type="file"]').and(page.getByLabel('Import a file', { exact: true }));
  if ((await fileInput.count()) > 0) {
    await fileInput.setInputFiles(filePath);
    return;
  }

  const chooserOpened = page
    .waitForEvent('filechooser', { timeout: UI_TIMEOUT_MS })
    .then((chooser) => ({ chooser }))
    .catch(() => null);
  const dialogOpened = importDialog(page)
    .waitFor({ timeout: UI_TIMEOUT_MS })
    .then(() => ({ chooser: null }))
    .catch(() => null);
  await page.getByRole('button', { name: 'Import a file', exact: true }).click();

  const opened = await Promise.race([chooserOpened, dialogOpened]);
  if (opened?.chooser) {
    await opened.chooser.setFiles(filePath);
    return;
  }
  await csvFileInput(page).setInputFiles(filePath);
}

/** Chooses a file in the import dialog opened from the toolbar's "Import" button. */
export async function chooseFileFromToolbar(page: Page, filePath: string): Promise<void> {
  await toolbarButton(page, 'Import').click();
  await importDialog(page).waitFor({ timeout: UI_TIMEOUT_MS });
  await csvFileInput(page).setInputFiles(filePath);
}

export function importRowsButton(page: Page): Locator {
  return importDialog(page).getByRole('button', { name: /^Import [\d,]+ rows?$/ });
}

/**
 * Clicks "Import N rows" in the open import dialog and waits for the summary.
 * Returns the button's label and the dialog text with the summary.
 */
export async function confirmImport(
  page: Page,
  timeoutMs = UI_TIMEOUT_MS,
): Promise<{ buttonLabel: string; summary: string }> {
  const button = importRowsButton(page);
  await button.waitFor({ timeout: UI_TIMEOUT_MS });
  const buttonLabel = ((await button.textContent()) ?? '').trim();
  await button.click();

  const dialog = importDialog(page);
  await dialog
    .getByText(/[\d,]+ added/)
    .first()
    .waitFor({ timeout: timeoutMs });
  const summary = ((await dialog.textContent()) ?? '').replace(/\s+/g, ' ');
  return { buttonLabel, summary };
}

export async function closeImportDialog(page: Page): Promise<void> {
  const dialog = importDialog(page);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/** Imports a CSV from the first-run screen and waits for the new sheet's rows. */
export async function importCsvFromFirstRun(page: Page, filePath: string, rowCount: number): Promise<string> {
  await chooseFileOnFirstRun(page, filePath);
  const { summary } = await confirmImport(page);
  await closeImportDialog(page);
  await waitForStatus(page, rowsText(rowCount));
  return summary;
}

// ---------------------------------------------------------------------------
// Grid: headers, rows and cells
// ---------------------------------------------------------------------------

function exactText(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Returns the header cell of a column, found by its visible name. */
export function columnHeader(page: Page, name: string): Locator {
  return page.locator('[role="columnheader"]').filter({
    has: page.locator('.ag-header-cell-text', { hasText: exactText(name) }),
  });
}

/**
 * Scrolls the grid horizontally, as the user does with the scroll bar. Which
 * element scrolls differs between AG Grid versions, so the first candidate
 * wider than its box is used.
 */
async function scrollGridTo(page: Page, left: number): Promise<{ left: number; max: number; width: number }> {
  const position = await page.evaluate((target) => {
    const candidates = [
      document.querySelector<HTMLElement>('.ag-body-horizontal-scroll-viewport'),
      document.querySelector<HTMLElement>('.ag-grid-viewport'),
      document.querySelector<HTMLElement>('.ag-center-cols-viewport'),
    ];
    const scroller = candidates.find((element) => element && element.scrollWidth > element.clientWidth);
    if (!scroller) {
      return { left: 0, max: 0, width: 0 };
    }
    scroller.scrollLeft = target;
    scroller.dispatchEvent(new Event('scroll'));
    return {
      left: scroller.scrollLeft,
      max: scroller.scrollWidth - scroller.clientWidth,
      width: scroller.clientWidth,
    };
  }, left);
  await waitForHeaderToSettle(page);
  return position;
}

/**
 * Waits until the set of rendered header cells has not changed for 250 ms, or
 * 3 s have passed. AG Grid renders the columns that scrolled in some frames
 * after the scroll event, later on a busy machine.
 */
async function waitForHeaderToSettle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const quietMs = 250;
    const maxWaitMs = 3_000;
    const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const renderedColumns = () =>
      [...document.querySelectorAll('[role="columnheader"]')]
        .map((header) => header.getAttribute('aria-colindex'))
        .join(',');

    const start = performance.now();
    let previous = renderedColumns();
    let changedAt = start;
    while (performance.now() - changedAt < quietMs && performance.now() - start < maxWaitMs) {
      await nextFrame();
      const current = renderedColumns();
      if (current !== previous) {
        previous = current;
        changedAt = performance.now();
      }
    }
  });
}

async function isHeaderOnScreen(page: Page, header: Locator): Promise<boolean> {
  if ((await header.count()) === 0) {
    return false;
  }
  const box = await header.first().boundingBox();
  const body = await page.getByRole('grid').first().boundingBox();
  if (!box || !body) {
    return false;
  }
  const centre = box.x + box.width / 2;
  return box.width > 0 && centre >= body.x && centre <= body.x + body.width;
}

/**
 * Scrolls until the named column is on screen and returns its aria-colindex.
 * AG Grid renders only the columns near the viewport, so a column far to the
 * right has no DOM until the grid scrolls to it.
 */
export async function ensureColumnVisible(page: Page, name: string): Promise<number> {
  const header = columnHeader(page, name);
  await page.locator('[role="columnheader"]').first().waitFor({ timeout: UI_TIMEOUT_MS });

  // A column added a moment ago may take a few frames to reach the header, so the sweep is retried.
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while (!(await isHeaderOnScreen(page, header))) {
    let position = await scrollGridTo(page, 0);
    while (!(await isHeaderOnScreen(page, header)) && position.left < position.max) {
      position = await scrollGridTo(page, position.left + Math.max(100, position.width / 2));
    }
    if (await isHeaderOnScreen(page, header)) break;
    if (Date.now() > deadline) throw new Error(`Column "${name}" not found in the grid header.`);
    await page.waitForTimeout(200);
  }
  const colIndex = await header.first().getAttribute('aria-colindex');
  return Number(colIndex);
}

/** Returns the visible column names in display order, scrolling across the grid. */
export async function readColumnNames(page: Page): Promise<string[]> {
  await page.locator('[role="columnheader"]').first().waitFor({ timeout: UI_TIMEOUT_MS });
  const byIndex = new Map<number, string>();

  const collect = async () => {
    const headers = await page.locator('[role="columnheader"]').evaluateAll((elements) =>
      elements.map((element) => ({
        index: Number(element.getAttribute('aria-colindex')),
        name: (element.querySelector('.ag-header-cell-text')?.textContent ?? '').trim(),
      })),
    );
    for (const { index, name } of headers) {
      if (name !== '') {
        byIndex.set(index, name);
      }
    }
  };

  let position = await scrollGridTo(page, 0);
  await collect();
  while (position.left < position.max) {
    position = await scrollGridTo(page, position.left + Math.max(100, position.width / 3));
    await collect();
  }
  await scrollGridTo(page, 0);

  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, name]) => name);
}

/** Returns the width in CSS pixels of a column's header cell. */
export async function readColumnWidth(page: Page, name: string): Promise<number> {
  await ensureColumnVisible(page, name);
  const box = await columnHeader(page, name).first().boundingBox();
  if (!box) {
    throw new Error(`Column "${name}" has no layout box.`);
  }
  return box.width;
}

/**
 * Returns the aria-rowindex of the data row at a display position (0 is the
 * first row below the header). AG Grid numbers header rows first.
 */
async function ariaRowIndex(page: Page, rowIndex: number): Promise<number> {
  const headerRowCount = await page
    .locator('[role="row"]:has([role="columnheader"])')
    .evaluateAll((rows) => Math.max(0, ...rows.map((row) => Number(row.getAttribute('aria-rowindex') ?? 0))));
  return headerRowCount + 1 + rowIndex;
}

/**
 * Returns the cell at a display position and column. While AG Grid animates
 * a filter or a removal, an old and a new row can share an aria-rowindex for
 * a moment, so this waits until exactly one cell matches.
 */
export async function cell(page: Page, rowIndex: number, column: string): Promise<Locator> {
  const colIndex = await ensureColumnVisible(page, column);
  const rowAriaIndex = await ariaRowIndex(page, rowIndex);
  const locator = page.locator(
    `[role="row"][aria-rowindex="${rowAriaIndex}"] [role="gridcell"][aria-colindex="${colIndex}"]`,
  );
  await expect
    .poll(() => locator.count(), {
      timeout: UI_TIMEOUT_MS,
      message: `cells in row ${rowIndex}, column "${column}"`,
    })
    .toBe(1);
  return locator;
}

/** Returns the text a cell displays. */
export async function readCell(page: Page, rowIndex: number, column: string): Promise<string> {
  const target = await cell(page, rowIndex, column);
  return ((await target.textContent()) ?? '').trim();
}

function cellEditorInput(page: Page): Locator {
  return page
    .locator('.ag-cell-inline-editing, .ag-popup-editor')
    .locator('input:not([type="checkbox"]), textarea')
    .first();
}

/** Opens a cell's editor, reads its value, and cancels the edit with Escape. */
export async function readCellEditorValue(page: Page, rowIndex: number, column: string): Promise<string> {
  const target = await cell(page, rowIndex, column);
  await target.dblclick();
  const editor = cellEditorInput(page);
  await editor.waitFor({ timeout: UI_TIMEOUT_MS });
  const value = await editor.inputValue();
  await editor.press('Escape');
  await editor.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  return value;
}

/** Edits a cell by double-clicking it, typing the value and pressing Enter. */
export async function editCell(page: Page, rowIndex: number, column: string, value: string): Promise<void> {
  const target = await cell(page, rowIndex, column);
  const before = ((await target.textContent()) ?? '').trim();
  await target.dblclick();
  const editor = cellEditorInput(page);
  await editor.waitFor({ timeout: UI_TIMEOUT_MS });
  await editor.fill(value);
  await editor.press('Enter');
  await editor.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });

  // The grid shows an edit only once IndexedDB has it, so a changed value means the write landed.
  if (value.trim() !== before) {
    await expect
      .poll(async () => ((await (await cell(page, rowIndex, column)).textContent()) ?? '').trim(), {
        timeout: UI_TIMEOUT_MS,
        message: `cell in row ${rowIndex}, column "${column}" after the edit`,
      })
      .not.toBe(before);
  }
}

/** Returns the display positions of the rendered rows whose cell in `column` reads `text`. */
export async function findRowIndexes(page: Page, column: string, text: string): Promise<number[]> {
  const colIndex = await ensureColumnVisible(page, column);
  const firstDataRow = await ariaRowIndex(page, 0);
  const indexes = await page
    .locator(`[role="row"] [role="gridcell"][aria-colindex="${colIndex}"]`)
    .evaluateAll(
      (cells, [expected, offset]) =>
        cells
          .filter((element) => (element.textContent ?? '').trim() === expected)
          .map((element) => Number(element.closest('[role="row"]')?.getAttribute('aria-rowindex')) - Number(offset)),
      [text, firstDataRow] as const,
    );
  return [...new Set(indexes)].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------
// Service worker
// ---------------------------------------------------------------------------

/**
 * Waits for the service worker to be ready and to control the page. A page
 * loaded before the worker was installed is only controlled after a reload,
 * unless the worker claims its clients, so this reloads once when needed.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (!controlled) {
    await page.reload();
    await waitForAppReady(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: UI_TIMEOUT_MS,
    });
  }
}

// ---------------------------------------------------------------------------
// Row selection and trash
// ---------------------------------------------------------------------------

/** Ticks the selection checkbox of the row at a display position. */
export async function selectRow(page: Page, rowIndex: number): Promise<void> {
  const rowAriaIndex = await ariaRowIndex(page, rowIndex);
  const checkbox = page.locator(`[role="row"][aria-rowindex="${rowAriaIndex}"]`).getByRole('checkbox').first();
  await checkbox.click();
  await expect.poll(() => checkbox.isChecked(), { timeout: UI_TIMEOUT_MS }).toBe(true);
}

/** Opens the trash dialog from the toolbar. */
export async function openTrash(page: Page): Promise<Locator> {
  await toolbarButton(page, 'Trash').click();
  const dialog = page.getByRole('dialog').last();
  await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
  return dialog;
}

/**
 * Returns the "Restore" button of the trash entry that contains `text`. An
 * entry is the largest element around a Restore button that contains no
 * other Restore button, so this works for a list, a table or plain blocks.
 */
export async function restoreButtonFor(dialog: Locator, text: string): Promise<Locator> {
  const buttons = dialog.getByRole('button', { name: /^Restore\b/ });
  await buttons.first().waitFor({ timeout: UI_TIMEOUT_MS });
  const index = await buttons.evaluateAll((elements, expectedText) => {
    const restoreButtons = new Set<Element>(elements);
    const countRestoreButtons = (element: Element) =>
      [...element.querySelectorAll('button, [role="button"]')].filter((button) => restoreButtons.has(button)).length;
    return elements.findIndex((button) => {
      let entry: Element = button;
      while (entry.parentElement && countRestoreButtons(entry.parentElement) === 1) {
        entry = entry.parentElement;
      }
      return (entry.textContent ?? '').includes(expectedText);
    });
  }, text);
  if (index < 0) {
    throw new Error(`No trash entry with a Restore button contains "${text}".`);
  }
  return buttons.nth(index);
}

export async function closeDialog(page: Page, dialog: Locator): Promise<void> {
  const close = dialog.getByRole('button', { name: 'Close', exact: true });
  if ((await close.count()) > 0) {
    await close.last().click();
  } else {
    await page.keyboard.press('Escape');
  }
  await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

export function exportDialog(page: Page): Locator {
  return page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Export', exact: true }) });
}

/** Returns the browser's local date as YYYY-MM-DD, as the export file name uses it. */
export function readBrowserDate(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  });
}

/** Downloads the current sheet as CSV and returns the file name and bytes. */
export async function downloadCsv(page: Page): Promise<{ fileName: string; bytes: Buffer }> {
  await toolbarButton(page, 'Export').click();
  const dialog = exportDialog(page);
  await dialog.waitFor({ timeout: UI_TIMEOUT_MS });

  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
    dialog.getByRole('button', { name: 'Download CSV', exact: true }).click(),
  ]);
  const filePath = await file.path();
  return { fileName: file.suggestedFilename(), bytes: readFileSync(filePath) };
}

// ---------------------------------------------------------------------------
// Column resizing and moving
// ---------------------------------------------------------------------------

/** Drags the resize handle on a header's right edge by `deltaX` pixels. */
export async function dragColumnEdge(page: Page, name: string, deltaX: number): Promise<void> {
  await ensureColumnVisible(page, name);
  const header = columnHeader(page, name).first();
  await header.hover();
  const handle = header.locator('.ag-header-cell-resize');
  const box = await handle.boundingBox();
  if (!box) {
    throw new Error(`Column "${name}" has no resize handle.`);
  }
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + deltaX / 2, y, { steps: 5 });
  await page.mouse.move(x + deltaX, y, { steps: 5 });
  await page.mouse.up();
}

/** Drags a column's header onto the left half of another column's header. */
export async function dragColumnBefore(page: Page, name: string, target: string): Promise<void> {
  await ensureColumnVisible(page, target);
  await ensureColumnVisible(page, name);
  const sourceBox = await columnHeader(page, name).first().boundingBox();
  const targetBox = await columnHeader(page, target).first().boundingBox();
  if (!sourceBox || !targetBox) {
    throw new Error(`Columns "${name}" and "${target}" must both be on screen to move one.`);
  }
  const y = sourceBox.y + sourceBox.height / 2;
  const startX = sourceBox.x + sourceBox.width / 3;
  const endX = targetBox.x + 10;
  await page.mouse.move(startX, y);
  await page.mouse.down();
  // AG Grid starts a drag only after the pointer has moved a few pixels.
  await page.mouse.move(startX - 10, y, { steps: 4 });
  await page.mouse.move(endX, y, { steps: 20 });
  await page.waitForTimeout(300);
  await page.mouse.up();
}
