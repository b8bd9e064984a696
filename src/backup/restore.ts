// "Restore backup": reads a chosen file, decrypts it when needed, and
// replaces the whole database with its content in one transaction.

import { describeError } from '../app/notices';
import { replaceAllTables } from '../db/backup';
import { decryptBackupText, EnvelopeError, PassphraseError } from './encryption';
import type { BackupFile, EncryptedBackupFile } from './format';
import { BackupFileError, readBackupText, readDecryptedText, type OpenedBackup } from './validate';

/** Reads and checks a chosen file. Throws BackupFileError, naming the file, when it is not a usable backup. */
export async function openBackupFile(file: File): Promise<OpenedBackup> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    throw new BackupFileError(`"${file.name}" could not be read: ${describeError(error)}`);
  }
  return readBackupText(text, file.name);
}

/**
 * Decrypts and checks an encrypted backup. A wrong passphrase throws
 * BackupFileError with a message that names the file and the cause.
 */
export async function decryptBackup(
  envelope: EncryptedBackupFile,
  passphrase: string,
  fileName: string,
): Promise<BackupFile> {
  let text: string;
  try {
    text = await decryptBackupText(envelope, passphrase);
  } catch (error) {
    if (error instanceof PassphraseError) {
      throw new BackupFileError(
        `The passphrase does not open "${fileName}". Check it and try again; if it is right, the file was changed or damaged after it was saved.`,
      );
    }
    if (error instanceof EnvelopeError) throw new BackupFileError(`"${fileName}" is damaged: ${error.message}`);
    throw error;
  }
  return readDecryptedText(text, fileName);
}

/**
 * Replaces every table with the backup's records. On any failure nothing
 * changes, and the error names the file and the cause.
 */
export async function restoreBackup(backup: BackupFile, fileName: string): Promise<void> {
  try {
    await replaceAllTables(backup.tables);
  } catch (error) {
    console.error('Restore failed', error instanceof Error ? error.name : typeof error);
    const cause = describeError(error).trim();
    const sentence = /[.!?]$/.test(cause) ? cause : `${cause}.`;
    throw new Error(`"${fileName}" was not restored: ${sentence} Your data is as it was before.`, {
      cause: error,
    });
  }
}
