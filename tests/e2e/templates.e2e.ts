import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { firstRunHeading, makeTempDir, navButton, openApp, readCell, sheetTab, statusLocator } from './helpers';
import { freshProfiles } from './session';

const UI_TIMEOUT_MS = 20_000;
const CRM_SHEETS = ['Leads', 'People', 'Companies', 'Opportunities'];
const SAVED_NAME = 'Studio CRM';

let downloads: { dir: string; remove: () => void };

beforeEach(() => {
  downloads = makeTempDir('templates');
});

afterEach(() => {
  downloads.remove();
});

// Vitest runs afterEach hooks in reverse order, so the profiles close before the folder is removed.
const newProfilePage = freshProfiles();

/** Opens the app in a fresh browser profile: empty IndexedDB, no saved templates. */
async function openFreshProfile(): Promise<Page> {
  const page = await newProfilePage();
  await openApp(page);
  await firstRunHeading(page).waitFor({ timeout: UI_TIMEOUT_MS });
  return page;
}

function templateCard(page: Page, name: string): Locator {
  return page.getByRole('article', { name, exact: true });
}

/** Opens a template's preview, ticks "Include sample rows" and clicks "Use template". */
async function useTemplateWithSamples(page: Page, name: string): Promise<void> {
  await templateCard(page, name).getByRole('button', { name: 'Preview', exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
  await dialog.getByRole('checkbox', { name: 'Include sample rows' }).check();
  await dialog.getByRole('button', { name: 'Use template', exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

async function expectCrmTabs(page: Page): Promise<void> {
  for (const name of CRM_SHEETS) {
    await sheetTab(page, name).waitFor({ timeout: UI_TIMEOUT_MS });
  }
  expect(await page.getByRole('tab').allTextContents()).toEqual(CRM_SHEETS);
}

/** Opens the Opportunities tab and returns the first row's Company cell text. */
async function readFirstOpportunityCompany(page: Page): Promise<string> {
  await sheetTab(page, 'Opportunities').click();
  await expect.poll(() => sheetTab(page, 'Opportunities').getAttribute('aria-selected')).toBe('true');
  await statusLocator(page).waitFor({ timeout: UI_TIMEOUT_MS });
  let company = '';
  await expect
    .poll(
      async () => {
        company = await readCell(page, 0, 'Company');
        return company;
      },
      { timeout: UI_TIMEOUT_MS },
    )
    .toBe('Harrowgate Joinery');
  return company;
}

describe('template gallery', () => {
  test('first run lists every template', async () => {
    const page = await openFreshProfile();

    for (const name of [
      'Simple client list',
      'Google Sheets CRM',
      'Sales pipeline',
      'Service business',
      'Customer lifetime value tracker',
      'Blank',
    ]) {
      await expect.poll(() => page.getByRole('button', { name, exact: true }).count()).toBe(1);
    }
    await expect.poll(() => page.getByRole('button', { name: 'Import a file', exact: true }).count()).toBe(1);
  });

  test('preview shows sheets, columns and samples', async () => {
    const page = await openFreshProfile();

    await templateCard(page, 'Google Sheets CRM').getByRole('button', { name: 'Preview', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Google Sheets CRM' });
    await dialog.waitFor({ timeout: UI_TIMEOUT_MS });

    for (const name of CRM_SHEETS) {
      await dialog.getByRole('heading', { name, exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    }
    const opportunities = dialog.getByRole('table', { name: 'Opportunities' });
    await expect.poll(() => opportunities.getByRole('columnheader').first().textContent()).toBe('NameText');
    expect(await opportunities.getByRole('columnheader').nth(1).textContent()).toBe('CompanyLink to Companies');
    expect(await opportunities.getByRole('row').nth(1).textContent()).toContain('Harrowgate Joinery');
    expect(await dialog.getByRole('checkbox', { name: 'Include sample rows' }).isChecked()).toBe(false);
  });

  test('CRM with samples, saved and reused elsewhere', async () => {
    const page = await openFreshProfile();

    await useTemplateWithSamples(page, 'Google Sheets CRM');
    await expectCrmTabs(page);
    expect(await readFirstOpportunityCompany(page)).toBe('Harrowgate Joinery');

    await page.reload();
    await expectCrmTabs(page);
    expect(await readFirstOpportunityCompany(page)).toBe('Harrowgate Joinery');

    // Save the workbook, with its rows, as a template of the user's own.
    await navButton(page, 'Templates').click();
    await page.getByRole('heading', { name: 'Templates', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Save this workbook as a template', exact: true }).click();
    const saveDialog = page.getByRole('dialog', { name: 'Save as template' });
    await saveDialog.getByRole('textbox', { name: 'Template name' }).fill(SAVED_NAME);
    await saveDialog.getByRole('checkbox', { name: 'Include rows as sample rows' }).check();
    await saveDialog.getByRole('button', { name: 'Save template', exact: true }).click();
    await saveDialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });

    const savedCard = templateCard(page, SAVED_NAME);
    await savedCard.waitFor({ timeout: UI_TIMEOUT_MS });
    const downloadStarted = page.waitForEvent('download', { timeout: UI_TIMEOUT_MS });
    await savedCard.getByRole('button', { name: 'Download template file', exact: true }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toBe(`${SAVED_NAME}.kindling-template.json`);

    const filePath = path.join(downloads.dir, download.suggestedFilename());
    writeFileSync(filePath, readFileSync(await download.path()));
    const file = JSON.parse(readFileSync(filePath, 'utf8')) as { name: string; sheets: { name: string }[] };
    expect(file.name).toBe(SAVED_NAME);
    expect(file.sheets.map((sheet) => sheet.name)).toEqual(CRM_SHEETS);

    // A fresh profile has no workbook and no saved templates, so only the file can bring the template over.
    const elsewhere = await openFreshProfile();
    await elsewhere.getByRole('button', { name: 'Import a template file', exact: true }).click();
    await elsewhere.getByLabel('Template file', { exact: true }).setInputFiles(filePath);
    await templateCard(elsewhere, SAVED_NAME).waitFor({ timeout: UI_TIMEOUT_MS });

    await useTemplateWithSamples(elsewhere, SAVED_NAME);
    await expectCrmTabs(elsewhere);
    expect(await readFirstOpportunityCompany(elsewhere)).toBe('Harrowgate Joinery');
  });

  test('template file with an unknown type is rejected', async () => {
    const page = await openFreshProfile();
    const filePath = path.join(downloads.dir, 'broken.kindling-template.json');
    const broken = {
      format: 'kindling-template',
      version: 1,
      name: 'Broken',
      sheets: [
        {
          name: 'Deals',
          fields: [
            { key: 'name', name: 'Deal', type: 'text' },
            { key: 'stage', name: 'Stage', type: 'select' },
            { key: 'value', name: 'Value', type: 'formular' },
          ],
        },
      ],
    };
    writeFileSync(filePath, JSON.stringify(broken));

    await page.getByRole('button', { name: 'Import a template file', exact: true }).click();
    await page.getByLabel('Template file', { exact: true }).setInputFiles(filePath);

    const alert = page.getByRole('alert').filter({ hasText: 'broken.kindling-template.json' });
    await alert.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await alert.textContent()).toContain('Sheet "Deals", column 3 has unknown type "formular".');
    expect(await templateCard(page, 'Broken').count()).toBe(0);
  });

  test('Templates page adds sheets to the workbook', async () => {
    const page = await openFreshProfile();
    await page.getByRole('button', { name: 'Simple client list', exact: true }).click();
    await sheetTab(page, 'Clients').waitFor({ timeout: UI_TIMEOUT_MS });

    await navButton(page, 'Templates').click();
    await useTemplateWithSamples(page, 'Service business');

    await sheetTab(page, 'Jobs').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Clients', 'Clients 2', 'Jobs']);
    // The new sheet becomes active once its settings write lands, a moment after the tab appears.
    await expect.poll(() => sheetTab(page, 'Clients 2').getAttribute('aria-selected')).toBe('true');
  });
});
