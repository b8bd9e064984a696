import { useLiveQuery } from 'dexie-react-hooks';

import { Dialog } from '../app/Dialog';
import { describeError, reportError } from '../app/notices';
import {
  listDeletedSheets,
  listTrash,
  purgeRows,
  purgeSheet,
  restoreRows,
  restoreSheet,
  type RowRecord,
  type SheetRecord,
} from '../db';
import { purgeField, restoreField } from '../db/fields';
import { formatCell, isEmptyCell } from '../fields/registry';
import type { FieldContext } from '../fields/types';

interface Props {
  sheet: SheetRecord;
  settings: FieldContext;
  onClose: () => void;
}

/** Values shown per deleted row in the list: enough to recognise a customer. */
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

/** Deleted rows and columns of this sheet, and deleted sheets, each restorable. */
export function TrashDialog({ sheet, settings, onClose }: Props) {
  const trash = useLiveQuery(() => listTrash(sheet.id), [sheet.id]);
  const deletedSheets = useLiveQuery(listDeletedSheets) ?? [];
  const deletedFields = sheet.deletedFields ?? [];

  const run = async (what: string, action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      reportError(`Could not ${what}: ${describeError(error)}`, error);
    }
  };

  const purge = (what: string, action: () => Promise<void>) => {
    if (!window.confirm(`Delete ${what} for good? This cannot be undone.`)) return;
    void run(`delete ${what}`, action);
  };

  return (
    <Dialog title={`Trash of ${sheet.name}`} onClose={onClose} wide>
      <section className="trash-section" aria-label="Deleted rows">
        <h3>Rows</h3>
        {trash === undefined ? (
          <p>Loading…</p>
        ) : trash.length === 0 ? (
          <p>No deleted rows. Deleted rows wait here until you restore them.</p>
        ) : (
          <>
            <p>
              {trash.length} deleted {trash.length === 1 ? 'row' : 'rows'}.{' '}
              <button
                type="button"
                onClick={() =>
                  void run('restore the rows', () =>
                    restoreRows(
                      sheet.id,
                      trash.map((row) => row.id),
                    ),
                  )
                }
              >
                Restore all rows
              </button>{' '}
              <button
                type="button"
                onClick={() =>
                  purge(`all ${trash.length} deleted rows`, () =>
                    purgeRows(
                      sheet.id,
                      trash.map((row) => row.id),
                    ),
                  )
                }
              >
                Empty the trash
              </button>
            </p>
            <ul className="trash-list">
              {trash.map((row) => (
                <li key={row.id}>
                  <span>{summarise(row, sheet, settings)}</span>
                  <span className="muted">
                    {row.deletedAt ? new Date(row.deletedAt).toLocaleString(settings.locale) : ''}
                  </span>
                  <button
                    type="button"
                    onClick={() => void run('restore the row', () => restoreRows(sheet.id, [row.id]))}
                  >
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {deletedFields.length ? (
        <section className="trash-section" aria-label="Deleted columns">
          <h3>Columns</h3>
          <ul className="trash-list">
            {deletedFields.map((field) => (
              <li key={field.id}>
                <span>{field.name}</span>
                <button
                  type="button"
                  aria-label={`Restore column ${field.name}`}
                  onClick={() => void run('restore the column', () => restoreField(sheet.id, field.id))}
                >
                  Restore
                </button>
                <button
                  type="button"
                  aria-label={`Delete column ${field.name} for good`}
                  onClick={() =>
                    purge(`the column "${field.name}" and its values`, () => purgeField(sheet.id, field.id))
                  }
                >
                  Delete for good
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {deletedSheets.length ? (
        <section className="trash-section" aria-label="Deleted sheets">
          <h3>Sheets</h3>
          <ul className="trash-list">
            {deletedSheets.map((deleted) => (
              <li key={deleted.id}>
                <span>{deleted.name}</span>
                <button
                  type="button"
                  aria-label={`Restore sheet ${deleted.name}`}
                  onClick={() => void run('restore the sheet', () => restoreSheet(deleted.id))}
                >
                  Restore
                </button>
                <button
                  type="button"
                  aria-label={`Delete sheet ${deleted.name} for good`}
                  onClick={() => purge(`the sheet "${deleted.name}" and its rows`, () => purgeSheet(deleted.id))}
                >
                  Delete for good
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
