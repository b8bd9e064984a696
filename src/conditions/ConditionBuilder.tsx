// A form for a group of conditions over one sheet's columns: "Match all" or
// "Match any", conditions with a column, a comparison fit for its type and a
// value input fit for both, and groups nested one level deep. Segments and
// automation rules both edit their conditions with it.

import { useId } from 'react';

import type { Condition, ConditionGroup, ConditionOperator, SheetRecord } from '../db/records';
import type { FieldDef } from '../fields/types';
import { newConditionFor, operatorLabel, operatorsFor, valueKindFor, withOperator } from './operators';
import './conditions.css';

interface Props {
  sheet: SheetRecord;
  value: ConditionGroup;
  onChange: (next: ConditionGroup) => void;
}

/** Nesting depth at which "Add group" is no longer offered; the engine itself takes any depth. */
const MAX_BUILDER_DEPTH = 1;

/** Edits a condition group over the columns of `sheet`. */
export function ConditionBuilder({ sheet, value, onChange }: Props) {
  return (
    <div className="condition-builder">
      <GroupEditor sheet={sheet} group={value} onChange={onChange} depth={0} label="Conditions" />
    </div>
  );
}

interface GroupProps {
  sheet: SheetRecord;
  group: ConditionGroup;
  onChange: (next: ConditionGroup) => void;
  depth: number;
  label: string;
  onRemove?: () => void;
}

function GroupEditor({ sheet, group, onChange, depth, label, onRemove }: GroupProps) {
  const matchName = useId();
  const firstField = sheet.fields[0];

  const replaceItem = (index: number, next: Condition | ConditionGroup) =>
    onChange({ ...group, items: group.items.map((item, each) => (each === index ? next : item)) });
  const removeItem = (index: number) => onChange({ ...group, items: group.items.filter((_, each) => each !== index) });

  let conditionNumber = 0;
  let groupNumber = 0;

  return (
    <fieldset className={depth === 0 ? 'condition-group' : 'condition-group condition-group-nested'}>
      <legend>{label}</legend>
      <div className="condition-match" role="radiogroup" aria-label={`How ${label.toLowerCase()} combine`}>
        <label>
          <input
            type="radio"
            name={matchName}
            checked={group.match === 'all'}
            onChange={() => onChange({ ...group, match: 'all' })}
          />
          Match all
        </label>
        <label>
          <input
            type="radio"
            name={matchName}
            checked={group.match === 'any'}
            onChange={() => onChange({ ...group, match: 'any' })}
          />
          Match any
        </label>
      </div>

      {group.items.length === 0 ? (
        <p className="muted">
          {group.match === 'all' ? 'No conditions yet: every row matches.' : 'No conditions yet: no row matches.'}
        </p>
      ) : (
        <ol className="condition-list">
          {group.items.map((item, index) => {
            if (item.kind === 'group') {
              groupNumber += 1;
              const groupLabel = depth === 0 ? `Group ${groupNumber}` : `${label}, group ${groupNumber}`;
              return (
                <li key={index}>
                  <GroupEditor
                    sheet={sheet}
                    group={item}
                    depth={depth + 1}
                    label={groupLabel}
                    onChange={(next) => replaceItem(index, next)}
                    onRemove={() => removeItem(index)}
                  />
                </li>
              );
            }
            conditionNumber += 1;
            const rowLabel = depth === 0 ? `condition ${conditionNumber}` : `${label}, condition ${conditionNumber}`;
            return (
              <li key={index}>
                <ConditionRow
                  sheet={sheet}
                  condition={item}
                  label={rowLabel}
                  onChange={(next) => replaceItem(index, next)}
                  onRemove={() => removeItem(index)}
                />
              </li>
            );
          })}
        </ol>
      )}

      <div className="condition-actions">
        <button
          type="button"
          disabled={!firstField}
          onClick={() => firstField && onChange({ ...group, items: [...group.items, newConditionFor(firstField)] })}
        >
          {depth === 0 ? 'Add condition' : `Add condition to ${label}`}
        </button>
        {depth < MAX_BUILDER_DEPTH ? (
          <button
            type="button"
            disabled={!firstField}
            onClick={() =>
              firstField &&
              onChange({
                ...group,
                items: [
                  ...group.items,
                  { kind: 'group', match: group.match === 'all' ? 'any' : 'all', items: [newConditionFor(firstField)] },
                ],
              })
            }
          >
            Add group
          </button>
        ) : null}
        {onRemove ? (
          <button type="button" onClick={onRemove}>
            Remove {label}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

interface ConditionRowProps {
  sheet: SheetRecord;
  condition: Condition;
  label: string;
  onChange: (next: Condition) => void;
  onRemove: () => void;
}

function ConditionRow({ sheet, condition, label, onChange, onRemove }: ConditionRowProps) {
  const field = sheet.fields.find((each) => each.id === condition.fieldId);
  const capitalLabel = label.charAt(0).toUpperCase() + label.slice(1);

  return (
    <div className="condition-row" role="group" aria-label={capitalLabel}>
      <select
        aria-label={`Column of ${label}`}
        value={field ? field.id : ''}
        onChange={(event) => {
          const next = sheet.fields.find((each) => each.id === event.target.value);
          if (next) onChange(newConditionFor(next));
        }}
      >
        {field ? null : <option value="">(deleted column)</option>}
        {sheet.fields.map((each) => (
          <option key={each.id} value={each.id}>
            {each.name}
          </option>
        ))}
      </select>
      {field ? (
        <>
          <select
            aria-label={`Comparison of ${label}`}
            value={condition.operator}
            onChange={(event) => onChange(withOperator(condition, field, event.target.value as ConditionOperator))}
          >
            {operatorsFor(field).map((operator) => (
              <option key={operator} value={operator}>
                {operatorLabel(operator, field)}
              </option>
            ))}
          </select>
          <ValueInput field={field} condition={condition} label={label} onChange={onChange} />
        </>
      ) : null}
      <button type="button" aria-label={`Remove ${label}`} onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}

interface ValueInputProps {
  field: FieldDef;
  condition: Condition;
  label: string;
  onChange: (next: Condition) => void;
}

function ValueInput({ field, condition, label, onChange }: ValueInputProps) {
  const name = `Value of ${label}`;
  const setValue = (value: Condition['value']) => onChange({ ...condition, value });
  const text = condition.value === undefined || Array.isArray(condition.value) ? '' : String(condition.value);

  switch (valueKindFor(field, condition.operator)) {
    case 'none':
      return null;
    case 'days':
      return (
        <span className="condition-days">
          <input
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            aria-label={`Days of ${label}`}
            value={text}
            onChange={(event) => setValue(event.target.value === '' ? '' : Number(event.target.value))}
          />
          <span aria-hidden="true">days</span>
        </span>
      );
    case 'number':
      return (
        <input
          type="number"
          step="any"
          aria-label={name}
          value={text}
          onChange={(event) => setValue(event.target.value === '' ? '' : Number(event.target.value))}
        />
      );
    case 'date':
      return <input type="date" aria-label={name} value={text} onChange={(event) => setValue(event.target.value)} />;
    case 'boolean':
      return (
        <select
          aria-label={name}
          value={condition.value === true || condition.value === 'true' ? 'true' : 'false'}
          onChange={(event) => setValue(event.target.value === 'true')}
        >
          <option value="true">Ticked</option>
          <option value="false">Not ticked</option>
        </select>
      );
    case 'option': {
      const options = field.settings.options ?? [];
      return (
        <select aria-label={name} value={text} onChange={(event) => setValue(event.target.value)}>
          {options.length === 0 ? <option value="">No choices yet</option> : null}
          {text && !options.some((option) => option.id === text) ? <option value={text}>{text}</option> : null}
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      );
    }
    default:
      return <input type="text" aria-label={name} value={text} onChange={(event) => setValue(event.target.value)} />;
  }
}
