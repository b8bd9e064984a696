import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { LocalDateTime } from '../db/records';
import { LOCK_NAME, MAX_TIMER_DELAY_MS, startReminderScheduler, type ReminderScheduler } from './scheduler';

const HOUR_MS = 60 * 60 * 1000;

/** Stands in for the due-time liveQuery: the test sets the earliest pending due time. */
class NextDueStore {
  private due: LocalDateTime | undefined;
  private listener: ((due: LocalDateTime | undefined) => void) | undefined;

  constructor(due?: LocalDateTime) {
    this.due = due;
  }

  set(due: LocalDateTime | undefined): void {
    this.due = due;
    this.listener?.(due);
  }

  watch = (listener: (due: LocalDateTime | undefined) => void): (() => void) => {
    this.listener = listener;
    listener(this.due);
    return () => {
      this.listener = undefined;
    };
  };
}

/** An exclusive lock manager with the queueing and abort behaviour of navigator.locks. */
class FakeLocks {
  private held = false;
  private readonly waiting: (() => void)[] = [];
  readonly requested: string[] = [];

  request(name: string, options: LockOptions, callback: LockGrantedCallback<unknown>): Promise<unknown> {
    this.requested.push(name);
    return new Promise((resolve, reject) => {
      const grant = () => {
        this.held = true;
        Promise.resolve(callback({ name, mode: 'exclusive' }))
          .then(resolve, reject)
          .finally(() => {
            this.held = false;
            this.waiting.shift()?.();
          });
      };
      options.signal?.addEventListener('abort', () => {
        const index = this.waiting.indexOf(grant);
        if (index === -1) return;
        this.waiting.splice(index, 1);
        reject(new DOMException('The request was aborted.', 'AbortError'));
      });
      if (this.held) this.waiting.push(grant);
      else grant();
    });
  }
}

const originalZone = process.env.TZ;
const schedulers: ReminderScheduler[] = [];

beforeEach(() => {
  process.env.TZ = 'Europe/London';
  vi.useFakeTimers();
});

afterEach(() => {
  schedulers.splice(0).forEach((scheduler) => scheduler.stop());
  vi.useRealTimers();
  process.env.TZ = originalZone;
});

function start(store: NextDueStore, check: (now: Date) => Promise<unknown>, extra = {}): ReminderScheduler {
  const scheduler = startReminderScheduler({ now: () => new Date(), check, watchNextDue: store.watch, ...extra });
  schedulers.push(scheduler);
  return scheduler;
}

/** A check that claims the due reminder, as fireDueReminders does, so nothing is pending afterwards. */
function claimingCheck(store: NextDueStore) {
  return vi.fn(async (_now: Date) => {
    store.set(undefined);
  });
}

describe('startReminderScheduler', () => {
  it('fires a 09:00 reminder at 09:00 local across spring forward', async () => {
    vi.setSystemTime(new Date('2027-03-27T10:00:00Z'));
    const store = new NextDueStore('2027-03-28T09:00');
    const check = claimingCheck(store);
    start(store, check);

    await vi.advanceTimersByTimeAsync(22 * HOUR_MS - 1);
    expect(check).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(1);
    // 09:00 BST on 28 March is 08:00 UTC.
    expect(check.mock.calls[0]![0].toISOString()).toBe('2027-03-28T08:00:00.000Z');
  });

  it('fires a 09:00 reminder at 09:00 local across fall back', async () => {
    vi.setSystemTime(new Date('2027-10-30T10:00:00Z'));
    const store = new NextDueStore('2027-10-31T09:00');
    const check = claimingCheck(store);
    start(store, check);

    // From 11:00 BST on Saturday to 09:00 GMT on Sunday is 23 hours.
    await vi.advanceTimersByTimeAsync(23 * HOUR_MS - 1);
    expect(check).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(1);
    expect(check.mock.calls[0]![0].toISOString()).toBe('2027-10-31T09:00:00.000Z');
  });

  it('checks at once for a reminder missed while closed', async () => {
    vi.setSystemTime(new Date('2027-05-10T12:00:00Z'));
    const store = new NextDueStore('2027-05-09T09:00');
    const check = claimingCheck(store);
    start(store, check);
    await vi.advanceTimersByTimeAsync(0);

    expect(check).toHaveBeenCalledTimes(1);
  });

  it('arms for a reminder added while running', async () => {
    vi.setSystemTime(new Date('2027-05-10T12:00:00Z'));
    const store = new NextDueStore(undefined);
    const check = claimingCheck(store);
    start(store, check);
    await vi.advanceTimersByTimeAsync(10 * MAX_TIMER_DELAY_MS);
    expect(check).not.toHaveBeenCalled();

    // 13:05 BST is 12:05 UTC, five minutes after the start and 25 seconds from now.
    vi.setSystemTime(new Date('2027-05-10T12:04:35Z'));
    store.set('2027-05-10T13:05');
    await vi.advanceTimersByTimeAsync(24_999);
    expect(check).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('notices a clock jump within a minute', async () => {
    vi.setSystemTime(new Date('2027-05-10T08:00:00Z'));
    const store = new NextDueStore('2027-05-10T12:00');
    const check = claimingCheck(store);
    start(store, check);

    // The laptop sleeps: the clock jumps past the due time while no timer runs.
    vi.setSystemTime(new Date('2027-05-10T11:30:00Z'));
    await vi.advanceTimersByTimeAsync(MAX_TIMER_DELAY_MS);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('checks at once on focus and visibilitychange', async () => {
    vi.setSystemTime(new Date('2027-05-10T08:00:00Z'));
    const store = new NextDueStore('2027-05-10T12:00');
    const check = claimingCheck(store);
    const focusTarget = new EventTarget();
    const visibilityTarget = new EventTarget();
    start(store, check, { focusTarget, visibilityTarget });

    vi.setSystemTime(new Date('2027-05-10T11:30:00Z'));
    focusTarget.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(1);

    store.set('2027-05-10T13:00');
    vi.setSystemTime(new Date('2027-05-10T12:30:00Z'));
    visibilityTarget.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('retries an unclaimed due time once a minute, not in a loop', async () => {
    vi.setSystemTime(new Date('2027-05-10T12:00:30Z'));
    const store = new NextDueStore('2027-05-10T12:00');
    const check = vi.fn(async () => undefined);
    start(store, check);

    await vi.advanceTimersByTimeAsync(MAX_TIMER_DELAY_MS - 1);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('goes on after a failed check', async () => {
    vi.setSystemTime(new Date('2027-05-10T12:00:30Z'));
    const store = new NextDueStore('2027-05-10T12:00');
    const onError = vi.fn();
    const check = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined);
    start(store, check, { onError });

    await vi.advanceTimersByTimeAsync(MAX_TIMER_DELAY_MS);
    expect(onError).toHaveBeenCalledWith(new Error('disk full'));
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('lets only the lock holder check and lead', async () => {
    vi.setSystemTime(new Date('2027-05-10T12:00:00Z'));
    const locks = new FakeLocks();
    const store = new NextDueStore('2027-05-10T12:30');
    const firstCheck = claimingCheck(store);
    const secondCheck = claimingCheck(store);
    const firstLead = vi.fn(() => () => undefined);
    const secondLead = vi.fn(() => () => undefined);
    const first = start(store, firstCheck, { locks, whileLeader: firstLead });
    const second = start(new NextDueStore('2027-05-10T12:30'), secondCheck, { locks, whileLeader: secondLead });
    await vi.advanceTimersByTimeAsync(0);

    expect(locks.requested).toEqual([LOCK_NAME, LOCK_NAME]);
    expect(first.isLeader()).toBe(true);
    expect(second.isLeader()).toBe(false);
    expect(firstLead).toHaveBeenCalledTimes(1);
    expect(secondLead).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(HOUR_MS);
    expect(firstCheck).toHaveBeenCalledTimes(1);
    expect(secondCheck).not.toHaveBeenCalled();
  });

  it('hands the lead to the next tab when the leader stops', async () => {
    vi.setSystemTime(new Date('2027-05-10T12:00:00Z'));
    const locks = new FakeLocks();
    const secondStore = new NextDueStore('2027-05-10T11:00');
    const secondCheck = claimingCheck(secondStore);
    const first = start(new NextDueStore(undefined), claimingCheck(new NextDueStore()), { locks });
    const second = start(secondStore, secondCheck, { locks });
    await vi.advanceTimersByTimeAsync(0);
    expect(secondCheck).not.toHaveBeenCalled();

    first.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(second.isLeader()).toBe(true);
    expect(secondCheck).toHaveBeenCalledTimes(1);
  });

  it('withdraws a waiting lock request on stop', async () => {
    const locks = new FakeLocks();
    const leader = start(new NextDueStore(), vi.fn(), { locks });
    const onError = vi.fn();
    const waiting = start(new NextDueStore(), vi.fn(), { locks, onError });
    waiting.stop();
    leader.stop();
    await vi.advanceTimersByTimeAsync(0);

    expect(waiting.isLeader()).toBe(false);
    expect(onError).not.toHaveBeenCalled();
  });
});
