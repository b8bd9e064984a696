/* global document, window, performance, navigator, MutationObserver, Element */
// Steps that drive the Kindling UI for the benchmark. They follow the same UI
// contract as tests/e2e/helpers.ts, written in plain JavaScript so the
// benchmark runs on Node without a TypeScript loader.

export const STATUS_PATTERN = /^\s*[\d,]+( of [\d,]+)? rows?\s*$/;
const IMPORT_BUTTON_PATTERN = /^Import [\d,]+ rows?$/;

export function statusLocator(page) {
  return page.getByRole('status').filter({ hasText: STATUS_PATTERN }).first();
}

export function importDialog(page) {
  return page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Import CSV' }) });
}

/** Returns the number in a status text such as "10,000 rows" or "3 of 10000 rows". */
export function parseStatus(text) {
  const match = /^\s*([\d,]+)(?: of ([\d,]+))? rows?\s*$/.exec(text ?? '');
  if (!match) {
    return null;
  }
  const shown = Number(match[1].replace(/,/g, ''));
  const total = match[2] === undefined ? shown : Number(match[2].replace(/,/g, ''));
  return { shown, total };
}

/** Waits until the status text reports `shown` of `total` rows (all rows when `shown` is omitted). */
export async function waitForRowCount(page, total, { shown = total, timeout = 60_000 } = {}) {
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    const status = statusLocator(page);
    if ((await status.count()) > 0) {
      last = ((await status.textContent()) ?? '').trim();
      const counts = parseStatus(last);
      if (counts && counts.shown === shown && counts.total === total) {
        return;
      }
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`Timed out after ${timeout} ms waiting for ${shown} of ${total} rows. The status was "${last}".`);
}

export async function waitForFirstRun(page) {
  await page.getByRole('heading', { name: 'Choose a template' }).waitFor({ timeout: 30_000 });
}

/**
 * Chooses a CSV through "Import a file" on the first-run screen: a labelled
 * file input, or a button that opens a file chooser or the import dialog.
 */
export async function chooseFileOnFirstRun(page, filePath) {
  await waitForFirstRun(page);
  const fileInput = page.locator('input[type="file"]').and(page.getByLabel('Import a file', { exact: true }));
  if ((await fileInput.count()) > 0) {
    await fileInput.setInputFiles(filePath);
    return;
  }

  const chooserOpened = page
    .waitForEvent('filechooser', { timeout: 30_000 })
    .then((chooser) => ({ chooser }))
    .catch(() => null);
  const dialogOpened = importDialog(page)
    .waitFor({ timeout: 30_000 })
    .then(() => ({ chooser: null }))
    .catch(() => null);
  await page.getByRole('button', { name: 'Import a file', exact: true }).click();

  const opened = await Promise.race([chooserOpened, dialogOpened]);
  if (opened?.chooser) {
    await opened.chooser.setFiles(filePath);
    return;
  }
  // The label's accessible name may go on with help text after "CSV file".
  await importDialog(page)
    .getByLabel(/^CSV file/)
    .setInputFiles(filePath);
}

/**
 * Installs page-side timers for an import: the start is the click on
 * "Import N rows", the end is the first DOM change that shows "N added" in a
 * dialog. Both come from performance.now() in the page, so the time does not
 * include Playwright's polling.
 */
async function installImportTimer(page) {
  await page.evaluate((buttonPattern) => {
    const pattern = new RegExp(buttonPattern);
    const timer = { start: null, end: null };
    window.__kindlingImportTimer = timer;

    document.addEventListener(
      'click',
      (event) => {
        const button = event.target instanceof Element ? event.target.closest('button') : null;
        if (button && pattern.test((button.textContent ?? '').trim()) && timer.start === null) {
          timer.start = performance.now();
        }
      },
      true,
    );

    const observer = new MutationObserver(() => {
      if (timer.start === null || timer.end !== null) {
        return;
      }
      const dialogs = document.querySelectorAll('dialog, [role="dialog"]');
      for (const dialog of dialogs) {
        if (/[\d,]+ added/.test(dialog.textContent ?? '')) {
          timer.end = performance.now();
          observer.disconnect();
          return;
        }
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, IMPORT_BUTTON_PATTERN.source);
}

/**
 * Imports a CSV from the first-run screen and returns the time in
 * milliseconds from the click on "Import N rows" to the summary, with the
 * button label and summary text.
 */
export async function timeImportFromFirstRun(page, filePath, rowCount, { timeout = 180_000 } = {}) {
  await chooseFileOnFirstRun(page, filePath);
  const dialog = importDialog(page);
  const button = dialog.getByRole('button', { name: IMPORT_BUTTON_PATTERN });
  await button.waitFor({ timeout: 60_000 });
  const buttonLabel = ((await button.textContent()) ?? '').trim();

  await installImportTimer(page);
  await button.click();
  await dialog
    .getByText(/[\d,]+ added/)
    .first()
    .waitFor({ timeout });
  const timer = await page.evaluate(() => window.__kindlingImportTimer);
  const summary = ((await dialog.textContent()) ?? '').replace(/\s+/g, ' ').trim();

  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  await waitForRowCount(page, rowCount, { timeout: 60_000 });

  if (timer.start === null || timer.end === null) {
    throw new Error(`The import timer did not fire (start ${timer.start}, end ${timer.end}).`);
  }
  return { importMs: timer.end - timer.start, buttonLabel, summary };
}

/**
 * Types `query` into the search box and returns the time in milliseconds
 * from the input event to the first change of the status text.
 */
export async function timeQuickFilter(page, query) {
  const searchBox = page
    .getByRole('searchbox', { name: 'Search', exact: true })
    .or(page.getByRole('textbox', { name: 'Search', exact: true }))
    .first();

  await page.evaluate((statusPattern) => {
    const pattern = new RegExp(statusPattern);
    const readStatus = () =>
      [...document.querySelectorAll('[role="status"]')]
        .map((element) => (element.textContent ?? '').trim())
        .find((text) => pattern.test(text)) ?? null;
    const timer = { start: null, end: null, before: readStatus(), after: null };
    window.__kindlingFilterTimer = timer;

    const onInput = () => {
      timer.start = performance.now();
      document.removeEventListener('input', onInput, true);
    };
    document.addEventListener('input', onInput, true);

    const observer = new MutationObserver(() => {
      const text = readStatus();
      if (timer.start !== null && text !== timer.before) {
        timer.end = performance.now();
        timer.after = text;
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, STATUS_PATTERN.source);

  await searchBox.fill(query);
  await page.waitForFunction(() => window.__kindlingFilterTimer.end !== null, undefined, { timeout: 30_000 });
  const timer = await page.evaluate(() => window.__kindlingFilterTimer);
  return { filterMs: timer.end - timer.start, status: timer.after };
}

export async function clearQuickFilter(page, totalRows) {
  const searchBox = page
    .getByRole('searchbox', { name: 'Search', exact: true })
    .or(page.getByRole('textbox', { name: 'Search', exact: true }))
    .first();
  await searchBox.fill('');
  await waitForRowCount(page, totalRows);
}

/**
 * Waits for the service worker to control the page, reloading once when the
 * page was loaded before the worker was installed.
 */
export async function waitForServiceWorkerControl(page, totalRows) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (!controlled) {
    await page.reload();
    await waitForRowCount(page, totalRows);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  }
}

/**
 * Script for page.addInitScript: records performance.now(), which counts from
 * navigation start, when a status text first reports `totalRows` rows.
 */
export function statusTimerScript({ totalRows, statusPattern }) {
  const pattern = new RegExp(statusPattern);
  const state = { at: null };
  window.__kindlingStatusTimer = state;
  const check = () => {
    if (state.at !== null) {
      return;
    }
    for (const element of document.querySelectorAll('[role="status"]')) {
      const text = (element.textContent ?? '').trim();
      if (pattern.test(text) && Number(text.replace(/,/g, '').split(' ')[0]) === totalRows && !/ of /.test(text)) {
        state.at = performance.now();
        return;
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * Opens "Search everything" with Ctrl+K and returns the milliseconds until the
 * index of every row is built (the palette's status names the row count).
 */
export async function openGlobalSearch(page, totalRows) {
  const start = await page.evaluate(() => performance.now());
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search everything' });
  await palette
    .getByText(new RegExp(`Type to search ${totalRows.toLocaleString('en').replace(/,/g, ',?')} rows`))
    .waitFor({ timeout: 60_000 });
  const end = await page.evaluate(() => performance.now());
  return { palette, indexMs: end - start };
}

/**
 * Types `query` into the open palette and returns the milliseconds from the
 * input event to the change of the palette's status text (the result count).
 */
export async function timeGlobalSearch(page, palette, query) {
  const box = palette.getByRole('combobox', { name: 'Search every sheet' });
  await box.fill('');
  await palette.getByText(/^Type to search/).waitFor({ timeout: 30_000 });

  await page.evaluate(() => {
    const dialog = [...document.querySelectorAll('dialog[open]')].at(-1);
    const status = dialog.querySelector('[role="status"]');
    const timer = { start: null, end: null, before: status.textContent, after: null };
    window.__kindlingSearchTimer = timer;
    const onInput = () => {
      timer.start = performance.now();
      document.removeEventListener('input', onInput, true);
    };
    document.addEventListener('input', onInput, true);
    const observer = new MutationObserver(() => {
      if (timer.start !== null && status.textContent !== timer.before) {
        timer.end = performance.now();
        timer.after = status.textContent;
        observer.disconnect();
      }
    });
    observer.observe(status, { subtree: true, childList: true, characterData: true });
  });

  await box.fill(query);
  await page.waitForFunction(() => window.__kindlingSearchTimer.end !== null, undefined, { timeout: 30_000 });
  const timer = await page.evaluate(() => window.__kindlingSearchTimer);
  return { searchMs: timer.end - timer.start, status: timer.after };
}
