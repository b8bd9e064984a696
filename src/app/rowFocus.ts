// "Open this row" from a link cell, a reminder, a search match or the board:
// the request names a sheet and a row, the workbook switches to that sheet,
// and its grid scrolls to the row. A request stays until a grid showing that
// row takes it, so it survives the sheet view mounting late or twice.

let pending: { sheetId: string; rowId: string } | null = null;
const listeners = new Set<() => void>();
let version = 0;

export function requestRowFocus(sheetId: string, rowId: string): void {
  pending = { sheetId, rowId };
  version += 1;
  for (const listener of listeners) listener();
}

/** Returns the row waiting to be focused in this sheet, without taking it. */
export function peekRowFocus(sheetId: string): string | null {
  return pending?.sheetId === sheetId ? pending.rowId : null;
}

/** Returns and clears the row to focus when it belongs to this sheet. */
export function takeRowFocus(sheetId: string): string | null {
  const rowId = peekRowFocus(sheetId);
  if (rowId) pending = null;
  return rowId;
}

/** Returns a number that changes with every request, for useSyncExternalStore. */
export function rowFocusVersion(): number {
  return version;
}

export function subscribeRowFocus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
