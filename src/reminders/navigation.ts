// A notification click opens the app at a reminder's row, or at the
// Reminders page for a reminder attached to nothing or for a summary. The
// service worker posts the request to an open tab, or opens a new tab with
// the request in the URL hash. This module reads both for the app.

import type { ReminderNotificationData } from './fire';

/** Type of the message the service worker posts to a tab when a notification is clicked. */
export const OPEN_MESSAGE = 'OPEN_REMINDER';
/** Message the page posts to the service worker to check due reminders, with the page's clock. */
export const CHECK_MESSAGE = 'CHECK_REMINDERS';
/** Reply of the service worker on the message channel of a check. */
export const CHECKED_MESSAGE = 'REMINDERS_CHECKED';

/** Tag of the periodic background sync that checks reminders where the browser grants one. */
export const PERIODIC_SYNC_TAG = 'kindling-reminders';

export type OpenRequest = { kind: 'row'; sheetId: string; rowId: string } | { kind: 'reminders' };

/** Returns the URL hash that opens what a notification points at: '#open=row&sheet=…&row=…' or '#open=reminders'. */
export function openRequestHash(data: ReminderNotificationData | null | undefined): string {
  if (data?.sheetId && data.rowId) {
    return `#${new URLSearchParams({ open: 'row', sheet: data.sheetId, row: data.rowId }).toString()}`;
  }
  return '#open=reminders';
}

/** Reads an open request from a URL hash or a service worker message; anything else gives null. */
export function readOpenRequest(source: string | ReminderNotificationData | null | undefined): OpenRequest | null {
  if (typeof source === 'string') {
    const params = new URLSearchParams(source.replace(/^#/, ''));
    const open = params.get('open');
    const sheetId = params.get('sheet');
    const rowId = params.get('row');
    if (open === 'row' && sheetId && rowId) return { kind: 'row', sheetId, rowId };
    return open === 'reminders' ? { kind: 'reminders' } : null;
  }
  if (!source) return null;
  return source.sheetId && source.rowId
    ? { kind: 'row', sheetId: source.sheetId, rowId: source.rowId }
    : { kind: 'reminders' };
}

const listeners = new Set<(request: OpenRequest) => void>();

/** Passes an open request to the app, as a click on a notification the page showed itself does. */
export function dispatchOpenRequest(request: OpenRequest): void {
  listeners.forEach((listener) => listener(request));
}

/**
 * Calls `listener` for the open request in the page's URL hash, once, and
 * for every one the service worker posts or the page dispatches. The hash is
 * removed after it is read, so a reload does not open the row again.
 * Returns an unsubscribe function.
 */
export function listenForOpenRequests(listener: (request: OpenRequest) => void): () => void {
  listeners.add(listener);
  const fromHash = readOpenRequest(window.location.hash);
  if (fromHash) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    queueMicrotask(() => listener(fromHash));
  }

  const onMessage = (event: MessageEvent) => {
    const data = event.data as ({ type?: string } & ReminderNotificationData) | null;
    if (data?.type !== OPEN_MESSAGE) return;
    const request = readOpenRequest(data);
    if (request) listener(request);
  };
  const worker = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  worker?.addEventListener('message', onMessage);
  return () => {
    listeners.delete(listener);
    worker?.removeEventListener('message', onMessage);
  };
}
