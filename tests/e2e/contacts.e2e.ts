// The customer panel, the conversation log, quick add and the keyboard
// shortcuts dialog, driven from the keyboard in the production build.

import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';

import {
  cell,
  findRowIndexes,
  openApp,
  readBrowserDate,
  readCell,
  readTotalRowCount,
  sheetTab,
  startFromTemplateWithSamples,
  toolbarButton,
} from './helpers';
import { seriousAxeViolations } from './axe';
import { freshPagePerTest } from './session';

const UI_TIMEOUT_MS = 20_000;

/** The first sample row of "Simple client list". */
const SAMPLE_NAME = 'Agnieszka Thornbury';
const SAMPLE_EMAIL = 'agnieszka@thornbury-ceramics.example';

/** Columns of the "Clients" sheet of "Simple client list", each one field in quick add. */
const CLIENT_COLUMNS = 9;

const session = freshPagePerTest(async (page) => {
  await openApp(page);
  await startFromTemplateWithSamples(page, 'Simple client list', 'Clients');
});

function panel(page: Page) {
  return page.getByRole('complementary', { name: 'Customer details' });
}

function quickAddDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Quick add' });
}

/** Returns "DD/MM/YYYY" for a 'YYYY-MM-DD' day, as the grid shows dates in the en-GB workbook locale. */
function britishDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** Counts every key the test sends, so the keystrokes of a quick add can be bounded. */
class KeyCounter {
  count = 0;

  constructor(private readonly page: Page) {}

  /** Presses a key or a chord such as 'Control+Alt+N'; every key of the chord counts. */
  async press(keys: string): Promise<void> {
    this.count += keys.split('+').length;
    await this.page.keyboard.press(keys);
  }

  /** Types text one key per character. */
  async type(text: string): Promise<void> {
    this.count += [...text].length;
    await this.page.keyboard.type(text);
  }
}

describe('customer panel', () => {
  test('logs a call from the keyboard', async () => {
    const { page } = session;
    const today = await readBrowserDate(page);
    const [row] = await findRowIndexes(page, 'Name', SAMPLE_NAME);
    expect(row).toBeDefined();
    expect(await readCell(page, row!, 'Last contacted')).not.toBe(britishDate(today));

    await (await cell(page, row!, 'Name')).click();
    await page.keyboard.press('Space');
    await expect.poll(() => panel(page).isVisible(), { timeout: UI_TIMEOUT_MS }).toBe(true);
    await expect
      .poll(() => panel(page).getByRole('heading', { level: 2 }).textContent(), { timeout: UI_TIMEOUT_MS })
      .toBe(SAMPLE_NAME);
    expect(await panel(page).getByRole('textbox', { name: 'Email' }).inputValue()).toBe(SAMPLE_EMAIL);
    expect(await seriousAxeViolations(page, '.customer-panel')).toEqual([]);

    const form = panel(page).getByRole('form', { name: 'Log a conversation' });
    await form.getByRole('combobox', { name: 'Type' }).selectOption('Call');
    await form.getByRole('textbox', { name: 'What was said' }).fill('Agreed a glaze order for spring.');
    await form.getByRole('button', { name: 'Log conversation' }).press('Enter');
    const entries = panel(page).getByRole('list', { name: 'Logged conversations, newest first' });
    await entries.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await entries.getByRole('listitem').count()).toBe(1);
    expect(await entries.textContent()).toContain('Agreed a glaze order for spring.');

    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    const focusedRow = await page.evaluate(() => document.activeElement?.closest('[role="row"]')?.textContent ?? '');
    expect(focusedRow).toContain(SAMPLE_NAME);

    await expect
      .poll(() => readCell(page, row!, 'Last contacted'), { timeout: UI_TIMEOUT_MS })
      .toBe(britishDate(today));
    await sheetTab(page, 'Activities').waitFor({ timeout: UI_TIMEOUT_MS });
  });

  test('edits a field in place', async () => {
    const { page } = session;
    const [row] = await findRowIndexes(page, 'Name', SAMPLE_NAME);
    await (await cell(page, row!, 'Company')).click();
    await page.keyboard.press('Shift+Enter');

    const company = panel(page).getByRole('textbox', { name: 'Company' });
    await company.fill('Thornbury Pottery');
    await company.press('Enter');
    await expect.poll(() => readCell(page, row!, 'Company'), { timeout: UI_TIMEOUT_MS }).toBe('Thornbury Pottery');
  });
  test('offers to log an email after its link', async () => {
    const { page } = session;
    // The link would hand over to a mail program; the test keeps the page where it is.
    await page.evaluate(() =>
      document.addEventListener(
        'click',
        (event) => {
          if (event.target instanceof Element && event.target.closest('a[href^="mailto:"]')) event.preventDefault();
        },
        true,
      ),
    );
    const [row] = await findRowIndexes(page, 'Name', SAMPLE_NAME);
    await (await cell(page, row!, 'Name')).click();
    await page.keyboard.press('Space');

    await panel(page)
      .getByRole('link', { name: `Email ${SAMPLE_EMAIL}` })
      .click();
    await panel(page).getByRole('button', { name: 'Log the email' }).click();
    const form = panel(page).getByRole('form', { name: 'Log a conversation' });
    await expect
      .poll(() => form.getByRole('combobox', { name: 'Type' }).inputValue(), { timeout: UI_TIMEOUT_MS })
      .toBe('Email');
    const notesFocused = await page.evaluate(() => document.activeElement?.tagName === 'TEXTAREA');
    expect(notesFocused).toBe(true);
  });
});

describe('quick add', () => {
  test('adds a full customer from the keyboard', async () => {
    const { page } = session;
    const before = await readTotalRowCount(page);
    const keys = new KeyCounter(page);
    const customer = {
      name: 'Evander Pollsworth',
      company: 'Pollsworth Joinery',
      email: 'evander@pollsworth.example',
      phone: '+44 7700 900456',
      status: 'Customer',
      followUp: '24/12/2027',
      notes: 'Wants a quote for oak shelving.',
    };

    await keys.press('Control+Alt+N');
    await quickAddDialog(page).waitFor({ timeout: UI_TIMEOUT_MS });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('id') ?? ''), { timeout: UI_TIMEOUT_MS })
      .not.toBe('');
    expect(await seriousAxeViolations(page, 'dialog[open]')).toEqual([]);

    await keys.type(customer.name);
    await keys.press('Tab');
    await keys.type(customer.company);
    await keys.press('Tab');
    await keys.type(customer.email);
    await keys.press('Tab');
    await keys.type(customer.phone);
    await keys.press('Tab');
    // A closed select picks the first choice that starts with the typed letter: C is Customer.
    await keys.type('C');
    await keys.press('Tab'); // Last contacted stays empty.
    await keys.press('Tab');
    await keys.type(customer.followUp);
    await keys.press('Tab'); // Tags stay empty.
    await keys.press('Tab');
    await keys.type(customer.notes);
    await keys.press('Enter');

    // The bound: every character of the seven values, one Tab per column, the three keys of
    // Ctrl+Alt+N and Enter. Any extra key the form demanded (a mouse-free workaround, a
    // confirmation) would push the count over it.
    const characters = Object.values(customer).join('').length;
    expect(keys.count).toBeLessThanOrEqual(characters + CLIENT_COLUMNS + 3 + 1);

    await quickAddDialog(page).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await expect.poll(() => readTotalRowCount(page), { timeout: UI_TIMEOUT_MS }).toBe(before + 1);
    const [row] = await findRowIndexes(page, 'Name', customer.name);
    expect(row).toBeDefined();
    expect(await readCell(page, row!, 'Company')).toBe(customer.company);
    expect(await readCell(page, row!, 'Email')).toBe(customer.email);
    // The phone cell also shows a copy button, so its text starts with the number.
    expect(await readCell(page, row!, 'Phone')).toMatch(/^\+44 7700 900456/);
    expect(await readCell(page, row!, 'Status')).toBe(customer.status);
    expect(await readCell(page, row!, 'Next follow-up')).toBe(customer.followUp);
    expect(await readCell(page, row!, 'Notes')).toBe(customer.notes);
  });

  test('warns about an existing email', async () => {
    const { page } = session;
    const before = await readTotalRowCount(page);
    await toolbarButton(page, 'Quick add').click();
    const dialog = quickAddDialog(page);
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Agnes Thornbury');
    await dialog.getByRole('textbox', { name: 'Email' }).fill(SAMPLE_EMAIL.toUpperCase());
    await page.keyboard.press('Enter');

    const warning = dialog.getByRole('alert');
    await warning.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await warning.textContent()).toContain(`${SAMPLE_NAME} already has this email`);
    expect(await seriousAxeViolations(page, 'dialog[open]')).toEqual([]);
    await warning.getByRole('button', { name: 'Open existing' }).click();

    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await expect
      .poll(() => panel(page).getByRole('heading', { level: 2 }).textContent(), { timeout: UI_TIMEOUT_MS })
      .toBe(SAMPLE_NAME);
    expect(await readTotalRowCount(page)).toBe(before);
  });

  test('saves a duplicate when asked', async () => {
    const { page } = session;
    const before = await readTotalRowCount(page);
    await toolbarButton(page, 'Quick add').click();
    const dialog = quickAddDialog(page);
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Agnes Thornbury');
    await dialog.getByRole('textbox', { name: 'Email' }).fill(SAMPLE_EMAIL);
    await page.keyboard.press('Enter');
    // The warning puts the focus on "Save anyway", so Enter confirms.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), { timeout: UI_TIMEOUT_MS })
      .toBe('Save anyway');
    await page.keyboard.press('Enter');

    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await expect.poll(() => readTotalRowCount(page), { timeout: UI_TIMEOUT_MS }).toBe(before + 1);
  });
});

describe('keyboard shortcuts', () => {
  test('"?" lists the shortcuts', async () => {
    const { page } = session;
    await (await cell(page, 0, 'Name')).click();
    await page.keyboard.press('?');

    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('Quick add a row to the current sheet');
    expect(text).toContain('Open the customer panel of the focused row');
    expect(text).toContain('Undo');
    expect(await seriousAxeViolations(page, 'dialog[open]')).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    // The grid did not take the "?" as the start of an edit.
    expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);
  });
});
