import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  baseURL,
  cell,
  chooseTemplate,
  openApp,
  readCell,
  readColumnNames,
  rowsText,
  selectRow,
  toolbarButton,
  waitForStatus,
} from './helpers';
import { freshPagePerTest } from './session';

const COLUMNS = ['Name', 'Company', 'Email', 'Phone'] as const;

const CLIENTS = [
  ['Ada Quill', 'Quill Studio', 'ada@quill.test', '+44 20 7946 0958'],
  ['Bram Oakes', 'Oakes "&" Co', 'bram@oakes.test', '020 7946 0959'],
  ['Cleo Marsh', 'Marsh Farm\nNorth field', 'cleo@marsh.test', '07700 900123'],
];

/** CLIENTS as Excel puts them on the clipboard: quoted where needed, CRLF after every row. */
const CLIENTS_TSV =
  'Ada Quill\tQuill Studio\tada@quill.test\t+44 20 7946 0958\r\n' +
  'Bram Oakes\t"Oakes ""&"" Co"\tbram@oakes.test\t020 7946 0959\r\n' +
  'Cleo Marsh\t"Marsh Farm\nNorth field"\tcleo@marsh.test\t07700 900123\r\n';

let page: Page;
const session = freshPagePerTest(async (opened) => {
  page = opened;
  await openApp(page);
  await chooseTemplate(page, 'Simple client list', 'Clients');

  await toolbarButton(page, 'Add row').click();
  await waitForStatus(page, rowsText(1));
  // A new row may open its first cell for editing; close the editor.
  await page.keyboard.press('Escape');
});

/** Clicks a cell, which gives it focus without opening its editor. */
async function focusCell(rowIndex: number, column: string): Promise<void> {
  await (await cell(page, rowIndex, column)).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('gridcell');
}

/** Fires a paste event at the focused element, as Ctrl+V does, with `text` as its text/plain data. */
async function dispatchPaste(text: string): Promise<void> {
  await page.evaluate((clipboardText) => {
    const data = new DataTransfer();
    data.setData('text/plain', clipboardText);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    (document.activeElement ?? document.body).dispatchEvent(event);
  }, text);
}

/** Fires a copy event at the focused element, as Ctrl+C does, and returns the text/plain data it set. */
async function dispatchCopy(): Promise<string> {
  return page.evaluate(() => {
    const data = new DataTransfer();
    const event = new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true });
    (document.activeElement ?? document.body).dispatchEvent(event);
    return data.getData('text/plain');
  });
}

async function readRows(count: number): Promise<string[][]> {
  const rows: string[][] = [];
  for (let rowIndex = 0; rowIndex < count; rowIndex += 1) {
    const values: string[] = [];
    for (const column of COLUMNS) values.push(await readCell(page, rowIndex, column));
    rows.push(values);
  }
  return rows;
}

function notice(text: string | RegExp) {
  return page.locator('.notice').filter({ hasText: text });
}

async function expectEmptyFirstRow(): Promise<void> {
  await waitForStatus(page, rowsText(1));
  for (const column of COLUMNS) {
    await expect.poll(() => readCell(page, 0, column), { message: `row 0, column "${column}"` }).toBe('');
  }
}

describe('clipboard', () => {
  test('paste fills cells and adds rows', async () => {
    await focusCell(0, 'Name');
    await dispatchPaste(CLIENTS_TSV);

    await waitForStatus(page, rowsText(3));
    await notice('Pasted 3 rows × 4 columns. 2 new rows were added at the end.').waitFor();
    await expect.poll(() => readRows(3)).toEqual(CLIENTS);
  });

  test('Ctrl+Z undoes the whole paste', async () => {
    await focusCell(0, 'Name');
    await dispatchPaste(CLIENTS_TSV);
    await waitForStatus(page, rowsText(3));

    await focusCell(1, 'Company');
    await page.keyboard.press('Control+z');

    await expectEmptyFirstRow();
  });

  test('Undo button undoes the whole paste', async () => {
    await focusCell(0, 'Name');
    await dispatchPaste(CLIENTS_TSV);
    await waitForStatus(page, rowsText(3));

    await toolbarButton(page, 'Undo').click();

    await expectEmptyFirstRow();
  });

  test('paste keeps an invalid email flagged', async () => {
    await focusCell(0, 'Company');
    await dispatchPaste('Quill Studio\tada at quill\r\n');

    const email = await cell(page, 0, 'Email');
    await expect.poll(() => email.getAttribute('class')).toMatch(/\bcell-invalid\b/);
    expect(await readCell(page, 0, 'Email')).toBe('ada at quill');
    expect(await readCell(page, 0, 'Company')).toBe('Quill Studio');
    await notice(/1 value does not fit the column type and is kept as typed/).waitFor();
    await waitForStatus(page, rowsText(1));
  });

  test('paste drops columns past the last one', async () => {
    await focusCell(0, 'Notes');
    await dispatchPaste('Met at the fair\textra\tmore');

    await expect.poll(() => readCell(page, 0, 'Notes')).toBe('Met at the fair');
    await notice('Pasted 1 row × 1 column. 2 columns beyond the last column were left out.').waitFor();
  });

  test('paste into an open editor is left to the editor', async () => {
    await (await cell(page, 0, 'Name')).dblclick();
    await page.locator('.ag-cell-inline-editing input').waitFor();
    await dispatchPaste(CLIENTS_TSV);

    // A paste the grid took would add two rows; give it time to show.
    await page.waitForTimeout(1_000);
    await waitForStatus(page, rowsText(1));
    expect(await notice(/Pasted/).count()).toBe(0);
  });

  test('copy writes the focused cell', async () => {
    await focusCell(0, 'Name');
    await dispatchPaste(CLIENTS_TSV);
    await waitForStatus(page, rowsText(3));

    await focusCell(2, 'Company');
    expect(await dispatchCopy()).toBe('"Marsh Farm\nNorth field"');
    await focusCell(1, 'Phone');
    expect(await dispatchCopy()).toBe('020 7946 0959');
  });

  test('copy writes ticked rows as a block', async () => {
    await focusCell(0, 'Name');
    await dispatchPaste(CLIENTS_TSV);
    await waitForStatus(page, rowsText(3));

    await selectRow(page, 0);
    await selectRow(page, 2);
    const copied = await dispatchCopy();
    await notice('Copied 2 rows.').waitFor();

    // Every displayed column is copied: the four pasted ones first, then the template's empty ones.
    const columnCount = (await readColumnNames(page)).length;
    const rows = copied.split('\r\n').map((row) => row.split('\t'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([...CLIENTS[0]!, ...Array<string>(columnCount - 4).fill('')]);
    expect(rows[1]!.slice(0, 4)).toEqual([
      'Cleo Marsh',
      '"Marsh Farm\nNorth field"',
      'cleo@marsh.test',
      '07700 900123',
    ]);
    expect(rows[1]).toHaveLength(columnCount);
  });

  test('Ctrl+V and Ctrl+C use the system clipboard', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL() });
    await page.evaluate((text) => navigator.clipboard.writeText(text), CLIENTS_TSV);

    await focusCell(0, 'Name');
    await page.keyboard.press('Control+v');
    await waitForStatus(page, rowsText(3));
    await notice('Pasted 3 rows × 4 columns. 2 new rows were added at the end.').waitFor();
    await expect.poll(() => readRows(3)).toEqual(CLIENTS);

    await focusCell(1, 'Email');
    await page.keyboard.press('Control+c');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('bram@oakes.test');
  });
});
