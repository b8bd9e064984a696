import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The production build the e2e tests serve: dist/ unless KINDLING_DIST names
 * another build, so two checkouts' builds can be tested side by side.
 */
export const DIST_DIR = process.env.KINDLING_DIST
  ? path.resolve(process.env.KINDLING_DIST)
  : fileURLToPath(new URL('../../dist', import.meta.url));
