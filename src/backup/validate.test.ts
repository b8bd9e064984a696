import { afterEach, describe, expect, it } from 'vitest';

import { currentSchemaVersion, tablePrimaryKeys } from '../db/backup';
import { resetDatabaseForTests } from '../db/connection';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './format';
import { BackupFileError, readBackupText } from './validate';

afterEach(() => resetDatabaseForTests());

const FILE = 'Kindling backup 2026-12-04.json';

const SHEET = {
  id: 'sheet-1',
  name: 'Clients',
  fields: [{ id: 'name', name: 'Name', type: 'text', settings: {}, role: 'name' }],
  position: 0,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  deleted: 0,
};

const ROW = {
  id: 'row-1',
  sheetId: 'sheet-1',
  values: { name: 'Ines Haraldsdóttir 🌻' },
  position: 0,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  deleted: 0,
};

/** Builds a valid backup of the current schema with one sheet and one row; `changes` replaces top-level entries. */
function backupText(changes: Record<string, unknown> = {}, tableChanges: Record<string, unknown> = {}): string {
  const tables: Record<string, unknown> = Object.fromEntries(Object.keys(tablePrimaryKeys()).map((name) => [name, []]));
  tables.sheets = [SHEET];
  tables.rows = [ROW];
  return JSON.stringify({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: currentSchemaVersion(),
    appVersion: '0.1.0',
    createdAt: '2026-12-04T21:05:58.000Z',
    tables: { ...tables, ...tableChanges },
    ...changes,
  });
}

function rejection(text: string): string {
  try {
    readBackupText(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupFileError);
    return (error as Error).message;
  }
  throw new Error('The file was accepted.');
}

describe('readBackupText', () => {
  it('accepts a valid backup', () => {
    const opened = readBackupText(backupText(), FILE);
    expect(opened.kind).toBe('plain');
    if (opened.kind === 'plain') expect(opened.backup.tables.rows).toEqual([ROW]);
  });

  it('rejects a file that is not JSON', () => {
    expect(rejection('Name,Email\nAda,ada@example.test')).toBe(
      `"${FILE}" is not a Kindling backup: it is not a JSON file.`,
    );
  });

  it('rejects JSON of another kind', () => {
    expect(rejection(JSON.stringify({ format: 'kindling-template', version: 1 }))).toMatch(
      new RegExp(`^"${FILE}" is not a Kindling backup`),
    );
  });

  it('rejects a newer backup format', () => {
    expect(rejection(backupText({ formatVersion: BACKUP_FORMAT_VERSION + 1 }))).toContain('newer Kindling');
  });

  it('rejects a newer database version', () => {
    const message = rejection(backupText({ schemaVersion: currentSchemaVersion() + 1 }));
    expect(message).toContain(`database version ${currentSchemaVersion() + 1}`);
    expect(message).toContain('Update Kindling');
  });

  it('rejects an unknown table', () => {
    expect(rejection(backupText({}, { invoices: [] }))).toContain('tables Kindling does not know: invoices');
  });

  it('rejects a missing table of the current version', () => {
    const text = JSON.parse(backupText()) as { tables: Record<string, unknown> };
    delete text.tables.reminders;
    expect(rejection(JSON.stringify(text))).toContain('lacks the tables reminders');
  });

  it('rejects a row of a missing sheet', () => {
    const message = rejection(backupText({}, { rows: [{ ...ROW, sheetId: 'sheet-9' }] }));
    expect(message).toContain(`"${FILE}" is damaged, so nothing was restored.`);
    expect(message).toContain('In rows, record 1 (id "row-1"): sheetId "sheet-9" is not a sheet in this backup.');
  });

  it('rejects ids that are not text', () => {
    expect(rejection(backupText({}, { rows: [{ ...ROW, id: 7 }] }))).toContain(
      'In rows, record 1: id is 7; expected a text id.',
    );
  });

  it('rejects a repeated id', () => {
    expect(rejection(backupText({}, { rows: [ROW, ROW] }))).toContain('In rows, record 2: id "row-1" appears twice.');
  });

  it('rejects a column of an unknown type', () => {
    const sheet = { ...SHEET, fields: [{ id: 'name', name: 'Name', type: 'hologram', settings: {} }] };
    expect(rejection(backupText({}, { sheets: [sheet] }))).toContain('In sheets, record 1 (id "sheet-1"): fields');
  });

  it('does not repeat cell values in messages', () => {
    const message = rejection(backupText({}, { rows: [{ ...ROW, values: 'Ines Haraldsdóttir' }] }));
    expect(message).toContain('values is "Ines');
    const listMessage = rejection(backupText({}, { rows: [{ ...ROW, values: ['Ines Haraldsdóttir'] }] }));
    expect(listMessage).not.toContain('Ines');
  });

  it('lists at most five problems', () => {
    const rows = Array.from({ length: 8 }, (_, index) => ({ ...ROW, id: `row-${index}`, sheetId: 'gone' }));
    const message = rejection(backupText({}, { rows }));
    expect(message.match(/is not a sheet/g)).toHaveLength(5);
    expect(message).toContain('And 3 more.');
  });

  it('restores a version-1 backup with the later tables empty', () => {
    const text = JSON.stringify({
      format: BACKUP_FORMAT,
      formatVersion: 1,
      schemaVersion: 1,
      appVersion: '0.0.9',
      createdAt: '2026-01-04T21:05:58.000Z',
      tables: { settings: [], sheets: [SHEET], rows: [ROW], views: [], history: [], imports: [] },
    });
    const opened = readBackupText(text, FILE);
    if (opened.kind !== 'plain') throw new Error('A plain backup was read as encrypted.');
    expect(opened.backup.schemaVersion).toBe(currentSchemaVersion());
    expect(opened.backup.tables.rows).toEqual([ROW]);
    expect(opened.backup.tables.reminders).toBeUndefined();
  });

  it('reads an encrypted envelope without checking its content', () => {
    const text = JSON.stringify({
      format: BACKUP_FORMAT,
      formatVersion: 1,
      encryption: { kdf: 'PBKDF2' },
      ciphertext: 'AAAA',
    });
    expect(readBackupText(text, FILE).kind).toBe('encrypted');
  });
});
