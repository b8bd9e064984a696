import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  CUSTOMERS_100_CSV,
  importCsvFromFirstRun,
  launchBrowser,
  newAppPage,
  openApp,
  readCell,
  rowsText,
  searchBox,
  sheetTab,
  waitForAppReady,
  waitForServiceWorkerControl,
  waitForStatus,
  watchForeignRequests,
} from './helpers';
import { DIST_DIR } from './distDir';
import { startStaticServer, type StaticServer } from './static-server.mjs';

const customers = Papa.parse<Record<string, string>>(readFileSync(CUSTOMERS_100_CSV, 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;

// This file runs its own server so the test can stop it: once it is gone,
// whatever the page still loads can only come from the service worker.
let server: StaticServer | undefined;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let foreignRequests: string[];

beforeAll(async () => {
  server = await startStaticServer({ root: DIST_DIR });
  browser = await launchBrowser();
  ({ context, page } = await newAppPage(browser));
  foreignRequests = watchForeignRequests(context);
});

afterEach(() => {
  expect(foreignRequests).toEqual([]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function readServiceWorkerState(target: Page) {
  return target.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return {
      controlled: navigator.serviceWorker.controller !== null,
      activeState: registration?.active?.state ?? null,
      scriptURL: registration?.active?.scriptURL ?? null,
      online: navigator.onLine,
    };
  });
}

describe('offline start', () => {
  test('manifest is linked and served', async () => {
    await openApp(page, server!.url);
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBeTruthy();

    const manifestURL = new URL(manifestHref!, server!.url).href;
    const response = await page.request.get(manifestURL);
    expect(response.status()).toBe(200);
    const manifest = (await response.json()) as { name?: string };
    expect(manifest.name).toContain('Kindling');
  });

  test('app and data load offline after first visit', async () => {
    await openApp(page, server!.url);
    await importCsvFromFirstRun(page, CUSTOMERS_100_CSV, 100);
    await waitForServiceWorkerControl(page);

    const before = await readServiceWorkerState(page);
    expect(before.controlled).toBe(true);
    expect(before.activeState).toBe('activated');
    expect(before.scriptURL).toBe(new URL('/sw.js', server!.url).href);

    await context.setOffline(true);
    await server!.close();
    server = undefined;

    await page.reload();
    await waitForAppReady(page);
    await sheetTab(page, 'customers-100').waitFor();
    await waitForStatus(page, '100 rows');

    const after = await readServiceWorkerState(page);
    expect(after.online).toBe(false);
    expect(after.controlled).toBe(true);
    expect(after.activeState).toBe('activated');

    const customer = customers[0]!;
    await searchBox(page).fill(customer['Customer Id']!);
    await waitForStatus(page, rowsText(1, 100));
    expect(await readCell(page, 0, 'Email')).toBe(customer['Email']);
  });
});
