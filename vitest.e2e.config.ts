import { defineConfig } from 'vitest/config';

// End-to-end tests drive the production build in Debian's Chromium through
// playwright-core. Two files run at a time: a test spends most of its time
// waiting for the page, so two browsers on a two-core machine finish the
// suite much sooner than one, while more would compete for the CPU.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: true,
    maxWorkers: 2,
    // A browser test on a loaded two-core machine now and then misses a moment (seen: the Export
    // dialog not opening once in several full runs, never reproduced alone). One retry keeps CI
    // from failing on that, while a real fault fails both times and is reported.
    retry: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
