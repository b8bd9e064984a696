// Export presets, the Excel workbook and vCard downloads, and the email,
// phone and web links in cells, driven as a person uses them.

import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import {
  VIEWPORT,
  baseURL,
  cell,
  editCell,
  exportDialog,
  launchBrowser,
  openApp,
  readCell,
  selectRow,
  startFromTemplateWithSamples,
  statusLocator,
  toolbarButton,
  waitForAppReady,
  watchForeignRequests,
} from './helpers';
import { seriousAxeViolations } from './axe';
import { freshPagePerTest } from './session';

const UI_TIMEOUT_MS = 20_000;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const session = freshPagePerTest();

interface ExportChoice {
  format?: string;
  preset?: string;
  scope?: RegExp;
  button: string;
}

/** Opens Export, picks the format, preset and scope, downloads, and returns the file name and bytes. */
async function downloadExport(page: Page, choice: ExportChoice): Promise<{ fileName: string; bytes: Buffer }> {
  await toolbarButton(page, 'Export').click();
  const dialog = exportDialog(page);
  await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
  if (choice.format) await dialog.getByRole('radio', { name: choice.format, exact: true }).check();
  if (choice.preset) await dialog.getByRole('radio', { name: choice.preset, exact: true }).check();
  if (choice.scope) await dialog.getByRole('radio', { name: choice.scope }).check();

  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
    dialog.getByRole('button', { name: choice.button, exact: true }).click(),
  ]);
  return { fileName: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

function csvRows(bytes: Buffer, delimiter: string): Record<string, string>[] {
  const text = bytes.subarray(UTF8_BOM.length).toString('utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('CSV presets', () => {
  test('Excel preset: BOM, commas, CRLF, ISO dates', async () => {
    const page = session.page;
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Sales pipeline', 'Deals');

    const { fileName, bytes } = await downloadExport(page, { preset: 'Excel (this computer)', button: 'Download CSV' });
    expect(fileName).toMatch(/^Deals \d{4}-\d{2}-\d{2}\.csv$/);
    expect(bytes.subarray(0, 3).equals(UTF8_BOM)).toBe(true);

    const text = bytes.subarray(3).toString('utf8');
    expect(text, 'line feeds without a carriage return').not.toMatch(/(?<!\r)\n/);
    const header = text.split('\r\n')[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['Deal', 'Stage', 'Value', 'Probability', 'Close date']);
    expect(header).toContain('Notes');
    const deal = csvRows(bytes, ',').find((row) => row['Deal'] === 'Quarterly bookkeeping retainer');
    expect(deal?.['Value']).toBe('2400.00');
    expect(deal?.['Close date']).toBe('2027-01-29');
    expect(deal?.['Probability']).toBe('40');
    expect(deal?.['Contact']).toBe('Wilhelmina Osei');
  });

  test('Accountant preset: plain amounts, Currency column', async () => {
    const page = session.page;
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Sales pipeline', 'Deals');

    const { bytes } = await downloadExport(page, { preset: 'Accountant', button: 'Download CSV' });
    expect(bytes.subarray(0, 3).equals(UTF8_BOM)).toBe(true);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).not.toMatch(/(?<!\r)\n/);
    expect(text).not.toContain('£');
    const header = text.split('\r\n')[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['Deal', 'Stage', 'Value']);
    expect(header[header.length - 1]).toBe('Currency');

    const rows = csvRows(bytes, ',');
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row['Currency']).toBe('GBP');
      expect(row['Value']).toMatch(/^-?\d+\.\d{2}$/);
      if (row['Close date']) expect(row['Close date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('Plain CSV has no BOM', async () => {
    const page = session.page;
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Sales pipeline', 'Deals');

    const { bytes } = await downloadExport(page, { preset: 'Plain CSV', button: 'Download CSV' });
    expect(bytes.subarray(0, 4).toString('utf8')).toBe('Deal');
    expect(bytes.toString('utf8')).not.toMatch(/(?<!\r)\n/);
  });

  test('Current view exports the shown rows and columns', async () => {
    const page = session.page;
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Sales pipeline', 'Deals');
    await page.getByRole('searchbox', { name: 'Search' }).fill('Payroll');
    await expect.poll(() => statusLocator(page).textContent(), { timeout: UI_TIMEOUT_MS }).toMatch(/^1 of \d+ rows$/);

    const { bytes } = await downloadExport(page, { scope: /^Current view/, button: 'Download CSV' });
    const rows = csvRows(bytes, ',');
    expect(rows.map((row) => row['Deal'])).toEqual(['Payroll setup']);
  });
});

describe('Excel preset on a German computer', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  test('uses semicolons and decimal commas', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true, locale: 'de-DE' });
    const foreign = watchForeignRequests(context);
    try {
      const page = await context.newPage();
      await page.goto(baseURL());
      await waitForAppReady(page);
      await startFromTemplateWithSamples(page, 'Sales pipeline', 'Deals');

      const { bytes } = await downloadExport(page, { preset: 'Excel (this computer)', button: 'Download CSV' });
      expect(bytes.subarray(0, 3).equals(UTF8_BOM)).toBe(true);
      const header = bytes.subarray(3).toString('utf8').split('\r\n')[0]!;
      expect(header).not.toContain(',');
      expect(header.split(';').slice(0, 5)).toEqual(['Deal', 'Stage', 'Value', 'Probability', 'Close date']);
      const deal = csvRows(bytes, ';').find((row) => row['Deal'] === 'Quarterly bookkeeping retainer');
      expect(deal?.['Value']).toBe('2400,00');
      expect(deal?.['Close date']).toBe('2027-01-29');
    } finally {
      await context.close();
    }
    expect(foreign).toEqual([]);
  });
});

describe('Excel workbook', () => {
  test('all sheets download with typed cells', async () => {
    const page = session.page;
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Sales pipeline', 'Deals');

    const { fileName, bytes } = await downloadExport(page, {
      format: 'Excel workbook (.xlsx)',
      scope: /^All sheets/,
      button: 'Download workbook',
    });
    expect(fileName).toMatch(/^Deals \d{4}-\d{2}-\d{2}\.xlsx$/);

    const workbook = XLSX.read(bytes, { type: 'buffer', cellNF: true });
    expect(workbook.SheetNames).toEqual(['Deals', 'Contacts']);

    const deals = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets['Deals']!, { raw: true });
    const retainer = deals.find((row) => row['Deal'] === 'Quarterly bookkeeping retainer');
    expect(retainer?.['Value']).toBe(2400);
    expect(retainer?.['Probability']).toBe(0.4);
    expect(retainer?.['Contact']).toBe('Wilhelmina Osei');

    const dealsSheet = workbook.Sheets['Deals']!;
    const header = XLSX.utils.sheet_to_json<string[]>(dealsSheet, { header: 1 })[0]!;
    const rowIndex = deals.indexOf(retainer!) + 1;
    const valueCell = dealsSheet[XLSX.utils.encode_cell({ r: rowIndex, c: header.indexOf('Value') })]!;
    expect(valueCell.t).toBe('n');
    expect(String(valueCell.z)).toContain('£');
    const closeCell = dealsSheet[XLSX.utils.encode_cell({ r: rowIndex, c: header.indexOf('Close date') })]!;
    expect(closeCell.t).toBe('n');
    expect(XLSX.SSF.is_date(String(closeCell.z))).toBe(true);
    expect(XLSX.SSF.parse_date_code(closeCell.v as number)).toMatchObject({ y: 2027, m: 1, d: 29 });

    const contacts = workbook.Sheets['Contacts']!;
    const contactHeader = XLSX.utils.sheet_to_json<string[]>(contacts, { header: 1 })[0]!;
    const phone = contacts[XLSX.utils.encode_cell({ r: 1, c: contactHeader.indexOf('Phone') })]!;
    expect(phone.t).toBe('s');
    expect(String(phone.v)).toMatch(/^\+44 /);
  });
});

describe('vCard export', () => {
  test('two ticked rows become two cards', async () => {
    const page = session.page;
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Simple client list', 'Clients');

    const first = await readCell(page, 0, 'Name');
    const second = await readCell(page, 1, 'Name');
    await selectRow(page, 0);
    await selectRow(page, 1);

    const { fileName, bytes } = await downloadExport(page, { format: 'vCard (.vcf)', button: 'Download vCard' });
    expect(fileName).toMatch(/^Clients \d{4}-\d{2}-\d{2}\.vcf$/);
    const text = bytes.toString('utf8');
    expect(text.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(2);
    expect(text.match(/^VERSION:4\.0\r$/gm)).toHaveLength(2);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain(`FN:${first}\r\n`);
    expect(unfolded).toContain(`FN:${second}\r\n`);
    expect(unfolded).toMatch(/^EMAIL[^:]*:\S+@\S+\r$/m);
    expect(unfolded).toMatch(/^TEL;VALUE=uri[^:]*:tel:\+44\d+\r$/m);
  });
});

describe('Contact links in cells', () => {
  test('an email cell is a mailto: link with the name', async () => {
    const page = session.page;
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Simple client list', 'Clients');

    const name = await readCell(page, 0, 'Name');
    const emailCell = await cell(page, 0, 'Email');
    const link = emailCell.locator('a[href^="mailto:"]');
    await link.waitFor({ timeout: UI_TIMEOUT_MS });
    const href = (await link.getAttribute('href')) ?? '';
    const address = ((await link.textContent()) ?? '').trim();
    expect(decodeURIComponent(href.slice('mailto:'.length))).toBe(`"${name}" <${address}>`);
  });

  test('a phone cell is a tel: link with a copy button', async () => {
    const page = session.page;
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Simple client list', 'Clients');

    const phoneCell = await cell(page, 0, 'Phone');
    const link = phoneCell.locator('a[href^="tel:"]');
    await link.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await link.getAttribute('href')).toMatch(/^tel:\+\d+$/);
    const shown = ((await link.textContent()) ?? '').trim();
    await expect.poll(() => phoneCell.getByRole('button', { name: `Copy ${shown}` }).count()).toBe(1);
  });

  test('a link cell still opens its editor with F2', async () => {
    const page = session.page;
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Simple client list', 'Clients');

    const emailCell = await cell(page, 0, 'Email');
    await emailCell.locator('a[href^="mailto:"]').waitFor({ timeout: UI_TIMEOUT_MS });
    const box = (await emailCell.boundingBox())!;
    // A click beside the link text focuses the cell without following the link.
    await emailCell.click({ position: { x: box.width - 4, y: box.height / 2 } });
    await page.keyboard.press('F2');
    const editor = page.locator('.ag-cell-inline-editing input').first();
    await editor.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await editor.inputValue()).toMatch(/@/);
    await editor.press('Escape');
  });

  test('a javascript: URL is not a link', async () => {
    const page = session.page;
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Google Sheets CRM', 'Leads');

    await editCell(page, 0, 'Website', 'javascript:alert(1)');
    const websiteCell = await cell(page, 0, 'Website');
    await expect.poll(async () => ((await websiteCell.textContent()) ?? '').trim()).toBe('javascript:alert(1)');
    expect(await websiteCell.locator('a').count()).toBe(0);
    expect(await page.locator('a[href^="javascript" i]').count()).toBe(0);
  });

  test('a social profile is badged with the network name', async () => {
    const page = session.page;
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Google Sheets CRM', 'Leads');

    await editCell(page, 1, 'Website', 'https://www.linkedin.com/in/ada-example');
    const websiteCell = await cell(page, 1, 'Website');
    const link = websiteCell.locator('a');
    // The cell still reads as the address; the network's name is its badge and title.
    await expect
      .poll(async () => ((await link.textContent()) ?? '').trim(), { timeout: UI_TIMEOUT_MS })
      .toBe('https://www.linkedin.com/in/ada-example');
    expect(await link.getAttribute('data-network')).toBe('LinkedIn');
    expect(await link.getAttribute('title')).toBe('LinkedIn: https://www.linkedin.com/in/ada-example (Ctrl+click)');
    expect(await link.getAttribute('href')).toBe('https://www.linkedin.com/in/ada-example');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  });
  test('link cell click and Ctrl+click', async () => {
    const page = session.page;
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Google Sheets CRM', 'Leads');

    // A page of this test server, so following the link sends no request to another host.
    const target = new URL('/?opened-from-cell', baseURL()).href;
    await editCell(page, 0, 'Website', target);
    const link = (await cell(page, 0, 'Website')).locator('a');
    await expect.poll(() => link.getAttribute('href'), { timeout: UI_TIMEOUT_MS }).toBe(target);

    // A plain click selects the cell and leaves the page where it is.
    await link.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')), { timeout: UI_TIMEOUT_MS })
      .toBe('gridcell');
    expect(session.context.pages()).toHaveLength(1);

    const [opened] = await Promise.all([
      session.context.waitForEvent('page', { timeout: UI_TIMEOUT_MS }),
      link.click({ modifiers: ['ControlOrMeta'] }),
    ]);
    await opened.waitForURL(target, { timeout: UI_TIMEOUT_MS });
    expect(await opened.evaluate(() => window.opener)).toBeNull();
    await opened.close();
    await expect.poll(() => page.locator('.ag-cell-inline-editing').count()).toBe(0);
  });
});

describe('Share contact', () => {
  test('copies a vCard and shows a QR code', async () => {
    const page = session.page;
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL() });
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Simple client list', 'Clients');

    const name = await readCell(page, 0, 'Name');
    await (await cell(page, 0, 'Name')).click();
    await toolbarButton(page, 'Share contact').click();
    const dialog = page.getByRole('dialog', { name: 'Share contact' });
    await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => dialog.textContent()).toContain(name);

    await dialog.getByRole('button', { name: 'Copy as vCard', exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: UI_TIMEOUT_MS })
      .toContain(`FN:${name}\r\n`);

    await dialog.getByRole('button', { name: 'Show QR code', exact: true }).click();
    const qr = page.getByRole('img', { name: `QR code with the contact card of ${name}` });
    await qr.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
  });
});

describe('Accessibility', () => {
  test('links, export formats and share dialogs', async () => {
    const page = session.page;
    await openApp(page);
    await startFromTemplateWithSamples(page, 'Simple client list', 'Clients');
    await (await cell(page, 0, 'Phone')).locator('a[href^="tel:"]').waitFor({ timeout: UI_TIMEOUT_MS });
    expect.soft(await seriousAxeViolations(page), 'sheet with link cells').toEqual([]);

    await toolbarButton(page, 'Export').click();
    const dialog = exportDialog(page);
    await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
    for (const format of ['CSV', 'Excel workbook (.xlsx)', 'vCard (.vcf)']) {
      await dialog.getByRole('radio', { name: format, exact: true }).check();
      expect.soft(await seriousAxeViolations(page), `export dialog, ${format}`).toEqual([]);
    }
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });

    await (await cell(page, 0, 'Name')).click();
    await toolbarButton(page, 'Share contact').click();
    const share = page.getByRole('dialog', { name: 'Share contact' });
    await share.waitFor({ timeout: UI_TIMEOUT_MS });
    expect.soft(await seriousAxeViolations(page), 'share contact dialog').toEqual([]);

    await share.getByRole('button', { name: 'Show QR code', exact: true }).click();
    await page.getByRole('img', { name: /^QR code with the contact card of / }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect.soft(await seriousAxeViolations(page), 'QR code dialog').toEqual([]);
  });
});
