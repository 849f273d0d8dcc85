import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/formatters/html.js';
import { archiveReport, archiveUrl } from '../fixtures/reports/archive-report.js';
import { mixedReport } from '../fixtures/reports/sample-reports.js';
import { BROWSER_TEST_MARK, skipBrowserTests, withPage } from './browser.js';
import { tempDir } from '../helpers/temp-dir.js';

// A large archive: its report is an index the page's script fills in (see html-archive.ts).
const POSTS = 3000;

describe.skipIf(skipBrowserTests)(`html report of a large archive ${BROWSER_TEST_MARK} (headless Chromium)`, () => {
  let dir: string;
  let url: string;
  let smallUrl: string;

  beforeAll(async () => {
    dir = await tempDir('citecheck-archive-html-');
    const file = path.join(dir, 'archive.html');
    await writeFile(file, renderHtml(archiveReport(POSTS)));
    url = pathToFileURL(file).href;
    const small = path.join(dir, 'small.html');
    await writeFile(small, renderHtml(mixedReport()));
    smallUrl = pathToFileURL(small).href;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('opens with the posts collapsed, failing first, a page at a time', async () => {
    await withPage(url, async (page) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const items = page.locator('#post-list > li > details.post');
      await expect(items.count()).resolves.toBe(100);
      await expect(page.locator('#post-count').innerText()).resolves.toBe(`Showing 100 of ${POSTS} posts`);
      await expect(page.locator('details.post[open]').count()).resolves.toBe(0);
      await expect(items.first().getAttribute('data-worst')).resolves.toBe('error');
      // Closed posts hold no rows until opened.
      await expect(page.locator('tr.citation').count()).resolves.toBe(0);
      await page.locator('#more-posts').click();
      await expect(items.count()).resolves.toBe(200);
      expect(errors).toEqual([]);
    });
  });

  it('finds the posts citing a URL and shows a failing citation when its post is opened', async () => {
    await withPage(url, async (page) => {
      // URL 1007 is gone; no other URL of the archive starts with it; two posts cite it.
      const gone = archiveUrl(1007);
      await page.locator('#post-search').fill(gone);
      const items = page.locator('#post-list > li > details.post');
      await expect.poll(() => items.count()).toBe(2);
      await expect(page.locator('#post-count').innerText()).resolves.toBe(
        `Showing 2 of 2 posts (${POSTS} in the report)`,
      );
      await items.first().locator('summary').click();
      const row = items.first().locator(`tr.citation[data-status="broken"]`);
      await expect.poll(() => row.isVisible()).toBe(true);
      await expect(row.innerText()).resolves.toContain(gone);
      await expect(row.innerText()).resolves.toContain('HTTP 404');
      // The paragraph with the error is quoted.
      await expect(items.first().locator('article.block .block-text').first().innerText()).resolves.toContain(
        'cites a source',
      );
      // The status filter hides its ok rows; the post stays open.
      const ok = items.first().locator('tr.citation[data-filter="ok"]').first();
      await expect(ok.isVisible()).resolves.toBe(true);
      await page.locator('#status-filter input[value="ok"]').uncheck();
      await expect.poll(() => ok.isVisible()).toBe(false);
      await expect(row.isVisible()).resolves.toBe(true);
    });
  });

  it('"Failing only" lists only the posts with failing citations; "All" lists every post again', async () => {
    await withPage(url, async (page) => {
      await page.locator('#status-filter button[data-preset="failing"]').click();
      const text = await page.locator('#post-count').innerText();
      const failing = Number(/of (\d+) posts/.exec(text)?.[1]);
      expect(failing).toBeGreaterThan(0);
      expect(failing).toBeLessThan(POSTS);
      await expect(page.locator('#post-list details.post[data-worst="note"]').count()).resolves.toBe(0);
      await page.locator('#status-filter button[data-preset="all"]').click();
      await expect(page.locator('#post-count').innerText()).resolves.toBe(`Showing 100 of ${POSTS} posts`);
    });
  });

  it('runs nothing a hostile post brings, and shows its text as text', async () => {
    await withPage(url, async (page) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.locator('#post-search').fill('alert("title")');
      const post = page.locator('#post-list details.post');
      await expect.poll(() => post.count()).toBe(1);
      await expect(post.locator('.post-title').innerText()).resolves.toBe('<script>alert("title")</script>');
      await post.locator('summary').click();
      await expect.poll(() => post.locator('tr.citation').count()).toBe(6);
      await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
      await expect(post.locator('.anchor').allInnerTexts()).resolves.toContain('“<img src=x onerror=alert(1)>”');
      await expect(page.locator('#post-list img, #post-list script').count()).resolves.toBe(0);
      expect(dialogs).toEqual([]);
    });
  });

  it('in a report of a few posts, the search box hides the posts that do not match', async () => {
    await withPage(smallUrl, async (page) => {
      const posts = page.locator('details.post');
      await expect(posts.count()).resolves.toBe(2);
      await page.locator('#post-search').fill('interview');
      await expect.poll(() => page.locator('#post-count').innerText()).toBe('1 of 2 posts match');
      await expect(page.locator('#post-1').isVisible()).resolves.toBe(false);
      await expect(page.locator('#post-2').isVisible()).resolves.toBe(true);
      await page.locator('#post-search').fill('');
      await expect.poll(() => page.locator('#post-1').isVisible()).toBe(true);
    });
  });
});
