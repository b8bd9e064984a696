import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  chooseTemplate,
  deleteRowsButton,
  closeDialog,
  editCell,
  findRowIndexes,
  openApp,
  openTrash,
  readTotalRowCount,
  restoreButtonFor,
  rowsText,
  selectRow,
  toolbarButton,
  waitForStatus,
} from './helpers';
import { freshPagePerTest } from './session';

const NEW_NAMES = ['Trash row Alpha', 'Trash row Bravo', 'Trash row Charlie'] as const;
const [ALPHA, BRAVO, CHARLIE] = NEW_NAMES;

let page: Page;
freshPagePerTest(async (opened) => {
  page = opened;
});

// AG Grid animates rows in and out, so a removed row can stay in the DOM for
// a moment after the status text changes. Row checks poll for that reason.

async function rowIndexOf(name: string): Promise<number> {
  await expect.poll(() => findRowIndexes(page, 'Name', name), { message: `rows named "${name}"` }).toHaveLength(1);
  const indexes = await findRowIndexes(page, 'Name', name);
  return indexes[0]!;
}

/** Returns the trash dialog's text. The dialog loads its rows after it opens, so callers poll. */
async function trashText(trash: Locator): Promise<string> {
  return (await trash.textContent()) ?? '';
}

async function expectNoRowNamed(name: string): Promise<void> {
  await expect.poll(() => findRowIndexes(page, 'Name', name), { message: `rows named "${name}"` }).toEqual([]);
}

/** Adds three rows to the Clients sheet, names them, and returns the row count from before. */
async function addNamedRows(): Promise<number> {
  await openApp(page);
  await chooseTemplate(page, 'Simple client list', 'Clients');
  const initialRows = await readTotalRowCount(page);

  for (let added = 1; added <= NEW_NAMES.length; added += 1) {
    await toolbarButton(page, 'Add row').click();
    await waitForStatus(page, rowsText(initialRows + added));
    // Escape closes the editor in case the new row opened its first cell for editing.
    await page.keyboard.press('Escape');
  }

  for (const name of NEW_NAMES) {
    const emptyRows = await findRowIndexes(page, 'Name', '');
    expect(emptyRows.length, 'rows with an empty Name').toBeGreaterThan(0);
    await editCell(page, emptyRows[0]!, 'Name', name);
    // The grid shows an edit once it is saved, so wait for it before looking for the next empty row.
    await rowIndexOf(name);
  }
  return initialRows;
}

describe('rows and trash', () => {
  test('add row increases the count', async () => {
    const initialRows = await addNamedRows();

    await waitForStatus(page, rowsText(initialRows + 3));
    for (const name of NEW_NAMES) {
      await rowIndexOf(name);
    }
  });

  test('delete rows moves them to trash', async () => {
    const initialRows = await addNamedRows();

    await selectRow(page, await rowIndexOf(ALPHA));
    await selectRow(page, await rowIndexOf(BRAVO));
    await deleteRowsButton(page).click();

    await waitForStatus(page, rowsText(initialRows + 1));
    await expectNoRowNamed(ALPHA);
    await expectNoRowNamed(BRAVO);
    await rowIndexOf(CHARLIE);

    const trash = await openTrash(page);
    await expect.poll(() => trashText(trash)).toContain(ALPHA);
    expect(await trashText(trash)).toContain(BRAVO);
    expect(await trashText(trash)).not.toContain(CHARLIE);
  });

  test('restore brings a row back', async () => {
    const initialRows = await addNamedRows();

    await selectRow(page, await rowIndexOf(ALPHA));
    await selectRow(page, await rowIndexOf(BRAVO));
    await deleteRowsButton(page).click();
    await waitForStatus(page, rowsText(initialRows + 1));

    let trash = await openTrash(page);
    await (await restoreButtonFor(trash, ALPHA)).click();
    await waitForStatus(page, rowsText(initialRows + 2));
    await expect.poll(() => trashText(trash)).not.toContain(ALPHA);
    expect(await trashText(trash)).toContain(BRAVO);
    await closeDialog(page, trash);

    await rowIndexOf(ALPHA);
    await expectNoRowNamed(BRAVO);

    await page.reload();
    await waitForStatus(page, rowsText(initialRows + 2));
    await rowIndexOf(ALPHA);
    await rowIndexOf(CHARLIE);
    trash = await openTrash(page);
    await expect.poll(() => trashText(trash)).toContain(BRAVO);
    expect(await trashText(trash)).not.toContain(ALPHA);
  });
});
