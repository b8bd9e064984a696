import { describe, expect, it } from 'vitest';

import { customPeriod, isInPeriod, periodContaining } from './dates';
import { chartMonths } from './revenue';

describe('custom period', () => {
  it('keeps both ends and contains the days between them', () => {
    const period = customPeriod('2026-03-15', '2026-05-02')!;
    expect(period).toEqual({ kind: 'custom', start: '2026-03-15', end: '2026-05-02' });
    expect(isInPeriod('2026-03-15', period)).toBe(true);
    expect(isInPeriod('2026-05-02', period)).toBe(true);
    expect(isInPeriod('2026-05-03', period)).toBe(false);
  });

  it('rejects a first day after the last, or a missing day', () => {
    expect(customPeriod('2026-05-02', '2026-03-15')).toBeNull();
    expect(customPeriod('', '2026-03-15')).toBeNull();
  });

  it('defaults to the year so far', () => {
    expect(periodContaining('custom', '2026-12-04')).toEqual({
      kind: 'custom',
      start: '2026-01-01',
      end: '2026-12-04',
    });
  });

  it('charts the months it spans, at most the last twelve', () => {
    expect(chartMonths(customPeriod('2026-03-15', '2026-05-02')!, '2026-12-04')).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    const long = chartMonths(customPeriod('2024-01-01', '2026-02-10')!, '2026-12-04');
    expect(long).toHaveLength(12);
    expect(long.at(-1)).toBe('2026-02');
  });
});
