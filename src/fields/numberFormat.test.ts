import { describe, expect, test } from 'vitest';
import { numberFormatter } from './numberFormat';

describe('numberFormatter', () => {
  test('same arguments reuse one formatter', () => {
    expect(numberFormatter('de-DE', { maximumFractionDigits: 2 })).toBe(
      numberFormatter('de-DE', { maximumFractionDigits: 2 }),
    );
  });

  test('different arguments format differently', () => {
    expect(numberFormatter('de-DE', { maximumFractionDigits: 2 }).format(1234.5)).toBe('1.234,5');
    expect(numberFormatter('en-GB', { maximumFractionDigits: 2 }).format(1234.5)).toBe('1,234.5');
    expect(numberFormatter('en-GB', { style: 'percent' }).format(0.25)).toBe('25%');
  });
});
