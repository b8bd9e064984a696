// One open database per page. When another tab opens a newer schema, this
// tab closes its connection instead of blocking the upgrade, and notifies the
// UI so it can ask the user to reload.

import { DATABASE_NAME, KindlingDatabase } from './schema';

let database: KindlingDatabase | null = null;
const versionChangeListeners = new Set<() => void>();

export function getDatabase(): KindlingDatabase {
  if (database) return database;

  database = new KindlingDatabase(DATABASE_NAME);
  database.on('versionchange', () => {
    database?.close();
    versionChangeListeners.forEach((listener) => listener());
    // Returning false stops Dexie from reloading the page on its own.
    return false;
  });
  return database;
}

/** Registers a callback for when another tab upgrades the schema. */
export function onNewerVersionElsewhere(listener: () => void): () => void {
  versionChangeListeners.add(listener);
  return () => versionChangeListeners.delete(listener);
}

/** Closes and drops the open database, so tests start each case with a new connection. */
export function resetDatabaseForTests(): void {
  database?.close();
  database = null;
}
