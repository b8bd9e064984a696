import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Condition, ConditionGroup, ConditionOperator, RowRecord, SheetRecord } from '../db/records';
import type { CellValue, FieldDef } from '../fields/types';
import { compileConditions, dayNumber, foldText, matchesConditions } from './evaluate';
import { operatorsFor } from './operators';

const TODAY = '2025-03-15';

const fields: FieldDef[] = [
  { id: 'name', name: 'Name', type: 'text', settings: {}, role: 'name' },
  { id: 'email', name: 'Email', type: 'email', settings: {} },
  { id: 'phone', name: 'Phone', type: 'phone', settings: {} },
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
  {
    id: 'tags',
    name: 'Tags',
    type: 'multiSelect',
    settings: {
      options: [
        { id: 'vip', label: 'VIP' },
        { id: 'late', label: 'Pays late' },
      ],
    },
  },
  { id: 'visits', name: 'Visits', type: 'number', settings: {} },
  { id: 'value', name: 'Value', type: 'currency', settings: {} },
  { id: 'share', name: 'Share', type: 'percent', settings: {} },
  { id: 'last', name: 'Last contacted', type: 'date', settings: {}, role: 'lastContacted' },
  { id: 'seen', name: 'Seen at', type: 'dateTime', settings: {} },
  { id: 'active', name: 'Active', type: 'checkbox', settings: {} },
];

const sheet: SheetRecord = {
  id: 'sheet',
  name: 'Customers',
  fields,
  position: 0,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  deleted: 0,
};

function row(values: Record<string, CellValue>): RowRecord {
  return {
    id: 'row',
    sheetId: 'sheet',
    values,
    position: 0,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    deleted: 0,
  };
}

function where(fieldId: string, operator: ConditionOperator, value?: Condition['value']): ConditionGroup {
  const condition: Condition = { kind: 'condition', fieldId, operator };
  if (value !== undefined) condition.value = value;
  return { kind: 'group', match: 'all', items: [condition] };
}

function matches(group: ConditionGroup, values: Record<string, CellValue>, today = TODAY): boolean {
  return matchesConditions(group, row(values), sheet, today);
}

describe('text conditions', () => {
  it('contains ignores case and accents', () => {
    expect(matches(where('name', 'contains', 'zoe'), { name: 'Zoë Brontë' })).toBe(true);
    expect(matches(where('name', 'contains', 'BRONTE'), { name: 'Zoë Brontë' })).toBe(true);
    expect(matches(where('name', 'contains', 'smith'), { name: 'Zoë Brontë' })).toBe(false);
  });

  it('is compares the whole text', () => {
    expect(matches(where('email', 'is', 'ANA@EXAMPLE.ORG'), { email: 'ana@example.org' })).toBe(true);
    expect(matches(where('email', 'is', 'ana@example'), { email: 'ana@example.org' })).toBe(false);
  });

  it('notContains on an empty cell is true', () => {
    expect(matches(where('name', 'notContains', 'x'), {})).toBe(true);
  });

  it('phone contains matches by digits', () => {
    const phone = { text: '+44 7700 900123', e164: '+447700900123' };
    expect(matches(where('phone', 'contains', '7700900'), { phone })).toBe(true);
    expect(matches(where('phone', 'contains', '(07700) 900'), { phone })).toBe(false);
    expect(matches(where('phone', 'contains', '900 123'), { phone })).toBe(true);
    expect(matches(where('phone', 'contains', '555'), { phone })).toBe(false);
  });

  it('invalid text is searchable', () => {
    expect(matches(where('email', 'contains', 'nobody'), { email: { invalid: 'nobody at home' } })).toBe(true);
  });
});

describe('select and tags', () => {
  it('select is compares option ids', () => {
    expect(matches(where('status', 'is', 'customer'), { status: 'customer' })).toBe(true);
    expect(matches(where('status', 'is', 'customer'), { status: 'lead' })).toBe(false);
  });

  it('select reads a label as its option', () => {
    expect(matches(where('status', 'is', 'Customer'), { status: 'customer' })).toBe(true);
  });

  it('select isNot includes empty cells', () => {
    expect(matches(where('status', 'isNot', 'customer'), {})).toBe(true);
    expect(matches(where('status', 'isNot', 'customer'), { status: 'customer' })).toBe(false);
  });

  it('select is with a list means any of them', () => {
    expect(matches(where('status', 'is', ['lead', 'customer']), { status: 'lead' })).toBe(true);
  });

  it('multi-select contains means has the tag', () => {
    expect(matches(where('tags', 'contains', 'vip'), { tags: ['late', 'vip'] })).toBe(true);
    expect(matches(where('tags', 'contains', 'vip'), { tags: ['late'] })).toBe(false);
    expect(matches(where('tags', 'notContains', 'vip'), { tags: ['late'] })).toBe(true);
    expect(matches(where('tags', 'contains', 'vip'), {})).toBe(false);
  });

  it('empty tag list is empty', () => {
    expect(matches(where('tags', 'isEmpty'), { tags: [] })).toBe(true);
  });
});

describe('numbers', () => {
  it('number greater and less than', () => {
    expect(matches(where('visits', 'greaterThan', 3), { visits: 4 })).toBe(true);
    expect(matches(where('visits', 'greaterThan', 4), { visits: 4 })).toBe(false);
    expect(matches(where('visits', 'lessThan', '4,5'), { visits: 4 })).toBe(true);
  });

  it('currency compares major units', () => {
    const value = { minor: 1250, currency: 'GBP' };
    expect(matches(where('value', 'greaterThan', 12), { value })).toBe(true);
    expect(matches(where('value', 'is', 12.5), { value })).toBe(true);
    expect(matches(where('value', 'lessThan', 12.5), { value })).toBe(false);
    expect(matches(where('value', 'greaterThan', 1000), { value: { minor: 1250, currency: 'JPY' } })).toBe(true);
  });

  it('percent compares percent points', () => {
    expect(matches(where('share', 'is', 7), { share: 0.07 })).toBe(true);
    expect(matches(where('share', 'greaterThan', 20), { share: 0.25 })).toBe(true);
    expect(matches(where('share', 'greaterThan', 0.5), { share: 0.25 })).toBe(true);
  });

  it('invalid and empty never compare', () => {
    expect(matches(where('visits', 'greaterThan', 0), { visits: { invalid: 'lots' } })).toBe(false);
    expect(matches(where('visits', 'lessThan', 100), { visits: { invalid: 'lots' } })).toBe(false);
    expect(matches(where('visits', 'lessThan', 100), {})).toBe(false);
    expect(matches(where('visits', 'greaterThan', 'many'), { visits: 4 })).toBe(false);
  });
});

describe('dates', () => {
  it('before and after', () => {
    expect(matches(where('last', 'before', '2025-03-01'), { last: '2025-02-28' })).toBe(true);
    expect(matches(where('last', 'before', '2025-03-01'), { last: '2025-03-01' })).toBe(false);
    expect(matches(where('last', 'after', '2025-03-01'), { last: '2025-03-02' })).toBe(true);
    expect(matches(where('last', 'is', '2025-03-01'), { last: '2025-03-01' })).toBe(true);
  });

  it('more than 60 days ago counts from today', () => {
    const condition = where('last', 'moreThanDaysAgo', 60);
    // 2025-03-15 minus 60 days is 2025-01-14.
    expect(matches(condition, { last: '2025-01-13' })).toBe(true);
    expect(matches(condition, { last: '2025-01-14' })).toBe(false);
    expect(matches(condition, { last: '2025-03-15' })).toBe(false);
  });

  it('empty date is not more than days ago', () => {
    expect(matches(where('last', 'moreThanDaysAgo', 60), {})).toBe(false);
    expect(matches(where('last', 'inLastDays', 60), {})).toBe(false);
    expect(matches(where('last', 'isEmpty'), {})).toBe(true);
  });

  it('in the last days includes both ends', () => {
    const condition = where('last', 'inLastDays', 7);
    expect(matches(condition, { last: '2025-03-08' })).toBe(true);
    expect(matches(condition, { last: '2025-03-15' })).toBe(true);
    expect(matches(condition, { last: '2025-03-07' })).toBe(false);
    expect(matches(condition, { last: '2025-03-16' })).toBe(false);
  });

  it('in the next days includes both ends', () => {
    const condition = where('last', 'inNextDays', 7);
    expect(matches(condition, { last: '2025-03-15' })).toBe(true);
    expect(matches(condition, { last: '2025-03-22' })).toBe(true);
    expect(matches(condition, { last: '2025-03-23' })).toBe(false);
    expect(matches(condition, { last: '2025-03-14' })).toBe(false);
  });

  it('relative dates cross month and leap days', () => {
    expect(matches(where('last', 'inLastDays', 1), { last: '2024-02-29' }, '2024-03-01')).toBe(true);
    expect(matches(where('last', 'moreThanDaysAgo', 365), { last: '2023-02-28' }, '2024-02-29')).toBe(true);
    expect(matches(where('last', 'moreThanDaysAgo', 366), { last: '2023-02-28' }, '2024-02-29')).toBe(false);
  });

  it('date-time counts by its local day', () => {
    const local = new Date(2025, 2, 10, 23, 30).toISOString();
    expect(matches(where('seen', 'is', '2025-03-10'), { seen: local })).toBe(true);
    expect(matches(where('seen', 'inLastDays', 5), { seen: local })).toBe(true);
  });

  it('invalid dates and day counts never match', () => {
    expect(matches(where('last', 'moreThanDaysAgo', 1), { last: { invalid: 'last spring' } })).toBe(false);
    expect(matches(where('last', 'before', '2025-03-01'), { last: '2025-02-30' })).toBe(false);
    expect(matches(where('last', 'inLastDays', -3), { last: '2025-03-15' })).toBe(false);
    expect(matches(where('last', 'inLastDays', 1.5), { last: '2025-03-15' })).toBe(false);
    expect(matches(where('last', 'inLastDays', 3), { last: '2025-03-15' }, 'today')).toBe(false);
  });
});

describe('checkbox', () => {
  it('unticked includes empty', () => {
    expect(matches(where('active', 'is', true), { active: true })).toBe(true);
    expect(matches(where('active', 'is', false), {})).toBe(true);
    expect(matches(where('active', 'is', false), { active: true })).toBe(false);
  });
});

describe('groups', () => {
  const customer: Condition = { kind: 'condition', fieldId: 'status', operator: 'is', value: 'customer' };
  const stale: Condition = { kind: 'condition', fieldId: 'last', operator: 'moreThanDaysAgo', value: 60 };
  const vip: Condition = { kind: 'condition', fieldId: 'tags', operator: 'contains', value: 'vip' };

  it('all requires every condition', () => {
    const group: ConditionGroup = { kind: 'group', match: 'all', items: [customer, stale] };
    expect(matches(group, { status: 'customer', last: '2024-11-01' })).toBe(true);
    expect(matches(group, { status: 'lead', last: '2024-11-01' })).toBe(false);
    expect(matches(group, { status: 'customer', last: '2025-03-01' })).toBe(false);
  });

  it('nested any inside all', () => {
    const group: ConditionGroup = {
      kind: 'group',
      match: 'all',
      items: [customer, { kind: 'group', match: 'any', items: [stale, vip] }],
    };
    expect(matches(group, { status: 'customer', tags: ['vip'], last: '2025-03-10' })).toBe(true);
    expect(matches(group, { status: 'customer', last: '2024-01-01' })).toBe(true);
    expect(matches(group, { status: 'customer', last: '2025-03-10' })).toBe(false);
    expect(matches(group, { status: 'lead', tags: ['vip'] })).toBe(false);
  });

  it('three levels deep', () => {
    const group: ConditionGroup = {
      kind: 'group',
      match: 'any',
      items: [{ kind: 'group', match: 'all', items: [{ kind: 'group', match: 'any', items: [vip] }] }],
    };
    expect(matches(group, { tags: ['vip'] })).toBe(true);
    expect(matches(group, { tags: ['late'] })).toBe(false);
  });

  it('empty all matches and empty any does not', () => {
    expect(matches({ kind: 'group', match: 'all', items: [] }, {})).toBe(true);
    expect(matches({ kind: 'group', match: 'any', items: [] }, {})).toBe(false);
  });

  it('deleted column matches nothing', () => {
    expect(matches(where('gone', 'isEmpty'), {})).toBe(false);
    expect(matches(where('gone', 'isNotEmpty'), {})).toBe(false);
  });

  it('compiled predicate agrees with matchesConditions', () => {
    const group: ConditionGroup = { kind: 'group', match: 'all', items: [customer, stale] };
    const predicate = compileConditions(group, sheet, TODAY);
    const rows = [row({ status: 'customer', last: '2024-11-01' }), row({ status: 'lead' })];
    expect(rows.map(predicate)).toEqual(rows.map((each) => matchesConditions(group, each, sheet, TODAY)));
  });
});

describe('helpers', () => {
  it('foldText strips accents and case', () => {
    expect(foldText('  Ånnë-Marie ')).toBe('anne-marie');
  });

  it('dayNumber rejects impossible dates', () => {
    expect(dayNumber('2025-02-29')).toBeNull();
    expect(dayNumber('2024-02-29')).not.toBeNull();
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});

// Property tests: random cells of every type against every operator its column offers.

const isoDay = fc
  .integer({ min: dayNumber('2000-01-01')!, max: dayNumber('2040-12-31')! })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

function cellFor(field: FieldDef): fc.Arbitrary<CellValue> {
  const empty = fc.constantFrom<CellValue>(null, '');
  const invalid = fc.string().map((text): CellValue => ({ invalid: text }));
  const valid: Record<FieldDef['type'], fc.Arbitrary<CellValue>> = {
    text: fc.string(),
    longText: fc.string(),
    email: fc.stringMatching(/^[a-z]{1,6}@[a-z]{1,6}\.example$/),
    phone: fc.stringMatching(/^\+?[0-9 ]{3,14}$/).map((text): CellValue => ({ text })),
    url: fc.stringMatching(/^https:\/\/[a-z]{1,8}\.example\/$/),
    number: fc.double({ noNaN: true, noDefaultInfinity: true }),
    currency: fc.integer({ min: -1e9, max: 1e9 }).map((minor): CellValue => ({ minor, currency: 'GBP' })),
    percent: fc.double({ min: -2, max: 2, noNaN: true }),
    date: isoDay,
    dateTime: fc
      .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString()),
    select: fc.constantFrom('lead', 'customer'),
    multiSelect: fc.subarray(['vip', 'late']),
    checkbox: fc.boolean(),
    link: fc.array(fc.uuid(), { maxLength: 2 }),
  };
  return fc.oneof(valid[field.type], empty, invalid);
}

function valueFor(field: FieldDef, operator: ConditionOperator): fc.Arbitrary<Condition['value']> {
  if (operator === 'inLastDays' || operator === 'moreThanDaysAgo' || operator === 'inNextDays') {
    return fc.integer({ min: 0, max: 400 });
  }
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent':
      return fc.double({ min: -1e6, max: 1e6, noNaN: true });
    case 'date':
    case 'dateTime':
      return isoDay;
    case 'select':
    case 'multiSelect':
      return fc.constantFrom('lead', 'customer', 'vip', 'late');
    case 'checkbox':
      return fc.boolean();
    default:
      return fc.string({ maxLength: 4 });
  }
}

// Built once per field: making the arbitraries inside chain() for every run is slow.
const conditionByField = fields.map((field) =>
  fc.record({
    field: fc.constant(field),
    operator: fc.constantFrom(...operatorsFor(field)),
    cell: cellFor(field),
    today: isoDay,
  }),
);
const conditionAndCell = fc.oneof(...conditionByField);

describe('properties', () => {
  it('isEmpty xor isNotEmpty', () => {
    fc.assert(
      fc.property(conditionAndCell, ({ field, cell, today }) => {
        const values = { [field.id]: cell };
        const empty = matches(where(field.id, 'isEmpty'), values, today);
        const notEmpty = matches(where(field.id, 'isNotEmpty'), values, today);
        return empty !== notEmpty;
      }),
    );
  });

  it('is xor isNot, contains xor notContains', () => {
    fc.assert(
      fc.property(
        conditionAndCell.chain((input) => fc.record({ input: fc.constant(input), value: valueFor(input.field, 'is') })),
        ({ input, value }) => {
          const values = { [input.field.id]: input.cell };
          const is = matches(where(input.field.id, 'is', value), values);
          const isNot = matches(where(input.field.id, 'isNot', value), values);
          const contains = matches(where(input.field.id, 'contains', value), values);
          const notContains = matches(where(input.field.id, 'notContains', value), values);
          return is !== isNot && contains !== notContains;
        },
      ),
    );
  });

  it('empty cells match no comparison', () => {
    const comparisons: ConditionOperator[] = [
      'greaterThan',
      'lessThan',
      'before',
      'after',
      'inLastDays',
      'moreThanDaysAgo',
      'inNextDays',
      'is',
      'contains',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.constantFrom(...comparisons), isoDay, (field, operator, today) => {
        fc.pre(field.type !== 'checkbox');
        let value: Condition['value'] = 'x';
        if (operator.includes('Days')) value = 30;
        else if (field.type === 'date') value = today;
        return !matches(where(field.id, operator, value), { [field.id]: null }, today);
      }),
    );
  });

  it('any of nothing is false, all of nothing is true', () => {
    fc.assert(
      fc.property(conditionAndCell, ({ field, cell, today }) => {
        const values = { [field.id]: cell };
        return (
          matches({ kind: 'group', match: 'all', items: [] }, values, today) &&
          !matches({ kind: 'group', match: 'any', items: [] }, values, today)
        );
      }),
    );
  });

  it('a single condition equals its one-item groups', () => {
    fc.assert(
      fc.property(
        conditionAndCell.chain((input) =>
          fc.record({ input: fc.constant(input), value: valueFor(input.field, input.operator) }),
        ),
        ({ input, value }) => {
          const values = { [input.field.id]: input.cell };
          const all = where(input.field.id, input.operator, value);
          const any: ConditionGroup = { ...all, match: 'any' };
          const nested: ConditionGroup = { kind: 'group', match: 'all', items: [any] };
          const result = matches(all, values, input.today);
          return matches(any, values, input.today) === result && matches(nested, values, input.today) === result;
        },
      ),
    );
  });

  it('inLastDays and moreThanDaysAgo never both match', () => {
    fc.assert(
      fc.property(isoDay, isoDay, fc.integer({ min: 0, max: 400 }), (cell, today, days) => {
        const last = matches(where('last', 'inLastDays', days), { last: cell }, today);
        const older = matches(where('last', 'moreThanDaysAgo', days), { last: cell }, today);
        return !(last && older);
      }),
    );
  });
});
