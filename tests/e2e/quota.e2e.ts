// A full disk must not cost data. When IndexedDB rejects a write with
// QuotaExceededError, the user sees a message that names the cause and what to
// do, and the database stays exactly as it was before the failed change.
//
// Chromium gives no switch for a full disk, so an init script makes
// IDBObjectStore.put and add throw the DOMException that a browser throws
// when the origin's quota is used up, while window.__kindlingQuotaFull is true.
// The app's code, Dexie and IndexedDB are the real ones.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CUSTOMERS_100_CSV,
  cell,
  chooseFileFromToolbar,
  importCsvFromFirstRun,
  importDialog,
  importRowsButton,
  makeTempDir,
  openApp,
  readCell,
  waitForStatus,
} from './helpers';
import { freshPagePerTest } from './session';

/** Words the message must contain: what failed (no storage space) and what to do (free space). */
const QUOTA_MESSAGE = /no storage space left for Kindling/;
const QUOTA_ADVICE = /Free disk space/;

function simulateFullDisk(): void {
  const flags = window as unknown as { __kindlingQuotaFull: boolean };
  flags.__kindlingQuotaFull = false;
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (flags.__kindlingQuotaFull) {
        throw new DOMException('The quota for this origin has been exceeded.', 'QuotaExceededError');
      }
      return original.apply(this, args);
    };
  }
}

function setDiskFull(page: Page, full: boolean): Promise<void> {
  return page.evaluate((value) => {
    (window as unknown as { __kindlingQuotaFull: boolean }).__kindlingQuotaFull = value;
  }, full);
}

/** Reads every record of every object store of the `kindling` database with the raw IndexedDB API. */
function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kindling');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    const contents: Record<string, unknown[]> = {};
    for (const name of [...database.objectStoreNames].sort()) {
      contents[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = database.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(new Error(String(request.error)));
      });
    }
    database.close();
    return contents;
  });
}

let page: Page;
freshPagePerTest(async (opened) => {
  page = opened;
  await page.addInitScript(simulateFullDisk);
});

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('quota');
});
afterEach(() => {
  temp.remove();
});

describe('storage quota exceeded', () => {
  test('cell edit shows message, changes nothing', async () => {
    await openApp(page);
    await importCsvFromFirstRun(page, CUSTOMERS_100_CSV, 100);
    const companyBefore = await readCell(page, 0, 'Company');
    const before = await dumpDatabase(page);

    await setDiskFull(page, true);
    const target = await cell(page, 0, 'Company');
    await target.dblclick();
    const editor = page.locator('.ag-cell-inline-editing input, .ag-popup-editor input').first();
    await editor.waitFor();
    await editor.fill('Written to a full disk');
    await editor.press('Enter');

    const alert = page.getByRole('alert').filter({ hasText: QUOTA_MESSAGE });
    await alert.waitFor();
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('Could not save the change to "Company"');
    expect(message).toMatch(QUOTA_ADVICE);
    expect(await readCell(page, 0, 'Company')).toBe(companyBefore);

    await setDiskFull(page, false);
    expect(await dumpDatabase(page)).toEqual(before);
  });

  test('import shows message, adds nothing', async () => {
    await openApp(page);
    await importCsvFromFirstRun(page, CUSTOMERS_100_CSV, 100);
    const before = await dumpDatabase(page);

    const csvPath = path.join(temp.dir, 'more-clients.csv');
    writeFileSync(
      csvPath,
      'Company,Email\r\nHarrowgate Looms,orla@harrowgate.example\r\nPike & Fennel,sam@pike.example\r\n',
    );
    await chooseFileFromToolbar(page, csvPath);
    await importRowsButton(page).waitFor();

    await setDiskFull(page, true);
    await importRowsButton(page).click();

    const dialog = importDialog(page);
    const message = dialog.getByText(QUOTA_MESSAGE);
    await message.waitFor();
    const text = (await message.textContent()) ?? '';
    expect(text).toContain('Import of more-clients.csv failed and nothing was added');
    expect(text).toMatch(QUOTA_ADVICE);

    await setDiskFull(page, false);
    expect(await dumpDatabase(page)).toEqual(before);
    await page.keyboard.press('Escape');
    await waitForStatus(page, '100 rows');
  });
});
