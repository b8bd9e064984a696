import type { FieldContext } from '../fields/types';
import { getDatabase } from './connection';

/** Settings a new workbook starts with; the user changes them in Settings. */
export const DEFAULT_WORKBOOK_SETTINGS: FieldContext = {
  locale: 'en-GB',
  currency: 'GBP',
  defaultCountry: 'GB',
  dateOrder: 'dmy',
};

const WORKBOOK_KEY = 'workbook';
const ACTIVE_SHEET_KEY = 'activeSheetId';

export async function getWorkbookSettings(): Promise<FieldContext> {
  const record = await getDatabase().settings.get(WORKBOOK_KEY);
  return { ...DEFAULT_WORKBOOK_SETTINGS, ...(record?.value as Partial<FieldContext> | undefined) };
}

export async function saveWorkbookSettings(changes: Partial<FieldContext>): Promise<void> {
  const current = await getWorkbookSettings();
  await getDatabase().settings.put({ key: WORKBOOK_KEY, value: { ...current, ...changes } });
}

export async function getActiveSheetId(): Promise<string | undefined> {
  const record = await getDatabase().settings.get(ACTIVE_SHEET_KEY);
  return typeof record?.value === 'string' ? record.value : undefined;
}

export async function setActiveSheetId(sheetId: string): Promise<void> {
  await getDatabase().settings.put({ key: ACTIVE_SHEET_KEY, value: sheetId });
}
