// Restoring a chosen backup: the passphrase for an encrypted file, then what
// the file contains and a confirmation, then the restore itself.

import { useState } from 'react';

import { Dialog } from '../app/Dialog';
import { DialogActions } from '../app/DialogActions';
import type { BackupFile } from '../backup/format';
import { summariseBackup, type BackupSummary } from '../backup/summary';
import type { OpenedBackup } from '../backup/validate';
import type { FieldContext } from '../fields/types';

interface Props {
  fileName: string;
  opened: OpenedBackup;
  settings: FieldContext;
  onClose: () => void;
  /** Called with a sentence that states what was restored. */
  onRestored: (message: string) => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function plural(count: number, singular: string, pluralForm: string, locale: string): string {
  return `${new Intl.NumberFormat(locale).format(count)} ${count === 1 ? singular : pluralForm}`;
}

export function RestoreBackupDialog({ fileName, opened, settings, onClose, onRestored }: Props) {
  const [backup, setBackup] = useState<BackupFile | null>(opened.kind === 'plain' ? opened.backup : null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return (
    <Dialog title={`Restore "${fileName}"`} onClose={onClose} busy={busy}>
      {backup ? (
        <ConfirmStep
          fileName={fileName}
          backup={backup}
          settings={settings}
          busy={busy}
          error={error}
          onCancel={onClose}
          onConfirm={async () => {
            setBusy(true);
            setError(null);
            try {
              const { restoreBackup } = await import('../backup/restore');
              await restoreBackup(backup, fileName);
              onRestored(`Restored the workbook from "${fileName}".`);
            } catch (failure) {
              setError(messageOf(failure));
              setBusy(false);
            }
          }}
        />
      ) : opened.kind === 'encrypted' ? (
        <PassphraseStep
          busy={busy}
          error={error}
          onCancel={onClose}
          onSubmit={async (passphrase) => {
            setBusy(true);
            setError(null);
            try {
              const { decryptBackup } = await import('../backup/restore');
              setBackup(await decryptBackup(opened.envelope, passphrase, fileName));
            } catch (failure) {
              setError(messageOf(failure));
            } finally {
              setBusy(false);
            }
          }}
        />
      ) : null}
    </Dialog>
  );
}

interface PassphraseStepProps {
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (passphrase: string) => Promise<void>;
}

function PassphraseStep({ busy, error, onCancel, onSubmit }: PassphraseStepProps) {
  const [passphrase, setPassphrase] = useState('');

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(passphrase);
      }}
    >
      <p>This backup is encrypted. Type the passphrase chosen when it was made.</p>
      <label className="field">
        Passphrase
        <input
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </label>
      <DialogActions
        error={error}
        busy={busy}
        onCancel={onCancel}
        confirmLabel={busy ? 'Opening…' : 'Open backup'}
        confirmDisabled={passphrase === ''}
      />
    </form>
  );
}

interface ConfirmStepProps {
  fileName: string;
  backup: BackupFile;
  settings: FieldContext;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}

function sheetLine(sheet: BackupSummary['sheets'][number], locale: string): string {
  const parts = [plural(sheet.rows, 'row', 'rows', locale)];
  if (sheet.trashedRows) parts.push(`${plural(sheet.trashedRows, 'row', 'rows', locale)} in the trash`);
  return `${sheet.name}${sheet.deleted ? ' (sheet in the trash)' : ''}: ${parts.join(', ')}`;
}

function ConfirmStep({ fileName, backup, settings, busy, error, onCancel, onConfirm }: ConfirmStepProps) {
  const summary = summariseBackup(backup);
  const locale = settings.locale;
  const madeOn = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(summary.createdAt),
  );

  return (
    <div>
      <p>
        "{fileName}" was made on {madeOn} by Kindling {summary.appVersion}. It contains:
      </p>
      <ul aria-label="Sheets in the backup">
        {summary.sheets.map((sheet, index) => (
          <li key={index}>{sheetLine(sheet, locale)}</li>
        ))}
      </ul>
      <p>
        {plural(summary.views, 'saved view', 'saved views', locale)},{' '}
        {plural(summary.reminders, 'reminder', 'reminders', locale)} and{' '}
        {plural(summary.historyEntries, 'history entry', 'history entries', locale)}.
      </p>
      <p>
        <strong>Restoring replaces everything in this workbook with the backup.</strong> Changes made since the backup
        are lost, so download a backup of the current data first if you may need it.
      </p>
      <DialogActions
        error={error}
        busy={busy}
        onCancel={onCancel}
        confirmLabel={busy ? 'Restoring…' : 'Restore this backup'}
        onConfirm={() => void onConfirm()}
      />
    </div>
  );
}
