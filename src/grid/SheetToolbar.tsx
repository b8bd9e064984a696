import type { ReactNode } from 'react';

import { describeRowCount } from './rowCount';

interface Props {
  search: string;
  onSearchChange: (text: string) => void;
  totalCount: number;
  shownCount: number;
  selectedCount: number;
  onAddRow: () => void;
  onDeleteRows: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onOpenColumns: () => void;
  onOpenTrash: () => void;
  onImport: () => void;
  onExport: () => void;
  /** Opens the contact card of the focused row; the button is left out without it. */
  onShareContact?: () => void;
  /** Opens the quick add form; the button is left out without it. */
  onQuickAdd?: () => void;
  /** The saved-view picker. */
  viewControls: ReactNode;
}

export function SheetToolbar(props: Props) {
  const { selectedCount } = props;
  return (
    <div className="toolbar" role="toolbar" aria-label="Sheet actions">
      <button type="button" onClick={props.onAddRow}>
        Add row
      </button>
      {props.onQuickAdd ? (
        <button type="button" onClick={props.onQuickAdd} title="Quick add (Ctrl+Alt+N)">
          Quick add
        </button>
      ) : null}
      <button type="button" onClick={props.onDeleteRows} disabled={selectedCount === 0}>
        Delete rows{selectedCount ? ` (${selectedCount})` : ''}
      </button>
      <button type="button" onClick={props.onUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={props.onRedo} title="Redo (Ctrl+Y)">
        Redo
      </button>
      <button type="button" onClick={props.onOpenColumns}>
        Columns
      </button>
      <button type="button" onClick={props.onOpenTrash}>
        Trash
      </button>
      {props.viewControls}
      <span className="toolbar-gap" />
      <button type="button" onClick={props.onImport}>
        Import
      </button>
      <button type="button" onClick={props.onExport}>
        Export
      </button>
      {props.onShareContact ? (
        <button
          type="button"
          onClick={props.onShareContact}
          title="Copy the focused row as a vCard or show it as a QR code"
        >
          Share contact
        </button>
      ) : null}
      <input
        type="search"
        className="search"
        aria-label="Search"
        placeholder="Search"
        value={props.search}
        onChange={(event) => props.onSearchChange(event.target.value)}
      />
      <span role="status" className="row-count">
        {describeRowCount(props.shownCount, props.totalCount)}
      </span>
    </div>
  );
}
