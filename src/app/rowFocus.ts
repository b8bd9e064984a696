// "Open this row" from a link cell: the request names a sheet and a row,
// the workbook switches to that sheet, and its grid scrolls to the row.

let pending: { sheetId: string; rowId: string } | null = null;

export function requestRowFocus(sheetId: string, rowId: string): void {
  pending = { sheetId, rowId };
}

/** Returns and clears the row to focus when it belongs to this sheet. */
export function takeRowFocus(sheetId: string): string | null {
  if (pending?.sheetId !== sheetId) return null;
  const { rowId } = pending;
  pending = null;
  return rowId;
}
