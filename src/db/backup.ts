// Whole-database reads and writes for backup files, and the settings that
// track when the last backup was made. Tables are taken from `db.tables`, so a
// table added by a later schema version is backed up and restored with no
// change here.

import { getDatabase } from './connection';
import type { SettingRecord } from './records';

/** Records of every table, keyed by table name. */
export type TableContents = Record<string, unknown[]>;

export interface DatabaseSnapshot {
  /** The Dexie schema version the records follow. */
  schemaVersion: number;
  tables: TableContents;
}

/** Settings key of the instant the last backup file was made. */
export const LAST_BACKUP_KEY = 'lastBackupAt';

/** Settings key of the local day 'YYYY-MM-DD' the old-backup notice was last shown. */
const BACKUP_NOTICE_DAY_KEY = 'backupNoticeShownOn';

/** Returns the schema version this build of Kindling writes. */
export function currentSchemaVersion(): number {
  return getDatabase().verno;
}

/** Returns each table's name with the property that contains its primary key, such as 'id' or 'key'. */
export function tablePrimaryKeys(): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const table of getDatabase().tables) {
    keys[table.name] = String(table.schema.primKey.keyPath);
  }
  return keys;
}

/** Reads every record of every table in one read transaction, so the snapshot is consistent. */
export async function readAllTables(): Promise<DatabaseSnapshot> {
  const database = getDatabase();
  const tables = database.tables;

  return database.transaction('r', tables, async () => {
    const contents: TableContents = {};
    for (const table of tables) {
      contents[table.name] = await table.toArray();
    }
    return { schemaVersion: database.verno, tables: contents };
  });
}

/**
 * Replaces the content of every table with `tables` in ONE transaction. A
 * table missing from `tables` ends up empty. When any write fails (a quota
 * error, a duplicate key), the transaction aborts and the database stays
 * exactly as it was.
 */
export async function replaceAllTables(tables: TableContents): Promise<void> {
  const database = getDatabase();
  const unknown = Object.keys(tables).filter((name) => !database.tables.some((table) => table.name === name));
  if (unknown.length) throw new Error(`The database has no table named ${unknown.join(', ')}.`);

  await database.transaction('rw', database.tables, async () => {
    for (const table of database.tables) {
      await table.clear();
    }
    for (const table of database.tables) {
      const records = tables[table.name] ?? [];
      if (records.length) await table.bulkAdd(records);
    }
  });
}

async function readSetting(key: string): Promise<unknown> {
  return (await getDatabase().settings.get(key))?.value;
}

/** Returns the instant of the last backup made in this browser (or restored with its data), if any. */
export async function getLastBackupAt(): Promise<string | undefined> {
  const value = await readSetting(LAST_BACKUP_KEY);
  return typeof value === 'string' ? value : undefined;
}

/** Builds the settings record that marks a backup made at `at`, so a backup file can contain it. */
export function lastBackupRecord(at: string): SettingRecord {
  return { key: LAST_BACKUP_KEY, value: at };
}

export async function recordBackupMade(at: string): Promise<void> {
  await getDatabase().settings.put(lastBackupRecord(at));
}

/** Inputs of the old-backup notice: the last backup, the workbook's age, and the last day the notice was shown. */
export interface BackupAgeFacts {
  lastBackupAt: string | undefined;
  /** Creation instant of the oldest sheet, the age of the workbook when no backup was ever made. */
  workbookCreatedAt: string | undefined;
  /** Whether any row is outside the trash: an empty workbook has nothing to lose. */
  hasRows: boolean;
  noticeShownOn: string | undefined;
}

export async function readBackupAgeFacts(): Promise<BackupAgeFacts> {
  const database = getDatabase();
  return database.transaction('r', database.settings, database.sheets, database.rows, async () => {
    const sheets = await database.sheets.toArray();
    const created = sheets.map((sheet) => sheet.createdAt).sort();
    // Stops at the first live row, so a large workbook is not read whole.
    const liveRow = await database.rows.filter((row) => row.deleted === 0).first();
    const shownOn = await readSetting(BACKUP_NOTICE_DAY_KEY);
    return {
      lastBackupAt: await getLastBackupAt(),
      workbookCreatedAt: created[0],
      hasRows: liveRow !== undefined,
      noticeShownOn: typeof shownOn === 'string' ? shownOn : undefined,
    };
  });
}

export async function recordBackupNoticeShown(day: string): Promise<void> {
  await getDatabase().settings.put({ key: BACKUP_NOTICE_DAY_KEY, value: day });
}
