import { useId } from 'react';

import { formatCell } from '../fields/registry';
import type { FieldContext, FieldDef } from '../fields/types';
import type { DateEntry } from './fieldDrafts';

interface Props {
  field: FieldDef;
  ctx: FieldContext;
  id: string;
  /** The input's text, from draftOf. */
  draft: string;
  onDraftChange: (draft: string) => void;
  onBlur?: () => void;
  onKeyDown?: (event: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
  dates: DateEntry;
  /** Names offered for a link column, from the linked sheet. */
  linkNames?: string[];
  /** Id of an element describing why the current value is invalid. */
  errorId?: string;
}

/** An example day in the workbook's date format, for the hint of a typed date. */
const EXAMPLE_DAY = '2026-12-31';

/** Renders the input that fits a field's type: a select for choices, a text area for long text, and so on. */
export function FieldInput({
  field,
  ctx,
  id,
  draft,
  onDraftChange,
  onBlur,
  onKeyDown,
  dates,
  linkNames,
  errorId,
}: Props) {
  const hintId = useId();
  const common = {
    id,
    onBlur,
    onKeyDown,
    'aria-invalid': errorId ? true : undefined,
  };
  const describedBy = (hint: boolean) => [hint ? hintId : '', errorId ?? ''].filter(Boolean).join(' ') || undefined;

  switch (field.type) {
    case 'longText':
      return (
        <textarea
          {...common}
          rows={3}
          value={draft}
          aria-describedby={describedBy(false)}
          onChange={(event) => onDraftChange(event.target.value)}
        />
      );
    case 'checkbox':
      return (
        <input
          {...common}
          type="checkbox"
          checked={draft === 'true'}
          aria-describedby={describedBy(false)}
          onChange={(event) => onDraftChange(event.target.checked ? 'true' : '')}
        />
      );
    case 'select': {
      const options = field.settings.options ?? [];
      const known = draft === '' || options.some((option) => option.id === draft);
      return (
        <select
          {...common}
          value={draft}
          aria-describedby={describedBy(false)}
          onChange={(event) => onDraftChange(event.target.value)}
        >
          <option value="">(none)</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
          {known ? null : <option value={draft}>{draft}</option>}
        </select>
      );
    }
    default:
      break;
  }

  let type = 'text';
  let hint = '';
  let inputMode: React.HTMLAttributes<HTMLInputElement>['inputMode'];
  if (field.type === 'email') type = 'email';
  else if (field.type === 'phone') type = 'tel';
  else if (field.type === 'url') type = 'url';
  else if (field.type === 'number' || field.type === 'currency' || field.type === 'percent') inputMode = 'decimal';
  else if (field.type === 'date' && dates === 'picker') type = 'date';
  else if (field.type === 'dateTime' && dates === 'picker') type = 'datetime-local';
  else if (field.type === 'date') hint = `Such as ${formatCell(EXAMPLE_DAY, field, ctx)}`;
  else if (field.type === 'dateTime')
    hint = `Such as ${formatCell(EXAMPLE_DAY, { ...field, type: 'date' }, ctx)} 14:30`;
  else if (field.type === 'multiSelect') {
    const labels = (field.settings.options ?? []).map((option) => option.label);
    hint = labels.length ? `Separate with commas. Choices: ${labels.join(', ')}` : 'This column has no choices yet.';
  } else if (field.type === 'link') hint = 'Names of linked rows, separated by semicolons';

  const listId = `${id}-names`;
  return (
    <>
      <input
        {...common}
        type={type}
        inputMode={inputMode}
        value={draft}
        list={field.type === 'link' && linkNames?.length ? listId : undefined}
        aria-describedby={describedBy(hint !== '')}
        onChange={(event) => onDraftChange(event.target.value)}
      />
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {field.type === 'link' && linkNames?.length ? (
        <datalist id={listId}>
          {linkNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      ) : null}
    </>
  );
}
