import { describe, expect, it } from 'vitest';

import { addRow, makeSheet, type ColumnSpec } from '../dashboard/metrics/testWorkbook';
import { findBoardColumns } from './boardColumns';
import { buildLanes, compareCards, isLostStage, laneSpecs, NO_STAGE_KEY, NO_STAGE_LABEL, type Card } from './lanes';

const STAGES = [
  { label: 'Lead', probability: 0.1 },
  { label: 'Proposal', probability: 0.5 },
  { label: 'Closed Won', probability: 1 },
  { label: 'Closed Lost', probability: 0 },
];

const DEAL_COLUMNS: ColumnSpec[] = [
  { name: 'Deal', type: 'text', role: 'name' },
  { name: 'Stage', type: 'select', role: 'stage', choices: STAGES },
  { name: 'Value', type: 'currency', role: 'dealValue' },
  { name: 'Probability', type: 'percent', role: 'probability' },
  { name: 'Next follow-up', type: 'date', role: 'followUpDate' },
  { name: 'Priority', type: 'select', choices: ['High', 'Medium', 'Low'] },
];

function dealsSheet() {
  return makeSheet('Deals', DEAL_COLUMNS);
}

function lanesOf(data: ReturnType<typeof dealsSheet>) {
  const stage = data.sheet.fields.find((field) => field.name === 'Stage')!;
  return buildLanes(data.sheet, data.rows, findBoardColumns(data.sheet, stage), 'GBP');
}

function namesIn(lanes: ReturnType<typeof lanesOf>, label: string): string[] {
  return lanes.find((lane) => lane.label === label)!.cards.map((card) => card.name);
}

describe('buildLanes', () => {
  it('makes one lane per choice in order, then No stage', () => {
    const lanes = lanesOf(dealsSheet());
    expect(lanes.map((lane) => lane.label)).toEqual(['Lead', 'Proposal', 'Closed Won', 'Closed Lost', NO_STAGE_LABEL]);
    expect(lanes.at(-1)!.key).toBe(NO_STAGE_KEY);
    expect(lanes.at(-1)!.value).toBeNull();
  });

  it('puts rows without a valid stage in No stage', () => {
    const data = dealsSheet();
    addRow(data, { Deal: 'Orchard audit', Stage: 'Lead' });
    addRow(data, { Deal: 'Hive census' });
    const stage = data.sheet.fields.find((field) => field.name === 'Stage')!;
    data.rows.push({ ...data.rows[0]!, id: 'deleted-choice', values: { [stage.id]: 'option-gone' }, position: 2 });

    const lanes = lanesOf(data);
    expect(namesIn(lanes, 'Lead')).toEqual(['Orchard audit']);
    expect(namesIn(lanes, NO_STAGE_LABEL)).toEqual(['Hive census', '(no name)']);
  });

  it('totals count, value and weighted value per lane', () => {
    const data = dealsSheet();
    // Own probability: 1,000.00 x 30% = 300.00.
    addRow(data, { Deal: 'Mill survey', Stage: 'Proposal', Value: 1000, Probability: 0.3 });
    // No own probability, so the stage's 50%: 250.50 x 50% = 125.25.
    addRow(data, { Deal: 'Barn repair', Stage: 'Proposal', Value: 250.5 });
    addRow(data, { Deal: 'Fence quote', Stage: 'Proposal' });

    const proposal = lanesOf(data).find((lane) => lane.label === 'Proposal')!;
    expect(proposal.cards).toHaveLength(3);
    expect(proposal.total).toEqual({ ok: true, minor: 125_050, currency: 'GBP' });
    expect(proposal.weighted).toEqual({ ok: true, minor: 42_525, currency: 'GBP' });
    expect(proposal.withoutProbability).toBe(0);
  });

  it('weighs won deals in full and lost deals at nothing', () => {
    const data = dealsSheet();
    addRow(data, { Deal: 'Mill survey', Stage: 'Closed Won', Value: 300, Probability: 0.4 });
    addRow(data, { Deal: 'Barn repair', Stage: 'Closed Lost', Value: 500, Probability: 0.2 });

    const lanes = lanesOf(data);
    const won = lanes.find((lane) => lane.label === 'Closed Won')!;
    const lost = lanes.find((lane) => lane.label === 'Closed Lost')!;
    expect(won.weighted).toEqual({ ok: true, minor: 30_000, currency: 'GBP' });
    expect(lost.total).toEqual({ ok: true, minor: 50_000, currency: 'GBP' });
    expect(lost.weighted).toEqual({ ok: true, minor: 0, currency: 'GBP' });
  });

  it('leaves a value without any probability out of the weighted value', () => {
    const data = makeSheet('Deals', [
      { name: 'Deal', type: 'text', role: 'name' },
      { name: 'Stage', type: 'select', role: 'stage', choices: ['Lead'] },
      { name: 'Value', type: 'currency', role: 'dealValue' },
    ]);
    addRow(data, { Deal: 'Mill survey', Stage: 'Lead', Value: 400 });
    const lead = lanesOf(data)[0]!;
    expect(lead.total).toEqual({ ok: true, minor: 40_000, currency: 'GBP' });
    expect(lead.weighted).toEqual({ ok: true, minor: 0, currency: 'GBP' });
    expect(lead.withoutProbability).toBe(1);
  });

  it('does not add values in different currencies', () => {
    const data = dealsSheet();
    addRow(data, { Deal: 'Mill survey', Stage: 'Lead', Value: 100 });
    addRow(data, { Deal: 'Canal survey', Stage: 'Lead', Value: [200, 'EUR'] });
    const lead = lanesOf(data)[0]!;
    expect(lead.total).toEqual({ ok: false, currencies: ['EUR', 'GBP'] });
  });

  it('has no totals without a value column', () => {
    const data = makeSheet('Deals', [
      { name: 'Deal', type: 'text', role: 'name' },
      { name: 'Stage', type: 'select', role: 'stage', choices: ['Lead'] },
    ]);
    addRow(data, { Deal: 'Mill survey', Stage: 'Lead' });
    expect(lanesOf(data)[0]!.total).toBeNull();
    expect(lanesOf(data)[0]!.weighted).toBeNull();
  });

  it('sorts by priority, then follow-up, then sheet order', () => {
    const data = dealsSheet();
    addRow(data, { Deal: 'No priority', Stage: 'Lead', 'Next follow-up': '2026-12-01' });
    addRow(data, { Deal: 'Low', Stage: 'Lead', Priority: 'Low' });
    addRow(data, { Deal: 'High later', Stage: 'Lead', Priority: 'High', 'Next follow-up': '2026-12-20' });
    addRow(data, { Deal: 'High no date', Stage: 'Lead', Priority: 'High' });
    addRow(data, { Deal: 'High sooner', Stage: 'Lead', Priority: 'High', 'Next follow-up': '2026-12-05' });
    addRow(data, { Deal: 'Medium', Stage: 'Lead', Priority: 'Medium' });
    addRow(data, { Deal: 'No priority either', Stage: 'Lead' });

    expect(namesIn(lanesOf(data), 'Lead')).toEqual([
      'High sooner',
      'High later',
      'High no date',
      'Medium',
      'Low',
      'No priority',
      'No priority either',
    ]);
  });

  it('keeps text-column lanes when a filter hides their rows', () => {
    const data = makeSheet('Leads', [
      { name: 'Name', type: 'text', role: 'name' },
      { name: 'Stage', type: 'text', role: 'stage' },
    ]);
    addRow(data, { Name: 'Ada', Stage: 'Cold' });
    addRow(data, { Name: 'Bo', Stage: ' Warm ' });
    const stage = data.sheet.fields.find((field) => field.name === 'Stage')!;
    const lanes = buildLanes(data.sheet, data.rows, findBoardColumns(data.sheet, stage), 'GBP', (row) =>
      row.id.endsWith('-1'),
    );
    expect(lanes.map((lane) => [lane.label, lane.value, lane.cards.length])).toEqual([
      ['Cold', 'Cold', 1],
      ['Warm', 'Warm', 0],
      [NO_STAGE_LABEL, null, 0],
    ]);
  });
});

describe('compareCards', () => {
  const card = (priority: string | null, followUpDay: string | null, position: number): Card =>
    ({ priority, followUpDay, row: { position } }) as Card;

  it('ranks a known priority before none', () => {
    expect(compareCards(card('Low', null, 1), card(null, '2026-01-01', 0))).toBeLessThan(0);
  });

  it('ranks an unknown label like none', () => {
    expect(compareCards(card('Urgent', null, 0), card(null, null, 1))).toBeLessThan(0);
    expect(compareCards(card('Urgent', null, 1), card(null, null, 0))).toBeGreaterThan(0);
  });
});

describe('isLostStage', () => {
  it.each(['Closed Lost', 'Lost', 'lost', 'Abandoned'])('finds %s lost', (label) => {
    expect(isLostStage(label)).toBe(true);
  });

  it.each(['Closed Won', 'Lead', 'Lostwithiel visit', 'Negotiation'])('finds %s not lost', (label) => {
    expect(isLostStage(label)).toBe(false);
  });

  it('marks lost lanes', () => {
    const stage = dealsSheet().sheet.fields.find((field) => field.name === 'Stage')!;
    expect(laneSpecs(stage, []).map((lane) => lane.lost)).toEqual([false, false, false, true, false]);
  });
});
