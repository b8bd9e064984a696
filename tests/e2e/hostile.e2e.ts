// Cell text is data, never markup. Values that look like HTML, script or
// javascript: links, very long strings, right-to-left text, emoji, zero-width
// and combining characters go in through paste, edit and import. They must
// show as text, with no dialog, no element built from them, no script error,
// and no broken row height or page width. The page's Content Security Policy
// is checked as a second line of defence.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  baseURL,
  cell,
  chooseFileFromToolbar,
  closeImportDialog,
  confirmImport,
  editCell,
  importDialog,
  makeTempDir,
  openApp,
  readCell,
  rowsText,
  sheetTab,
  toolbarButton,
  waitForStatus,
} from './helpers';
import { freshPagePerTest } from './session';

const LONG_TEXT = 'x'.repeat(10_000);

/** Hostile values by what they test. None contains a tab or line break, so they paste as one cell each. */
const HOSTILE_VALUES: Record<string, string> = {
  imgOnError: '<img src=x onerror=alert(1)>',
  scriptTag: '<script>alert(1)</script>',
  svgOnLoad: '"><svg onload=alert(1)>',
  javascriptUrl: 'javascript:alert(1)',
  longText: LONG_TEXT,
  arabic: 'مرحبا بالعالم ١٢٣',
  hebrew: 'שלום עולם',
  rightToLeftOverride: '\u202Etxt.exe',
  emoji: '👩🏽‍💻 Zoë 🎉🇳🇿',
  zeroWidth: 'Zero\u200Bwidth\u200C\u200D\uFEFFjoin',
  combining: 'Z\u0335\u0321a\u0338l\u0336g\u0337o\u0334 e\u0301',
};

/** The Leads sheet of the "Google Sheets CRM" template, in display order, with their types. */
const LEADS_COLUMNS = [
  'First Name', // text
  'Last Name', // text
  'Title', // text
  'Company', // text
  'Email', // email
  'Work Phone', // phone
  'Mobile Phone', // phone
  'Value', // currency
  'Source', // select
  'Lead Status', // select
  'Street', // text
  'City', // text
  'State', // text
  'Postal Code', // text
  'Country', // text
  'Website', // url
  'Tags', // multiSelect
  'Details', // longText
];

/** The Opportunities sheet adds link, percent and date columns. */
const OPPORTUNITY_COLUMNS = [
  'Name', // text
  'Company', // link
  'Primary Contact', // link
  'Pipeline Stage', // select
  'Status', // select
  'Value', // currency
  'Win Probability', // percent
  'Expected Close', // date
];

/** Wait for the page to settle after a paste or import before the layout is measured. */
const SETTLE_TIMEOUT_MS = 20_000;

interface Incidents {
  dialogs: string[];
  pageErrors: string[];
}

let page: Page;
let incidents: Incidents;
freshPagePerTest(async (opened) => {
  page = opened;
  incidents = { dialogs: [], pageErrors: [] };
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => incidents.pageErrors.push(error.message));
});

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('hostile');
});
afterEach(() => {
  temp.remove();
  expect(incidents.dialogs, 'dialogs opened by cell text').toEqual([]);
  expect(incidents.pageErrors, 'uncaught errors in the page').toEqual([]);
});

/** Elements or attributes that only markup in a value could have created. */
function countInjectedElements(target: Page): Promise<number> {
  return target.evaluate(
    () =>
      document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], a[href^="javascript:" i]').length +
      [...document.querySelectorAll('script')].filter((script) => (script.textContent ?? '').includes('alert(1)'))
        .length,
  );
}

/** Returns the distinct heights of the grid's rendered data rows. */
function readRowHeights(target: Page): Promise<number[]> {
  return target.evaluate(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('.ag-row')];
    return [...new Set(rows.map((row) => Math.round(row.getBoundingClientRect().height)))];
  });
}

/** Returns how far the page is wider than its viewport, in CSS pixels. */
function readHorizontalOverflow(target: Page): Promise<number> {
  return target.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function expectIntactLayout(target: Page, rowHeight: number): Promise<void> {
  expect(await countInjectedElements(target), 'elements created from cell text').toBe(0);
  expect(await readRowHeights(target), 'heights of the grid rows').toEqual([rowHeight]);
  expect(await readHorizontalOverflow(target), 'page wider than the viewport').toBeLessThanOrEqual(2);
}

/** Fires a paste event at the focused cell, as Ctrl+V does, with `text` as its text/plain data. */
async function pasteIntoCell(target: Page, rowIndex: number, column: string, text: string): Promise<void> {
  await (await cell(target, rowIndex, column)).click();
  await expect.poll(() => target.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('gridcell');
  await target.evaluate((clipboardText) => {
    const data = new DataTransfer();
    data.setData('text/plain', clipboardText);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    (document.activeElement ?? document.body).dispatchEvent(event);
  }, text);
}

/** Starts the "Google Sheets CRM" template and returns the height of one empty grid row. */
async function startCrm(target: Page, sheet: string): Promise<number> {
  await openApp(target);
  await target.getByRole('button', { name: 'Google Sheets CRM', exact: true }).click();
  await sheetTab(target, sheet).waitFor({ timeout: SETTLE_TIMEOUT_MS });
  await sheetTab(target, sheet).click();
  await waitForStatus(target, rowsText(0));
  await toolbarButton(target, 'Add row').click();
  await waitForStatus(target, rowsText(1));
  await target.keyboard.press('Escape');
  const [height] = await readRowHeights(target);
  expect(height, 'height of an empty row').toBeGreaterThan(0);
  return height!;
}

/** Pastes one row per hostile value, the value in every column, and waits for the rows. */
async function pasteHostileBlock(target: Page, columns: readonly string[]): Promise<string[]> {
  const values = Object.values(HOSTILE_VALUES);
  const block = values.map((value) => columns.map(() => value).join('\t')).join('\r\n');
  await pasteIntoCell(target, 0, columns[0]!, block);
  await waitForStatus(target, rowsText(values.length));
  return values;
}

describe('hostile cell values', () => {
  test('pasted into every Leads column', async () => {
    const rowHeight = await startCrm(page, 'Leads');
    const values = await pasteHostileBlock(page, LEADS_COLUMNS);

    for (const [index, value] of values.entries()) {
      expect(await readCell(page, index, 'Company'), `text cell, row ${index}`).toBe(value.trim());
    }
    expect(await readCell(page, 0, 'Website')).toBe(HOSTILE_VALUES.imgOnError);
    expect(await readCell(page, 3, 'Website')).toBe(HOSTILE_VALUES.javascriptUrl);
    expect(await readCell(page, 0, 'Lead Status')).toBe(HOSTILE_VALUES.imgOnError);
    expect(await readCell(page, 0, 'Tags')).toContain(HOSTILE_VALUES.imgOnError);

    await expectIntactLayout(page, rowHeight);
  });

  test('pasted into link, percent, date columns', async () => {
    const rowHeight = await startCrm(page, 'Opportunities');
    await pasteHostileBlock(page, OPPORTUNITY_COLUMNS);

    expect(await readCell(page, 0, 'Company')).toBe(HOSTILE_VALUES.imgOnError);
    expect(await readCell(page, 1, 'Win Probability')).toBe(HOSTILE_VALUES.scriptTag);
    expect(await readCell(page, 2, 'Expected Close')).toBe(HOSTILE_VALUES.svgOnLoad);
    await expectIntactLayout(page, rowHeight);

    await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).first().waitFor({ timeout: SETTLE_TIMEOUT_MS });
    expect(await countInjectedElements(page), 'elements created on the dashboard').toBe(0);
    expect(await readHorizontalOverflow(page), 'dashboard wider than the viewport').toBeLessThanOrEqual(2);
  });

  test('typed into text and URL cells', async () => {
    const rowHeight = await startCrm(page, 'Leads');
    await editCell(page, 0, 'Company', HOSTILE_VALUES.imgOnError!);
    await editCell(page, 0, 'Website', HOSTILE_VALUES.javascriptUrl!);
    await editCell(page, 0, 'City', HOSTILE_VALUES.arabic!);

    expect(await readCell(page, 0, 'Company')).toBe(HOSTILE_VALUES.imgOnError);
    expect(await readCell(page, 0, 'Website')).toBe(HOSTILE_VALUES.javascriptUrl);
    expect(await readCell(page, 0, 'City')).toBe(HOSTILE_VALUES.arabic);
    await expectIntactLayout(page, rowHeight);
  });

  test('imported as a new sheet', async () => {
    const rowHeight = await startCrm(page, 'Leads');
    const names = Object.keys(HOSTILE_VALUES);
    const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
    const csv = [
      'Kind,Name,Website,Notes',
      ...names
        .map((name) => [name, HOSTILE_VALUES[name]!, HOSTILE_VALUES.javascriptUrl!, HOSTILE_VALUES[name]!])
        .map((cells) => cells.map(quote).join(',')),
    ].join('\r\n');
    const csvPath = path.join(temp.dir, 'hostile.csv');
    writeFileSync(csvPath, csv);

    await chooseFileFromToolbar(page, csvPath);
    await importDialog(page).getByLabel('Import into').selectOption('newSheet');
    expect(await countInjectedElements(page), 'elements created in the import preview').toBe(0);
    await confirmImport(page);
    expect(await countInjectedElements(page), 'elements created in the import summary').toBe(0);
    await closeImportDialog(page);

    await sheetTab(page, 'hostile').click();
    await waitForStatus(page, rowsText(names.length));
    for (const [index, name] of names.entries()) {
      expect(await readCell(page, index, 'Name'), `imported ${name}`).toBe(HOSTILE_VALUES[name]!.trim());
    }
    await expectIntactLayout(page, rowHeight);
  });
});

describe('uncaught errors', () => {
  test('logged without the cell value', async () => {
    const logs: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') logs.push(message.text());
    });
    await startCrm(page, 'Leads');
    const secret = 'Ada Quill-Zanzibar';
    await editCell(page, 0, 'Company', secret);

    // An error whose message quotes the cell value, thrown where no app code catches it.
    await page.evaluate((value) => {
      setTimeout(() => {
        throw new TypeError(`Could not read "${value}"`);
      });
      void Promise.reject(new RangeError(`${value} is out of range`));
    }, secret);

    const notice = page.getByRole('alert').filter({ hasText: 'Something went wrong in Kindling (TypeError)' });
    await notice.waitFor();
    await expect.poll(() => logs.filter((line) => line.startsWith('Kindling: ')).length).toBe(2);
    const kindlingLogs = logs.filter((line) => line.startsWith('Kindling: '));
    expect(kindlingLogs.join('\n')).toContain('uncaught error (TypeError) in view "');
    expect(kindlingLogs.join('\n')).toContain('unhandled promise rejection (RangeError)');
    for (const line of logs) expect(line, 'console error').not.toContain('Zanzibar');

    // Playwright reports the thrown error and the rejection as page errors too; those two are expected here.
    expect(incidents.pageErrors).toHaveLength(2);
    incidents.pageErrors = [];
  });
});

/** Sources a directive may allow: only this origin, or data in the page itself. */
const LOCAL_SOURCES = new Set(["'self'", "'none'", 'data:', 'blob:']);

function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

describe('content security policy', () => {
  test('index.html allows only own scripts', async () => {
    const response = await fetch(new URL('/', baseURL()));
    const html = await response.text();
    const attribute = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/i.exec(html)?.[1];
    expect(attribute, 'CSP meta element in index.html').toBeDefined();

    const policy = attribute!.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    const directives = parsePolicy(policy);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    for (const [name, sources] of directives) {
      const foreign = sources.filter((source) => !LOCAL_SOURCES.has(source) && source !== "'unsafe-inline'");
      expect(foreign, `sources of ${name}`).toEqual([]);
      if (name !== 'style-src') expect(sources, `sources of ${name}`).not.toContain("'unsafe-inline'");
    }
  });

  test('injected inline script is blocked', async () => {
    await openApp(page);
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const flags = window as unknown as { __inlineRan?: boolean; __handlerRan?: boolean };

      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.append(script);

      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__handlerRan = true">';
      document.body.append(holder);

      // Chromium reports each violation as an event soon after the blocked step; wait for both, at most 10 s.
      for (let waited = 0; violations.length < 2 && waited < 10_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      holder.remove();
      return { violations, inlineRan: flags.__inlineRan ?? false, handlerRan: flags.__handlerRan ?? false };
    });

    expect(outcome.inlineRan, 'inline <script> ran').toBe(false);
    expect(outcome.handlerRan, 'inline event handler ran').toBe(false);
    expect(outcome.violations).toContain('script-src-elem');
    expect(outcome.violations).toContain('script-src-attr');
  });
});
