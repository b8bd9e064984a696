import { describe, expect, it } from 'vitest';

import { addRow, makeSheet } from '../dashboard/metrics/testWorkbook';
import { DEFAULT_WORKBOOK_SETTINGS } from '../db/settings';
import { findBoardColumns } from './boardColumns';
import { ANY, cardMatcher, NO_FILTER, ownerChoices, tagChoices, tagsOf } from './filters';

function deals() {
  const data = makeSheet('Deals', [
    { name: 'Deal', type: 'text', role: 'name' },
    { name: 'Stage', type: 'select', role: 'stage', choices: ['Lead', 'Won'] },
    { name: 'Owner', type: 'text' },
    { name: 'Tags', type: 'multiSelect', role: 'tags', choices: ['Hot', 'Partner'] },
    { name: 'Value', type: 'currency', role: 'dealValue' },
  ]);
  addRow(data, { Deal: 'Orchard audit', Stage: 'Lead', Owner: 'Priya', Tags: ['option-Tags-Hot'], Value: 1234.5 });
  addRow(data, { Deal: 'Hive census', Stage: 'Lead', Owner: 'Tomasz', Tags: [] });
  addRow(data, { Deal: 'Mill survey', Stage: 'Won', Owner: 'Priya', Tags: ['option-Tags-Partner'] });
  return data;
}

function matchingNames(data: ReturnType<typeof deals>, filter: typeof NO_FILTER): string[] {
  const stage = data.sheet.fields.find((field) => field.name === 'Stage')!;
  const matches = cardMatcher(data.sheet, findBoardColumns(data.sheet, stage), filter, DEFAULT_WORKBOOK_SETTINGS);
  const name = data.sheet.fields[0]!;
  return data.rows.filter(matches).map((row) => String(row.values[name.id]));
}

describe('cardMatcher', () => {
  it('accepts every row with no filter', () => {
    expect(matchingNames(deals(), NO_FILTER)).toHaveLength(3);
  });

  it('filters by owner', () => {
    expect(matchingNames(deals(), { ...NO_FILTER, owner: 'Priya' })).toEqual(['Orchard audit', 'Mill survey']);
  });

  it('filters by tag', () => {
    expect(matchingNames(deals(), { ...NO_FILTER, tag: 'Partner' })).toEqual(['Mill survey']);
  });

  it('finds text in any cell as shown, ignoring case', () => {
    expect(matchingNames(deals(), { ...NO_FILTER, text: '  HIVE ' })).toEqual(['Hive census']);
    expect(matchingNames(deals(), { ...NO_FILTER, text: '£1,234.50' })).toEqual(['Orchard audit']);
    expect(matchingNames(deals(), { ...NO_FILTER, text: 'tomasz' })).toEqual(['Hive census']);
  });

  it('combines filters', () => {
    expect(matchingNames(deals(), { owner: 'Priya', tag: ANY, text: 'survey' })).toEqual(['Mill survey']);
  });
});

describe('filter choices', () => {
  it('lists owners sorted and tags in choice order', () => {
    const data = deals();
    const [, , owner, tags] = data.sheet.fields;
    expect(ownerChoices(data.rows, owner!, 'en-GB')).toEqual(['Priya', 'Tomasz']);
    expect(tagChoices(data.rows, tags!, 'en-GB')).toEqual(['Hot', 'Partner']);
  });

  it('reads comma-separated tags from a text column', () => {
    const data = makeSheet('Leads', [{ name: 'Tags', type: 'text', role: 'tags' }]);
    addRow(data, { Tags: 'vip, newsletter ,' });
    addRow(data, { Tags: 'Autumn fair' });
    const tags = data.sheet.fields[0]!;
    expect(tagsOf(data.rows[0]!, tags)).toEqual(['vip', 'newsletter']);
    expect(tagChoices(data.rows, tags, 'en-GB')).toEqual(['Autumn fair', 'newsletter', 'vip']);
  });
});
