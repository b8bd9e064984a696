import type { GridApi } from 'ag-grid-community';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { Dialog } from '../app/Dialog';
import { describeError, showNotice } from '../app/notices';
import { listSheets, type RowRecord, type SheetRecord } from '../db';
import { addField, deleteField, renameField, retypeField, setFieldRole } from '../db/fields';
import { guessRole } from '../fields/roles';
import { HEADER_BY_ROLE, roleFitsType } from '../templates/templateFile';
import { fieldTypeOrder, getFieldType } from '../fields/registry';
import type { FieldContext, FieldDef, FieldRole, FieldType } from '../fields/types';
import { ChoicesEditor } from './ChoicesEditor';
import { buildLinkLookup, loadLinkedSheets } from './useLinkLookup';

interface Props {
  sheet: SheetRecord;
  gridApi: GridApi<RowRecord> | null;
  settings: FieldContext;
  onClose: () => void;
}

/** Returns a column's type as one select value: a plain type, or 'link:<sheet id>'. */
function typeChoice(field: Pick<FieldDef, 'type' | 'settings'>): string {
  return field.type === 'link' ? `link:${field.settings.linkSheetId ?? ''}` : field.type;
}

function parseTypeChoice(choice: string): { type: FieldType; linkSheetId?: string } {
  if (choice.startsWith('link:')) return { type: 'link', linkSheetId: choice.slice('link:'.length) };
  return { type: choice as FieldType };
}

function TypeOptions({ sheets, current }: { sheets: SheetRecord[]; current: SheetRecord }) {
  return (
    <>
      {fieldTypeOrder
        .filter((type) => type !== 'link')
        .map((type) => (
          <option key={type} value={type}>
            {getFieldType(type).label}
          </option>
        ))}
      {sheets
        .filter((sheet) => sheet.id !== current.id)
        .map((sheet) => (
          <option key={sheet.id} value={`link:${sheet.id}`}>
            Link to {sheet.name}
          </option>
        ))}
    </>
  );
}

const ROLES = Object.keys(HEADER_BY_ROLE) as FieldRole[];

/** Renders a type picker that changes the column only on "Change type", because arrow keys would retype it at every step. */
function TypeCell({
  field,
  sheets,
  sheet,
  onRetype,
}: {
  field: FieldDef;
  sheets: SheetRecord[];
  sheet: SheetRecord;
  onRetype: (choice: string) => void;
}) {
  const [pending, setPending] = useState(typeChoice(field));
  const changed = pending !== typeChoice(field);
  return (
    <>
      <select
        aria-label={`Type of column ${field.name}`}
        value={pending}
        onChange={(event) => setPending(event.target.value)}
      >
        <TypeOptions sheets={sheets} current={sheet} />
      </select>
      {changed ? (
        <button type="button" onClick={() => onRetype(pending)}>
          Change type
        </button>
      ) : null}
    </>
  );
}

/** Columns of the sheet in their displayed order, hidden ones included. */
function orderedFields(
  sheet: SheetRecord,
  gridApi: GridApi<RowRecord> | null,
): { field: FieldDef; visible: boolean }[] {
  const state = gridApi?.getColumnState() ?? [];
  const byId = new Map(sheet.fields.map((field) => [field.id, field]));
  const listed = state
    .filter((column) => byId.has(column.colId))
    .map((column) => ({ field: byId.get(column.colId)!, visible: !column.hide }));
  const missing = sheet.fields
    .filter((field) => !listed.some((entry) => entry.field.id === field.id))
    .map((field) => ({ field, visible: true }));
  return [...listed, ...missing];
}

/** Add, rename, retype, show or hide, reorder and delete the sheet's columns. */
export function ColumnsDialog({ sheet, gridApi, settings, onClose }: Props) {
  const sheets = useLiveQuery(listSheets) ?? [];
  const [, setRevision] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [editingChoices, setEditingChoices] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [newType, setNewType] = useState('text');

  const columns = orderedFields(sheet, gridApi);
  const refresh = () => setRevision((value) => value + 1);

  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (failure) {
      console.error('Column change failed', failure);
      setError(describeError(failure));
    }
  };

  const retype = (field: FieldDef, choice: string) =>
    run(async () => {
      const { type, linkSheetId } = parseTypeChoice(choice);
      let ctx = settings;
      if (linkSheetId) ctx = { ...settings, links: buildLinkLookup(await loadLinkedSheets([linkSheetId]), settings) };
      const result = await retypeField(sheet.id, field.id, type, ctx, linkSheetId ? { linkSheetId } : {});
      const kept = result.keptInvalid
        ? ` ${result.keptInvalid} ${result.keptInvalid === 1 ? 'value does' : 'values do'} not fit and ${result.keptInvalid === 1 ? 'is' : 'are'} kept as typed, marked in red.`
        : '';
      showNotice(`"${field.name}" is now ${getFieldType(type).label.toLowerCase()}.${kept}`);
    });

  const move = (field: FieldDef, offset: -1 | 1) => {
    if (!gridApi) return;
    const displayed = gridApi.getColumnState().map((column) => column.colId);
    const index = displayed.indexOf(field.id);
    const target = index + offset;
    // The selection checkbox column stays first, so a column cannot move before it.
    if (index === -1 || target < 1 || target >= displayed.length) return;
    gridApi.moveColumns([field.id], target);
    refresh();
  };

  const add = () =>
    run(async () => {
      const { type, linkSheetId } = parseTypeChoice(newType);
      // A name such as "Next follow-up" gives the column its role, unless another column has it.
      const role = guessRole(newName, type);
      const free = role && !sheet.fields.some((field) => field.role === role);
      await addField(sheet.id, {
        name: newName,
        type,
        settings: linkSheetId ? { linkSheetId } : {},
        ...(free ? { role } : {}),
      });
      setNewName('');
    });

  return (
    <Dialog title="Columns" onClose={onClose} wide>
      {error ? (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      ) : null}
      <table className="columns-table">
        <thead>
          <tr>
            <th scope="col">Show</th>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col" title="What the column means to reminders, the dashboard and import">
              Role
            </th>
            <th scope="col">Order</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {columns.map(({ field, visible }) => (
            <tr key={field.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Show ${field.name}`}
                  checked={visible}
                  onChange={(event) => {
                    gridApi?.setColumnsVisible([field.id], event.target.checked);
                    refresh();
                  }}
                />
              </td>
              <td>
                <input
                  aria-label={`Name of column ${field.name}`}
                  defaultValue={field.name}
                  key={field.name}
                  onBlur={(event) => {
                    if (event.target.value !== field.name)
                      void run(() => renameField(sheet.id, field.id, event.target.value));
                  }}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') event.currentTarget.blur();
                  }}
                />
              </td>
              <td>
                <TypeCell
                  key={typeChoice(field)}
                  field={field}
                  sheets={sheets}
                  sheet={sheet}
                  onRetype={(choice) => void retype(field, choice)}
                />
              </td>
              <td>
                <select
                  aria-label={`Role of column ${field.name}`}
                  value={field.role ?? ''}
                  onChange={(event) =>
                    void run(() => setFieldRole(sheet.id, field.id, (event.target.value || null) as FieldRole | null))
                  }
                >
                  <option value="">No role</option>
                  {ROLES.filter((role) => role === field.role || roleFitsType(role, field.type)).map((role) => (
                    <option key={role} value={role}>
                      {HEADER_BY_ROLE[role]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button type="button" aria-label={`Move ${field.name} left`} onClick={() => move(field, -1)}>
                  ←
                </button>
                <button type="button" aria-label={`Move ${field.name} right`} onClick={() => move(field, 1)}>
                  →
                </button>
              </td>
              <td>
                {field.type === 'select' || field.type === 'multiSelect' ? (
                  <button type="button" onClick={() => setEditingChoices(field.id)}>
                    Choices
                  </button>
                ) : null}
                <button
                  type="button"
                  aria-label={`Delete column ${field.name}`}
                  onClick={() => void run(() => deleteField(sheet.id, field.id))}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editingChoices ? (
        <ChoicesEditor
          key={editingChoices}
          sheetId={sheet.id}
          field={sheet.fields.find((field) => field.id === editingChoices)!}
          onDone={() => setEditingChoices(null)}
        />
      ) : null}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label className="inline-field">
          New column
          <input
            aria-label="Name of new column"
            value={newName}
            onChange={(event) => setNewName(event.target.value)}
            placeholder="Column name"
          />
        </label>
        <label className="inline-field">
          Type
          <select aria-label="Type of new column" value={newType} onChange={(event) => setNewType(event.target.value)}>
            <TypeOptions sheets={sheets} current={sheet} />
          </select>
        </label>
        <button type="submit">Add column</button>
      </form>
      <p className="muted">Deleted columns wait in the Trash with their values until you restore them.</p>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
