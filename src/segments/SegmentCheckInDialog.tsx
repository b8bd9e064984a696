// "Check in with every row": adds a recurring check-in, counted from each
// row's last contact, to every row the segment has now.

import { useState } from 'react';

import { Dialog } from '../app/Dialog';
import { DialogActions } from '../app/DialogActions';
import { describeError, showNotice } from '../app/notices';
import type { RecurrenceUnit, SegmentRecord } from '../db/records';
import { addSegmentCheckIns } from '../db/segments';
import type { FieldContext } from '../fields/types';
import { MAX_CHECK_IN_INTERVAL } from '../reminders/checkInRules';

interface Props {
  segment: SegmentRecord;
  /** How many rows the segment has now, shown before the user confirms. */
  rowCount: number;
  settings: FieldContext;
  onClose: () => void;
}

/** Renders the dialog that adds a check-in to each row of a segment. */
export function SegmentCheckInDialog({ segment, rowCount, settings, onClose }: Props) {
  const [every, setEvery] = useState(30);
  const [unit, setUnit] = useState<RecurrenceUnit>('days');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      const added = await addSegmentCheckIns(segment.id, { recurrence: { every, unit }, title }, settings);
      showNotice(`Check-in added for ${added} ${added === 1 ? 'row' : 'rows'} of “${segment.name}”. See Reminders.`);
      onClose();
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Check in with every row" onClose={onClose} busy={busy}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p>
          Adds a recurring check-in to each of the {rowCount} {rowCount === 1 ? 'row' : 'rows'} in “{segment.name}” now.
          It comes due this long after each row’s last contact, and again after each time it is marked done. Rows that
          join the segment later get none.
        </p>
        <label className="field">
          What to do (optional)
          <input value={title} placeholder="Check in" onChange={(event) => setTitle(event.target.value)} />
        </label>
        <div className="segment-field-row">
          <label className="field">
            Every
            <input
              type="number"
              min={1}
              max={MAX_CHECK_IN_INTERVAL}
              required
              value={every}
              onChange={(event) => setEvery(Number(event.target.value))}
            />
          </label>
          <label className="field">
            Unit
            <select value={unit} onChange={(event) => setUnit(event.target.value as RecurrenceUnit)}>
              <option value="days">days</option>
              <option value="weeks">weeks</option>
              <option value="months">months</option>
            </select>
          </label>
        </div>
        <DialogActions
          error={error}
          busy={busy}
          onCancel={onClose}
          confirmLabel="Add check-ins"
          confirmDisabled={rowCount === 0}
        />
      </form>
    </Dialog>
  );
}
