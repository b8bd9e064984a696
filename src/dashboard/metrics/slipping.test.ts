import { describe, expect, test } from 'vitest';

import { computeSlipping, SLIPPING_AFTER_DAYS } from './slipping';
import { addRow, columnId, makeInput, makeSheet } from './testWorkbook';

function clients() {
  const sheet = makeSheet('Clients', [
    { name: 'Name', type: 'text', role: 'name' },
    { name: 'Status', type: 'select', role: 'status', choices: ['Customer', 'Former customer'] },
    { name: 'Last contacted', type: 'date', role: 'lastContacted' },
  ]);
  // Today is 2026-12-04.
  addRow(sheet, { Name: 'Ada', Status: 'Customer', 'Last contacted': '2026-09-04' }); // 91 days
  addRow(sheet, { Name: 'Bram', Status: 'Customer', 'Last contacted': '2026-09-05' }); // 90 days: not yet
  addRow(sheet, { Name: 'Cleo', Status: 'Former customer', 'Last contacted': '2026-05-19' }); // has left
  addRow(sheet, { Name: 'Dov', 'Last contacted': '2026-01-01' }); // 337 days
  addRow(sheet, { Name: 'Esme', Status: 'Customer' }); // never contacted
  return sheet;
}

describe('customers slipping away', () => {
  test('threshold is 90 days', () => {
    expect(SLIPPING_AFTER_DAYS).toBe(90);
  });

  test('longest silence first, former customers left out', () => {
    const slipping = computeSlipping(makeInput([clients()]));

    expect(slipping.customers.map((customer) => [customer.name, customer.lastContacted, customer.daysSince])).toEqual([
      ['Dov', '2026-01-01', 337],
      ['Ada', '2026-09-04', 91],
    ]);
    expect(slipping.sheets[0]?.slipping.value).toBe(2);
    expect(slipping.sheets[0]?.withoutDate).toBe(1);
  });

  test('target filters date and status', () => {
    const sheet = clients();
    const slipping = computeSlipping(makeInput([sheet]));

    // More than 90 days ago is before 2026-09-05.
    expect(slipping.sheets[0]?.slipping.target).toEqual({
      sheetId: sheet.sheet.id,
      filters: {
        [columnId(sheet, 'Last contacted')]: {
          filterType: 'date',
          type: 'lessThan',
          dateFrom: '2026-09-05 00:00:00',
          dateTo: null,
        },
        [columnId(sheet, 'Status')]: { filterType: 'text', type: 'notEqual', filter: 'Former customer' },
      },
    });
    expect(slipping.customers[0]?.target).toEqual({ sheetId: sheet.sheet.id, filters: {}, rowId: sheet.rows[3]!.id });
  });

  test('one customer', () => {
    const sheet = makeSheet('Clients', [
      { name: 'Name', type: 'text', role: 'name' },
      { name: 'Last contacted', type: 'date', role: 'lastContacted' },
    ]);
    addRow(sheet, { Name: 'Ada', 'Last contacted': '2026-08-01' });
    const slipping = computeSlipping(makeInput([sheet]));

    expect(slipping.customers.map((customer) => customer.daysSince)).toEqual([125]);
  });

  test('missing role and empty sheet', () => {
    const notes = makeSheet('Notes', [{ name: 'Name', type: 'text', role: 'name' }]);
    expect(computeSlipping(makeInput([notes])).missing).toEqual([
      'Add a column with the Last contacted role to a customer sheet to see who is slipping away.',
    ]);

    const empty = computeSlipping(makeInput([{ ...clients(), rows: [] }]));
    expect(empty.missing).toEqual([]);
    expect(empty.customers).toEqual([]);
    expect(empty.sheets[0]?.slipping.value).toBe(0);
  });
});
