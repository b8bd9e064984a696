import { describe, expect, test } from 'vitest';

import { computePipeline } from './pipeline';
import { addRow, columnId, makeInput, makeSheet } from './testWorkbook';

/** Deals closed by their stage, as in the "Sales pipeline" template. */
function stageClosedDeals() {
  const deals = makeSheet('Deals', [
    { name: 'Deal', type: 'text', role: 'name' },
    {
      name: 'Stage',
      type: 'select',
      role: 'stage',
      choices: [
        { label: 'Lead', probability: 0.1 },
        { label: 'Proposal', probability: 0.5 },
        { label: 'Closed Won', probability: 1 },
        { label: 'Closed Lost', probability: 0 },
      ],
    },
    { name: 'Value', type: 'currency', role: 'dealValue' },
    { name: 'Probability', type: 'percent', role: 'probability' },
    { name: 'Close date', type: 'date' },
  ]);
  addRow(deals, { Deal: 'Logo', Stage: 'Lead', Value: 1000 }); // weighted 1000 × 0.1 = 100
  addRow(deals, { Deal: 'Website', Stage: 'Proposal', Value: 2000, Probability: 0.8 }); // the row's 0.8: 1600
  addRow(deals, { Deal: 'Flyers', Stage: 'Proposal', Value: 500 }); // 500 × 0.5 = 250
  addRow(deals, { Deal: 'Signs', Value: 300 }); // no stage, no probability
  addRow(
    deals,
    { Deal: 'Shop', Stage: 'Closed Won', Value: 4000, 'Close date': '2026-12-02' },
    { createdAt: '2026-11-02T12:00:00.000Z' }, // 30 days to close
  );
  addRow(
    deals,
    { Deal: 'Menu', Stage: 'Closed Won', Value: 1000, 'Close date': '2026-10-15' },
    { createdAt: '2026-10-05T12:00:00.000Z' }, // 10 days to close
  );
  addRow(deals, { Deal: 'Banner', Stage: 'Closed Lost', Value: 800, 'Close date': '2026-12-01' });
  addRow(deals, { Deal: 'Mural', Stage: 'Closed Lost', Value: 700, 'Close date': '2025-06-01' });
  return deals;
}

/** Deals closed by a status column, as in the "Google Sheets CRM" template, with no close date. */
function statusClosedDeals() {
  const deals = makeSheet('Opportunities', [
    { name: 'Name', type: 'text', role: 'name' },
    {
      name: 'Pipeline Stage',
      type: 'select',
      role: 'stage',
      choices: [
        { label: 'Qualified', probability: 0.2 },
        { label: 'Negotiation', probability: 0.9 },
      ],
    },
    { name: 'Status', type: 'select', role: 'status', choices: ['Open', 'Won', 'Lost', 'Abandoned'] },
    { name: 'Value', type: 'currency', role: 'dealValue' },
  ]);
  addRow(deals, { Name: 'A', 'Pipeline Stage': 'Qualified', Status: 'Open', Value: 1000 });
  addRow(deals, { Name: 'B', 'Pipeline Stage': 'Negotiation', Status: 'Won', Value: 3000 });
  addRow(deals, { Name: 'C', 'Pipeline Stage': 'Qualified', Status: 'Lost', Value: 500 });
  addRow(deals, { Name: 'D', 'Pipeline Stage': 'Negotiation', Status: 'Abandoned', Value: 200 });
  addRow(deals, { Name: 'E', 'Pipeline Stage': 'Negotiation', Value: 400 });
  return deals;
}

describe('open pipeline', () => {
  test('value per stage leaves closed stages out', () => {
    const [pipeline] = computePipeline(makeInput([stageClosedDeals()])).sheets;
    const stages = pipeline?.stages.map((stage) => [stage.label, stage.deals.value, stage.value]);

    expect(stages).toEqual([
      ['Lead', 1, { ok: true, minor: 100_000, currency: 'GBP' }],
      ['Proposal', 2, { ok: true, minor: 250_000, currency: 'GBP' }],
      ['(no stage)', 1, { ok: true, minor: 30_000, currency: 'GBP' }],
    ]);
  });

  test('open total and weighted value', () => {
    const [pipeline] = computePipeline(makeInput([stageClosedDeals()])).sheets;

    expect(pipeline?.open.value).toBe(4);
    // 1000 + 2000 + 500 + 300
    expect(pipeline?.openValue).toEqual({ ok: true, minor: 380_000, currency: 'GBP' });
    // 100 + 1600 + 250; "Signs" has no probability.
    expect(pipeline?.weightedValue).toEqual({ ok: true, minor: 195_000, currency: 'GBP' });
    expect(pipeline?.withoutProbability).toBe(1);
  });

  test('stage and open targets', () => {
    const deals = stageClosedDeals();
    const stageId = columnId(deals, 'Stage');
    const [pipeline] = computePipeline(makeInput([deals])).sheets;

    expect(pipeline?.stages[1]?.deals.target?.filters).toEqual({
      [stageId]: { filterType: 'text', type: 'equals', filter: 'Proposal' },
    });
    expect(pipeline?.stages[2]?.deals.target?.filters).toEqual({ [stageId]: { filterType: 'text', type: 'blank' } });
    expect(pipeline?.open.target?.filters).toEqual({
      [stageId]: {
        filterType: 'text',
        operator: 'AND',
        conditions: [
          { filterType: 'text', type: 'notEqual', filter: 'Closed Won' },
          { filterType: 'text', type: 'notEqual', filter: 'Closed Lost' },
        ],
      },
    });
  });

  test('status closes deals', () => {
    const deals = statusClosedDeals();
    const [pipeline] = computePipeline(makeInput([deals])).sheets;

    expect(pipeline?.open.value).toBe(2);
    // A and E: 1000 + 400
    expect(pipeline?.openValue).toEqual({ ok: true, minor: 140_000, currency: 'GBP' });
    // 1000 × 0.2 + 400 × 0.9 = 200 + 360
    expect(pipeline?.weightedValue).toEqual({ ok: true, minor: 56_000, currency: 'GBP' });
    expect(pipeline?.stages.map((stage) => [stage.label, stage.deals.value])).toEqual([
      ['Qualified', 1],
      ['Negotiation', 1],
    ]);
  });

  test('status filter keeps open and empty', () => {
    const deals = statusClosedDeals();
    const [pipeline] = computePipeline(makeInput([deals])).sheets;

    // Three closed choices do not fit in one filter, so the open one and empty cells are kept instead.
    expect(pipeline?.stages[1]?.deals.target?.filters).toEqual({
      [columnId(deals, 'Pipeline Stage')]: { filterType: 'text', type: 'equals', filter: 'Negotiation' },
      [columnId(deals, 'Status')]: {
        filterType: 'text',
        operator: 'OR',
        conditions: [
          { filterType: 'text', type: 'blank' },
          { filterType: 'text', type: 'equals', filter: 'Open' },
        ],
      },
    });
  });
});

describe('closed deals', () => {
  test('win rate over the period', () => {
    const deals = stageClosedDeals();
    const month = computePipeline(makeInput([deals], 'month')).sheets[0];
    const year = computePipeline(makeInput([deals], 'year')).sheets[0];
    const all = computePipeline(makeInput([deals], 'all')).sheets[0];

    expect([month?.won?.value, month?.lost?.value, month?.winRate]).toEqual([1, 1, 0.5]);
    expect([year?.won?.value, year?.lost?.value, year?.winRate]).toEqual([2, 1, 2 / 3]);
    expect([all?.won?.value, all?.lost?.value, all?.winRate]).toEqual([2, 2, 0.5]);
    expect(month?.closedInPeriodOnly).toBe(true);
    expect(all?.closed?.value).toBe(4);
    expect(all?.closed?.target?.filters).toEqual({
      [columnId(deals, 'Stage')]: {
        filterType: 'text',
        operator: 'OR',
        conditions: [
          { filterType: 'text', type: 'equals', filter: 'Closed Won' },
          { filterType: 'text', type: 'equals', filter: 'Closed Lost' },
        ],
      },
    });
  });

  test('average won deal and days to close', () => {
    const deals = stageClosedDeals();
    const month = computePipeline(makeInput([deals], 'month')).sheets[0];
    const year = computePipeline(makeInput([deals], 'year')).sheets[0];

    expect(month?.averageWon).toEqual({ ok: true, minor: 400_000, currency: 'GBP' });
    expect(month?.averageDaysToClose).toEqual({ days: 30, deals: 1 });
    // (4000 + 1000) / 2 and (30 + 10) / 2
    expect(year?.averageWon).toEqual({ ok: true, minor: 250_000, currency: 'GBP' });
    expect(year?.averageDaysToClose).toEqual({ days: 20, deals: 2 });
  });

  test('won target filters stage and close date', () => {
    const deals = stageClosedDeals();
    const [pipeline] = computePipeline(makeInput([deals], 'month')).sheets;

    expect(pipeline?.won?.target?.filters).toEqual({
      [columnId(deals, 'Stage')]: { filterType: 'text', type: 'equals', filter: 'Closed Won' },
      [columnId(deals, 'Close date')]: {
        filterType: 'date',
        type: 'inRange',
        dateFrom: '2026-11-30 00:00:00',
        dateTo: '2027-01-01 00:00:00',
      },
    });
  });

  test('without a close date every closed deal counts', () => {
    const deals = statusClosedDeals();
    const [pipeline] = computePipeline(makeInput([deals], 'month')).sheets;

    // B won; C lost and D abandoned.
    expect([pipeline?.won?.value, pipeline?.lost?.value]).toEqual([1, 2]);
    expect(pipeline?.winRate).toBe(1 / 3);
    expect(pipeline?.closedInPeriodOnly).toBe(false);
    expect(pipeline?.averageWon).toEqual({ ok: true, minor: 300_000, currency: 'GBP' });
    expect(pipeline?.averageDaysToClose).toBeNull();
    expect(pipeline?.missing).toEqual([
      'Add a date column named "Close date" to "Opportunities" to see how many days deals take to close.',
    ]);
  });

  test('deal added after it closed is left out of days to close', () => {
    const deals = stageClosedDeals();
    addRow(
      deals,
      { Deal: 'Poster', Stage: 'Closed Won', Value: 100, 'Close date': '2026-12-01' },
      { createdAt: '2026-12-03T12:00:00.000Z' },
    );
    const [pipeline] = computePipeline(makeInput([deals], 'month')).sheets;

    expect(pipeline?.won?.value).toBe(2);
    expect(pipeline?.averageDaysToClose).toEqual({ days: 30, deals: 1 });
  });
});

describe('missing roles and edge cases', () => {
  test('no Stage column anywhere', () => {
    const clients = makeSheet('Clients', [{ name: 'Name', type: 'text', role: 'name' }]);
    const pipeline = computePipeline(makeInput([clients]));

    expect(pipeline.sheets).toEqual([]);
    expect(pipeline.missing).toEqual(['Add a column with the Stage role to a deals sheet to see the pipeline.']);
  });

  test('stages without values or closing choices', () => {
    const deals = makeSheet('Deals', [
      { name: 'Deal', type: 'text', role: 'name' },
      { name: 'Stage', type: 'select', role: 'stage', choices: ['Talking', 'Quoted'] },
    ]);
    addRow(deals, { Deal: 'Hedge', Stage: 'Quoted' });
    const [pipeline] = computePipeline(makeInput([deals])).sheets;

    expect(pipeline?.open.value).toBe(1);
    expect(pipeline?.openValue).toBeNull();
    expect(pipeline?.weightedValue).toBeNull();
    expect(pipeline?.won).toBeNull();
    expect(pipeline?.winRate).toBeNull();
    expect(pipeline?.missing).toEqual([
      'Add a column with the Deal value role to "Deals" to see pipeline value.',
      'Add a "Won" and a "Lost" choice to the Stage or Status column of "Deals" to see the win rate.',
      'Add a date column named "Close date" to "Deals" to see how many days deals take to close.',
    ]);
  });

  test('empty deals sheet', () => {
    const [pipeline] = computePipeline(makeInput([stageClosedDeals()].map((data) => ({ ...data, rows: [] })))).sheets;

    expect(pipeline?.open.value).toBe(0);
    expect(pipeline?.openValue).toEqual({ ok: true, minor: 0, currency: 'GBP' });
    expect(pipeline?.winRate).toBeNull();
    expect(pipeline?.averageWon).toBeNull();
    expect(pipeline?.averageDaysToClose).toBeNull();
  });

  test('mixed currencies are not added up', () => {
    const deals = stageClosedDeals();
    addRow(deals, { Deal: 'Export', Stage: 'Lead', Value: [900, 'EUR'] });
    const [pipeline] = computePipeline(makeInput([deals])).sheets;

    expect(pipeline?.openValue).toEqual({ ok: false, currencies: ['EUR', 'GBP'] });
    expect(pipeline?.stages[0]?.value).toEqual({ ok: false, currencies: ['EUR', 'GBP'] });
    expect(pipeline?.stages[1]?.value).toEqual({ ok: true, minor: 250_000, currency: 'GBP' });
  });

  test('number probability above 1 is percent', () => {
    const deals = makeSheet('Deals', [
      { name: 'Stage', type: 'select', role: 'stage', choices: ['Open', 'Won', 'Lost'] },
      { name: 'Value', type: 'number', role: 'dealValue' },
      { name: 'Chance', type: 'number', role: 'probability' },
    ]);
    addRow(deals, { Stage: 'Open', Value: 200, Chance: 40 });
    const [pipeline] = computePipeline(makeInput([deals])).sheets;

    // A number column is read in the workbook currency: 200 × 40% = 80.
    expect(pipeline?.weightedValue).toEqual({ ok: true, minor: 8_000, currency: 'GBP' });
  });
});
