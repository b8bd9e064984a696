// Runs axe-core in the production app on every view and fails on serious or
// critical violations. The page's Content Security Policy does not apply to
// scripts evaluated through the DevTools Protocol, so axe is injected with
// page.evaluate and the app's CSP stays as it ships.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  CUSTOMERS_100_CSV,
  csvFileInput,
  exportDialog,
  firstRunHeading,
  importDialog,
  importRowsButton,
  launchBrowser,
  newAppPage,
  openApp,
  sheetTab,
  statusLocator,
  toolbarButton,
  watchForeignRequests,
} from './helpers';

const UI_TIMEOUT_MS = 20_000;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Impacts that fail the test. Moderate and minor findings are left to review. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

interface AxeNode {
  target: unknown[];
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

let browser: Browser;
let contexts: { context: BrowserContext; foreignRequests: string[] }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const { context, foreignRequests } of contexts) {
    expect(foreignRequests).toEqual([]);
    await context.close();
  }
  contexts = [];
});

async function openFreshApp(): Promise<Page> {
  const { context, page } = await newAppPage(browser);
  contexts.push({ context, foreignRequests: watchForeignRequests(context) });
  await openApp(page);
  return page;
}

/**
 * Runs axe on the whole page and returns one line per serious or critical
 * violation: rule id, impact, help text and the selectors of the elements.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  // Lets CSS transitions such as a dialog fading in finish, so colours are measured at rest.
  await page.waitForTimeout(300);
  // Nothing is excluded: AG Grid's own DOM passes the serious and critical rules as of AG Grid 36.
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact !== null && FAILING_IMPACTS.has(violation.impact))
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.map(String).join(' >> ')).join(', ');
      return `${violation.id} (${violation.impact}): ${violation.help}. Elements: ${targets}`;
    });
}

/** Records the serious violations of one view without stopping the test, so one run reports every view. */
async function checkView(page: Page, view: string): Promise<void> {
  expect.soft(await seriousViolations(page), `serious or critical axe violations on ${view}`).toEqual([]);
}

function previewDialog(page: Page, template: string) {
  return page.getByRole('dialog', { name: template });
}

/** Opens a template's preview from the gallery, ticks "Include sample rows" and uses it. */
async function startFromTemplateWithSamples(page: Page, template: string, firstSheet: string): Promise<void> {
  await page
    .getByRole('article', { name: template, exact: true })
    .getByRole('button', { name: 'Preview', exact: true })
    .click();
  const dialog = previewDialog(page, template);
  await dialog.getByRole('checkbox', { name: 'Include sample rows' }).check();
  await dialog.getByRole('button', { name: 'Use template', exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  await sheetTab(page, firstSheet).waitFor({ timeout: UI_TIMEOUT_MS });
}

function navButton(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

async function openDashboard(page: Page): Promise<void> {
  await navButton(page, 'Dashboard').click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.getByRole('heading', { name: 'Today', level: 2 }).waitFor({ timeout: UI_TIMEOUT_MS });
}

describe('accessibility', () => {
  test('first run, sheet and its dialogs', async () => {
    const page = await openFreshApp();
    await firstRunHeading(page).waitFor({ timeout: UI_TIMEOUT_MS });
    await checkView(page, 'the first-run screen');

    await page
      .getByRole('article', { name: 'Simple client list', exact: true })
      .getByRole('button', { name: 'Preview', exact: true })
      .click();
    await previewDialog(page, 'Simple client list').waitFor({ timeout: UI_TIMEOUT_MS });
    await checkView(page, 'the template preview on first run');
    await closeDialog(page);

    await startFromTemplateWithSamples(page, 'Simple client list', 'Clients');
    await statusLocator(page).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('[role="gridcell"]').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await checkView(page, 'a sheet with rows');

    await toolbarButton(page, 'Import').click();
    await importDialog(page).waitFor({ timeout: UI_TIMEOUT_MS });
    await csvFileInput(page).setInputFiles(CUSTOMERS_100_CSV);
    await importRowsButton(page).waitFor({ timeout: UI_TIMEOUT_MS });
    await checkView(page, 'the import dialog with a preview');
    await closeDialog(page);

    await toolbarButton(page, 'Export').click();
    await exportDialog(page).waitFor({ timeout: UI_TIMEOUT_MS });
    await checkView(page, 'the export dialog');
    await closeDialog(page);

    await toolbarButton(page, 'Columns').click();
    await page.getByRole('dialog', { name: 'Columns' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await checkView(page, 'the Columns dialog');
    await closeDialog(page);

    await toolbarButton(page, 'Trash').click();
    await page.getByRole('dialog', { name: /^Trash/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    await checkView(page, 'the Trash dialog');
    await closeDialog(page);
  });

  test('templates, settings, reminders and dashboard', async () => {
    const page = await openFreshApp();
    await startFromTemplateWithSamples(page, 'Simple client list', 'Clients');

    await navButton(page, 'Templates').click();
    await page.getByRole('heading', { name: 'Templates', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
    await checkView(page, 'the Templates page');
    await page
      .getByRole('article', { name: 'Sales pipeline', exact: true })
      .getByRole('button', { name: 'Preview', exact: true })
      .click();
    await previewDialog(page, 'Sales pipeline').waitFor({ timeout: UI_TIMEOUT_MS });
    await checkView(page, 'the template preview dialog');
    await closeDialog(page);

    await navButton(page, 'Settings').click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
    await checkView(page, 'the Settings page');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^Reminders/ })
      .click();
    await page.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
    await checkView(page, 'the Reminders page');

    await openDashboard(page);
    await checkView(page, 'the dashboard of a client list');
  });

  test('dashboard with every section filled', async () => {
    for (const [template, firstSheet] of [
      ['Customer lifetime value tracker', 'Customers'],
      ['Google Sheets CRM', 'Leads'],
    ] as const) {
      const page = await openFreshApp();
      await startFromTemplateWithSamples(page, template, firstSheet);
      await openDashboard(page);
      await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'All time' });
      await checkView(page, `the dashboard of ${template}`);
    }
  });
});
