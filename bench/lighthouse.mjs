// Runs Lighthouse 12 on the production build in Debian's Chromium, started by
// chrome-launcher with a fresh profile, and returns the category scores.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';

/** chrome-launcher adds no --headless flag of its own, so it is added here. */
const LIGHTHOUSE_CHROMIUM_FLAGS = ['--headless', ...CHROMIUM_ARGS];

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

/** Audits whose numbers the report lists next to the performance score. */
const METRIC_AUDITS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
];

/**
 * Audits `url` once and returns each category's score from 0 to 100, the key
 * metrics, and the titles of the failed audits of each category. 'desktop'
 * uses Lighthouse's desktop settings; 'mobile' is Lighthouse's default, with a
 * simulated slow 4G network and a 4x slower CPU.
 */
export async function runLighthouse(url, chromiumPath, formFactor) {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'kindling-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: LIGHTHOUSE_CHROMIUM_FLAGS,
    userDataDir,
    logLevel: 'error',
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    const { lhr } = result;
    const scores = Object.fromEntries(
      CATEGORIES.map((id) => [
        id,
        lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100),
      ]),
    );
    const metrics = METRIC_AUDITS.map((id) => ({
      title: lhr.audits[id]?.title ?? id,
      value: lhr.audits[id]?.displayValue ?? 'n/a',
    }));
    const failed = Object.fromEntries(
      CATEGORIES.map((id) => [
        id,
        (lhr.categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
          .map((ref) => lhr.audits[ref.id].title),
      ]),
    );
    return {
      lighthouseVersion: lhr.lighthouseVersion,
      formFactor,
      scores,
      metrics,
      failed,
      runWarnings: lhr.runWarnings,
    };
  } finally {
    await chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
