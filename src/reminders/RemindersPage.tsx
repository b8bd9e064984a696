import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { describeError, reportError } from '../app/notices';
import {
  deleteCheckInRule,
  getReminderSettings,
  listCheckInRuleItems,
  listReminderItems,
  saveReminderSettings,
} from '../db/reminders';
import { downloadTextFile } from '../export/download';
import type { FieldContext } from '../fields/types';
import { AddReminderForm } from './AddReminderForm';
import { buildCalendar, calendarFileName } from './ics';
import { isTimeOfDay } from './localTime';
import { notificationPermission, requestNotificationPermission, type PermissionState } from './notifications';
import { ReminderList } from './ReminderList';
import { GROUP_TITLES, groupReminders, type ReminderGroup } from './schedule';
import './reminders.css';

/** How often the page regroups reminders as time passes, in milliseconds. */
const REGROUP_INTERVAL_MS = 30_000;

/** Done reminders shown at most, most recently done first. */
const MAX_DONE_SHOWN = 20;

const GROUP_ORDER: ReminderGroup[] = ['overdue', 'today', 'thisWeek', 'later'];

function NotificationStatus() {
  const [permission, setPermission] = useState<PermissionState>(notificationPermission);

  if (permission === 'granted') return null;
  if (permission === 'unsupported') {
    return <p className="muted">This browser cannot show notifications. Reminders appear on this page.</p>;
  }
  if (permission === 'denied') {
    return (
      <p className="muted">
        Notifications are blocked for Kindling in this browser&apos;s site settings. Reminders still appear on this page
        and on the Reminders button.
      </p>
    );
  }
  return (
    <p className="muted">
      Kindling can notify you when a reminder comes due, even while this tab is in the background.{' '}
      <button
        type="button"
        onClick={() => {
          requestNotificationPermission()
            .then(setPermission)
            .catch((error: unknown) => reportError('Could not ask for notification permission.', error));
        }}
      >
        Turn on notifications
      </button>
    </p>
  );
}

function describeInterval({ every, unit }: { every: number; unit: string }): string {
  return every === 1 ? unit.slice(0, -1) : `${every} ${unit}`;
}

/** Lists the check-in rules set on tags, each with a Delete button. */
function CheckInRuleList() {
  const items = useLiveQuery(() => listCheckInRuleItems());
  if (!items?.length) return null;

  return (
    <section className="reminder-group" aria-labelledby="check-in-rules-heading">
      <h2 id="check-in-rules-heading">Check-ins by tag</h2>
      <ul>
        {items.map(({ rule, sheetName, tagLabel, checkIns }) => (
          <li key={rule.id}>
            Every {describeInterval(rule.recurrence)} since the last contact, for rows of{' '}
            {sheetName || 'a deleted sheet'} tagged {tagLabel || 'a removed tag'} ({checkIns}{' '}
            {checkIns === 1 ? 'check-in' : 'check-ins'}){' '}
            <button
              type="button"
              onClick={() => {
                deleteCheckInRule(rule.id, new Date()).catch((error: unknown) =>
                  reportError(`Could not delete the check-in rule: ${describeError(error)}`, error),
                );
              }}
            >
              Delete rule
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Shows follow-ups and reminders grouped by when they are due, with Done, Snooze and Reopen. */
export function RemindersPage({ settings }: { settings: FieldContext }) {
  // The clock is read with the reminders, so a reminder that was just notified is grouped as due.
  const loaded = useLiveQuery(async () => ({ items: await listReminderItems(), readAt: new Date() }));
  const reminderSettings = useLiveQuery(() => getReminderSettings());
  const [tick, setTick] = useState<Date | null>(null);
  const [adding, setAdding] = useState(false);
  const [timeText, setTimeText] = useState<string | null>(null);

  useEffect(() => {
    const timer = setInterval(() => setTick(new Date()), REGROUP_INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);

  if (!loaded || !reminderSettings) return <p className="loading">Loading reminders…</p>;

  const { items, readAt } = loaded;
  const now = tick && tick > readAt ? tick : readAt;
  const { reminderTime } = reminderSettings;
  const groups = groupReminders(items, now);
  const done = items
    .filter((item) => item.reminder.state === 'done')
    .sort((a, b) => (b.reminder.doneAt ?? '').localeCompare(a.reminder.doneAt ?? ''))
    .slice(0, MAX_DONE_SHOWN);

  const saveTime = (value: string) => {
    setTimeText(value);
    if (!isTimeOfDay(value)) return;
    saveReminderSettings({ reminderTime: value })
      .then(() => setTimeText(null))
      .catch((error: unknown) => reportError(`Could not save the reminder time: ${describeError(error)}`, error));
  };

  const exportCalendar = () => {
    const exportedAt = new Date();
    downloadTextFile(buildCalendar(items, exportedAt), calendarFileName(exportedAt), 'text/calendar;charset=utf-8');
  };

  return (
    <section className="reminders" aria-labelledby="reminders-heading">
      <h1 id="reminders-heading">Reminders</h1>
      <p>
        Follow-ups come from the follow-up date columns of your sheets. Notifications appear only while your browser is
        running.
      </p>
      <NotificationStatus />
      <div className="reminders-toolbar">
        <label className="field-inline">
          Follow-up reminder time
          <input
            type="time"
            required
            value={timeText ?? reminderTime}
            onChange={(event) => saveTime(event.target.value)}
          />
        </label>
        <button type="button" onClick={exportCalendar}>
          Export to calendar
        </button>
        <button type="button" className="primary" aria-expanded={adding} onClick={() => setAdding((open) => !open)}>
          Add a reminder
        </button>
      </div>
      {adding ? <AddReminderForm reminderTime={reminderTime} onClose={() => setAdding(false)} /> : null}
      {GROUP_ORDER.map((group) => (
        <ReminderList
          key={group}
          title={GROUP_TITLES[group]}
          items={groups[group]}
          locale={settings.locale}
          reminderTime={reminderTime}
          {...(group === 'overdue' ? { empty: 'Nothing is overdue.' } : {})}
        />
      ))}
      {items.length === 0 ? (
        <p className="muted">No reminders yet. Fill in a follow-up date in a sheet, or add a reminder here.</p>
      ) : null}
      <ReminderList title="Done" items={done} locale={settings.locale} reminderTime={reminderTime} />
      <CheckInRuleList />
    </section>
  );
}
