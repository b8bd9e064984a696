// Report sections for the measures added after the first benchmark: the
// 1,000-row import, the cell edit up to its committed write, the offline
// start with 100,000 rows and its peak JS heap, and Lighthouse scores. It also
// lists the targets that were missed, by how much and why.

import { failure, formatMiB, formatMs, median, spread, table, verdict } from './report.mjs';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A reload with the network off must show the workbook in under this, as the product's offline bar sets. */
export const OFFLINE_START_TARGET_MS = 1_000;

/** Lighthouse scores below this are listed as missed; no score target is set, so 90 is Lighthouse's own "good". */
const LIGHTHOUSE_GOOD_SCORE = 90;

function ratioText(appMs, baselineMs) {
  return appMs !== null && baselineMs ? `${twoDecimals.format(appMs / baselineMs)}x` : 'n/a';
}

/** Returns the largest peak JS heap of the 100,000-row steps: the import and the offline starts. */
function largePeakHeapMiB(results) {
  const peaks = [...(results.importLarge?.runs ?? []), ...(results.offlineLarge?.runs ?? [])]
    .map((run) => run.peakJsHeapMiB)
    .filter((value) => typeof value === 'number');
  return peaks.length > 0 ? Math.max(...peaks) : null;
}

/**
 * Returns a warning when the load average exceeded the core count during the
 * run, because other processes then shared the CPU and every time is longer.
 */
export function loadNote(results) {
  const { cores, loadAverageAtStart } = results.machine;
  const peak = Math.max(Number(loadAverageAtStart), Number(results.loadAverageAtEnd));
  if (!(peak > cores)) return '';
  return (
    `\nThe 1-minute load average reached ${peak.toFixed(2)} on ${cores} cores, so other processes shared the CPU ` +
    'during this run and the times above are longer than on an idle machine. Compare runs only at similar loads.\n'
  );
}

/** Rows for the summary table, after the rows of the first benchmark. */
export function extraSummaryRows(results) {
  const { config, quick } = results;
  const smallMs = (results.importSmall?.runs ?? []).map((run) => run.importMs);
  const smallBaselineMs = (results.baselineSmall?.runs ?? []).map((run) => run.totalMs);
  const largeMs = (results.importLarge?.runs ?? []).map((run) => run.importMs);
  const largeBaselineMs = (results.baselineLarge?.runs ?? []).map((run) => run.totalMs);
  const offlineLargeMs = (results.offlineLarge?.runs ?? []).map((run) => run.startMs);
  const commitMs = (results.cellEdit?.runs ?? []).map((run) => run.commitMs);
  const lighthouse = results.lighthouse ?? {};
  const rows = (count) => integer.format(count);

  return [
    [
      `Import of ${rows(config.importSmallRows)} rows (median of ${config.importRuns})`,
      `${spread(smallMs)}, ${ratioText(median(smallMs), median(smallBaselineMs))} of baseline ${formatMs(median(smallBaselineMs))}`,
      'none set',
      '',
    ],
    [
      `Import of ${rows(config.largeRows)} rows / baseline`,
      ratioText(median(largeMs), median(largeBaselineMs)),
      'none set',
      '',
    ],
    [
      `Cold offline start, ${rows(config.largeRows)} rows (median of ${config.largeOfflineRuns})`,
      spread(offlineLargeMs),
      `under ${formatMs(OFFLINE_START_TARGET_MS)}`,
      verdict(median(offlineLargeMs), OFFLINE_START_TARGET_MS, quick),
    ],
    [`Peak JS heap with ${rows(config.largeRows)} rows (MiB)`, formatMiB(largePeakHeapMiB(results)), 'none set', ''],
    [
      `Cell edit, Enter to committed write (median of ${config.editRuns})`,
      spread(commitMs),
      'none set; measured only',
      '',
    ],
    ...['desktop', 'mobile'].map((formFactor) => {
      const scores = lighthouse[formFactor]?.scores;
      return [
        `Lighthouse ${formFactor}: performance / accessibility / best practices`,
        scores ? `${scores.performance} / ${scores.accessibility} / ${scores['best-practices']}` : 'n/a',
        'none set',
        '',
      ];
    }),
  ];
}

/** Details of the cell edit timing. */
export function cellEditSection(section) {
  if (!section) return 'Not measured.\n';
  return (
    table(
      ['Edit', 'Enter to committed write', 'Enter to new text in the grid'],
      (section.runs ?? []).map((run, index) => [String(index + 1), formatMs(run.commitMs), formatMs(run.shownMs)]),
    ) + failure(section)
  );
}

/** Details of the 100,000-row offline starts with the memory they took. */
export function largeOfflineSection(section) {
  if (!section) return 'Not measured.\n';
  if (section.skipped) return `Not run: ${section.skipped}.\n`;
  return (
    table(
      ['Run', 'Offline start', 'Peak JS heap (MiB)', 'Peak renderer PSS (MiB)', 'Offline and SW-controlled'],
      (section.runs ?? []).map((run, index) => [
        String(index + 1),
        formatMs(run.startMs),
        formatMiB(run.peakJsHeapMiB),
        formatMiB(run.peakRendererPssMiB),
        run.controlled && !run.online ? 'yes' : 'no',
      ]),
    ) + failure(section)
  );
}

/** Lighthouse scores, key metrics and failed audits for each form factor. */
export function lighthouseSection(lighthouse) {
  const parts = [];
  for (const formFactor of ['desktop', 'mobile']) {
    const section = lighthouse?.[formFactor];
    if (!section || section.error) {
      parts.push(`**${formFactor}**: not measured.${section?.error ? ` ${section.error}` : ''}`);
      continue;
    }
    const failed = Object.entries(section.failed)
      .map(([category, titles]) => `${category}: ${titles.length ? titles.join('; ') : 'none'}`)
      .join('. ');
    parts.push(
      `**${formFactor}** (Lighthouse ${section.lighthouseVersion}): performance ${section.scores.performance}, ` +
        `accessibility ${section.scores.accessibility}, best practices ${section.scores['best-practices']}. ` +
        `${section.metrics.map((metric) => `${metric.title} ${metric.value}`).join(', ')}. ` +
        `Audits scoring under 0.9: ${failed}.`,
    );
  }
  return parts.join('\n\n') + '\n';
}

/**
 * Reasons for targets that a run misses, from reading the code of each step;
 * the numbers come from the run.
 */
const MISS_REASONS = {
  mediumImportMs:
    'The import does more work per row than the baseline (see the next line), and the time also grows with the ' +
    'machine load.',
  mediumImportToBaseline:
    'The baseline only parses and stores plain objects. The import also decodes and sniffs the file, infers ' +
    'column types, reads every cell through its field type in a worker, sends the rows to the page, and writes ' +
    'history and import records in the same transaction. The benchmark does not profile these steps, so the ' +
    'share of each is not known.',
  largeImportMs:
    'The 100,000 rows are written in one IndexedDB transaction, so the write cannot start before every row is ' +
    'planned. The time also grows with the machine load (see the load average above).',
  quickFilterMs:
    "The first search builds AG Grid's quick-filter text for every row, and every search re-renders the rows " +
    "it shows. A CPU profile of the first search puts most of its time outside JavaScript, in the browser's work " +
    'on those rows, so the slowest query is usually the first one after the rows load.',
  offlineStart:
    'A cold start reads every row of the sheet from IndexedDB and builds the grid rows before the status shows ' +
    'the row count. Both steps grow with the number of rows.',
};

/** Lists each missed target with the measured value, the limit, the amount over and the reason. */
export function missedTargetsSection(results, targets) {
  if (results.quick) return 'Not judged in a quick run.\n';
  const missed = [];
  const over = (value, limit, unit) =>
    unit === 'x'
      ? `${twoDecimals.format(value)}x against at most ${limit}x, ${integer.format(((value - limit) / limit) * 100)}% over`
      : `${formatMs(value)} against under ${formatMs(limit)}, ${formatMs(value - limit)} (${integer.format(((value - limit) / limit) * 100)}%) over`;

  const importMedian = median(results.importMedium.runs.map((run) => run.importMs));
  const baselineMedian = median(results.baselineMedium.runs.map((run) => run.totalMs));
  if (importMedian !== null && importMedian > targets.mediumImportMs) {
    missed.push(`Import of 10,000 rows: ${over(importMedian, targets.mediumImportMs)}. ${MISS_REASONS.mediumImportMs}`);
  }
  if (importMedian !== null && baselineMedian) {
    const ratio = importMedian / baselineMedian;
    if (ratio > targets.mediumImportToBaseline) {
      missed.push(
        `Import of 10,000 rows against the baseline: ${over(ratio, targets.mediumImportToBaseline, 'x')}. ${MISS_REASONS.mediumImportToBaseline}`,
      );
    }
  }
  const largeMs = results.importLarge.runs[0]?.importMs;
  if (largeMs !== undefined && largeMs > targets.largeImportMs) {
    missed.push(`Import of 100,000 rows: ${over(largeMs, targets.largeImportMs)}. ${MISS_REASONS.largeImportMs}`);
  }
  const filterMs = results.quickFilter.runs.map((run) => run.filterMs);
  if (filterMs.length > 0 && Math.max(...filterMs) > targets.quickFilterMs) {
    missed.push(
      `Quick filter (slowest query): ${over(Math.max(...filterMs), targets.quickFilterMs)}. ${MISS_REASONS.quickFilterMs}`,
    );
  }
  for (const [label, section] of [
    ['100 rows', results.offlineSmall],
    ['10,000 rows', results.offlineMedium],
    ['100,000 rows', results.offlineLarge],
  ]) {
    const startMedian = median((section?.runs ?? []).map((run) => run.startMs));
    if (startMedian !== null && startMedian > OFFLINE_START_TARGET_MS) {
      missed.push(
        `Cold offline start with ${label}: ${over(startMedian, OFFLINE_START_TARGET_MS)}. ${MISS_REASONS.offlineStart}`,
      );
    }
  }
  for (const formFactor of ['desktop', 'mobile']) {
    for (const [category, score] of Object.entries(results.lighthouse?.[formFactor]?.scores ?? {})) {
      if (score !== null && score < LIGHTHOUSE_GOOD_SCORE) {
        const audits = results.lighthouse[formFactor].failed[category] ?? [];
        missed.push(
          `Lighthouse ${formFactor} ${category}: ${score}, under Lighthouse's "good" of ${LIGHTHOUSE_GOOD_SCORE} (no product target is set); failed audits: ${audits.join('; ') || 'none listed'}.`,
        );
      }
    }
  }
  return missed.length ? missed.map((line) => `- ${line}`).join('\n') + '\n' : 'None.\n';
}
