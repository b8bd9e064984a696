// The backup file: one JSON document with every table of the database, and
// the optional encrypted envelope around it.
//
// Plain file:
//   { format: 'kindling-backup', formatVersion: 1, schemaVersion: 3,
//     appVersion: '0.1.0', createdAt: '2026-12-04T21:05:58.000Z',
//     tables: { settings: [...], sheets: [...], rows: [...], ... } }
// Encrypted file (the plain file's JSON text is the encrypted plaintext):
//   { format: 'kindling-backup', formatVersion: 1, encryption: {...}, ciphertext: '<base64>' }

import { version as appVersion } from '../../package.json';
import { lastBackupRecord, type DatabaseSnapshot, type TableContents, LAST_BACKUP_KEY } from '../db/backup';

export const BACKUP_FORMAT = 'kindling-backup';

/**
 * Version of the file layout, separate from the database schema version.
 * Raise it when the envelope changes in a way older readers cannot handle.
 */
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** Dexie schema version of the records in `tables`. */
  schemaVersion: number;
  /** Version of Kindling that wrote the file, from package.json. */
  appVersion: string;
  /** ISO 8601 instant the backup was made. */
  createdAt: string;
  tables: TableContents;
}

/** Key derivation and cipher parameters; everything needed to decrypt except the passphrase. */
export interface EncryptionParameters {
  kdf: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  /** Base64 of the random PBKDF2 salt. */
  salt: string;
  cipher: 'AES-GCM';
  keyLength: 256;
  /** Base64 of the random 96-bit AES-GCM initialisation vector. */
  iv: string;
}

export interface EncryptedBackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  encryption: EncryptionParameters;
  /** Base64 of the AES-GCM output (ciphertext followed by the 128-bit tag). */
  ciphertext: string;
}

/**
 * Builds the backup file for a snapshot made at `createdAt`. The settings
 * table in the file already records this backup as the last one, so the
 * database and the file agree once the download has been recorded.
 */
export function buildBackupFile(snapshot: DatabaseSnapshot, createdAt: string): BackupFile {
  const settings = (snapshot.tables.settings ?? []).filter(
    (record) => (record as { key?: unknown }).key !== LAST_BACKUP_KEY,
  );
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: snapshot.schemaVersion,
    appVersion,
    createdAt,
    tables: { ...snapshot.tables, settings: [...settings, lastBackupRecord(createdAt)] },
  };
}

/** Returns the local calendar day of an instant as 'YYYY-MM-DD'. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Names the file after the local day it was made. The extension is .json
 * because the file is JSON, plain or encrypted, so any text editor opens it
 * and the operating system recognises its type.
 */
export function backupFileName(date: Date): string {
  return `Kindling backup ${localDay(date)}.json`;
}
