/* global document, window, performance, IDBDatabase */
// Times a cell edit from the key press that commits it to the moment
// IndexedDB has committed the write: the 'complete' event of the readwrite
// transaction on the rows store that follows the key press.

import { waitForRowCount } from './app-steps.mjs';

/**
 * Wraps IDBDatabase.prototype.transaction so every readwrite transaction on
 * the rows store records performance.now() when it completes. Dexie binds
 * this method once when it opens the database and opens every write
 * transaction through it. The wrapper must therefore be in place before the
 * app starts, and it records the app's edits without changing them.
 */
function installCommitRecorder() {
  if (window.__kindlingCommits) return;
  window.__kindlingCommits = [];
  const original = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (storeNames, mode, options) {
    const transaction = original.call(this, storeNames, mode, options);
    const names = typeof storeNames === 'string' ? [storeNames] : [...storeNames];
    if (mode === 'readwrite' && names.includes('rows')) {
      transaction.addEventListener('complete', () => window.__kindlingCommits.push(performance.now()));
    }
    return transaction;
  };
}

/** Returns the col-id of the column whose header reads `name`, or null when it is not rendered. */
function findColumnId(page, name) {
  return page.evaluate((header) => {
    for (const cell of document.querySelectorAll('.ag-header-cell[col-id]')) {
      if ((cell.querySelector('.ag-header-cell-text')?.textContent ?? '').trim() === header) {
        return cell.getAttribute('col-id');
      }
    }
    return null;
  }, name);
}

/**
 * Reloads the page with the commit recorder installed and edits the `column`
 * cell of the first `runs` rows one at a time. Returns for each edit the
 * milliseconds from the Enter key press to the committed transaction and to
 * the grid showing the new text.
 */
export async function timeCellEdits(page, column, totalRows, runs) {
  await page.addInitScript(installCommitRecorder);
  await page.reload();
  await waitForRowCount(page, totalRows, { timeout: 120_000 });
  await page.locator('.ag-header-cell[col-id]').first().waitFor({ timeout: 30_000 });
  const columnId = await findColumnId(page, column);
  if (columnId === null) throw new Error(`Column "${column}" is not on screen.`);

  const results = [];
  for (let run = 0; run < runs; run += 1) {
    const text = `Edited ${run + 1} ${Date.now()}`;
    const target = page.locator(`.ag-row[row-index="${run}"] .ag-cell[col-id="${columnId}"]`);
    await target.dblclick();
    const editor = page.locator('.ag-cell-inline-editing input, .ag-popup-editor input').first();
    await editor.waitFor({ timeout: 30_000 });
    await editor.fill(text);

    await page.evaluate(
      ({ value, rowIndex, colId }) => {
        const timer = { pressed: null, shown: null };
        window.__kindlingEditTimer = timer;
        document.addEventListener(
          'keydown',
          (event) => event.key === 'Enter' && (timer.pressed ??= performance.now()),
          {
            capture: true,
            once: true,
          },
        );
        const observer = new window.MutationObserver(() => {
          const cell = document.querySelector(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`);
          if (timer.pressed !== null && (cell?.textContent ?? '').trim() === value) {
            timer.shown = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      },
      { value: text, rowIndex: run, colId: columnId },
    );
    await editor.press('Enter');
    await page.waitForFunction(
      () => {
        const timer = window.__kindlingEditTimer;
        return timer.shown !== null && window.__kindlingCommits.some((at) => at >= timer.pressed);
      },
      undefined,
      { timeout: 30_000 },
    );
    const measured = await page.evaluate(() => {
      const timer = window.__kindlingEditTimer;
      const committed = window.__kindlingCommits.find((at) => at >= timer.pressed);
      return { commitMs: committed - timer.pressed, shownMs: timer.shown - timer.pressed };
    });
    results.push(measured);
    await page.keyboard.press('Escape');
  }
  return { column, runs: results };
}
