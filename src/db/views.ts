import { getDatabase } from './connection';
import { nowTimestamp } from './ids';
import type { ViewColumn, ViewRecord, ViewSort } from './records';

export async function getDefaultView(sheetId: string): Promise<ViewRecord | undefined> {
  const views = await getDatabase().views.where('sheetId').equals(sheetId).toArray();
  return views.find((view) => view.isDefault) ?? views[0];
}

export interface ViewLayout {
  columns?: ViewColumn[];
  sorts?: ViewSort[];
  filters?: Record<string, unknown>;
}

/** Saves the column order and widths, sorts and filters the user set. */
export async function saveViewLayout(viewId: string, layout: ViewLayout): Promise<void> {
  await getDatabase().views.update(viewId, { ...layout, updatedAt: nowTimestamp() });
}
