import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { protectTemplates } from '../../src/extract/markdown-templates.js';
import { resolveTemplateLink } from '../../src/extract/template-links.js';
import { buildReport } from '../../src/report/build.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost, Report } from '../../src/types.js';

const FIXTURES = new URL('../fixtures/inputs/site-generators/', import.meta.url);

function extract(text: string, source = 'post.md'): ExtractedPost {
  const [post] = parseDocument(text, { source });
  return extractPost(post);
}

function fixture(name: string): ExtractedPost {
  return extract(readFileSync(new URL(name, FIXTURES), 'utf8'), name);
}

function report(post: ExtractedPost): Report {
  return buildReport({ posts: [post], results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true });
}

/** [anchor text, url, status, reason] of every citation of a report. */
function rows(r: Report): Array<[string, string, string, string | undefined]> {
  return r.posts[0].blocks.flatMap((b) =>
    b.citations.map((c): [string, string, string, string | undefined] => [c.anchorText, c.url, c.status, c.reason]),
  );
}

describe('Hugo shortcodes in link targets and reference definitions', () => {
  const post = fixture('hugo-shortcodes.md');
  const r = report(post);

  it('keeps every reference definition after a shortcode one, and loses no link', () => {
    expect(r.findings.filter((f) => f.code === 'ANCHOR_DAMAGED')).toEqual([]);
    expect(rows(r).map(([anchor, url]) => [anchor, url])).toEqual([
      ['voted', 'https://council.harbour.test/minutes/2023-03-30'],
      ['earlier post', '{{< relref "2022/bridge-inspection.md" >}}'],
      ["engineers' report", 'https://engineers.harbour.test/report.pdf'],
      ['the archive', '{{< relref "archive.md" >}}'],
      ['our sources page', '{{< ref "/sources" >}}'],
      ['audit', 'https://blog.harbour.test/reports/audit.pdf'],
      ['a second audit', 'https://audits.harbour.test/second audit.pdf'],
    ]);
  });

  it('reports ref/relref links unchecked with the reason, and resolves the site root against the post URL', () => {
    const byAnchor = new Map(rows(r).map((row) => [row[0], row]));
    expect(byAnchor.get('the archive')?.[2]).toBe('unchecked');
    expect(byAnchor.get('the archive')?.[3]).toContain("Hugo's relref shortcode");
    expect(byAnchor.get('our sources page')?.[3]).toContain("Hugo's ref shortcode");
    const audit = r.posts[0].blocks.flatMap((b) => b.citations).find((c) => c.anchorText === 'audit');
    expect(audit).toMatchObject({ checkUrl: 'https://blog.harbour.test/reports/audit.pdf', isInternal: true });
    expect(audit?.rawHref).toBe('{{< baseurl >}}/reports/audit.pdf');
  });

  it('one bad definition spoils only itself: its uses are invalid, with the line to fix', () => {
    const invalid = r.findings.filter((f) => f.code === 'LINK_INVALID');
    expect(invalid.map((f) => [f.url, f.line])).toEqual([['https://audits.harbour.test/second audit.pdf', 13]]);
    expect(invalid[0].message).toContain('line 19');
  });

  it('drops a shortcode on its own line from the text; links to the site keep the claim cited', () => {
    expect(post.blocks.map((b) => b.text)).not.toContain('');
    expect(post.blocks.some((b) => b.text.includes('{{<'))).toBe(false);
    expect(r.findings.filter((f) => f.code === 'CLAIM_UNCITED')).toEqual([]);
  });
});

describe('Liquid and Nunjucks templates (Jekyll, Eleventy)', () => {
  const post = fixture('jekyll-liquid.md');
  const r = report(post);

  it('resolves site-root, page and path templates against the post URL; the rest is unchecked with a reason', () => {
    // Offline, every link is unchecked: the resolved ones for want of a run, with no reason; the
    // home page and the feed are no sources (navigation, subscribe), so they say why.
    expect(rows(r).map(([anchor, url, , reason]) => [anchor, url, reason !== undefined])).toEqual([
      ['about page', 'https://www.river.test/about/', false],
      ['home page', 'https://www.river.test/', true],
      ['feed', 'https://www.river.test/feed.xml', true],
      ['same page', 'https://www.river.test/2021/liquid/#notes', false],
      ['Eleventy path', 'https://www.river.test/team/', false],
      ['linked post', '{% link _posts/2020-05-01-flood.md %}', true],
      ['another', '{% post_url 2019-02-03-levee %}', true],
    ]);
    expect(rows(r)[5][3]).toContain("Jekyll's link tag");
    expect(rows(r)[6][3]).toContain("Jekyll's post_url tag");
  });

  it('reads a {% highlight %} block as code, drops tag markup from text, keeps a code span as written', () => {
    const texts = post.blocks.map((b) => b.text);
    expect(texts.some((t) => t.includes('42 %'))).toBe(false);
    expect(texts.some((t) => t.includes('{%'))).toBe(false);
    expect(texts).toContain('A code span [x]({{ site.baseurl }}/y) stays an example.');
    expect(post.blocks.flatMap((b) => b.citations).some((c) => c.url.includes('code.river.test'))).toBe(false);
  });
});

describe('template links without a post URL, and in HTML', () => {
  it('is unchecked with the reason when the post has no URL', () => {
    const r = report(extract('See [the team]({{ site.baseurl }}/team/).\n'));
    expect(rows(r)).toEqual([
      [
        'the team',
        '{{ site.baseurl }}/team/',
        'unchecked',
        'a link to the site itself, and the post has no URL to resolve it against',
      ],
    ]);
    expect(r.findings).toEqual([]);
  });

  it('resolves the same template in an HTML page', () => {
    const page =
      '<html><head><link rel="canonical" href="https://news.test/a/b/"></head><body><article>' +
      '<p>See <a href="{{ site.baseurl }}/team/">the team</a>.</p></article></body></html>';
    const [c] = extract(page, 'page.html').blocks[0].citations;
    expect(c.checkUrl).toBe('https://news.test/team/');
  });

  it('resolves only what names the site; anything else is unresolved', () => {
    expect(resolveTemplateLink('{{ page.title }}', 'https://a.test/p/')).toEqual({
      unresolved: 'a template ({{ page.title }}): the URL is computed by the site generator',
    });
    expect(resolveTemplateLink('https://a.test/', 'https://a.test/p/')).toBeUndefined();
  });

  it('swaps only templates in link targets, keeping line breaks', () => {
    const body = 'A {{ page.title }} and [x]({{ site.url }}/a)\n[d]: {{< ref "b" >}}\n';
    const found = protectTemplates(body);
    expect(found.templates).toEqual(['{{ site.url }}', '{{< ref "b" >}}']);
    expect(found.body).toBe('A {{ page.title }} and [x](cctpl0z/a)\n[d]: cctpl1z\n');
  });
});
