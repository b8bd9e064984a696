// Two tabs of one browser profile share one IndexedDB database. Each tab must
// show the other's edits without a reload, neither may lose an edit, and a tab
// that opens a newer schema must not be blocked by an older tab.

import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CUSTOMERS_100_CSV,
  baseURL,
  editCell,
  importCsvFromFirstRun,
  openApp,
  readCell,
  sheetTab,
  waitForStatus,
} from './helpers';
import { freshPagePerTest } from './session';

/** Wait for a value written by the other tab to reach this tab's grid. */
const OTHER_TAB_TIMEOUT_MS = 20_000;

/** The sheet that importing customers-100.csv creates. */
const SHEET = 'customers-100';

const session = freshPagePerTest();

/**
 * Brings a tab to the front before it is read or edited. Chromium stops
 * animation frames in a background tab, and AG Grid renders rows in them.
 */
async function focusTab(page: Page): Promise<Page> {
  await page.bringToFront();
  return page;
}

async function openSecondTab(): Promise<Page> {
  const second = await session.context.newPage();
  await openApp(second);
  await sheetTab(second, SHEET).waitFor();
  await waitForStatus(second, '100 rows');
  return second;
}

/** Returns the version of the `kindling` database as IndexedDB reports it (Dexie stores version N as N * 10). */
function readDatabaseVersion(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const databases = await indexedDB.databases();
    return databases.find((database) => database.name === 'kindling')?.version ?? 0;
  });
}

describe('two tabs', () => {
  test('edits reach the other tab live', async () => {
    const first = session.page;
    await openApp(first);
    await importCsvFromFirstRun(first, CUSTOMERS_100_CSV, 100);
    const second = await openSecondTab();

    await editCell(await focusTab(first), 0, 'Company', 'Edited in the first tab');
    await focusTab(second);
    await expect
      .poll(() => readCell(second, 0, 'Company'), { timeout: OTHER_TAB_TIMEOUT_MS, message: 'second tab, row 0' })
      .toBe('Edited in the first tab');

    await editCell(second, 1, 'Company', 'Edited in the second tab');
    await focusTab(first);
    await expect
      .poll(() => readCell(first, 1, 'Company'), { timeout: OTHER_TAB_TIMEOUT_MS, message: 'first tab, row 1' })
      .toBe('Edited in the second tab');

    // The first tab's own edit must survive the second tab's write to the same sheet.
    expect(await readCell(first, 0, 'Company')).toBe('Edited in the first tab');

    for (const page of [first, second]) {
      await focusTab(page);
      await page.reload();
      await sheetTab(page, SHEET).waitFor();
      await waitForStatus(page, '100 rows');
      expect(await readCell(page, 0, 'Company')).toBe('Edited in the first tab');
      expect(await readCell(page, 1, 'Company')).toBe('Edited in the second tab');
    }
  });

  test('newer schema shows banner, not blocked', async () => {
    const old = session.page;
    await openApp(old);
    await importCsvFromFirstRun(old, CUSTOMERS_100_CSV, 100);
    const version = await readDatabaseVersion(old);
    expect(version, 'IndexedDB version of the open database').toBeGreaterThan(0);

    // A second tab of the same origin opens the database one version higher,
    // as a newer Kindling with another schema version would.
    const newer = await session.context.newPage();
    await newer.goto(new URL('/manifest.webmanifest', baseURL()).href);
    const outcome = await newer.evaluate(
      (nextVersion) =>
        new Promise<{ blocked: boolean; upgraded: boolean; version: number }>((resolve, reject) => {
          let blocked = false;
          let upgraded = false;
          const request = indexedDB.open('kindling', nextVersion);
          request.onblocked = () => {
            blocked = true;
          };
          request.onupgradeneeded = () => {
            upgraded = true;
          };
          request.onsuccess = () => {
            const database = request.result;
            resolve({ blocked, upgraded, version: database.version });
            database.close();
          };
          request.onerror = () => reject(new Error(String(request.error)));
        }),
      version + 1,
    );

    expect(outcome.blocked, 'the upgrade waited for the old tab').toBe(false);
    expect(outcome.upgraded).toBe(true);
    expect(outcome.version).toBe(version + 1);

    const banner = old.getByRole('alert').filter({ hasText: 'Kindling was updated in another tab; reload' });
    await banner.waitFor({ timeout: OTHER_TAB_TIMEOUT_MS });
    await expect
      .poll(() => old.getByText('Kindling was updated in another tab; reload', { exact: true }).count())
      .toBe(1);
    expect(await banner.getByRole('button', { name: 'Reload', exact: true }).count()).toBe(1);
  });
});
