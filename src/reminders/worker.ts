// The service worker's part of reminders: check due reminders in IndexedDB
// and notify, and open the app where a clicked notification points. src/sw.ts
// wires these to its events.

/// <reference lib="webworker" />
import { countOverdueReminders } from '../db/reminders';
import { KindlingDatabase } from '../db/schema';
import { fireDueReminders, type ReminderNotificationData } from './fire';
import { CHECK_MESSAGE, OPEN_MESSAGE, openRequestHash } from './navigation';

export interface CheckRequest {
  type: typeof CHECK_MESSAGE;
  /** The page's clock as an ISO instant, so tests can run the check at a chosen time. */
  now?: string;
}

export function isCheckRequest(data: unknown): data is CheckRequest {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === CHECK_MESSAGE;
}

/** Returns the instant a check request names, or the worker's clock when it names none or an invalid one. */
export function checkTime(request: CheckRequest | null): Date {
  const requested = request?.now ? new Date(request.now) : null;
  return requested && !Number.isNaN(requested.getTime()) ? requested : new Date();
}

async function updateAppBadge(navigator: WorkerNavigator, count: number): Promise<void> {
  if (!('setAppBadge' in navigator)) return;
  if (count > 0) await navigator.setAppBadge(count);
  else await navigator.clearAppBadge();
}

/**
 * Notifies every reminder due at `now` that no tab or earlier check has
 * notified, updates the app badge, and returns how many it notified. It
 * opens its own connection and closes it after, so the worker holds no
 * connection that would block a page upgrading the schema between checks.
 */
export async function checkRemindersInWorker(scope: ServiceWorkerGlobalScope, now: Date): Promise<number> {
  const database = new KindlingDatabase();
  try {
    const notified = await fireDueReminders(database, now, (title, options) =>
      scope.registration.showNotification(title, options),
    );
    await updateAppBadge(scope.navigator, await countOverdueReminders(now, database)).catch((error: unknown) =>
      console.error('Could not update the app badge', error),
    );
    return notified;
  } finally {
    database.close();
  }
}

/** Focuses an open Kindling tab and posts it the open request, or opens a new tab at the requested place. */
export async function openFromNotification(
  scope: ServiceWorkerGlobalScope,
  data: ReminderNotificationData | null,
): Promise<void> {
  const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const client = windows.find((each) => each.focused) ?? windows[0];
  if (client) {
    await client.focus();
    client.postMessage({ type: OPEN_MESSAGE, ...data });
    return;
  }
  await scope.clients.openWindow(new URL(openRequestHash(data), scope.registration.scope).href);
}
