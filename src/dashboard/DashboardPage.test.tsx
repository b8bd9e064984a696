// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';

import { createSheets, DEFAULT_WORKBOOK_SETTINGS, getActiveSheetId, getActiveView, listSheets } from '../db';
import { resetDatabaseForTests } from '../db/connection';
import { instantiateTemplate, TEMPLATES } from '../templates/gallery';
import { DashboardPage } from './DashboardPage';

afterEach(() => {
  cleanup();
  resetDatabaseForTests();
});

async function renderTemplate(name: string, onShowRows = vi.fn()) {
  const template = TEMPLATES.find((each) => each.name === name)!;
  await createSheets(instantiateTemplate(template, { withSampleRows: true }));
  const sheets = await listSheets();
  render(<DashboardPage sheets={sheets} settings={DEFAULT_WORKBOOK_SETTINGS} onShowRows={onShowRows} />);
  await screen.findByRole('heading', { name: 'Today', level: 2 });
  return { sheets, onShowRows };
}

describe('dashboard page', () => {
  test('every section has its heading', async () => {
    await renderTemplate('Sales pipeline');

    expect(screen.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeTruthy();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual([
      'Today',
      'Pipeline',
      'Revenue',
      'Customers slipping away',
      'Customer lifetime value',
      'Top customers',
      'New versus existing customers',
      'Churn',
      'Complaints and compliments',
    ]);
  });

  test('feedback without an activity log', async () => {
    await renderTemplate('Sales pipeline');

    const feedback = screen.getByRole('region', { name: 'Complaints and compliments' });
    expect(
      within(feedback).getByText(
        'Add an Activities sheet with a Type column (Complaint, Compliment) linked to customers to see this.',
      ),
    ).toBeTruthy();
  });

  test('new and existing customers side by side', async () => {
    await renderTemplate('Customer lifetime value tracker');

    const mix = screen.getByRole('region', { name: 'New versus existing customers' });
    expect(within(mix).getByText(/^revenue from new customers, this month$/)).toBeTruthy();
    expect(within(mix).getByText(/^revenue from existing customers, this month$/)).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: 'all' } });
    expect(
      await within(mix).findByText('Choose a month, quarter or year: over all time every customer is new.'),
    ).toBeTruthy();
  });

  test('missing roles are named', async () => {
    await renderTemplate('Sales pipeline');

    const slipping = screen.getByRole('region', { name: 'Customers slipping away' });
    expect(
      within(slipping).getByText(
        'Add a column with the Last contacted role to a customer sheet to see who is slipping away.',
      ),
    ).toBeTruthy();
  });

  test('charts have a text alternative', async () => {
    await renderTemplate('Sales pipeline');

    const chart = screen.getByRole('img', { name: /^Open pipeline by stage in Deals:/ });
    expect(chart.getAttribute('aria-label')).toContain('Qualified To Buy, £2,400.00 in 1 deal');
    expect(screen.getByRole('table', { name: 'Open deals by stage in Deals' })).toBeTruthy();
  });

  test('figure opens its filtered rows', async () => {
    const { sheets, onShowRows } = await renderTemplate('Sales pipeline');
    const deals = sheets.find((sheet) => sheet.name === 'Deals')!;
    const stage = deals.fields.find((field) => field.role === 'stage')!;

    fireEvent.click(screen.getByRole('button', { name: /^3 open deals/ }));

    await waitFor(() => expect(onShowRows).toHaveBeenCalledTimes(1));
    expect(await getActiveSheetId()).toBe(deals.id);
    const view = await getActiveView(deals.id);
    expect(view?.isDefault).toBe(true);
    expect(view?.search).toBe('');
    expect(view?.filters).toEqual({
      [stage.id]: {
        filterType: 'text',
        operator: 'AND',
        conditions: [
          { filterType: 'text', type: 'notEqual', filter: 'Closed Won' },
          { filterType: 'text', type: 'notEqual', filter: 'Closed Lost' },
        ],
      },
    });
  });
});
