import { neutraliseFormula, quoteCsvCell } from '../export/csv';
import type { RejectedSourceRow } from './protocol';

/**
 * The rejected rows as a CSV the user can fix and import again: the file's
 * own header and cells, plus the row number and the reason.
 */
export function rejectedRowsCsv(headers: readonly string[], rejected: readonly RejectedSourceRow[]): string {
  const line = (cells: string[]) => cells.map((cell) => quoteCsvCell(neutraliseFormula(cell, false), ',')).join(',');
  const lines = [line([...headers, 'Row in file', 'Reason'])];
  for (const row of rejected) lines.push(line([...row.cells, String(row.rowNumber), row.reason]));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
