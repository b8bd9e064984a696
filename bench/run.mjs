/* global window, navigator */
// Benchmarks the production build in headless Chromium: CSV import through the
// UI against a raw PapaParse + Dexie baseline, quick filter, cold offline
// start, first-load JS size and the size of each chunk loaded on demand.
// Writes the results to docs/benchmarks.md.
//
// Usage: npm run bench              (builds dist/ first, full run, writes the report)
//        node bench/run.mjs --quick (small files and few runs, prints the report only)

import { mkdtempSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CUSTOMER_HEADER, generateCustomerRows, generateCustomersCsv } from '../tests/fixtures/make-customers.mjs';
import { startStaticServer } from '../tests/e2e/static-server.mjs';
import {
  STATUS_PATTERN,
  clearQuickFilter,
  statusTimerScript,
  timeImportFromFirstRun,
  timeQuickFilter,
  waitForRowCount,
  waitForServiceWorkerControl,
} from './app-steps.mjs';
import { measureFirstLoadJs, measureLazyChunks } from './chunks.mjs';
import { describeMachine, readLoadAverage } from './machine.mjs';
import { readJsHeapMiB, startMemorySampler } from './memory.mjs';
import { writeReport } from './report.mjs';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST_DIR = path.join(REPO_ROOT, 'dist');
const BENCH_DIR = path.join(REPO_ROOT, 'bench');
const REPORT_PATH = path.join(REPO_ROOT, 'docs', 'benchmarks.md');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
const VIEWPORT = { width: 1600, height: 1000 };

const FULL_CONFIG = {
  mediumRows: 10_000,
  largeRows: 100_000,
  smallRows: 100,
  importRuns: 5,
  offlineRuns: 5,
  filterQueries: 5,
};
const QUICK_CONFIG = {
  mediumRows: 1_000,
  largeRows: 5_000,
  smallRows: 100,
  importRuns: 2,
  offlineRuns: 2,
  filterQueries: 3,
};

/** Runs `step` and stores its result, or its error message, so one failed step does not end the benchmark. */
async function measure(label, step) {
  console.log(`bench: ${label}`);
  try {
    return { ...(await step()), error: null };
  } catch (error) {
    console.error(`bench: ${label} failed:`, error);
    return { runs: [], error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/** Bundles bench/baseline.html with PapaParse and Dexie from node_modules into `outDir`. */
async function buildBaselinePage(outDir) {
  await build({
    configFile: false,
    root: BENCH_DIR,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: path.join(BENCH_DIR, 'baseline.html') },
    },
  });
}

function writeCsvFiles(dataDir, config) {
  const files = {};
  for (const rowCount of [config.smallRows, config.mediumRows, config.largeRows]) {
    const filePath = path.join(dataDir, `customers-${rowCount}.csv`);
    writeFileSync(filePath, generateCustomersCsv(rowCount));
    files[rowCount] = filePath;
  }
  return files;
}

async function newPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  return { context, page };
}

async function runBaseline(browser, baselineURL, fileName, runs) {
  const results = [];
  for (let run = 0; run < runs; run += 1) {
    const { context, page } = await newPage(browser);
    await page.goto(`${baselineURL}/baseline.html`);
    await page.waitForFunction(() => window.baselineReady === true);
    results.push(await page.evaluate((url) => window.runBaseline(url), `${baselineURL}/data/${fileName}`));
    await context.close();
  }
  return { runs: results };
}

/**
 * Imports `filePath` from the first-run screen in a fresh context, `runs`
 * times. `afterLastRun` receives the page of the last run before it closes.
 */
async function runImports(browser, appURL, filePath, rowCount, runs, afterLastRun) {
  const results = [];
  let followUp = null;
  for (let run = 0; run < runs; run += 1) {
    const { context, page } = await newPage(browser);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(appURL);

    const sampler = startMemorySampler(cdp);
    const result = await timeImportFromFirstRun(page, filePath, rowCount, { timeout: 300_000 });
    const peaks = await sampler.stop();
    const jsHeapAfterMiB = await readJsHeapMiB(cdp);
    results.push({
      importMs: result.importMs,
      buttonLabel: result.buttonLabel,
      summary: result.summary,
      jsHeapAfterMiB,
      peakJsHeapMiB: peaks.jsHeapMiB,
      peakRendererPssMiB: peaks.rendererPssMiB,
    });
    console.log(`bench:   run ${run + 1}: ${Math.round(result.importMs)} ms`);

    if (run === runs - 1 && afterLastRun) {
      followUp = await afterLastRun(page);
    }
    await context.close();
  }
  return { runs: results, followUp };
}

function chooseFilterQueries(rowCount, queryCount) {
  const rows = generateCustomerRows(rowCount);
  const column = (name) => CUSTOMER_HEADER.indexOf(name);
  const pickRow = (fraction) => rows[Math.floor(rowCount * fraction)];
  const candidates = [
    { kind: 'customer id', text: pickRow(0.5)[column('Customer Id')] },
    { kind: 'email', text: pickRow(0.25)[column('Email')] },
    { kind: 'last name', text: pickRow(0.75)[column('Last Name')] },
    { kind: 'city', text: pickRow(0.1)[column('City')] },
    { kind: 'phone', text: pickRow(0.9)[column('Phone 1')] },
  ];
  return candidates.slice(0, queryCount);
}

async function runQuickFilter(page, rowCount, queries) {
  const runs = [];
  for (const query of queries) {
    const { filterMs, status } = await timeQuickFilter(page, query.text);
    runs.push({ ...query, filterMs, status });
    await clearQuickFilter(page, rowCount);
  }
  return { runs };
}

/** Imports `rowCount` rows, lets the service worker take control, then times offline starts of a new page. */
async function runOfflineStarts(browser, appURL, filePath, rowCount, runs) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  let page = await context.newPage();
  try {
    await page.goto(appURL);
    await timeImportFromFirstRun(page, filePath, rowCount, { timeout: 300_000 });
    await waitForServiceWorkerControl(page, rowCount);

    const results = [];
    for (let run = 0; run < runs; run += 1) {
      await page.close();
      await context.setOffline(true);
      page = await context.newPage();
      await page.addInitScript(statusTimerScript, { totalRows: rowCount, statusPattern: STATUS_PATTERN.source });
      await page.goto(appURL);
      await waitForRowCount(page, rowCount, { timeout: 120_000 });
      await page.waitForFunction(() => window.__kindlingStatusTimer?.at != null, undefined, { timeout: 10_000 });
      const startMs = await page.evaluate(() => window.__kindlingStatusTimer.at);
      const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
      const online = await page.evaluate(() => navigator.onLine);
      results.push({ startMs, controlled, online });
      console.log(`bench:   run ${run + 1}: ${Math.round(startMs)} ms`);
    }
    return { runs: results };
  } finally {
    await context.close();
  }
}

async function main() {
  const quick = process.argv.includes('--quick');
  const config = quick ? QUICK_CONFIG : FULL_CONFIG;

  if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
    throw new Error(`No production build in ${DIST_DIR}: run "npm run build" first, or use "npm run bench".`);
  }

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'kindling-bench-'));
  const baselineDir = path.join(workDir, 'baseline');
  const dataDir = path.join(baselineDir, 'data');
  const servers = [];
  let browser = null;

  try {
    const firstLoadJs = measureFirstLoadJs(DIST_DIR);
    const lazyChunks = measureLazyChunks(DIST_DIR, firstLoadJs);
    await buildBaselinePage(baselineDir);
    mkdirSync(dataDir, { recursive: true });
    const files = writeCsvFiles(dataDir, config);

    const appServer = await startStaticServer({ root: DIST_DIR });
    servers.push(appServer);
    const baselineServer = await startStaticServer({ root: baselineDir });
    servers.push(baselineServer);

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const machine = describeMachine(browser.version());
    const { mediumRows, largeRows, smallRows } = config;
    const fileName = (rowCount) => path.basename(files[rowCount]);

    const baselineMedium = await measure(`baseline, ${mediumRows} rows`, () =>
      runBaseline(browser, baselineServer.url, fileName(mediumRows), config.importRuns),
    );
    const baselineLarge = await measure(`baseline, ${largeRows} rows`, () =>
      runBaseline(browser, baselineServer.url, fileName(largeRows), 1),
    );

    const filterQueries = chooseFilterQueries(mediumRows, config.filterQueries);
    const importMedium = await measure(`import, ${mediumRows} rows`, () =>
      runImports(browser, appServer.url, files[mediumRows], mediumRows, config.importRuns, (page) =>
        measure(`quick filter, ${mediumRows} rows`, () => runQuickFilter(page, mediumRows, filterQueries)),
      ),
    );
    const importLarge = await measure(`import, ${largeRows} rows`, () =>
      runImports(browser, appServer.url, files[largeRows], largeRows, 1),
    );

    const offlineSmall = await measure(`offline start, ${smallRows} rows`, () =>
      runOfflineStarts(browser, appServer.url, files[smallRows], smallRows, config.offlineRuns),
    );
    const offlineMedium = await measure(`offline start, ${mediumRows} rows`, () =>
      runOfflineStarts(browser, appServer.url, files[mediumRows], mediumRows, config.offlineRuns),
    );

    const results = {
      date: new Date().toISOString(),
      quick,
      config,
      machine,
      firstLoadJs,
      lazyChunks,
      baselineMedium,
      baselineLarge,
      importMedium,
      importLarge,
      quickFilter: importMedium.followUp ?? { runs: [], error: importMedium.error ?? 'not run' },
      offlineSmall,
      offlineMedium,
      loadAverageAtEnd: readLoadAverage(),
    };
    await writeReport(results, quick ? null : REPORT_PATH);
  } finally {
    await browser?.close();
    for (const server of servers) {
      await server.close();
    }
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error('bench: failed:', error);
  process.exit(1);
});
