import type { CellEditRequestEvent, GridApi } from 'ag-grid-community';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';

import { openImportDialog } from '../app/importRequest';
import { describeError, reportError, showNotice } from '../app/notices';
import { peekRowFocus, requestRowFocus, rowFocusVersion, subscribeRowFocus, takeRowFocus } from '../app/rowFocus';
import {
  addRows,
  deleteRows,
  editCells,
  getActiveView,
  listRows,
  redoLastUndone,
  saveViewLayout,
  setActiveSheetId,
  undoLastChange,
  type RowRecord,
  type SheetRecord,
} from '../db';
import { loadPhoneLibrary } from '../fields/phoneLibrary';
import type { FieldContext } from '../fields/types';
import type { SegmentFilter } from '../segments/sheetFilter';
import { buildColumnDefs } from './columns';
import { DataGrid } from './DataGrid';
import { cellValueFromEditor } from './editorValue';
import { gridTheme } from './gridTheme';
import { currentLayout } from './layout';
import { SheetToolbar } from './SheetToolbar';
import { useGridClipboard } from './useGridClipboard';
import { linkChoices, useLinkedSettings } from './useLinkLookup';
import { ViewControls } from './ViewControls';

const ExportDialog = lazy(() => import('../export/ExportDialog').then((module) => ({ default: module.ExportDialog })));
const TrashDialog = lazy(() => import('./TrashDialog').then((module) => ({ default: module.TrashDialog })));
const ColumnsDialog = lazy(() => import('./ColumnsDialog').then((module) => ({ default: module.ColumnsDialog })));
const ContactShareDialog = lazy(() =>
  import('../touchpoints/ContactShareDialog').then((module) => ({ default: module.ContactShareDialog })),
);
const SegmentBar = lazy(() => import('../segments/SegmentBar').then((module) => ({ default: module.SegmentBar })));

interface Props {
  sheet: SheetRecord;
  settings: FieldContext;
  /** Opens the customer panel of a row. */
  onOpenCustomer?: (sheetId: string, rowId: string) => void;
  onQuickAdd?: () => void;
}

/** AG Grid's column id of the row selection checkboxes. */
const SELECTION_COLUMN_ID = 'ag-Grid-SelectionColumn';

type OpenDialog = 'export' | 'trash' | 'columns' | null;

function openLinkedRow(sheetId: string, rowId: string): void {
  requestRowFocus(sheetId, rowId);
  setActiveSheetId(sheetId).catch((error: unknown) => reportError('Could not open the linked row.', error));
}

/** Renders one sheet as an editable grid with its toolbar. */
export function SheetView({ sheet, settings, onOpenCustomer, onQuickAdd }: Props) {
  const rows = useLiveQuery(() => listRows(sheet.id), [sheet.id]);
  const view = useLiveQuery(() => getActiveView(sheet.id).then((found) => found ?? null), [sheet.id]);
  const { linkedSettings, linked } = useLinkedSettings(sheet, settings);
  const [gridApi, setGridApi] = useState<GridApi<RowRecord> | null>(null);
  const [search, setSearch] = useState('');
  const [shownCount, setShownCount] = useState<number | null>(null);
  const [selectedCount, setSelectedCount] = useState(0);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [shareRow, setShareRow] = useState<RowRecord | null>(null);
  // A row added here waits in this ref. A row opened from elsewhere waits in rowFocus until this
  // grid shows it, and each new request re-runs the focus effect below.
  const pendingFocusRowId = useRef<string | null>(null);
  const focusRequestVersion = useSyncExternalStore(subscribeRowFocus, rowFocusVersion);
  const [viewElement, setViewElement] = useState<HTMLDivElement | null>(null);
  // The active segment (a saved filter) narrows the rows before they reach the grid; undefined until it is read.
  const [segmentFilter, setSegmentFilter] = useState<SegmentFilter | null | undefined>(undefined);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let unmounted = false;
    const fail = (error: unknown) => {
      reportError('Could not apply the segment; showing every row.', error);
      setSegmentFilter(null);
    };
    import('../segments/sheetFilter')
      .then((module) => {
        if (!unmounted) stop = module.watchSegmentFilter(sheet.id, setSegmentFilter, fail);
      })
      .catch(fail);
    return () => {
      unmounted = true;
      stop?.();
    };
  }, [sheet.id]);
  useGridClipboard({ gridApi, sheet, settings: linkedSettings, hostElement: viewElement });

  // A view brings its own search text when it loads or is switched to. This is set
  // while rendering, so the search box never shows an empty box before the saved text.
  const viewId = view?.id;
  const [searchViewId, setSearchViewId] = useState<string | undefined>(undefined);
  if (view && viewId !== searchViewId) {
    setSearchViewId(viewId);
    setSearch(view.search ?? '');
  }

  // Column definitions read the view's widths, order and sorts only when the grid is
  // created (initial* attributes), so a saved search or resize does not rebuild them.
  const viewRef = useRef(view);
  viewRef.current = view;
  const viewLoaded = view !== undefined;
  const columnDefs = useMemo(
    () =>
      viewLoaded
        ? buildColumnDefs(sheet.fields, viewRef.current ?? undefined, linkedSettings, {
            choices: (sheetId) => linkChoices(linked, sheetId, settings),
            onOpenRow: openLinkedRow,
          })
        : [],
    // viewId is listed on purpose: switching views rebuilds the columns from the new view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sheet.fields, viewId, viewLoaded, linkedSettings, linked, settings],
  );

  const saveLayout = useCallback(
    (api: GridApi<RowRecord>) => {
      if (!view) return;
      const { columns, sorts, filters } = currentLayout(api, '');
      saveViewLayout(view.id, { columns, sorts, filters }).catch((error: unknown) =>
        reportError('Could not save the column layout.', error),
      );
    },
    [view],
  );

  // The search is saved on every keystroke, so a reload right after typing keeps it.
  const onSearchChange = (text: string) => {
    setSearch(text);
    if (!view) return;
    saveViewLayout(view.id, { search: text }).catch((error: unknown) =>
      console.error('Saving the search failed', error),
    );
  };

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<RowRecord>) => {
      const field = sheet.fields.find((each) => each.id === event.column.getColId());
      if (!field || !event.data) return;

      const rowId = event.data.id;
      const save = async () => {
        await loadPhoneLibrary();
        const result = cellValueFromEditor(event.newValue, field, linkedSettings);
        if (result.error) showNotice(`${result.error}. It is kept and marked in red until you correct it.`);
        await editCells(sheet.id, [{ rowId, fieldId: field.id, value: result.value }]);
      };
      save().catch((error: unknown) =>
        reportError(`Could not save the change to "${field.name}": ${describeError(error)}`, error),
      );
    },
    [sheet.fields, sheet.id, linkedSettings],
  );

  const onAddRow = async () => {
    try {
      const [rowId] = await addRows(sheet.id);
      pendingFocusRowId.current = rowId ?? null;
    } catch (error) {
      reportError(`Could not add a row: ${describeError(error)}`, error);
    }
  };

  const shownRows = useMemo(
    () => (rows && segmentFilter ? segmentFilter.filterRows(rows, sheet, linkedSettings) : rows),
    [rows, segmentFilter, sheet, linkedSettings],
  );

  // Once a new or linked row is in the grid, scroll to it and focus its first column.
  useEffect(() => {
    const rowId = pendingFocusRowId.current ?? peekRowFocus(sheet.id);
    if (!gridApi || !rowId) return;
    // Not in the grid yet (rows still loading, or hidden by a filter): the request waits.
    const node = gridApi.getRowNode(rowId);
    if (!node || node.rowIndex === null) return;

    pendingFocusRowId.current = null;
    if (peekRowFocus(sheet.id) === rowId) takeRowFocus(sheet.id);
    const firstColumn = gridApi
      .getAllDisplayedColumns()
      .find((column) => sheet.fields.some((field) => field.id === column.getColId()));
    gridApi.ensureIndexVisible(node.rowIndex);
    if (firstColumn) gridApi.setFocusedCell(node.rowIndex, firstColumn);
  }, [shownRows, gridApi, sheet.fields, sheet.id, focusRequestVersion]);

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

  // Space or Shift+Enter on a cell opens the row's customer panel, and so does Enter on its
  // selection checkbox, where Space keeps ticking the row. This runs in the capture phase so
  // AG Grid does not also start an edit or toggle the selection.
  const onKeyDownCapture = (event: React.KeyboardEvent) => {
    const isSpace = event.key === ' ' && !event.shiftKey;
    const isEnter = event.key === 'Enter';
    if (!onOpenCustomer || !gridApi || (!isSpace && !isEnter) || event.ctrlKey || event.altKey || event.metaKey) return;
    if (!(event.target instanceof HTMLElement) || !event.target.matches('[role="gridcell"]')) return;
    if (gridApi.getEditingCells().length) return;
    const focused = gridApi.getFocusedCell();
    const row = focused ? gridApi.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
    if (!focused || !row) return;
    const onSelection = focused.column.getColId() === SELECTION_COLUMN_ID;
    if (onSelection ? !isEnter || event.shiftKey : isEnter && !event.shiftKey) return;
    event.preventDefault();
    event.stopPropagation();
    onOpenCustomer(sheet.id, row.id);
  };

  // The focused cell's row, else the only ticked row, gets its contact card shared.
  const onShareContact = () => {
    const focused = gridApi?.getFocusedCell();
    const focusedRow = focused ? gridApi?.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
    const ticked = gridApi?.getSelectedRows() ?? [];
    const row = focusedRow ?? (ticked.length === 1 ? ticked[0] : undefined);
    if (row) setShareRow(row);
    else showNotice('Click a cell of the customer first (or tick one row), then choose "Share contact".');
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || gridApi?.getEditingCells().length) return;
    // Undo in a text box (the search, a dialog) belongs to that box.
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      void runHistory('undo');
    } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
      event.preventDefault();
      void runHistory('redo');
    }
  };

  // The toolbar waits for the rows and the view, so its count and search are never a guess.
  if (rows === undefined || view === undefined || shownRows === undefined || segmentFilter === undefined) {
    return (
      <div className="sheet-view">
        <p className="loading">Loading rows…</p>
      </div>
    );
  }
  const totalCount = rows.length;

  return (
    <div className="sheet-view" ref={setViewElement} onKeyDown={onKeyDown} onKeyDownCapture={onKeyDownCapture}>
      <SheetToolbar
        search={search}
        onSearchChange={onSearchChange}
        totalCount={totalCount}
        shownCount={shownCount ?? totalCount}
        selectedCount={selectedCount}
        onAddRow={() => void onAddRow()}
        onDeleteRows={() => void onDeleteRows()}
        onUndo={() => void runHistory('undo')}
        onRedo={() => void runHistory('redo')}
        onOpenColumns={() => setDialog('columns')}
        onOpenTrash={() => setDialog('trash')}
        onImport={() => openImportDialog({ kind: 'existingSheet', sheet })}
        onExport={() => setDialog('export')}
        onShareContact={onShareContact}
        onQuickAdd={onQuickAdd}
        viewControls={
          <>
            {view ? (
              <ViewControls
                sheetId={sheet.id}
                activeView={view}
                currentLayout={() =>
                  gridApi ? currentLayout(gridApi, search) : { columns: [], sorts: [], filters: {}, search }
                }
              />
            ) : null}
            <Suspense fallback={null}>
              <SegmentBar sheet={sheet} segment={segmentFilter?.segment ?? null} settings={settings} />
            </Suspense>
          </>
        }
      />
      <div className="grid-host">
        <DataGrid<RowRecord>
          // Each view builds its own grid, so its saved widths, sorts and filters apply from the start.
          key={view?.id ?? 'no-view'}
          initialOptions={initialGridOptions()}
          rowData={shownRows}
          columnDefs={columnDefs}
          quickFilterText={search}
          onReady={(api) => {
            // Saved filters are applied here: initialState would need AG Grid's state module (6 kB gzip).
            const filters = viewRef.current?.filters ?? {};
            if (Object.keys(filters).length) api.setFilterModel(filters);
            setGridApi(api);
          }}
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
            onColumnVisible: (event) => saveLayout(event.api),
            onSortChanged: (event) => saveLayout(event.api),
            onFilterChanged: (event) => saveLayout(event.api),
          }}
        />
      </div>
      <Suspense fallback={null}>
        {dialog === 'export' ? (
          <ExportDialog
            sheet={sheet}
            rows={rows}
            gridApi={gridApi}
            settings={linkedSettings}
            onClose={() => setDialog(null)}
          />
        ) : null}
        {dialog === 'trash' ? <TrashDialog sheet={sheet} settings={settings} onClose={() => setDialog(null)} /> : null}
        {dialog === 'columns' ? (
          <ColumnsDialog sheet={sheet} gridApi={gridApi} settings={settings} onClose={() => setDialog(null)} />
        ) : null}
        {shareRow ? (
          <ContactShareDialog
            sheet={sheet}
            row={shareRow}
            settings={linkedSettings}
            onClose={() => setShareRow(null)}
          />
        ) : null}
      </Suspense>
    </div>
  );
}

function initialGridOptions() {
  return {
    theme: gridTheme,
    getRowId: (params: { data: RowRecord }) => params.data.id,
    readOnlyEdit: true,
    rowSelection: { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false } as const,
    selectionColumnDef: { pinned: 'left', width: 48 } as const,
    cacheQuickFilter: true,
    tooltipShowDelay: 300,
    stopEditingWhenCellsLoseFocus: true,
    enterNavigatesVerticallyAfterEdit: true,
    overlayNoRowsTemplate: 'No rows yet. Use “Add row” or “Import” to add customers.',
  };
}
