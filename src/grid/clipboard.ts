// The tab-separated text that Excel, LibreOffice Calc and Google Sheets put
// on the clipboard as text/plain for a block of cells. Cells are separated by
// tabs and rows by line breaks. A cell that contains a tab, a line break or a
// double quote is wrapped in double quotes, with each quote inside doubled,
// as in CSV (RFC 4180) with a tab as the delimiter.

/**
 * Parses clipboard text into rows of cells, padding short rows with '' so
 * every row has the same length.
 *
 * Rows may end in CRLF, LF or a lone CR, and one line break at the very end
 * is ignored, because Excel ends every copied row with CRLF. So '' gives no
 * rows, while a lone line break gives one empty cell (what Excel copies from
 * an empty cell). A cell is read as quoted only when it starts with a double
 * quote and the closing quote is followed by a tab, a line break or the end of
 * the text. Any other cell is kept as is, quotes included, so plain text such
 * as `"Ada" Quill` is not altered.
 */
export function parseClipboardBlock(text: string): string[][] {
  if (text === '') return [];

  const rows: string[][] = [];
  let row: string[] = [];
  let index = 0;

  for (;;) {
    const cell = readCell(text, index);
    row.push(cell.value);
    index = cell.end;

    if (index >= text.length) {
      rows.push(row);
      break;
    }
    if (text[index] === '\t') {
      index += 1;
      continue;
    }

    rows.push(row);
    row = [];
    index += text.startsWith('\r\n', index) ? 2 : 1;
    if (index >= text.length) break;
  }

  const width = rows.reduce((max, each) => Math.max(max, each.length), 0);
  return rows.map((each) => (each.length < width ? [...each, ...Array<string>(width - each.length).fill('')] : each));
}

/**
 * Formats rows of cells as clipboard text that spreadsheets paste as a block.
 * Cells that contain a tab, CR, LF or a double quote are quoted. Rows are
 * joined by CRLF, which Excel writes itself and Excel, LibreOffice and
 * Google Sheets all read. Unlike Excel, the text ends without a line break,
 * so a copied cell pastes into a text box as just its text. The exception is
 * a last row that is one empty cell: it gets a CRLF, as in Excel, because
 * without it the row would not exist when the text is read back.
 */
export function formatClipboardBlock(cells: string[][]): string {
  const text = cells.map((row) => row.map(quoteCell).join('\t')).join('\r\n');
  const lastRow = cells.at(-1);
  return lastRow?.length === 1 && lastRow[0] === '' ? `${text}\r\n` : text;
}

function quoteCell(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function isCellEnd(text: string, index: number): boolean {
  return index >= text.length || text[index] === '\t' || text[index] === '\r' || text[index] === '\n';
}

/** Reads one cell starting at `start` and returns its text and the index just after it. */
function readCell(text: string, start: number): { value: string; end: number } {
  if (text[start] === '"') {
    const quoted = readQuotedCell(text, start);
    if (quoted) return quoted;
  }

  let end = start;
  while (!isCellEnd(text, end)) end += 1;
  return { value: text.slice(start, end), end };
}

/** Reads a quoted cell, or returns null when the quotes do not close where a cell ends. */
function readQuotedCell(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let from = start + 1;

  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return null;

    value += text.slice(from, quote);
    if (text[quote + 1] === '"') {
      value += '"';
      from = quote + 2;
      continue;
    }
    return isCellEnd(text, quote + 1) ? { value, end: quote + 1 } : null;
  }
}
