// Automation rules in the production build: a template's ready-made rule is
// switched on in Settings, a grid edit sets it off, its effects show in the
// grid and on the Reminders page, and one Undo reverts all of it.

import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';

import {
  cell,
  findRowIndexes,
  navButton,
  openApp,
  readBrowserDate,
  readCell,
  sheetTab,
  startFromTemplateWithSamples,
  statusLocator,
  toolbarButton,
} from './helpers';
import { seriousAxeViolations } from './axe';
import { freshPagePerTest } from './session';

const UI_TIMEOUT_MS = 20_000;

const WON_RULE = 'Won deal makes a customer';
const DEAL = 'Payroll setup';

const session = freshPagePerTest(async (page) => {
  await openApp(page);
  await startFromTemplateWithSamples(page, 'Sales pipeline', 'Deals');
});

async function openAutomations(page: Page): Promise<Locator> {
  await navButton(page, 'Settings').click();
  const section = page.getByRole('region', { name: 'Automations' });
  await section.waitFor({ timeout: UI_TIMEOUT_MS });
  return section;
}

async function openSheets(page: Page): Promise<void> {
  await navButton(page, 'Sheets').click();
  await statusLocator(page).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.locator('[role="gridcell"]').first().waitFor({ timeout: UI_TIMEOUT_MS });
}

/**
 * Picks a choice in a select cell through AG Grid's select editor: a
 * double-click opens the editor, a click on its combobox opens the list.
 */
async function chooseInCell(page: Page, rowIndex: number, column: string, choice: string): Promise<void> {
  const target = await cell(page, rowIndex, column);
  await target.dblclick();
  const picker = target.getByRole('combobox');
  await picker.waitFor({ timeout: UI_TIMEOUT_MS });
  await picker.click();
  const option = page.getByRole('option', { name: choice, exact: true });
  await option.waitFor({ timeout: UI_TIMEOUT_MS });
  await option.click();
  if ((await page.locator('.ag-cell-inline-editing').count()) > 0) await page.keyboard.press('Enter');
  await expect.poll(() => readCell(page, rowIndex, column), { timeout: UI_TIMEOUT_MS }).toBe(choice);
}

/** Formats a 'YYYY-MM-DD' date as the grid shows it with the default en-GB formats. */
function shownDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

describe('automation rules', () => {
  test('won deal becomes a customer, and one Undo reverts it', async () => {
    const { page } = session;
    const today = await readBrowserDate(page);

    const automations = await openAutomations(page);
    const rule = automations.getByRole('article', { name: WON_RULE });
    const toggle = rule.getByRole('switch');
    expect(await toggle.isChecked()).toBe(false);
    // The switch follows the stored rule, so it turns on once the change is saved, not on the click itself.
    await toggle.click();
    await expect.poll(() => toggle.isChecked(), { timeout: UI_TIMEOUT_MS }).toBe(true);

    await openSheets(page);
    const [row] = await findRowIndexes(page, 'Deal', DEAL);
    expect(row).toBeDefined();
    expect(await readCell(page, row!, 'Status')).toBe('Prospect');
    await chooseInCell(page, row!, 'Stage', 'Closed Won');

    await expect.poll(() => readCell(page, row!, 'Status'), { timeout: UI_TIMEOUT_MS }).toBe('Customer');
    expect(await readCell(page, row!, 'Customer since')).toBe(shownDate(today));

    await navButton(page, /^Reminders/).click();
    await page.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
    const checkIn = page.getByRole('listitem').filter({ hasText: DEAL }).filter({ hasText: 'Check in every 90 days' });
    await checkIn.first().waitFor({ timeout: UI_TIMEOUT_MS });

    await openSheets(page);
    await toolbarButton(page, 'Undo').click();
    await expect.poll(() => readCell(page, row!, 'Stage'), { timeout: UI_TIMEOUT_MS }).toBe('Appointment Scheduled');
    expect(await readCell(page, row!, 'Status')).toBe('Prospect');
    expect(await readCell(page, row!, 'Customer since')).toBe('');

    await navButton(page, /^Reminders/).click();
    await page.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => checkIn.count(), { timeout: UI_TIMEOUT_MS }).toBe(0);

    const log = await openAutomations(page);
    await expect
      .poll(() => log.getByRole('article', { name: WON_RULE }).textContent(), { timeout: UI_TIMEOUT_MS })
      .toMatch(/Ran \d{1,2} \w{3} \d{4} on 1 row/);
  });

  test('a new automation from the form runs on an edit', async () => {
    const { page } = session;
    const automations = await openAutomations(page);
    await automations.getByRole('button', { name: 'New automation' }).click();
    const form = page.getByRole('dialog', { name: 'New automation' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Note lost deals');
    await form.getByRole('combobox', { name: 'Column that changes' }).selectOption({ label: 'Stage' });
    await form.getByRole('combobox', { name: 'Changes to' }).selectOption('Closed Lost');
    await form.getByRole('button', { name: 'Add step' }).click();
    await form.getByRole('combobox', { name: 'Column of step 1' }).selectOption({ label: 'Notes' });
    await form.getByRole('textbox', { name: 'Value of step 1' }).fill('Lost, ask again in spring');
    await form.getByRole('button', { name: 'Save automation' }).click();
    await form.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });

    const rule = automations.getByRole('article', { name: 'Note lost deals' });
    expect(await rule.textContent()).toContain('"Stage" becomes "Closed Lost"');
    expect(await rule.getByRole('switch').isChecked()).toBe(true);

    await openSheets(page);
    const [row] = await findRowIndexes(page, 'Deal', DEAL);
    await chooseInCell(page, row!, 'Stage', 'Closed Lost');
    await expect
      .poll(() => readCell(page, row!, 'Notes'), { timeout: UI_TIMEOUT_MS })
      .toBe('Lost, ask again in spring');
  });

  test('try on one row saves nothing', async () => {
    const { page } = session;
    const automations = await openAutomations(page);
    await automations.getByRole('article', { name: WON_RULE }).getByRole('button', { name: 'Try on one row' }).click();
    const dialog = page.getByRole('dialog', { name: `Try "${WON_RULE}"` });
    await dialog.getByRole('combobox', { name: 'Row' }).selectOption({ label: `3. ${DEAL}` });
    await dialog.getByRole('button', { name: 'Try', exact: true }).click();

    const result = dialog.getByRole('status');
    await expect
      .poll(() => result.textContent(), { timeout: UI_TIMEOUT_MS })
      .toContain('Start a check-in every 90 days');
    expect(await result.textContent()).toContain(`Change Status of "${DEAL}" from "Prospect" to "Customer".`);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    await openSheets(page);
    const [row] = await findRowIndexes(page, 'Deal', DEAL);
    expect(await readCell(page, row!, 'Status')).toBe('Prospect');
  });

  test('former customer prompts for the churn reason', async () => {
    const { page } = session;
    await navButton(page, 'Templates').click();
    await page
      .getByRole('article', { name: 'Customer lifetime value tracker', exact: true })
      .getByRole('button', { name: 'Preview', exact: true })
      .click();
    const preview = page.getByRole('dialog', { name: 'Customer lifetime value tracker' });
    await preview.getByRole('checkbox', { name: 'Include sample rows' }).check();
    await preview.getByRole('button', { name: 'Use template', exact: true }).click();
    await preview.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });

    const automations = await openAutomations(page);
    const toggle = automations.getByRole('article', { name: 'Ask why a customer left' }).getByRole('switch');
    await toggle.click();
    await expect.poll(() => toggle.isChecked(), { timeout: UI_TIMEOUT_MS }).toBe(true);

    await openSheets(page);
    await sheetTab(page, 'Customers').click();
    const [row] = await findRowIndexes(page, 'Name', 'Zainab Holloway');
    await chooseInCell(page, row!, 'Status', 'Former customer');

    const prompt = page.getByRole('dialog', { name: 'Churn reason for Zainab Holloway' });
    await prompt.waitFor({ timeout: UI_TIMEOUT_MS });
    await prompt.getByRole('combobox', { name: 'Churn reason' }).selectOption('Price');
    await prompt.getByRole('button', { name: 'Save', exact: true }).click();
    await prompt.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await expect.poll(() => readCell(page, row!, 'Churn reason'), { timeout: UI_TIMEOUT_MS }).toBe('Price');
  });

  test('Automations section passes axe', async () => {
    const { page } = session;
    const automations = await openAutomations(page);
    expect(await seriousAxeViolations(page), 'the Automations section').toEqual([]);

    await automations.getByRole('button', { name: 'New automation' }).click();
    const form = page.getByRole('dialog', { name: 'New automation' });
    await form.getByRole('button', { name: 'Add step' }).click();
    expect(await seriousAxeViolations(page), 'the new automation form').toEqual([]);
    await form.getByRole('button', { name: 'Cancel' }).click();

    await automations.getByRole('button', { name: 'Run log' }).click();
    await page.getByRole('dialog', { name: 'Automation run log' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await seriousAxeViolations(page), 'the run log').toEqual([]);
  });
});
