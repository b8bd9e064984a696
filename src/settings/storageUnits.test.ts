import { describe, expect, it } from 'vitest';

import { formatBytes } from './storageUnits';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [999, '999 bytes'],
    [1000, '1 kB'],
    [1_536_000, '1.5 MB'],
    [2_000_000_000, '2 GB'],
    [3.2e12, '3.2 TB'],
    [5e15, '5,000 TB'],
  ])('formats %d bytes in en-GB', (bytes, expected) => {
    expect(formatBytes(bytes, 'en-GB')).toBe(expected);
  });

  it('uses the locale decimal separator', () => {
    expect(formatBytes(1_536_000, 'de-DE')).toBe('1,5 MB');
  });

  it('shows a negative count as zero', () => {
    expect(formatBytes(-5, 'en-GB')).toBe('0 bytes');
  });
});
