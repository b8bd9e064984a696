import { describe, expect, test } from 'vitest';

import { computeChurn, NO_REASON_LABEL } from './churn';
import { collectSales } from './sales';
import { addRow, columnId, makeInput, makeSheet } from './testWorkbook';
import type { PeriodKind, SheetData } from './types';

function workbook(withChurnDate = false): { customers: SheetData; sales: SheetData } {
  const customers = makeSheet('Customers', [
    { name: 'Name', type: 'text', role: 'name' },
    { name: 'Customer since', type: 'date', role: 'customerSince' },
    { name: 'Status', type: 'select', role: 'status', choices: ['Active', 'Former customer'] },
    { name: 'Churn reason', type: 'select', role: 'churnReason', choices: ['Price', 'Moved away'] },
    ...(withChurnDate ? [{ name: 'Churned on', type: 'date' as const }] : []),
  ]);
  const sales = makeSheet('Sales', [
    { name: 'Date', type: 'date' },
    { name: 'Customer', type: 'link', role: 'contact', linkSheet: 'Customers' },
    { name: 'Amount', type: 'currency', role: 'dealValue' },
  ]);

  addRow(customers, { Name: 'Ada', 'Customer since': '2025-01-10', Status: 'Active' });
  const bram = addRow(customers, {
    Name: 'Bram',
    'Customer since': '2024-05-01',
    Status: 'Former customer',
    'Churn reason': 'Price',
    ...(withChurnDate ? { 'Churned on': '2026-11-25' } : {}),
  });
  const cleo = addRow(customers, {
    Name: 'Cleo',
    'Customer since': '2025-03-01',
    Status: 'Former customer',
    'Churn reason': 'Moved away',
  });
  // No sales, so Dov left on the day the row was last changed.
  addRow(
    customers,
    { Name: 'Dov', 'Customer since': '2024-02-01', Status: 'Former customer' },
    { updatedAt: '2026-10-05T12:00:00.000Z' },
  );
  addRow(customers, { Name: 'Esme', 'Customer since': '2026-11-01', Status: 'Active' });

  addRow(sales, { Date: '2026-11-20', Customer: bram, Amount: 40 }); // Bram's last sale
  addRow(sales, { Date: '2026-03-02', Customer: bram, Amount: 40 });
  addRow(sales, { Date: '2026-08-15', Customer: cleo, Amount: 25 }); // Cleo's last sale
  return { customers, sales };
}

function compute(sheets: SheetData[], kind: PeriodKind) {
  return computeChurn(makeInput(sheets, kind), collectSales(sheets, 'GBP'));
}

describe('churn', () => {
  test('quarter counts and rate', () => {
    const { customers, sales } = workbook();
    const [churn] = compute([customers, sales], 'quarter').sheets;

    // Q4 2026: Bram left 2026-11-20 and Dov 2026-10-05. On 2026-10-01 the customers were
    // Ada, Bram and Dov; Cleo had left in August and Esme had not started.
    expect(churn?.churned.value).toBe(2);
    expect(churn?.customersAtStart).toBe(3);
    expect(churn?.rate).toBe(2 / 3);
  });

  test('year and all time', () => {
    const { customers, sales } = workbook();
    const [year] = compute([customers, sales], 'year').sheets;
    const [all] = compute([customers, sales], 'all').sheets;

    // 2026: Bram, Cleo and Dov left; on 2026-01-01 there were Ada, Bram, Cleo and Dov.
    expect([year?.churned.value, year?.customersAtStart, year?.rate]).toEqual([3, 4, 0.75]);
    // All time: 3 former customers of 5.
    expect([all?.churned.value, all?.customersAtStart, all?.rate]).toEqual([3, 5, 0.6]);
  });

  test('per quarter over two years', () => {
    const { customers, sales } = workbook();
    const [churn] = compute([customers, sales], 'month').sheets;

    const quarters = churn?.quarters.map((quarter) => [
      quarter.label,
      quarter.churned.value,
      quarter.customersAtStart,
      quarter.rate,
    ]);

    // On 2025-01-01 only Bram and Dov had started; Ada started on 10 January and Cleo on 1 March.
    expect(quarters).toEqual([
      ['Q1 2025', 0, 2, 0],
      ['Q2 2025', 0, 4, 0],
      ['Q3 2025', 0, 4, 0],
      ['Q4 2025', 0, 4, 0],
      ['Q1 2026', 0, 4, 0],
      ['Q2 2026', 0, 4, 0],
      ['Q3 2026', 1, 4, 0.25],
      ['Q4 2026', 2, 3, 2 / 3],
    ]);
  });

  test('counts by churn reason', () => {
    const { customers, sales } = workbook();
    const [quarter] = compute([customers, sales], 'quarter').sheets;
    const [all] = compute([customers, sales], 'all').sheets;

    expect(quarter?.reasons?.map((reason) => [reason.label, reason.customers.value])).toEqual([
      [NO_REASON_LABEL, 1],
      ['Price', 1],
    ]);
    expect(all?.reasons?.map((reason) => [reason.label, reason.customers.value])).toEqual([
      [NO_REASON_LABEL, 1],
      ['Moved away', 1],
      ['Price', 1],
    ]);
    expect(all?.reasons?.[2]?.customers.target?.filters).toEqual({
      [columnId(customers, 'Status')]: { filterType: 'text', type: 'equals', filter: 'Former customer' },
      [columnId(customers, 'Churn reason')]: { filterType: 'text', type: 'equals', filter: 'Price' },
    });
  });

  test('targets without a churn-date column', () => {
    const { customers, sales } = workbook();
    const [quarter] = compute([customers, sales], 'quarter').sheets;
    const [all] = compute([customers, sales], 'all').sheets;

    expect(quarter?.churned.target?.approximation).toBe(
      'The grid cannot filter by the day a customer left, so it shows every former customer.',
    );
    expect(all?.churned.target?.approximation).toBeUndefined();
    expect(quarter?.churnDateRule).toContain('last sale');
  });

  test('churn-date column sets the day', () => {
    const { customers, sales } = workbook(true);
    const [quarter] = compute([customers, sales], 'quarter').sheets;

    // Only Bram has a churn date, and the column replaces last sales and edits for everyone.
    expect(quarter?.churned.value).toBe(1);
    expect(quarter?.churned.target?.filters[columnId(customers, 'Churned on')]).toEqual({
      filterType: 'date',
      type: 'inRange',
      dateFrom: '2026-09-30 00:00:00',
      dateTo: '2027-01-01 00:00:00',
    });
    expect(quarter?.churned.target?.approximation).toBeUndefined();
    expect(quarter?.churnDateRule).toBe('The day a customer left comes from "Churned on".');
  });
});

describe('churn edge cases', () => {
  test('no former-customer choice', () => {
    const clients = makeSheet('Clients', [
      { name: 'Name', type: 'text', role: 'name' },
      { name: 'Status', type: 'select', role: 'status', choices: ['Potential Customer', 'Current Customer'] },
    ]);
    const churn = computeChurn(makeInput([clients]), collectSales([clients], 'GBP'));

    expect(churn.sheets).toEqual([]);
    expect(churn.missing).toEqual([
      'Add a column with the Status role and a choice such as "Former customer" to a customer sheet to see churn.',
    ]);
  });

  test('no churn reason column', () => {
    const clients = makeSheet('Clients', [
      { name: 'Name', type: 'text', role: 'name' },
      { name: 'Status', type: 'select', role: 'status', choices: ['Client', 'Former client'] },
    ]);
    addRow(clients, { Name: 'Ada', Status: 'Former client' }, { updatedAt: '2026-12-01T12:00:00.000Z' });
    const [churn] = computeChurn(makeInput([clients]), collectSales([clients], 'GBP')).sheets;

    // One customer, who left this month, was the only customer on 2026-12-01.
    expect(churn?.churned.value).toBe(1);
    expect(churn?.customersAtStart).toBe(1);
    expect(churn?.rate).toBe(1);
    expect(churn?.reasons).toBeNull();
    expect(churn?.missing).toEqual(['Add a column with the Churn reason role to "Clients" to see why customers left.']);
  });

  test('empty customer sheet', () => {
    const { customers, sales } = workbook();
    const [churn] = compute([{ ...customers, rows: [] }, sales], 'quarter').sheets;

    expect(churn?.churned.value).toBe(0);
    expect(churn?.customersAtStart).toBe(0);
    expect(churn?.rate).toBeNull();
    expect(churn?.reasons).toEqual([]);
  });
});
