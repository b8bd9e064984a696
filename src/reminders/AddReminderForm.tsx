import { useEffect, useId, useState, type FormEvent } from 'react';

import { describeError, reportError, showNotice } from '../app/notices';
import { addReminder, findRowsByName, type RowChoice } from '../db/reminders';
import type { RecurrenceUnit } from '../db/records';
import { toLocalDate } from './localTime';
import { notificationPermission, requestNotificationPermission } from './notifications';

interface Props {
  reminderTime: string;
  onClose: () => void;
}

type Repeat = 'once' | 'checkIn';

/** Rows offered at most while the user types a customer's name. */
const MAX_CHOICES = 8;

/** Explains the browser's permission prompt before it appears, as the first reminder is added. */
export const PERMISSION_REASON =
  'Kindling asks your browser for permission to notify you, so a reminder can alert you when it comes due.';

function CustomerPicker({ chosen, onChoose }: { chosen: RowChoice | null; onChoose: (row: RowChoice | null) => void }) {
  const [text, setText] = useState('');
  const [choices, setChoices] = useState<RowChoice[]>([]);
  const inputId = useId();

  useEffect(() => {
    let current = true;
    findRowsByName(text, MAX_CHOICES)
      .then((found) => current && setChoices(found))
      .catch((error: unknown) => console.error('Searching customers failed', error));
    return () => {
      current = false;
    };
  }, [text]);

  if (chosen) {
    return (
      <p className="chosen-customer">
        Customer: <strong>{chosen.name}</strong> ({chosen.sheetName}){' '}
        <button type="button" onClick={() => onChoose(null)}>
          Change
        </button>
      </p>
    );
  }

  return (
    <div className="field">
      <label htmlFor={inputId}>Customer (optional)</label>
      <input id={inputId} type="search" value={text} onChange={(event) => setText(event.target.value)} />
      {choices.length ? (
        <ul className="customer-choices" aria-label="Matching customers">
          {choices.map((choice) => (
            <li key={choice.rowId}>
              <button type="button" onClick={() => onChoose(choice)}>
                {choice.name} ({choice.sheetName})
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Adds a one-off reminder, attached to a customer or to nothing, or a recurring check-in on a customer. */
export function AddReminderForm({ reminderTime, onClose }: Props) {
  const [title, setTitle] = useState('');
  const [customer, setCustomer] = useState<RowChoice | null>(null);
  const [repeat, setRepeat] = useState<Repeat>('once');
  const [every, setEvery] = useState(2);
  const [unit, setUnit] = useState<RecurrenceUnit>('weeks');
  const [date, setDate] = useState(() => toLocalDate(new Date()));
  const [time, setTime] = useState(reminderTime);
  const [busy, setBusy] = useState(false);
  const repeatId = useId();
  const unitId = useId();
  const askFirst = notificationPermission() === 'default';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    // The browser shows its prompt only during a user action, so the request starts here, on the first reminder
    // added. The reminder is saved without waiting for the decision, which the user may make much later or never.
    if (askFirst) {
      requestNotificationPermission().catch((error: unknown) =>
        console.error('Could not request notification permission', error),
      );
    }
    try {
      await addReminder(
        {
          title,
          ...(customer ? { sheetId: customer.sheetId, rowId: customer.rowId } : {}),
          ...(repeat === 'checkIn' ? { recurrence: { every, unit } } : { date, time }),
        },
        new Date(),
      );
      showNotice('Reminder added.');
      onClose();
    } catch (error) {
      reportError(`Could not add the reminder: ${describeError(error)}`, error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-reminder" aria-label="Add a reminder" onSubmit={(event) => void submit(event)}>
      <label className="field">
        Reminder
        <input
          value={title}
          required={repeat === 'once'}
          placeholder={repeat === 'checkIn' ? 'Check in' : 'Send the quote'}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <CustomerPicker
        chosen={customer}
        onChoose={(choice) => {
          setCustomer(choice);
          // A check-in counts from a customer's last contact, so it needs a customer.
          if (!choice) setRepeat('once');
        }}
      />
      <div className="field">
        <label htmlFor={repeatId}>Repeat</label>
        <select id={repeatId} value={repeat} onChange={(event) => setRepeat(event.target.value as Repeat)}>
          <option value="once">Once</option>
          <option value="checkIn" disabled={!customer}>
            Every few days, weeks or months since the last contact
          </option>
        </select>
      </div>
      {repeat === 'checkIn' ? (
        <div className="field-row">
          <label className="field">
            Every
            <input
              type="number"
              min={1}
              max={999}
              value={every}
              onChange={(event) => setEvery(Number(event.target.value))}
            />
          </label>
          <div className="field">
            <label htmlFor={unitId}>Unit</label>
            <select id={unitId} value={unit} onChange={(event) => setUnit(event.target.value as RecurrenceUnit)}>
              <option value="days">days</option>
              <option value="weeks">weeks</option>
              <option value="months">months</option>
            </select>
          </div>
        </div>
      ) : (
        <div className="field-row">
          <label className="field">
            Day
            <input type="date" required value={date} onChange={(event) => setDate(event.target.value)} />
          </label>
          <label className="field">
            Time
            <input type="time" required value={time} onChange={(event) => setTime(event.target.value)} />
          </label>
        </div>
      )}
      {askFirst ? <p className="muted">{PERMISSION_REASON}</p> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Add reminder
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
