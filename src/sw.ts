// The service worker: precaches the whole build so that after one visit the
// app loads with no network, and activates a new version only when the page
// asks (the update banner), so an open tab never switches code mid-edit. It
// also notifies due reminders (see the end of this file).

/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

import type { ReminderNotificationData } from './reminders/fire';
import { CHECKED_MESSAGE, PERIODIC_SYNC_TAG } from './reminders/navigation';
import { checkRemindersInWorker, checkTime, isCheckRequest, openFromNotification } from './reminders/worker';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every navigation gets the cached app shell, so a reload offline works.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// Reminders. The worker checks for due ones when it activates, when a page
// requests a check (the page's scheduler sends its clock along), and on a periodic
// background sync where the browser grants one, which Chromium does only for
// an installed app. A check in the worker and one in a tab never notify the
// same reminder twice: see claimDueReminders in src/db/reminders.ts.

/** The periodic background sync event, which TypeScript's worker types do not include yet. */
interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string;
}

function checkReminders(now: Date): Promise<number> {
  return checkRemindersInWorker(self, now).catch((error: unknown) => {
    console.error('Checking due reminders failed', error);
    return 0;
  });
}

self.addEventListener('activate', (event) => {
  event.waitUntil(checkReminders(new Date()));
});

self.addEventListener('message', (event) => {
  if (!isCheckRequest(event.data)) return;
  const reply = event.ports[0];
  event.waitUntil(
    checkReminders(checkTime(event.data)).then((notified) => reply?.postMessage({ type: CHECKED_MESSAGE, notified })),
  );
});

self.addEventListener('periodicsync', (event) => {
  const sync = event as PeriodicSyncEvent;
  if (sync.tag === PERIODIC_SYNC_TAG) sync.waitUntil(checkReminders(new Date()));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = (event.notification.data ?? null) as ReminderNotificationData | null;
  event.waitUntil(
    openFromNotification(self, data).catch((error: unknown) => console.error('Could not open Kindling', error)),
  );
});
