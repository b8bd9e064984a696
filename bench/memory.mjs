/* global setInterval, clearInterval */
// Memory readings for the benchmark: the page's main-thread JS heap through
// the Chrome DevTools Protocol, and the proportional set size (PSS) of
// Chromium's renderer processes, which also counts workers.

import { readFileSync, readdirSync } from 'node:fs';

function readParentPid(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in brackets may contain spaces, so fields are
    // counted from the closing bracket.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return null;
  }
}

function listDescendants(rootPid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    const parent = readParentPid(entry);
    if (parent !== null) {
      const list = children.get(parent) ?? [];
      list.push(Number(entry));
      children.set(parent, list);
    }
  }
  const descendants = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    for (const child of children.get(pid) ?? []) {
      descendants.push(child);
      queue.push(child);
    }
  }
  return descendants;
}

function readPssKiB(pid) {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const match = /^Pss:\s+(\d+) kB$/m.exec(rollup);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Returns the summed PSS in MiB of the Chromium renderer processes started
 * by this Node process. Only processes launched from here are counted, so a
 * browser that another program runs does not skew the reading.
 */
export function readRendererPssMiB() {
  let totalKiB = 0;
  for (const pid of listDescendants(process.pid)) {
    let commandLine = '';
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (commandLine.includes('--type=renderer')) {
      totalKiB += readPssKiB(pid);
    }
  }
  return totalKiB / 1024;
}

export async function readJsHeapMiB(cdpSession) {
  const { metrics } = await cdpSession.send('Performance.getMetrics');
  const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
  return used / 1024 ** 2;
}

/**
 * Samples memory every `intervalMs` until stop() is called, and returns the
 * maximum of each reading. Sampling a page can fail while it navigates, and
 * such samples are skipped.
 */
export function startMemorySampler(cdpSession, intervalMs = 200) {
  const peaks = { jsHeapMiB: 0, rendererPssMiB: 0 };
  let pending = Promise.resolve();
  const sample = async () => {
    peaks.rendererPssMiB = Math.max(peaks.rendererPssMiB, readRendererPssMiB());
    try {
      peaks.jsHeapMiB = Math.max(peaks.jsHeapMiB, await readJsHeapMiB(cdpSession));
    } catch {
      // The page was busy navigating or closing, so this sample is skipped.
    }
  };
  const timer = setInterval(() => {
    pending = pending.then(sample);
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      await sample();
      return peaks;
    },
  };
}
