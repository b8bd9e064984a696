// Sizes of the JS the production build ships: the first load that index.html
// starts, and every chunk the app loads on demand after that.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** A built file name such as `DashboardPage-B8Cswjb8.js`: the chunk name, then Vite's 8-character hash. */
const HASHED_FILE = /^(.+)-[\w-]{8}\.js$/;

/** Sums the sizes of the JS that index.html loads before the app starts: its module entry and modulepreloads. */
export function measureFirstLoadJs(distDir) {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const sources = new Set();
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) {
    sources.add(match[1]);
  }
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    sources.add(match[1]);
  }
  const files = [...sources].map((source) => {
    const content = readFileSync(path.join(distDir, source.replace(/^\//, '')));
    return { file: source, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
  return {
    files,
    totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    totalGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}

/**
 * Lists every JS file in dist/assets that is not part of the first load, with
 * its chunk name and sizes, largest gzip size first. A chunk counts as part of
 * a worker when it is a `*.worker` entry, the entry names its file (a dynamic
 * import), or it imports from the entry.
 */
export function measureLazyChunks(distDir, firstLoadJs) {
  const assetsDir = path.join(distDir, 'assets');
  const firstLoad = new Set(firstLoadJs.files.map((file) => path.basename(file.file)));
  const workerEntries = readdirSync(assetsDir).filter((name) => /\.worker-[\w-]{8}\.js$/.test(name));
  const workerTexts = workerEntries.map((entry) => readFileSync(path.join(assetsDir, entry), 'utf8'));

  return readdirSync(assetsDir)
    .filter((name) => name.endsWith('.js') && !firstLoad.has(name))
    .map((name) => {
      const content = readFileSync(path.join(assetsDir, name));
      const text = content.toString('utf8');
      const inWorker =
        workerEntries.includes(name) ||
        workerTexts.some((workerText) => workerText.includes(name)) ||
        workerEntries.some((entry) => text.includes(`./${entry}`));
      return {
        file: `/assets/${name}`,
        name: HASHED_FILE.exec(name)?.[1] ?? name,
        inWorker,
        bytes: content.length,
        gzipBytes: gzipSync(content).length,
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes || a.file.localeCompare(b.file));
}
