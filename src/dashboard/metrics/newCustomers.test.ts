import { describe, expect, test } from 'vitest';

import { computeNewCustomers } from './newCustomers';
import { collectSales } from './sales';
import { addRow, makeInput, makeSheet, type ColumnSpec } from './testWorkbook';
import type { PeriodKind, SheetData } from './types';

const SALES_COLUMNS: ColumnSpec[] = [
  { name: 'Date', type: 'date' },
  { name: 'Customer', type: 'link', role: 'contact', linkSheet: 'Customers' },
  { name: 'Amount', type: 'currency', role: 'dealValue' },
];

/**
 * Ada first bought in June 2026, Bram and Dov in December 2026, Cleo in
 * March 2025. Amounts and costs are in pounds.
 */
function workbook(withCost = true): SheetData[] {
  const customers = makeSheet('Customers', [{ name: 'Name', type: 'text', role: 'name' }]);
  const [ada, bram, cleo, dov] = ['Ada', 'Bram', 'Cleo', 'Dov'].map((name) => addRow(customers, { Name: name }));
  const sales = makeSheet('Sales', withCost ? [...SALES_COLUMNS, { name: 'Cost', type: 'currency' }] : SALES_COLUMNS);
  const sale = (date: string | null, customer: string, amount: number, cost: number | null) =>
    addRow(sales, {
      ...(date ? { Date: date } : {}),
      Customer: customer,
      Amount: amount,
      ...(withCost && cost !== null ? { Cost: cost } : {}),
    });
  sale('2026-06-10', ada!, 100, 40);
  sale('2026-12-01', ada!, 200, 50);
  sale(null, ada!, 500, 0); // no date: in no period and never a first purchase
  sale('2026-12-02', bram!, 300, 100);
  sale('2026-12-03', bram!, 100, 20);
  sale('2025-03-01', cleo!, 80, 0);
  sale('2026-12-03', cleo!, 50, 10);
  sale('2026-12-02', dov!, 60, null); // an empty cost counts as none
  return [customers, sales];
}

function compute(sheets: SheetData[], kind: PeriodKind) {
  return computeNewCustomers(makeInput(sheets, kind), collectSales(sheets, 'GBP'));
}

describe('new versus existing customers', () => {
  test('this month', () => {
    const mix = compute(workbook(), 'month');

    expect(mix.applicable).toBe(true);
    expect(mix.costColumns).toEqual(['"Cost" in "Sales"']);
    // New in December: Bram (300 + 100, cost 100 + 20) and Dov (60, no cost).
    // Revenue 460, cost 120, contribution 340 over 2 customers: 170 each.
    expect(mix.newCustomers).toMatchObject({
      customers: 2,
      revenue: 46_000,
      cost: 12_000,
      averageContribution: 17_000,
    });
    // Existing: Ada (200, cost 50) and Cleo (50, cost 10). Revenue 250, cost 60, contribution 190 over 2: 95 each.
    expect(mix.existingCustomers).toMatchObject({
      customers: 2,
      revenue: 25_000,
      cost: 6_000,
      averageContribution: 9_500,
    });
  });

  test('this year', () => {
    const mix = compute(workbook(), 'year');

    // Ada's first purchase in June 2026 makes her new this year: 100 + 200 + 300 + 100 + 60 = 760, cost 210.
    expect(mix.newCustomers).toMatchObject({ customers: 3, revenue: 76_000, cost: 21_000 });
    expect(mix.newCustomers.averageContribution).toBeCloseTo(55_000 / 3, 10);
    // Cleo alone first bought before 2026: 50, cost 10.
    expect(mix.existingCustomers).toMatchObject({
      customers: 1,
      revenue: 5_000,
      cost: 1_000,
      averageContribution: 4_000,
    });
  });

  test('without a cost column', () => {
    const mix = compute(workbook(false), 'month');

    expect(mix.costColumns).toEqual([]);
    // Contribution is the revenue: 460 / 2 and 250 / 2.
    expect(mix.newCustomers).toMatchObject({ revenue: 46_000, cost: 0, averageContribution: 23_000 });
    expect(mix.existingCustomers).toMatchObject({ revenue: 25_000, cost: 0, averageContribution: 12_500 });
  });

  test('all time is not split', () => {
    const mix = compute(workbook(), 'all');

    expect(mix.applicable).toBe(false);
    expect(mix.newCustomers.customers).toBe(0);
    expect(mix.missing).toEqual([]);
  });

  test('empty group has no average', () => {
    const customers = makeSheet('Customers', [{ name: 'Name', type: 'text', role: 'name' }]);
    const ada = addRow(customers, { Name: 'Ada' });
    const sales = makeSheet('Sales', SALES_COLUMNS);
    addRow(sales, { Date: '2026-12-01', Customer: ada, Amount: 10 });
    const mix = compute([customers, sales], 'month');

    expect(mix.newCustomers).toMatchObject({ customers: 1, revenue: 1_000, averageContribution: 1_000 });
    expect(mix.existingCustomers).toEqual({
      customers: 0,
      revenue: 0,
      cost: 0,
      averageContribution: null,
      target: null,
    });
    expect(mix.newCustomers.target?.approximation).toMatch(/new and existing customers/);
  });

  test('mixed currencies are not added', () => {
    const customers = makeSheet('Customers', [{ name: 'Name', type: 'text', role: 'name' }]);
    const ada = addRow(customers, { Name: 'Ada' });
    const sales = makeSheet('Sales', SALES_COLUMNS);
    addRow(sales, { Date: '2026-12-01', Customer: ada, Amount: 10 });
    addRow(sales, { Date: '2026-12-02', Customer: ada, Amount: [10, 'EUR'] });

    expect(compute([customers, sales], 'month').mixedCurrencies).toEqual(['EUR', 'GBP']);
  });

  test('no customer link degrades', () => {
    const mix = compute([], 'month');

    expect(mix.missing).toEqual([
      'Add a sales sheet with a column with the Contact role (a link to the customer) to compare new and existing customers.',
    ]);
  });
});
