// Asks for the values that rules requested, such as why a customer left,
// once the change that triggered them has been saved. Prompts wait in the
// database, so one left unanswered comes back after a reload.

import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';

import { Dialog } from '../app/Dialog';
import { describeError, reportError } from '../app/notices';
import { editCells } from '../db';
import { dismissRulePrompt, listRulePromptItems, type RulePromptItem } from '../db/rules';
import { parseCell } from '../fields/registry';
import type { FieldContext } from '../fields/types';
import './rules.css';

interface Props {
  settings: FieldContext;
}

/** Shows the oldest open prompt of any rule, one at a time. */
export function RulePrompts({ settings }: Props) {
  const items = useLiveQuery(listRulePromptItems);
  const first = items?.[0];
  if (!first) return null;
  return <PromptDialog key={first.prompt.id} item={first} settings={settings} />;
}

interface DialogProps {
  item: RulePromptItem;
  settings: FieldContext;
}

function PromptDialog({ item, settings }: DialogProps) {
  const { prompt, field, rowName } = item;
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();

  const skip = () => {
    dismissRulePrompt(prompt.id).catch((failure: unknown) =>
      reportError(`Could not close the question: ${describeError(failure)}`, failure),
    );
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseCell(text, field, settings);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setBusy(true);
    try {
      await editCells(prompt.sheetId, [{ rowId: prompt.rowId, fieldId: field.id, value: parsed.value }]);
      await dismissRulePrompt(prompt.id);
    } catch (failure) {
      reportError(`Could not save ${field.name}: ${describeError(failure)}`, failure);
    } finally {
      setBusy(false);
    }
  };

  const options = field.type === 'select' ? (field.settings.options ?? []) : null;
  const common = {
    id: inputId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  };

  return (
    <Dialog title={`${field.name} for ${rowName}`} onClose={skip} busy={busy}>
      <form onSubmit={(event) => void save(event)}>
        <p>The automation rule "{prompt.ruleName}" asks for this now that the change is saved.</p>
        <label className="field" htmlFor={inputId}>
          {field.name}
        </label>
        {options ? (
          <select {...common} value={text} onChange={(event) => setText(event.target.value)}>
            <option value="">Choose…</option>
            {options.map((option) => (
              <option key={option.id} value={option.label}>
                {option.label}
              </option>
            ))}
          </select>
        ) : field.type === 'longText' ? (
          <textarea {...common} rows={3} value={text} onChange={(event) => setText(event.target.value)} />
        ) : (
          <input {...common} type="text" value={text} onChange={(event) => setText(event.target.value)} />
        )}
        {error ? (
          <p id={errorId} role="alert" className="rule-error">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" disabled={busy} onClick={skip}>
            Skip
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
