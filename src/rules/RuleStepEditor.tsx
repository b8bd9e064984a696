// The "Then" part of the rule form: one row of inputs per step, fitted to
// what the step does, with the columns of the rule's sheet to choose from.

import type { RecurrenceUnit, RuleAction, SheetRecord } from '../db/records';
import type { FieldDef } from '../fields/types';

/** The kinds of step offered, in menu order, with their menu text. */
export const STEP_KINDS: [RuleAction['kind'], string][] = [
  ['setValue', 'Set a column'],
  ['addTag', 'Add a tag'],
  ['removeTag', 'Remove a tag'],
  ['createReminder', 'Create a reminder'],
  ['startCheckIn', 'Start a recurring check-in'],
  ['stopCheckIn', 'Stop the check-ins'],
  ['logConversation', 'Log a conversation'],
  ['moveToSheet', 'Move the row to another sheet'],
  ['askForValue', 'Ask me for a value'],
];

const isDate = (field: FieldDef) => field.type === 'date' || field.type === 'dateTime';
const isTags = (field: FieldDef) => field.type === 'multiSelect';

/** Returns a new step of a kind, filled with the first fitting column of the sheet. */
export function newStep(
  kind: RuleAction['kind'],
  sheet: SheetRecord,
  sheets: SheetRecord[],
  types: string[],
): RuleAction {
  const first = (test: (field: FieldDef) => boolean = () => true) => sheet.fields.find(test)?.id ?? '';
  const tags = sheet.fields.find(isTags);
  switch (kind) {
    case 'setValue':
      return { kind, fieldId: first(), value: '' };
    case 'addTag':
    case 'removeTag':
      return { kind, fieldId: tags?.id ?? '', tag: tags?.settings.options?.[0]?.label ?? '' };
    case 'createReminder':
      return { kind, title: 'Follow up', inDays: 0 };
    case 'startCheckIn':
      return { kind, every: 90, unit: 'days' };
    case 'stopCheckIn':
      return { kind };
    case 'logConversation':
      return { kind, activityType: types[0] ?? 'Note', text: '' };
    case 'moveToSheet':
      return { kind, sheetId: sheets.find((each) => each.id !== sheet.id)?.id ?? '' };
    case 'askForValue':
      return { kind, fieldId: first() };
  }
}

interface ColumnProps {
  label: string;
  fields: FieldDef[];
  value: string;
  onChange: (fieldId: string) => void;
}

function ColumnSelect({ label, fields, value, onChange }: ColumnProps) {
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      {fields.some((field) => field.id === value) ? null : <option value={value}>(choose a column)</option>}
      {fields.map((field) => (
        <option key={field.id} value={field.id}>
          {field.name}
        </option>
      ))}
    </select>
  );
}

interface ValueProps {
  label: string;
  field: FieldDef | undefined;
  value: string;
  onChange: (value: string) => void;
  /** Text of the empty choice of a select column, such as "any value". */
  emptyChoice: string;
}

/** Renders an input for cell text: a choice list for a select column, a date picker for a date, text otherwise. */
export function RuleValueInput({ label, field, value, onChange, emptyChoice }: ValueProps) {
  if (field?.type === 'select') {
    return (
      <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{emptyChoice}</option>
        {(field.settings.options ?? []).map((option) => (
          <option key={option.id} value={option.label}>
            {option.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      aria-label={label}
      type={field?.type === 'date' ? 'date' : 'text'}
      value={value}
      placeholder={emptyChoice}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

interface StepProps {
  step: RuleAction;
  index: number;
  sheet: SheetRecord;
  sheets: SheetRecord[];
  conversationTypes: string[];
  onChange: (step: RuleAction) => void;
  onRemove: () => void;
}

/** Renders one step of the "Then" list. */
export function RuleStepEditor({ step, index, sheet, sheets, conversationTypes, onChange, onRemove }: StepProps) {
  const name = `step ${index + 1}`;
  const fieldOf = (id: string) => sheet.fields.find((field) => field.id === id);

  const details = () => {
    switch (step.kind) {
      case 'setValue': {
        const field = fieldOf(step.fieldId);
        return (
          <>
            <ColumnSelect
              label={`Column of ${name}`}
              fields={sheet.fields}
              value={step.fieldId}
              onChange={(fieldId) => onChange({ kind: 'setValue', fieldId, value: '' })}
            />
            {field && isDate(field) ? (
              <label>
                <input
                  type="checkbox"
                  checked={step.today === true}
                  onChange={(event) =>
                    onChange(
                      event.target.checked
                        ? { kind: 'setValue', fieldId: step.fieldId, today: true }
                        : { kind: 'setValue', fieldId: step.fieldId, value: '' },
                    )
                  }
                />
                Today
              </label>
            ) : null}
            {step.today ? null : (
              <RuleValueInput
                label={`Value of ${name}`}
                field={field}
                value={step.value ?? ''}
                emptyChoice="(empty)"
                onChange={(value) => onChange({ ...step, value })}
              />
            )}
          </>
        );
      }
      case 'addTag':
      case 'removeTag': {
        const field = fieldOf(step.fieldId);
        return (
          <>
            <ColumnSelect
              label={`Tags column of ${name}`}
              fields={sheet.fields.filter(isTags)}
              value={step.fieldId}
              onChange={(fieldId) =>
                onChange({ ...step, fieldId, tag: fieldOf(fieldId)?.settings.options?.[0]?.label ?? '' })
              }
            />
            <select
              aria-label={`Tag of ${name}`}
              value={step.tag}
              onChange={(event) => onChange({ ...step, tag: event.target.value })}
            >
              {(field?.settings.options ?? []).map((option) => (
                <option key={option.id} value={option.label}>
                  {option.label}
                </option>
              ))}
            </select>
          </>
        );
      }
      case 'createReminder': {
        const dateFields = sheet.fields.filter(isDate);
        const onDate = step.dateFieldId !== undefined;
        return (
          <>
            <input
              aria-label={`Reminder text of ${name}`}
              type="text"
              value={step.title}
              onChange={(event) => onChange({ ...step, title: event.target.value })}
            />
            <select
              aria-label={`When the reminder of ${name} is due`}
              value={onDate ? 'date' : 'days'}
              onChange={(event) =>
                onChange(
                  event.target.value === 'date'
                    ? { kind: 'createReminder', title: step.title, dateFieldId: dateFields[0]?.id ?? '' }
                    : { kind: 'createReminder', title: step.title, inDays: 0 },
                )
              }
            >
              <option value="days">In some days</option>
              <option value="date" disabled={dateFields.length === 0}>
                On the date in a column
              </option>
            </select>
            {onDate ? (
              <ColumnSelect
                label={`Date column of ${name}`}
                fields={dateFields}
                value={step.dateFieldId ?? ''}
                onChange={(dateFieldId) => onChange({ ...step, dateFieldId })}
              />
            ) : (
              <input
                aria-label={`Days from today of ${name}`}
                type="number"
                min={0}
                value={step.inDays ?? 0}
                onChange={(event) => onChange({ ...step, inDays: event.target.valueAsNumber })}
              />
            )}
          </>
        );
      }
      case 'startCheckIn':
        return (
          <>
            <input
              aria-label={`Check in every, ${name}`}
              type="number"
              min={1}
              value={step.every}
              onChange={(event) => onChange({ ...step, every: event.target.valueAsNumber })}
            />
            <select
              aria-label={`Unit of ${name}`}
              value={step.unit}
              onChange={(event) => onChange({ ...step, unit: event.target.value as RecurrenceUnit })}
            >
              <option value="days">days</option>
              <option value="weeks">weeks</option>
              <option value="months">months</option>
            </select>
          </>
        );
      case 'logConversation':
        return (
          <>
            <select
              aria-label={`Conversation type of ${name}`}
              value={step.activityType}
              onChange={(event) => onChange({ ...step, activityType: event.target.value })}
            >
              {[...new Set([...conversationTypes, step.activityType])].map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
            <input
              aria-label={`Notes of ${name}`}
              type="text"
              value={step.text}
              onChange={(event) => onChange({ ...step, text: event.target.value })}
            />
          </>
        );
      case 'moveToSheet':
        return (
          <select
            aria-label={`Sheet of ${name}`}
            value={step.sheetId}
            onChange={(event) => onChange({ ...step, sheetId: event.target.value })}
          >
            {sheets.some((each) => each.id === step.sheetId) ? null : (
              <option value={step.sheetId}>(choose a sheet)</option>
            )}
            {sheets
              .filter((each) => each.id !== sheet.id)
              .map((each) => (
                <option key={each.id} value={each.id}>
                  {each.name}
                </option>
              ))}
          </select>
        );
      case 'askForValue':
        return (
          <ColumnSelect
            label={`Column of ${name}`}
            fields={sheet.fields}
            value={step.fieldId}
            onChange={(fieldId) => onChange({ ...step, fieldId })}
          />
        );
      case 'stopCheckIn':
        return null;
    }
  };

  return (
    <div className="rule-step" role="group" aria-label={`Step ${index + 1}`}>
      <select
        aria-label={`What ${name} does`}
        value={step.kind}
        onChange={(event) =>
          onChange(newStep(event.target.value as RuleAction['kind'], sheet, sheets, conversationTypes))
        }
      >
        {STEP_KINDS.map(([kind, text]) => (
          <option key={kind} value={kind}>
            {text}
          </option>
        ))}
      </select>
      {details()}
      <button type="button" aria-label={`Remove ${name}`} onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}
