import type { CellEditRequestEvent, ColumnState, GridApi } from 'ag-grid-community';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { openImportDialog } from '../app/importRequest';
import { describeError, reportError, showNotice } from '../app/notices';
import {
  addRows,
  deleteRows,
  editCells,
  getDefaultView,
  listRows,
  redoLastUndone,
  saveViewLayout,
  undoLastChange,
  type RowRecord,
  type SheetRecord,
  type ViewRecord,
} from '../db';
import { loadPhoneLibrary } from '../fields/phoneLibrary';
import type { FieldContext } from '../fields/types';
import { buildColumnDefs } from './columns';
import { DataGrid } from './DataGrid';
import { cellValueFromEditor } from './editorValue';
import { SheetToolbar } from './SheetToolbar';
import { TrashDialog } from './TrashDialog';
import { gridTheme } from './gridTheme';

const ExportDialog = lazy(() => import('../export/ExportDialog').then((module) => ({ default: module.ExportDialog })));

interface Props {
  sheet: SheetRecord;
  settings: FieldContext;
}

type OpenDialog = 'export' | 'trash' | null;

function layoutFromColumnState(state: ColumnState[]) {
  return {
    columns: state.map((column) => ({
      fieldId: column.colId,
      ...(column.width ? { width: Math.round(column.width) } : {}),
      ...(column.hide ? { hidden: true } : {}),
    })),
    sorts: state
      .filter((column) => column.sort)
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
      .map((column) => ({ fieldId: column.colId, direction: column.sort! })),
  };
}

/** One sheet as an editable grid with its toolbar. */
export function SheetView({ sheet, settings }: Props) {
  const rows = useLiveQuery(() => listRows(sheet.id), [sheet.id]);
  const [view, setView] = useState<ViewRecord | null | undefined>(undefined);
  const [gridApi, setGridApi] = useState<GridApi<RowRecord> | null>(null);
  const [search, setSearch] = useState('');
  const [shownCount, setShownCount] = useState<number | null>(null);
  const [selectedCount, setSelectedCount] = useState(0);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const pendingFocusRowId = useRef<string | null>(null);

  // The saved layout is read once per sheet; later changes come from the grid itself.
  useEffect(() => {
    getDefaultView(sheet.id).then(
      (found) => setView(found ?? null),
      (error: unknown) => reportError('Could not read the column layout of this sheet.', error),
    );
  }, [sheet.id]);

  const columnDefs = useMemo(
    () => (view === undefined ? [] : buildColumnDefs(sheet.fields, view ?? undefined, settings)),
    [sheet.fields, view, settings],
  );

  const saveLayout = useCallback(
    (api: GridApi<RowRecord>) => {
      if (!view) return;
      const layout = { ...layoutFromColumnState(api.getColumnState()), filters: api.getFilterModel() };
      saveViewLayout(view.id, layout).catch((error: unknown) =>
        reportError('Could not save the column layout.', error),
      );
    },
    [view],
  );

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<RowRecord>) => {
      const field = sheet.fields.find((each) => each.id === event.column.getColId());
      if (!field || !event.data) return;

      const rowId = event.data.id;
      const save = async () => {
        await loadPhoneLibrary();
        const result = cellValueFromEditor(event.newValue, field, settings);
        if (result.error) showNotice(`${result.error}. It is kept and marked in red until you correct it.`);
        await editCells(sheet.id, [{ rowId, fieldId: field.id, value: result.value }]);
      };
      save().catch((error: unknown) =>
        reportError(`Could not save the change to "${field.name}": ${describeError(error)}`, error),
      );
    },
    [sheet.fields, sheet.id, settings],
  );

  const onAddRow = async () => {
    try {
      const [rowId] = await addRows(sheet.id);
      pendingFocusRowId.current = rowId ?? null;
    } catch (error) {
      reportError(`Could not add a row: ${describeError(error)}`, error);
    }
  };

  // Once a new row arrives from the database, scroll to it and start editing its first column.
  useEffect(() => {
    const rowId = pendingFocusRowId.current;
    if (!gridApi || !rowId) return;
    const node = gridApi.getRowNode(rowId);
    if (!node || node.rowIndex === null) return;

    pendingFocusRowId.current = null;
    const firstColumn = gridApi
      .getAllDisplayedColumns()
      .find((column) => sheet.fields.some((field) => field.id === column.getColId()));
    gridApi.ensureIndexVisible(node.rowIndex);
    if (firstColumn) gridApi.setFocusedCell(node.rowIndex, firstColumn);
  }, [rows, gridApi, sheet.fields]);

  const onDeleteRows = async () => {
    const selected = gridApi?.getSelectedRows() ?? [];
    if (!selected.length) return;
    try {
      await deleteRows(
        sheet.id,
        selected.map((row) => row.id),
      );
      showNotice(`${selected.length} ${selected.length === 1 ? 'row' : 'rows'} moved to the trash.`);
    } catch (error) {
      reportError(`Could not delete the rows: ${describeError(error)}`, error);
    }
  };

  const runHistory = async (action: 'undo' | 'redo') => {
    try {
      const done = action === 'undo' ? await undoLastChange(sheet.id) : await redoLastUndone(sheet.id);
      if (!done) showNotice(action === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
    } catch (error) {
      reportError(`Could not ${action}: ${describeError(error)}`, error);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || gridApi?.getEditingCells().length) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      void runHistory('undo');
    } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
      event.preventDefault();
      void runHistory('redo');
    }
  };

  const totalCount = rows?.length ?? 0;

  return (
    <div className="sheet-view" onKeyDown={onKeyDown}>
      <SheetToolbar
        search={search}
        onSearchChange={setSearch}
        totalCount={totalCount}
        shownCount={shownCount ?? totalCount}
        selectedCount={selectedCount}
        onAddRow={() => void onAddRow()}
        onDeleteRows={() => void onDeleteRows()}
        onUndo={() => void runHistory('undo')}
        onRedo={() => void runHistory('redo')}
        onOpenTrash={() => setDialog('trash')}
        onImport={() => openImportDialog({ kind: 'existingSheet', sheet })}
        onExport={() => setDialog('export')}
      />
      <div className="grid-host">
        {rows === undefined || view === undefined ? (
          <p className="loading">Loading rows…</p>
        ) : (
          <DataGrid<RowRecord>
            initialOptions={{
              theme: gridTheme,
              getRowId: (params) => params.data.id,
              readOnlyEdit: true,
              rowSelection: { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false },
              selectionColumnDef: { pinned: 'left', width: 48 },
              cacheQuickFilter: true,
              initialState: Object.keys(view?.filters ?? {}).length
                ? { filter: { filterModel: view!.filters as never } }
                : undefined,
              tooltipShowDelay: 300,
              stopEditingWhenCellsLoseFocus: true,
              enterNavigatesVerticallyAfterEdit: true,
              overlayNoRowsTemplate: 'No rows yet. Use “Add row” or “Import” to add customers.',
            }}
            rowData={rows}
            columnDefs={columnDefs}
            quickFilterText={search}
            onReady={setGridApi}
            handlers={{
              onCellEditRequest,
              onModelUpdated: (event) => setShownCount(event.api.getDisplayedRowCount()),
              onSelectionChanged: (event) => setSelectedCount(event.api.getSelectedRows().length),
              onColumnResized: (event) => {
                if (event.finished && event.source === 'uiColumnResized') saveLayout(event.api);
              },
              onColumnMoved: (event) => {
                if (event.finished) saveLayout(event.api);
              },
              onSortChanged: (event) => saveLayout(event.api),
              onFilterChanged: (event) => saveLayout(event.api),
            }}
          />
        )}
      </div>
      <Suspense fallback={null}>
        {dialog === 'export' ? (
          <ExportDialog
            sheet={sheet}
            rows={rows ?? []}
            gridApi={gridApi}
            settings={settings}
            onClose={() => setDialog(null)}
          />
        ) : null}
      </Suspense>
      {dialog === 'trash' ? <TrashDialog sheet={sheet} settings={settings} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
