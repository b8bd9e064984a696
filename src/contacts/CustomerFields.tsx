import { useState } from 'react';

import { describeError, reportError, showNotice } from '../app/notices';
import { editCells, type RowRecord, type SheetRecord } from '../db';
import { loadPhoneLibrary } from '../fields/phoneLibrary';
import { getFieldType, isInvalid } from '../fields/registry';
import type { CellValue, FieldContext, FieldDef } from '../fields/types';
import { draftOf, valueOfDraft } from './fieldDrafts';
import { FieldInput } from './FieldInput';

interface Props {
  sheet: SheetRecord;
  row: RowRecord;
  /** Workbook settings with the link lookup of the sheets this one links to. */
  ctx: FieldContext;
  linkNames: (field: FieldDef) => string[];
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Renders a row's cells as a form. A change is saved when the input loses
 * focus or on Enter (a choice at once), through editCells, so it is one undo
 * step of the sheet like a grid edit. Escape in a changed input puts the
 * saved value back.
 */
export function CustomerFields({ sheet, row, ctx, linkNames }: Props) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});

  const forget = (fieldId: string) =>
    setDrafts((current) => {
      const next = { ...current };
      delete next[fieldId];
      return next;
    });

  const commit = async (field: FieldDef, draft: string) => {
    try {
      if (field.type === 'phone') await loadPhoneLibrary();
      const result = valueOfDraft(draft, field, ctx);
      if (result.error) showNotice(`${result.error}. It is kept and marked in red until you correct it.`);
      if (!sameValue(result.value, row.values[field.id])) {
        await editCells(sheet.id, [{ rowId: row.id, fieldId: field.id, value: result.value }]);
      }
      forget(field.id);
    } catch (error) {
      reportError(`Could not save the change to "${field.name}": ${describeError(error)}`, error);
    }
  };

  return (
    <div className="customer-fields">
      {sheet.fields.map((field) => {
        const id = `customer-${row.id}-${field.id}`;
        const saved = draftOf(row.values[field.id], field, ctx, 'picker');
        const draft = drafts[field.id] ?? saved;
        const immediate = field.type === 'select' || field.type === 'checkbox';
        const invalid = isInvalid(row.values[field.id]);
        return (
          <div className={field.type === 'checkbox' ? 'field field-inline' : 'field'} key={field.id}>
            <label htmlFor={id}>{field.name}</label>
            <FieldInput
              field={field}
              ctx={ctx}
              id={id}
              draft={draft}
              dates="picker"
              linkNames={field.type === 'link' ? linkNames(field) : undefined}
              errorId={invalid ? `${id}-error` : undefined}
              onDraftChange={(next) => {
                if (immediate) void commit(field, next);
                else setDrafts((current) => ({ ...current, [field.id]: next }));
              }}
              onBlur={() => {
                if (!immediate && drafts[field.id] !== undefined) void commit(field, drafts[field.id]!);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Escape' && drafts[field.id] !== undefined) {
                  event.preventDefault();
                  event.stopPropagation();
                  forget(field.id);
                } else if (event.key === 'Enter' && !immediate && field.type !== 'longText') {
                  event.preventDefault();
                  if (drafts[field.id] !== undefined) void commit(field, drafts[field.id]!);
                }
              }}
            />
            {invalid ? (
              <span id={`${id}-error`} className="field-error">
                Not a valid {getFieldType(field.type).label.toLowerCase()} value; kept as typed.
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
