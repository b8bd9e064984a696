import type { GridApi } from 'ag-grid-community';
import { useState } from 'react';

import { Dialog } from '../app/Dialog';
import { describeError, reportError } from '../app/notices';
import type { RowRecord, SheetRecord } from '../db';
import type { FieldContext } from '../fields/types';
import { exportFileName, exportSheetCsv } from './csv';
import { downloadTextFile } from './download';

interface Props {
  sheet: SheetRecord;
  rows: RowRecord[];
  gridApi: GridApi<RowRecord> | null;
  settings: FieldContext;
  onClose: () => void;
}

const DELIMITERS = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;), for Excel in countries that write 1,5' },
  { value: '\t', label: 'Tab' },
];

/** Rows in the order and filter the grid shows, or every row of the sheet. */
function rowsToExport(scope: 'all' | 'shown', rows: RowRecord[], gridApi: GridApi<RowRecord> | null): RowRecord[] {
  if (scope === 'all' || !gridApi) return rows;
  const shown: RowRecord[] = [];
  gridApi.forEachNodeAfterFilterAndSort((node) => {
    if (node.data) shown.push(node.data);
  });
  return shown;
}

export function ExportDialog({ sheet, rows, gridApi, settings, onClose }: Props) {
  const shownCount = gridApi?.getDisplayedRowCount() ?? rows.length;
  const [delimiter, setDelimiter] = useState(',');
  const [scope, setScope] = useState<'all' | 'shown'>('all');

  const download = () => {
    try {
      const selected = rowsToExport(scope, rows, gridApi);
      const visibleFields = gridApi
        ? gridApi
            .getAllDisplayedColumns()
            .map((column) => sheet.fields.find((field) => field.id === column.getColId()))
            .filter((field) => field !== undefined)
        : sheet.fields;
      const csv = exportSheetCsv(visibleFields, selected, settings, { delimiter });
      downloadTextFile(csv, exportFileName(sheet.name, new Date()), 'text/csv;charset=utf-8');
      onClose();
    } catch (error) {
      reportError(`Could not export "${sheet.name}": ${describeError(error)}`, error);
    }
  };

  return (
    <Dialog title="Export" onClose={onClose}>
      <p>
        A CSV file that Excel, Google Sheets and accounting software open: UTF-8, dates as YYYY-MM-DD, amounts without
        currency symbols.
      </p>
      <fieldset>
        <legend>Rows</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> All{' '}
          {rows.length} rows
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            checked={scope === 'shown'}
            disabled={shownCount === rows.length}
            onChange={() => setScope('shown')}
          />{' '}
          Only the {shownCount} rows shown by the search and filters, in their sort order
        </label>
      </fieldset>
      <label className="field">
        Delimiter
        <select value={delimiter} onChange={(event) => setDelimiter(event.target.value)}>
          {DELIMITERS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={download}>
          Download CSV
        </button>
      </div>
    </Dialog>
  );
}
