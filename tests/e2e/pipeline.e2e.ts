// The pipeline board in the production build, started from the Sales
// pipeline template with its sample rows. Lane totals are computed here from
// the template JSON. Cards move by a real mouse drag and by the keyboard, a
// move to a lost stage opens a dialog for the reason, and the grid shows each
// move.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';

import {
  findRowIndexes,
  firstRunHeading,
  navButton,
  openApp,
  readCell,
  sheetTab,
  startFromTemplateWithSamples,
  statusLocator,
  toolbarButton,
} from './helpers';
import { seriousAxeViolations } from './axe';
import { freshPagePerTest } from './session';

const UI_TIMEOUT_MS = 20_000;
const TEMPLATE = new URL('../../src/templates/library/sales-pipeline.json', import.meta.url);

interface SampleDeal {
  name: string;
  stage: string;
  value: string;
  probability: string;
}

/** Returns the sample deals of the Sales pipeline template. */
function sampleDeals(): SampleDeal[] {
  const template = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as { sheets: { name: string; sampleRows: unknown[] }[] };
  return template.sheets.find((sheet) => sheet.name === 'Deals')!.sampleRows as SampleDeal[];
}

/** Money as the app shows it with the default workbook settings: British English, pounds. */
function pounds(amount: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(amount);
}

/**
 * Returns the totals a lane should show: its deals, their value, and their
 * value times each deal's Probability. A won deal counts in full, a lost one not at all.
 */
function expectedTotals(stage: string): string[] {
  const deals = sampleDeals().filter((deal) => deal.stage === stage);
  const total = deals.reduce((sum, deal) => sum + Number(deal.value), 0);
  const weighted = deals.reduce((sum, deal) => {
    const probability = /won/i.test(stage) ? 1 : /lost/i.test(stage) ? 0 : Number.parseFloat(deal.probability) / 100;
    return sum + Number(deal.value) * probability;
  }, 0);
  return [
    `${deals.length} ${deals.length === 1 ? 'card' : 'cards'}`,
    `Total ${pounds(total)}`,
    `Weighted ${pounds(weighted)}`,
  ];
}

const session = freshPagePerTest(async (page) => {
  await openApp(page);
});

async function startFromTemplate(page: Page, template: string, firstSheet: string): Promise<void> {
  await firstRunHeading(page).waitFor({ timeout: UI_TIMEOUT_MS });
  await startFromTemplateWithSamples(page, template, firstSheet);
}

async function openPipeline(page: Page): Promise<void> {
  await navButton(page, 'Pipeline').click();
  await page.getByRole('heading', { name: 'Pipeline', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
}

function lane(page: Page, stage: string): Locator {
  return page.getByRole('region', { name: stage, exact: true });
}

function card(page: Page, stage: string, name: string): Locator {
  return lane(page, stage).getByRole('button', { name: new RegExp(`^${name}`) });
}

async function laneTotals(page: Page, stage: string): Promise<string[]> {
  const parts = lane(page, stage).locator('.pipeline-lane-totals span');
  await parts.first().waitFor({ timeout: UI_TIMEOUT_MS });
  return (await parts.allTextContents()).map((part) => part.trim());
}

function announcement(page: Page, text: string): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

/** Opens the Deals sheet and reads a deal's cells by column name. */
async function readDeal(page: Page, deal: string, columns: string[]): Promise<string[]> {
  await navButton(page, 'Sheets').click();
  await sheetTab(page, 'Deals').click();
  await statusLocator(page).waitFor({ timeout: UI_TIMEOUT_MS });
  let rows: number[] = [];
  await expect
    .poll(async () => (rows = await findRowIndexes(page, 'Deal', deal)), { timeout: UI_TIMEOUT_MS })
    .toHaveLength(1);
  const values: string[] = [];
  for (const column of columns) values.push(await readCell(page, rows[0]!, column));
  return values;
}

describe('pipeline board', () => {
  test('lane totals and a drag to the lost stage', async () => {
    const { page } = session;
    const boardLoads: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/PipelinePage-[^/]*\.js$/.test(request.url())) boardLoads.push(request.url());
    });
    await startFromTemplate(page, 'Sales pipeline', 'Deals');
    expect(boardLoads, 'the board loads only when opened').toEqual([]);

    await openPipeline(page);
    expect(boardLoads).toHaveLength(1);
    for (const stage of ['Appointment Scheduled', 'Qualified To Buy', 'Contract Sent', 'Closed Won', 'Closed Lost']) {
      expect(await laneTotals(page, stage), `totals of ${stage}`).toEqual(expectedTotals(stage));
    }
    expect(await laneTotals(page, 'No stage')).toEqual(['0 cards', 'Total £0.00', 'Weighted £0.00']);
    expect(await seriousAxeViolations(page), 'serious or critical axe violations on the board').toEqual([]);

    await card(page, 'Appointment Scheduled', 'Payroll setup').dragTo(lane(page, 'Closed Lost'));
    const dialog = page.getByRole('dialog', { name: 'Move Payroll setup to Closed Lost' });
    await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await seriousAxeViolations(page), 'serious or critical axe violations on the reason dialog').toEqual([]);
    await dialog.getByRole('combobox', { name: 'Loss reason' }).selectOption({ label: 'Timing' });
    await dialog.getByRole('button', { name: 'Move to Closed Lost' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });

    await card(page, 'Closed Lost', 'Payroll setup').waitFor({ timeout: UI_TIMEOUT_MS });
    await announcement(page, 'Moved Payroll setup to Closed Lost').waitFor({
      state: 'attached',
      timeout: UI_TIMEOUT_MS,
    });
    expect(await card(page, 'Appointment Scheduled', 'Payroll setup').count()).toBe(0);
    const lostValue = sampleDeals()
      .filter((deal) => deal.stage === 'Closed Lost' || deal.name === 'Payroll setup')
      .reduce((sum, deal) => sum + Number(deal.value), 0);
    expect(await laneTotals(page, 'Closed Lost')).toEqual(['2 cards', `Total ${pounds(lostValue)}`, 'Weighted £0.00']);

    // A click on the card opens its row in the grid.
    await card(page, 'Closed Lost', 'Payroll setup').click();
    await statusLocator(page).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await readDeal(page, 'Payroll setup', ['Stage', 'Loss reason'])).toEqual(['Closed Lost', 'Timing']);
  });

  test('keyboard moves, a cancelled loss and undo', async () => {
    const { page } = session;
    await startFromTemplate(page, 'Sales pipeline', 'Deals');
    await openPipeline(page);

    const yearEnd = card(page, 'Contract Sent', 'Year-end accounts');
    await yearEnd.focus();
    await page.keyboard.press('Control+ArrowLeft');
    await announcement(page, 'Moved Year-end accounts to Decision Maker Bought-In').waitFor({
      state: 'attached',
      timeout: UI_TIMEOUT_MS,
    });
    const moved = card(page, 'Decision Maker Bought-In', 'Year-end accounts');
    await expect.poll(() => moved.evaluate((element) => element === document.activeElement)).toBe(true);

    // Two lanes right is Closed Won; one more is Closed Lost, which opens the reason dialog.
    await page.keyboard.press('Control+ArrowRight');
    await card(page, 'Contract Sent', 'Year-end accounts').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('Control+ArrowRight');
    await card(page, 'Closed Won', 'Year-end accounts').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('Control+ArrowRight');
    const dialog = page.getByRole('dialog', { name: 'Move Year-end accounts to Closed Lost' });
    await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await announcement(page, 'Year-end accounts stays in Closed Won').waitFor({
      state: 'attached',
      timeout: UI_TIMEOUT_MS,
    });
    expect(await card(page, 'Closed Won', 'Year-end accounts').count()).toBe(1);

    // Enter opens the row; Undo in the grid takes back the last move only.
    await card(page, 'Closed Won', 'Year-end accounts').focus();
    await page.keyboard.press('Enter');
    expect(await readDeal(page, 'Year-end accounts', ['Stage'])).toEqual(['Closed Won']);
    await toolbarButton(page, 'Undo').click();
    await expect.poll(async () => (await readDeal(page, 'Year-end accounts', ['Stage']))[0]).toBe('Contract Sent');
  });

  test('filter cards narrows cards and totals', async () => {
    const { page } = session;
    await startFromTemplate(page, 'Sales pipeline', 'Deals');
    await openPipeline(page);

    await page.getByRole('searchbox', { name: 'Filter cards' }).fill('bookkeeping');
    await expect.poll(() => page.locator('.pipeline-card').count(), { timeout: UI_TIMEOUT_MS }).toBe(1);
    expect(await laneTotals(page, 'Qualified To Buy')).toEqual(expectedTotals('Qualified To Buy'));
    expect(await laneTotals(page, 'Contract Sent')).toEqual(['0 cards', 'Total £0.00', 'Weighted £0.00']);
  });

  test('sheet without a stage column explains the Stage role', async () => {
    const { page } = session;
    await startFromTemplate(page, 'Simple client list', 'Clients');
    await openPipeline(page);

    await page.getByText(/No sheet has a column with the Stage role/).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await seriousAxeViolations(page), 'serious or critical axe violations on the empty board').toEqual([]);
    await page.getByRole('button', { name: 'Open Sheets' }).click();
    await sheetTab(page, 'Clients').waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
