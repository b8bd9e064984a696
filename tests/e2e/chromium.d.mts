/** Debian's Chromium. No test downloads a browser of its own. */
export const CHROMIUM_PATH: string;

/** Flags for a sandbox without network access beyond this machine. */
export const CHROMIUM_ARGS: string[];
