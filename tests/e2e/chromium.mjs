// Debian's Chromium and the flags the e2e tests and the benchmark start it
// with. Plain JavaScript, so bench/*.mjs can import it without a build step.

/** Debian's Chromium. No test downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a sandbox without network access. The host resolver rule makes
 * every host name except localhost fail to resolve, so the browser cannot
 * reach any machine but this one.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
