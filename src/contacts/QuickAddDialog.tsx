import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { Dialog } from '../app/Dialog';
import { describeError, reportError, showNotice } from '../app/notices';
import { addRows, getActiveView, listRows, type SheetRecord } from '../db';
import { loadPhoneLibrary } from '../fields/phoneLibrary';
import { isEmptyCell } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef } from '../fields/types';
import { linkChoices, useLinkedSettings } from '../grid/useLinkLookup';
import { describeRow } from '../reminders/rowLabel';
import { findDuplicates, type DuplicateMatch } from './duplicates';
import { valueOfDraft } from './fieldDrafts';
import { FieldInput } from './FieldInput';
import './contacts.css';

interface Props {
  sheet: SheetRecord;
  settings: FieldContext;
  onClose: () => void;
  /** Called with the new row once it is saved. */
  onSaved: (sheetId: string, rowId: string) => void;
  /** Opens the row the new one duplicates. */
  onOpenExisting: (sheetId: string, rowId: string) => void;
}

/** Returns the fields the view shows, in its column order. */
function visibleFields(sheet: SheetRecord, columns: { fieldId: string; hidden?: boolean }[]): FieldDef[] {
  const ordered = [
    ...columns.map((column) => sheet.fields.find((field) => field.id === column.fieldId)),
    ...sheet.fields.filter((field) => !columns.some((column) => column.fieldId === field.id)),
  ].filter((field): field is FieldDef => field !== undefined);
  const hidden = new Set(columns.filter((column) => column.hidden).map((column) => column.fieldId));
  return ordered.filter((field) => !hidden.has(field.id));
}

/**
 * Renders a keyboard form that adds one row to a sheet: Tab between the view's
 * columns, Enter saves (Shift+Enter is a new line in long text), Escape
 * cancels. A row whose email or phone is already in the sheet is saved only
 * after "Save anyway".
 */
export function QuickAddDialog({ sheet, settings, onClose, onSaved, onOpenExisting }: Props) {
  const view = useLiveQuery(() => getActiveView(sheet.id).then((found) => found ?? null), [sheet.id]);
  const { linkedSettings, linked } = useLinkedSettings(sheet, settings);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [duplicates, setDuplicates] = useState<DuplicateMatch[]>([]);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const saveAnywayRef = useRef<HTMLButtonElement>(null);
  const formId = useId();

  const fields = view === undefined ? [] : visibleFields(sheet, view?.columns ?? []);
  const loaded = view !== undefined;

  // The dialog focuses its first control on opening, before the columns load; the first field is more useful.
  useEffect(() => {
    if (loaded) formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [loaded]);

  const readValues = (): { values: Record<string, CellValue>; failures: Record<string, string> } => {
    const values: Record<string, CellValue> = {};
    const failures: Record<string, string> = {};
    for (const field of fields) {
      const result = valueOfDraft(drafts[field.id] ?? '', field, linkedSettings);
      if (result.error) failures[field.id] = result.error;
      else if (!isEmptyCell(result.value) && !(field.type === 'checkbox' && result.value === false)) {
        values[field.id] = result.value;
      }
    }
    return { values, failures };
  };

  const save = async (allowDuplicate: boolean) => {
    if (busy) return;
    setBusy(true);
    try {
      await loadPhoneLibrary();
      const { values, failures } = readValues();
      setErrors(failures);
      const firstFailure = fields.find((field) => failures[field.id]);
      if (firstFailure) {
        formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`${formId}-${firstFailure.id}`)}`)?.focus();
        return;
      }
      if (Object.keys(values).length === 0) {
        setErrors({ form: 'Type at least one value before saving.' });
        return;
      }
      if (!allowDuplicate) {
        const found = findDuplicates(sheet, await listRows(sheet.id), values);
        if (found.length) {
          setDuplicates(found);
          return;
        }
      }

      const [rowId] = await addRows(sheet.id, [values]);
      const saved = {
        id: rowId!,
        sheetId: sheet.id,
        values,
        position: 0,
        createdAt: '',
        updatedAt: '',
        deleted: 0 as const,
      };
      const name = describeRow(sheet, saved).name;
      showNotice(`Added ${name} to ${sheet.name}.`);
      onSaved(sheet.id, rowId!);
    } catch (error) {
      reportError(`Could not add the row: ${describeError(error)}`, error);
    } finally {
      setBusy(false);
    }
  };

  // The warning takes the focus, so Enter confirms "Save anyway" and Tab reaches "Open existing".
  const warned = duplicates.length > 0;
  useEffect(() => {
    if (warned) saveAnywayRef.current?.focus();
  }, [warned]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  // Enter saves from any input; Shift+Enter is left to a text area for a new line.
  const onKeyDown = (event: React.KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLButtonElement) return;
    if (target instanceof HTMLTextAreaElement && event.shiftKey) return;
    event.preventDefault();
    void save(false);
  };

  const first = duplicates[0];
  return (
    <Dialog title="Quick add" onClose={onClose} busy={busy}>
      <form
        ref={formRef}
        className="quick-add"
        onSubmit={onSubmit}
        onKeyDown={onKeyDown}
        aria-describedby={`${formId}-about`}
      >
        <p id={`${formId}-about`} className="muted">
          Adds a row to {sheet.name}. Tab moves between fields, Enter saves, Escape cancels.
        </p>
        {view === undefined ? <p className="loading">Loading the columns…</p> : null}
        {fields.map((field) => {
          const id = `${formId}-${field.id}`;
          const error = errors[field.id];
          return (
            <div className={field.type === 'checkbox' ? 'field field-inline' : 'field'} key={field.id}>
              <label htmlFor={id}>{field.name}</label>
              <FieldInput
                field={field}
                ctx={linkedSettings}
                id={id}
                draft={drafts[field.id] ?? ''}
                dates="text"
                linkNames={
                  field.type === 'link' ? linkChoices(linked, field.settings.linkSheetId, settings) : undefined
                }
                errorId={error ? `${id}-error` : undefined}
                onDraftChange={(draft) => {
                  setDrafts((current) => ({ ...current, [field.id]: draft }));
                  setDuplicates([]);
                }}
              />
              {error ? (
                <span id={`${id}-error`} className="field-error">
                  {error}
                </span>
              ) : null}
            </div>
          );
        })}
        {errors.form ? (
          <p className="field-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        {first ? (
          <div className="duplicate-warning" role="alert">
            <p>
              {describeRow(sheet, first.row).name} already has this {first.kind === 'email' ? 'email' : 'phone number'}
              {duplicates.length > 1 ? `, and ${duplicates.length - 1} more rows match` : ''}. Is this the same
              customer?
            </p>
            <div className="dialog-actions">
              <button type="button" ref={saveAnywayRef} onClick={() => void save(true)}>
                Save anyway
              </button>
              <button type="button" onClick={() => onOpenExisting(sheet.id, first.row.id)}>
                Open existing
              </button>
            </div>
          </div>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || view === undefined}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
