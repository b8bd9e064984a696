// Keeps follow-up and check-in reminders in sync with the data. A Dexie
// liveQuery reads the sources: sheets, the rows of sheets with a follow-up or
// last-contacted column, and the reminder time. It runs again whenever any of
// them changes, in this tab or another, whatever code wrote the change (cell
// edits, pastes, imports, undo, trash, column changes). Each result is
// reconciled into the reminders table.
//
// This is chosen over calling reconciliation inside each write function so
// that no present or future write path can forget it. The cost is that the
// leader tab reads a sheet's rows after each change, as the open grid does.
// The scheduler runs this in the leader tab only.

import { liveQuery } from 'dexie';

import { applyReminderSources, readReminderSources } from '../db/reminders';
import type { KindlingDatabase } from '../db/schema';
import type { ReminderSources } from './reconcile';

/**
 * Subscribes to the reminder sources and reconciles after each change.
 * Runs never overlap: sources that arrive during a run wait, and only the
 * newest is applied. Returns a stop function.
 */
export function startReminderSync(
  database: KindlingDatabase,
  onError: (error: unknown) => void,
  now: () => Date = () => new Date(),
): () => void {
  let pending: ReminderSources | null = null;
  let running = false;
  let stopped = false;

  const drain = async () => {
    running = true;
    while (pending && !stopped) {
      const sources = pending;
      pending = null;
      try {
        await applyReminderSources(sources, now().toISOString(), database);
      } catch (error) {
        onError(error);
      }
    }
    running = false;
  };

  const subscription = liveQuery(() => readReminderSources(database)).subscribe({
    next: (sources) => {
      pending = sources;
      if (!running) void drain();
    },
    error: onError,
  });

  return () => {
    stopped = true;
    subscription.unsubscribe();
  };
}
