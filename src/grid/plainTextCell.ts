// AG Grid inserts a string that a cellRenderer returns as HTML, so a renderer
// that falls back to the cell's text must return it as a text node instead:
// cell text such as `<img src=x onerror=...>` is data, never markup.

/** Returns an element that shows `text` as plain text, '' for anything that is not a string. */
export function plainTextCell(text: unknown): HTMLElement {
  const element = document.createElement('span');
  element.textContent = typeof text === 'string' ? text : '';
  return element;
}
