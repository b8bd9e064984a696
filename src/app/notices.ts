// User-visible messages. A real failure goes to console.error with its cause
// and to a notice on screen that states what failed and what to do.

import { useSyncExternalStore } from 'react';

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
  /** A button shown with the notice; pressing it runs the action and dismisses the notice. */
  action?: NoticeAction;
}

let notices: Notice[] = [];
let nextNoticeId = 1;
const listeners = new Set<() => void>();

function publish(next: Notice[]): void {
  notices = next;
  listeners.forEach((listener) => listener());
}

/** How long an information notice stays; errors stay until dismissed. */
const INFO_NOTICE_MS = 8000;

/** At most this many notices show at once; older ones give way. */
const MAX_NOTICES = 3;

/** Shows a notice. One with an action stays until dismissed, so there is time to use its button. */
export function showNotice(text: string, kind: Notice['kind'] = 'info', action?: NoticeAction): void {
  const notice: Notice = { id: nextNoticeId++, kind, text, ...(action ? { action } : {}) };
  publish([...notices, notice].slice(-MAX_NOTICES));
  if (kind === 'info' && !action) setTimeout(() => dismissNotice(notice.id), INFO_NOTICE_MS);
}

/** Logs a failure with its cause and shows the user a plain message. */
export function reportError(text: string, cause?: unknown): void {
  console.error(text, cause);
  showNotice(text, 'error');
}

export function dismissNotice(id: number): void {
  publish(notices.filter((notice) => notice.id !== id));
}

export function useNotices(): Notice[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => notices,
  );
}

/** Message for a write that IndexedDB rejected because the origin's storage quota is used up. */
export const QUOTA_EXCEEDED_MESSAGE =
  'The browser has no storage space left for Kindling, so nothing was saved. ' +
  'Free disk space, or export old sheets to CSV and delete them, then try again.';

/**
 * True when the error or an error it wraps is a QuotaExceededError. Dexie
 * reports a transaction aborted by a full disk as an AbortError whose `inner`
 * error is the QuotaExceededError.
 */
function isQuotaExceeded(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current.name === 'QuotaExceededError' || current.message.includes('QuotaExceeded')) return true;
    const wrapper = current as Error & { inner?: unknown };
    current = wrapper.inner ?? wrapper.cause;
  }
  return false;
}

/** Turns an error thrown by the database or a parser into a sentence. */
export function describeError(error: unknown): string {
  if (isQuotaExceeded(error)) return QUOTA_EXCEEDED_MESSAGE;
  if (error instanceof Error) return error.message;
  return String(error);
}
