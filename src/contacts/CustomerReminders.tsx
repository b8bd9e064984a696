import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';

import { describeError, reportError, showNotice } from '../app/notices';
import type { RecurrenceUnit } from '../db/records';
import { addReminder, getReminderSettings, listReminderItems } from '../db/reminders';
import { addToDate, toLocalDate } from '../reminders/localTime';
import { formatDue } from '../reminders/ReminderList';

interface Props {
  sheetId: string;
  rowId: string;
  locale: string;
}

type Repeat = 'once' | RecurrenceUnit;

const STATE_LABELS = { open: '', snoozed: ' (snoozed)', done: ' (done)' } as const;

/** Lists the reminders of one customer and adds a one-off reminder or a recurring check-in. */
export function CustomerReminders({ sheetId, rowId, locale }: Props) {
  const items = useLiveQuery(
    () => listReminderItems().then((all) => all.filter((item) => item.reminder.rowId === rowId)),
    [rowId],
  );
  const reminderTime = useLiveQuery(() => getReminderSettings().then((settings) => settings.reminderTime));
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(() => addToDate(toLocalDate(new Date()), 1, 'days'));
  const [time, setTime] = useState('');
  const [repeat, setRepeat] = useState<Repeat>('once');
  const [every, setEvery] = useState('30');
  const headingId = useId();
  const formId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const now = new Date();
      if (repeat === 'once') {
        await addReminder({ title, date, time: time || reminderTime, sheetId, rowId }, now);
      } else {
        await addReminder({ title, sheetId, rowId, recurrence: { every: Number(every), unit: repeat } }, now);
      }
      setTitle('');
      showNotice(repeat === 'once' ? 'Reminder added.' : 'Check-in added.');
    } catch (error) {
      reportError(`Could not add the reminder: ${describeError(error)}`, error);
    }
  };

  return (
    <section className="customer-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Reminders</h3>
      {items?.length ? (
        <ul className="customer-reminders">
          {items.map(({ reminder, label }) => (
            <li key={reminder.id}>
              {label}: <time dateTime={reminder.due}>{formatDue(reminder.due, locale)}</time>
              {STATE_LABELS[reminder.state]}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No reminders for this customer.</p>
      )}
      <form className="reminder-form" aria-label="Add a reminder" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={`${formId}-title`}>Remind me to</label>
          <input id={`${formId}-title`} value={title} onChange={(event) => setTitle(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${formId}-repeat`}>Repeat</label>
          <select id={`${formId}-repeat`} value={repeat} onChange={(event) => setRepeat(event.target.value as Repeat)}>
            <option value="once">Once</option>
            <option value="days">Check in every few days after last contact</option>
            <option value="weeks">Check in every few weeks after last contact</option>
            <option value="months">Check in every few months after last contact</option>
          </select>
        </div>
        {repeat === 'once' ? (
          <div className="log-form-row">
            <div className="field">
              <label htmlFor={`${formId}-date`}>Day</label>
              <input
                id={`${formId}-date`}
                type="date"
                required
                value={date}
                onChange={(event) => setDate(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${formId}-time`}>Time</label>
              <input
                id={`${formId}-time`}
                type="time"
                value={time || (reminderTime ?? '')}
                onChange={(event) => setTime(event.target.value)}
              />
            </div>
          </div>
        ) : (
          <div className="field">
            <label htmlFor={`${formId}-every`}>Every how many {repeat}</label>
            <input
              id={`${formId}-every`}
              type="number"
              min={1}
              required
              value={every}
              onChange={(event) => setEvery(event.target.value)}
            />
          </div>
        )}
        <button type="submit">Add reminder</button>
      </form>
    </section>
  );
}
