// Firing: claim the reminders that are due, then show their notifications.
// The page scheduler and the service worker both call fireDueReminders, and
// the claim transaction makes sure each due time notifies exactly once.

import { claimDueReminders, type ReminderItem } from '../db/reminders';
import type { KindlingDatabase } from '../db/schema';
import { localDateTimeToInstant } from './localTime';

/** Tag of the one notification that lists several reminders due at once. */
export const SUMMARY_TAG = 'kindling-reminders-summary';

/** Names at most this many reminders in a summary notification's text. */
const SUMMARY_NAMES = 5;

/** Target of a notification click: a reminder's row, or the Reminders page when no row is given. */
export interface ReminderNotificationData {
  reminderId?: string;
  sheetId?: string;
  rowId?: string;
}

export interface ReminderNotification {
  title: string;
  options: NotificationOptions & { tag: string; data: ReminderNotificationData };
}

export type ShowNotification = (title: string, options: NotificationOptions) => Promise<void>;

function formatDue(item: ReminderItem): string {
  const instant = localDateTimeToInstant(item.reminder.due);
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(instant);
}

function describe(item: ReminderItem): string {
  return item.name ? `${item.label}: ${item.name}` : item.label;
}

/** Builds one notification per reminder when one is due, and one summary when several are. */
export function buildNotifications(items: ReminderItem[]): ReminderNotification[] {
  const [only] = items;
  if (!only) return [];

  if (items.length === 1) {
    const { reminder } = only;
    const data: ReminderNotificationData = { reminderId: reminder.id };
    if (reminder.sheetId && reminder.rowId) Object.assign(data, { sheetId: reminder.sheetId, rowId: reminder.rowId });
    return [
      {
        title: describe(only),
        options: {
          tag: reminder.id,
          body: [only.phone, `Due ${formatDue(only)}`].filter(Boolean).join(' · '),
          data,
        },
      },
    ];
  }

  const named = items.slice(0, SUMMARY_NAMES).map(describe);
  const more = items.length - named.length;
  return [
    {
      title: `${items.length} reminders are due`,
      options: {
        tag: SUMMARY_TAG,
        body: more > 0 ? `${named.join('\n')}\nand ${more} more` : named.join('\n'),
        data: {},
      },
    },
  ];
}

/**
 * Claims every reminder due at `now` and shows its notification, or one
 * summary for several. Returns how many reminders it claimed. A notification
 * that fails to show (no permission) is logged: the reminder stays claimed,
 * because the Reminders page and its badge, not notifications, are where
 * reminders are kept.
 */
export async function fireDueReminders(database: KindlingDatabase, now: Date, show: ShowNotification): Promise<number> {
  const items = await claimDueReminders(now, database);
  for (const notification of buildNotifications(items)) {
    try {
      await show(notification.title, notification.options);
    } catch (error) {
      console.error(`Could not show the notification "${notification.title}"`, error);
    }
  }
  return items.length;
}
