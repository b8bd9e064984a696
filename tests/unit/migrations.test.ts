import { afterEach, describe, expect, it } from 'vitest';

import { getDatabase, resetDatabaseForTests } from '../../src/db/connection';
import { reconcileReminders } from '../../src/db/reminders';
import { DATABASE_NAME } from '../../src/db/schema';
import { openV1Database, V1_SAMPLE, V1_STORES, type V1Table } from './fixtures/kindlingV1';
import { openV2Database, V2_SAMPLE, V2_STORES, type V2Table } from './fixtures/kindlingV2';

/** The version src/db/schema.ts declares last. */
const CURRENT_VERSION = 3;

const V1_TABLES = Object.keys(V1_STORES) as V1Table[];

afterEach(() => resetDatabaseForTests());

/** Writes the sample records with version-1 code and closes the database. */
async function writeVersion1Database(): Promise<void> {
  const database = openV1Database(DATABASE_NAME);
  await database.transaction('rw', V1_TABLES, async () => {
    for (const table of V1_TABLES) await database.table(table).bulkAdd(V1_SAMPLE[table]);
  });
  expect(database.verno).toBe(1);
  database.close();
}

function byKey(records: Record<string, unknown>[], key: string): Record<string, unknown>[] {
  return [...records].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}

describe('upgrade from version 1', () => {
  it('keeps every record of every table intact', async () => {
    await writeVersion1Database();

    const database = getDatabase();
    await database.open();
    expect(database.verno).toBe(CURRENT_VERSION);

    for (const table of V1_TABLES) {
      const key = table === 'settings' ? 'key' : 'id';
      const stored = (await database.table(table).toArray()) as Record<string, unknown>[];
      expect(byKey(stored, key), table).toEqual(byKey(V1_SAMPLE[table], key));
    }
    expect(await database.reminders.count()).toBe(0);
  });

  it('keeps the version-1 indexes working', async () => {
    await writeVersion1Database();
    const database = getDatabase();

    const liveRows = await database.rows.where('[sheetId+deleted]').equals(['sheet-clients', 0]).primaryKeys();
    const ordered = await database.rows
      .where('[sheetId+position]')
      .between(['sheet-clients', -Infinity], ['sheet-clients', Infinity])
      .primaryKeys();
    expect(liveRows.sort()).toEqual(['row-ada', 'row-bram']);
    expect(ordered).toEqual(['row-ada', 'row-bram', 'row-cleo']);
    expect(await database.rows.where('importId').equals('import-1').primaryKeys()).toEqual(['row-ada']);
    expect(await database.sheets.where('deleted').equals(1).primaryKeys()).toEqual(['sheet-old']);
    expect(await database.views.where('sheetId').equals('sheet-clients').count()).toBe(2);
    expect(await database.history.orderBy('at').primaryKeys()).toEqual(['history-2', 'history-1', 'history-3']);
    expect(await database.imports.where('sheetId').equals('sheet-clients').count()).toBe(1);
  });

  it('declares the version-1 stores unchanged', async () => {
    const database = getDatabase();
    await database.open();

    for (const table of V1_TABLES) {
      const [primaryKey, ...indexes] = V1_STORES[table].split(',').map((part) => part.trim());
      const schema = database.table(table).schema;
      expect(schema.primKey.src, table).toBe(primaryKey);
      expect(schema.indexes.map((index) => index.src).sort(), table).toEqual(indexes.sort());
    }
  });

  it('derives follow-up reminders from migrated rows', async () => {
    await writeVersion1Database();
    await reconcileReminders('2026-12-04T22:00:00.000Z');

    // Bram's date is invalid text, Cleo's row is in the trash and Dev's sheet is too.
    const reminders = await getDatabase().reminders.toArray();
    expect(reminders.map(({ id, date, state }) => ({ id, date, state }))).toEqual([
      { id: 'followUp:row-ada:f-next', date: '2026-12-14', state: 'open' },
    ]);
  });
});

describe('upgrade from version 2', () => {
  const V2_TABLES = Object.keys(V2_STORES) as V2Table[];

  async function writeVersion2Database(): Promise<void> {
    const database = openV2Database(DATABASE_NAME);
    await database.transaction('rw', V2_TABLES, async () => {
      for (const table of V2_TABLES) await database.table(table).bulkAdd(V2_SAMPLE[table]);
    });
    expect(database.verno).toBe(2);
    database.close();
  }

  it('keeps every record of every table intact', async () => {
    await writeVersion2Database();

    const database = getDatabase();
    await database.open();
    expect(database.verno).toBe(CURRENT_VERSION);

    for (const table of V2_TABLES) {
      const key = table === 'settings' ? 'key' : 'id';
      const stored = (await database.table(table).toArray()) as Record<string, unknown>[];
      expect(byKey(stored, key), table).toEqual(byKey(V2_SAMPLE[table], key));
    }
    expect(await database.segments.count()).toBe(0);
    expect(await database.rules.count()).toBe(0);
    expect(await database.ruleRuns.count()).toBe(0);
  });

  it('keeps the reminder indexes working', async () => {
    await writeVersion2Database();
    const database = getDatabase();

    expect(await database.reminders.where('[state+due]').equals(['open', '2026-12-14T09:00']).primaryKeys()).toEqual([
      'followUp:row-ada:f-next',
    ]);
    expect(await database.reminders.where('rowId').equals('row-bram').primaryKeys()).toEqual(['reminder-checkin']);
    expect(await database.reminders.orderBy('due').primaryKeys()).toEqual([
      'followUp:row-ada:f-next',
      'reminder-tax',
      'reminder-checkin',
    ]);
  });

  it('declares the version-2 stores unchanged', async () => {
    const database = getDatabase();
    await database.open();

    for (const table of V2_TABLES) {
      const [primaryKey, ...indexes] = V2_STORES[table].split(',').map((part) => part.trim());
      const schema = database.table(table).schema;
      expect(schema.primKey.src, table).toBe(primaryKey);
      expect(schema.indexes.map((index) => index.src).sort(), table).toEqual(indexes.sort());
    }
  });
});
