/** Returns the status line under the toolbar: "12 rows", "1 row" or "3 of 12 rows". */
export function describeRowCount(shown: number, total: number): string {
  const noun = total === 1 ? 'row' : 'rows';
  if (shown === total) return `${total} ${noun}`;
  return `${shown} of ${total} ${noun}`;
}
