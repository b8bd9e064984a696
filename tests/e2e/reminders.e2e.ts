// Reminders in the production build. A follow-up date set in the grid shows
// on the Reminders page and notifies once through the real service worker,
// with two tabs open. Done and the calendar export work, and the URL a
// notification click opens lands on the row. A follow-up that came due while
// the browser was closed shows as overdue on the next launch, and the page,
// badge and Done work offline.

import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  baseURL,
  chooseTemplate,
  editCell,
  launchBrowser,
  launchPersistentBrowser,
  makeTempDir,
  openApp,
  readBrowserDate,
  rowsText,
  sheetTab,
  toolbarButton,
  VIEWPORT,
  waitForServiceWorkerControl,
  waitForStatus,
  watchForeignRequests,
} from './helpers';

const UI_TIMEOUT_MS = 20_000;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let secondTab: Page;
let foreignRequests: string[];
/** Name and follow-up reminder of the row whose follow-up date is set to today. */
let customer: string;
let reminderId: string;

interface ShownNotification {
  title: string;
  tag: string;
  body: string;
}

interface StoredReminder {
  id: string;
  sheetId?: string;
  rowId?: string;
  due: string;
  state: string;
  notifiedDue?: string;
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  await context.grantPermissions(['notifications'], { origin: baseURL() });
  foreignRequests = watchForeignRequests(context);
  page = await context.newPage();
});

afterEach(() => {
  expect(foreignRequests).toEqual([]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

function navButton(target: Page, name: string | RegExp): Locator {
  return target.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
}

async function openRemindersPage(target: Page): Promise<void> {
  await navButton(target, /^Reminders/).click();
  await target.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
}

function reminderGroup(target: Page, title: string): Locator {
  return target.getByRole('region', { name: new RegExp(`^${title} \\(\\d+\\)$`) });
}

function reminderItem(group: Locator, text: string): Locator {
  return group.getByRole('listitem').filter({ hasText: text });
}

/** Returns the notifications the service worker registration shows now. */
function readNotifications(target: Page): Promise<ShownNotification[]> {
  return target.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const shown = await registration.getNotifications();
    return shown.map(({ title, tag, body }) => ({ title, tag, body }));
  });
}

/** Reads a whole table straight from IndexedDB, as the app stored it. */
function readTable<T>(target: Page, table: string): Promise<T[]> {
  return target.evaluate(
    (storeName) =>
      new Promise<T[]>((resolve, reject) => {
        const request = indexedDB.open('kindling');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const read = database.transaction(storeName).objectStore(storeName).getAll();
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            database.close();
            resolve(read.result as T[]);
          };
        };
      }),
    table,
  );
}

function readStoredReminders(target: Page): Promise<StoredReminder[]> {
  return readTable<StoredReminder>(target, 'reminders');
}

async function readStoredReminderTime(target: Page): Promise<string | undefined> {
  const settings = await readTable<{ key: string; value: { reminderTime?: string } }>(target, 'settings');
  return settings.find((setting) => setting.key === 'reminders')?.value.reminderTime;
}

/** Asks the service worker to check due reminders, as the scheduler does, and waits for its answer. */
function askWorkerToCheck(target: Page): Promise<number> {
  return target.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return new Promise<number>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event: MessageEvent<{ notified: number }>) => resolve(event.data.notified);
      registration.active!.postMessage({ type: 'CHECK_REMINDERS', now: new Date().toISOString() }, [channel.port2]);
    });
  });
}

describe('reminders', () => {
  test('follow-up due today shows as overdue and notifies once with two tabs open', async () => {
    await openApp(page);
    await chooseTemplate(page, 'Simple client list', 'Clients');
    await waitForServiceWorkerControl(page);
    await toolbarButton(page, 'Add row').click();
    await waitForStatus(page, rowsText(1));
    // A new row may open its first cell for editing; close the editor.
    await page.keyboard.press('Escape');
    customer = 'Agnieszka Thornbury';
    await editCell(page, 0, 'Name', customer);

    await openRemindersPage(page);
    await expect
      .poll(() => page.getByText('Notifications appear only while your browser is running.').count())
      .toBeGreaterThan(0);
    // Midnight is never later than now, so a follow-up dated today is due at once.
    const reminderTime = page.getByLabel('Follow-up reminder time');
    await reminderTime.fill('00:00');
    await expect.poll(() => readStoredReminderTime(page)).toBe('00:00');

    secondTab = await context.newPage();
    await openApp(secondTab);
    await sheetTab(secondTab, 'Clients').waitFor({ timeout: UI_TIMEOUT_MS });

    await navButton(page, 'Sheets').click();
    await sheetTab(page, 'Clients').waitFor({ timeout: UI_TIMEOUT_MS });
    const today = await readBrowserDate(page);
    await editCell(page, 0, 'Next follow-up', today);

    await openRemindersPage(page);
    await reminderItem(reminderGroup(page, 'Overdue'), customer).waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => navButton(page, /^Reminders/).textContent()).toMatch(/^Reminders\s*1\s*overdue$/);

    const stored = (await readStoredReminders(page)).find((reminder) => reminder.due === `${today}T00:00`);
    expect(stored).toBeDefined();
    reminderId = stored!.id;
    await expect.poll(async () => (await readNotifications(page)).length, { timeout: UI_TIMEOUT_MS }).toBe(1);

    // More checks from both tabs and the worker find nothing left to notify.
    for (const tab of [page, secondTab]) {
      await tab.evaluate(() => {
        window.dispatchEvent(new Event('focus'));
        document.dispatchEvent(new Event('visibilitychange'));
      });
      expect(await askWorkerToCheck(tab)).toBe(0);
    }

    const notifications = await readNotifications(secondTab);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.tag).toBe(reminderId);
    expect(notifications[0]!.title).toBe(`Next follow-up: ${customer}`);
    const claimed = (await readStoredReminders(secondTab)).find((reminder) => reminder.id === reminderId);
    expect(claimed?.notifiedDue).toBe(`${today}T00:00`);
  });

  test('Export to calendar downloads a file that parses', async () => {
    const download = page.waitForEvent('download', { timeout: UI_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Export to calendar', exact: true }).click();
    const file = await download;
    const text = readFileSync(await file.path(), 'utf8');

    expect(file.suggestedFilename()).toMatch(/^kindling-reminders-\d{4}-\d{2}-\d{2}\.ics$/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const open = (await readStoredReminders(page)).filter((reminder) => reminder.state !== 'done');
    expect(events).toHaveLength(open.length);

    const event = events.find((each) => each.getFirstPropertyValue('uid') === `${reminderId}@kindling`);
    expect(event?.getFirstPropertyValue('summary')).toBe(`Next follow-up: ${customer}`);
    expect(event?.getFirstSubcomponent('valarm')).not.toBeNull();
  });

  test('Done removes the reminder from Overdue', async () => {
    const overdue = reminderGroup(page, 'Overdue');
    await reminderItem(overdue, customer).getByRole('button', { name: 'Done', exact: true }).click();

    await reminderItem(overdue, customer).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await reminderItem(reminderGroup(page, 'Done'), customer).waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => navButton(page, /^Reminders/).textContent()).toBe('Reminders');

    await reminderItem(reminderGroup(page, 'Done'), customer).getByRole('button', { name: 'Reopen' }).click();
    await reminderItem(overdue, customer).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  test('a notification link opens the row', async () => {
    const stored = (await readStoredReminders(page)).find((reminder) => reminder.id === reminderId);
    expect(stored?.sheetId).toBeTruthy();
    expect(stored?.rowId).toBeTruthy();

    // The service worker opens this address when no Kindling tab is open.
    const third = await context.newPage();
    await third.goto(`${baseURL()}/#open=row&sheet=${stored!.sheetId}&row=${stored!.rowId}`);
    await sheetTab(third, 'Clients').waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => third.evaluate(() => window.location.hash)).toBe('');
    await expect
      .poll(
        () =>
          third
            .locator('.ag-row:has(.ag-cell-focus)')
            .first()
            .textContent()
            .catch(() => ''),
        {
          timeout: UI_TIMEOUT_MS,
        },
      )
      .toContain(customer);
    await third.close();
  });
});

/** Returns the day before the browser's local date as YYYY-MM-DD. */
function readBrowserYesterday(target: Page): Promise<string> {
  return target.evaluate(() => {
    const now = new Date();
    const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}`;
  });
}

describe('reminders across a relaunch and offline', () => {
  const profile = makeTempDir('reminders-profile');
  const missedCustomer = 'Bartholomew Ngata';
  let persistent: BrowserContext | undefined;
  let persistentForeignRequests: string[] = [];
  let app: Page;

  async function launchProfile(): Promise<Page> {
    persistent = await launchPersistentBrowser(profile.dir);
    persistentForeignRequests = watchForeignRequests(persistent);
    return persistent.pages()[0] ?? (await persistent.newPage());
  }

  afterEach(() => {
    expect(persistentForeignRequests).toEqual([]);
  });

  afterAll(async () => {
    await persistent?.close();
    profile.remove();
  });

  test('missed follow-up shows as overdue after a relaunch', async () => {
    app = await launchProfile();
    await openApp(app);
    await chooseTemplate(app, 'Simple client list', 'Clients');
    await toolbarButton(app, 'Add row').click();
    await waitForStatus(app, rowsText(1));
    await app.keyboard.press('Escape');
    await editCell(app, 0, 'Name', missedCustomer);
    const yesterday = await readBrowserYesterday(app);
    await editCell(app, 0, 'Next follow-up', yesterday);
    await expect
      .poll(async () => (await readStoredReminders(app)).map((reminder) => reminder.due), { timeout: UI_TIMEOUT_MS })
      .toEqual([`${yesterday}T09:00`]);

    await persistent!.close();
    persistent = undefined;

    app = await launchProfile();
    await openApp(app);
    await openRemindersPage(app);
    await reminderItem(reminderGroup(app, 'Overdue'), missedCustomer).waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => navButton(app, /^Reminders/).textContent()).toMatch(/^Reminders\s*1\s*overdue$/);
  });

  test('Reminders page, badge and Done work offline', async () => {
    await waitForServiceWorkerControl(app);
    await persistent!.setOffline(true);
    await app.reload();
    await sheetTab(app, 'Clients').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await app.evaluate(() => navigator.onLine)).toBe(false);

    await expect.poll(() => navButton(app, /^Reminders/).textContent()).toMatch(/^Reminders\s*1\s*overdue$/);
    await openRemindersPage(app);
    const overdue = reminderGroup(app, 'Overdue');
    await reminderItem(overdue, missedCustomer).getByRole('button', { name: 'Done', exact: true }).click();

    await reminderItem(overdue, missedCustomer).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await reminderItem(reminderGroup(app, 'Done'), missedCustomer).waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => navButton(app, /^Reminders/).textContent()).toBe('Reminders');
    const [stored] = await readStoredReminders(app);
    expect(stored?.state).toBe('done');
  });
});
