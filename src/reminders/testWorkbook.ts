// A client sheet with every column reminders read, shared by the reminder tests.

import { createSheets } from '../db/sheets';
import type { CellValue, FieldDef } from '../fields/types';

export const NAME = 'f-name';
export const PHONE = 'f-phone';
export const LAST_CONTACTED = 'f-last';
export const FOLLOW_UP = 'f-follow';
/** A second follow-up column, of type date and time. */
export const CALL_BACK = 'f-call';

export const CLIENT_FIELDS: FieldDef[] = [
  { id: NAME, name: 'Name', type: 'text', settings: {}, role: 'name' },
  { id: PHONE, name: 'Phone', type: 'phone', settings: {}, role: 'phone' },
  { id: LAST_CONTACTED, name: 'Last contacted', type: 'date', settings: {}, role: 'lastContacted' },
  { id: FOLLOW_UP, name: 'Next follow-up', type: 'date', settings: {}, role: 'followUpDate' },
  { id: CALL_BACK, name: 'Call back', type: 'dateTime', settings: {}, role: 'followUpDate' },
];

/** Creates a "Clients" sheet with the given rows and returns its id and row ids, in order. */
export async function createClientSheet(
  rows: Record<string, CellValue>[],
): Promise<{ sheetId: string; rowIds: string[] }> {
  const rowIds = rows.map((_, index) => `row-${index + 1}`);
  const [sheetId] = await createSheets([{ name: 'Clients', fields: CLIENT_FIELDS, rows, rowIds }]);
  return { sheetId: sheetId!, rowIds };
}
