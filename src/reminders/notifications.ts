// Notifications from the page: permission, and showing a reminder when no
// service worker controls the page (the dev server, or the first visit
// before the worker takes over). Nothing depends on permission: the
// Reminders page and its badge show every reminder either way.

import type { KindlingDatabase } from '../db/schema';
import { fireDueReminders, type ReminderNotificationData } from './fire';
import { CHECK_MESSAGE, CHECKED_MESSAGE, dispatchOpenRequest, readOpenRequest } from './navigation';

export type PermissionState = NotificationPermission | 'unsupported';

/** Time the page waits for the service worker's reply to a check before it checks itself, in milliseconds. */
const WORKER_REPLY_TIMEOUT_MS = 10_000;

export function notificationPermission(): PermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Requests permission to notify, only while the user has not granted or denied it yet. */
export async function requestNotificationPermission(): Promise<PermissionState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  return Notification.requestPermission();
}

/** Shows a notification through the service worker registration, or as a page notification when there is none. */
export async function showFromPage(title: string, options: NotificationOptions): Promise<void> {
  const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
  if (registration?.active) {
    await registration.showNotification(title, options);
    return;
  }
  if (notificationPermission() !== 'granted') return;

  const notification = new Notification(title, options);
  notification.onclick = () => {
    window.focus();
    notification.close();
    const request = readOpenRequest(notification.data as ReminderNotificationData | null);
    if (request) dispatchOpenRequest(request);
  };
}

/** Requests a check at `now` from the controlling service worker. Resolves false when no reply comes in time. */
function askServiceWorker(worker: ServiceWorker, now: Date): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timeout = setTimeout(() => {
      channel.port1.close();
      resolve(false);
    }, WORKER_REPLY_TIMEOUT_MS);
    channel.port1.onmessage = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type !== CHECKED_MESSAGE) return;
      clearTimeout(timeout);
      channel.port1.close();
      resolve(true);
    };
    worker.postMessage({ type: CHECK_MESSAGE, now: now.toISOString() }, [channel.port2]);
  });
}

/**
 * Notifies the reminders due at `now`. The service worker does it when it
 * controls the page, so that notification clicks reach it. Without a
 * controller, or when the worker does not reply, the page does it itself.
 */
export async function checkDueReminders(database: KindlingDatabase, now: Date): Promise<void> {
  const worker = 'serviceWorker' in navigator ? navigator.serviceWorker.controller : null;
  if (worker && (await askServiceWorker(worker, now))) return;
  await fireDueReminders(database, now, showFromPage);
}
