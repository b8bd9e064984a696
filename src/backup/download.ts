// "Download backup": one file with every table, optionally encrypted, saved
// through the browser's download. Loaded on first use.

import { readAllTables, recordBackupMade } from '../db/backup';
import { downloadTextFile } from '../export/download';
import { encryptBackupText } from './encryption';
import { backupFileName, buildBackupFile } from './format';

export interface BackupDownload {
  fileName: string;
  /** The JSON text of the file: the plain backup, or the encrypted envelope. */
  text: string;
  createdAt: string;
}

/** Builds the backup file of the whole database; with a passphrase, the file is encrypted. */
export async function createBackup(passphrase?: string, now: Date = new Date()): Promise<BackupDownload> {
  const createdAt = now.toISOString();
  const backup = buildBackupFile(await readAllTables(), createdAt);
  const plain = JSON.stringify(backup);
  const text = passphrase ? JSON.stringify(await encryptBackupText(plain, passphrase)) : plain;
  return { fileName: backupFileName(now), text, createdAt };
}

/** Downloads a backup of the whole database, records its date, and returns the file name. */
export async function downloadBackup(passphrase?: string): Promise<string> {
  const { fileName, text, createdAt } = await createBackup(passphrase);
  downloadTextFile(text, fileName, 'application/json');
  await recordBackupMade(createdAt);
  return fileName;
}
