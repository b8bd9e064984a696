import { useEffect, useId, useState, type FormEvent } from 'react';

import { describeError, reportError, showNotice } from '../app/notices';
import {
  addCheckInRule,
  addReminder,
  findRowsByName,
  listTagColumns,
  type RowChoice,
  type TagColumnChoice,
} from '../db/reminders';
import type { RecurrenceUnit } from '../db/records';
import { toLocalDate } from './localTime';
import { notificationPermission, requestNotificationPermission } from './notifications';

interface Props {
  reminderTime: string;
  onClose: () => void;
}

type Repeat = 'once' | 'checkIn';

/** Whom the reminder is for: one customer (or nothing), or every row of a sheet with a tag. */
type Target = 'customer' | 'tag';

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

function TagPicker({
  columns,
  sheetId,
  optionId,
  onChange,
}: {
  columns: TagColumnChoice[];
  sheetId: string;
  optionId: string;
  onChange: (sheetId: string, optionId: string) => void;
}) {
  const sheetSelectId = useId();
  const tagSelectId = useId();
  const column = columns.find((each) => each.sheetId === sheetId);

  if (!columns.length) {
    return <p className="muted">No sheet has a tags column yet. Add a multi-select column with the tags role.</p>;
  }
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={sheetSelectId}>Sheet</label>
        <select
          id={sheetSelectId}
          value={sheetId}
          onChange={(event) => {
            const next = columns.find((each) => each.sheetId === event.target.value);
            onChange(event.target.value, next?.options[0]?.id ?? '');
          }}
        >
          {columns.map((each) => (
            <option key={each.sheetId} value={each.sheetId}>
              {each.sheetName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={tagSelectId}>Tag</label>
        <select id={tagSelectId} required value={optionId} onChange={(event) => onChange(sheetId, event.target.value)}>
          {column?.options.length ? null : <option value="">No tags in {column?.fieldName ?? 'this sheet'}</option>}
          {column?.options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/**
 * Adds a one-off reminder, attached to a customer or to nothing, a recurring
 * check-in on a customer, or a check-in rule for every row with a tag.
 */
export function AddReminderForm({ reminderTime, onClose }: Props) {
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState<Target>('customer');
  const [tagColumns, setTagColumns] = useState<TagColumnChoice[]>([]);
  const [tag, setTag] = useState({ sheetId: '', optionId: '' });
  const [customer, setCustomer] = useState<RowChoice | null>(null);
  const [repeat, setRepeat] = useState<Repeat>('once');
  const [every, setEvery] = useState(2);
  const [unit, setUnit] = useState<RecurrenceUnit>('weeks');
  const [date, setDate] = useState(() => toLocalDate(new Date()));
  const [time, setTime] = useState(reminderTime);
  const [busy, setBusy] = useState(false);
  const repeatId = useId();
  const unitId = useId();
  const targetId = useId();
  const askFirst = notificationPermission() === 'default';
  const recurring = target === 'tag' || repeat === 'checkIn';

  useEffect(() => {
    let current = true;
    listTagColumns()
      .then((columns) => {
        if (!current) return;
        setTagColumns(columns);
        const [first] = columns;
        if (first) setTag({ sheetId: first.sheetId, optionId: first.options[0]?.id ?? '' });
      })
      .catch((error: unknown) => console.error('Listing tags columns failed', error));
    return () => {
      current = false;
    };
  }, []);

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
      if (target === 'tag') {
        await addCheckInRule({ ...tag, title, recurrence: { every, unit } }, new Date());
        showNotice('Check-in added for every row with the tag.');
      } else {
        await addReminder(
          {
            title,
            ...(customer ? { sheetId: customer.sheetId, rowId: customer.rowId } : {}),
            ...(repeat === 'checkIn' ? { recurrence: { every, unit } } : { date, time }),
          },
          new Date(),
        );
        showNotice('Reminder added.');
      }
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
          required={!recurring}
          placeholder={recurring ? 'Check in' : 'Send the quote'}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <div className="field">
        <label htmlFor={targetId}>For</label>
        <select id={targetId} value={target} onChange={(event) => setTarget(event.target.value as Target)}>
          <option value="customer">One customer, or no one</option>
          <option value="tag">Every row with a tag</option>
        </select>
      </div>
      {target === 'tag' ? (
        <TagPicker
          columns={tagColumns}
          sheetId={tag.sheetId}
          optionId={tag.optionId}
          onChange={(sheetId, optionId) => setTag({ sheetId, optionId })}
        />
      ) : (
        <>
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
        </>
      )}
      {target === 'tag' ? <p className="muted">Repeats for each row this long after its last contact.</p> : null}
      {recurring ? (
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
        <button type="submit" className="primary" disabled={busy || (target === 'tag' && !tag.optionId)}>
          Add reminder
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
