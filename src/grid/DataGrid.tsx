// A thin React host for AG Grid's own createGrid API. It replaces the
// ag-grid-react wrapper, which added about 15 KB gzip to the first load for
// what is here a few effects.

import { createGrid, type ColDef, type GridApi, type GridOptions } from 'ag-grid-community';
import { useEffect, useRef } from 'react';

import { registerGridModules } from './gridModules';

// Registered when the grid's chunk loads, so none of AG Grid is in the first load.
registerGridModules();

/** Grid events the host forwards to the latest handler the parent passed. */
const FORWARDED_EVENTS = [
  'onCellEditRequest',
  'onModelUpdated',
  'onSelectionChanged',
  'onColumnResized',
  'onColumnMoved',
  'onColumnVisible',
  'onSortChanged',
  'onFilterChanged',
] as const;

type ForwardedEvent = (typeof FORWARDED_EVENTS)[number];

export type GridHandlers<Row> = Partial<Pick<GridOptions<Row>, ForwardedEvent>>;

interface Props<Row> {
  /** Options read once, when the grid is created. */
  initialOptions: GridOptions<Row>;
  rowData: Row[];
  columnDefs: ColDef<Row>[];
  quickFilterText: string;
  handlers: GridHandlers<Row>;
  onReady: (api: GridApi<Row>) => void;
  className?: string;
}

export function DataGrid<Row>({
  initialOptions,
  rowData,
  columnDefs,
  quickFilterText,
  handlers,
  onReady,
  className,
}: Props<Row>) {
  const hostRef = useRef<HTMLDivElement>(null);
  const apiRef = useRef<GridApi<Row> | null>(null);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  // The grid is created once; later prop changes go through setGridOption below.
  useEffect(() => {
    const forwarded: GridHandlers<Row> = {};
    for (const name of FORWARDED_EVENTS) {
      forwarded[name] = ((event: never) =>
        (handlersRef.current[name] as ((event: never) => void) | undefined)?.(event)) as never;
    }
    const api = createGrid(hostRef.current!, { ...initialOptions, ...forwarded, rowData, columnDefs, quickFilterText });
    apiRef.current = api;
    onReady(api);
    return () => {
      apiRef.current = null;
      api.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once per mount by design
  }, []);

  useEffect(() => apiRef.current?.setGridOption('rowData', rowData), [rowData]);
  // New column definitions can carry new formatters (a renamed linked row), so cells redraw.
  useEffect(() => {
    apiRef.current?.setGridOption('columnDefs', columnDefs);
    apiRef.current?.refreshCells({ force: true });
  }, [columnDefs]);
  useEffect(() => apiRef.current?.setGridOption('quickFilterText', quickFilterText), [quickFilterText]);

  return <div ref={hostRef} className={className} style={{ height: '100%', width: '100%' }} />;
}
