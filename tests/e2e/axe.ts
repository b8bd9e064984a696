// Runs axe-core in the app under test. The page's Content Security Policy
// does not apply to scripts evaluated through the DevTools Protocol, so axe is
// injected with page.evaluate and the app's CSP stays as it ships.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Impacts that fail a test. Moderate and minor findings are left to review. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/** Wait that lets CSS transitions such as a dialog fading in finish, so colours are measured at rest. */
const SETTLE_MS = 300;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe on the whole page, or only inside the elements `selector` matches,
 * and returns one line per serious or critical violation: rule id, impact,
 * help text and the selectors of the elements.
 */
export async function seriousAxeViolations(page: Page, selector?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  await page.waitForTimeout(SETTLE_MS);
  // Nothing is excluded: AG Grid's own DOM passes the serious and critical rules as of AG Grid 36.
  const violations = await page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(include === null ? document : { include: [include] })).violations;
  }, selector ?? null);

  return (violations as AxeViolation[])
    .filter((violation) => violation.impact !== null && FAILING_IMPACTS.has(violation.impact))
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.map(String).join(' >> ')).join(', ');
      return `${violation.id} (${violation.impact}): ${violation.help}. Elements: ${targets}`;
    });
}
