// Creates or edits an automation rule: When (the trigger), If (conditions,
// through the shared condition builder) and Then (the steps).

import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';

import { Dialog } from '../app/Dialog';
import { describeError, showNotice } from '../app/notices';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { getConversationTypes } from '../db/conversationTypes';
import type { ConditionGroup, RuleRecord, RuleTrigger, SheetRecord } from '../db/records';
import { saveRule } from '../db/rules';
import { newStep, RuleStepEditor, RuleValueInput } from './RuleStepEditor';
import { MAX_RULE_ACTIONS, MAX_RULE_NAME_LENGTH, type RuleDraft } from './validate';

interface Props {
  sheets: SheetRecord[];
  /** The rule to edit; absent for a new rule. */
  rule?: RuleRecord;
  onClose: () => void;
}

const EMPTY_CONDITIONS: ConditionGroup = { kind: 'group', match: 'all', items: [] };

function firstTrigger(sheet: SheetRecord | undefined): RuleTrigger {
  const field = sheet?.fields[0];
  return field ? { kind: 'fieldChanged', fieldId: field.id } : { kind: 'rowAdded' };
}

function blankDraft(sheet: SheetRecord | undefined): RuleDraft {
  return {
    sheetId: sheet?.id ?? '',
    name: '',
    enabled: true,
    trigger: firstTrigger(sheet),
    conditions: EMPTY_CONDITIONS,
    actions: [],
  };
}

export function RuleFormDialog({ sheets, rule, onClose }: Props) {
  const conversationTypes = useLiveQuery(getConversationTypes) ?? [];
  const [draft, setDraft] = useState<RuleDraft>(() =>
    rule
      ? {
          sheetId: rule.sheetId,
          name: rule.name,
          enabled: rule.enabled,
          trigger: rule.trigger,
          conditions: rule.conditions ?? EMPTY_CONDITIONS,
          actions: rule.actions,
        }
      : blankDraft(sheets[0]),
  );
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const sheet = sheets.find((each) => each.id === draft.sheetId);

  const update = (changes: Partial<RuleDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    setError('');
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await saveRule(draft, rule?.id);
      showNotice(
        rule ? `Saved the automation "${draft.name.trim()}".` : `Added the automation "${draft.name.trim()}".`,
      );
      onClose();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={rule ? 'Edit automation' : 'New automation'} onClose={onClose} busy={busy} wide>
      <form className="rule-form" onSubmit={(event) => void save(event)} aria-describedby={error ? errorId : undefined}>
        <label className="field">
          Name
          <input
            type="text"
            value={draft.name}
            maxLength={MAX_RULE_NAME_LENGTH}
            required
            onChange={(event) => update({ name: event.target.value })}
          />
        </label>
        <label className="field">
          Sheet
          <select
            value={draft.sheetId}
            onChange={(event) => {
              const next = sheets.find((each) => each.id === event.target.value);
              update({ ...blankDraft(next), name: draft.name, enabled: draft.enabled });
            }}
          >
            {sheets.map((each) => (
              <option key={each.id} value={each.id}>
                {each.name}
              </option>
            ))}
          </select>
        </label>
        <label className="rule-enabled">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(event) => update({ enabled: event.target.checked })}
          />
          Switched on
        </label>

        {sheet ? (
          <>
            <TriggerEditor sheet={sheet} trigger={draft.trigger} onChange={(trigger) => update({ trigger })} />

            <fieldset className="rule-part">
              <legend>If</legend>
              <ConditionBuilder
                sheet={sheet}
                value={draft.conditions ?? EMPTY_CONDITIONS}
                onChange={(conditions) => update({ conditions })}
              />
            </fieldset>

            <fieldset className="rule-part">
              <legend>Then</legend>
              {draft.actions.length === 0 ? <p className="muted">No steps yet.</p> : null}
              <ol className="rule-steps">
                {draft.actions.map((step, index) => (
                  <li key={index}>
                    <RuleStepEditor
                      step={step}
                      index={index}
                      sheet={sheet}
                      sheets={sheets}
                      conversationTypes={conversationTypes}
                      onChange={(next) =>
                        update({ actions: draft.actions.map((each, at) => (at === index ? next : each)) })
                      }
                      onRemove={() => update({ actions: draft.actions.filter((_, at) => at !== index) })}
                    />
                  </li>
                ))}
              </ol>
              <button
                type="button"
                disabled={draft.actions.length >= MAX_RULE_ACTIONS}
                onClick={() =>
                  update({ actions: [...draft.actions, newStep('setValue', sheet, sheets, conversationTypes)] })
                }
              >
                Add step
              </button>
            </fieldset>
          </>
        ) : (
          <p>Add a sheet first: a rule watches the rows of one sheet.</p>
        )}

        {error ? (
          <p id={errorId} role="alert" className="rule-error">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !sheet}>
            Save automation
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface TriggerProps {
  sheet: SheetRecord;
  trigger: RuleTrigger;
  onChange: (trigger: RuleTrigger) => void;
}

function TriggerEditor({ sheet, trigger, onChange }: TriggerProps) {
  const dateFields = sheet.fields.filter((field) => field.type === 'date' || field.type === 'dateTime');
  const field = trigger.kind === 'rowAdded' ? undefined : sheet.fields.find((each) => each.id === trigger.fieldId);

  const changeKind = (kind: RuleTrigger['kind']) => {
    if (kind === 'rowAdded') onChange({ kind });
    else if (kind === 'fieldChanged') onChange(firstTrigger(sheet));
    else onChange({ kind, fieldId: dateFields[0]?.id ?? '', offsetDays: 0 });
  };

  return (
    <fieldset className="rule-part">
      <legend>When</legend>
      <div className="rule-step">
        <select
          aria-label="What starts the automation"
          value={trigger.kind}
          onChange={(event) => changeKind(event.target.value as RuleTrigger['kind'])}
        >
          <option value="fieldChanged">A column changes</option>
          <option value="rowAdded">A row is added</option>
          <option value="dateReached" disabled={dateFields.length === 0}>
            A date comes round
          </option>
        </select>
        {trigger.kind === 'fieldChanged' ? (
          <>
            <select
              aria-label="Column that changes"
              value={trigger.fieldId}
              onChange={(event) => onChange({ kind: 'fieldChanged', fieldId: event.target.value })}
            >
              {sheet.fields.map((each) => (
                <option key={each.id} value={each.id}>
                  {each.name}
                </option>
              ))}
            </select>
            <RuleValueInput
              label="Changes to"
              field={field}
              value={trigger.to ?? ''}
              emptyChoice="any value"
              onChange={(to) =>
                onChange(to === '' ? { kind: 'fieldChanged', fieldId: trigger.fieldId } : { ...trigger, to })
              }
            />
          </>
        ) : null}
        {trigger.kind === 'dateReached' ? (
          <>
            <select
              aria-label="Date column"
              value={trigger.fieldId}
              onChange={(event) => onChange({ ...trigger, fieldId: event.target.value })}
            >
              {dateFields.map((each) => (
                <option key={each.id} value={each.id}>
                  {each.name}
                </option>
              ))}
            </select>
            <label>
              is
              <input
                aria-label="Days after the date"
                type="number"
                min={0}
                value={trigger.offsetDays}
                onChange={(event) => onChange({ ...trigger, offsetDays: event.target.valueAsNumber })}
              />
              days ago or more
            </label>
          </>
        ) : null}
      </div>
      {trigger.kind === 'dateReached' ? (
        <p className="muted">
          Checked while Kindling is open and when it opens, once for each date: a row runs again only after its date
          changes.
        </p>
      ) : null}
    </fieldset>
  );
}
