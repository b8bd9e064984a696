// Runs axe-core in the production app on every view and fails on serious or
// critical violations. The page's Content Security Policy does not apply to
// scripts evaluated through the DevTools Protocol, so axe is injected with
// page.evaluate and the app's CSP stays as it ships.

import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CUSTOMERS_100_CSV,
  csvFileInput,
  exportDialog,
  firstRunHeading,
  importDialog,
  importRowsButton,
  navButton,
  openApp,
  startFromTemplateWithSamples,
  statusLocator,
  toolbarButton,
} from './helpers';
import { seriousAxeViolations } from './axe';
import { freshProfiles } from './session';

const UI_TIMEOUT_MS = 20_000;

const newProfilePage = freshProfiles();

async function openFreshApp(): Promise<Page> {
  const page = await newProfilePage();
  await openApp(page);
  return page;
}

/** Records the serious violations of one view without stopping the test, so one run reports every view. */
async function checkView(page: Page, view: string): Promise<void> {
  expect.soft(await seriousAxeViolations(page), `serious or critical axe violations on ${view}`).toEqual([]);
}

function previewDialog(page: Page, template: string) {
  return page.getByRole('dialog', { name: template });
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
