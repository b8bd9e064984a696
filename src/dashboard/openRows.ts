// Click-through from a dashboard figure to the rows behind it. The target
// sheet's default view gets the figure's filters in place of its own filters
// and search, becomes the sheet's active view, and the sheet becomes the
// active tab. The grid reads that view when it is next shown. Saved views
// that the user named keep their filters.

import { requestRowFocus } from '../app/rowFocus';
import { getDefaultView, saveViewLayout, setActiveSheetId, setActiveView } from '../db';
import type { RowsTarget } from './metrics/types';

export async function openRows(target: RowsTarget): Promise<void> {
  const view = await getDefaultView(target.sheetId);
  if (view) {
    await saveViewLayout(view.id, {
      filters: target.filters,
      search: '',
      ...(target.sorts ? { sorts: target.sorts } : {}),
    });
    await setActiveView(target.sheetId, view.id);
  }
  // A single row is opened with no filters, so it cannot be filtered out of sight.
  if (target.rowId) requestRowFocus(target.sheetId, target.rowId);
  await setActiveSheetId(target.sheetId);
}
