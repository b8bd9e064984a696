// The Dexie database and every schema version it has had.
//
// NEVER change the stores of an existing version. To change an index or a
// record shape, add a new `this.version(n + 1)` with an `.upgrade()` that
// rewrites old records, and add a test that opens a database written by
// every earlier version and finds each value intact. Users' only copy of
// their customers lives in this database.

import Dexie, { type Table } from 'dexie';

import type {
  HistoryRecord,
  ImportRecord,
  ReminderRecord,
  RowRecord,
  RuleRecord,
  RuleRunRecord,
  SegmentRecord,
  SettingRecord,
  SheetRecord,
  ViewRecord,
} from './records';

export const DATABASE_NAME = 'kindling';

export class KindlingDatabase extends Dexie {
  settings!: Table<SettingRecord, string>;
  sheets!: Table<SheetRecord, string>;
  rows!: Table<RowRecord, string>;
  views!: Table<ViewRecord, string>;
  history!: Table<HistoryRecord, string>;
  imports!: Table<ImportRecord, string>;
  reminders!: Table<ReminderRecord, string>;
  segments!: Table<SegmentRecord, string>;
  rules!: Table<RuleRecord, string>;
  ruleRuns!: Table<RuleRunRecord, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name);

    this.version(1).stores({
      settings: 'key',
      sheets: 'id, position, deleted',
      rows: 'id, [sheetId+deleted], [sheetId+position], importId, updatedAt',
      views: 'id, sheetId',
      history: 'id, at, sheetId',
      imports: 'id, sheetId, at',
    });

    // Version 2 adds reminders and changes no version-1 store. It has no
    // upgrade function: follow-up and check-in reminders are derived from
    // rows by reconciliation (src/reminders/sync.ts) when the app starts, and
    // standalone reminders did not exist before. The reminder time setting is
    // a record of the settings table, which needs no schema change.
    this.version(2).stores({
      reminders: 'id, due, state, rowId, sheetId, [state+due]',
    });

    // Version 3 adds segments (saved conditions), automation rules and their
    // run log, and changes no earlier store, so it needs no upgrade function.
    this.version(3).stores({
      segments: 'id, sheetId',
      rules: 'id, sheetId',
      ruleRuns: 'id, ruleId, at',
    });
  }
}
