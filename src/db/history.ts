// Undo and redo. Each history entry keeps full snapshots of the rows it
// touched before and after the change, so undo writes back `before` and
// redo writes back `after`, whatever kind of change it was. An import keeps
// only its id instead, since its rows already carry it.

import type { Transaction } from 'dexie';

import { getDatabase } from './connection';
import { newId } from './ids';
import type { HistoryKind, HistoryRecord, ReminderRecord, RowRecord, SheetRecord } from './records';

export interface RowChange {
  before: RowRecord | null;
  after: RowRecord | null;
}

/** A reminder an automation rule added (before null), changed, or deleted (after null). */
export interface ReminderChange {
  before: ReminderRecord | null;
  after: ReminderRecord | null;
}

let lastHistoryTime = 0;

/** Strictly increasing timestamps, so two changes in one millisecond keep their order. */
function nextHistoryTimestamp(): string {
  lastHistoryTime = Math.max(Date.now(), lastHistoryTime + 1);
  return new Date(lastHistoryTime).toISOString();
}

async function discardRedoableEntries(transaction: Transaction, sheetId: string): Promise<void> {
  await transaction
    .table<HistoryRecord, string>('history')
    .where('sheetId')
    .equals(sheetId)
    .filter((entry) => entry.state === 'undone')
    .modify({ state: 'discarded' });
}

/**
 * Adds one applied history entry inside the caller's transaction, so the
 * change and its entry land together, and drops the redo steps it replaces.
 */
async function addEntry(
  transaction: Transaction,
  fields: Pick<HistoryRecord, 'kind' | 'sheetId'> & Partial<HistoryRecord>,
  rowChanges: RowChange[] = [],
  reminderChanges: ReminderChange[] = [],
): Promise<void> {
  await discardRedoableEntries(transaction, fields.sheetId);

  const entry: HistoryRecord = {
    id: newId(),
    at: nextHistoryTimestamp(),
    rowIds: rowChanges.map((change) => (change.after ?? change.before)!.id),
    before: rowChanges.map((change) => change.before),
    after: rowChanges.map((change) => change.after),
    state: 'applied',
    ...fields,
  };
  if (reminderChanges.length) {
    entry.reminderIds = reminderChanges.map((change) => (change.after ?? change.before)!.id);
    entry.remindersBefore = reminderChanges.map((change) => change.before);
    entry.remindersAfter = reminderChanges.map((change) => change.after);
  }
  await transaction.table('history').add(entry);
}

/**
 * Records a change to rows inside the caller's transaction, so both land or
 * neither. Reminder changes are those automation rules made in the same change.
 */
export async function recordRowChanges(
  transaction: Transaction,
  kind: HistoryKind,
  sheetId: string,
  changes: RowChange[],
  reminderChanges: ReminderChange[] = [],
): Promise<void> {
  await addEntry(transaction, { kind, sheetId }, changes, reminderChanges);
}

/** Records a change to a sheet's columns or the sheet itself, with any rows it rewrote. */
export async function recordSheetChange(
  transaction: Transaction,
  kind: 'changeFields' | 'changeSheet',
  sheetBefore: SheetRecord | null,
  sheetAfter: SheetRecord | null,
  rowChanges: RowChange[] = [],
): Promise<void> {
  const sheetId = (sheetAfter ?? sheetBefore)!.id;
  await addEntry(transaction, { kind, sheetId, sheetBefore, sheetAfter }, rowChanges);
}

/**
 * Records an import inside its transaction, so it can be undone as a whole:
 * its added rows by their import id, and the existing rows it updated by
 * their snapshots in `rowChanges`.
 */
export async function recordImport(
  transaction: Transaction,
  sheetId: string,
  importId: string,
  rowChanges: RowChange[] = [],
): Promise<void> {
  await addEntry(transaction, { kind: 'import', sheetId, importId }, rowChanges);
}

async function entriesInState(sheetId: string, state: HistoryRecord['state']) {
  return getDatabase()
    .history.where('sheetId')
    .equals(sheetId)
    .filter((entry) => entry.state === state)
    .sortBy('at');
}

async function applySnapshots(entry: HistoryRecord, direction: 'undo' | 'redo'): Promise<void> {
  const database = getDatabase();

  if (entry.kind === 'import') {
    // An undone import's rows go to the trash with the time of the undo, like rows deleted by hand.
    const at = new Date().toISOString();
    await database.rows
      .where('importId')
      .equals(entry.importId!)
      .modify((row) => {
        row.deleted = direction === 'undo' ? 1 : 0;
        if (direction === 'undo') row.deletedAt = at;
        else delete row.deletedAt;
      });
    // Rows the import updated are put back from their snapshots below.
  }

  if (entry.sheetBefore !== undefined || entry.sheetAfter !== undefined) {
    const sheet = direction === 'undo' ? entry.sheetBefore : entry.sheetAfter;
    if (sheet) await database.sheets.put(sheet);
    else await database.sheets.delete(entry.sheetId);
  }

  const snapshots = direction === 'undo' ? entry.before : entry.after;
  for (const [index, snapshot] of snapshots.entries()) {
    if (snapshot) await database.rows.put(snapshot as RowRecord);
    else await database.rows.delete(entry.rowIds[index]!);
  }

  const reminders = (direction === 'undo' ? entry.remindersBefore : entry.remindersAfter) ?? [];
  for (const [index, snapshot] of reminders.entries()) {
    if (snapshot) await database.reminders.put(snapshot);
    else await database.reminders.delete(entry.reminderIds![index]!);
  }
}

/** Undoes the latest change to a sheet; returns false when there is none. */
export async function undoLastChange(sheetId: string): Promise<boolean> {
  const database = getDatabase();
  return database.transaction(
    'rw',
    [database.rows, database.sheets, database.history, database.reminders],
    async () => {
      const entry = (await entriesInState(sheetId, 'applied')).at(-1);
      if (!entry) return false;

      await applySnapshots(entry, 'undo');
      await database.history.update(entry.id, { state: 'undone' });
      return true;
    },
  );
}

/**
 * Redoes the most recently undone change; returns false when there is none.
 * Undo walks back from the newest entry, so the most recently undone entry
 * is the oldest one still marked undone.
 */
export async function redoLastUndone(sheetId: string): Promise<boolean> {
  const database = getDatabase();
  return database.transaction(
    'rw',
    [database.rows, database.sheets, database.history, database.reminders],
    async () => {
      const entry = (await entriesInState(sheetId, 'undone'))[0];
      if (!entry) return false;

      await applySnapshots(entry, 'redo');
      await database.history.update(entry.id, { state: 'applied' });
      return true;
    },
  );
}
