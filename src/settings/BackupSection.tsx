// The Backup section of Settings: "Download backup" with an optional
// passphrase, "Restore backup", and the date of the last backup. The backup
// code itself loads on the first click.

import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';

import { getLastBackupAt } from '../db/backup';
import type { FieldContext } from '../fields/types';
import { RestoreBackupButton, type RestoreResult } from './RestoreBackupButton';
import './backup.css';

interface Props {
  settings: FieldContext;
}

/**
 * Shortest passphrase accepted. Eight characters is the minimum NIST SP
 * 800-63B sets for secrets a person chooses; longer is better.
 */
export const MIN_PASSPHRASE_LENGTH = 8;

/** Returns why the passphrase pair cannot be used, or null when it can. */
export function passphraseProblem(passphrase: string, confirmation: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  }
  if (passphrase !== confirmation) return 'The two passphrases differ. Type the same passphrase in both fields.';
  return null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function BackupSection({ settings }: Props) {
  const lastBackupAt = useLiveQuery(getLastBackupAt);
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RestoreResult | null>(null);
  const headingId = useId();

  const download = async () => {
    setResult(null);
    if (encrypt) {
      const problem = passphraseProblem(passphrase, confirmation);
      if (problem) {
        setResult({ kind: 'error', text: problem });
        return;
      }
    }

    setBusy(true);
    try {
      const { downloadBackup } = await import('../backup/download');
      const fileName = await downloadBackup(encrypt ? passphrase : undefined);
      const encryptionNote = encrypt ? 'encrypted with your passphrase' : 'not encrypted';
      setResult({ kind: 'done', text: `Saved "${fileName}" (${encryptionNote}) to your downloads.` });
    } catch (error) {
      console.error('Backup download failed', error instanceof Error ? error.name : typeof error);
      setResult({ kind: 'error', text: `The backup was not saved: ${messageOf(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const lastBackupText = lastBackupAt
    ? `Last backup: ${new Intl.DateTimeFormat(settings.locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(lastBackupAt))}.`
    : 'No backup has been made in this browser yet.';

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Backup</h2>
      <p>
        A backup is one file with everything in this workbook: sheets, rows, the trash, views, reminders, history and
        settings. Keep it somewhere other than this computer, such as a USB stick or your cloud drive.
      </p>
      <p>{lastBackupText}</p>

      <label className="checkbox-field">
        <input type="checkbox" checked={encrypt} onChange={(event) => setEncrypt(event.target.checked)} />
        Encrypt the backup with a passphrase
      </label>
      {encrypt ? (
        <div className="passphrase-fields">
          <label className="field">
            Passphrase
            <input
              type="password"
              autoComplete="new-password"
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
            />
          </label>
          <label className="field">
            Confirm passphrase
            <input
              type="password"
              autoComplete="new-password"
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
            />
          </label>
          <p className="muted">
            At least {MIN_PASSPHRASE_LENGTH} characters. Nobody can open the file without it, Kindling included: a
            forgotten passphrase cannot be recovered.
          </p>
        </div>
      ) : null}

      <div className="settings-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void download()}>
          Download backup
        </button>
        <RestoreBackupButton settings={settings} disabled={busy} onResult={setResult} />
      </div>

      {result ? (
        <p
          className={result.kind === 'error' ? 'notice notice-error' : 'notice'}
          {...(result.kind === 'error' ? { role: 'alert' } : { 'aria-live': 'polite' as const })}
        >
          {result.text}
        </p>
      ) : null}
    </section>
  );
}
