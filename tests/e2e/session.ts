// The setup most e2e files share: one browser for the file, a fresh context
// and page for each test (or as many fresh profiles as a test opens), and a
// check after each test that no page sent a request to any host but the
// local test server.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

import { launchBrowser, newAppPage, watchForeignRequests } from './helpers';

export interface TestSession {
  /** The current test's page; valid inside a test or hook. */
  readonly page: Page;
  /** The current test's browser context. */
  readonly context: BrowserContext;
}

/**
 * Registers the hooks and returns the current test's page and context.
 * `prepare` runs before each test with the new page, for shared first steps.
 */
export function freshPagePerTest(prepare?: (page: Page) => Promise<void>): TestSession {
  let browser: Browser | undefined;
  let current: { context: BrowserContext; page: Page; foreignRequests: string[] } | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    const { context, page } = await newAppPage(browser!);
    current = { context, page, foreignRequests: watchForeignRequests(context) };
    await prepare?.(page);
  });

  afterEach(async () => {
    const finished = current;
    current = undefined;
    await finished?.context.close();
    expect(finished?.foreignRequests ?? []).toEqual([]);
  });

  return {
    get page() {
      if (!current) throw new Error('The e2e page exists only inside a test or its hooks.');
      return current.page;
    },
    get context() {
      if (!current) throw new Error('The e2e context exists only inside a test or its hooks.');
      return current.context;
    },
  };
}

/**
 * Registers the hooks for tests that open one or more browser profiles each:
 * one browser for the file, and after each test every profile it opened is
 * closed and checked for requests to hosts other than the test server.
 * Returns a function that opens a page in a new profile (empty IndexedDB, no
 * service worker) without navigating, so a test can listen to it first.
 */
export function freshProfiles(): () => Promise<Page> {
  let browser: Browser | undefined;
  let opened: { context: BrowserContext; foreignRequests: string[] }[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async () => {
    const finished = opened;
    opened = [];
    for (const { context } of finished) await context.close();
    expect(finished.flatMap(({ foreignRequests }) => foreignRequests)).toEqual([]);
  });

  return async () => {
    if (!browser) throw new Error('A browser profile can be opened only inside a test or its hooks.');
    const { context, page } = await newAppPage(browser);
    opened.push({ context, foreignRequests: watchForeignRequests(context) });
    return page;
  };
}
