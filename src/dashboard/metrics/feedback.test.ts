import { describe, expect, test } from 'vitest';

import { CONVERSATIONS_MISSING, FEEDBACK_MISSING, computeFeedback, countRecentConversations } from './feedback';
import { dateBetween } from './filters';
import { addRow, columnId, makeInput, makeSheet } from './testWorkbook';
import type { PeriodKind, SheetData } from './types';

function activityWorkbook(): { customers: SheetData; activities: SheetData } {
  const customers = makeSheet('Customers', [{ name: 'Name', type: 'text', role: 'name' }]);
  const ada = addRow(customers, { Name: 'Ada' });
  const activities = makeSheet('Activities', [
    { name: 'Date', type: 'date' },
    { name: 'Customer', type: 'link', role: 'contact', linkSheet: 'Customers' },
    { name: 'Type', type: 'select', choices: ['Call', 'Complaint', 'Compliment'] },
  ]);
  addRow(activities, { Date: '2026-12-01', Customer: ada, Type: 'Complaint' });
  addRow(activities, { Date: '2026-12-03', Customer: ada, Type: 'Complaint' });
  addRow(activities, { Date: '2026-12-02', Customer: ada, Type: 'Compliment' });
  addRow(activities, { Date: '2026-12-02', Customer: ada, Type: 'Call' });
  addRow(activities, { Date: '2026-11-20', Customer: ada, Type: 'Complaint' });
  addRow(activities, { Date: '2026-11-21', Customer: ada, Type: 'Compliment' });
  addRow(activities, { Date: '2026-11-22', Customer: ada, Type: 'Compliment' });
  addRow(activities, { Date: '2025-12-10', Customer: ada, Type: 'Complaint' });
  addRow(activities, { Customer: ada, Type: 'Complaint' }); // no date
  return { customers, activities };
}

function counts(sheets: SheetData[], kind: PeriodKind): [number, number] {
  const sheet = computeFeedback(makeInput(sheets, kind)).sheets[0]!;
  return [sheet.complaints.value, sheet.compliments.value];
}

describe('complaints and compliments', () => {
  test('counts per period', () => {
    const { customers, activities } = activityWorkbook();
    const sheets = [customers, activities];

    // December 2026: complaints on the 1st and 3rd, a compliment on the 2nd. The call is neither.
    expect(counts(sheets, 'month')).toEqual([2, 1]);
    // October to December 2026 adds November's complaint and two compliments.
    expect(counts(sheets, 'quarter')).toEqual([3, 3]);
    expect(counts(sheets, 'year')).toEqual([3, 3]);
    // All time adds December 2025 and the undated complaint.
    expect(counts(sheets, 'all')).toEqual([5, 3]);
  });

  test('counts per month side by side', () => {
    const { customers, activities } = activityWorkbook();
    const sheet = computeFeedback(makeInput([customers, activities], 'month')).sheets[0]!;
    const byMonth = Object.fromEntries(
      sheet.months.map((month) => [month.month, [month.complaints.value, month.compliments.value]]),
    );

    expect(sheet.months).toHaveLength(12);
    expect(sheet.months[0]?.month).toBe('2026-01');
    expect(byMonth['2026-11']).toEqual([1, 2]);
    expect(byMonth['2026-12']).toEqual([2, 1]);
    expect(byMonth['2026-10']).toEqual([0, 0]);
  });

  test('figure opens its rows', () => {
    const { customers, activities } = activityWorkbook();
    const sheet = computeFeedback(makeInput([customers, activities], 'month')).sheets[0]!;

    expect(sheet.sheetName).toBe('Activities');
    expect(sheet.typeColumn).toBe('Type');
    expect(sheet.complaints.target).toEqual({
      sheetId: activities.sheet.id,
      filters: {
        [columnId(activities, 'Type')]: { filterType: 'text', type: 'equals', filter: 'Complaint' },
        [columnId(activities, 'Date')]: dateBetween('2026-12-01', '2026-12-31'),
      },
    });
    expect(sheet.dateRule).toBe('Counted by "Date".');
  });

  test('without a date column', () => {
    const customers = makeSheet('Customers', [{ name: 'Name', type: 'text', role: 'name' }]);
    const ada = addRow(customers, { Name: 'Ada' });
    const log = makeSheet('Log', [
      { name: 'Customer', type: 'link', role: 'contact', linkSheet: 'Customers' },
      { name: 'Kind', type: 'select', choices: ['Complaint'] },
    ]);
    addRow(log, { Customer: ada, Kind: 'Complaint' }, { createdAt: '2026-12-02T10:00:00.000Z' });
    addRow(log, { Customer: ada, Kind: 'Complaint' }, { createdAt: '2026-10-02T10:00:00.000Z' });
    const sheet = computeFeedback(makeInput([customers, log], 'month')).sheets[0]!;

    expect([sheet.complaints.value, sheet.compliments.value]).toEqual([1, 0]);
    expect(sheet.compliments.target).toBeNull();
    expect(sheet.complaints.target?.approximation).toMatch(/every complaint/);
    expect(sheet.dateRule).toBe('"Log" has no date column, so each row counts on the day it was added.');
  });

  test('no activity log degrades', () => {
    const customers = makeSheet('Customers', [{ name: 'Name', type: 'text', role: 'name' }]);
    // A Type column without a link to the customer is not an activity log.
    const notes = makeSheet('Notes', [{ name: 'Type', type: 'select', choices: ['Complaint', 'Compliment'] }]);
    // A link to the customer without Complaint or Compliment choices is not one either.
    const calls = makeSheet('Calls', [
      { name: 'Customer', type: 'link', role: 'contact', linkSheet: 'Customers' },
      { name: 'Type', type: 'select', choices: ['Call', 'Email'] },
    ]);
    const feedback = computeFeedback(makeInput([customers, notes, calls]));

    expect(feedback.sheets).toEqual([]);
    expect(feedback.missing).toEqual([FEEDBACK_MISSING]);
    expect(FEEDBACK_MISSING).toBe(
      'Add an Activities sheet with a Type column (Complaint, Compliment) linked to customers to see this.',
    );
  });
});

describe('conversations logged this week', () => {
  test('counts rows dated today and the six days before', () => {
    const { customers, activities } = activityWorkbook();

    // Today is 2026-12-04, so the week runs from 2026-11-28: the rows of 1, 2 (twice) and 3 December.
    // The undated row counts on the day it was added, which testWorkbook sets before the week.
    const result = countRecentConversations(makeInput([customers, activities]));

    expect(result.missing).toEqual([]);
    expect(result.sheets).toHaveLength(1);
    expect(result.sheets[0]!.figure.value).toBe(4);
    expect(result.sheets[0]!.figure.target!.filters[columnId(activities, 'Date')]).toEqual(
      dateBetween('2026-11-28', '2026-12-04'),
    );
  });

  test('asks for an activities sheet when none links to customers', () => {
    const customers = makeSheet('Customers', [{ name: 'Name', type: 'text', role: 'name' }]);
    const result = countRecentConversations(makeInput([customers]));
    expect(result.sheets).toEqual([]);
    expect(result.missing).toEqual([CONVERSATIONS_MISSING]);
  });

  test('leaves out a sales log that links to customers', () => {
    const customers = makeSheet('Customers', [{ name: 'Name', type: 'text', role: 'name' }]);
    const ada = addRow(customers, { Name: 'Ada' });
    const sales = makeSheet('Sales', [
      { name: 'Date', type: 'date' },
      { name: 'Customer', type: 'link', role: 'contact', linkSheet: 'Customers' },
      { name: 'Amount', type: 'currency', role: 'dealValue' },
    ]);
    addRow(sales, { Date: '2026-12-03', Customer: ada, Amount: '20' });
    expect(countRecentConversations(makeInput([customers, sales])).missing).toEqual([CONVERSATIONS_MISSING]);
  });
});
