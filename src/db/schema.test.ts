import { afterEach, describe, expect, it } from 'vitest';

import { getDatabase, resetDatabaseForTests } from './connection';

afterEach(() => resetDatabaseForTests());

describe('schema', () => {
  it('opens at version 3 with every table', async () => {
    const database = getDatabase();
    await database.open();

    expect(database.verno).toBe(3);
    expect(database.tables.map((table) => table.name).sort()).toEqual([
      'history',
      'imports',
      'reminders',
      'rows',
      'ruleRuns',
      'rules',
      'segments',
      'settings',
      'sheets',
      'views',
    ]);
  });

  it('keys every table by a string id, not an auto-increment number', async () => {
    const database = getDatabase();
    await database.open();

    for (const table of database.tables) {
      expect(table.schema.primKey.auto, table.name).toBe(false);
    }
  });
});
