// Link cells store row ids; this builds the lookup that turns them into the
// names of the linked rows, and names typed into a link cell back into ids.
// It follows the linked sheets live, so a renamed company shows at once.

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';

import { getDatabase, type RowRecord, type SheetRecord } from '../db';
import { formatCell, isEmptyCell } from '../fields/registry';
import type { FieldContext, FieldDef, LinkLookup } from '../fields/types';

interface LinkedSheet {
  sheet: SheetRecord;
  rows: RowRecord[];
}

/** Returns the column whose text names a row: the name role, else the first text column. */
export function nameFieldOf(sheet: SheetRecord): FieldDef | undefined {
  return (
    sheet.fields.find((field) => field.role === 'name') ??
    sheet.fields.find((field) => field.type === 'text') ??
    sheet.fields[0]
  );
}

export async function loadLinkedSheets(sheetIds: string[]): Promise<LinkedSheet[]> {
  const database = getDatabase();
  const linked: LinkedSheet[] = [];
  for (const sheetId of sheetIds) {
    const sheet = await database.sheets.get(sheetId);
    if (!sheet) continue;
    const rows = await database.rows.where('[sheetId+deleted]').equals([sheetId, 0]).toArray();
    linked.push({ sheet, rows });
  }
  return linked;
}

export function buildLinkLookup(linked: LinkedSheet[], settings: FieldContext): LinkLookup {
  const namesById = new Map<string, Map<string, string>>();
  const idsByName = new Map<string, Map<string, string>>();

  for (const { sheet, rows } of linked) {
    const nameField = nameFieldOf(sheet);
    const names = new Map<string, string>();
    const ids = new Map<string, string>();
    for (const row of rows) {
      const value = nameField ? row.values[nameField.id] : undefined;
      const name = nameField && !isEmptyCell(value) ? formatCell(value ?? null, nameField, settings) : '';
      if (!name) continue;
      names.set(row.id, name);
      // When two rows share a name, a typed name links to the first of them.
      if (!ids.has(name.toLowerCase())) ids.set(name.toLowerCase(), row.id);
    }
    namesById.set(sheet.id, names);
    idsByName.set(sheet.id, ids);
  }

  return {
    rowName: (sheetId, rowId) => namesById.get(sheetId)?.get(rowId),
    findRowId: (sheetId, name) => idsByName.get(sheetId)?.get(name.trim().toLowerCase()),
  };
}

/** Returns the names of a linked sheet's rows, for the link picker. */
export function linkChoices(
  linked: LinkedSheet[] | undefined,
  sheetId: string | undefined,
  settings: FieldContext,
): string[] {
  const entry = linked?.find((each) => each.sheet.id === sheetId);
  if (!entry) return [];
  const lookup = buildLinkLookup([entry], settings);
  return entry.rows.map((row) => lookup.rowName(entry.sheet.id, row.id)).filter((name): name is string => !!name);
}

/** Returns the workbook settings plus a lookup for the sheets this sheet links to. */
export function useLinkedSettings(sheet: SheetRecord, settings: FieldContext) {
  const sheetIds = useMemo(
    () =>
      [
        ...new Set(
          sheet.fields.filter((field) => field.type === 'link').map((field) => field.settings.linkSheetId ?? ''),
        ),
      ].filter(Boolean),
    [sheet.fields],
  );
  const key = sheetIds.join(',');
  // The joined key stands for the id list, so a new array with the same ids does not reload.
  const linked = useLiveQuery(() => loadLinkedSheets(sheetIds), [key]);

  const linkedSettings = useMemo<FieldContext>(
    () => (linked ? { ...settings, links: buildLinkLookup(linked, settings) } : settings),
    [linked, settings],
  );
  return { linkedSettings, linked };
}
