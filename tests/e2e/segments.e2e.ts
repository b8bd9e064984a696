// Segments and "Search everything" in the production build. The test imports
// a CSV of twelve invented customers whose "Last contacted" dates count back
// from the browser's today. It builds the segment "Not contacted in 60 days"
// with the condition builder, which filters the grid to the three known rows
// and shows its count in the navigation. Ctrl+K finds a customer by part of their
// email and opens the row. Both dialogs pass axe's serious and critical rules.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';

import {
  importCsvFromFirstRun,
  makeTempDir,
  openApp,
  readBrowserDate,
  readCell,
  rowsText,
  toolbarButton,
  waitForStatus,
} from './helpers';
import { seriousAxeViolations } from './axe';
import { freshPagePerTest } from './session';

const UI_TIMEOUT_MS = 20_000;
const SEGMENT_NAME = 'Not contacted in 60 days';

/** Name, status, and days since the last contact (null for never), by row. */
const CUSTOMERS: [string, string, number | null][] = [
  ['Ada Quill', 'Customer', 90],
  ['Bea Rowan', 'Customer', 61],
  ['Cal Stone', 'Customer', 60],
  ['Dee Thorne', 'Customer', 10],
  ['Eli Vance', 'Lead', 120],
  ['Fay Wren', 'Customer', null],
  ['Gus Yarrow', 'Customer', 400],
  ['Hal Zeal', 'Lead', 5],
  ['Ivy Ash', 'Lead', 200],
  ['Jo Birch', 'Customer', 30],
  ['Kit Cole', 'Lead', null],
  ['Lu Dale', 'Customer', 59],
];
/** Customers whose last contact is more than 60 days before today. */
const EXPECTED = ['Ada Quill', 'Bea Rowan', 'Gus Yarrow'];

const session = freshPagePerTest();
let removeTempDir: (() => void) | undefined;

afterEach(() => {
  removeTempDir?.();
  removeTempDir = undefined;
});

function daysBefore(today: string, days: number): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
}

function emailOf(name: string): string {
  return `${name.toLowerCase().replace(' ', '.')}@${name.split(' ')[1]!.toLowerCase()}works.example`;
}

async function importCustomers(page: Page): Promise<void> {
  await openApp(page);
  const today = await readBrowserDate(page);
  const lines = ['Name,Email,Status,Last contacted'];
  for (const [name, status, days] of CUSTOMERS) {
    lines.push(`${name},${emailOf(name)},${status},${days === null ? '' : daysBefore(today, days)}`);
  }
  const temp = makeTempDir('kindling-segments-');
  removeTempDir = temp.remove;
  const file = path.join(temp.dir, 'clients.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  await importCsvFromFirstRun(page, file, CUSTOMERS.length);
}

/** Returns the first `count` names of the grid's Name column, sorted. */
async function gridNames(page: Page, count: number): Promise<string[]> {
  const names: string[] = [];
  for (let index = 0; index < count; index += 1) names.push(await readCell(page, index, 'Name'));
  return names.sort();
}

async function createSegment(page: Page): Promise<void> {
  await toolbarButton(page, 'New segment').click();
  const dialog = page.getByRole('dialog', { name: 'New segment' });
  await dialog.waitFor({ timeout: UI_TIMEOUT_MS });

  await dialog.getByLabel('Segment name').fill(SEGMENT_NAME);
  await dialog.getByRole('button', { name: 'Add condition' }).click();
  await dialog.getByLabel('Column of condition 1').selectOption({ label: 'Last contacted' });
  await dialog.getByLabel('Comparison of condition 1').selectOption('moreThanDaysAgo');
  await dialog.getByLabel('Days of condition 1').fill('60');
  await dialog.getByRole('button', { name: 'Add condition' }).click();
  await dialog.getByLabel('Column of condition 2').selectOption({ label: 'Status' });
  await dialog.getByLabel('Comparison of condition 2').selectOption('is');
  const value = dialog.getByLabel('Value of condition 2');
  if ((await value.evaluate((element) => element.tagName)) === 'SELECT')
    await value.selectOption({ label: 'Customer' });
  else await value.fill('Customer');

  await dialog
    .getByText(`${EXPECTED.length} of ${CUSTOMERS.length} rows match today.`)
    .waitFor({ timeout: UI_TIMEOUT_MS });
  expect(await seriousAxeViolations(page), 'axe on the segment editor').toEqual([]);

  await dialog.getByRole('button', { name: 'Save segment' }).click();
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
}

describe('segments', () => {
  test('not contacted segment filters the grid', async () => {
    const { page } = session;
    await importCustomers(page);
    await createSegment(page);

    await waitForStatus(page, rowsText(EXPECTED.length, CUSTOMERS.length));
    await page.getByText(`Segment: ${SEGMENT_NAME}`).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await gridNames(page, EXPECTED.length)).toEqual(EXPECTED);

    // The navigation lists the segment with its live count.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Segments', exact: true }).click();
    const entry = nav.getByRole('button', { name: `${SEGMENT_NAME}: ${EXPECTED.length} rows` });
    await entry.waitFor({ timeout: UI_TIMEOUT_MS });

    // Clearing the chip shows every row again, and the navigation opens the segment again.
    await page.getByRole('button', { name: `Clear segment ${SEGMENT_NAME}` }).click();
    await waitForStatus(page, rowsText(CUSTOMERS.length));
    await expect.poll(() => entry.isVisible()).toBe(false);
    await nav.getByRole('button', { name: 'Segments', exact: true }).click();
    await entry.click();
    await waitForStatus(page, rowsText(EXPECTED.length, CUSTOMERS.length));

    // The segment survives a reload.
    await page.reload();
    await waitForStatus(page, rowsText(EXPECTED.length, CUSTOMERS.length));
  });

  test('search everything opens a customer by email', async () => {
    const { page } = session;
    await importCustomers(page);
    await createSegment(page);
    await waitForStatus(page, rowsText(EXPECTED.length, CUSTOMERS.length));

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search everything' });
    await palette.waitFor({ timeout: UI_TIMEOUT_MS });
    const box = palette.getByRole('combobox', { name: 'Search every sheet' });
    // Part of Dee Thorne's email; Dee is outside the segment, so opening her row clears it.
    await box.fill('thorneworks');
    const option = palette.getByRole('option', { name: /Dee Thorne/ });
    await option.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await seriousAxeViolations(page), 'axe on the search palette').toEqual([]);

    await box.press('Enter');
    await palette.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await waitForStatus(page, rowsText(CUSTOMERS.length));
    // The match opens in its customer panel, beside its row in the grid.
    const panel = page.getByRole('complementary', { name: 'Customer details' });
    await expect.poll(() => panel.textContent(), { timeout: UI_TIMEOUT_MS }).toContain('Dee Thorne');
    await expect
      .poll(() => page.locator('[role="row"]', { hasText: 'Dee Thorne' }).count(), { timeout: UI_TIMEOUT_MS })
      .toBeGreaterThan(0);
  });

  test('search button and arrow keys', async () => {
    const { page } = session;
    await importCustomers(page);

    await page.getByRole('button', { name: 'Search everything' }).click();
    const palette = page.getByRole('dialog', { name: 'Search everything' });
    const box = palette.getByRole('combobox', { name: 'Search every sheet' });
    await box.fill('customer');
    await palette.getByRole('option').first().waitFor({ timeout: UI_TIMEOUT_MS });
    const options = palette.getByRole('option');
    expect(await options.count()).toBe(CUSTOMERS.filter(([, status]) => status === 'Customer').length);

    await box.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await box.press('ArrowUp');
    await box.press('ArrowUp');
    expect(await options.last().getAttribute('aria-selected')).toBe('true');
  });
});
