// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';

import { createSheets, DEFAULT_WORKBOOK_SETTINGS, getActiveSheetId, listRows, listSheets } from '../db';
import { resetDatabaseForTests } from '../db/connection';
import { getPipelineChoice } from '../db/pipeline';
import { instantiateTemplate, TEMPLATES } from '../templates/gallery';
import { PipelinePage } from './PipelinePage';

afterEach(() => {
  cleanup();
  resetDatabaseForTests();
});

async function renderTemplate(name: string) {
  const template = TEMPLATES.find((each) => each.name === name)!;
  await createSheets(instantiateTemplate(template, { withSampleRows: true }));
  const sheets = await listSheets();
  const onShowSheets = vi.fn();
  render(<PipelinePage sheets={sheets} settings={DEFAULT_WORKBOOK_SETTINGS} onShowSheets={onShowSheets} />);
  await screen.findByRole('heading', { name: 'Pipeline', level: 1 });
  return { sheets, onShowSheets };
}

async function findCard(lane: string, name: string) {
  const region = await screen.findByRole('region', { name: lane });
  return within(region).findByRole('button', { name: new RegExp(`^${name}`) });
}

describe('pipeline page', () => {
  test('shows one lane per stage in order, then No stage', async () => {
    await renderTemplate('Sales pipeline');
    await findCard('Contract Sent', 'Year-end accounts');

    const lanes = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(lanes).toEqual([
      'Appointment Scheduled',
      'Qualified To Buy',
      'Presentation Scheduled',
      'Decision Maker Bought-In',
      'Contract Sent',
      'Closed Won',
      'Closed Lost',
      'No stage',
    ]);
  });

  test('Ctrl+Right arrow moves a card one lane', async () => {
    const { sheets } = await renderTemplate('Sales pipeline');
    const payroll = await findCard('Appointment Scheduled', 'Payroll setup');

    fireEvent.keyDown(payroll, { key: 'ArrowRight', ctrlKey: true });

    await findCard('Qualified To Buy', 'Payroll setup');
    expect(screen.getByRole('status').textContent).toBe('Moved Payroll setup to Qualified To Buy');
    const deals = sheets.find((sheet) => sheet.name === 'Deals')!;
    const stage = deals.fields.find((field) => field.role === 'stage')!;
    const qualified = stage.settings.options!.find((option) => option.label === 'Qualified To Buy')!;
    const row = (await listRows(deals.id)).find((each) => Object.values(each.values).includes('Payroll setup'))!;
    expect(row.values[stage.id]).toBe(qualified.id);
  });

  test('Enter opens the row in its sheet', async () => {
    const { sheets, onShowSheets } = await renderTemplate('Sales pipeline');
    const card = await findCard('Contract Sent', 'Year-end accounts');

    fireEvent.keyDown(card, { key: 'Enter' });

    await waitFor(() => expect(onShowSheets).toHaveBeenCalled());
    expect(await getActiveSheetId()).toBe(sheets.find((sheet) => sheet.name === 'Deals')!.id);
  });

  test('remembers the lane column', async () => {
    const { sheets } = await renderTemplate('Google Sheets CRM');
    await findCard('Negotiation', 'Online shop');

    fireEvent.change(screen.getByRole('combobox', { name: 'Lanes from' }), {
      target: {
        value: sheets.find((sheet) => sheet.name === 'Opportunities')!.fields.find((f) => f.name === 'Status')!.id,
      },
    });

    await findCard('Won', 'Online shop');
    expect((await getPipelineChoice())?.sheetId).toBe(sheets.find((sheet) => sheet.name === 'Opportunities')!.id);
  });

  test('explains the Stage role when no sheet has one', async () => {
    const { onShowSheets } = await renderTemplate('Simple client list');

    expect(screen.getByText(/No sheet has a column with the Stage role/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open Sheets' }));
    expect(onShowSheets).toHaveBeenCalled();
  });
});
