// The link column's cell renderer and editor, written against AG Grid's
// plain component interfaces. Names are set with textContent, never as HTML.

import type { ICellEditorComp, ICellEditorParams, ICellRendererParams } from 'ag-grid-community';

import type { RowRecord } from '../db';
import { plainTextCell } from './plainTextCell';

export interface LinkRendererParams extends ICellRendererParams<RowRecord, string[] | null> {
  linkSheetId: string;
  rowName: (rowId: string) => string | undefined;
  onOpenRow: (sheetId: string, rowId: string) => void;
}

/** Shows each linked row as a button that opens it. */
export function renderLinkCell(params: LinkRendererParams): HTMLElement | string {
  const ids = Array.isArray(params.value) ? params.value : [];
  if (!ids.length) return plainTextCell(params.valueFormatted);

  const container = document.createElement('span');
  container.className = 'link-cell';
  for (const rowId of ids) {
    const name = params.rowName(rowId) ?? 'Missing row';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-chip';
    button.textContent = name;
    button.title = `Open ${name}`;
    button.tabIndex = -1;
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      params.onOpenRow(params.linkSheetId, rowId);
    });
    container.append(button);
  }
  return container;
}

export interface LinkEditorParams extends ICellEditorParams<RowRecord> {
  /** Names of the linked sheet's rows, offered as the user types. */
  choices: string[];
}

let editorCount = 0;

/**
 * A text box with the linked rows' names as suggestions. Several links are
 * separated by semicolons; the sheet view parses the text into row ids.
 */
export class LinkCellEditor implements ICellEditorComp {
  private root = document.createElement('div');
  private input = document.createElement('input');

  init(params: LinkEditorParams): void {
    const listId = `link-choices-${(editorCount += 1)}`;
    const list = document.createElement('datalist');
    list.id = listId;
    for (const choice of params.choices) {
      const option = document.createElement('option');
      option.value = choice;
      list.append(option);
    }

    this.input.className = 'ag-input-field-input link-editor';
    this.input.setAttribute('list', listId);
    this.input.setAttribute('aria-label', `${params.column.getColDef().headerName ?? 'Link'}: type a name`);
    this.input.value =
      params.eventKey && params.eventKey.length === 1 ? params.eventKey : params.formatValue(params.value);
    this.root.append(this.input, list);
  }

  getGui(): HTMLElement {
    return this.root;
  }

  afterGuiAttached(): void {
    this.input.focus();
  }

  getValue(): string {
    return this.input.value;
  }
}
