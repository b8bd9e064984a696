// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, test } from 'vitest';

import type { ConditionGroup, SheetRecord } from '../db/records';
import { ConditionBuilder } from './ConditionBuilder';
import { conditionsProblem, describeConditions } from './describe';

afterEach(cleanup);

const sheet: SheetRecord = {
  id: 'sheet',
  name: 'Customers',
  fields: [
    { id: 'name', name: 'Name', type: 'text', settings: {} },
    {
      id: 'status',
      name: 'Status',
      type: 'select',
      settings: {
        options: [
          { id: 'lead', label: 'Lead' },
          { id: 'customer', label: 'Customer' },
        ],
      },
    },
    { id: 'last', name: 'Last contacted', type: 'date', settings: {} },
  ],
  position: 0,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  deleted: 0,
};

function renderBuilder(initial: ConditionGroup = { kind: 'group', match: 'all', items: [] }) {
  const seen: ConditionGroup[] = [];
  function Host() {
    const [value, setValue] = useState(initial);
    return (
      <ConditionBuilder
        sheet={sheet}
        value={value}
        onChange={(next) => {
          seen.push(next);
          setValue(next);
        }}
      />
    );
  }
  render(<Host />);
  return () => seen.at(-1)!;
}

describe('condition builder', () => {
  test('builds the not contacted segment', () => {
    const latest = renderBuilder();

    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    fireEvent.change(screen.getByLabelText('Column of condition 1'), { target: { value: 'last' } });
    fireEvent.change(screen.getByLabelText('Comparison of condition 1'), { target: { value: 'moreThanDaysAgo' } });
    fireEvent.change(screen.getByLabelText('Days of condition 1'), { target: { value: '60' } });

    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    fireEvent.change(screen.getByLabelText('Column of condition 2'), { target: { value: 'status' } });
    fireEvent.change(screen.getByLabelText('Value of condition 2'), { target: { value: 'customer' } });

    expect(latest()).toEqual({
      kind: 'group',
      match: 'all',
      items: [
        { kind: 'condition', fieldId: 'last', operator: 'moreThanDaysAgo', value: 60 },
        { kind: 'condition', fieldId: 'status', operator: 'is', value: 'customer' },
      ],
    });
    expect(describeConditions(latest(), sheet)).toBe('Last contacted is more than 60 days ago and Status is Customer');
  });

  test('switches to match any', () => {
    const latest = renderBuilder();
    fireEvent.click(screen.getByRole('radio', { name: 'Match any' }));
    expect(latest().match).toBe('any');
  });

  test('adds and removes a nested group', () => {
    const latest = renderBuilder();
    fireEvent.click(screen.getByRole('button', { name: 'Add group' }));

    const group = latest().items[0];
    expect(group?.kind).toBe('group');
    expect(screen.getByRole('group', { name: 'Group 1' })).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: 'Add group' })).toHaveLength(1);

    fireEvent.change(screen.getByLabelText('Value of Group 1, condition 1'), { target: { value: 'Ana' } });
    expect(latest()).toEqual({
      kind: 'group',
      match: 'all',
      items: [
        {
          kind: 'group',
          match: 'any',
          items: [{ kind: 'condition', fieldId: 'name', operator: 'contains', value: 'Ana' }],
        },
      ],
    });

    fireEvent.click(screen.getByRole('button', { name: 'Remove Group 1' }));
    expect(latest().items).toEqual([]);
  });

  test('offers comparisons for the column type', () => {
    renderBuilder({
      kind: 'group',
      match: 'all',
      items: [{ kind: 'condition', fieldId: 'status', operator: 'is', value: 'lead' }],
    });
    const options = Array.from(
      (screen.getByLabelText('Comparison of condition 1') as HTMLSelectElement).options,
      (option) => option.textContent,
    );
    expect(options).toEqual(['is', 'is not', 'is empty', 'is not empty']);
  });

  test('removes a condition', () => {
    const latest = renderBuilder({
      kind: 'group',
      match: 'all',
      items: [{ kind: 'condition', fieldId: 'name', operator: 'isEmpty' }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove condition 1' }));
    expect(latest().items).toEqual([]);
  });
});

describe('conditionsProblem', () => {
  test('reports a missing day count', () => {
    const group: ConditionGroup = {
      kind: 'group',
      match: 'all',
      items: [{ kind: 'condition', fieldId: 'last', operator: 'inLastDays', value: '' }],
    };
    expect(conditionsProblem(group, sheet)).toBe('Enter a whole number of days for “Last contacted”.');
  });

  test('reports a deleted column in a nested group', () => {
    const group: ConditionGroup = {
      kind: 'group',
      match: 'all',
      items: [{ kind: 'group', match: 'any', items: [{ kind: 'condition', fieldId: 'gone', operator: 'isEmpty' }] }],
    };
    expect(conditionsProblem(group, sheet)).toMatch(/deleted/);
  });

  test('accepts complete conditions', () => {
    const group: ConditionGroup = {
      kind: 'group',
      match: 'any',
      items: [
        { kind: 'condition', fieldId: 'last', operator: 'before', value: '2025-01-01' },
        { kind: 'condition', fieldId: 'name', operator: 'isNotEmpty' },
      ],
    };
    expect(conditionsProblem(group, sheet)).toBeNull();
  });
});
