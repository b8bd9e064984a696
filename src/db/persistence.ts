// Browsers may evict IndexedDB data under storage pressure unless the site
// has persistent storage. Kindling contains the user's only copy, so it asks
// once the workbook has data; browsers grant it silently to installed or
// often-used sites, and a refusal changes nothing else.

export async function requestPersistentStorage(): Promise<boolean> {
  // Older browsers and some embedded views have no StorageManager.
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

/** Outcome of a request for persistent storage, for the message after an import. */
export type PersistenceOutcome = 'unsupported' | 'alreadyPersistent' | 'granted' | 'denied';

export async function askForPersistentStorage(): Promise<PersistenceOutcome> {
  if (!navigator.storage?.persist) return 'unsupported';
  if (await navigator.storage.persisted()) return 'alreadyPersistent';
  return (await navigator.storage.persist()) ? 'granted' : 'denied';
}
