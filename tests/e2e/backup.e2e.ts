// Backup and restore through the real UI: a backup downloaded in one browser
// profile restores in a fresh profile with every record equal, a wrong
// passphrase restores nothing, and a file that is not a backup is rejected
// by name.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  CUSTOMERS_100_CSV,
  editCell,
  firstRunHeading,
  makeTempDir,
  navButton,
  openApp,
  readCell,
  sheetTab,
  startFromTemplateWithSamples,
  statusLocator,
} from './helpers';
import { seriousAxeViolations } from './axe';
import { freshProfiles } from './session';

const UI_TIMEOUT_MS = 20_000;

/** PBKDF2 with 600,000 iterations takes a few seconds in a loaded headless browser. */
const DECRYPT_TIMEOUT_MS = 45_000;

const BACKUP_FILE_NAME = /^Kindling backup \d{4}-\d{2}-\d{2}\.json$/;
const EDITED_NAME = 'Zofia Wrzesińska 🌷';
const PASSPHRASE = 'hedgehog lantern 42';

let temporaryDirectories: { remove: () => void }[] = [];

afterEach(() => {
  for (const directory of temporaryDirectories) directory.remove();
  temporaryDirectories = [];
});

// Vitest runs afterEach hooks in reverse order, so the profiles close before the folders are removed.
const newProfilePage = freshProfiles();

/** Opens the app in a new browser context: a fresh profile with empty IndexedDB. */
async function openFreshProfile(): Promise<Page> {
  const page = await newProfilePage();
  await openApp(page);
  return page;
}

/** Reads every record of every object store of the app's IndexedDB database. */
function readDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const request = indexedDB.open('kindling');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const names = [...database.objectStoreNames];
          const transaction = database.transaction(names, 'readonly');
          const dump: Record<string, unknown[]> = {};
          for (const name of names) {
            const read = transaction.objectStore(name).getAll();
            read.onsuccess = () => {
              dump[name] = read.result;
            };
          }
          transaction.oncomplete = () => {
            database.close();
            resolve(dump);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
}

async function openSettings(page: Page): Promise<void> {
  await navButton(page, 'Settings').click();
  await page.getByRole('heading', { name: 'Backup', level: 2 }).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** Clicks "Download backup" in Settings and returns the saved file's name and path. */
async function downloadBackup(page: Page): Promise<{ fileName: string; path: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: DECRYPT_TIMEOUT_MS }),
    page.getByRole('button', { name: 'Download backup', exact: true }).click(),
  ]);
  // Saved under its suggested name, as a browser does, so the restore reads the same file name.
  const downloads = makeTempDir('backup');
  temporaryDirectories.push(downloads);
  const path = join(downloads.dir, download.suggestedFilename());
  await download.saveAs(path);
  // The last-backup date is written after the download starts; the message shows once it is saved.
  await page.getByText(/^Saved ".*" \((not encrypted|encrypted with your passphrase)\) to your downloads\.$/).waitFor({
    timeout: UI_TIMEOUT_MS,
  });
  await page.getByText(/^Last backup: /).waitFor({ timeout: UI_TIMEOUT_MS });
  return { fileName: download.suggestedFilename(), path };
}

/** Chooses a file through "Restore backup", the way a person does, through the browser's file chooser. */
async function chooseRestoreFile(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: UI_TIMEOUT_MS }),
    page.getByRole('button', { name: 'Restore backup', exact: true }).click(),
  ]);
  await chooser.setFiles(path);
}

function restoreDialog(page: Page, fileName: string): Locator {
  return page.getByRole('dialog', { name: `Restore "${fileName}"` });
}

describe('backup', () => {
  test('fresh profile restores every record', async () => {
    const original = await openFreshProfile();
    await startFromTemplateWithSamples(original, 'Google Sheets CRM', 'Leads');
    await editCell(original, 0, 'First Name', EDITED_NAME);

    await openSettings(original);
    const { fileName, path } = await downloadBackup(original);
    expect(fileName).toMatch(BACKUP_FILE_NAME);
    const expected = await readDatabase(original);
    expect(expected.rows!.length).toBeGreaterThan(4);

    const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 'kindling-backup', formatVersion: 1, schemaVersion: expect.any(Number) });
    expect(Object.keys(file.tables as object).sort()).toEqual(Object.keys(expected).sort());

    const fresh = await openFreshProfile();
    await firstRunHeading(fresh).waitFor({ timeout: UI_TIMEOUT_MS });
    await chooseRestoreFile(fresh, path);
    const dialog = restoreDialog(fresh, fileName);
    await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
    const sheetList = dialog.getByRole('list', { name: 'Sheets in the backup' });
    await expect.poll(() => sheetList.textContent()).toMatch(/^Leads: \d+ rows/);
    await dialog.getByRole('button', { name: 'Restore this backup', exact: true }).click();

    await sheetTab(fresh, 'Leads').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await readDatabase(fresh)).toEqual(expected);
    await statusLocator(fresh).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await readCell(fresh, 0, 'First Name')).toBe(EDITED_NAME);
  });

  test('encrypted backup needs its passphrase', async () => {
    const original = await openFreshProfile();
    await startFromTemplateWithSamples(original, 'Simple client list', 'Clients');
    await editCell(original, 0, 'Name', EDITED_NAME);
    await openSettings(original);
    await original.getByRole('checkbox', { name: 'Encrypt the backup with a passphrase' }).check();
    await original.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await original.getByLabel('Confirm passphrase', { exact: true }).fill(PASSPHRASE);
    const { fileName, path } = await downloadBackup(original);
    const expected = await readDatabase(original);

    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('Zofia');
    expect(JSON.parse(text)).toMatchObject({ encryption: { kdf: 'PBKDF2', cipher: 'AES-GCM' } });

    // The fresh profile has data of its own, which a wrong passphrase must leave alone.
    const fresh = await openFreshProfile();
    await startFromTemplateWithSamples(fresh, 'Service business', 'Clients');
    await openSettings(fresh);
    const before = await readDatabase(fresh);

    await chooseRestoreFile(fresh, path);
    const dialog = restoreDialog(fresh, fileName);
    await dialog.getByLabel('Passphrase', { exact: true }).fill('hedgehog lantern 43');
    await dialog.getByRole('button', { name: 'Open backup', exact: true }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent(), { timeout: DECRYPT_TIMEOUT_MS })
      .toContain(`The passphrase does not open "${fileName}"`);
    expect(await readDatabase(fresh)).toEqual(before);

    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Open backup', exact: true }).click();
    await dialog
      .getByRole('button', { name: 'Restore this backup', exact: true })
      .waitFor({ timeout: DECRYPT_TIMEOUT_MS });
    await dialog.getByRole('button', { name: 'Restore this backup', exact: true }).click();
    await fresh.getByText(`Restored the workbook from "${fileName}".`).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await readDatabase(fresh)).toEqual(expected);
  });

  test('file that is not a backup is rejected by name', async () => {
    const page = await openFreshProfile();
    await startFromTemplateWithSamples(page, 'Simple client list', 'Clients');
    await openSettings(page);
    const before = await readDatabase(page);

    await chooseRestoreFile(page, CUSTOMERS_100_CSV);
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), { timeout: UI_TIMEOUT_MS })
      .toBe('"customers-100.csv" is not a Kindling backup: it is not a JSON file.');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await readDatabase(page)).toEqual(before);
  });

  test('old workbook shows a backup notice', async () => {
    const page = await newProfilePage();
    const context = page.context();
    // Only Date is fixed, so timers and IndexedDB run as usual.
    await context.clock.setFixedTime(new Date('2026-03-02T10:00:00'));
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Simple client list', 'Clients');

    await context.clock.setFixedTime(new Date('2026-04-15T10:00:00'));
    await page.reload();
    const notice = page.getByText(/^This workbook is \d+ days old and has never been backed up\./);
    await notice.waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Back up now', exact: true }).click();
    await page.getByRole('heading', { name: 'Backup', level: 2 }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await notice.count()).toBe(0);

    // The notice shows once a day, so a reload the same day stays quiet.
    await page.reload();
    await sheetTab(page, 'Clients').waitFor({ timeout: UI_TIMEOUT_MS });
    await statusLocator(page).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await notice.count()).toBe(0);
  });

  test('settings and restore dialog pass axe', async () => {
    const page = await openFreshProfile();
    await startFromTemplateWithSamples(page, 'Simple client list', 'Clients');
    await openSettings(page);
    await page.getByRole('heading', { name: 'Storage', level: 2 }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('checkbox', { name: 'Encrypt the backup with a passphrase' }).check();
    expect(await seriousAxeViolations(page), 'the Settings page').toEqual([]);
    await page.getByRole('checkbox', { name: 'Encrypt the backup with a passphrase' }).uncheck();

    const { fileName, path } = await downloadBackup(page);
    await chooseRestoreFile(page, path);
    await restoreDialog(page, fileName).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await seriousAxeViolations(page), 'the restore dialog').toEqual([]);
  });
});
