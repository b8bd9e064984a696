import { describe, expect, it } from 'vitest';

import { describeRowCount } from './rowCount';

describe('describeRowCount', () => {
  it.each([
    [0, 0, '0 rows'],
    [1, 1, '1 row'],
    [100, 100, '100 rows'],
    [3, 100, '3 of 100 rows'],
    [0, 1, '0 of 1 row'],
  ])('shows %i of %i as "%s"', (shown, total, text) => {
    expect(describeRowCount(shown, total)).toBe(text);
  });
});
