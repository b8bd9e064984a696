// Kindling calls no host but its own origin. This records every request of a
// whole session (first visit, template, edits, import, export, dashboard,
// reminders, settings and an offline reload), including the service
// worker's own fetches, and checks that each one went to the app's origin.

import { describe, expect, test } from 'vitest';
import type { BrowserContext, Request } from 'playwright-core';
import {
  CUSTOMERS_100_CSV,
  baseURL,
  chooseFileFromToolbar,
  chooseTemplate,
  closeImportDialog,
  confirmImport,
  downloadCsv,
  editCell,
  importDialog,
  openApp,
  rowsText,
  sheetTab,
  toolbarButton,
  waitForAppReady,
  waitForServiceWorkerControl,
  waitForStatus,
} from './helpers';
import { freshPagePerTest } from './session';

/** Wait for a page of the app to show its heading after a click in the navigation. */
const PAGE_TIMEOUT_MS = 20_000;

interface RecordedRequest {
  url: string;
  /** True when the service worker sent the request, such as a precache fetch. */
  fromServiceWorker: boolean;
  failure?: string;
}

/**
 * Records every request of the context, failed ones included: page, worker
 * and service worker requests (Playwright reports the latter on the context
 * in Chromium), and every WebSocket a page opens.
 */
function recordRequests(context: BrowserContext): RecordedRequest[] {
  const recorded: RecordedRequest[] = [];
  const describe = (request: Request): RecordedRequest => ({
    url: request.url(),
    fromServiceWorker: request.serviceWorker() !== null,
  });
  context.on('request', (request) => recorded.push(describe(request)));
  context.on('requestfailed', (request) =>
    recorded.push({ ...describe(request), failure: request.failure()?.errorText ?? 'failed' }),
  );
  context.on('page', (page) =>
    page.on('websocket', (socket) => recorded.push({ url: socket.url(), fromServiceWorker: false })),
  );
  return recorded;
}

/** Returns the recorded URLs that are neither this origin nor in-page data. */
function foreignUrls(recorded: readonly RecordedRequest[], origin: string): string[] {
  return recorded
    .map((request) => request.url)
    .filter((url) => {
      const parsed = new URL(url);
      if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
      return parsed.origin !== origin;
    });
}

const session = freshPagePerTest();

describe('network use', () => {
  test('whole session stays on own origin', async () => {
    const { page, context } = session;
    const recorded = recordRequests(context);
    const origin = new URL(baseURL()).origin;

    await openApp(page);
    await chooseTemplate(page, 'Simple client list', 'Clients');
    await toolbarButton(page, 'Add row').click();
    await waitForStatus(page, rowsText(1));
    await page.keyboard.press('Escape');
    await editCell(page, 0, 'Name', 'Orla Harrowgate');
    await editCell(page, 0, 'Next follow-up', '2030-01-15');

    await chooseFileFromToolbar(page, CUSTOMERS_100_CSV);
    await importDialog(page).getByLabel('Import into').selectOption('newSheet');
    await confirmImport(page);
    await closeImportDialog(page);
    await sheetTab(page, 'customers-100').click();
    await waitForStatus(page, rowsText(100));
    const exported = await downloadCsv(page);
    expect(exported.bytes.length).toBeGreaterThan(0);

    for (const name of ['Dashboard', 'Reminders', 'Settings']) {
      await page.getByRole('button', { name, exact: true }).first().click();
      await page.getByRole('heading', { name }).first().waitFor({ timeout: PAGE_TIMEOUT_MS });
    }

    await waitForServiceWorkerControl(page);
    await context.setOffline(true);
    await page.reload();
    await waitForAppReady(page);
    await sheetTab(page, 'Clients').waitFor();

    expect(recorded.length, 'requests recorded').toBeGreaterThan(10);
    expect(
      recorded.some((request) => request.fromServiceWorker),
      'the service worker precache fetches were recorded',
    ).toBe(true);
    expect(foreignUrls(recorded, origin)).toEqual([]);
  });
});
