// User-visible messages. A real failure goes to console.error with its cause
// and to a notice on screen that states what failed and what to do.

import { useSyncExternalStore } from 'react';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
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

export function showNotice(text: string, kind: Notice['kind'] = 'info'): void {
  const notice = { id: nextNoticeId++, kind, text };
  publish([...notices, notice].slice(-MAX_NOTICES));
  if (kind === 'info') setTimeout(() => dismissNotice(notice.id), INFO_NOTICE_MS);
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

/** Turns an error thrown by the database or a parser into a sentence. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'QuotaExceededError' || error.message.includes('QuotaExceeded')) {
      return 'The browser has no more storage space for Kindling. Free some disk space or delete old data, then try again.';
    }
    return error.message;
  }
  return String(error);
}
