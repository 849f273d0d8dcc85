import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { buildReport } from '../../src/report/build.js';
import { parseHtmlDocument } from '../../src/sources/html.js';
import type { ExtractedPost, Post } from '../../src/types.js';
import { ROOT, runCli } from '../cli/run-cli.js';

const PAGES = path.join(ROOT, 'test/fixtures/pages');

function page(name: string, url?: string): ExtractedPost {
  return extractPost(parseHtmlDocument(readFileSync(path.join(PAGES, name), 'utf8'), { source: name, url }));
}

function fragment(body: string, url?: string): ExtractedPost {
  const post: Post = { source: 'post.json', kind: 'wordpress', body, bodyFormat: 'html', warnings: [] };
  if (url !== undefined) post.url = url;
  return extractPost(post);
}

function report(post: ExtractedPost) {
  return buildReport({ posts: [post], results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true });
}

describe('a table of contents is navigation, not paragraphs (issue 8)', () => {
  it("skips the contents list in a <main>'s header: no list items, no claims cited by their own jumps", () => {
    const post = page('main-header-contents.html');
    expect(post.blocks.some((b) => b.kind === 'list-item')).toBe(false);
    expect(post.blocks.flatMap((b) => b.citations.map((c) => c.url))).toEqual([
      'https://met.example.org/gauges/lowmoor-2024',
      'https://land.example.net/surveys/lowmoor-drainage',
      'https://council.example.gov/minutes/2024-03',
    ]);
    // The header's title and lead, and the sections the contents lead to, are read.
    expect(post.blocks[1].text).toMatch(/^The river burst its banks four times in 2024/);
    expect(post.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toContain('2.1 What changed in 1990');
    const uncited = report(post).findings.filter((f) => f.code === 'CLAIM_UNCITED');
    expect(uncited.map((f) => post.blocks[f.block as number].text.slice(0, 20))).toEqual([
      'The river burst its ',
      'A grant paid for new',
    ]);
  });

  it('reads a list that is more than jumps: words beside them, a link out, or a single item', () => {
    const lists = [
      '<ul><li><a href="#a">Rain</a>: 112 mm fell in two days</li><li><a href="#b">Fields</a>: 3,000 hectares drained</li></ul>',
      '<ul><li><a href="#a">Rain</a></li><li><a href="https://met.example.org/gauges">Gauges</a></li></ul>',
      '<ol><li><a href="#a">Rain in 2024</a></li></ol>',
    ];
    for (const list of lists) {
      const post = fragment(`<p>The river rose.</p>${list}`);
      expect(post.blocks.filter((b) => b.kind === 'list-item').length).toBeGreaterThan(0);
    }
    // Numbering outside the jumps is still contents.
    const numbered = fragment('<ol><li>1. <a href="#a">Rain</a></li><li>2. <a href="#b">Fields</a></li></ol>');
    expect(numbered.blocks).toEqual([]);
  });
});

describe('a footnote list is not a table of contents (issue 8)', () => {
  it('credits the claims by their footnotes when the notes are jumps to a bibliography', () => {
    const post = page('footnote-jump-notes.html');
    const claims = post.blocks.filter((b) => /^(Kelp cover|Urchin numbers)/.test(b.text));
    expect(claims).toHaveLength(2);
    expect(claims.map((b) => b.credits?.map((c) => [c.via, post.blocks[c.block].text]))).toEqual([
      [['footnote', '↩ Ortiz 2023']],
      [['footnote', '↩ Lee 2024']],
    ]);
    expect(report(post).findings.filter((f) => f.code === 'CLAIM_UNCITED')).toEqual([]);
  });

  it('an item with an id, a back-link or two links is no contents entry; an entry with sub-entries is', () => {
    const lists = [
      '<ol><li id="n1"><a href="#a">Smith 2021</a></li><li id="n2"><a href="#b">Jones 2022</a></li></ol>',
      '<ol><li><a href="#fnref1">↩</a></li><li><a href="#fnref2">↩</a></li></ol>',
      '<ol><li><a href="#a">A</a> <a href="#b">B</a></li><li><a href="#c">C</a> <a href="#d">D</a></li></ol>',
    ];
    for (const list of lists) expect(fragment(`<p>The river rose.</p>${list}`).blocks.length).toBeGreaterThan(1);
    const nested = fragment(
      '<ul><li><a href="#a">1. Rain</a><ul><li><a href="#a1">1.1 In May</a></li></ul></li><li><a href="#b">2. Fields</a></li></ul>',
    );
    expect(nested.blocks).toEqual([]);
  });
});

describe('cards of other stories are related content, not the story (issue 8)', () => {
  it('skips a list of cards whose link sits on their headline, after the story in the body read', () => {
    const post = page('heading-link-cards.html');
    expect(post.bodySelector).toBe('body > main');
    expect(post.blocks.flatMap((b) => b.citations.map((c) => c.url))).toEqual([
      'https://county.example.gov/minutes/2025-09-12',
      'https://ferryco.example.com/reports/annual-2024.pdf',
    ]);
    expect(post.blocks.some((b) => /harbour master|season ticket|landing stage|Silt|pier/.test(b.text))).toBe(false);
    // The story's own claims stand as they were: the uncited one stays uncited.
    const uncited = report(post).findings.filter((f) => f.code === 'CLAIM_UNCITED');
    expect(uncited.map((f) => post.blocks[f.block as number].text.slice(0, 20))).toEqual(['Islanders have asked']);
  });

  it("skips a WordPress query loop's posts in content.rendered, marked as cards by class", () => {
    const item = (slug: string, title: string) =>
      `<li class="wp-block-post"><h2 class="wp-block-post-title"><a href="https://blog.example.com/${slug}/">${title}</a></h2><div class="wp-block-post-excerpt"><p>A short excerpt of the post, as the theme shows it.</p></div></li>`;
    const post = fragment(
      `<p>The county spent $4 million on the ferry, <a href="https://county.example.gov/budget">its budget</a> shows.</p><ul class="wp-block-post-template">${item('a', 'Harbour silt')}${item('b', 'Ferry fares')}</ul>`,
      'https://blog.example.com/2025/06/ferry/',
    );
    expect(post.blocks.map((b) => b.text)).toEqual(['The county spent $4 million on the ferry, its budget shows.']);
  });

  it("reads what is no list of cards: a single card, a writer's picks with paragraphs of their own, a card linking out twice", () => {
    // Beside a long story, as cards would be skipped.
    const story = `<h1>Piers</h1><p>${'The county rebuilt four piers this year and will rebuild two more by 2027, its works plan says. '.repeat(12)}</p>`;
    const inPage = (cards: string) =>
      extractPost(
        parseHtmlDocument(`<html><body><main>${story}${cards}</main></body></html>`, {
          source: 'picks.html',
          url: 'https://blog.example.com/2025/06/picks/',
        }),
      );
    const card = '<article class="card"><h3><a href="/news/pier">The pier</a></h3><p>Rebuilt by 2027.</p></article>';
    expect(inPage(card).blocks.map((b) => b.text)).toContain('The pier');
    // The same card twice is a list of cards: skipped.
    expect(inPage(card + card.replace('pier', 'quay')).blocks.map((b) => b.text)).not.toContain('The pier');
    // A writer's picks link out (a shop's pages): read, however short their lines.
    const picks = ['a', 'b']
      .map(
        (x) =>
          `<article><h3><a href="https://shop.example/${x}">Station ${x}</a></h3><p>Sends its figures.</p></article>`,
      )
      .join('');
    expect(inPage(picks).blocks.filter((b) => b.citations.length > 0)).toHaveLength(2);
    // Entries of the site's own pages with a paragraph each, longer than a teaser: read.
    const long =
      'It measures wind and rain every minute and sends the figures over the phone network, which is why the county uses it on every pier, the harbour master told us. '.repeat(
        3,
      );
    const entries = ['a', 'b']
      .map((x) => `<article><h3><a href="/stations/${x}">Station ${x}</a></h3><p>${long}</p></article>`)
      .join('');
    expect(inPage(entries).blocks.filter((b) => b.citations.length > 0)).toHaveLength(2);
    const twice = ['a', 'b']
      .map(
        (x) =>
          `<article class="card"><h3><a href="/news/${x}">Story ${x}</a></h3><p>As <a href="https://source.example/${x}">the report</a> says.</p></article>`,
      )
      .join('');
    expect(inPage(twice).blocks.flatMap((b) => b.citations.map((c) => c.url))).toEqual([
      'https://blog.example.com/news/a',
      'https://source.example/a',
      'https://blog.example.com/news/b',
      'https://source.example/b',
    ]);
  });

  it("never skips the story itself: a live blog's entries are its body, read as written", () => {
    const post = page('live-blog-entries.html');
    const claims = post.blocks.filter((b) => b.isClaim).map((b) => b.text.slice(0, 20));
    expect(claims).toEqual(['A gust of 181 km/h h', 'About 40,000 homes l', 'All 14 sailings due ']);
    expect(post.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toContain(
      '01:40 Power cut to 40,000 homes',
    );
    // A page that is nothing but such entries under its title (results by seat): read too.
    const seat = (x: string) =>
      `<article><h2><a href="/results/${x}">${x}: Labour holds</a></h2><p>Smith beat Jones by 4,000 votes in ${x}, official figures show.</p></article>`;
    const results = extractPost(
      parseHtmlDocument(
        `<html><body><main><article><h1>Results by seat</h1>${seat('north')}${seat('south')}</article></main></body></html>`,
        {
          source: 'results.html',
          url: 'https://news.example/results',
        },
      ),
    );
    expect(results.blocks.filter((b) => b.isClaim)).toHaveLength(2);
  });

  it("never skips a WordPress post's own entries as cards (a roundup's products), only its query loop's", () => {
    const product = (slug: string, line: string) =>
      `<div class="wp-block-group product-card"><h3><a href="/go/${slug}">${slug}</a></h3><p>${line}</p></div>`;
    const post = fragment(
      `<p>We tested 40 laptops.</p>${product('xps', 'The battery lasted 14 hours in our tests.')}${product('air', 'Apple says 18 hours of battery; we measured 15.')}`,
      'https://gadgets.example.com/best-laptops/',
    );
    expect(post.blocks.filter((b) => b.isClaim).map((b) => b.text.slice(0, 15))).toEqual([
      'The battery las',
      'Apple says 18 h',
    ]);
    expect(post.blocks.flatMap((b) => b.citations.map((c) => c.url))).toEqual([
      'https://gadgets.example.com/go/xps',
      'https://gadgets.example.com/go/air',
    ]);
  });
});

describe("the page's own site when its head does not name it (issue 8)", () => {
  const roles = (post: ExtractedPost) =>
    post.blocks.flatMap((b) => b.citations.map((c): [string, string | undefined] => [c.url, c.role]));
  const GUIDES: Array<[string, string | undefined]> = [
    ['https://www.wellnessline.example/guide/asthma-attacks', 'navigation'],
    ['https://www.wellnessline.example/topic/allergies', 'navigation'],
    ['https://journal.example.org/articles/pollen-season-length', undefined],
    ['https://retail.example.net/reports/2025-q1', undefined],
  ];

  it("a saved page with no canonical and no og:url: its navigation's host is its own, so its topic guides are navigation", () => {
    const post = page('health-topic-guides.html');
    expect(post.siteHosts).toEqual(['wellnessline.example']);
    expect(roles(post)).toEqual(GUIDES);
    const uncited = report(post).findings.filter((f) => f.code === 'CLAIM_UNCITED');
    expect(uncited.map((f) => post.blocks[f.block as number].text.slice(0, 20))).toEqual([
      'Tree pollen counts i',
      'About 1 in 4 adults ',
    ]);
  });

  it('read at another address (a local preview), the host of its navigation is its own too', () => {
    const post = page('health-topic-guides.html', 'http://localhost:4000/news/pollen');
    expect(post.siteHosts).toEqual(['localhost', 'wellnessline.example']);
    expect(roles(post)).toEqual(GUIDES);
  });

  it("og:url names the site of a page's relative links: its hubs are navigation; another site's guide is a source", () => {
    const html = `<html><head><meta property="og:url" content="https://news.example/2026/05/flu"></head><body><article>
      <p>Flu cases doubled in May, the state said, as our <a href="/topics/flu">flu coverage</a> shows; see also <a href="/health-topics/vaccines">vaccines</a>.</p>
      <p>A <a href="https://cdc.example.gov/guide/flu-season">federal guide</a> and <a href="/2026/04/a-guide-to-the-budget">our budget story</a> explain more of it.</p>
      </article></body></html>`;
    const post = extractPost(parseHtmlDocument(html, { source: 'flu.html' }));
    expect(roles(post)).toEqual([
      ['https://news.example/topics/flu', 'navigation'],
      ['https://news.example/health-topics/vaccines', 'navigation'],
      ['https://cdc.example.gov/guide/flu-season', undefined],
      ['https://news.example/2026/04/a-guide-to-the-budget', undefined],
    ]);
  });

  it('an international host of its own (read at bücher.example, canonical elsewhere) matches its links, written in punycode or not', () => {
    const html = `<html><head><link rel="canonical" href="https://books.example/2026/05/fair"></head><body><article>
      <p>The fair drew 40,000 visitors, organisers said; see <a href="http://bücher.example/topics/fair">our fair coverage</a> and <a href="http://xn--bcher-kva.example/topics/prizes">the prizes</a>.</p>
      </article></body></html>`;
    const post = extractPost(
      parseHtmlDocument(html, { source: 'fair.html', url: 'http://www.bücher.example/2026/05/fair' }),
    );
    expect(post.siteHosts).toEqual(['books.example', 'xn--bcher-kva.example']);
    expect(post.blocks.flatMap((b) => b.citations.map((c) => [c.isInternal, c.role]))).toEqual([
      [true, 'navigation'],
      [true, 'navigation'],
    ]);
  });

  it('a hub of its own that the sentence credits is its own reporting, a source; a bare pointer to one stays navigation', () => {
    const html = `<html><head><link rel="canonical" href="https://gazette.example/2026/04/budget"></head><body><article>
      <p>The treasurer said the deficit was $4 million, as first reported in <a href="/investigations/hub/council-money">our council money investigation</a>.</p>
      <p>The shortfall was first flagged in a <a href="/topics/council-audit">2025 audit</a>.</p>
      <p>The mayor said 40 staff would go, <a href="/guide/council-budget-2026">our guide to the budget</a> explains.</p>
      <p>The council will vote again in May; read more in <a href="/topics/council">our council coverage</a>.</p>
      </article></body></html>`;
    const post = extractPost(parseHtmlDocument(html, { source: 'budget.html' }));
    expect(roles(post)).toEqual([
      ['https://gazette.example/investigations/hub/council-money', undefined],
      ['https://gazette.example/topics/council-audit', undefined],
      ['https://gazette.example/guide/council-budget-2026', undefined],
      ['https://gazette.example/topics/council', 'navigation'],
    ]);
  });

  it("a host whose home page the menus never link is not the page's own: github.com/org/repo menus leave github.com a source", () => {
    const post = page('repo-menu-links.html');
    expect(post.siteHosts).toBeUndefined();
    const links = post.blocks.flatMap((b) => b.citations);
    expect(links.map((c) => [c.url, c.role, c.isInternal])).toEqual([
      ['https://github.com/benchfolk/lint-bench/blob/main/results.md', undefined, false],
      ['http://github.com/topics/rust', undefined, false],
    ]);
    // The same menus with the home page linked: then it is the site's own, its links internal (the
    // topic hub stays a source only because its sentence credits it: "according to").
    const html = readFileSync(path.join(PAGES, 'repo-menu-links.html'), 'utf8').replace(
      '<header>',
      '<header><a href="https://github.com/">Home</a> ',
    );
    const own = extractPost(parseHtmlDocument(html, { source: 'x.html' }));
    expect(own.siteHosts).toEqual(['github.com']);
    expect(own.blocks.flatMap((b) => b.citations.map((c) => [c.role, c.isInternal]))).toEqual([
      [undefined, true],
      [undefined, true],
    ]);
  });

  it('no host is taken from links that spread over many sites, nor from the article itself', () => {
    const menu = ['a', 'b', 'c', 'd'].map((x) => `<a href="https://${x}.example/">${x}</a>`).join(' ');
    const story = `<article><h1>Pollen</h1><p>Counts rose by 20% this spring in the south, as <a href="https://wellnessline.example/guide/asthma">a guide</a>, <a href="https://wellnessline.example/guide/hay-fever">another</a> and <a href="https://wellnessline.example/topic/pollen">a third</a> of that site say, and more visits to doctors are expected through April.</p></article>`;
    const post = extractPost(
      parseHtmlDocument(`<html><body><header>${menu}</header>${story}</body></html>`, { source: 'x.html' }),
    );
    expect(post.siteHosts).toBeUndefined();
    expect(roles(post).map(([, role]) => role)).toEqual([undefined, undefined, undefined]);
  });

  it('through the CLI: CLAIM_UNCITED on the paragraphs credited only by the site’s own guides', async () => {
    const run = await runCli(['check', path.join(PAGES, 'health-topic-guides.html'), '--offline', '--format', 'json']);
    const out = JSON.parse(run.stdout) as { findings: Array<{ code: string; block?: number }> };
    expect(out.findings.filter((f) => f.code === 'CLAIM_UNCITED').map((f) => f.block)).toEqual([1, 2]);
  });
});
