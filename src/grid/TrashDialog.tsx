import { useLiveQuery } from 'dexie-react-hooks';

import { Dialog } from '../app/Dialog';
import { describeError, reportError } from '../app/notices';
import { listTrash, restoreRows, type RowRecord, type SheetRecord } from '../db';
import { formatCell, isEmptyCell } from '../fields/registry';
import type { FieldContext } from '../fields/types';

interface Props {
  sheet: SheetRecord;
  settings: FieldContext;
  onClose: () => void;
}

/** Rows shown per deleted row in the list: enough to recognise a customer. */
const SUMMARY_FIELD_COUNT = 3;

function summarise(row: RowRecord, sheet: SheetRecord, settings: FieldContext): string {
  const named = sheet.fields.find((field) => field.role === 'name');
  const fields = [named, ...sheet.fields.filter((field) => field !== named)].filter((field) => !!field);
  const parts = fields
    .map((field) => ({ field, value: row.values[field.id] }))
    .filter(({ value }) => !isEmptyCell(value))
    .slice(0, SUMMARY_FIELD_COUNT)
    .map(({ field, value }) => formatCell(value ?? null, field, settings));
  return parts.length ? parts.join(' · ') : 'Empty row';
}

export function TrashDialog({ sheet, settings, onClose }: Props) {
  const trash = useLiveQuery(() => listTrash(sheet.id), [sheet.id]);

  const restore = async (rowIds: string[]) => {
    try {
      await restoreRows(sheet.id, rowIds);
    } catch (error) {
      reportError(`Could not restore the rows: ${describeError(error)}`, error);
    }
  };

  return (
    <Dialog title={`Trash of ${sheet.name}`} onClose={onClose}>
      {trash === undefined ? (
        <p>Loading…</p>
      ) : trash.length === 0 ? (
        <p>The trash is empty. Deleted rows wait here until you restore them.</p>
      ) : (
        <>
          <p>
            {trash.length} deleted {trash.length === 1 ? 'row' : 'rows'}.{' '}
            <button type="button" onClick={() => void restore(trash.map((row) => row.id))}>
              Restore all
            </button>
          </p>
          <ul className="trash-list">
            {trash.map((row) => (
              <li key={row.id}>
                <span>{summarise(row, sheet, settings)}</span>
                <span className="muted">
                  {row.deletedAt ? new Date(row.deletedAt).toLocaleString(settings.locale) : ''}
                </span>
                <button type="button" onClick={() => void restore([row.id])}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
