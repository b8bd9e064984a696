import { describe, expect, test } from 'vitest';

import { computeLifetimeValue, customerLifetimeValue, estimateLifetimeValue, MIN_RATE_YEARS } from './lifetimeValue';
import { collectSales } from './sales';
import { addRow, makeInput, makeSheet } from './testWorkbook';
import type { SheetData } from './types';

function workbook(): { customers: SheetData; sales: SheetData } {
  const customers = makeSheet('Customers', [
    { name: 'Name', type: 'text', role: 'name' },
    { name: 'Customer since', type: 'date', role: 'customerSince' },
    { name: 'Status', type: 'select', role: 'status', choices: ['Active', 'Former customer'] },
  ]);
  const sales = makeSheet('Sales', [
    { name: 'Date', type: 'date' },
    { name: 'Customer', type: 'link', role: 'contact', linkSheet: 'Customers' },
    { name: 'Amount', type: 'currency', role: 'dealValue' },
  ]);
  return { customers, sales };
}

function compute(sheets: SheetData[]) {
  return computeLifetimeValue(makeInput(sheets, 'all'), collectSales(sheets, 'GBP'));
}

describe('lifetime value estimate', () => {
  test('is the product of its inputs', () => {
    // 20.00 a sale × 12 sales a year × 3 years
    expect(estimateLifetimeValue({ averageSale: 2_000, purchasesPerYear: 12, yearsRetained: 3 })).toBe(72_000);
    expect(estimateLifetimeValue({ averageSale: 2_000, purchasesPerYear: null, yearsRetained: 3 })).toBeNull();
  });

  test('member paying 20 a month for 3 years', () => {
    const { customers, sales } = workbook();
    const member = addRow(customers, { Name: 'Ada', 'Customer since': '2023-12-04', Status: 'Active' });
    // 36 monthly payments, 2023-12-04 to 2026-11-04.
    for (let month = 0; month < 36; month += 1) {
      const date = new Date(Date.UTC(2023, 11 + month, 4)).toISOString().slice(0, 10);
      addRow(sales, { Date: date, Customer: member, Amount: 20 });
    }
    const result = compute([customers, sales]);

    // From 2023-12-04 to today, 2026-12-04, is 1096 days (29 February 2024 included):
    // 1096 / 365.25 = 3.0007 years, and 36 / 3.0007 = 11.997 payments a year.
    expect(result.inputs.averageSale).toBe(2_000);
    expect(result.inputs.yearsRetained).toBeCloseTo(3.0007, 4);
    expect(result.inputs.purchasesPerYear).toBeCloseTo(11.997, 3);
    // 20 × 11.997 × 3.0007 = 720.00
    expect(Math.round(estimateLifetimeValue(result.inputs)!)).toBe(72_000);
    expect(customerLifetimeValue(result.customers[0]!, result.inputs.yearsRetained)).toBe(72_000);
  });

  test('two customers of four years each', () => {
    const { customers, sales } = workbook();
    // 2022-12-04 to 2026-12-04 and 2018-12-04 to 2022-12-04 are both 1461 days: exactly 4 years of 365.25 days.
    const active = addRow(customers, { Name: 'Bram', 'Customer since': '2022-12-04', Status: 'Active' });
    const former = addRow(customers, { Name: 'Cleo', 'Customer since': '2018-12-04', Status: 'Former customer' });
    for (const date of [
      '2023-03-01',
      '2023-09-01',
      '2024-03-01',
      '2024-09-01',
      '2025-03-01',
      '2025-09-01',
      '2026-03-01',
      '2026-09-01',
    ]) {
      addRow(sales, { Date: date, Customer: active, Amount: 50 });
    }
    for (const date of ['2019-12-04', '2020-12-04', '2021-12-04', '2022-12-04']) {
      addRow(sales, { Date: date, Customer: former, Amount: 100 });
    }
    addRow(customers, { Name: 'Dov', 'Customer since': '2026-01-01', Status: 'Active' }); // no sales yet
    const result = compute([customers, sales]);

    // 12 sales worth 800: 66.67 a sale; 12 sales over 8 customer-years: 1.5 a year; mean tenure 4 years.
    expect(result.inputs.averageSale).toBeCloseTo(80_000 / 12, 6);
    expect(result.inputs.purchasesPerYear).toBeCloseTo(1.5, 10);
    expect(result.inputs.yearsRetained).toBeCloseTo(4, 10);
    // 66.67 × 1.5 × 4 = 400; with 6 years retained, 600.
    expect(Math.round(estimateLifetimeValue(result.inputs)!)).toBe(40_000);
    expect(Math.round(estimateLifetimeValue({ ...result.inputs, yearsRetained: 6 })!)).toBe(60_000);
    expect(result.withoutSales).toBe(1);
  });

  test('per customer figures', () => {
    const { customers, sales } = workbook();
    const active = addRow(customers, { Name: 'Bram', 'Customer since': '2022-12-04', Status: 'Active' });
    const former = addRow(customers, { Name: 'Cleo', 'Customer since': '2018-12-04', Status: 'Former customer' });
    for (const date of [
      '2023-03-01',
      '2023-09-01',
      '2024-03-01',
      '2024-09-01',
      '2025-03-01',
      '2025-09-01',
      '2026-03-01',
      '2026-09-01',
    ]) {
      addRow(sales, { Date: date, Customer: active, Amount: 50 });
    }
    for (const date of ['2019-12-04', '2020-12-04', '2021-12-04', '2022-12-04']) {
      addRow(sales, { Date: date, Customer: former, Amount: 100 });
    }
    const result = compute([customers, sales]);
    const [bram, cleo] = result.customers;

    expect([bram?.name, bram?.revenue, bram?.purchases, bram?.former]).toEqual(['Bram', 40_000, 8, false]);
    expect(bram?.tenureYears).toBeCloseTo(4, 10);
    expect(bram?.purchasesPerYear).toBeCloseTo(2, 10);
    // 50 × 2 a year × 4 years; with 6 years retained, 600.
    expect(customerLifetimeValue(bram!, 4)).toBe(40_000);
    expect(customerLifetimeValue(bram!, 6)).toBe(60_000);
    // A former customer is worth what they spent, however long others stay.
    expect([cleo?.name, cleo?.revenue, cleo?.former]).toEqual(['Cleo', 40_000, true]);
    expect(customerLifetimeValue(cleo!, 6)).toBe(40_000);
    expect(bram?.target).toEqual({ sheetId: customers.sheet.id, filters: {}, rowId: active });
  });

  test('brand-new customer rate uses one month', () => {
    const { customers, sales } = workbook();
    const newcomer = addRow(customers, { Name: 'Ada', 'Customer since': '2026-12-01', Status: 'Active' });
    addRow(sales, { Date: '2026-12-01', Customer: newcomer, Amount: 30 });
    const result = compute([customers, sales]);

    // Three days is shorter than a month, so the rate is 1 sale / (1/12) year.
    expect(MIN_RATE_YEARS).toBe(1 / 12);
    expect(result.customers[0]?.purchasesPerYear).toBeCloseTo(12, 10);
    expect(result.inputs.yearsRetained).toBeCloseTo(3 / 365.25, 10);
    // 30 × 12 × 0.008 years is 2.96, less than the 30 already spent.
    expect(customerLifetimeValue(result.customers[0]!, result.inputs.yearsRetained)).toBe(3_000);
  });
});

describe('lifetime value edge cases', () => {
  test('no sales sheet', () => {
    const { customers } = workbook();
    expect(compute([customers]).missing).toEqual([
      'Add a sales sheet with a date column, a column with the Deal value role and a column with the Contact role ' +
        '(a link to the customer) to see what each customer is worth.',
    ]);
  });

  test('won deals without a contact link', () => {
    const deals = makeSheet('Deals', [
      { name: 'Stage', type: 'select', role: 'stage', choices: ['Open', 'Won', 'Lost'] },
      { name: 'Value', type: 'currency', role: 'dealValue' },
      { name: 'Close date', type: 'date' },
    ]);
    addRow(deals, { Stage: 'Won', Value: 10, 'Close date': '2026-11-01' });

    expect(compute([deals]).missing).toEqual([
      'Add a column with the Contact role (a link to the customer) to "Deals" to see what each customer is worth.',
    ]);
  });

  test('empty sheets give no inputs', () => {
    const { customers, sales } = workbook();
    const result = compute([customers, sales]);

    expect(result.missing).toEqual([]);
    expect(result.customers).toEqual([]);
    expect(result.inputs).toEqual({ averageSale: null, purchasesPerYear: null, yearsRetained: null });
    expect(estimateLifetimeValue(result.inputs)).toBeNull();
  });

  test('mixed currencies are rejected', () => {
    const { customers, sales } = workbook();
    const ada = addRow(customers, { Name: 'Ada', Status: 'Active' });
    addRow(sales, { Date: '2026-01-01', Customer: ada, Amount: 10 });
    addRow(sales, { Date: '2026-02-01', Customer: ada, Amount: [10, 'USD'] });

    expect(compute([customers, sales]).mixedCurrencies).toEqual(['GBP', 'USD']);
  });
});
