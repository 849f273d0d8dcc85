/**
 * How long an HTML report takes to open in headless Chromium (Debian's /usr/bin/chromium,
 * driven by playwright-core like the browser tests): from navigation to the first frame
 * painted after the load event, the report's script having run. The browser is started
 * before the clock; each run gets a fresh profile.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** True when Chromium is installed (the measurement is skipped otherwise). */
export const hasChromium = existsSync(CHROMIUM);

/** Milliseconds from navigation to the first frame after load, for `file`. */
export async function htmlOpenMs(file, timeoutMs = 120_000) {
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(path.join(os.tmpdir(), 'citecheck-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const started = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: timeoutMs });
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
    return performance.now() - started;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
