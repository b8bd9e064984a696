// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { plainTextCell } from './plainTextCell';

describe('plainTextCell', () => {
  test('markup stays text', () => {
    const element = plainTextCell('<img src=x onerror=alert(1)>');
    expect(element.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(element.querySelector('img')).toBeNull();
  });

  test('non-string gives empty text', () => {
    expect(plainTextCell(undefined).textContent).toBe('');
    expect(plainTextCell(null).textContent).toBe('');
  });
});
