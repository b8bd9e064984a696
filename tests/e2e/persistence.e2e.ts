import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  chooseTemplate,
  editCell,
  launchPersistentBrowser,
  makeTempDir,
  openApp,
  readCell,
  readColumnNames,
  readTotalRowCount,
  rowsText,
  searchBox,
  toolbarButton,
  waitForStatus,
  watchForeignRequests,
} from './helpers';

const CLIENT_COLUMNS = [
  'Name',
  'Company',
  'Email',
  'Phone',
  'Status',
  'Last contacted',
  'Next follow-up',
  'Tags',
  'Notes',
];

const EDITED_NAME = 'Marguerite Okonkwo-Lindqvist';

let profile: { dir: string; remove: () => void };
let context: BrowserContext | undefined;
let foreignRequests: string[];

async function launch(): Promise<Page> {
  context = await launchPersistentBrowser(profile.dir);
  foreignRequests = watchForeignRequests(context);
  return context.pages()[0] ?? (await context.newPage());
}

async function closeBrowser(): Promise<void> {
  expect(foreignRequests).toEqual([]);
  await context?.close();
  context = undefined;
}

/** Narrows the grid to the edited row and checks its Name cell. */
async function expectEditedRow(page: Page, totalRows: number): Promise<void> {
  // The view keeps its search across reloads, so an earlier search is cleared first.
  await searchBox(page).fill('');
  await waitForStatus(page, rowsText(totalRows));
  await searchBox(page).fill(EDITED_NAME);
  await waitForStatus(page, rowsText(1, totalRows));
  expect(await readCell(page, 0, 'Name')).toBe(EDITED_NAME);
}

beforeEach(() => {
  profile = makeTempDir('profile');
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  profile.remove();
});

describe('persistence', () => {
  test('template creates the Clients sheet', async () => {
    const page = await launch();
    await openApp(page);
    await chooseTemplate(page, 'Simple client list', 'Clients');

    expect(await readColumnNames(page)).toEqual(CLIENT_COLUMNS);
    await closeBrowser();
  });

  test('cell edit survives reload and relaunch', async () => {
    let page = await launch();
    await openApp(page);
    await chooseTemplate(page, 'Simple client list', 'Clients');

    // Two rows at least, so the search below can narrow the count.
    let totalRows = await readTotalRowCount(page);
    while (totalRows < 2) {
      await toolbarButton(page, 'Add row').click();
      totalRows += 1;
      await waitForStatus(page, rowsText(totalRows));
      await page.keyboard.press('Escape');
    }
    await editCell(page, 0, 'Name', EDITED_NAME);
    expect(await readCell(page, 0, 'Name')).toBe(EDITED_NAME);

    await page.reload();
    await expectEditedRow(page, totalRows);

    await closeBrowser();
    page = await launch();
    await openApp(page);
    await expectEditedRow(page, totalRows);
    await closeBrowser();
  });
});
