// Per-person data rights (GDPR articles 15, 17 and 20): export everything
// Kindling stores about one customer, and erase it for good.
//
// What belongs to a person: their row (in or out of the trash), the rows of
// conversation logs that link only to them, their reminders, and the parts
// of history entries that snapshot those rows. Rows of other sheets that link
// to them (a deal, a sale, a conversation with several people) keep their own
// data and lose only the link.
//
// A conversation log here is a sheet whose contact-role column links to the
// person's sheet and that has no deal-value column. A sheet with a deal value
// is a sales record (Opportunities, Sales, Jobs) whose amounts the business
// may have to keep, so its rows lose the link instead.
//
// NOTE: free text is not searched. A person's name typed into another row's
// notes, a reminder title of another row, or a saved filter stays; the
// confirmation dialog says so.

import { formatCell } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef } from '../fields/types';
import { contactFromRow, writeVCards } from '../vcard/write';
import { getDatabase } from './connection';
import { nowTimestamp } from './ids';
import type { HistoryRecord, ReminderRecord, RowRecord, RuleRecord, RuleRunRecord, SheetRecord } from './records';
import { getWorkbookSettings } from './settings';

export const PERSON_DATA_FORMAT = 'kindling-person-data';

/** Name shown for a person whose name cell is empty. */
const UNNAMED_PERSON = 'Unnamed row';

/** One cell of an exported row: the column, its stored value, and the text Kindling shows for it. */
export interface ExportedCell {
  column: string;
  type: FieldDef['type'];
  value: CellValue;
  text: string;
}

export interface ExportedRow {
  id: string;
  sheet: string;
  inTrash: boolean;
  createdAt: string;
  updatedAt: string;
  cells: ExportedCell[];
}

/** The part of one history entry that concerns the person: their row before and after one change. */
export interface ExportedChange {
  at: string;
  kind: HistoryRecord['kind'];
  rowId: string;
  before: ExportedRow | null;
  after: ExportedRow | null;
}

export interface PersonData {
  format: typeof PERSON_DATA_FORMAT;
  formatVersion: 1;
  exportedAt: string;
  name: string;
  person: ExportedRow;
  /** Rows of other sheets that link to the person: conversations, deals, sales. */
  linkedRows: ExportedRow[];
  reminders: ReminderRecord[];
  history: ExportedChange[];
  /** The person as a vCard 4.0 card, for an address book. */
  vCard: string;
}

/** Counts of the records an erasure removes or changes, for the confirmation message. */
export interface ErasureCounts {
  name: string;
  /** Conversation rows linked only to the person, erased with them. */
  conversations: number;
  /** Rows of other sheets that keep their data and lose the link. */
  unlinkedRows: number;
  reminders: number;
  /** History entries changed or removed because they contained the erased rows. */
  historyEntries: number;
}

// ---------------------------------------------------------------------------
// Finding what belongs to a person
// ---------------------------------------------------------------------------

function allFields(sheet: SheetRecord): FieldDef[] {
  return [...sheet.fields, ...(sheet.deletedFields ?? [])];
}

function linkFieldsTo(sheet: SheetRecord, targetSheetId: string): FieldDef[] {
  return allFields(sheet).filter((field) => field.type === 'link' && field.settings.linkSheetId === targetSheetId);
}

export function isConversationLog(sheet: SheetRecord, personSheetId: string): boolean {
  const contact = sheet.fields.find((field) => field.role === 'contact');
  return (
    contact?.type === 'link' &&
    contact.settings.linkSheetId === personSheetId &&
    !sheet.fields.some((field) => field.role === 'dealValue')
  );
}

function linkedIds(value: CellValue | undefined): string[] {
  return Array.isArray(value) ? value : [];
}

/** Returns the row's name: its name-role cell, else its first text cell. */
function personName(sheet: SheetRecord, row: RowRecord): string {
  const field =
    sheet.fields.find((candidate) => candidate.role === 'name') ??
    sheet.fields.find((candidate) => candidate.type === 'text');
  const value = field ? row.values[field.id] : undefined;
  return typeof value === 'string' && value.trim() ? value.trim() : UNNAMED_PERSON;
}

interface PersonFootprint {
  sheet: SheetRecord;
  person: RowRecord;
  sheets: SheetRecord[];
  /** Conversation rows that link only to the person. */
  conversations: RowRecord[];
  /** Other rows that link to the person among other things. */
  linking: RowRecord[];
}

/** Loads the person and every row that links to them, in or out of the trash. Runs inside the caller's transaction. */
async function loadFootprint(sheetId: string, rowId: string): Promise<PersonFootprint> {
  const database = getDatabase();
  const person = await database.rows.get(rowId);
  const sheets = await database.sheets.toArray();
  const sheet = sheets.find((candidate) => candidate.id === sheetId);
  if (!person || person.sheetId !== sheetId || !sheet) {
    throw new Error('This person is no longer in the workbook. Close the panel and look them up again.');
  }

  const conversations: RowRecord[] = [];
  const linking: RowRecord[] = [];
  for (const other of sheets) {
    const fields = linkFieldsTo(other, sheetId);
    if (!fields.length) continue;

    const rows = await database.rows.where('[sheetId+deleted]').anyOf([other.id, 0], [other.id, 1]).toArray();
    for (const row of rows) {
      if (row.id === rowId) continue;
      const targets = new Set(fields.flatMap((field) => linkedIds(row.values[field.id])));
      if (!targets.has(rowId)) continue;
      if (isConversationLog(other, sheetId) && targets.size === 1) conversations.push(row);
      else linking.push(row);
    }
  }
  return { sheet, person, sheets, conversations, linking };
}

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

function exportRow(
  row: RowRecord,
  sheets: SheetRecord[],
  ctx: FieldContext,
  exportedIds: Set<string>,
): ExportedRow | null {
  const sheet = sheets.find((candidate) => candidate.id === row.sheetId);
  if (!sheet) return null;

  const cells: ExportedCell[] = [];
  for (const field of sheet.fields) {
    const value = row.values[field.id];
    if (value === undefined || value === null) continue;
    // Links to rows outside this export are shown by count only, so the file names no other person.
    const text =
      field.type === 'link'
        ? linkedIds(value)
            .map((id) => (exportedIds.has(id) ? id : 'another row'))
            .join('; ')
        : formatCell(value, field, ctx);
    cells.push({ column: field.name, type: field.type, value, text });
  }
  return {
    id: row.id,
    sheet: sheet.name,
    inTrash: row.deleted === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    cells,
  };
}

function isRowSnapshot(value: unknown): value is RowRecord {
  return typeof value === 'object' && value !== null && typeof (value as RowRecord).id === 'string';
}

/** Returns everything Kindling stores about one person, ready to save as JSON. */
export async function exportPersonData(sheetId: string, rowId: string): Promise<PersonData> {
  const database = getDatabase();
  const ctx = await getWorkbookSettings();

  return database.transaction('r', [database.sheets, database.rows, database.reminders, database.history], async () => {
    const { sheet, person, sheets, conversations, linking } = await loadFootprint(sheetId, rowId);
    const linked = [...conversations, ...linking];
    const exportedIds = new Set([rowId, ...linked.map((row) => row.id)]);
    const conversationIds = new Set(conversations.map((row) => row.id));

    const reminders = await database.reminders
      .where('rowId')
      .anyOf([rowId, ...conversationIds])
      .toArray();

    const history: ExportedChange[] = [];
    await database.history.orderBy('at').each((entry) => {
      entry.rowIds.forEach((id, index) => {
        if (id !== rowId && !conversationIds.has(id)) return;
        const snapshot = (value: unknown) => (isRowSnapshot(value) ? exportRow(value, sheets, ctx, exportedIds) : null);
        history.push({
          at: entry.at,
          kind: entry.kind,
          rowId: id,
          before: snapshot(entry.before[index]),
          after: snapshot(entry.after[index]),
        });
      });
    });

    return {
      format: PERSON_DATA_FORMAT,
      formatVersion: 1,
      exportedAt: nowTimestamp(),
      name: personName(sheet, person),
      person: exportRow(person, sheets, ctx, exportedIds)!,
      linkedRows: linked.flatMap((row) => exportRow(row, sheets, ctx, exportedIds) ?? []),
      reminders,
      history,
      vCard: writeVCards([contactFromRow(sheet, person, ctx)]),
    };
  });
}

// ---------------------------------------------------------------------------
// Erasure
// ---------------------------------------------------------------------------

/**
 * Removes the erased row ids from every list value of a row's cells; other
 * values stay as they are. Row ids are random UUIDs, so only link cells can
 * contain them.
 */
function withoutLinks(row: RowRecord, erased: Set<string>): RowRecord {
  const values: RowRecord['values'] = {};
  for (const [fieldId, value] of Object.entries(row.values)) {
    if (Array.isArray(value) && value.some((id) => erased.has(id))) {
      const remaining = value.filter((id) => !erased.has(id));
      if (remaining.length) values[fieldId] = remaining;
    } else {
      values[fieldId] = value;
    }
  }
  return { ...row, values };
}

function mentions(row: unknown, erased: Set<string>): boolean {
  return (
    isRowSnapshot(row) &&
    Object.values(row.values ?? {}).some((value) => Array.isArray(value) && value.some((id) => erased.has(id)))
  );
}

/**
 * Returns the history entry without the erased rows' snapshots and with
 * links to them removed from the other snapshots. Returns null when nothing
 * of the entry remains, and the entry itself when it does not concern the
 * erased rows.
 */
function scrubHistoryEntry(entry: HistoryRecord, erased: Set<string>): HistoryRecord | null {
  const touches =
    entry.rowIds.some((id) => erased.has(id)) ||
    entry.before.some((row) => mentions(row, erased)) ||
    entry.after.some((row) => mentions(row, erased));
  if (!touches) return entry;

  const keep = entry.rowIds.map((id) => !erased.has(id));
  const scrub = (row: unknown) => (isRowSnapshot(row) ? withoutLinks(row, erased) : row);
  const scrubbed: HistoryRecord = {
    ...entry,
    rowIds: entry.rowIds.filter((_, index) => keep[index]),
    before: entry.before.filter((_, index) => keep[index]).map(scrub),
    after: entry.after.filter((_, index) => keep[index]).map(scrub),
  };
  const hasOtherContent =
    scrubbed.rowIds.length > 0 || entry.sheetBefore !== undefined || entry.sheetAfter !== undefined || entry.importId;
  return hasOtherContent ? scrubbed : null;
}

/** Counts what erasing the person would remove, for the confirmation dialog. Changes nothing. */
export async function previewErasure(sheetId: string, rowId: string): Promise<ErasureCounts> {
  const database = getDatabase();
  return database.transaction('r', [database.sheets, database.rows, database.reminders, database.history], async () => {
    const footprint = await loadFootprint(sheetId, rowId);
    const erased = new Set([rowId, ...footprint.conversations.map((row) => row.id)]);
    const reminders = await database.reminders
      .where('rowId')
      .anyOf([...erased])
      .count();
    let historyEntries = 0;
    await database.history.each((entry) => {
      if (scrubHistoryEntry(entry, erased) !== entry) historyEntries += 1;
    });
    return {
      name: personName(footprint.sheet, footprint.person),
      conversations: footprint.conversations.length,
      unlinkedRows: footprint.linking.length,
      reminders,
      historyEntries,
    };
  });
}

/**
 * Erases a person for good in ONE transaction, with no undo. It deletes
 * their row (not to the trash), the conversation rows linked only to them
 * and their reminders. It removes links to them from other rows, their
 * snapshots from history, and their ids from the automation run log.
 * Other people's data stays.
 */
export async function erasePerson(sheetId: string, rowId: string): Promise<ErasureCounts> {
  const database = getDatabase();
  const tables = [
    database.sheets,
    database.rows,
    database.reminders,
    database.history,
    database.rules,
    database.ruleRuns,
  ];

  return database.transaction('rw', tables, async () => {
    const footprint = await loadFootprint(sheetId, rowId);
    const erased = new Set([rowId, ...footprint.conversations.map((row) => row.id)]);
    const at = nowTimestamp();

    await database.rows.bulkDelete([...erased]);
    await database.rows.bulkPut(footprint.linking.map((row) => ({ ...withoutLinks(row, erased), updatedAt: at })));

    const reminders = await database.reminders
      .where('rowId')
      .anyOf([...erased])
      .primaryKeys();
    await database.reminders.bulkDelete(reminders);

    let historyEntries = 0;
    const historyUpdates: HistoryRecord[] = [];
    const historyDeletes: string[] = [];
    await database.history.each((entry) => {
      const scrubbed = scrubHistoryEntry(entry, erased);
      if (scrubbed === entry) return;
      historyEntries += 1;
      if (scrubbed) historyUpdates.push(scrubbed);
      else historyDeletes.push(entry.id);
    });
    await database.history.bulkPut(historyUpdates);
    await database.history.bulkDelete(historyDeletes);

    await scrubRuleLogs(erased);

    return {
      name: personName(footprint.sheet, footprint.person),
      conversations: footprint.conversations.length,
      unlinkedRows: footprint.linking.length,
      reminders: reminders.length,
      historyEntries,
    };
  });
}

/** Removes the erased row ids from the automation run log and the rules' last-run lists. */
async function scrubRuleLogs(erased: Set<string>): Promise<void> {
  const database = getDatabase();
  const runs: RuleRunRecord[] = [];
  await database.ruleRuns.each((run) => {
    if (run.rowIds.some((id) => erased.has(id)))
      runs.push({ ...run, rowIds: run.rowIds.filter((id) => !erased.has(id)) });
  });
  await database.ruleRuns.bulkPut(runs);

  const rules: RuleRecord[] = [];
  await database.rules.each((rule) => {
    if (rule.lastRunRowIds?.some((id) => erased.has(id))) {
      rules.push({ ...rule, lastRunRowIds: rule.lastRunRowIds.filter((id) => !erased.has(id)) });
    }
  });
  await database.rules.bulkPut(rules);
}

/** Returns the display name of a person, or undefined when the row no longer exists. */
export async function getPersonName(sheetId: string, rowId: string): Promise<string | undefined> {
  const database = getDatabase();
  const [sheet, row] = await Promise.all([database.sheets.get(sheetId), database.rows.get(rowId)]);
  return sheet && row?.sheetId === sheetId ? personName(sheet, row) : undefined;
}
