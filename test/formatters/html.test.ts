import { createHash } from 'node:crypto';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { renderHtml } from '../../src/formatters/html.js';
import { buildReport } from '../../src/report/build.js';
import { parseDocument } from '../../src/sources/index.js';
import { hostileReport, mixedReport, seedLikeReport } from '../fixtures/reports/sample-reports.js';
import { mask } from './mask.js';

describe('html formatter', () => {
  it('matches the snapshot', async () => {
    await expect(mask(renderHtml(mixedReport()))).toMatchFileSnapshot('__snapshots__/mixed.html');
  });

  it('is one self-contained page: viewport, CSP allowing only its own hashed script, no external assets', () => {
    const html = renderHtml(mixedReport());
    const $ = cheerio.load(html);
    expect($('meta[name=viewport]').attr('content')).toContain('width=device-width');
    const csp = $('meta[http-equiv=Content-Security-Policy]').attr('content') ?? '';
    expect(csp).toContain("default-src 'none'");
    const scripts = $('script');
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256')
      .update(scripts.first().html() ?? '')
      .digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect($('link[rel=stylesheet], script[src], img[src], iframe, object')).toHaveLength(0);
  });

  it('has a status filter and one data-status row per citation and damaged anchor', () => {
    const $ = cheerio.load(renderHtml(mixedReport()));
    expect($('#status-filter input[value=broken]')).toHaveLength(1);
    expect($('#status-filter input[type=checkbox]').length).toBe(12);
    // Rows that need a look whatever their status: a malformed URL, an ok link with a warning.
    expect($('tr[data-filter=invalid]')).toHaveLength(1);
    expect($('tr[data-filter=attention][data-status=ok]')).toHaveLength(1);
    expect($('#status-filter input[value=attention]').attr('data-failing')).toBe('true');
    expect($('#status-filter input[value=ok]').attr('data-failing')).toBe('false');
    expect($('tr[data-status]')).toHaveLength(11);
    expect($('tr[data-status=broken]')).toHaveLength(1);
    expect($('tr[data-status=broken] .badge').text()).toBe('BROKEN');
    expect($('tr[data-status=ok]')).toHaveLength(2);
    // Sources are marked inline in the claim text by status.
    expect($('.block-text mark.s-broken').text()).toBe('said2');
    // A per-post summary.
    expect($('#post-1 .post-summary').text()).toContain('broken 1');
  });

  it('marks the first 200 anchors of a block in its text, and lists every link in its rows', () => {
    // review22: 70,000 anchors in one paragraph took minutes, each mark compared with every
    // mark placed before it.
    const links = Array.from({ length: 300 }, (_, i) => `<a href="https://s${i}.example.org/">source</a>`).join(
      ' and ',
    );
    const body = JSON.stringify({ id: 1, title: { rendered: 'T' }, content: { rendered: `<p>${links}.</p>` } });
    const posts = parseDocument(body, { source: 'post.json' }).map((p) => extractPost(p));
    const report = buildReport({ posts, results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true });
    const $ = cheerio.load(renderHtml(report));
    expect($('.block-text mark')).toHaveLength(200);
    expect($('.block-text mark sup').last().text()).toBe('200');
    expect($('tr[data-status]')).toHaveLength(300);
  });

  it('says the seed-like post lost its sources and highlights its damaged anchors', () => {
    const $ = cheerio.load(renderHtml(seedLikeReport()));
    expect($('.banner.lost').first().text()).toContain('lost');
    expect($('tr[data-status=damaged]')).toHaveLength(8);
    expect($('.block-text mark.s-damaged')).toHaveLength(8);
    expect($('.post-findings').text()).toContain('INPUT_REPAIRED');
  });

  it('escapes everything from the post and the network; javascript: links are text', () => {
    const html = renderHtml(hostileReport());
    const $ = cheerio.load(html);
    expect($('script')).toHaveLength(1);
    expect($('script').html()).not.toContain('alert');
    expect($('img, iframe, main b')).toHaveLength(0);
    expect($('tr[data-status=damaged] .anchor').text()).toBe('“<b>bold</b>”');
    const hrefs = $('a[href]')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(hrefs.every((h) => /^https?:\/\//.test(h))).toBe(true);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect($('title').text()).toContain('<script>alert("title")</script>');
    expect(html).not.toMatch(/[\u0000\u0008]/);
    // The broken URL with markup in it is a live link, escaped, whose text shows the markup.
    expect($('tr[data-status=broken] a').attr('href')).toBe(
      'https://x.example.org/%22%3E%3Cscript%3Ealert(2)%3C/script%3E',
    );
  });
});
