// Starts reminders in a tab: the scheduler with its leader election,
// reconciliation in the leader, and the periodic background sync where the
// browser grants one. The app loads this module after its first render, so
// none of it weighs on the first load.

import { liveQuery } from 'dexie';

import { getDatabase } from '../db/connection';
import { nextPendingDue } from '../db/reminders';
import { countOverdueReminders } from './overdue';
import { listenForOpenRequests, PERIODIC_SYNC_TAG, type OpenRequest } from './navigation';
import { checkDueReminders } from './notifications';
import { startReminderScheduler } from './scheduler';
import { startReminderSync } from './sync';

/** How often the overdue count is read again as time passes, in milliseconds. */
const RECOUNT_INTERVAL_MS = 30_000;

/** Minimum interval between periodic checks requested from the browser, in milliseconds. */
const PERIODIC_CHECK_INTERVAL_MS = 60 * 60 * 1000;

interface PeriodicSyncManager {
  register(tag: string, options: { minInterval: number }): Promise<void>;
}

/**
 * Registers the periodic check when the browser grants the permission,
 * which Chromium does only for an installed app. Elsewhere reminders fire
 * while a Kindling tab is open.
 */
async function registerPeriodicCheck(): Promise<void> {
  if (!('serviceWorker' in navigator) || !navigator.permissions) return;
  const registration = await navigator.serviceWorker.getRegistration();
  const periodicSync = (
    registration as (ServiceWorkerRegistration & { periodicSync?: PeriodicSyncManager }) | undefined
  )?.periodicSync;
  if (!periodicSync) return;

  const status = await navigator.permissions.query({ name: 'periodic-background-sync' as PermissionName });
  if (status.state === 'granted')
    await periodicSync.register(PERIODIC_SYNC_TAG, { minInterval: PERIODIC_CHECK_INTERVAL_MS });
}

function showAppBadge(count: number): void {
  if (!('setAppBadge' in navigator)) return;
  const update = count > 0 ? navigator.setAppBadge(count) : navigator.clearAppBadge();
  update.catch((error: unknown) => console.error('Could not update the app badge', error));
}

/**
 * Calls `listener` with the number of overdue reminders now and whenever it
 * changes, through a data change or the passing of time, and shows it on the
 * app icon where navigator.setAppBadge exists. Returns a stop function.
 */
function watchOverdueCount(listener: (count: number) => void, now: () => Date): () => void {
  let last: number | undefined;
  const emit = (count: number) => {
    if (count === last) return;
    last = count;
    listener(count);
    showAppBadge(count);
  };
  const onError = (error: unknown) => console.error('Counting overdue reminders failed', error);

  const subscription = liveQuery(() => countOverdueReminders(now())).subscribe({ next: emit, error: onError });
  const timer = setInterval(() => {
    countOverdueReminders(now()).then(emit, onError);
  }, RECOUNT_INTERVAL_MS);
  return () => {
    subscription.unsubscribe();
    clearInterval(timer);
  };
}

/** Callbacks through which reminders reach the app outside the Reminders page. */
export interface ReminderHandlers {
  /** Opens a reminder's row or the Reminders page, for a notification click, the URL hash or the page. */
  onOpenRequest: (request: OpenRequest) => void;
  /** Receives the number of overdue reminders for the badge on the "Reminders" button. */
  onOverdueCount: (count: number) => void;
}

/** Starts reminders in this tab and returns a function that stops them. */
export function startReminders(handlers: ReminderHandlers, now = () => new Date()): () => void {
  const stopListening = listenForOpenRequests(handlers.onOpenRequest);
  const stopCounting = watchOverdueCount(handlers.onOverdueCount, now);
  const database = getDatabase();
  const scheduler = startReminderScheduler({
    now,
    check: (at) => checkDueReminders(database, at),
    watchNextDue: (listener) => {
      const subscription = liveQuery(() => nextPendingDue(database)).subscribe({
        next: listener,
        error: (error: unknown) => console.error('Reading the next due reminder failed', error),
      });
      return () => subscription.unsubscribe();
    },
    whileLeader: () => startReminderSync(database, (error) => console.error('Updating reminders failed', error), now),
    locks: navigator.locks,
    focusTarget: window,
    visibilityTarget: document,
    onError: (error) => console.error('Checking due reminders failed', error),
  });

  registerPeriodicCheck().catch((error: unknown) => console.error('Periodic reminder check not registered', error));
  return () => {
    stopListening();
    stopCounting();
    scheduler.stop();
  };
}
