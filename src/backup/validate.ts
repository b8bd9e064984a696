// Strict checks of a file chosen for restore, before anything is written.
// A file that fails any check restores nothing, and the error names the file
// and the first problems found, with table, record number and id.

import { currentSchemaVersion, tablePrimaryKeys, type TableContents } from '../db/backup';
import { isFieldType } from '../fields/registry';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile, type EncryptedBackupFile } from './format';
import { upgradeTables } from './upgrade';

/** How many record problems the message lists; the rest are counted. */
const MAX_LISTED_PROBLEMS = 5;

/** A file that cannot be restored; the message names the file and what is wrong with it. */
export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

export type OpenedBackup = { kind: 'plain'; backup: BackupFile } | { kind: 'encrypted'; envelope: EncryptedBackupFile };

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quote(fileName: string): string {
  return `"${fileName}"`;
}

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BackupFileError(`${quote(fileName)} is not a Kindling backup: it is not a JSON file.`);
  }
}

/** Checks the format name and version shared by plain and encrypted files. */
function checkEnvelope(value: unknown, fileName: string): Fields {
  if (!isObject(value) || value.format !== BACKUP_FORMAT) {
    throw new BackupFileError(
      `${quote(fileName)} is not a Kindling backup: it has no "format": "${BACKUP_FORMAT}" entry. Choose a file made by "Download backup".`,
    );
  }
  const formatVersion = value.formatVersion;
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    throw new BackupFileError(`${quote(fileName)} is damaged: its format version is missing or invalid.`);
  }
  if (formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(
      `${quote(fileName)} was made by a newer Kindling (backup format ${formatVersion}; this one reads up to ${BACKUP_FORMAT_VERSION}). Update Kindling, then restore it.`,
    );
  }
  return value;
}

/** Reads the text of a chosen file as a plain or an encrypted backup; the plain one is fully checked. */
export function readBackupText(text: string, fileName: string): OpenedBackup {
  const envelope = checkEnvelope(parseJson(text, fileName), fileName);
  if ('encryption' in envelope || 'ciphertext' in envelope) {
    return { kind: 'encrypted', envelope: envelope as unknown as EncryptedBackupFile };
  }
  return { kind: 'plain', backup: checkBackup(envelope, fileName) };
}

/** Reads the decrypted text of an encrypted backup; it must be a plain backup. */
export function readDecryptedText(text: string, fileName: string): BackupFile {
  const envelope = checkEnvelope(parseJson(text, fileName), fileName);
  if ('encryption' in envelope) throw new BackupFileError(`${quote(fileName)} is damaged: it is encrypted twice.`);
  return checkBackup(envelope, fileName);
}

function checkSchemaVersion(value: unknown, fileName: string): number {
  const current = currentSchemaVersion();
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new BackupFileError(`${quote(fileName)} is damaged: its database version is missing or invalid.`);
  }
  if (value > current) {
    throw new BackupFileError(
      `${quote(fileName)} was made by a newer Kindling (database version ${value}; this one knows up to ${current}). Update Kindling, then restore it.`,
    );
  }
  return value;
}

function checkTableNames(tables: unknown, schemaVersion: number, fileName: string): TableContents {
  if (!isObject(tables)) throw new BackupFileError(`${quote(fileName)} is damaged: it has no tables.`);

  const known = Object.keys(tablePrimaryKeys());
  const unknown = Object.keys(tables).filter((name) => !known.includes(name));
  if (unknown.length) {
    throw new BackupFileError(
      `${quote(fileName)} is damaged: it has tables Kindling does not know: ${unknown.join(', ')}.`,
    );
  }
  // A file of the current version has every table; an older one lacks the tables added since.
  const missing = known.filter((name) => !(name in tables));
  if (schemaVersion === currentSchemaVersion() && missing.length) {
    throw new BackupFileError(`${quote(fileName)} is damaged: it lacks the tables ${missing.join(', ')}.`);
  }
  for (const [name, records] of Object.entries(tables)) {
    if (!Array.isArray(records)) {
      throw new BackupFileError(`${quote(fileName)} is damaged: the table ${name} is not a list of records.`);
    }
  }
  return tables as TableContents;
}

/** Fully checks a parsed plain backup and returns it with its tables upgraded to the current schema. */
export function checkBackup(value: Fields, fileName: string): BackupFile {
  const schemaVersion = checkSchemaVersion(value.schemaVersion, fileName);
  if (typeof value.createdAt !== 'string' || Number.isNaN(Date.parse(value.createdAt))) {
    throw new BackupFileError(`${quote(fileName)} is damaged: the date it was made is missing or invalid.`);
  }
  const tables = upgradeTables(
    checkTableNames(value.tables, schemaVersion, fileName),
    schemaVersion,
    currentSchemaVersion(),
  );

  const problems = findRecordProblems(tables);
  if (problems.length) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join(' ');
    const more = problems.length > MAX_LISTED_PROBLEMS ? ` And ${problems.length - MAX_LISTED_PROBLEMS} more.` : '';
    throw new BackupFileError(`${quote(fileName)} is damaged, so nothing was restored. ${listed}${more}`);
  }

  return {
    format: BACKUP_FORMAT,
    formatVersion: value.formatVersion as number,
    schemaVersion: currentSchemaVersion(),
    appVersion: typeof value.appVersion === 'string' ? value.appVersion : 'unknown',
    createdAt: value.createdAt,
    tables,
  };
}

// ---------------------------------------------------------------------------
// Record shapes
// ---------------------------------------------------------------------------

type RecordCheck = (record: Fields, context: { sheetIds: Set<string> }) => string | null;

const isString = (value: unknown) => typeof value === 'string';
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isStringList = (value: unknown) => Array.isArray(value) && value.every(isString);

function checkFields(record: Fields, names: [string, (value: unknown) => boolean, string][]): string | null {
  for (const [name, test, expected] of names) {
    if (!test(record[name])) return `${name} is ${describeValue(record[name])}; expected ${expected}`;
  }
  return null;
}

/** Shows a wrong value in a message: primitives in short, objects and lists only by kind, so no cell data is repeated. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function checkSheetReference(record: Fields, sheetIds: Set<string>): string | null {
  return sheetIds.has(record.sheetId as string)
    ? null
    : `sheetId ${describeValue(record.sheetId)} is not a sheet in this backup`;
}

function checkFieldList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (field) =>
        isObject(field) &&
        isString(field.id) &&
        isString(field.name) &&
        isFieldType(field.type) &&
        isObject(field.settings),
    )
  );
}

const isDeletedFlag = (value: unknown) => value === 0 || value === 1;
const isCellValue = (value: unknown) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value) || isStringList(value) || isObject(value);

const RECORD_CHECKS: Record<string, RecordCheck> = {
  settings: () => null,
  sheets: (record) =>
    checkFields(record, [
      ['name', isString, 'text'],
      ['fields', checkFieldList, 'a list of columns with id, name, type and settings'],
      ['position', isNumber, 'a number'],
      ['deleted', isDeletedFlag, '0 or 1'],
    ]) ??
    (record.deletedFields === undefined || checkFieldList(record.deletedFields)
      ? null
      : 'deletedFields is not a list of columns'),
  rows: (record, { sheetIds }) =>
    checkFields(record, [
      ['sheetId', isString, 'a sheet id'],
      ['values', (value) => isObject(value) && Object.values(value).every(isCellValue), 'cell values by column id'],
      ['position', isNumber, 'a number'],
      ['deleted', isDeletedFlag, '0 or 1'],
    ]) ?? checkSheetReference(record, sheetIds),
  views: (record, { sheetIds }) =>
    checkFields(record, [
      ['sheetId', isString, 'a sheet id'],
      ['name', isString, 'text'],
      ['columns', Array.isArray, 'a list'],
      ['sorts', Array.isArray, 'a list'],
      ['filters', isObject, 'an object'],
    ]) ?? checkSheetReference(record, sheetIds),
  history: (record) =>
    checkFields(record, [
      ['at', isString, 'a timestamp'],
      ['kind', isString, 'a change kind'],
      ['sheetId', isString, 'a sheet id'],
      ['rowIds', isStringList, 'a list of row ids'],
      ['before', Array.isArray, 'a list'],
      ['after', Array.isArray, 'a list'],
      [
        'state',
        (value) => value === 'applied' || value === 'undone' || value === 'discarded',
        'applied, undone or discarded',
      ],
    ]),
  imports: (record) =>
    checkFields(record, [
      ['sheetId', isString, 'a sheet id'],
      ['fileName', isString, 'text'],
      ['at', isString, 'a timestamp'],
    ]),
  reminders: (record) =>
    checkFields(record, [
      [
        'kind',
        (value) => value === 'followUp' || value === 'checkIn' || value === 'standalone',
        'followUp, checkIn or standalone',
      ],
      ['title', isString, 'text'],
      ['date', isString, 'a date'],
      ['due', isString, 'a local date and time'],
      ['state', (value) => value === 'open' || value === 'snoozed' || value === 'done', 'open, snoozed or done'],
    ]),
  segments: (record) =>
    checkFields(record, [
      ['sheetId', isString, 'a sheet id'],
      ['name', isString, 'text'],
      ['conditions', isObject, 'a condition group'],
    ]),
  rules: (record) =>
    checkFields(record, [
      ['sheetId', isString, 'a sheet id'],
      ['name', isString, 'text'],
      ['trigger', isObject, 'a trigger'],
      ['actions', Array.isArray, 'a list of actions'],
    ]),
  ruleRuns: (record) =>
    checkFields(record, [
      ['ruleId', isString, 'a rule id'],
      ['at', isString, 'a timestamp'],
      ['rowIds', isStringList, 'a list of row ids'],
    ]),
};

/** Returns one sentence per bad record: its table, position and id, and what is wrong. */
export function findRecordProblems(tables: TableContents): string[] {
  const primaryKeys = tablePrimaryKeys();
  const problems: string[] = [];
  const sheetIds = new Set(
    (tables.sheets ?? []).flatMap((sheet) => (isObject(sheet) && isString(sheet.id) ? [sheet.id as string] : [])),
  );

  for (const [table, records] of Object.entries(tables)) {
    const keyPath = primaryKeys[table]!;
    // A table added by a later schema version without a check here gets the generic checks only.
    const check = RECORD_CHECKS[table];
    const seen = new Set<string>();

    records.forEach((record, index) => {
      const where = `In ${table}, record ${index + 1}`;
      if (!isObject(record)) {
        problems.push(`${where} is not an object.`);
        return;
      }
      const key = record[keyPath];
      if (typeof key !== 'string' || key === '') {
        problems.push(`${where}: ${keyPath} is ${describeValue(key)}; expected a text id.`);
        return;
      }
      if (seen.has(key)) {
        problems.push(`${where}: ${keyPath} "${key}" appears twice.`);
        return;
      }
      seen.add(key);
      const problem = check?.(record, { sheetIds }) ?? null;
      if (problem) problems.push(`${where} (${keyPath} "${key}"): ${problem}.`);
    });
  }
  return problems;
}
