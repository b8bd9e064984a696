import { afterEach, describe, expect, it } from 'vitest';

import { currentSchemaVersion } from '../db/backup';
import { resetDatabaseForTests } from '../db/connection';
import { SCHEMA_UPGRADES, upgradeTables } from './upgrade';

afterEach(() => resetDatabaseForTests());

describe('upgradeTables', () => {
  it('has a step for every schema version', () => {
    for (let version = 2; version <= currentSchemaVersion(); version += 1) {
      expect(SCHEMA_UPGRADES[version], `upgrade to database version ${version}`).toBeTypeOf('function');
    }
  });

  it('keeps version-1 records unchanged', () => {
    const tables = { sheets: [{ id: 'sheet-1' }], rows: [{ id: 'row-1', sheetId: 'sheet-1' }] };
    expect(upgradeTables(tables, 1, currentSchemaVersion())).toEqual(tables);
  });

  it('fails on a version with no step', () => {
    expect(() => upgradeTables({}, 1, 99)).toThrow('no upgrade of backup data from database version');
  });
});
