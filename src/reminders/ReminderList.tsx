import { format } from 'date-fns';
import { useId, useState } from 'react';

import { describeError, reportError, showNotice } from '../app/notices';
import { deleteReminder, markReminderDone, reopenReminder, snoozeReminder, type ReminderItem } from '../db/reminders';
import { isRuleCheckIn } from './checkInRules';
import { dateFnsLocale } from '../fields/dateLocale';
import { joinDateTime, localDateTimeToInstant, toLocalDate } from './localTime';
import { dispatchOpenRequest } from './navigation';
import { snoozeUntil, type SnoozeChoice } from './schedule';

interface ItemProps {
  item: ReminderItem;
  locale: string;
  reminderTime: string;
}

/** Formats a local due time in the workbook's locale, e.g. "4 Dec 2026, 09:00" in en-GB. */
export function formatDue(due: string, locale: string): string {
  return format(localDateTimeToInstant(due), 'PPp', { locale: dateFnsLocale(locale) });
}

function run(action: () => Promise<unknown>, failure: string): void {
  action().catch((error: unknown) => reportError(`${failure}: ${describeError(error)}`, error));
}

const SNOOZE_CHOICES: [SnoozeChoice, string][] = [
  ['hour', '1 hour'],
  ['tomorrow', 'Tomorrow'],
  ['nextWeek', 'Next week'],
];

function SnoozeMenu({ item, reminderTime, onDone }: ItemProps & { onDone: () => void }) {
  const [date, setDate] = useState('');
  const id = item.reminder.id;
  const snooze = (until: string) => {
    run(async () => {
      await snoozeReminder(id, until, new Date());
      onDone();
    }, 'Could not snooze the reminder');
  };

  return (
    <div className="snooze-menu" role="group" aria-label="Snooze until">
      {SNOOZE_CHOICES.map(([choice, label]) => (
        <button key={choice} type="button" onClick={() => snooze(snoozeUntil(choice, new Date(), reminderTime))}>
          {label}
        </button>
      ))}
      <input
        type="date"
        aria-label="Snooze until date"
        min={toLocalDate(new Date())}
        value={date}
        onChange={(event) => setDate(event.target.value)}
      />
      <button
        type="button"
        disabled={!date}
        onClick={() => snooze(joinDateTime(date, item.reminder.time ?? reminderTime))}
      >
        Snooze to date
      </button>
    </div>
  );
}

function ReminderRow({ item, locale, reminderTime }: ItemProps) {
  const [snoozing, setSnoozing] = useState(false);
  const snoozeMenuId = useId();
  const { reminder } = item;

  const openRow = () => {
    if (reminder.sheetId && reminder.rowId) {
      dispatchOpenRequest({ kind: 'row', sheetId: reminder.sheetId, rowId: reminder.rowId });
    }
  };

  const markDone = () =>
    run(async () => {
      const next = await markReminderDone(reminder.id, new Date());
      if (next.kind === 'checkIn') showNotice(`Next check-in: ${formatDue(next.due, locale)}.`);
    }, 'Could not mark the reminder done');

  let duePrefix = '';
  if (reminder.state === 'snoozed') duePrefix = 'Snoozed until ';
  if (reminder.state === 'done') duePrefix = 'Was due ';

  return (
    <li className="reminder-item" data-reminder-id={reminder.id}>
      <div className="reminder-text">
        {item.name ? (
          <button type="button" className="reminder-name" onClick={openRow} title="Open this row in its sheet">
            {item.name}
          </button>
        ) : null}
        <span className="reminder-label">{item.label}</span>
        <span className="reminder-due">
          {duePrefix}
          <time dateTime={reminder.due}>{formatDue(reminder.due, locale)}</time>
        </span>
      </div>
      <div className="reminder-actions">
        {reminder.state !== 'done' ? (
          <button type="button" onClick={markDone}>
            Done
          </button>
        ) : null}
        {reminder.state !== 'done' ? (
          <button
            type="button"
            aria-expanded={snoozing}
            aria-controls={snoozeMenuId}
            onClick={() => setSnoozing((open) => !open)}
          >
            Snooze
          </button>
        ) : null}
        {reminder.state !== 'open' ? (
          <button
            type="button"
            onClick={() => run(() => reopenReminder(reminder.id, new Date()), 'Could not reopen the reminder')}
          >
            Reopen
          </button>
        ) : null}
        {reminder.kind !== 'followUp' && !isRuleCheckIn(reminder) ? (
          <button type="button" onClick={() => run(() => deleteReminder(reminder.id), 'Could not delete the reminder')}>
            Delete
          </button>
        ) : null}
      </div>
      {snoozing ? (
        <div id={snoozeMenuId}>
          <SnoozeMenu item={item} locale={locale} reminderTime={reminderTime} onDone={() => setSnoozing(false)} />
        </div>
      ) : null}
    </li>
  );
}

interface ListProps {
  title: string;
  items: ReminderItem[];
  locale: string;
  reminderTime: string;
  /** Shown when the group is empty; a group without it is hidden when empty. */
  empty?: string;
}

/** One group of the Reminders page, such as Overdue, with its heading and count. */
export function ReminderList({ title, items, locale, reminderTime, empty }: ListProps) {
  const headingId = useId();
  if (!items.length && !empty) return null;

  return (
    <section className="reminder-group" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="reminder-count">({items.length})</span>
      </h2>
      {items.length ? (
        <ul className="reminder-list" aria-labelledby={headingId}>
          {items.map((item) => (
            <ReminderRow key={item.reminder.id} item={item} locale={locale} reminderTime={reminderTime} />
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
}
