// A small static file server for the production build, used by the e2e tests
// and the benchmark. It binds to 127.0.0.1 only, sends the MIME types a PWA
// needs (the web app manifest and the service worker script), and falls back
// to index.html for paths without a file extension, as a single-page app host
// does.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

const LOOPBACK_HOST = '127.0.0.1';

async function findFile(root, urlPath) {
  const decoded = decodeURIComponent(urlPath);
  const resolved = path.resolve(root, `.${decoded}`);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) {
    return null;
  }
  try {
    const info = await stat(resolved);
    if (info.isFile()) {
      return resolved;
    }
    if (info.isDirectory()) {
      const index = path.join(resolved, 'index.html');
      const indexInfo = await stat(index).catch(() => null);
      return indexInfo?.isFile() ? index : null;
    }
  } catch {
    // Not found: the caller decides between the SPA fallback and a 404.
  }
  return null;
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, LOOPBACK_HOST);
  });
}

/**
 * Starts serving `root` on 127.0.0.1. Tries `port` first and, when
 * `fallbackToFreePort` is set and that port is taken, a free port chosen by
 * the OS.
 */
export async function startStaticServer({ root, port = 0, fallbackToFreePort = true }) {
  const rootPath = path.resolve(root);

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', `http://${LOOPBACK_HOST}`);
      let filePath = await findFile(rootPath, url.pathname);
      if (!filePath && path.extname(url.pathname) === '') {
        filePath = await findFile(rootPath, '/index.html');
      }
      if (!filePath) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(`Not found: ${url.pathname}\n`);
        return;
      }

      const extension = path.extname(filePath).toLowerCase();
      const headers = {
        'Content-Type': MIME_TYPES[extension] ?? 'application/octet-stream',
        // Every response is revalidated, so a rebuilt dist/ is seen at once
        // and only the service worker decides what is cached.
        'Cache-Control': 'no-cache',
      };
      const info = await stat(filePath);
      headers['Content-Length'] = String(info.size);
      response.writeHead(200, headers);
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      createReadStream(filePath).pipe(response);
    } catch (error) {
      console.error(`static server: failed to serve ${request.url}:`, error);
      if (!response.headersSent) {
        response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      }
      response.end();
    }
  });

  try {
    await listen(server, port);
  } catch (error) {
    if (!(fallbackToFreePort && port !== 0 && error.code === 'EADDRINUSE')) {
      throw error;
    }
    await listen(server, 0);
  }

  const address = server.address();
  const url = `http://${LOOPBACK_HOST}:${address.port}`;

  const close = () =>
    new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });

  return { url, port: address.port, close };
}
