import { describe, expect, it } from 'vitest';

import { createFormatters } from '../dashboard/format';
import type { Card, Lane } from './lanes';
import { laneSummary } from './laneSummary';

function lane(cards: number, totals: Partial<Lane>): Lane {
  return {
    key: 'k',
    label: 'Proposal',
    value: 'k',
    probability: null,
    lost: false,
    won: false,
    cards: Array.from({ length: cards }, () => ({}) as Card),
    total: null,
    weighted: null,
    withoutProbability: 0,
    ...totals,
  };
}

describe('laneSummary', () => {
  it('shows count, total and weighted value', () => {
    const summary = laneSummary(
      lane(2, {
        total: { ok: true, minor: 335_000, currency: 'GBP' },
        weighted: { ok: true, minor: 115_000, currency: 'GBP' },
      }),
      createFormatters('en-GB'),
    );
    expect(summary).toEqual(['2 cards', 'Total £3,350.00', 'Weighted £1,150.00']);
  });

  it('shows only the count without a value column', () => {
    expect(laneSummary(lane(1, {}), createFormatters('en-GB'))).toEqual(['1 card']);
  });

  it('names cards left out of the weighted value', () => {
    const summary = laneSummary(
      lane(3, {
        total: { ok: true, minor: 100, currency: 'EUR' },
        weighted: { ok: true, minor: 0, currency: 'EUR' },
        withoutProbability: 1,
      }),
      createFormatters('de-DE'),
    );
    expect(summary[2]).toBe('Weighted 0,00\u00a0€ (1 card without a probability)');
  });

  it('names the currencies of a mixed total', () => {
    const summary = laneSummary(
      lane(2, { total: { ok: false, currencies: ['EUR', 'GBP'] } }),
      createFormatters('en-GB'),
    );
    expect(summary[1]).toBe('Total not added: EUR and GBP');
  });
});
