import { describe, expect, test } from 'vitest';

import { addRow, columnId, makeInput, makeSheet } from './testWorkbook';
import { computeToday } from './today';

function clientSheet() {
  const clients = makeSheet('Clients', [
    { name: 'Name', type: 'text', role: 'name' },
    { name: 'Status', type: 'select', role: 'status', choices: ['Lead', 'Customer', 'Former customer'] },
    { name: 'Next follow-up', type: 'date', role: 'followUpDate' },
    { name: 'Customer since', type: 'date', role: 'customerSince' },
  ]);
  // Today is 2026-12-04, so the next 7 days run to 2026-12-10.
  addRow(clients, { Name: 'Ada', 'Next follow-up': '2026-12-03', 'Customer since': '2026-12-01' }); // overdue, new
  addRow(clients, { Name: 'Bram', 'Next follow-up': '2026-11-20', 'Customer since': '2025-05-01' }); // overdue
  addRow(clients, { Name: 'Cleo', 'Next follow-up': '2026-12-04' }); // due today
  addRow(clients, { Name: 'Dov', 'Next follow-up': '2026-12-10' }); // due on the 7th day
  addRow(clients, { Name: 'Esme', 'Next follow-up': '2026-12-11' }); // the 8th day: neither
  addRow(clients, { Name: 'Finn', 'Customer since': '2026-12-31' }); // new on the last day of the month
  return clients;
}

describe('follow-ups', () => {
  test('overdue and due in the next 7 days', () => {
    const clients = clientSheet();
    const [followUps] = computeToday(makeInput([clients])).followUps;

    expect(followUps?.sheetName).toBe('Clients');
    expect(followUps?.overdue.value).toBe(2);
    expect(followUps?.dueSoon.value).toBe(2);
  });

  test('overdue target filters days before today', () => {
    const clients = clientSheet();
    const [followUps] = computeToday(makeInput([clients])).followUps;
    const fieldId = columnId(clients, 'Next follow-up');

    expect(followUps?.overdue.target).toEqual({
      sheetId: clients.sheet.id,
      filters: { [fieldId]: { filterType: 'date', type: 'lessThan', dateFrom: '2026-12-04 00:00:00', dateTo: null } },
    });
    // AG Grid's inRange leaves out both ends, so the bounds are the days just outside the week.
    expect(followUps?.dueSoon.target?.filters[fieldId]).toEqual({
      filterType: 'date',
      type: 'inRange',
      dateFrom: '2026-12-03 00:00:00',
      dateTo: '2026-12-11 00:00:00',
    });
  });

  test('date and time column sorts instead', () => {
    const visits = makeSheet('Visits', [
      { name: 'Name', type: 'text', role: 'name' },
      { name: 'Call back', type: 'dateTime', role: 'followUpDate' },
    ]);
    addRow(visits, { Name: 'Gus', 'Call back': '2026-12-03T12:00:00.000Z' });
    addRow(visits, { Name: 'Hana', 'Call back': '2026-12-05T12:00:00.000Z' });
    const [followUps] = computeToday(makeInput([visits])).followUps;

    expect(followUps?.overdue.value).toBe(1);
    expect(followUps?.dueSoon.value).toBe(1);
    expect(followUps?.overdue.target?.filters).toEqual({});
    expect(followUps?.overdue.target?.sorts).toEqual([{ fieldId: columnId(visits, 'Call back'), direction: 'asc' }]);
    expect(followUps?.overdue.target?.approximation).toContain('cannot filter "Call back" by day');
  });

  test('empty sheet counts zero', () => {
    const clients = makeSheet('Clients', [{ name: 'Next follow-up', type: 'date', role: 'followUpDate' }]);
    const [followUps] = computeToday(makeInput([clients])).followUps;

    expect(followUps?.overdue.value).toBe(0);
    expect(followUps?.dueSoon.value).toBe(0);
  });
});

describe('new customers', () => {
  test('counted by Customer since in the period', () => {
    const clients = clientSheet();

    expect(computeToday(makeInput([clients], 'month')).newCustomers[0]?.figure.value).toBe(2);
    expect(computeToday(makeInput([clients], 'year')).newCustomers[0]?.figure.value).toBe(2);
    expect(computeToday(makeInput([clients], 'all')).newCustomers[0]?.figure.value).toBe(3);
  });

  test('targets filter the period or any date', () => {
    const clients = clientSheet();
    const fieldId = columnId(clients, 'Customer since');

    expect(computeToday(makeInput([clients], 'month')).newCustomers[0]?.figure.target?.filters[fieldId]).toEqual({
      filterType: 'date',
      type: 'inRange',
      dateFrom: '2026-11-30 00:00:00',
      dateTo: '2027-01-01 00:00:00',
    });
    expect(computeToday(makeInput([clients], 'all')).newCustomers[0]?.figure.target?.filters[fieldId]).toEqual({
      filterType: 'date',
      type: 'notBlank',
    });
  });
});

describe('new leads', () => {
  test('rows with a Lead status added in the period', () => {
    const clients = clientSheet();
    const status = columnId(clients, 'Status');
    addRow(clients, { Name: 'Ines', Status: 'Lead' }, { createdAt: '2026-12-02T10:00:00.000Z' });
    addRow(clients, { Name: 'Jago', Status: 'Lead' }, { createdAt: '2026-11-15T10:00:00.000Z' });
    addRow(clients, { Name: 'Kit', Status: 'Customer' }, { createdAt: '2026-12-03T12:00:00.000Z' });

    const month = computeToday(makeInput([clients], 'month')).newLeads[0]?.figure;
    const all = computeToday(makeInput([clients], 'all')).newLeads[0]?.figure;

    expect(month?.value).toBe(1);
    expect(all?.value).toBe(2);
    expect(month?.target?.filters).toEqual({ [status]: { filterType: 'text', type: 'equals', filter: 'Lead' } });
    expect(month?.target?.approximation).toContain('cannot filter by the day a row was added');
    expect(all?.target?.approximation).toBeUndefined();
  });

  test('every row of a sheet named Leads', () => {
    const leads = makeSheet('Leads', [
      { name: 'Name', type: 'text', role: 'name' },
      { name: 'Lead Status', type: 'select', role: 'status', choices: ['New', 'Open', 'Junk'] },
    ]);
    addRow(leads, { Name: 'Lior', 'Lead Status': 'New' }, { createdAt: '2026-12-01T08:00:00.000Z' });
    addRow(leads, { Name: 'Mina', 'Lead Status': 'Open' }, { createdAt: '2026-12-03T08:00:00.000Z' });
    addRow(leads, { Name: 'Nils' }, { createdAt: '2026-12-04T08:00:00.000Z' });
    addRow(leads, { Name: 'Oona', 'Lead Status': 'Junk' }, { createdAt: '2026-10-20T08:00:00.000Z' });

    expect(computeToday(makeInput([leads], 'month')).newLeads[0]?.figure.value).toBe(3);
    expect(computeToday(makeInput([leads], 'quarter')).newLeads[0]?.figure.value).toBe(4);
    expect(computeToday(makeInput([leads], 'month')).newLeads[0]?.figure.target?.filters).toEqual({});
  });
});

describe('missing roles', () => {
  test('each figure names the role to add', () => {
    const notes = makeSheet('Notes', [{ name: 'Name', type: 'text', role: 'name' }]);
    addRow(notes, { Name: 'Pia' });
    const today = computeToday(makeInput([notes]));

    expect(today.followUps).toEqual([]);
    expect(today.newCustomers).toEqual([]);
    expect(today.newLeads).toEqual([]);
    expect(today.missing).toEqual([
      'Add a column with the Follow-up date role to a customer or deals sheet to see overdue follow-ups.',
      'Add a column with the Customer since role to a customer sheet to see new customers.',
      'Add a "Lead" choice to the Status column of a customer sheet, or a sheet named "Leads", to see new leads.',
    ]);
  });

  test('no sheets at all', () => {
    expect(computeToday(makeInput([])).missing).toHaveLength(3);
  });
});
