import { createHash } from 'node:crypto';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderHtmlChunks } from '../../src/formatters/html.js';
import { ARCHIVE_POSTS } from '../../src/formatters/report-view.js';
import { archiveReport, archiveUrl } from '../fixtures/reports/archive-report.js';

interface ArchiveData {
  posts: Array<{ n: number; t: string; w: string; c: Array<[number, string, number, string, unknown[]]> }>;
  urls: Array<[string, string, string, string]>;
}

function dataOf(html: string): ArchiveData {
  const $ = cheerio.load(html);
  return JSON.parse($('#report-data').text()) as ArchiveData;
}

describe('html report of an archive (more than ARCHIVE_POSTS posts)', () => {
  const report = archiveReport(600);
  const html = renderHtml(report);

  it('is an index: no post rendered as markup, the posts as data for the script, one runnable script', () => {
    const $ = cheerio.load(html);
    expect($('details.post')).toHaveLength(0);
    expect($('#post-list')).toHaveLength(1);
    expect($('#post-search')).toHaveLength(1);
    const runnable = $('script:not([type])');
    expect(runnable).toHaveLength(1);
    expect($('script[type="application/json"]')).toHaveLength(1);
    const hash = createHash('sha256')
      .update(runnable.html() ?? '')
      .digest('base64');
    expect($('meta[http-equiv=Content-Security-Policy]').attr('content')).toContain(`'sha256-${hash}'`);
    const data = dataOf(html);
    expect(data.posts).toHaveLength(600);
    expect(data.posts.reduce((n, p) => n + p.c.length, 0)).toBe(report.totals.citations);
  });

  it('lists failing posts first and each URL once', () => {
    const data = dataOf(html);
    const worst = data.posts.map((p) => p.w);
    const firstNote = worst.findIndex((w) => w !== 'error');
    expect(firstNote).toBeGreaterThan(0);
    expect(worst.slice(firstNote).includes('error')).toBe(false);
    expect(new Set(data.urls.map((u) => u[0])).size).toBe(data.urls.length);
    const gone = data.urls.find((u) => u[0] === archiveUrl(7));
    expect(gone?.slice(1, 3)).toEqual(['broken', 'BROKEN']);
    expect(gone?.[3]).toContain('HTTP 404');
  });

  it('keeps text from posts out of the markup: the data element cannot be closed by a post', () => {
    const start = html.indexOf('<script type="application/json"');
    const body = html.slice(html.indexOf('>', start) + 1, html.indexOf('</script>', start));
    expect(body).not.toContain('<');
    expect(html).not.toContain('<script>alert');
    expect(dataOf(html).posts.find((p) => p.n === 24)?.t).toBe('<script>alert("title")</script>');
  });

  it('streams in pieces no larger than a few hundred posts', () => {
    const chunks = [...renderHtmlChunks(report)];
    expect(chunks.join('')).toBe(html);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(html.length / 2);
  });

  it('renders a report of ARCHIVE_POSTS posts in full, posts collapsed unless they need a look', () => {
    const $ = cheerio.load(renderHtml(archiveReport(ARCHIVE_POSTS)));
    expect($('#report-data')).toHaveLength(0);
    expect($('details.post')).toHaveLength(ARCHIVE_POSTS);
    const open = $('details.post[open]');
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(ARCHIVE_POSTS);
    open.each((_, el) => expect(['error', 'warning']).toContain($(el).attr('data-worst')));
    // Failing first: every open post comes before the first closed one.
    const flags = $('details.post')
      .map((_, el) => $(el).attr('open') !== undefined)
      .get() as boolean[];
    expect(flags.indexOf(false)).toBe(open.length);
  });
});
