// The import history: every past import with its counts and "Undo import".
// It sits in the import dialog because that is where people look for what an
// import did. The trash shows the rows an undone import removed.

import { useEffect, useState } from 'react';

import { describeError } from '../app/notices';
import { listImports, undoImport, type ImportHistoryItem, type UndoImportOutcome } from '../db/importHistory';

interface Props {
  /** Workbook locale for the import dates. */
  locale: string;
}

function describeOutcome(fileName: string, outcome: UndoImportOutcome): string {
  const parts = [
    `Undid the import of ${fileName}: ${outcome.removed} added ${outcome.removed === 1 ? 'row' : 'rows'} moved to the trash`,
  ];
  if (outcome.removedEdited)
    parts.push(`${outcome.removedEdited} of them edited since, which you can restore from the trash`);
  parts.push(`${outcome.reverted} updated ${outcome.reverted === 1 ? 'row' : 'rows'} put back`);
  if (outcome.keptEdits) {
    parts.push(
      `${outcome.keptEdits} ${outcome.keptEdits === 1 ? 'cell' : 'cells'} you edited after the import kept your edit`,
    );
  }
  return `${parts.join(', ')}.`;
}

export function ImportHistory({ locale }: Props) {
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const [items, setItems] = useState<ImportHistoryItem[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [working, setWorking] = useState(false);

  const load = async () => {
    try {
      setItems(await listImports());
    } catch (failure) {
      console.error('Reading the import history failed', failure);
      setMessage({ text: `Could not read the import history: ${describeError(failure)}`, error: true });
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const undo = async (item: ImportHistoryItem) => {
    setWorking(true);
    setMessage(null);
    try {
      const outcome = await undoImport(item.record.id);
      setMessage({ text: describeOutcome(item.record.fileName, outcome), error: false });
    } catch (failure) {
      console.error('Undoing an import failed', failure);
      setMessage({
        text: `Could not undo the import of ${item.record.fileName}: ${describeError(failure)}`,
        error: true,
      });
    } finally {
      setWorking(false);
      await load();
    }
  };

  if (items === null || (items.length === 0 && !message)) return null;

  return (
    <section className="import-history" aria-labelledby="import-history-heading">
      <h3 id="import-history-heading">Import history</h3>
      <p className="muted">
        Undo import moves the rows an import added to the trash (even if you edited them since) and puts back the rows
        it updated. Cells you changed after the import keep your change.
      </p>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'notice notice-error' : 'notice'}>
          {message.text}
        </p>
      ) : null}
      <ul className="trash-list">
        {items.map((item) => {
          const { record } = item;
          const label = `${record.fileName} into ${item.sheetName}`;
          return (
            <li key={record.id}>
              <span>
                <strong>{label}</strong>
                <br />
                <span className="muted">
                  {dateFormat.format(new Date(record.at))}: {record.added} added, {record.updated} updated,{' '}
                  {record.skipped} skipped, {record.rejected} rejected
                  {item.state === 'undone' ? '. Undone.' : ''}
                  {item.state === 'undoneByToolbar' ? '. Undone with Undo; Redo brings it back.' : ''}
                </span>
              </span>
              {item.state === 'applied' ? (
                <button
                  type="button"
                  disabled={working}
                  aria-label={`Undo import of ${label}`}
                  onClick={() => void undo(item)}
                >
                  Undo import
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
