// Brings the tables of a backup made under an older database schema up to
// the schema this build uses, as the Dexie upgrade functions in
// src/db/schema.ts do for a database in the browser. Every schema version
// needs an entry here; a test checks that none is missing.

import type { TableContents } from '../db/backup';

type UpgradeStep = (tables: TableContents) => TableContents;

/**
 * The step that turns data of version `n - 1` into version `n`, keyed by `n`.
 * Versions 2 and 3 only added tables (reminders, then segments, rules and
 * ruleRuns) and rewrote no record, so their data passes through as it is
 * and the new tables start empty.
 */
export const SCHEMA_UPGRADES: Record<number, UpgradeStep> = {
  2: (tables) => tables,
  3: (tables) => tables,
};

/** Applies the upgrade steps from `fromVersion` to `toVersion` in order. */
export function upgradeTables(tables: TableContents, fromVersion: number, toVersion: number): TableContents {
  let upgraded = tables;
  for (let version = fromVersion + 1; version <= toVersion; version += 1) {
    const step = SCHEMA_UPGRADES[version];
    if (!step) throw new Error(`Kindling has no upgrade of backup data from database version ${version - 1}.`);
    upgraded = step(upgraded);
  }
  return upgraded;
}
