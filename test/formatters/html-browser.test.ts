import { rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/formatters/html.js';
import { hostileReport, mixedReport } from '../fixtures/reports/sample-reports.js';
import { BROWSER_TEST_MARK, skipBrowserTests, withPage } from './browser.js';
import { tempDir } from '../helpers/temp-dir.js';

describe.skipIf(skipBrowserTests)(`html report ${BROWSER_TEST_MARK} (headless Chromium)`, () => {
  let dir: string;
  let reportUrl: string;
  let hostileUrl: string;

  beforeAll(async () => {
    dir = await tempDir('citecheck-html-');
    const file = path.join(dir, 'report.html');
    await writeFile(file, renderHtml(mixedReport()));
    reportUrl = pathToFileURL(file).href;
    const hostile = path.join(dir, 'hostile.html');
    await writeFile(hostile, renderHtml(hostileReport()));
    hostileUrl = pathToFileURL(hostile).href;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows broken citations, and the status filter hides and shows rows', async () => {
    await withPage(reportUrl, async (page) => {
      const broken = page.locator('tr[data-status="broken"]');
      await expect(broken.count()).resolves.toBe(1);
      await expect(broken.first().isVisible()).resolves.toBe(true);
      await expect(broken.first().innerText()).resolves.toContain('gone.example.org/deficit');
      const ok = page.locator('tr[data-filter="ok"]');
      // An ok link with a warning on it (moved, quote gone): failing-only must keep it.
      const needsLook = page.locator('tr[data-filter="attention"]');
      await expect(needsLook.count()).resolves.toBeGreaterThan(0);
      await expect(ok.first().isVisible()).resolves.toBe(true);

      // Untick "broken": broken rows hide, others stay.
      await page.locator('#status-filter input[value="broken"]').uncheck();
      await expect(broken.first().isVisible()).resolves.toBe(false);
      await expect(ok.first().isVisible()).resolves.toBe(true);
      // Tick it again: shown again.
      await page.locator('#status-filter input[value="broken"]').check();
      await expect(broken.first().isVisible()).resolves.toBe(true);

      // "Failing only" hides ok rows; "All" brings them back.
      await page.locator('#status-filter button[data-preset="failing"]').click();
      await expect(ok.first().isVisible()).resolves.toBe(false);
      await expect(broken.first().isVisible()).resolves.toBe(true);
      await expect(needsLook.first().isVisible()).resolves.toBe(true);
      await page.locator('#status-filter button[data-preset="all"]').click();
      await expect(ok.first().isVisible()).resolves.toBe(true);

      const shot = path.join(dir, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect((await stat(shot)).size).toBeGreaterThan(1000);
    });
  });

  it('fits a phone screen without horizontal scrolling', async () => {
    await withPage(
      reportUrl,
      async (page) => {
        // A string expression: the test's TS lib has no DOM types.
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(dir, 'phone.png'), fullPage: true });
      },
      { viewport: { width: 375, height: 740 } },
    );
  });

  it('runs nothing injected by a hostile post', async () => {
    await withPage(hostileUrl, async (page) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.reload({ waitUntil: 'load' });
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await expect(page.locator('script').count()).resolves.toBe(1);
      await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
      // Our own (hashed) script did run: the filter still works under the CSP.
      const broken = page.locator('tr[data-status="broken"]');
      await page.locator('#status-filter input[value="broken"]').uncheck();
      await expect(broken.first().isVisible()).resolves.toBe(false);
    });
  });
});
