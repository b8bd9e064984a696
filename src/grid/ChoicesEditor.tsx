import { useState } from 'react';

import { describeError } from '../app/notices';
import { setFieldOptions } from '../db/fields';
import type { FieldDef, SelectOption } from '../fields/types';
import { nextTagColor } from '../tags/palette';

interface Props {
  sheetId: string;
  field: FieldDef;
  onDone: () => void;
}

/** Edits a select column's choices: add, rename, recolour, reorder and remove. */
export function ChoicesEditor({ sheetId, field, onDone }: Props) {
  const [options, setOptions] = useState<SelectOption[]>(field.settings.options ?? []);
  const [newLabel, setNewLabel] = useState('');
  const [error, setError] = useState<string | null>(null);

  const update = (index: number, changes: Partial<SelectOption>) =>
    setOptions((current) => current.map((option, each) => (each === index ? { ...option, ...changes } : option)));

  const move = (index: number, offset: -1 | 1) =>
    setOptions((current) => {
      const target = index + offset;
      if (target < 0 || target >= current.length) return current;
      const next = [...current];
      [next[index], next[target]] = [next[target]!, next[index]!];
      return next;
    });

  const add = () => {
    if (!newLabel.trim()) return;
    setOptions((current) => [
      ...current,
      { id: crypto.randomUUID(), label: newLabel.trim(), color: nextTagColor(current) },
    ]);
    setNewLabel('');
  };

  const save = async () => {
    try {
      await setFieldOptions(sheetId, field.id, options);
      onDone();
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  return (
    <fieldset className="choices-editor">
      <legend>Choices of {field.name}</legend>
      <p className="muted">
        Renaming a choice changes it in every row. A removed choice stays in its rows as marked text.
      </p>
      <ul>
        {options.map((option, index) => (
          <li key={option.id}>
            <input
              aria-label={`Name of choice ${index + 1}`}
              value={option.label}
              onChange={(event) => update(index, { label: event.target.value })}
            />
            <input
              type="color"
              aria-label={`Colour of ${option.label}`}
              value={option.color?.startsWith('#') ? option.color : '#e5e7eb'}
              onChange={(event) => update(index, { color: event.target.value })}
            />
            <button type="button" aria-label={`Move ${option.label} up`} onClick={() => move(index, -1)}>
              ↑
            </button>
            <button type="button" aria-label={`Move ${option.label} down`} onClick={() => move(index, 1)}>
              ↓
            </button>
            <button
              type="button"
              aria-label={`Remove ${option.label}`}
              onClick={() => setOptions((current) => current.filter((each) => each.id !== option.id))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <input
          aria-label="New choice"
          placeholder="New choice"
          value={newLabel}
          onChange={(event) => setNewLabel(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add}>
          Add choice
        </button>
      </div>
      {error ? (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Save choices
        </button>
      </div>
    </fieldset>
  );
}
