// Creates or edits a segment: its name, its sheet (for a new one) and its
// conditions, with a live count of the rows that match while they are edited.

import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';

import { Dialog } from '../app/Dialog';
import { describeError, showNotice } from '../app/notices';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { conditionsProblem } from '../conditions/describe';
import { compileConditions } from '../conditions/evaluate';
import type { ConditionGroup, SegmentRecord, SheetRecord } from '../db/records';
import { listRows } from '../db/rows';
import { createSegment, deleteSegment, MAX_SEGMENT_NAME_LENGTH, setActiveSegment, updateSegment } from '../db/segments';
import type { FieldContext } from '../fields/types';
import { toLocalDate } from '../reminders/localClock';

interface Props {
  /** Sheets a new segment can be made on; `sheetId` is chosen first. */
  sheets: SheetRecord[];
  sheetId: string;
  /** The segment to edit; absent makes a new one. */
  segment?: SegmentRecord;
  settings: FieldContext;
  onClose: () => void;
  /** Called with the sheet and segment ids after a new segment is saved and opened. */
  onCreated?: (sheetId: string, segmentId: string) => void;
}

const EMPTY_GROUP: ConditionGroup = { kind: 'group', match: 'all', items: [] };

/** Renders the "New segment" or "Edit segment" dialog. */
export function SegmentEditorDialog({ sheets, sheetId, segment, settings, onClose, onCreated }: Props) {
  const [name, setName] = useState(segment?.name ?? '');
  const [chosenSheetId, setChosenSheetId] = useState(segment?.sheetId ?? sheetId);
  const [conditions, setConditions] = useState<ConditionGroup>(segment?.conditions ?? EMPTY_GROUP);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const previewId = useId();

  const sheet = sheets.find((each) => each.id === chosenSheetId) ?? sheets[0];
  const rows = useLiveQuery(() => (sheet ? listRows(sheet.id) : []), [sheet?.id]);

  const matchCount = useMemo(() => {
    if (!rows || !sheet) return undefined;
    const matches = compileConditions(conditions, sheet, toLocalDate(new Date()), settings);
    return rows.filter(matches).length;
  }, [rows, sheet, conditions, settings]);

  if (!sheet) return null;

  const save = async () => {
    setBusy(true);
    try {
      if (segment) {
        await updateSegment(segment.id, { name, conditions });
        showNotice(`Segment “${name.trim()}” saved.`);
      } else {
        const id = await createSegment({ sheetId: sheet.id, name, conditions });
        await setActiveSegment(sheet.id, id);
        showNotice(`Segment “${name.trim()}” saved and opened.`);
        onCreated?.(sheet.id, id);
      }
      onClose();
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!segment) return;
    setBusy(true);
    try {
      await deleteSegment(segment.id);
      showNotice(`Segment “${segment.name}” deleted. Its rows are unchanged.`);
      onClose();
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };

  const problem = conditionsProblem(conditions, sheet);

  return (
    <Dialog title={segment ? 'Edit segment' : 'New segment'} onClose={onClose} busy={busy} wide>
      <form
        className="segment-editor"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="field">
          Segment name
          <input
            value={name}
            required
            maxLength={MAX_SEGMENT_NAME_LENGTH}
            placeholder="Not contacted in 60 days"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        {segment || sheets.length < 2 ? null : (
          <label className="field">
            Sheet
            <select
              value={sheet.id}
              onChange={(event) => {
                setChosenSheetId(event.target.value);
                setConditions(EMPTY_GROUP);
              }}
            >
              {sheets.map((each) => (
                <option key={each.id} value={each.id}>
                  {each.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <ConditionBuilder sheet={sheet} value={conditions} onChange={setConditions} />
        <p id={previewId} className="segment-preview" role="status">
          {matchCount === undefined
            ? 'Counting rows…'
            : problem
              ? `Complete the conditions to see the count. ${problem}`
              : `${matchCount} of ${rows?.length ?? 0} ${rows?.length === 1 ? 'row matches' : 'rows match'} today.`}
        </p>
        {error ? (
          <p role="alert" className="notice notice-error">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          {segment ? (
            confirmingDelete ? (
              <>
                <span>Delete “{segment.name}”?</span>
                <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
                  Yes, delete segment
                </button>
                <button type="button" onClick={() => setConfirmingDelete(false)}>
                  Keep it
                </button>
              </>
            ) : (
              <button type="button" onClick={() => setConfirmingDelete(true)}>
                Delete segment
              </button>
            )
          ) : null}
          <span className="toolbar-gap" />
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy} aria-describedby={previewId}>
            Save segment
          </button>
        </div>
      </form>
    </Dialog>
  );
}
