// The dashboard against templates with sample rows: its figures match what
// the template's sample rows imply, computed here from the template JSON, and
// a figure opens the sheet filtered to the rows behind it.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  firstRunHeading,
  navButton,
  openApp,
  readBrowserDate,
  readCell,
  sheetTab,
  startFromTemplateWithSamples,
  waitForStatus,
} from './helpers';
import { freshProfiles } from './session';

const UI_TIMEOUT_MS = 20_000;
const LIBRARY = new URL('../../src/templates/library/', import.meta.url);

type SampleRow = Record<string, string | undefined>;
interface TemplateSheet {
  name: string;
  sampleRows: SampleRow[];
}

function templateSheets(fileName: string): Map<string, SampleRow[]> {
  const template = JSON.parse(readFileSync(new URL(fileName, LIBRARY), 'utf8')) as { sheets: TemplateSheet[] };
  return new Map(template.sheets.map((sheet) => [sheet.name, sheet.sampleRows]));
}

/** Money as the app shows it with the default workbook settings: British English, pounds. */
function pounds(amount: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(amount);
}

function wholePercent(fraction: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

const newProfilePage = freshProfiles();

/** Opens a fresh profile and starts from a template with its sample rows. */
async function startFromTemplate(
  template: string,
  firstSheet: string,
): Promise<{ page: Page; dashboardLoads: string[] }> {
  const page = await newProfilePage();
  const dashboardLoads: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/DashboardPage-[^/]*\.js$/.test(request.url())) dashboardLoads.push(request.url());
  });

  await openApp(page);
  await firstRunHeading(page).waitFor({ timeout: UI_TIMEOUT_MS });
  await startFromTemplateWithSamples(page, template, firstSheet);
  return { page, dashboardLoads };
}

async function openDashboard(page: Page): Promise<void> {
  await navButton(page, 'Dashboard').click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.getByRole('heading', { name: 'Today', level: 2 }).waitFor({ timeout: UI_TIMEOUT_MS });
}

/**
 * Finds the figure whose label matches, and whose detail line matches when given,
 * as a button when it opens rows and as a box otherwise.
 */
function figure(page: Page, label: RegExp, detail?: RegExp): Locator {
  const labelled = page.locator('.figure').filter({ has: page.locator('.figure-label', { hasText: label }) });
  return detail ? labelled.filter({ has: page.locator('.figure-detail', { hasText: detail }) }) : labelled;
}

async function figureValue(page: Page, label: RegExp, detail?: RegExp): Promise<string> {
  const value = figure(page, label, detail).locator('.figure-value');
  await value.waitFor({ timeout: UI_TIMEOUT_MS });
  return ((await value.textContent()) ?? '').trim();
}

async function choosePeriod(page: Page, period: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: period });
}

describe('dashboard', () => {
  test('CRM figures and overdue click-through', async () => {
    const sheets = templateSheets('google-sheets-crm.json');
    const { page, dashboardLoads } = await startFromTemplate('Google Sheets CRM', 'Leads');
    const today = await readBrowserDate(page);
    expect(dashboardLoads).toEqual([]);

    await openDashboard(page);
    // The dashboard arrives as its own chunk, on demand.
    expect(dashboardLoads).toHaveLength(1);

    const people = sheets.get('People')!;
    const overdue = people.filter((row) => row.followUp !== undefined && row.followUp < today);
    expect(await figureValue(page, /^overdue follow-ups?$/, /^in People$/)).toBe(String(overdue.length));

    // Every sample lead was added just now, so all of them are new this month.
    expect(await figureValue(page, /^new leads?, this month$/)).toBe(String(sheets.get('Leads')!.length));

    const opportunities = sheets.get('Opportunities')!;
    const open = opportunities.filter((row) => row.status === 'Open');
    const openValue = open.reduce((total, row) => total + Number(row.value), 0);
    const weighted = open.reduce(
      (total, row) => total + (Number(row.value) * parseFloat(row.winProbability!)) / 100,
      0,
    );
    expect(await figureValue(page, /^open deals?$/)).toBe(String(open.length));
    expect(await figureValue(page, /^open pipeline value$/)).toBe(pounds(openValue));
    expect(await figureValue(page, /^weighted by win probability$/)).toBe(pounds(weighted));

    await choosePeriod(page, 'All time');
    const won = opportunities.filter((row) => row.status === 'Won').length;
    const lost = opportunities.filter((row) => row.status === 'Lost' || row.status === 'Abandoned').length;
    await expect
      .poll(() => figureValue(page, /^win rate$/), { timeout: UI_TIMEOUT_MS })
      .toBe(wholePercent(won / (won + lost)));

    await figure(page, /^overdue follow-ups?$/, /^in People$/)
      .getByRole('button')
      .click();

    await expect
      .poll(() => sheetTab(page, 'People').getAttribute('aria-selected'), { timeout: UI_TIMEOUT_MS })
      .toBe('true');
    await waitForStatus(page, `${overdue.length} of ${people.length} ${people.length === 1 ? 'row' : 'rows'}`);
    const shown = [];
    for (let index = 0; index < overdue.length; index += 1) shown.push(await readCell(page, index, 'Name'));
    expect(shown.sort()).toEqual(overdue.map((row) => row.name).sort());
  });

  test('lifetime value tracker figures and churn click-through', async () => {
    const sheets = templateSheets('customer-lifetime-value.json');
    const { page } = await startFromTemplate('Customer lifetime value tracker', 'Customers');
    const today = await readBrowserDate(page);
    await openDashboard(page);
    await choosePeriod(page, 'All time');

    const customers = sheets.get('Customers')!;
    const sales = sheets.get('Sales')!;
    const revenue = sales.reduce((total, sale) => total + Number(sale.amount), 0);
    await expect.poll(() => figureValue(page, /^revenue, all time$/), { timeout: UI_TIMEOUT_MS }).toBe(pounds(revenue));

    // Top customers: the top 20% of buyers, rounded up.
    const byCustomer = new Map<string, number>();
    for (const sale of sales)
      byCustomer.set(sale.customer!, (byCustomer.get(sale.customer!) ?? 0) + Number(sale.amount));
    const ranked = [...byCustomer.entries()].sort((a, b) => b[1] - a[1]);
    const top = ranked.slice(0, Math.ceil((ranked.length * 20) / 100));
    const topRevenue = top.reduce((total, [, amount]) => total + amount, 0);
    expect(await figureValue(page, /top 20% of customers$/)).toBe(wholePercent(topRevenue / revenue));
    const topTable = page.getByRole('table', { name: /^Top customers by revenue/ });
    expect(await topTable.getByRole('rowheader').allTextContents()).toEqual(top.map(([name]) => name));

    // Lifetime value: average sale × purchases per customer-year × mean years as a customer.
    const former = customers.filter((customer) => customer.status === 'Former customer');
    const tenures = customers.map((customer) => {
      const own = sales
        .filter((sale) => sale.customer === customer.name)
        .map((sale) => sale.date!)
        .sort();
      const end = customer.status === 'Former customer' ? own.at(-1)! : today;
      return { years: daysBetween(customer.customerSince!, end) / 365.25, purchases: own.length };
    });
    const averageSale = (revenue * 100) / sales.length;
    const purchasesPerYear = sales.length / tenures.reduce((total, each) => total + Math.max(each.years, 1 / 12), 0);
    const yearsRetained = tenures.reduce((total, each) => total + each.years, 0) / tenures.length;
    expect(await figureValue(page, /^estimated lifetime value of a customer$/)).toBe(
      pounds((averageSale * purchasesPerYear * yearsRetained) / 100),
    );
    // Overriding the years retained changes only that input.
    await page.getByRole('spinbutton', { name: 'Expected years retained' }).fill('3');
    await expect
      .poll(() => figureValue(page, /^estimated lifetime value of a customer$/), { timeout: UI_TIMEOUT_MS })
      .toBe(pounds((averageSale * purchasesPerYear * 3) / 100));

    expect(await figureValue(page, /^customers? left, all time$/)).toBe(String(former.length));
    expect(await figureValue(page, /^churn rate$/)).toBe(wholePercent(former.length / customers.length));

    await figure(page, /^customers? left, all time$/)
      .getByRole('button')
      .click();

    await expect
      .poll(() => sheetTab(page, 'Customers').getAttribute('aria-selected'), { timeout: UI_TIMEOUT_MS })
      .toBe('true');
    await waitForStatus(page, `${former.length} of ${customers.length} rows`);
    expect(await readCell(page, 0, 'Name')).toBe(former[0]!.name);
  });
});
