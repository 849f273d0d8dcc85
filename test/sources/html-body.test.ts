import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseHtmlDocument } from '../../src/sources/html.js';
import type { ExtractedPost } from '../../src/types.js';
import { ROOT, runCli } from '../cli/run-cli.js';

const PAGES = path.join(ROOT, 'test/fixtures/pages');

function page(name: string): ExtractedPost {
  return extractPost(parseHtmlDocument(readFileSync(path.join(PAGES, name), 'utf8'), { source: name }));
}

function urls(post: ExtractedPost): string[] {
  return post.blocks.flatMap((b) => b.citations.map((c) => c.url));
}

describe('the article body of an HTML page (issue 8)', () => {
  it('takes the story in <main>, not a teaser <article> or .entry-content in the sidebar before it', () => {
    const post = page('news-sidebar-teaser.html');
    expect(post.bodySelector).toBe('main#main');
    expect(urls(post)).toEqual([
      'https://ferries.example.org/notices/fares-2025',
      'https://ferries.example.org/reports/annual-2024.pdf',
    ]);
    expect(post.title).toBe('Ferry fares rise for the third year');
    expect(post.warnings).toEqual([]);
  });

  it('passes over an articleBody marker that is a <meta> and finds the text by scoring', () => {
    const post = page('meta-articlebody.html');
    expect(post.bodySelector).toMatch(/div\.content-area/);
    expect(post.blocks.map((b) => b.text)).toEqual([
      'Reservoir levels fall to a ten-year low',
      expect.stringMatching(/^Reservoir levels across the valley/),
      expect.stringMatching(/^The board asked households/),
      expect.stringMatching(/^Farmers, who draw/),
    ]);
    expect(urls(post)).not.toContain('/subscribe/');
  });

  it('takes .entry-content inside the main <article> of a WordPress page: no menus, comments, tags or sidebar', () => {
    const post = page('wordpress-page.html');
    expect(post.bodySelector).toBe('article#post-812 > div.entry-content');
    expect(post).toMatchObject({
      title: 'Why the harbour wall failed',
      url: 'https://tidewater.example/2025/03/harbour-wall/',
      published: '2025-03-14T09:30:00Z',
    });
    const all = urls(post);
    expect(all).toContain('https://council.example.gov/reports/harbour-wall-2019.pdf');
    for (const chrome of ['spam.example', '/tag/', '/category/', '?share=', 'jp-relatedposts', '/2025/02/tides/'])
      expect(all.filter((u) => u.includes(chrome))).toEqual([]);
  });

  it('warns when no element holds the article with confidence, and reads the whole page', () => {
    const post = page('app-shell.html');
    expect(post.bodySelector).toBe('body');
    expect(post.warnings.map((w) => w.repair)).toEqual([
      expect.stringMatching(/^no article body found with confidence/),
    ]);
  });

  it('reads a short page without furniture whole, without a warning', () => {
    const post = extractPost(
      parseHtmlDocument('<body><p>Only a <a href="https://a.example/">line</a>.</p></body>', { source: 'p.html' }),
    );
    expect([post.bodySelector, post.warnings, urls(post)]).toEqual(['body', [], ['https://a.example/']]);
  });

  it('climbs to the parent of paragraph groups split by an advert', () => {
    const para = (n: number): string =>
      `<p>Paragraph ${n} of the story runs long enough to count, with commas, clauses, and a point of its own.</p>`;
    const html = `<body><nav><a href="/">Home</a></nav><div id="story">
      <div class="part">${para(1)}${para(2)}${para(3)}</div>
      <div class="advert"><a href="/buy">Buy now</a></div>
      <div class="part">${para(4)}${para(5)}${para(6)}</div></div></body>`;
    const post = extractPost(parseHtmlDocument(html, { source: 'p.html' }));
    expect(post.bodySelector).toBe('div#story');
    expect(post.blocks.map((b) => b.text.slice(0, 11))).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Paragraph ${n}`));
  });

  it('takes the notes a story points to with it when they sit beside the story', () => {
    const html = `<body><article><div class="text">
      <p>The ferry carried 1,200 passengers a day in 2024, a record for the route, and more than the pier was built for.<sup><a href="#fn1">1</a></sup></p>
      <p>Its operator plans a second vessel, which it says will halve the waiting times at the busiest crossings.</p></div>
      <div class="notes"><ol><li id="fn1">Port statistics, <a href="https://port.example/stats">2024 annual figures</a>.</li></ol></div>
      </article></body>`;
    const post = extractPost(parseHtmlDocument(html, { source: 'p.html' }));
    expect(post.bodySelector).toBe('body > article');
    expect(urls(post)).toContain('https://port.example/stats');
  });

  it('says which element was read in the report of `check` (bodySelector)', async () => {
    const result = await runCli([
      'check',
      '--offline',
      '--format',
      'json',
      path.join(PAGES, 'news-sidebar-teaser.html'),
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      posts: Array<{ bodySelector: string }>;
      totals: { citations: number };
    };
    expect(report.posts[0].bodySelector).toBe('main#main');
    expect(report.totals.citations).toBe(2);
  });
});

describe('what a reader mode takes as the article (Readability rules, issue 8)', () => {
  it('joins a standfirst paragraph beside the story, and leaves the share and newsletter boxes out', () => {
    const post = page('standfirst-sibling.html');
    expect(post.bodySelector).toBe('div#story');
    expect(urls(post)).toEqual(['https://audit.example.gov/reports/lune-footbridge']);
    // The headline Readability drops (it repeats the title) stays as a heading: no link in it.
    expect(post.blocks.map((b) => b.kind).slice(0, 2)).toEqual(['heading', 'paragraph']);
    expect(post.blocks[1].text).toMatch(/^The footbridge over the Lune/);
    expect(post.blocks).toHaveLength(7);
  });

  it('leaves out the byline, a link-heavy tools box (its script is no prose) and a box of headlines', () => {
    const post = page('byline-tools.html');
    expect(post.bodySelector).toBe('body > article.story');
    expect(urls(post)).toEqual(['https://water.example.gov/wells/2025-failures']);
    expect(post.blocks.map((b) => b.text.slice(0, 12))).toEqual([
      'Wells run dr',
      'Forty-one ho',
      'Hydrologists',
      'The county h',
      'Farmers, who',
    ]);
  });

  it('keeps the byline when the head names the author, as Readability does', () => {
    const html = readFileSync(path.join(PAGES, 'byline-tools.html'), 'utf8').replace(
      '<meta charset="utf-8">',
      '<meta charset="utf-8"><meta name="author" content="Ana Ruiz">',
    );
    const post = extractPost(parseHtmlDocument(html, { source: 'p.html' }));
    expect(urls(post)).toEqual([
      'https://ledger.example/staff/ana-ruiz/',
      'https://water.example.gov/wells/2025-failures',
    ]);
  });

  it('scores a <section> by all its text, so a review body and its verdict box are taken together', () => {
    const para = (n: number): string =>
      `<p>Part ${n} of the review runs long enough to count, with commas, clauses, asides, and a verdict of its own.</p>`;
    const html = `<body><nav><a href="/">Home</a></nav><article id="review"><div class="wrap">
      <div class="share-bar"><a href="https://twitter.com/intent/tweet?u=x">Tweet</a></div>
      <section class="chunks">${[1, 2, 3, 4, 5, 6].map(para).join('')}</section>
      <section id="wrapup"><p>The game is reviewed on code from its publisher; see our <a href="https://games.example/pages/ethics">ethics policy</a>.</p></section>
      <section class="scores"><div><strong>9</strong> Win</div></section>
      </div></article></body>`;
    const post = extractPost(parseHtmlDocument(html, { source: 'p.html' }));
    expect(post.bodySelector).toBe('article#review');
    expect(urls(post)).toEqual(['https://games.example/pages/ethics']);
  });

  it('reads a page whose header box is never closed: a second, looser attempt finds the story', () => {
    const post = page('unclosed-header.html');
    expect(post.bodySelector).toBe('div#content');
    expect(urls(post).filter((u) => !u.includes('/print'))).toEqual([
      'https://petitions.example.org/night-buses',
      'https://council.example.gov/budget/2025/transport.pdf',
    ]);
    expect(post.warnings).toEqual([]);
  });

  it('reads the story of an ASP.NET page, which sits inside one <form>', () => {
    const post = page('aspnet-form.html');
    // Readability climbs from the story's div through the only children around it.
    expect(post.bodySelector).toBe('form#aspnetForm > center');
    expect(urls(post)).toEqual(['https://courts.example.gov/rules/draft-31']);
  });

  it('reads inside the <form> of an ASP.NET page when the story and the paragraphs beside it fill it', () => {
    // Readability joins the lead and closing paragraphs to the story's div: the body is the form
    // itself, whose content is read (extraction skips a form as furniture), at its own lines.
    const post = page('aspnet-form-lead.html');
    expect(post.bodySelector).toBe('form#aspnetForm');
    expect(post.warnings).toEqual([]);
    const cites = post.blocks.flatMap((b) => b.citations);
    expect(cites.map((c) => [c.url, c.role, c.line])).toEqual([
      ['https://fund.example.org/budget-2026', undefined, 11],
      ['https://fund.example.org/minutes/2025-11', undefined, 14],
      ['https://council.example.gov/grants/2023', undefined, 16],
    ]);
    expect(post.blocks[0].text).toMatch(/^The regional fund will cut/);
  });

  it('does not climb to the comments a "Post a comment" jump points to (no footnote mark)', () => {
    const post = page('comment-jump.html');
    expect(post.bodySelector).toBe('div#storyBody');
    // Readability keeps the story's tools line; its jump and print view are no sources.
    const cites = post.blocks.flatMap((b) => b.citations);
    expect(cites.filter((c) => c.role === undefined).map((c) => c.url)).toEqual([
      'https://tides.example.org/stations/old-quay',
      'https://sealevel.example.gov/reports/2024-coastal.pdf',
    ]);
    expect(cites.filter((c) => c.role !== undefined).map((c) => c.role)).toEqual(['comment', 'print']);
  });

  it('keeps the paragraphs after a link left open around them, as a REST post does (their text is not link text)', () => {
    const body =
      '<p>Intro <a href="https://a.example.org/1">link <div><p>Second paragraph says 50% <a href="https://b.example.org/2">b</a></p></div>';
    const page = extractPost(parseHtmlDocument(`<html><body>${body}</body></html>`, { source: 'page.html' }));
    const inArticle = extractPost(
      parseHtmlDocument(`<html><body><article>${body}</article></body></html>`, { source: 'article.html' }),
    );
    for (const post of [page, inArticle]) {
      expect(post.blocks.map((b) => b.text)).toEqual(['Intro link', 'Second paragraph says 50%', 'b']);
      expect(urls(post)).toEqual(['https://a.example.org/1', 'https://b.example.org/2']);
    }
  });
});

describe('what a reader mode keeps that extraction used to skip (issue 8)', () => {
  it("reads the article's <header> (its lead paragraph and link), not the site's nor a teaser's", () => {
    const post = page('article-header-lead.html');
    const texts = post.blocks.map((b) => b.text);
    expect(texts[0]).toBe('Harbour dredging resumes after two-year pause');
    expect(texts[1]).toMatch(/^The port authority says silt cut/);
    expect(urls(post)).toContain('https://port.example.org/survey-2024');
    expect(urls(post)).toContain('https://lab.example.net/results/silt');
    // The masthead and the teasers' headlines (short articles in a sidebar) stay out.
    expect(texts).not.toContain('Coast Weekly News Sport');
    expect(urls(post).some((u) => /ferry-fares|lighthouse/.test(u))).toBe(false);
  });

  it("reads the <header> of a section of <main> (a landing page's title and lead), not the site's banner", () => {
    const post = page('main-section-header.html');
    const texts = post.blocks.map((b) => b.text);
    expect(texts[0]).toBe('Welcome to Tidewatch 4');
    expect(texts[1]).toMatch(/^Get to know the tide tables/);
    expect(urls(post)[0]).toBe('https://hydro.example.org/tide-gauges');
    // The masthead outside <main>, and a short section's header (a promo box), stay out.
    expect(texts.some((t) => /^Tidewatch Download|^From the blog/.test(t))).toBe(false);
    expect(urls(post).some((u) => /\/(?:download|blog)\/$/.test(u))).toBe(false);
  });

  it("reads the asides inside the story's articleBody (a photo caption, story highlights), not a related box nor the page's sidebar", () => {
    const post = page('article-body-asides.html');
    const texts = post.blocks.map((b) => b.text);
    expect(texts).toContain('The new motion rings will go on sale in the spring.(Photo: Sam Fujiwara)');
    expect(texts).toContain('Story Highlights');
    expect(texts).toContain('The rings will sell for $29.99 a pair, the company says');
    expect(urls(post)).toEqual(['https://dev.example.org/rings-sdk']);
    // Nor the card of another story inside the body (its picture, linked headline and "Read").
    expect(texts.some((t) => /Talking Tech|exercise apps|^Related|Drum pads|neighbours/.test(t))).toBe(false);
  });

  it("keeps a data table's row as cells when its notes cell holds two short paragraphs", () => {
    const html = `<html><body><article><p>Here is how the plans compare.</p><table><thead><tr><th>Plan</th><th>Price</th><th>Notes</th></tr></thead><tbody>
      <tr><td>Basic</td><td>$10 per month</td><td><p>Includes 5 users.</p><p>Support by email only.</p></td></tr></tbody></table></article></body></html>`;
    const post = extractPost(parseHtmlDocument(html, { source: 'plans.html' }));
    expect(post.blocks.find((b) => b.text === '$10 per month')?.kind).toBe('table-cell');
  });

  it('leaves out an aside in the story that sells the site (a newsletter box, an ad slot), classed or not', () => {
    const html = `<html><body><main><article><div class="entry-content">
      <p>The city council voted 7-2 to approve the plan, <a href="https://minutes.example/1">minutes show</a>.</p>
      <aside><p>Sign up for our newsletter to get the news first. <a href="https://news.example.org/newsletter">Subscribe</a></p></aside>
      <aside class="ad-slot"><p>Buy 2 get 1 free at <a href="https://shop.example.com/">Shop</a> this week only.</p></aside>
      <aside class="callout"><p>The plan costs $40 million over five years, according to the <a href="https://budget.example/plan">budget office</a>.</p></aside>
      <p>The mayor said the vote was a victory.</p></div></article></main></body></html>`;
    const post = extractPost(parseHtmlDocument(html, { source: 'asides.html' }));
    expect(urls(post)).toEqual(['https://minutes.example/1', 'https://budget.example/plan']);
  });

  it("reads the story's cell beside a layout cell (a photo's table) as a paragraph, not a table's data cell", () => {
    const post = page('layout-table-row.html');
    const story = post.blocks.find((b) => b.text.startsWith('The county spent'));
    expect(story?.kind).toBe('paragraph');
    expect(story?.isClaim).toBe(true);
    // The cells of the photo's own small table are still cells.
    expect(post.blocks.find((b) => b.text.startsWith('Crews resurface'))?.kind).toBe('table-cell');
  });

  it('keeps the link of an <a> wrapped around a paragraph (a card): it credits the paragraph, no longer lost', () => {
    const post = page('block-link-cards.html');
    const card = post.blocks.find((b) => b.text.startsWith('Word error rates'));
    expect(card?.citations.map((c) => [c.url, c.role])).toEqual([
      ['https://lab.example.org/papers/speech-error-rates', undefined],
    ]);
    expect(card?.citations[0].anchorText).toMatch(/^Word error rates/);
  });

  it('reads the links of a <pre> as citations, its text as code (no claim); a <pre> without links stays out', () => {
    const post = page('preformatted-memo.html');
    expect(urls(post).filter((u) => u.startsWith('http'))).toEqual([
      'https://memo.example.org/bcp/78',
      'https://memo.example.org/bcp/79',
      'https://memo.example.org/rfc/8259',
      'https://lab.example.net/papers/listing-cache',
    ]);
    expect(post.blocks).toHaveLength(1);
    const block = post.blocks[0];
    expect(block.text).toMatch(/Servers answered 40 percent faster/);
    expect(block.text).not.toMatch(/curl/);
    // Its figures are code ("40 percent" is no figure signal), as in a `<code>` span.
    expect(block.signals).not.toContain('number');
  });

  it('reads the links of a <pre><code> the same as a bare <pre>; a code span keeps its links out', () => {
    const post = page('preformatted-code-links.html');
    expect(urls(post)).toEqual([
      'https://tracker.example.org/issues/4417',
      'https://audit.example.net/reports/listing-cache',
    ]);
    const notice = post.blocks.find((b) => b.text.includes('forged'));
    expect(notice?.citations.map((c) => c.anchorText)).toEqual(['issue 4417', 'audit report']);
    // Still code: "12 percent" is no figure of a claim.
    expect(notice?.signals).not.toContain('number');
    // A <pre><code> example without links stays out.
    expect(post.blocks.some((b) => b.text.includes('curl'))).toBe(false);
  });
});

describe("Readability's article mapped onto our tree (issue 8)", () => {
  it('reads the text of divs that hold only text (Readability puts it in a new <p> in their place)', () => {
    const post = page('text-only-divs.html');
    const texts = post.blocks.map((b) => b.text);
    expect(texts.some((t) => t.startsWith('The council voted seven to two'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Shop owners on the high street'))).toBe(true);
    expect(texts.some((t) => t.startsWith('The lanes are paid for'))).toBe(true);
    expect(urls(post)).toContain('https://data.valley.example.gov/counts/2024');
    expect(urls(post).some((u) => /bridge|market/.test(u))).toBe(false);
  });
});
