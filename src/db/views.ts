import { getDatabase } from './connection';
import { newId, nowTimestamp } from './ids';
import type { ViewColumn, ViewRecord, ViewSort } from './records';

export async function getDefaultView(sheetId: string): Promise<ViewRecord | undefined> {
  const views = await getDatabase().views.where('sheetId').equals(sheetId).toArray();
  return views.find((view) => view.isDefault) ?? views[0];
}

export interface ViewLayout {
  columns?: ViewColumn[];
  sorts?: ViewSort[];
  filters?: Record<string, unknown>;
  search?: string;
}

/** Saves the column order and widths, sorts and filters the user set. */
export async function saveViewLayout(viewId: string, layout: ViewLayout): Promise<void> {
  await getDatabase().views.update(viewId, { ...layout, updatedAt: nowTimestamp() });
}

export async function listViews(sheetId: string): Promise<ViewRecord[]> {
  const views = await getDatabase().views.where('sheetId').equals(sheetId).toArray();
  // The default view comes first, then the saved ones by name.
  return views.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}

/** Saves the current layout under a new name and returns the view's id. */
export async function createView(
  sheetId: string,
  name: string,
  layout: Required<ViewLayout> & { search: string },
): Promise<string> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A view needs a name.');
  const existing = await listViews(sheetId);
  if (existing.some((view) => view.name.toLowerCase() === trimmed.toLowerCase())) {
    throw new Error(`A view named "${trimmed}" already exists. Choose another name.`);
  }

  // The new view takes the search and filters it was saved with. The default view ("All rows")
  // drops them, so it shows every row again instead of keeping the new view's filter.
  const id = newId();
  const database = getDatabase();
  await database.transaction('rw', database.views, async () => {
    await database.views.add({ id, sheetId, name: trimmed, ...layout, isDefault: false, updatedAt: nowTimestamp() });
    const defaultView = existing.find((view) => view.isDefault);
    if (defaultView)
      await database.views.update(defaultView.id, { search: '', filters: {}, updatedAt: nowTimestamp() });
  });
  return id;
}

export async function deleteView(viewId: string): Promise<void> {
  const view = await getDatabase().views.get(viewId);
  // The default view is where a sheet's layout lives when no saved view is chosen.
  if (!view || view.isDefault) return;
  await getDatabase().views.delete(viewId);
}

const activeViewKey = (sheetId: string) => `activeView:${sheetId}`;

export async function getActiveView(sheetId: string): Promise<ViewRecord | undefined> {
  const record = await getDatabase().settings.get(activeViewKey(sheetId));
  const chosen = typeof record?.value === 'string' ? await getDatabase().views.get(record.value) : undefined;
  return chosen ?? getDefaultView(sheetId);
}

export async function setActiveView(sheetId: string, viewId: string): Promise<void> {
  await getDatabase().settings.put({ key: activeViewKey(sheetId), value: viewId });
}
