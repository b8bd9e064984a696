import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { QUOTA_EXCEEDED_MESSAGE, describeError } from './notices';

describe('describeError', () => {
  test('QuotaExceededError DOMException', () => {
    expect(describeError(new DOMException('Quota exceeded.', 'QuotaExceededError'))).toBe(QUOTA_EXCEEDED_MESSAGE);
  });

  test('Dexie AbortError wrapping quota', () => {
    const inner = new DOMException('Quota exceeded.', 'QuotaExceededError');
    const aborted = new Dexie.AbortError('Transaction aborted', inner);
    expect(describeError(aborted)).toBe(QUOTA_EXCEEDED_MESSAGE);
  });

  test('other errors keep their message', () => {
    expect(describeError(new Error('The sheet to import into no longer exists.'))).toBe(
      'The sheet to import into no longer exists.',
    );
    expect(describeError('plain text')).toBe('plain text');
  });
});
