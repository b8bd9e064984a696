import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';

import {
  FIXTURES_DIR,
  chooseFileFromToolbar,
  chooseFileOnFirstRun,
  closeImportDialog,
  confirmImport,
  importDialog,
  importRowsButton,
  openApp,
  readCell,
  readCellEditorValue,
  rowsText,
  toolbarButton,
  waitForStatus,
} from './helpers';
import { seriousAxeViolations } from './axe';
import { freshPagePerTest } from './session';

const SEMICOLON_1252 = path.join(FIXTURES_DIR, 'import', 'clients-semicolon-1252.csv');
const CONTACTS_VCF = path.join(FIXTURES_DIR, 'import', 'contacts.vcf');

/** Time allowed for the dialog to react, as the shared helpers allow. */
const UI_TIMEOUT_MS = 20_000;

let page: Page;
freshPagePerTest(async (opened) => {
  page = opened;
});

/** Imports the semicolon fixture from the first-run screen, choosing D.M.Y for its ambiguous birthdays. */
async function importClientsFile(): Promise<string> {
  await openApp(page);
  await chooseFileOnFirstRun(page, SEMICOLON_1252);
  const dialog = importDialog(page);

  const dateFormat = dialog.getByLabel('Date format of column Birthday');
  await dateFormat.waitFor({ timeout: UI_TIMEOUT_MS });
  expect(await dateFormat.inputValue()).toBe('');
  await expect.poll(() => importRowsButton(page).isDisabled()).toBe(true);
  expect(await dialog.textContent()).toContain('Choose the date format of Birthday to import.');

  expect(await seriousAxeViolations(page), 'axe on an ambiguous date column').toEqual([]);
  await dateFormat.selectOption({ label: 'D.M.Y (31.03.2024)' });
  await expect.poll(() => importRowsButton(page).isEnabled()).toBe(true);

  const { summary } = await confirmImport(page);
  await closeImportDialog(page);
  await waitForStatus(page, rowsText(3));
  return summary;
}

describe('import depth', () => {
  test('semicolon Windows-1252 file with picked date format', async () => {
    await openApp(page);
    await chooseFileOnFirstRun(page, SEMICOLON_1252);
    const dialog = importDialog(page);
    await dialog.getByLabel(/^Delimiter/).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await dialog.getByLabel(/^Delimiter/).inputValue()).toBe(';');
    expect(await dialog.getByLabel(/^Encoding/).inputValue()).toBe('windows-1252');
    expect(await dialog.getByLabel(/^Decimal mark/).inputValue()).toBe(',');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });

    await page.reload();
    const summary = await importClientsFile();
    expect(summary).toContain('3 added, 0 updated, 0 skipped, 0 rejected');

    expect(await readCell(page, 0, 'Name')).toBe('Renée Dupont');
    expect(await readCell(page, 1, 'City')).toBe('Málaga');
    expect(await readCell(page, 2, 'Name')).toBe('Zoë Åberg');
    // The workbook shows dates day first, as the file wrote them (D.M.Y).
    expect(await readCellEditorValue(page, 0, 'Birthday')).toBe('05/03/1990');
    expect(await readCellEditorValue(page, 2, 'Birthday')).toBe('02/12/1979');
    expect(await readCell(page, 0, 'Balance')).toBe('12.5');
  });

  test('re-import skips duplicates', async () => {
    await importClientsFile();

    await chooseFileFromToolbar(page, SEMICOLON_1252);
    const dialog = importDialog(page);
    const duplicates = dialog.locator('.duplicate-summary');
    await expect
      .poll(() => duplicates.textContent(), { timeout: UI_TIMEOUT_MS })
      .toBe('3 rows match rows in this sheet (3 by email).');
    expect(await dialog.getByRole('radio', { name: 'Skip duplicates' }).isChecked()).toBe(true);
    expect(await seriousAxeViolations(page), 'axe on the duplicates choice').toEqual([]);
    // The date format chosen for this layout last time is filled in.
    expect(await dialog.getByLabel('Date format of column Birthday').inputValue()).toBe('dmyDots');

    const { summary } = await confirmImport(page);
    expect(summary).toContain('0 added, 0 updated, 3 skipped, 0 rejected');
    await closeImportDialog(page);
    await waitForStatus(page, rowsText(3));
  });

  test('undo an import from the history', async () => {
    await importClientsFile();

    await toolbarButton(page, 'Import').click();
    const dialog = importDialog(page);
    const history = dialog.getByRole('region', { name: 'Import history' });
    await history.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await history.textContent()).toContain('3 added, 0 updated, 0 skipped, 0 rejected');

    await history.getByRole('button', { name: /^Undo import of clients-semicolon-1252\.csv/ }).click();
    await history.getByRole('status').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await history.getByRole('status').textContent()).toContain('3 added rows moved to the trash');
    expect(await history.textContent()).toContain('Undone.');
    expect(await seriousAxeViolations(page), 'axe on the import history').toEqual([]);

    await dialog.getByRole('button', { name: 'Dismiss dialog' }).click();
    await waitForStatus(page, rowsText(0));
  });

  test('vCard file imports its cards', async () => {
    await openApp(page);
    await chooseFileOnFirstRun(page, CONTACTS_VCF);
    const dialog = importDialog(page);
    await dialog.getByText(/^Read 3 cards from a vCard file/).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await dialog.textContent()).toContain('"--04-15": the birthday --04-15 has no year');

    const { buttonLabel, summary } = await confirmImport(page);
    expect(buttonLabel).toBe('Import 3 rows');
    expect(summary).toContain('3 added, 0 updated, 0 skipped, 0 rejected');
    await closeImportDialog(page);
    await waitForStatus(page, rowsText(3));

    expect(await readCell(page, 0, 'Name')).toBe('Jörg Müller');
    expect(await readCell(page, 1, 'Company')).toBe('Quill, Sons & Co');
    expect(await readCell(page, 1, 'Email 2')).toBe('ada.work@quill.example');
    expect(await readCellEditorValue(page, 2, 'Phone')).toBe('+44-7700-900456');
    expect(await readCell(page, 2, 'Birthday')).toBe('--04-15');
  });
});

describe('a file with nothing to import', () => {
  test('creates no empty sheet', async () => {
    await openApp(page);
    await chooseFileOnFirstRun(page, path.join(FIXTURES_DIR, 'import', 'unterminated-quote.csv'));
    const { summary } = await confirmImport(page);

    expect(summary).toContain('Nothing from unterminated-quote.csv could be imported, so no sheet was created');
    expect(summary).toContain('0 added, 0 updated, 0 skipped, 1 rejected');
    await closeImportDialog(page);
    await page.getByRole('heading', { name: 'Choose a template' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByRole('tab').count()).toBe(0);
  });
});
