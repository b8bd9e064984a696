// The "Automations" section of Settings: the rules with their on/off
// switches and last run, and the way to add, edit, try and delete them.

import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';

import { Dialog } from '../app/Dialog';
import { describeError, reportError, showNotice } from '../app/notices';
import { describeConditions } from '../conditions/describe';
import { listSheets } from '../db';
import type { RuleRecord, SheetRecord } from '../db/records';
import { deleteRule, listRules, setRuleEnabled } from '../db/rules';
import type { FieldContext } from '../fields/types';
import { describeAction, describeLastRun, describeTrigger } from './describe';
import { RuleFormDialog } from './RuleFormDialog';
import { RunLogDialog } from './RunLogDialog';
import { TryRuleDialog } from './TryRuleDialog';
import './rules.css';

interface Props {
  settings: FieldContext;
}

type OpenDialog =
  | { kind: 'new' }
  | { kind: 'edit'; rule: RuleRecord }
  | { kind: 'try'; rule: RuleRecord; sheet: SheetRecord }
  | { kind: 'delete'; rule: RuleRecord }
  | { kind: 'log' };

export function RulesSection({ settings }: Props) {
  const rules = useLiveQuery(listRules);
  const sheets = useLiveQuery(listSheets);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const headingId = useId();
  const close = () => setDialog(null);

  if (!rules || !sheets) return null;

  const remove = async (rule: RuleRecord) => {
    try {
      await deleteRule(rule.id);
      showNotice(`Deleted the automation "${rule.name}".`);
      close();
    } catch (failure) {
      reportError(`Could not delete the automation "${rule.name}": ${describeError(failure)}`, failure);
    }
  };

  return (
    <section aria-labelledby={headingId} className="rules-section">
      <h2 id={headingId}>Automations</h2>
      <p>
        Rules that act when a row is added, a column changes or a date comes round. What a rule does is part of the
        change that started it, so one Undo in the sheet reverts both.
      </p>
      {rules.length === 0 ? (
        <p>No automations yet. Templates bring some, switched off; or add your own.</p>
      ) : (
        <ul className="rule-list">
          {rules.map((rule) => (
            <RuleItem
              key={rule.id}
              rule={rule}
              sheets={sheets}
              settings={settings}
              onEdit={() => setDialog({ kind: 'edit', rule })}
              onTry={(sheet) => setDialog({ kind: 'try', rule, sheet })}
              onDelete={() => setDialog({ kind: 'delete', rule })}
            />
          ))}
        </ul>
      )}
      <div className="rule-tools">
        <button type="button" disabled={sheets.length === 0} onClick={() => setDialog({ kind: 'new' })}>
          New automation
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'log' })}>
          Run log
        </button>
      </div>

      {dialog?.kind === 'new' ? <RuleFormDialog sheets={sheets} onClose={close} /> : null}
      {dialog?.kind === 'edit' ? <RuleFormDialog sheets={sheets} rule={dialog.rule} onClose={close} /> : null}
      {dialog?.kind === 'try' ? <TryRuleDialog rule={dialog.rule} sheet={dialog.sheet} onClose={close} /> : null}
      {dialog?.kind === 'log' ? (
        <RunLogDialog
          locale={settings.locale}
          ruleNames={new Map(rules.map((rule) => [rule.id, rule.name]))}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <Dialog title="Delete automation" onClose={close}>
          <p>Delete "{dialog.rule.name}"? Its runs stay in the run log.</p>
          <div className="dialog-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void remove(dialog.rule)}>
              Delete
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

interface ItemProps {
  rule: RuleRecord;
  sheets: SheetRecord[];
  settings: FieldContext;
  onEdit: () => void;
  onTry: (sheet: SheetRecord) => void;
  onDelete: () => void;
}

function RuleItem({ rule, sheets, settings, onEdit, onTry, onDelete }: ItemProps) {
  const nameId = useId();
  const sheet = sheets.find((each) => each.id === rule.sheetId);

  const toggle = (enabled: boolean) => {
    setRuleEnabled(rule.id, enabled)
      .then(() => showNotice(`${enabled ? 'Switched on' : 'Switched off'} "${rule.name}".`))
      .catch((failure: unknown) =>
        reportError(`Could not switch the automation "${rule.name}": ${describeError(failure)}`, failure),
      );
  };

  return (
    <li>
      <article className="rule-card" aria-labelledby={nameId}>
        <div className="rule-head">
          <h3 id={nameId}>{rule.name}</h3>
          <label className="rule-switch">
            <input
              type="checkbox"
              role="switch"
              checked={rule.enabled}
              aria-label={`Run "${rule.name}"`}
              onChange={(event) => toggle(event.target.checked)}
            />
            {/* The visible word follows the state; screen readers hear the state from the switch itself. */}
            <span aria-hidden="true">{rule.enabled ? 'On' : 'Off'}</span>
          </label>
        </div>
        <p className="muted">
          {sheet ? `Sheet "${sheet.name}"` : 'Its sheet is in the trash or deleted, so it does not run.'} ·{' '}
          {describeLastRun(rule.lastRunAt, rule.lastRunRowIds?.length ?? 0, settings.locale)}
        </p>
        <dl className="rule-parts">
          <dt>When</dt>
          <dd>{describeTrigger(rule.trigger, sheet)}</dd>
          {rule.conditions && sheet ? (
            <>
              <dt>If</dt>
              <dd>{describeConditions(rule.conditions, sheet, settings)}</dd>
            </>
          ) : null}
          <dt>Then</dt>
          <dd>
            <ol>
              {rule.actions.map((action, index) => (
                <li key={index}>{describeAction(action, sheet, sheets)}</li>
              ))}
            </ol>
          </dd>
        </dl>
        <div className="rule-actions">
          <button type="button" aria-describedby={nameId} onClick={onEdit} disabled={!sheet}>
            Edit
          </button>
          <button type="button" aria-describedby={nameId} onClick={() => sheet && onTry(sheet)} disabled={!sheet}>
            Try on one row
          </button>
          <button type="button" aria-describedby={nameId} onClick={onDelete}>
            Delete
          </button>
        </div>
      </article>
    </li>
  );
}
