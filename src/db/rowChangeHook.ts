// The seam between row writes and automation rules. The rule engine loads
// after the first render, so the write functions cannot import it. The app
// registers a loader here instead. addRows, editCells and pasteCells load the
// hook before their transaction opens and call it inside, so every effect of
// a rule commits or rolls back together with the change that triggered it.

import type { Transaction } from 'dexie';

import { getDatabase } from './connection';
import type { ReminderChange, RowChange } from './history';

/** Rows a write added (before null) or edited, as the write left them. A paste has both. */
export interface RowChangeEvent {
  kind: 'addRows' | 'editCells';
  sheetId: string;
  changes: RowChange[];
}

export interface RowChangeEffects {
  /** Every row change of the write, the triggering ones included, one per row: its first before and last after. */
  rowChanges: RowChange[];
  reminderChanges: ReminderChange[];
  /** Runs after the transaction committed, to show what the rules did. */
  afterCommit?: () => void;
}

export interface RowChangeHook {
  /** Names of the tables the hook reads and writes, added to the triggering transaction. */
  tables: string[];
  /** Runs inside the triggering transaction, after the write stored its rows. A throw rolls the write back. */
  run(transaction: Transaction, event: RowChangeEvent): Promise<RowChangeEffects>;
  /** Called after a run threw and the transaction rolled back, to log the failure outside it. */
  afterFailure?(error: unknown): Promise<void>;
}

type HookLoader = () => Promise<RowChangeHook>;

let loader: HookLoader | null = null;
let loading: Promise<RowChangeHook> | null = null;

/** Registers the loader of the hook, or removes it with null. */
export function setRowChangeHook(load: HookLoader | null): void {
  loader = load;
  loading = null;
}

/** Loads the registered hook once and returns it, or null when none is registered. */
export async function loadRowChangeHook(): Promise<RowChangeHook | null> {
  if (!loader) return null;
  loading ??= loader();
  try {
    return await loading;
  } catch (error) {
    // A failed load is tried again on the next write rather than remembered.
    loading = null;
    throw new Error(`Could not load the automation rules, so nothing was saved. Reload the page and try again.`, {
      cause: error,
    });
  }
}

export type ApplyRules = (event: RowChangeEvent) => Promise<RowChangeEffects>;

/**
 * Runs `body` in one read-write transaction over `tables` plus the tables
 * of the hook. `body` writes its rows, then passes them to `applyRules`,
 * which runs the rules in the same transaction and returns every change to
 * record in history. Without a hook, `applyRules` returns the changes as given.
 */
export async function transactWithRules<T>(
  tables: string[],
  body: (transaction: Transaction, applyRules: ApplyRules) => Promise<T>,
): Promise<T> {
  const hook = await loadRowChangeHook();
  const database = getDatabase();
  const scope = [...new Set([...tables, ...(hook?.tables ?? [])])];
  const afterCommit: (() => void)[] = [];

  let result: T;
  try {
    // Dexie 4 keeps a transaction open across native awaits only when the scope function is an async function.
    result = await database.transaction('rw', scope, async (transaction) =>
      body(transaction, async (event) => {
        if (!hook) return { rowChanges: event.changes, reminderChanges: [] };
        const effects = await hook.run(transaction, event);
        if (effects.afterCommit) afterCommit.push(effects.afterCommit);
        return effects;
      }),
    );
  } catch (error) {
    await hook?.afterFailure?.(error).catch((logError: unknown) => {
      console.error('Could not log the failed automation rule', logError);
    });
    throw error;
  }
  afterCommit.forEach((callback) => callback());
  return result;
}
