// Serves the production build in dist/ for the whole e2e run and hands its
// origin to the tests through `inject('baseURL')`.

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DIST_DIR } from './distDir';
import { startStaticServer } from './static-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the static server for dist/, such as `http://127.0.0.1:4173`. */
    baseURL: string;
  }
}

/** Port of `vite preview`, tried first so URLs look the same as in development. */
const PREFERRED_PORT = 4173;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const distDir = DIST_DIR;
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`No production build found in ${distDir}: run "npm run build" before the e2e tests.`);
  }

  const server = await startStaticServer({ root: distDir, port: PREFERRED_PORT });
  project.provide('baseURL', server.url);
  console.log(`e2e: serving ${distDir} at ${server.url}`);

  return async () => {
    await server.close();
  };
}
