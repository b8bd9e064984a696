import { describe, expect, test } from 'vitest';

import { periodContaining } from './dates';
import { chartMonths, computeRevenue } from './revenue';
import { collectSales } from './sales';
import { addRow, columnId, makeInput, makeSheet, TODAY } from './testWorkbook';
import type { SheetData } from './types';

function salesWorkbook(): { customers: SheetData; sales: SheetData } {
  const customers = makeSheet('Customers', [{ name: 'Name', type: 'text', role: 'name' }]);
  const ada = addRow(customers, { Name: 'Ada' });
  const sales = makeSheet('Sales', [
    { name: 'Date', type: 'date' },
    { name: 'Customer', type: 'link', role: 'contact', linkSheet: 'Customers' },
    { name: 'Amount', type: 'currency', role: 'dealValue' },
  ]);
  addRow(sales, { Date: '2026-12-01', Customer: ada, Amount: 100 });
  addRow(sales, { Date: '2026-11-15', Customer: ada, Amount: 50 });
  addRow(sales, { Date: '2026-02-10', Customer: ada, Amount: 40 });
  addRow(sales, { Date: '2025-12-20', Customer: ada, Amount: 80 });
  addRow(sales, { Date: '2025-11-02', Customer: ada, Amount: 30 });
  addRow(sales, { Customer: ada, Amount: 25 }); // no date
  addRow(sales, { Date: '2026-12-02', Customer: ada }); // no amount: not a sale
  return { customers, sales };
}

function revenueFor(sheets: SheetData[], kind: 'month' | 'quarter' | 'year' | 'all') {
  const input = makeInput(sheets, kind);
  return computeRevenue(input, collectSales(sheets, 'GBP'));
}

describe('chart months', () => {
  test('per period', () => {
    expect(chartMonths(periodContaining('quarter', TODAY), TODAY)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(chartMonths(periodContaining('year', TODAY), TODAY)).toHaveLength(12);
    expect(chartMonths(periodContaining('year', TODAY), TODAY)[0]).toBe('2026-01');
    expect(chartMonths(periodContaining('month', TODAY), TODAY)[0]).toBe('2026-01');
    expect(chartMonths(periodContaining('all', '2026-03-31'), '2026-03-31')).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });
});

describe('revenue', () => {
  test('totals against the year before', () => {
    const { customers, sales } = salesWorkbook();

    const month = revenueFor([customers, sales], 'month');
    expect([month.total.minor, month.previousTotal]).toEqual([10_000, 8_000]);
    // Oct–Dec 2026: 100 + 50; Oct–Dec 2025: 80 + 30
    const quarter = revenueFor([customers, sales], 'quarter');
    expect([quarter.total.minor, quarter.previousTotal]).toEqual([15_000, 11_000]);
    // 2026: 100 + 50 + 40; 2025: 80 + 30
    const year = revenueFor([customers, sales], 'year');
    expect([year.total.minor, year.previousTotal]).toEqual([19_000, 11_000]);
    // Every sale, the undated one too: 100 + 50 + 40 + 80 + 30 + 25
    const all = revenueFor([customers, sales], 'all');
    expect([all.total.minor, all.previousTotal, all.undated]).toEqual([32_500, null, 1]);
  });

  test('bars per month with last year', () => {
    const { customers, sales } = salesWorkbook();
    const year = revenueFor([customers, sales], 'year');
    const bars = Object.fromEntries(year.months.map((month) => [month.month, [month.current, month.previous]]));

    expect(year.months).toHaveLength(12);
    expect(bars['2026-02']).toEqual([4_000, 0]);
    expect(bars['2026-11']).toEqual([5_000, 3_000]);
    expect(bars['2026-12']).toEqual([10_000, 8_000]);
    expect(bars['2026-06']).toEqual([0, 0]);
  });

  test('last year target filters its dates', () => {
    const { customers, sales } = salesWorkbook();
    const month = revenueFor([customers, sales], 'month');

    expect(month.previousTarget?.filters).toEqual({
      [columnId(sales, 'Date')]: {
        filterType: 'date',
        type: 'inRange',
        dateFrom: '2025-11-30 00:00:00',
        dateTo: '2026-01-01 00:00:00',
      },
    });
  });

  test('month target filters the sale date', () => {
    const { customers, sales } = salesWorkbook();
    const december = revenueFor([customers, sales], 'quarter').months[2];

    expect(december?.target).toEqual({
      sheetId: sales.sheet.id,
      filters: {
        [columnId(sales, 'Date')]: {
          filterType: 'date',
          type: 'inRange',
          dateFrom: '2026-11-30 00:00:00',
          dateTo: '2027-01-01 00:00:00',
        },
      },
    });
  });

  test('won deals stand in for a sales log', () => {
    const deals = makeSheet('Deals', [
      { name: 'Deal', type: 'text', role: 'name' },
      { name: 'Stage', type: 'select', role: 'stage', choices: ['Proposal', 'Closed Won', 'Closed Lost'] },
      { name: 'Value', type: 'currency', role: 'dealValue' },
      { name: 'Close date', type: 'date' },
    ]);
    addRow(deals, { Deal: 'Shop', Stage: 'Closed Won', Value: 600, 'Close date': '2026-11-21' });
    addRow(deals, { Deal: 'Menu', Stage: 'Closed Lost', Value: 1200, 'Close date': '2026-11-14' });
    addRow(deals, { Deal: 'Sign', Stage: 'Proposal', Value: 900, 'Close date': '2026-12-20' });
    const quarter = revenueFor([deals], 'quarter');

    expect(quarter.sourceKind).toBe('wonDeals');
    expect(quarter.total.minor).toBe(60_000);
    expect(quarter.months[1]?.target?.filters[columnId(deals, 'Stage')]).toEqual({
      filterType: 'text',
      type: 'equals',
      filter: 'Closed Won',
    });
  });

  test('sales on two sheets name the other', () => {
    const { customers, sales } = salesWorkbook();
    const jobs = makeSheet('Jobs', [
      { name: 'Date', type: 'date' },
      { name: 'Client', type: 'link', role: 'contact', linkSheet: 'Customers' },
      { name: 'Price', type: 'currency', role: 'dealValue' },
    ]);
    addRow(jobs, { Date: '2026-12-03', Client: customers.rows[0]!.id, Price: 35 });
    const month = revenueFor([customers, sales, jobs], 'month');

    expect(month.total.minor).toBe(13_500);
    expect(month.total.target?.sheetId).toBe(sales.sheet.id);
    expect(month.total.target?.approximation).toBe('Sales on "Jobs" are on other sheets.');
  });
});

describe('revenue edge cases', () => {
  test('no sales sheet names the columns', () => {
    const customers = makeSheet('Customers', [{ name: 'Name', type: 'text', role: 'name' }]);
    const revenue = revenueFor([customers], 'month');

    expect(revenue.missing).toEqual([
      'Add a sales sheet with a date column, a column with the Deal value role and a column with the Contact role, ' +
        'or a "Close date" column to a deals sheet, to see revenue.',
    ]);
    expect(revenue.months).toEqual([]);
  });

  test('empty sales sheet is zero', () => {
    const { customers, sales } = salesWorkbook();
    const revenue = revenueFor([customers, { ...sales, rows: [] }], 'year');

    expect(revenue.missing).toEqual([]);
    expect(revenue.total.minor).toBe(0);
    expect(revenue.previousTotal).toBe(0);
    expect(revenue.months.every((month) => month.current === 0)).toBe(true);
  });

  test('mixed currencies are rejected', () => {
    const { customers, sales } = salesWorkbook();
    addRow(sales, { Date: '2026-12-03', Customer: customers.rows[0]!.id, Amount: [70, 'EUR'] });
    const revenue = revenueFor([customers, sales], 'month');

    expect(revenue.mixedCurrencies).toEqual(['EUR', 'GBP']);
    expect(revenue.months).toEqual([]);
  });

  test('one currency other than the workbook one', () => {
    const customers = makeSheet('Customers', [{ name: 'Name', type: 'text', role: 'name' }]);
    const sales = makeSheet('Sales', [
      { name: 'Date', type: 'date' },
      { name: 'Customer', type: 'link', role: 'contact', linkSheet: 'Customers' },
      { name: 'Amount', type: 'currency', role: 'dealValue' },
    ]);
    addRow(sales, { Date: '2026-12-01', Amount: [15, 'EUR'] });
    const revenue = revenueFor([customers, sales], 'month');

    expect(revenue.currency).toBe('EUR');
    expect(revenue.total.minor).toBe(1_500);
  });
});
