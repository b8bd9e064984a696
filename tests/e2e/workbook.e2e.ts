import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  chooseTemplate,
  editCell,
  openApp,
  readCell,
  readColumnNames,
  sheetTab,
  toolbarButton,
  waitForStatus,
} from './helpers';
import { freshPagePerTest } from './session';

let page: Page;
freshPagePerTest(async (opened) => {
  page = opened;
  await openApp(page);
  await chooseTemplate(page, 'Simple client list', 'Clients');
});

async function addRowNamed(name: string, rowIndex: number): Promise<void> {
  await toolbarButton(page, 'Add row').click();
  await waitForStatus(page, `${rowIndex + 1} ${rowIndex === 0 ? 'row' : 'rows'}`);
  await editCell(page, rowIndex, 'Name', name);
}

async function openColumns() {
  await toolbarButton(page, 'Columns').click();
  const dialog = page.getByRole('dialog', { name: 'Columns' });
  await dialog.waitFor();
  return dialog;
}

async function addColumn(name: string, type: string): Promise<void> {
  const dialog = await openColumns();
  await dialog.getByPlaceholder('Column name').fill(name);
  await dialog.getByLabel('Type of new column').selectOption({ label: type });
  await dialog.getByRole('button', { name: 'Add column' }).click();
  await dialog.getByLabel(`Name of column ${name}`).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
}

describe('workbook editing', () => {
  test('retyping text to number keeps a value that does not convert, flagged', async () => {
    await addColumn('Score', 'Text');
    await addRowNamed('Ada Quill', 0);
    await addRowNamed('Bram Oakes', 1);
    await editCell(page, 0, 'Score', '12');
    await editCell(page, 1, 'Score', 'abc');

    const dialog = await openColumns();
    await dialog.getByLabel('Type of column Score').selectOption({ label: 'Number' });
    await dialog.getByRole('button', { name: 'Change type' }).click();
    await page.getByText('"Score" is now number.').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    expect(await readCell(page, 0, 'Score')).toBe('12');
    expect(await readCell(page, 1, 'Score')).toBe('abc');
    await expect.poll(() => page.locator('.cell-invalid').allTextContents()).toEqual(['abc']);

    await page.reload();
    await waitForStatus(page, '2 rows');
    expect(await readCell(page, 1, 'Score')).toBe('abc');
    await expect.poll(() => page.locator('.cell-invalid').count()).toBe(1);
  });

  test('a link column shows the linked row and survives a reload', async () => {
    await page.getByRole('button', { name: 'Add sheet' }).click();
    await page.getByLabel('Sheet name').fill('Companies');
    await page.getByRole('dialog').getByRole('button', { name: 'Add sheet' }).click();
    await sheetTab(page, 'Companies').waitFor();
    await addRowNamed('Oakes Joinery, Ltd', 0);

    await sheetTab(page, 'Clients').click();
    await waitForStatus(page, '0 rows');
    await addColumn('Employer', 'Link to Companies');
    await addRowNamed('Bram Oakes', 0);
    await editCell(page, 0, 'Employer', 'oakes joinery, ltd');
    await expect.poll(() => readCell(page, 0, 'Employer')).toBe('Oakes Joinery, Ltd');

    await page.reload();
    await waitForStatus(page, '1 row');
    expect(await readCell(page, 0, 'Employer')).toBe('Oakes Joinery, Ltd');

    await page.getByRole('button', { name: 'Oakes Joinery, Ltd' }).click();
    await expect.poll(() => sheetTab(page, 'Companies').getAttribute('aria-selected')).toBe('true');
  });

  test('a saved view keeps its columns and search after a reload', async () => {
    await addRowNamed('Ada Quill', 0);
    await addRowNamed('Bram Oakes', 1);

    const dialog = await openColumns();
    await dialog.getByLabel('Show Company').uncheck();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('bram');
    await waitForStatus(page, '1 of 2 rows');

    await toolbarButton(page, 'Save view').click();
    await page.getByLabel('View name').fill('Bram only');
    await page.getByRole('dialog').getByRole('button', { name: 'Save view' }).click();

    // Saving makes the new view the active one; switching away waits for that to land.
    const viewPicker = page.getByRole('combobox', { name: 'View', exact: true });
    await expect.poll(() => viewPicker.locator('option:checked').textContent()).toBe('Bram only');
    await viewPicker.selectOption({ label: 'All rows' });
    await expect.poll(() => viewPicker.locator('option:checked').textContent()).toBe('All rows');
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await waitForStatus(page, '2 rows');

    await page.reload();
    await waitForStatus(page, '2 rows');
    await viewPicker.selectOption({ label: 'Bram only' });
    await waitForStatus(page, '1 of 2 rows');
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('bram');
    expect(await readColumnNames(page)).not.toContain('Company');
  });

  test('a deleted sheet is restored from the trash', async () => {
    await page.getByRole('button', { name: 'Duplicate sheet' }).click();
    await sheetTab(page, 'Clients copy').waitFor();
    await page.getByRole('button', { name: 'Delete sheet' }).click();
    await sheetTab(page, 'Clients copy').waitFor({ state: 'detached' });

    await toolbarButton(page, 'Trash').click();
    await page.getByRole('button', { name: 'Restore sheet Clients copy' }).click();
    await sheetTab(page, 'Clients copy').waitFor();
  });

  test('a column named like a follow-up date on a blank sheet feeds Reminders', async () => {
    await page.getByRole('button', { name: 'Templates', exact: true }).click();
    await page.getByRole('button', { name: 'Preview' }).last().click();
    await page.getByRole('button', { name: 'Use template' }).click();
    await sheetTab(page, 'Sheet 1').waitFor();

    await addColumn('Next follow-up', 'Date');
    const dialog = await openColumns();
    expect(await dialog.getByLabel('Role of column Next follow-up').inputValue()).toBe('followUpDate');
    await dialog.getByRole('button', { name: 'Done' }).click();

    await addRowNamed('Dora Finch', 0);
    const yesterday = await page.evaluate(() => {
      const day = new Date();
      day.setDate(day.getDate() - 1);
      return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    });
    await editCell(page, 0, 'Next follow-up', yesterday);

    await page.getByRole('button', { name: /^Reminders/ }).click();
    await page.getByRole('heading', { name: 'Reminders', exact: true }).waitFor();
    await page.getByText('Dora Finch').first().waitFor();
  });
});
