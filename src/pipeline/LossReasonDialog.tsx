import { useState } from 'react';

import { Dialog } from '../app/Dialog';
import type { CellValue, FieldDef } from '../fields/types';

interface Props {
  cardName: string;
  stageLabel: string;
  /** The loss or churn reason column: a single select, or a text or long text column. */
  reasonField: FieldDef;
  onSubmit: (reason: CellValue) => void;
  onCancel: () => void;
}

/** Asks why a deal was lost before its card moves to a lost stage. Cancel leaves the card where it was. */
export function LossReasonDialog({ cardName, stageLabel, reasonField, onSubmit, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const options = reasonField.type === 'select' ? (reasonField.settings.options ?? []) : null;

  return (
    <Dialog title={`Move ${cardName} to ${stageLabel}`} onClose={onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(reason.trim() === '' ? null : reason.trim());
        }}
      >
        <label className="field">
          {reasonField.name}
          {options ? (
            <select value={reason} onChange={(event) => setReason(event.target.value)}>
              <option value="">No reason given</option>
              {options.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </select>
          ) : (
            <textarea rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
          )}
        </label>
        <p className="muted">The reason is saved in the {reasonField.name} column of this row.</p>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Move to {stageLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
