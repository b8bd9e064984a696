// "Restore backup": the button, the browser's file chooser behind it, and the
// dialog that restores the chosen file. Used in Settings and on the first-run
// screen, where a person moving to a new computer starts.

import { useRef, useState } from 'react';

import type { OpenedBackup } from '../backup/validate';
import type { FieldContext } from '../fields/types';
import { RestoreBackupDialog } from './RestoreBackupDialog';

export interface RestoreResult {
  kind: 'done' | 'error';
  text: string;
}

interface Props {
  settings: FieldContext;
  disabled?: boolean;
  /** Called when a file is rejected and when a restore finishes, with the sentence to show. */
  onResult: (result: RestoreResult) => void;
}

interface ChosenFile {
  fileName: string;
  opened: OpenedBackup;
}

export function RestoreBackupButton({ settings, disabled = false, onResult }: Props) {
  const [opening, setOpening] = useState(false);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const openFile = async (file: File) => {
    setOpening(true);
    try {
      const { openBackupFile } = await import('../backup/restore');
      setChosen({ fileName: file.name, opened: await openBackupFile(file) });
    } catch (error) {
      console.error('Backup file rejected', error instanceof Error ? error.name : typeof error);
      onResult({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setOpening(false);
    }
  };

  return (
    <>
      <button type="button" disabled={disabled || opening} onClick={() => fileInput.current?.click()}>
        Restore backup
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        aria-label="Restore backup"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Clearing the input lets the same file be chosen again after a failed attempt.
          event.target.value = '';
          if (file) void openFile(file);
        }}
      />
      {chosen ? (
        <RestoreBackupDialog
          fileName={chosen.fileName}
          opened={chosen.opened}
          settings={settings}
          onClose={() => setChosen(null)}
          onRestored={(text) => {
            setChosen(null);
            onResult({ kind: 'done', text });
          }}
        />
      ) : null}
    </>
  );
}
