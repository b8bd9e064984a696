// Where a reminder belongs on the Reminders page, and when each snooze
// choice ends. Both depend on the clock, which callers pass in.

import type { LocalDateTime, ReminderRecord } from '../db/records';
import { priorityRank } from '../fields/priority';
import { addToDate, datePart, joinDateTime, toLocalDate, toLocalDateTime } from './localTime';

export type ReminderGroup = 'overdue' | 'today' | 'thisWeek' | 'later';

export const GROUP_TITLES: Record<ReminderGroup, string> = {
  overdue: 'Overdue',
  today: 'Today',
  thisWeek: 'This week',
  later: 'Later',
};

/**
 * Returns the group of a reminder that is not done. Overdue means due now or
 * earlier, today at a passed time included. This week is the six days after
 * today, not the calendar week, so it never depends on which day a week starts.
 */
export function groupOf(reminder: Pick<ReminderRecord, 'due'>, now: Date): ReminderGroup {
  if (reminder.due <= toLocalDateTime(now)) return 'overdue';
  const today = toLocalDate(now);
  const day = datePart(reminder.due);
  if (day === today) return 'today';
  return day < addToDate(today, 7, 'days') ? 'thisWeek' : 'later';
}

/**
 * Sorts reminders that are not done into groups, each ordered by the
 * priority of their row (High, Medium, Low, then none) and then by due time.
 */
export function groupReminders<T extends { reminder: ReminderRecord; priority?: string }>(
  items: T[],
  now: Date,
): Record<ReminderGroup, T[]> {
  const groups: Record<ReminderGroup, T[]> = { overdue: [], today: [], thisWeek: [], later: [] };
  const pending = items.filter((item) => item.reminder.state !== 'done');
  pending.sort(
    (a, b) => priorityRank(a.priority) - priorityRank(b.priority) || a.reminder.due.localeCompare(b.reminder.due),
  );
  for (const item of pending) groups[groupOf(item.reminder, now)].push(item);
  return groups;
}

export type SnoozeChoice = 'hour' | 'tomorrow' | 'nextWeek';

/**
 * Returns when a snooze ends. One hour is an hour of real time, so across a
 * daylight-saving change the clock shows a different hour. Tomorrow and next
 * week end at the reminder time on that day.
 */
export function snoozeUntil(choice: SnoozeChoice, now: Date, reminderTime: string): LocalDateTime {
  if (choice === 'hour') return toLocalDateTime(new Date(now.getTime() + 60 * 60 * 1000));
  const days = choice === 'tomorrow' ? 1 : 7;
  return joinDateTime(addToDate(toLocalDate(now), days, 'days'), reminderTime);
}
