import { defineConfig } from 'vitest/config';

// End-to-end tests drive the production build in Debian's Chromium through
// playwright-core. Files run one at a time because each file starts its own
// browser, and browsers running side by side would compete for CPU.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
