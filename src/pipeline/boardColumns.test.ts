import { describe, expect, it } from 'vitest';

import { makeSheet } from '../dashboard/metrics/testWorkbook';
import { findBoardColumns, findRoleField, hasStageColumn, laneFieldChoices } from './boardColumns';

const opportunities = makeSheet('Opportunities', [
  { name: 'Name', type: 'text', role: 'name' },
  { name: 'Source', type: 'select', choices: ['Referral', 'Website'] },
  { name: 'Pipeline Stage', type: 'select', role: 'stage', choices: ['Qualified', 'Negotiation'] },
  { name: 'Status', type: 'select', role: 'status', choices: ['Open', 'Won', 'Lost'] },
  { name: 'Priority', type: 'select', choices: ['High', 'Medium', 'Low'] },
  { name: 'Loss Reason', type: 'select', choices: ['Price', 'Timing'] },
  { name: 'Account owner', type: 'text' },
]).sheet;

function field(name: string) {
  return opportunities.fields.find((each) => each.name === name)!;
}

describe('findRoleField', () => {
  it('prefers a column with the role', () => {
    expect(findRoleField(opportunities, 'stage')).toBe(field('Pipeline Stage'));
  });

  it('falls back to a header that guesses the role', () => {
    expect(findRoleField(opportunities, 'priority')).toBe(field('Priority'));
    expect(findRoleField(opportunities, 'churnReason')).toBe(field('Loss Reason'));
  });

  it('returns undefined when nothing fits', () => {
    expect(findRoleField(opportunities, 'followUpDate')).toBeUndefined();
  });
});

describe('laneFieldChoices', () => {
  it('lists the stage column first, then other single selects', () => {
    expect(laneFieldChoices(opportunities).map((each) => each.name)).toEqual([
      'Pipeline Stage',
      'Source',
      'Status',
      'Priority',
      'Loss Reason',
    ]);
  });

  it('offers a text stage column', () => {
    const sheet = makeSheet('Leads', [{ name: 'Stage', type: 'text', role: 'stage' }]).sheet;
    expect(laneFieldChoices(sheet).map((each) => each.name)).toEqual(['Stage']);
    expect(hasStageColumn(sheet)).toBe(true);
  });
});

describe('findBoardColumns', () => {
  it('finds owner, priority and reason columns', () => {
    const columns = findBoardColumns(opportunities, field('Status'));
    expect(columns.stage).toBe(field('Status'));
    expect(columns.name).toBe(field('Name'));
    expect(columns.owner).toBe(field('Account owner'));
    expect(columns.priority).toBe(field('Priority'));
    expect(columns.reason).toBe(field('Loss Reason'));
    expect(columns.dealValue).toBeUndefined();
  });
});
