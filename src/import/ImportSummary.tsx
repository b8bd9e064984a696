import { downloadTextFile } from '../export/download';
import type { RejectedSourceRow } from './protocol';
import { rejectedRowsCsv } from './rejectedRowsCsv';
import { StorageNote } from './StorageNote';

export interface ImportTotals {
  fileName: string;
  /** The sheet the rows went into; empty when nothing could be imported and no sheet was created. */
  sheetName: string;
  added: number;
  updated: number;
  skipped: number;
  /** Of the skipped rows, those left out as duplicates. */
  skippedDuplicates: number;
  rejected: RejectedSourceRow[];
  headers: string[];
}

/** Rejected rows listed on screen; the download has all of them. */
const MAX_LISTED_REJECTIONS = 50;

export function ImportSummary({ totals, onClose }: { totals: ImportTotals; onClose: () => void }) {
  const { rejected } = totals;
  const downloadRejected = () => {
    const base = totals.fileName.replace(/\.[^.]+$/, '');
    downloadTextFile(rejectedRowsCsv(totals.headers, rejected), `${base} rejected rows.csv`, 'text/csv;charset=utf-8');
  };

  return (
    <>
      <p className="import-summary">
        {totals.sheetName
          ? `Imported ${totals.fileName} into ${totals.sheetName}: `
          : `Nothing from ${totals.fileName} could be imported, so no sheet was created: `}
        {totals.added} added, {totals.updated} updated, {totals.skipped} skipped, {rejected.length} rejected.
      </p>
      {totals.skipped ? (
        <p className="muted">
          {totals.skippedDuplicates
            ? `${totals.skippedDuplicates} skipped ${totals.skippedDuplicates === 1 ? 'row duplicates' : 'rows duplicate'} another row. `
            : ''}
          {totals.skipped > totals.skippedDuplicates
            ? `${totals.skipped - totals.skippedDuplicates} skipped ${totals.skipped - totals.skippedDuplicates === 1 ? 'row has' : 'rows have'} no value in any imported column.`
            : ''}
        </p>
      ) : null}
      {rejected.length ? (
        <>
          <p>These rows were not imported. Fix them in the file and import it again:</p>
          <ul className="rejections">
            {rejected.slice(0, MAX_LISTED_REJECTIONS).map((row) => (
              <li key={row.rowNumber}>{row.reason}</li>
            ))}
          </ul>
          {rejected.length > MAX_LISTED_REJECTIONS ? (
            <p className="muted">…and {rejected.length - MAX_LISTED_REJECTIONS} more in the download.</p>
          ) : null}
          <button type="button" onClick={downloadRejected}>
            Download rejected rows
          </button>
        </>
      ) : null}
      {totals.added || totals.updated ? <StorageNote /> : null}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}
