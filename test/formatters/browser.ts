/**
 * Opens a page in Debian's headless Chromium through playwright-core, for tests of the HTML
 * report (and the demo report). Each call gets a fresh profile directory, removed afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_MISSING, CHROMIUM_PATH, hasChromium } from '../helpers/chromium.js';

export { BROWSER_TEST_MARK, skipBrowserTests } from '../helpers/chromium.js';

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// machine's closed network refuses; none of them is needed to render a local file.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Options of `withPage`. */
export interface WithPageOptions {
  /** Viewport size; a phone-sized one is handy for responsive checks. */
  viewport?: { width: number; height: number };
}

/**
 * Opens `fileUrl` (a file: URL, or a loopback http URL) in a new headless Chromium with a fresh
 * user-data-dir, runs `fn` with the page, and always closes the browser and removes the profile.
 */
export async function withPage<T>(
  fileUrl: string,
  fn: (page: Page) => Promise<T>,
  options: WithPageOptions = {},
): Promise<T> {
  // Reached without Chromium only when CITECHECK_REQUIRE_BROWSER=1: fail saying what is missing.
  if (!hasChromium) throw new Error(CHROMIUM_MISSING);
  const profile = await mkdtemp(path.join(tmpdir(), 'citecheck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(fileUrl, { waitUntil: 'load' });
    return await fn(page);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
