import { afterEach, describe, expect, it, vi } from 'vitest';

import { askForPersistentStorage } from './persistence';

function stubStorage(storage: Partial<StorageManager> | undefined) {
  vi.stubGlobal('navigator', { storage });
}

afterEach(() => vi.unstubAllGlobals());

describe('askForPersistentStorage', () => {
  it('says when the browser has no storage manager', async () => {
    stubStorage(undefined);
    expect(await askForPersistentStorage()).toBe('unsupported');
  });

  it('does not ask again when storage is already persistent', async () => {
    const persist = vi.fn(async () => true);
    stubStorage({ persisted: async () => true, persist });
    expect(await askForPersistentStorage()).toBe('alreadyPersistent');
    expect(persist).not.toHaveBeenCalled();
  });

  it.each([
    [true, 'granted'],
    [false, 'denied'],
  ] as const)('reports the answer %s as %s', async (answer, outcome) => {
    stubStorage({ persisted: async () => false, persist: async () => answer });
    expect(await askForPersistentStorage()).toBe(outcome);
  });
});
