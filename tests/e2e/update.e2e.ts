import { appendFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  chooseTemplate,
  launchBrowser,
  makeTempDir,
  newAppPage,
  openApp,
  sheetTab,
  waitForAppReady,
  waitForServiceWorkerControl,
  watchForeignRequests,
} from './helpers';
import { DIST_DIR } from './distDir';
import { startStaticServer, type StaticServer } from './static-server.mjs';

const UPDATE_BANNER_TEXT = 'A new version of Kindling is ready';

// The test serves a copy of dist/ and then changes sw.js in it, which is
// what a deployment of a new version looks like to the browser.
let distCopy: { dir: string; remove: () => void };
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let foreignRequests: string[];

beforeAll(async () => {
  distCopy = makeTempDir('dist');
  cpSync(DIST_DIR, distCopy.dir, { recursive: true });
  server = await startStaticServer({ root: distCopy.dir });
  browser = await launchBrowser();
  ({ context, page } = await newAppPage(browser));
  foreignRequests = watchForeignRequests(context);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  distCopy?.remove();
});

describe('app update', () => {
  test('new service worker shows reload banner', async () => {
    await openApp(page, server.url);
    await chooseTemplate(page, 'Simple client list', 'Clients');
    await waitForServiceWorkerControl(page);
    const banner = page.getByText(UPDATE_BANNER_TEXT);
    expect(await banner.count()).toBe(0);

    appendFileSync(path.join(distCopy.dir, 'sw.js'), '\n// next version\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await banner.waitFor({ timeout: 30_000 });

    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Reload', exact: true }).click();
    await reloaded;
    await waitForAppReady(page);
    await sheetTab(page, 'Clients').waitFor();
    expect(await banner.count()).toBe(0);

    const workers = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        waiting: registration?.waiting !== null && registration?.waiting !== undefined,
        activeState: registration?.active?.state ?? null,
        controlled: navigator.serviceWorker.controller !== null,
      };
    });
    expect(workers).toEqual({ waiting: false, activeState: 'activated', controlled: true });
    expect(foreignRequests).toEqual([]);
  });
});
