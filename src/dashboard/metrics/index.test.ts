import { describe, expect, test } from 'vitest';

import { computeDashboard } from './index';
import { addRow, makeInput, makeSheet } from './testWorkbook';

describe('whole dashboard', () => {
  test('empty workbook explains every section', () => {
    const metrics = computeDashboard(makeInput([]));

    expect(metrics.today.missing).toHaveLength(3);
    expect(metrics.pipeline.missing).toHaveLength(1);
    expect(metrics.revenue.missing).toHaveLength(1);
    expect(metrics.slipping.missing).toHaveLength(1);
    expect(metrics.lifetimeValue.missing).toHaveLength(1);
    expect(metrics.pareto.missing).toHaveLength(1);
    expect(metrics.churn.missing).toHaveLength(1);
    expect(metrics.newCustomers.missing).toHaveLength(1);
    expect(metrics.feedback.missing).toHaveLength(1);
  });

  test('one customer with one sale', () => {
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
    const ada = addRow(customers, { Name: 'Ada', 'Customer since': '2025-12-04', Status: 'Active' });
    addRow(sales, { Date: '2026-12-01', Customer: ada, Amount: 45 });
    const metrics = computeDashboard(makeInput([customers, sales], 'month'));

    expect(metrics.revenue.total.minor).toBe(4_500);
    expect(metrics.pareto.share).toBe(1);
    expect(metrics.lifetimeValue.customers.map((customer) => [customer.name, customer.revenue])).toEqual([
      ['Ada', 4_500],
    ]);
    // 2025-12-04 to 2026-12-04 is 365 days.
    expect(metrics.lifetimeValue.inputs.yearsRetained).toBeCloseTo(365 / 365.25, 10);
    expect(metrics.churn.sheets[0]?.churned.value).toBe(0);
    expect(metrics.today.newCustomers[0]?.figure.value).toBe(0);
  });
});
