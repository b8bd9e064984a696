import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  chooseTemplate,
  dragColumnBefore,
  dragColumnEdge,
  openApp,
  readColumnNames,
  readColumnWidth,
  readTotalRowCount,
  rowsText,
  waitForStatus,
} from './helpers';
import { freshPagePerTest } from './session';

const WIDENING_PX = 120;

let page: Page;
freshPagePerTest(async (opened) => {
  page = opened;
  await openApp(page);
  await chooseTemplate(page, 'Simple client list', 'Clients');
});

async function reloadSheet(): Promise<void> {
  const totalRows = await readTotalRowCount(page);
  await page.reload();
  await waitForStatus(page, rowsText(totalRows));
}

describe('column layout', () => {
  test('column width survives reload', async () => {
    const before = await readColumnWidth(page, 'Company');
    await dragColumnEdge(page, 'Company', WIDENING_PX);
    const widened = await readColumnWidth(page, 'Company');
    expect(widened).toBeGreaterThan(before + WIDENING_PX / 2);

    await reloadSheet();
    const afterReload = await readColumnWidth(page, 'Company');
    expect(Math.abs(afterReload - widened)).toBeLessThanOrEqual(1);
  });

  test('column order survives reload', async () => {
    const before = await readColumnNames(page);
    expect(before.slice(0, 3)).toEqual(['Name', 'Company', 'Email']);

    await dragColumnBefore(page, 'Email', 'Company');
    const moved = await readColumnNames(page);
    expect(moved.slice(0, 3)).toEqual(['Name', 'Email', 'Company']);
    expect([...moved].sort()).toEqual([...before].sort());

    await reloadSheet();
    expect(await readColumnNames(page)).toEqual(moved);
  });
});
