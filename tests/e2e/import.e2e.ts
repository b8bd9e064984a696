import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CUSTOMERS_100_CSV,
  chooseFileOnFirstRun,
  closeImportDialog,
  confirmImport,
  importDialog,
  openApp,
  readCell,
  readCellEditorValue,
  readColumnNames,
  rowsText,
  searchBox,
  sheetTab,
  waitForStatus,
} from './helpers';
import { freshPagePerTest } from './session';

type Customer = Record<string, string>;

const fixture = Papa.parse<Customer>(readFileSync(CUSTOMERS_100_CSV, 'utf8'), {
  header: true,
  skipEmptyLines: true,
});
const header = fixture.meta.fields ?? [];
const customers = fixture.data;

function findCustomer(description: string, predicate: (customer: Customer) => boolean): Customer {
  const customer = customers.find(predicate);
  if (!customer) {
    throw new Error(`The fixture has no customer with ${description}: regenerate it with make-customers.mjs.`);
  }
  return customer;
}

const PHONE_FORMS = [
  { form: 'international prefix and extension', pattern: /^001-\d{3}-\d{3}-\d{4}x\d+$/ },
  { form: 'parentheses and extension', pattern: /^\(\d{3}\)\d{3}-\d{4}x\d+$/ },
  { form: 'dots', pattern: /^\d{3}\.\d{3}\.\d{4}$/ },
];

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

let page: Page;
freshPagePerTest(async (opened) => {
  page = opened;
});

/** Narrows the grid to one customer by searching for their unique id. */
async function searchCustomer(customer: Customer): Promise<void> {
  await searchBox(page).fill(customer['Customer Id'] ?? '');
  await waitForStatus(page, rowsText(1, customers.length));
}

describe('import from first run', () => {
  test('fixture parses to 100 rows', () => {
    expect(customers).toHaveLength(100);
    expect(fixture.errors).toEqual([]);
  });

  test('previews and imports 100 rows', async () => {
    await openApp(page);
    await chooseFileOnFirstRun(page, CUSTOMERS_100_CSV);

    const dialog = importDialog(page);
    await dialog.waitFor();
    // A select's accessible name from its label also contains the selected
    // option, as in "Delimiter Comma (,)", so the labels match as prefixes.
    const delimiter = dialog.getByLabel(/^Delimiter/);
    await delimiter.waitFor();
    expect(await delimiter.inputValue()).toBe(',');
    const encoding = dialog.getByLabel(/^Encoding/);
    expect((await encoding.inputValue()).toLowerCase()).toMatch(/^utf-?8$/);

    const preview = dialog.getByRole('table');
    await preview.first().waitFor();
    const previewText = (await preview.first().textContent()) ?? '';
    expect(previewText).toContain('Customer Id');
    expect(previewText).toContain(customers[0]?.['Customer Id']);

    // One mapping select per source column, plus Delimiter and Encoding.
    expect(await dialog.getByRole('combobox').count()).toBeGreaterThanOrEqual(header.length + 2);

    const { buttonLabel, summary } = await confirmImport(page);
    expect(buttonLabel).toBe('Import 100 rows');
    expect(summary).toContain('100 added');
    expect(summary).toContain('0 updated');
    expect(summary).toContain('0 skipped');
    expect(summary).toContain('0 rejected');

    await closeImportDialog(page);
    await waitForStatus(page, '100 rows');
    await sheetTab(page, 'customers-100').waitFor();
    expect(await readColumnNames(page)).toEqual(header);
  });

  describe('after import', () => {
    beforeEach(async () => {
      await openApp(page);
      await chooseFileOnFirstRun(page, CUSTOMERS_100_CSV);
      await confirmImport(page);
      await closeImportDialog(page);
      await waitForStatus(page, '100 rows');
    });

    test('search narrows to one row', async () => {
      const customer = customers[41]!;
      await searchCustomer(customer);

      expect(await readCell(page, 0, 'Customer Id')).toBe(customer['Customer Id']);
      expect(await readCell(page, 0, 'Last Name')).toBe(customer['Last Name']);
      expect(await readCell(page, 0, 'Email')).toBe(customer['Email']);

      await searchBox(page).fill('');
      await waitForStatus(page, '100 rows');
    });

    test('company with a comma stays whole', async () => {
      const customer = findCustomer('a company containing a comma', (row) => (row['Company'] ?? '').includes(','));
      await searchCustomer(customer);

      expect(await readCell(page, 0, 'Company')).toBe(customer['Company']);
      expect(await readCellEditorValue(page, 0, 'Company')).toBe(customer['Company']);
    });

    test('name with an apostrophe stays whole', async () => {
      const customer = findCustomer('an apostrophe in the last name', (row) => (row['Last Name'] ?? '').includes("'"));
      await searchCustomer(customer);

      expect(await readCell(page, 0, 'Last Name')).toBe(customer['Last Name']);
    });

    test.each(PHONE_FORMS)('phone with $form keeps its text', async ({ form, pattern }) => {
      const customer = findCustomer(`a Phone 1 with ${form}`, (row) => pattern.test(row['Phone 1'] ?? ''));
      const phone = customer['Phone 1'] ?? '';
      await searchCustomer(customer);

      // The grid may format a phone for display, but no digit may be lost,
      // and the editor shows exactly what was imported.
      expect(digitsOf(await readCell(page, 0, 'Phone 1'))).toBe(digitsOf(phone));
      expect(await readCellEditorValue(page, 0, 'Phone 1')).toBe(phone);
    });

    test('date and email keep their values', async () => {
      const customer = customers[7]!;
      await searchCustomer(customer);

      // The ISO date in the file is stored as is and edits in the workbook's day-first form.
      const [year, month, day] = customer['Subscription Date']!.split('-');
      expect(await readCellEditorValue(page, 0, 'Subscription Date')).toBe(`${day}/${month}/${year}`);
      expect(await readCell(page, 0, 'Email')).toBe(customer['Email']);
      expect(await readCellEditorValue(page, 0, 'Email')).toBe(customer['Email']);
    });
  });
});
