/* global window, navigator */
// Benchmarks the production build in headless Chromium. It measures CSV import
// through the UI against a raw PapaParse + Dexie baseline, quick filter, global
// search, a cell edit up to its committed write, cold offline start, the peak
// JS heap with 100,000 rows and Lighthouse scores. It also sizes the first-load
// JS and each chunk loaded on demand, and writes the results to docs/benchmarks.md.
//
// Usage: npm run bench                   (builds dist/ first, full run, writes the report)
//        node bench/run.mjs --quick      (small files and few runs, prints the report only)
//        node bench/run.mjs --skip-large (leaves out the 100,000-row steps, prints the report only)
//        KINDLING_DIST=/tmp/build node bench/run.mjs (measures another build folder)

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
  openGlobalSearch,
  timeGlobalSearch,
  statusTimerScript,
  timeImportFromFirstRun,
  timeQuickFilter,
  waitForRowCount,
  waitForServiceWorkerControl,
} from './app-steps.mjs';
import { measureFirstLoadJs, measureLazyChunks } from './chunks.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium.mjs';
import { timeCellEdits } from './edit-commit.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { describeMachine, readLoadAverage } from './machine.mjs';
import { readJsHeapMiB, startMemorySampler } from './memory.mjs';
import { writeReport } from './report.mjs';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The production build to measure; KINDLING_DIST points at another build folder, as the e2e tests accept. */
const DIST_DIR = process.env.KINDLING_DIST ? path.resolve(process.env.KINDLING_DIST) : path.join(REPO_ROOT, 'dist');
const BENCH_DIR = path.join(REPO_ROOT, 'bench');
const REPORT_PATH = path.join(REPO_ROOT, 'docs', 'benchmarks.md');

const VIEWPORT = { width: 1600, height: 1000 };

const FULL_CONFIG = {
  mediumRows: 10_000,
  largeRows: 100_000,
  smallRows: 100,
  importSmallRows: 1_000,
  importRuns: 5,
  offlineRuns: 5,
  largeOfflineRuns: 3,
  editRuns: 5,
  filterQueries: 5,
  globalSearchRuns: 5,
};
const QUICK_CONFIG = {
  mediumRows: 1_000,
  largeRows: 5_000,
  smallRows: 100,
  importSmallRows: 200,
  importRuns: 2,
  offlineRuns: 2,
  largeOfflineRuns: 1,
  editRuns: 3,
  filterQueries: 3,
  globalSearchRuns: 3,
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
  for (const rowCount of new Set([config.smallRows, config.importSmallRows, config.mediumRows, config.largeRows])) {
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

/** Global search queries: part of an email, a name prefix, digits of a phone, and a word inside a company. */
function chooseGlobalSearchQueries(rowCount) {
  const rows = generateCustomerRows(rowCount);
  const column = (name) => CUSTOMER_HEADER.indexOf(name);
  const pickRow = (fraction) => rows[Math.floor(rowCount * fraction)];
  return [
    { kind: 'part of an email', text: pickRow(0.3)[column('Email')].split('@')[0].slice(2) },
    { kind: 'name prefix', text: pickRow(0.6)[column('Last Name')].slice(0, 3) },
    { kind: 'phone digits', text: pickRow(0.8)[column('Phone 1')].replace(/\D/g, '').slice(3, 9) },
    { kind: 'company word', text: pickRow(0.2)[column('Company')].split(/\W+/)[0] },
  ];
}

/** Opens "Search everything" over the imported rows and times each query `runs` times. */
async function runGlobalSearch(page, rowCount, runs) {
  const { palette, indexMs } = await openGlobalSearch(page, rowCount);
  const results = [];
  for (const query of chooseGlobalSearchQueries(rowCount)) {
    const times = [];
    let status = null;
    for (let run = 0; run < runs; run += 1) {
      const measured = await timeGlobalSearch(page, palette, query.text);
      times.push(measured.searchMs);
      status = measured.status;
    }
    results.push({ ...query, status, times });
  }
  await page.keyboard.press('Escape');
  return { indexMs, runs: results };
}

/**
 * Imports `rowCount` rows, lets the service worker take control, then times
 * offline starts of a new page, sampling the page's JS heap during each start.
 */
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
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      // A DevTools session attached before the navigation turns Playwright's offline emulation off for
      // this page in Chromium 156, so the session sets the page offline itself.
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: true,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await page.addInitScript(statusTimerScript, { totalRows: rowCount, statusPattern: STATUS_PATTERN.source });
      const sampler = startMemorySampler(cdp);
      await page.goto(appURL);
      await waitForRowCount(page, rowCount, { timeout: 120_000 });
      await page.waitForFunction(() => window.__kindlingStatusTimer?.at != null, undefined, { timeout: 10_000 });
      const peaks = await sampler.stop();
      const startMs = await page.evaluate(() => window.__kindlingStatusTimer.at);
      const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
      const online = await page.evaluate(() => navigator.onLine);
      // Detaching ends the session's offline emulation, so the page is read first.
      await cdp.detach();
      results.push({
        startMs,
        controlled,
        online,
        peakJsHeapMiB: peaks.jsHeapMiB,
        peakRendererPssMiB: peaks.rendererPssMiB,
      });
      console.log(`bench:   run ${run + 1}: ${Math.round(startMs)} ms`);
    }
    return { runs: results };
  } finally {
    await context.close();
  }
}

async function main() {
  const quick = process.argv.includes('--quick');
  const skipLarge = process.argv.includes('--skip-large');
  const config = quick ? QUICK_CONFIG : FULL_CONFIG;
  const notRun = (reason) => async () => ({ runs: [], skipped: reason });
  const largeStep = (step) => (skipLarge ? notRun('left out with --skip-large') : step);

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
    const { mediumRows, largeRows, smallRows, importSmallRows } = config;
    const fileName = (rowCount) => path.basename(files[rowCount]);

    const baselineMedium = await measure(`baseline, ${mediumRows} rows`, () =>
      runBaseline(browser, baselineServer.url, fileName(mediumRows), config.importRuns),
    );
    const baselineLarge = await measure(
      `baseline, ${largeRows} rows`,
      largeStep(() => runBaseline(browser, baselineServer.url, fileName(largeRows), 1)),
    );
    const baselineSmall = await measure(`baseline, ${importSmallRows} rows`, () =>
      runBaseline(browser, baselineServer.url, fileName(importSmallRows), config.importRuns),
    );
    const importSmall = await measure(`import, ${importSmallRows} rows`, () =>
      runImports(browser, appServer.url, files[importSmallRows], importSmallRows, config.importRuns, (page) =>
        measure('cell edit to committed write', () => timeCellEdits(page, 'Company', importSmallRows, config.editRuns)),
      ),
    );

    const filterQueries = chooseFilterQueries(mediumRows, config.filterQueries);
    const importMedium = await measure(`import, ${mediumRows} rows`, () =>
      runImports(browser, appServer.url, files[mediumRows], mediumRows, config.importRuns, async (page) => ({
        quickFilter: await measure(`quick filter, ${mediumRows} rows`, () =>
          runQuickFilter(page, mediumRows, filterQueries),
        ),
        globalSearch: await measure(`global search, ${mediumRows} rows`, () =>
          runGlobalSearch(page, mediumRows, config.globalSearchRuns),
        ),
      })),
    );
    const importLarge = await measure(
      `import, ${largeRows} rows`,
      largeStep(() => runImports(browser, appServer.url, files[largeRows], largeRows, 1)),
    );

    const offlineSmall = await measure(`offline start, ${smallRows} rows`, () =>
      runOfflineStarts(browser, appServer.url, files[smallRows], smallRows, config.offlineRuns),
    );
    const offlineMedium = await measure(`offline start, ${mediumRows} rows`, () =>
      runOfflineStarts(browser, appServer.url, files[mediumRows], mediumRows, config.offlineRuns),
    );
    const offlineLarge = await measure(
      `offline start, ${largeRows} rows`,
      largeStep(() => runOfflineStarts(browser, appServer.url, files[largeRows], largeRows, config.largeOfflineRuns)),
    );

    // Lighthouse starts its own Chromium, so the Playwright one is closed first to leave it the CPU.
    await browser.close();
    browser = null;
    const lighthouse = {};
    for (const formFactor of ['desktop', 'mobile']) {
      lighthouse[formFactor] = await measure(`Lighthouse, ${formFactor}`, () =>
        runLighthouse(appServer.url, CHROMIUM_PATH, formFactor),
      );
    }

    const results = {
      date: new Date().toISOString(),
      quick,
      config,
      machine,
      firstLoadJs,
      lazyChunks,
      baselineMedium,
      baselineLarge,
      baselineSmall,
      importSmall,
      importMedium,
      importLarge,
      cellEdit: importSmall.followUp ?? { runs: [], error: importSmall.error ?? 'not run' },
      quickFilter: importMedium.followUp?.quickFilter ?? { runs: [], error: importMedium.error ?? 'not run' },
      globalSearch: importMedium.followUp?.globalSearch ?? { runs: [], error: importMedium.error ?? 'not run' },
      offlineSmall,
      offlineMedium,
      offlineLarge,
      lighthouse,
      loadAverageAtEnd: readLoadAverage(),
    };
    await writeReport(results, quick || skipLarge ? null : REPORT_PATH);
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
