import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { describeError, reportError } from '../app/notices';
import type { RowRecord } from '../db';
import type { ActivityLog } from '../db/conversations';
import { logConversation } from '../db/conversations';
import { formatCell } from '../fields/registry';
import type { FieldContext } from '../fields/types';
import { localDateTimeToInstant, toLocalDateTime } from '../reminders/localTime';

/** A conversation to log that the panel fills in, such as after the user clicked an email link. */
export interface LogPrefill {
  type: string;
  at: Date;
}

interface Props {
  sheetId: string;
  rowId: string;
  types: string[];
  log: ActivityLog | undefined;
  entries: RowRecord[];
  ctx: FieldContext;
  prefill: LogPrefill | null;
}

/** Renders the form that logs a conversation and the customer's log, newest first. */
export function ConversationLog({ sheetId, rowId, types, log, entries, ctx, prefill }: Props) {
  const [type, setType] = useState(types[0] ?? '');
  const [when, setWhen] = useState(() => toLocalDateTime(new Date()));
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const formId = useId();

  // A touchpoint fills in its type and time and puts the cursor in the notes.
  useEffect(() => {
    if (!prefill) return;
    setType(prefill.type);
    setWhen(toLocalDateTime(prefill.at));
    notesRef.current?.focus();
  }, [prefill]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const at = localDateTimeToInstant(when);
      const logged = await logConversation({ sheetId, rowId, type, at, notes }, types);
      setNotes('');
      setWhen(toLocalDateTime(new Date()));
      setMessage(
        `Logged ${type.toLowerCase()}.${logged.lastContactedChanged ? ' Last contacted is now this conversation.' : ''}`,
      );
    } catch (error) {
      reportError(`Could not log the conversation: ${describeError(error)}`, error);
    } finally {
      setBusy(false);
    }
  };

  const choices = types.includes(type) || !type ? types : [...types, type];
  return (
    <section className="customer-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Conversations</h3>
      <form className="log-form" onSubmit={(event) => void submit(event)} aria-label="Log a conversation">
        <div className="log-form-row">
          <div className="field">
            <label htmlFor={`${formId}-type`}>Type</label>
            <select id={`${formId}-type`} value={type} onChange={(event) => setType(event.target.value)}>
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${formId}-when`}>When</label>
            <input
              id={`${formId}-when`}
              type="datetime-local"
              required
              value={when}
              onChange={(event) => setWhen(event.target.value)}
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-notes`}>What was said</label>
          <textarea
            id={`${formId}-notes`}
            ref={notesRef}
            rows={3}
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
          />
        </div>
        {/* Not disabled while saving: a disabled button drops the focus to the page, out of the panel. */}
        <button type="submit" className="primary" disabled={!type}>
          Log conversation
        </button>
        <p role="status" className="log-status">
          {message}
        </p>
      </form>
      {entries.length && log ? (
        <ol className="log-entries" aria-label="Logged conversations, newest first">
          {entries.map((entry) => {
            const date = formatCell(entry.values[log.dateField.id], log.dateField, ctx);
            const label = formatCell(entry.values[log.typeField.id], log.typeField, ctx) || 'Conversation';
            const text = log.notesField ? formatCell(entry.values[log.notesField.id], log.notesField, ctx) : '';
            return (
              <li key={entry.id}>
                <p className="log-entry-head">
                  <strong>{label}</strong> <span>{date}</span>
                </p>
                {text ? <p className="log-entry-text">{text}</p> : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">No conversations logged yet.</p>
      )}
    </section>
  );
}
