// The page scheduler. Of all open tabs, the one holding the Web Lock
// 'kindling-reminders' is the leader: it keeps reminders reconciled and arms
// one timer for the next due reminder. The timer never waits more than a
// minute, so a laptop waking from sleep or a changed clock is noticed within
// a minute. Focus and visibilitychange re-arm it at once. When the leader
// tab closes, the browser grants the lock to another tab.

import type { LocalDateTime } from '../db/records';
import { localDateTimeToInstant, toLocalDateTime } from './localTime';

export const LOCK_NAME = 'kindling-reminders';

/** Maximum timer delay before the scheduler reads the clock again, in milliseconds. */
export const MAX_TIMER_DELAY_MS = 60_000;

export interface ReminderSchedulerOptions {
  /** The clock; tests pass a fixed or fake one. */
  now: () => Date;
  /** Notifies the reminders due at `now`. Called by the leader only, never twice at once. */
  check: (now: Date) => Promise<unknown>;
  /** Calls `listener` with the earliest due time not yet notified, now and whenever it changes; returns a stop function. */
  watchNextDue: (listener: (due: LocalDateTime | undefined) => void) => () => void;
  /** Work that runs only in the leader tab, such as reconciliation; returns a stop function. */
  whileLeader?: () => () => void;
  /** The Web Locks API; without it (old browsers, tests) this tab leads on its own. */
  locks?: Pick<LockManager, 'request'> | undefined;
  /** Receives 'focus' events, normally window. */
  focusTarget?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Receives 'visibilitychange' events, normally document. */
  visibilityTarget?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Called when a check fails; the scheduler goes on. */
  onError?: (error: unknown) => void;
}

export interface ReminderScheduler {
  /** Whether this tab holds the lock. */
  isLeader(): boolean;
  /** Stops timers and subscriptions and releases the lock. */
  stop(): void;
}

/** Starts the scheduler; it begins work once this tab becomes the leader. */
export function startReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  let stopped = false;
  let leader = false;
  let nextDue: LocalDateTime | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checking = false;
  /** The due time and clock minute of the last check, so a due time the check could not claim is not retried in a loop. */
  let lastCheck: { due: LocalDateTime; minute: LocalDateTime } | undefined;
  const cleanups: (() => void)[] = [];
  const abort = new AbortController();
  let releaseLock: (() => void) | undefined;

  const runCheck = async (now: Date) => {
    checking = true;
    try {
      await options.check(now);
    } catch (error) {
      options.onError?.(error);
    } finally {
      checking = false;
    }
    arm();
  };

  function arm(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (stopped || !leader || checking || nextDue === undefined) return;

    const now = options.now();
    const minute = toLocalDateTime(now);
    const alreadyTried = lastCheck?.due === nextDue && lastCheck.minute === minute;
    if (nextDue <= minute && !alreadyTried) {
      lastCheck = { due: nextDue, minute };
      void runCheck(now);
      return;
    }

    const untilDue = nextDue <= minute ? MAX_TIMER_DELAY_MS : localDateTimeToInstant(nextDue).getTime() - now.getTime();
    timer = setTimeout(arm, Math.min(Math.max(untilDue, 0), MAX_TIMER_DELAY_MS));
  }

  const onVisibilityChange = () => arm();

  const lead = () => {
    leader = true;
    if (options.whileLeader) cleanups.push(options.whileLeader());
    cleanups.push(
      options.watchNextDue((due) => {
        nextDue = due;
        arm();
      }),
    );
    options.focusTarget?.addEventListener('focus', onVisibilityChange);
    options.visibilityTarget?.addEventListener('visibilitychange', onVisibilityChange);
    cleanups.push(() => {
      options.focusTarget?.removeEventListener('focus', onVisibilityChange);
      options.visibilityTarget?.removeEventListener('visibilitychange', onVisibilityChange);
    });
  };

  if (options.locks) {
    options.locks
      .request(LOCK_NAME, { signal: abort.signal }, () => {
        if (stopped) return undefined;
        lead();
        // The lock is held until this promise settles, which stop() does.
        return new Promise<void>((resolve) => {
          releaseLock = resolve;
        });
      })
      .catch((error: unknown) => {
        if (!stopped) options.onError?.(error);
      });
  } else {
    lead();
  }

  return {
    isLeader: () => leader && !stopped,
    stop() {
      stopped = true;
      leader = false;
      if (timer !== undefined) clearTimeout(timer);
      cleanups.splice(0).forEach((cleanup) => cleanup());
      abort.abort();
      releaseLock?.();
    },
  };
}
