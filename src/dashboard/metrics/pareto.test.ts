import { describe, expect, test } from 'vitest';

import { computePareto } from './pareto';
import { collectSales } from './sales';
import { addRow, makeInput, makeSheet } from './testWorkbook';
import type { PeriodKind, SheetData } from './types';

function workbook(revenues: number[]): { customers: SheetData; sales: SheetData } {
  const customers = makeSheet('Customers', [{ name: 'Name', type: 'text', role: 'name' }]);
  const sales = makeSheet('Sales', [
    { name: 'Date', type: 'date' },
    { name: 'Customer', type: 'link', role: 'contact', linkSheet: 'Customers' },
    { name: 'Amount', type: 'currency', role: 'dealValue' },
  ]);
  const names = ['Ada', 'Bram', 'Cleo', 'Dov', 'Esme', 'Finn', 'Gus'];
  revenues.forEach((revenue, index) => {
    const customer = addRow(customers, { Name: names[index]! });
    // Each revenue is split over two sales, so customers are summed and not single rows.
    addRow(sales, { Date: '2026-12-01', Customer: customer, Amount: revenue / 2 });
    addRow(sales, { Date: '2026-12-02', Customer: customer, Amount: revenue / 2 });
  });
  return { customers, sales };
}

function compute(sheets: SheetData[], kind: PeriodKind = 'month') {
  return computePareto(makeInput(sheets, kind), collectSales(sheets, 'GBP'));
}

describe('top customers', () => {
  test('top 20% of five is one', () => {
    const { customers, sales } = workbook([100, 500, 50, 200, 150]);
    const pareto = compute([customers, sales]);

    expect(pareto.customerCount).toBe(5);
    expect(pareto.totalRevenue).toBe(100_000);
    expect(pareto.top.map((customer) => [customer.name, customer.revenue, customer.share])).toEqual([
      ['Bram', 50_000, 0.5],
    ]);
    expect(pareto.share).toBe(0.5);
  });

  test('top 20% of six rounds up to two', () => {
    const { customers, sales } = workbook([100, 500, 50, 200, 150, 100]);
    const pareto = compute([customers, sales]);

    // (500 + 200) / 1100
    expect(pareto.top.map((customer) => customer.name)).toEqual(['Bram', 'Dov']);
    expect(pareto.topRevenue).toBe(70_000);
    expect(pareto.share).toBeCloseTo(7 / 11, 10);
  });

  test('one customer has all revenue', () => {
    const { customers, sales } = workbook([80]);
    const pareto = compute([customers, sales]);

    expect(pareto.top.map((customer) => customer.name)).toEqual(['Ada']);
    expect(pareto.share).toBe(1);
    expect(pareto.top[0]?.target).toEqual({ sheetId: customers.sheet.id, filters: {}, rowId: customers.rows[0]!.id });
  });

  test('only sales in the period count', () => {
    const { customers, sales } = workbook([100, 500]);
    addRow(sales, { Date: '2026-03-01', Customer: customers.rows[0]!.id, Amount: 1000 });
    addRow(sales, { Date: '2026-12-03', Amount: 70 }); // no customer

    expect(compute([customers, sales], 'month').top.map((customer) => customer.name)).toEqual(['Bram']);
    expect(compute([customers, sales], 'year').top.map((customer) => customer.name)).toEqual(['Ada']);
    expect(compute([customers, sales], 'year').totalRevenue).toBe(160_000);
  });
});

describe('top customers edge cases', () => {
  test('no sales in the period', () => {
    const { customers, sales } = workbook([]);
    const pareto = compute([customers, sales]);

    expect(pareto.missing).toEqual([]);
    expect(pareto.customerCount).toBe(0);
    expect(pareto.top).toEqual([]);
    expect(pareto.share).toBeNull();
  });

  test('no sales sheet', () => {
    const { customers } = workbook([]);
    expect(compute([customers]).missing).toEqual([
      'Add a sales sheet with a column with the Contact role (a link to the customer) to see your top customers.',
    ]);
  });

  test('mixed currencies are rejected', () => {
    const { customers, sales } = workbook([100]);
    addRow(sales, { Date: '2026-12-03', Customer: customers.rows[0]!.id, Amount: [5, 'EUR'] });

    expect(compute([customers, sales]).mixedCurrencies).toEqual(['EUR', 'GBP']);
  });
});
