import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainText } from '../../src/archive/main-text.js';
import { visibleText } from '../../src/check/page-text.js';
import type { Report } from '../../src/types.js';
import { runCli } from '../cli/run-cli.js';
import { startFakeArchive, type FakeArchive } from '../helpers/fake-archive.js';
import { notInert } from '../helpers/inert-output.js';
import { growthRatio } from '../helpers/linear-time.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { tempDir } from '../helpers/temp-dir.js';

// `--drift` reads the main text of a live page and of its capture: pages from strangers.

const PAGE = `<!doctype html><html><head><title>Tab title</title><style>p{}</style></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour plan approved</h1><p>The authority approved the <em>dredging</em> plan.</p>
<script>track()</script><p>Work resumes in spring&nbsp;&amp; summer.</p></article>
<aside>Most read: a sidebar that changes every hour</aside><footer>© Gazette</footer></body></html>`;

/** What mainText did with cheerio (parse5) before: the oracle for ordinary pages. */
function cheerioMainText(html: string): string {
  const $ = load(html);
  const articles = $('article');
  const main = articles.length === 1 ? articles : $('main').first();
  return visibleText(main.length === 1 ? ($.html(main) ?? html) : html);
}

describe('mainText on ordinary pages', () => {
  it("reads the page's only <article>, else its first <main>, else the whole page", () => {
    expect(mainText(PAGE)).toBe(
      'Harbour plan approved The authority approved the dredging plan. Work resumes in spring & summer.',
    );
    const twoArticles = '<main><article>One</article><article>Two</article></main><aside>Side</aside>';
    expect(mainText(twoArticles)).toBe('One Two');
    expect(mainText('<nav>Menu</nav><main>First</main><main>Second</main>')).toBe('First');
    expect(mainText('<nav>Menu</nav><div>Body text</div>')).toBe('Menu Body text');
  });

  it('ends an <article> where its parent ends when its end tag is missing, or at the end of the page', () => {
    expect(mainText('<div><article>Story</div><aside>Side</aside>')).toBe('Story');
    expect(mainText('<nav>Menu</nav><article>Story <p>to the end')).toBe('Story to the end');
  });

  it('gives the text cheerio gave on the fixture pages and the archive test pages', () => {
    const dir = path.resolve(import.meta.dirname, '../fixtures/pages');
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'));
    pages.push(
      PAGE,
      `<!doctype html><html><head><title>T</title></head><body><main><p>Story.</p></main></body></html>`,
    );
    expect(pages.length).toBeGreaterThan(30);
    for (const page of pages) expect(mainText(page)).toBe(cheerioMainText(page));
  });
});

const deep = (n: number) => `<html><body><article>${'<div>'.repeat(n)}The story.</article></body></html>`;
const attributes = (n: number) =>
  `<main><p ${Array.from({ length: n }, (_, i) => `data-a${i}="x"`).join(' ')}>The story.</p></main>`;

describe('mainText on hostile pages', () => {
  it('nested <div>s and one tag of many attributes: eight times the input, less than 24 times the work', () => {
    // cheerio: 50,000 nested <div>s ~18 s (or a stack overflow), 40,000 attributes ~3.3 s.
    // Eight times the input, not four as elsewhere: these runs take 10-60 ms, where a burst of
    // load or a late compilation moved a linear ratio to 12 at 4x (CI, load ~4). Linear work
    // is then ~8x, quadratic 64x: the bound between them leaves room for noise.
    for (const make of [deep, attributes]) {
      const small = make(10_000);
      const large = make(80_000);
      expect(
        growthRatio(
          () => mainText(small),
          () => mainText(large),
          24,
          5,
        ),
      ).toBeLessThan(24);
    }
  });

  it('keeps the text nested past the cap', () => {
    expect(mainText(deep(50_000))).toBe('The story.');
  });
});

describe('--drift against a page of 50,000 nested <div>s', () => {
  let site: TestServer;
  let archive: FakeArchive;
  const story = (inner: string) => `<!doctype html><html><body><main><p>${inner}</p></main></body></html>`;
  beforeAll(async () => {
    const hostile = `<!doctype html><html><body>${'<div>'.repeat(50_000)}The harbour plan was approved.</body></html>`;
    site = await startTestServer({
      host: '127.0.0.162',
      routes: {
        '/deep': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(hostile);
        },
      },
    });
    archive = await startFakeArchive({
      host: '127.0.0.163',
      captures: [
        { url: site.url('/deep'), timestamp: '20240301000000', body: story('The harbour plan was approved.') },
      ],
    });
  });
  afterAll(async () => {
    await site.close();
    await archive.close();
  });

  // Before, this run took 18-23 s in cheerio (in-process, 50,000 levels overflowed the stack);
  // now ~2 s, most of it the CLI's start and the archive's requests: the timeout is the bound.
  it('compares it with its capture and ends with a report, no stack trace', { timeout: 15_000 }, async () => {
    const cwd = await tempDir('citecheck-drift-');
    await writeFile(
      path.join(cwd, 'post.md'),
      `---\ndate: 2024-04-30\n---\n\nThe [plan](${site.url('/deep')}) was approved.\n`,
    );
    // The archive's default 1 s between requests would only make the test slow.
    const config = { hosts: { [`${archive.server.host}:${archive.server.port}`]: { interval: '0ms' } } };
    await writeFile(path.join(cwd, 'citecheck.config.json'), JSON.stringify(config));
    const result = await runCli(
      ['check', 'post.md', '--drift', '--allow-private', '--archive-endpoint', archive.endpoint, '--format', 'json'],
      { cwd },
    );
    expect([0, 1], result.stderr.slice(0, 2000)).toContain(result.code);
    expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
    expect(notInert(result.stderr)).toBeUndefined();
    const report = JSON.parse(result.stdout) as Report;
    expect(report.posts[0].blocks[0].citations[0].archive).toMatchObject({ status: 'found', similarity: 1 });
    expect(archive.calls().replay).toBeGreaterThan(0);
  });
});
