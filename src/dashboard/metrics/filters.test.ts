import { describe, expect, test } from 'vitest';

import { dateBetween, textEquals, textExcluding } from './filters';
import { mixedCurrencyMessage, sumMoney } from './money';

describe('filter models', () => {
  test('date range widens both ends', () => {
    expect(dateBetween('2026-03-01', '2026-03-31')).toEqual({
      filterType: 'date',
      type: 'inRange',
      dateFrom: '2026-02-28 00:00:00',
      dateTo: '2026-04-01 00:00:00',
    });
  });

  test('equals one or two labels', () => {
    expect(textEquals(['Won'])).toEqual({ filterType: 'text', type: 'equals', filter: 'Won' });
    expect(textEquals(['Won', 'Closed Won'])).toEqual({
      filterType: 'text',
      operator: 'OR',
      conditions: [
        { filterType: 'text', type: 'equals', filter: 'Won' },
        { filterType: 'text', type: 'equals', filter: 'Closed Won' },
      ],
    });
    expect(textEquals(['A', 'B', 'C'])).toBeNull();
  });

  test('excluding falls back to kept labels', () => {
    expect(textExcluding(['Open', 'Won'], ['Won'])).toEqual({ filterType: 'text', type: 'notEqual', filter: 'Won' });
    expect(textExcluding(['Open', 'Won', 'Lost', 'Abandoned'], ['Won', 'Lost', 'Abandoned'])).toEqual({
      filterType: 'text',
      operator: 'OR',
      conditions: [
        { filterType: 'text', type: 'blank' },
        { filterType: 'text', type: 'equals', filter: 'Open' },
      ],
    });
    expect(textExcluding(['A', 'B', 'C', 'D', 'E'], ['C', 'D', 'E'])).toBeNull();
  });
});

describe('money', () => {
  test('sums one currency', () => {
    expect(sumMoney([], 'GBP')).toEqual({ ok: true, minor: 0, currency: 'GBP' });
    expect(
      sumMoney(
        [
          { minor: 150, currency: 'EUR' },
          { minor: 250, currency: 'EUR' },
        ],
        'GBP',
      ),
    ).toEqual({ ok: true, minor: 400, currency: 'EUR' });
  });

  test('mixed currencies name each', () => {
    expect(mixedCurrencyMessage(['EUR', 'GBP'])).toBe(
      'These amounts are in EUR and GBP, so they are not added together. Keep one currency in a column to see this total.',
    );
    expect(mixedCurrencyMessage(['EUR', 'GBP', 'USD'])).toContain('in EUR, GBP and USD,');
  });
});
