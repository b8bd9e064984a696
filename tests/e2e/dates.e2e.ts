// Date cells edit as text in the workbook's format, so what a person types
// and what the editor shows follow the workbook (day first by default), not
// the browser's date picker.

import { describe, expect, test } from 'vitest';
import {
  chooseTemplate,
  editCell,
  openApp,
  readCell,
  readCellEditorValue,
  rowsText,
  toolbarButton,
  waitForStatus,
} from './helpers';
import { freshPagePerTest } from './session';

const session = freshPagePerTest(async (page) => {
  await openApp(page);
  await chooseTemplate(page, 'Simple client list', 'Clients');
  await toolbarButton(page, 'Add row').click();
  await waitForStatus(page, rowsText(1));
  await page.keyboard.press('Escape');
});

async function storedFollowUp(): Promise<unknown> {
  return session.page.evaluate(async () => {
    const request = indexedDB.open('kindling');
    const database = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)));
    const read = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const all = database.transaction(store).objectStore(store).getAll();
        all.onsuccess = () => resolve(all.result as T[]);
      });
    const [sheet] = await read<{ fields: { id: string; name: string }[] }>('sheets');
    const field = sheet!.fields.find((each) => each.name === 'Next follow-up')!;
    const [row] = await read<{ values: Record<string, unknown> }>('rows');
    database.close();
    return row!.values[field.id];
  });
}

describe('date cells', () => {
  test('a day-first date typed in the cell is stored as ISO', async () => {
    const { page } = session;
    await editCell(page, 0, 'Next follow-up', '04/12/2026');

    expect(await readCell(page, 0, 'Next follow-up')).toBe('04/12/2026');
    expect(await storedFollowUp()).toBe('2026-12-04');
    expect(await readCellEditorValue(page, 0, 'Next follow-up')).toBe('04/12/2026');
  });

  test('an ISO date and a wrong date', async () => {
    const { page } = session;
    await editCell(page, 0, 'Next follow-up', '2027-01-31');
    expect(await storedFollowUp()).toBe('2027-01-31');

    await editCell(page, 0, 'Next follow-up', '31/02/2026');
    // The wrong date is kept as typed and flagged, never turned into another day.
    expect(await readCell(page, 0, 'Next follow-up')).toBe('31/02/2026');
    expect(await storedFollowUp()).toEqual({ invalid: '31/02/2026' });
  });
});
