// Everything the customer panel shows about one row, read in one pass so the
// panel can follow it with a live query: the row, its conversation log, and
// the rows linked to it in either direction.

import { getDatabase } from './connection';
import { findActivityLog, type ActivityLog } from './conversations';
import type { RowRecord, SheetRecord } from './records';
import type { FieldDef } from '../fields/types';

/** Rows of one sheet that one link column ties to the customer. */
export interface LinkedRows {
  sheet: SheetRecord;
  field: FieldDef;
  rows: RowRecord[];
}

export interface CustomerDetails {
  sheet: SheetRecord;
  row: RowRecord;
  /** The workbook's sheets outside the trash, in tab order. */
  sheets: SheetRecord[];
  /** The activity log of the customer's sheet, undefined until a first conversation creates it. */
  log?: ActivityLog;
  /** The customer's log entries, newest first. */
  entries: RowRecord[];
  /** Rows of other sheets whose link columns point at the customer, such as deals and sales. */
  linkedFrom: LinkedRows[];
  /** Rows the customer's own link columns point at, such as their company. */
  linksTo: LinkedRows[];
}

function linkIds(row: RowRecord, field: FieldDef): string[] {
  const value = row.values[field.id];
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/** Returns when a log entry happened, as a sortable string: its date cell, else when it was added. */
function entryTime(row: RowRecord, log: ActivityLog): string {
  const value = row.values[log.dateField.id];
  if (typeof value !== 'string') return row.createdAt;
  if (log.dateField.type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : row.createdAt;
  const time = Date.parse(value);
  return Number.isNaN(time) ? row.createdAt : new Date(time).toISOString();
}

async function rowsOf(sheetId: string): Promise<RowRecord[]> {
  return getDatabase().rows.where('[sheetId+deleted]').equals([sheetId, 0]).sortBy('position');
}

/** Reads a customer row with its log and linked rows; undefined when the row or its sheet is gone or in the trash. */
export async function readCustomerDetails(sheetId: string, rowId: string): Promise<CustomerDetails | undefined> {
  const database = getDatabase();
  const sheets = (await database.sheets.orderBy('position').toArray()).filter((sheet) => sheet.deleted === 0);
  const sheet = sheets.find((each) => each.id === sheetId);
  const row = await database.rows.get(rowId);
  if (!sheet || !row || row.deleted === 1 || row.sheetId !== sheetId) return undefined;

  const log = findActivityLog(sheets, sheetId);
  let entries: RowRecord[] = [];
  if (log) {
    entries = (await rowsOf(log.sheet.id))
      .filter((entry) => linkIds(entry, log.customerField).includes(rowId))
      .sort((a, b) => entryTime(b, log).localeCompare(entryTime(a, log)));
  }

  const linkedFrom: LinkedRows[] = [];
  for (const other of sheets) {
    if (other.id === log?.sheet.id) continue;
    const fields = other.fields.filter((field) => field.type === 'link' && field.settings.linkSheetId === sheetId);
    if (!fields.length) continue;
    const rows = await rowsOf(other.id);
    for (const field of fields) {
      const linking = rows.filter((each) => each.id !== rowId && linkIds(each, field).includes(rowId));
      if (linking.length) linkedFrom.push({ sheet: other, field, rows: linking });
    }
  }

  const linksTo: LinkedRows[] = [];
  for (const field of sheet.fields) {
    const target = field.type === 'link' ? sheets.find((each) => each.id === field.settings.linkSheetId) : undefined;
    const ids = target ? linkIds(row, field) : [];
    if (!target || !ids.length) continue;
    const rows = (await database.rows.bulkGet(ids)).filter(
      (each): each is RowRecord => each !== undefined && each.deleted === 0 && each.sheetId === target.id,
    );
    if (rows.length) linksTo.push({ sheet: target, field, rows });
  }

  return { sheet, row, sheets, ...(log ? { log } : {}), entries, linkedFrom, linksTo };
}
