// Every test gets a fresh, empty IndexedDB so no test reads another's data.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { beforeAll, beforeEach } from 'vitest';

import { loadDateLocale } from '../../src/fields/dateLocale';
import { loadPhoneLibrary } from '../../src/fields/phoneLibrary';

beforeAll(async () => {
  await loadPhoneLibrary();
  await Promise.all(['de', 'fr', 'es', 'nl', 'it'].map(loadDateLocale));
});

beforeEach(() => {
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  Dexie.dependencies.indexedDB = factory;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});
