// "Try on one row": runs a rule on a chosen row without saving anything and
// lists what would change, including what the rules it triggers would do.

import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';

import { Dialog } from '../app/Dialog';
import { describeError } from '../app/notices';
import { listRows } from '../db';
import type { RuleRecord, SheetRecord } from '../db/records';
import { tryRuleOnRow, type RulePreview } from '../db/rules';
import { describeRow } from '../reminders/rowLabel';

interface Props {
  rule: RuleRecord;
  sheet: SheetRecord;
  onClose: () => void;
}

/** Rows offered in the row list; a longer sheet offers its first rows. */
const MAX_ROW_CHOICES = 500;

export function TryRuleDialog({ rule, sheet, onClose }: Props) {
  const rows = useLiveQuery(() => listRows(sheet.id), [sheet.id]);
  const [rowId, setRowId] = useState('');
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const resultId = useId();
  const chosen = rowId || rows?.[0]?.id || '';

  const run = async () => {
    setBusy(true);
    setError('');
    try {
      setPreview(await tryRuleOnRow(rule.id, chosen));
    } catch (failure) {
      setPreview(null);
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Try "${rule.name}"`} onClose={onClose} busy={busy} wide>
      <p>Runs the steps on one row of "{sheet.name}" and shows what would change. Nothing is saved.</p>
      {rows && rows.length === 0 ? <p>"{sheet.name}" has no rows to try the rule on.</p> : null}
      <label className="field">
        Row
        <select
          value={chosen}
          onChange={(event) => {
            setRowId(event.target.value);
            setPreview(null);
          }}
        >
          {(rows ?? []).slice(0, MAX_ROW_CHOICES).map((row, index) => (
            <option key={row.id} value={row.id}>
              {index + 1}. {describeRow(sheet, row).name}
            </option>
          ))}
        </select>
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={busy}>
          Close
        </button>
        <button type="button" className="primary" disabled={busy || !chosen} onClick={() => void run()}>
          Try
        </button>
      </div>
      <div id={resultId} role="status" className="rule-preview">
        {error ? <p className="rule-error">{error}</p> : null}
        {preview ? (
          <>
            {preview.conditionsMatch ? null : (
              <p>This row does not meet the conditions, so the rule would not run on it. If it did:</p>
            )}
            {preview.changes.length ? (
              <ul>
                {preview.changes.map((change, index) => (
                  <li key={index}>{change}</li>
                ))}
              </ul>
            ) : (
              <p>Nothing would change.</p>
            )}
            {preview.error ? <p className="rule-error">{preview.error}</p> : null}
          </>
        ) : null}
      </div>
    </Dialog>
  );
}
