// Automation rules in a tab: the hook that runs them inside row writes, and
// the clock that runs date rules. The app loads this module after its first
// render, so none of the engine weighs on the first load.

import { describeError, reportError, showNotice } from '../app/notices';
import { createRuleHook, runDateRules } from '../db/rules';

/** How often date rules are checked while the app is open, in milliseconds. Dates change daily, so a quarter hour is prompt enough. */
export const DATE_RULE_INTERVAL_MS = 15 * 60 * 1000;

/** The hook registered with setRowChangeHook; its notices go to the app's notice list. */
export const ruleHook = createRuleHook((text) => showNotice(text));

/**
 * Runs date rules now, which catches up on dates reached while the app was
 * closed, then every DATE_RULE_INTERVAL_MS and when the tab becomes visible.
 * Returns a stop function. Two tabs may both check: each run is one
 * transaction that records what fired, so a row fires once either way.
 */
export function startDateRuleClock(now: () => Date = () => new Date()): () => void {
  let running = false;
  const check = () => {
    if (running) return;
    running = true;
    runDateRules(now(), (text) => showNotice(text))
      .catch((error: unknown) => reportError(`Automation rules on dates could not run: ${describeError(error)}`, error))
      .finally(() => {
        running = false;
      });
  };
  const onVisibilityChange = () => {
    if (document.visibilityState === 'visible') check();
  };

  check();
  const timer = setInterval(check, DATE_RULE_INTERVAL_MS);
  document.addEventListener('visibilitychange', onVisibilityChange);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibilityChange);
  };
}
