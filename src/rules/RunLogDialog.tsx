// The run log: the newest automation runs, what each did, and the runs that
// failed, stopped a chain or were only tried.

import { useLiveQuery } from 'dexie-react-hooks';

import { Dialog } from '../app/Dialog';
import type { RuleRunRecord } from '../db/records';
import { listRuleRuns, MAX_RULE_RUNS } from '../db/rules';

interface Props {
  locale: string;
  /** Names of the rules that still exist, by id. */
  ruleNames: Map<string, string>;
  onClose: () => void;
}

const OUTCOME_TEXT: Record<RuleRunRecord['outcome'], string> = {
  applied: 'Ran',
  failed: 'Failed',
  stopped: 'Stopped',
  tried: 'Tried',
};

export function RunLogDialog({ locale, ruleNames, onClose }: Props) {
  const runs = useLiveQuery(listRuleRuns);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Dialog title="Automation run log" onClose={onClose} wide>
      <p>The newest {MAX_RULE_RUNS} runs, newest first. Older runs are deleted.</p>
      {runs && runs.length === 0 ? <p>No automation has run yet.</p> : null}
      {runs?.length ? (
        <div className="rule-log">
          <table>
            <caption className="visually-hidden">Automation runs</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Automation</th>
                <th scope="col">Result</th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id}>
                  <td>{format.format(new Date(run.at))}</td>
                  <td>{ruleNames.get(run.ruleId) ?? `${run.ruleName ?? 'A rule'} (deleted)`}</td>
                  <td>{OUTCOME_TEXT[run.outcome]}</td>
                  <td>{run.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
