// A customer's data rights in the side panel: download everything Kindling
// stores about them, or erase them for good after a confirmation that names
// them and counts what goes.

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { Dialog } from '../app/Dialog';
import { DialogActions } from '../app/DialogActions';
import { reportError, showNotice } from '../app/notices';
import { localDay } from '../backup/format';
import { erasePerson, exportPersonData, getPersonName, previewErasure, type ErasureCounts } from '../db/privacy';
import { downloadTextFile } from '../export/download';

interface Props {
  sheetId: string;
  rowId: string;
  onErased?: () => void;
}

/** Characters that Windows, macOS or Linux reject in a file name, and control characters. */
const UNSAFE_FILE_NAME_CHARACTERS = /[\\/:*?"<>|\p{Cc}]/gu;

function personFileName(name: string, date: Date): string {
  const safeName = name.replace(UNSAFE_FILE_NAME_CHARACTERS, ' ').replace(/\s+/g, ' ').trim() || 'Person';
  return `${safeName} personal data ${localDay(date)}.json`;
}

function count(value: number, singular: string, plural: string): string {
  return `${value} ${value === 1 ? singular : plural}`;
}

export function PersonPrivacyActions({ sheetId, rowId, onErased }: Props) {
  const name = useLiveQuery(() => getPersonName(sheetId, rowId), [sheetId, rowId]);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  if (name === undefined) return null;

  const exportData = async () => {
    setBusy(true);
    try {
      const data = await exportPersonData(sheetId, rowId);
      const fileName = personFileName(data.name, new Date());
      downloadTextFile(JSON.stringify(data, null, 2), fileName, 'application/json');
      showNotice(`Saved "${fileName}" to your downloads.`);
    } catch (error) {
      reportError('Could not export this person’s data. Try again; if it keeps failing, reload the page.', error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="person-privacy" role="group" aria-label="Personal data">
      <button type="button" disabled={busy} onClick={() => void exportData()}>
        Export this person's data
      </button>{' '}
      <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
        Erase this person
      </button>
      {confirming ? (
        <EraseDialog
          sheetId={sheetId}
          rowId={rowId}
          name={name}
          onClose={() => setConfirming(false)}
          onErased={(counts) => {
            setConfirming(false);
            showNotice(`Erased ${counts.name} and everything that belonged only to them.`);
            onErased?.();
          }}
        />
      ) : null}
    </div>
  );
}

interface EraseDialogProps {
  sheetId: string;
  rowId: string;
  name: string;
  onClose: () => void;
  onErased: (counts: ErasureCounts) => void;
}

function EraseDialog({ sheetId, rowId, name, onClose, onErased }: EraseDialogProps) {
  const preview = useLiveQuery(() => previewErasure(sheetId, rowId).catch(() => null), [sheetId, rowId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      onErased(await erasePerson(sheetId, rowId));
    } catch (failure) {
      console.error('Erasing a person failed', failure instanceof Error ? failure.name : typeof failure);
      setError(
        `${name} was not erased: ${failure instanceof Error ? failure.message : String(failure)} Nothing was changed.`,
      );
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Erase ${name}?`} onClose={onClose} busy={busy}>
      <p>
        This deletes {name} for good. It skips the trash and cannot be undone, so export their data first if they asked
        for a copy.
      </p>
      {preview ? (
        <ul aria-label="What is erased">
          <li>Their row, and any copy in the trash</li>
          <li>
            {count(preview.conversations, 'conversation linked only to them', 'conversations linked only to them')}
          </li>
          <li>{count(preview.reminders, 'reminder', 'reminders')}</li>
          <li>Their part of {count(preview.historyEntries, 'undo history entry', 'undo history entries')}</li>
        </ul>
      ) : null}
      {preview?.unlinkedRows ? (
        <p>
          {count(preview.unlinkedRows, 'other row links', 'other rows link')} to them, such as deals or shared
          conversations. Those keep their own data and lose only the link.
        </p>
      ) : null}
      <p className="muted">Their name typed into other rows' notes is not searched; check those yourself.</p>
      <DialogActions
        error={error}
        busy={busy}
        onCancel={onClose}
        confirmLabel={busy ? 'Erasing…' : `Erase ${name} for good`}
        confirmDisabled={!preview}
        onConfirm={() => void erase()}
      />
    </Dialog>
  );
}
