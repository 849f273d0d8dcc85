import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPost, type ExtractOptions } from '../../src/extract/index.js';
import { buildReport } from '../../src/report/build.js';
import type { ExtractedPost, Post } from '../../src/types.js';
import { parseHtmlDocument } from '../../src/sources/html.js';
import { ROOT, runCli } from '../cli/run-cli.js';

/** Extracts `content.rendered` of a WordPress post at https://blog.example.com/2025/05/post/. */
function wp(body: string, opts: ExtractOptions = {}): ExtractedPost {
  const post: Post = {
    source: 'post.json',
    kind: 'wordpress',
    url: 'https://blog.example.com/2025/05/post/',
    body,
    bodyFormat: 'html',
    warnings: [],
  };
  return extractPost(post, opts);
}

/** Every citation as [url, role]. */
function roles(post: ExtractedPost): Array<[string, string | undefined]> {
  return post.blocks.flatMap((b) => b.citations.map((c): [string, string | undefined] => [c.url, c.role]));
}

function report(post: ExtractedPost) {
  return buildReport({ posts: [post], results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true });
}

const CLAIM = 'The council spent 40% more than planned in 2024, officials said.';

describe('links that are not sources get a role (issue 8)', () => {
  it.each([
    ['a tag link (rel=tag)', '<a href="https://blog.example.com/topics/x/" rel="tag">x</a>', 'tag'],
    ['a category archive (/category/)', '<a href="https://blog.example.com/category/news/">News</a>', 'tag'],
    ['a tag archive on another host (/tag/)', '<a href="https://other.example/tag/council/">council</a>', 'tag'],
    [
      'a link in the theme’s tag list',
      '<span class="tags-links">Tagged <a href="/archive/council/">council</a></span>',
      'tag',
    ],
    [
      'a Jetpack share link (?share=)',
      '<a href="https://blog.example.com/2025/05/post/?share=twitter">Twitter</a>',
      'share',
    ],
    [
      'a share endpoint',
      '<a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fblog.example.com">Share</a>',
      'share',
    ],
    ['a share button by class', '<a class="share-button" href="https://social.example/post">Post it</a>', 'share'],
    ['a link in a share bar', '<span class="share-bar"><a href="https://social.example/x">X</a></span>', 'share'],
    [
      'a mail-this-post link',
      '<a href="mailto:?subject=Read&amp;body=https%3A%2F%2Fblog.example.com%2F">Email</a>',
      'share',
    ],
    ['a print link', '<a href="javascript:window.print()">Print</a>', 'print'],
    ['a printable page', '<a href="https://blog.example.com/2025/05/post/?print=1">Print</a>', 'print'],
    ['a feed', '<a href="https://blog.example.com/feed/">RSS</a>', 'subscribe'],
    ['a comments jump', '<a href="#comments">3 comments</a>', 'comment'],
    ['a jump to a news CMS comment section', '<a href="#readerComments">Post a comment</a>', 'comment'],
    ['a print view under /print/', '<a href="https://blog.example.com/print/2025/05/post/">Print</a>', 'print'],
    ['a lightbox jump', '<a href="#lightbox-2">Enlarge</a>', 'lightbox'],
    ['a lightbox by data attribute', '<a href="https://cdn.example/big.jpg" data-lightbox="set">view</a>', 'lightbox'],
    ['the home page', '<a href="https://blog.example.com/">Home</a>', 'navigation'],
    ['the previous post', '<a href="https://blog.example.com/2025/04/older/" rel="prev">Older</a>', 'navigation'],
    ['the post itself', '<a href="https://blog.example.com/2025/05/post/">permalink</a>', 'navigation'],
    ['an author page', '<a href="https://blog.example.com/author/sam/">Sam</a>', 'navigation'],
    ['a page of the list of posts', '<a href="https://blog.example.com/news/page/2/">Older</a>', 'navigation'],
    [
      'a Jetpack WhatsApp button',
      '<a href="https://blog.example.com/2025/05/post/?share=jetpack-whatsapp">Send</a>',
      'share',
    ],
    [
      'a parenthesised pointer to more of the site',
      '<a href="https://blog.example.com/photos/spill/">(See pictures of the spill.)</a>',
      'navigation',
    ],
    [
      'a "Watch" pointer to the site’s video',
      '<a href="/video/bayou/">(Watch our video “Oil on the Bayou.”)</a>',
      'navigation',
    ],
    [
      'a photo linked to its full size',
      '<a href="https://blog.example.com/wp-content/uploads/big.jpg"><img src="small.jpg" alt=""></a>',
      'image',
    ],
    [
      'a logo linked to its site (two words of alt)',
      '<a href="https://magazine.example/?xid=partner"><img src="logo.png" alt="Real Simple"></a>',
      'image',
    ],
    [
      'an image link with a placeholder alt',
      '<a href="https://photos.example/1"><img src="a.jpg" alt="image"></a>',
      'image',
    ],
  ])('%s', (_name, link, role) => {
    const post = wp(`<p>${CLAIM} ${link}</p>`);
    expect(roles(post)).toEqual([[expect.any(String), role]]);
  });

  it.each([
    ['a link in the text', '<a href="https://council.example.gov/budget">the budget</a>'],
    [
      'a link to the site’s own earlier story',
      '<a href="https://blog.example.com/2024/01/earlier/">as we reported</a>',
    ],
    ['a text link to a chart image', '<a href="https://stats.example.org/chart.png">the chart</a>'],
    [
      'a "See" sentence pointing to another site',
      '<a href="https://council.example.gov/budget">(See the council’s budget.)</a>',
    ],
    [
      'a "See" link inside a longer sentence',
      'See <a href="https://blog.example.com/2024/01/earlier/">our report</a>.',
    ],
    ['a page of the site under /page/', '<a href="https://blog.example.com/page/methodology/">our method</a>'],
    [
      'a shared document’s link (?share= with a token)',
      '<a href="https://docs.example.org/d/7?share=8f3ac2">the data</a>',
    ],
    ['a release of a code repository', '<a href="https://github.com/acme/gauges/releases/tag/v1.2.0">version 1.2</a>'],
    ['a tagged version on GitLab', '<a href="https://gitlab.com/acme/gauges/-/tags/v1.2.0">version 1.2</a>'],
    [
      'an image link whose alt says what it cites',
      '<a href="https://stats.example.org/report"><img src="c.png" alt="Chart of the 2024 council budget"></a>',
    ],
  ])('%s stays a source', (_name, link) => {
    const post = wp(`<p>${CLAIM} ${link}</p>`);
    expect(roles(post)).toEqual([[expect.any(String), undefined]]);
  });

  it.each([
    ['"← Previous post" on its own line', '<div class="alignleft"><a href="/2025/04/weirs/">← Previous post</a></div>'],
    ['a title led by an arrow', '<p><a href="/2025/04/weirs/">← Weirs and the fish that climb them</a></p>'],
    ['a title closed by an arrow', '<div class="right"><a href="/2025/06/meadows/">Water meadows →</a></div>'],
    ['"Next:" and a title', '<p><a href="/2025/06/salmon/">Next: Salmon in the weir pools</a></p>'],
    [
      'a line of older and newer links',
      '<p><a href="/2025/04/weirs/">« Older Entries</a> | <a href="/2025/06/meadows/">Newer Entries »</a></p>',
    ],
  ])('a link to the neighbouring post outside any nav or class is navigation: %s', (_name, html) => {
    const post = wp(`<p>${CLAIM} <a href="https://council.example.gov/budget">the budget</a></p>${html}`);
    const found = roles(post);
    expect(found[0]).toEqual(['https://council.example.gov/budget', undefined]);
    expect(found.slice(1).map(([, role]) => role)).toEqual(found.slice(1).map(() => 'navigation'));
    expect(found.length).toBeGreaterThan(1);
  });

  it.each([
    ['in running prose', `<p>As a <a href="/2024/11/gauges/">previous post</a> showed, ${CLAIM}</p>`],
    ['a title in French quotes', `<p>Le maire a cité <a href="/2025/01/rapport/">«Le rapport des eaux»</a>.</p>`],
    [
      '"Next" on another site',
      '<p><a href="https://council.example.gov/next-steps">Next: the council’s plan →</a></p>',
    ],
  ])('a link with neighbour words or arrows stays a source %s', (_name, html) => {
    expect(roles(wp(html))).toEqual([[expect.any(String), undefined]]);
  });

  it('keeps the links of a Jetpack share bar in content.rendered, with the role share', () => {
    const bar =
      '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Share this:</h3>' +
      '<div class="sd-content"><ul><li class="share-twitter"><a class="share-twitter sd-button" href="https://blog.example.com/2025/05/post/?share=twitter" data-shared="sharing-twitter-1">X</a></li>' +
      '<li class="share-end"></li></ul></div></div></div>';
    const post = wp(`<p>${CLAIM}</p>${bar}`);
    expect(roles(post)).toEqual([['https://blog.example.com/2025/05/post/?share=twitter', 'share']]);
    expect(post.blocks[0].citations).toEqual([]);
  });

  it('a relative /tag/ link on a page with no address is a tag link; a relative story link stays a source', () => {
    const post = extractPost({
      source: 'page.html',
      kind: 'html',
      body: `<p>${CLAIM} <a href="/tag/council/">council</a> <a href="../2024/budget.html">the budget</a></p>`,
      bodyFormat: 'html',
      warnings: [],
    });
    expect(roles(post).map(([, role]) => role)).toEqual(['tag', undefined]);
  });

  it('takes the alt text as the anchor text of an image link that says what it cites', () => {
    const post = wp(
      '<p><a href="https://stats.example.org/report"><img src="c.png" alt="Chart of the 2024 budget"></a></p>',
    );
    expect(post.blocks[0].citations[0].anchorText).toBe('Chart of the 2024 budget');
  });

  it('counts an image-only link as a source with --include-media', () => {
    const post = wp('<p><a href="https://photos.example/1"><img src="a.jpg" alt=""></a></p>', { includeMedia: true });
    expect(roles(post).find(([url]) => url === 'https://photos.example/1')).toEqual([
      'https://photos.example/1',
      undefined,
    ]);
  });

  it('counts a link matching --count-as-source as a source', () => {
    const link = '<a href="https://wiki.example.org/category/harbours/">the harbour list</a>';
    expect(roles(wp(`<p>${link}</p>`))).toEqual([['https://wiki.example.org/category/harbours/', 'tag']]);
    expect(roles(wp(`<p>${link}</p>`, { countAsSource: [/^https:\/\/wiki\.example\.org\//] }))).toEqual([
      ['https://wiki.example.org/category/harbours/', undefined],
    ]);
  });

  it('never makes a claim look cited: CLAIM_UNCITED stands, no link finding, not counted', () => {
    const post = wp(
      `<p>${CLAIM} <a href="https://blog.example.com/tag/council/" rel="tag">council</a> <a href="https://blog.example.com/2025/05/post/?share=facebook">Share</a></p>`,
    );
    expect(post.blocks[0].signals).not.toContain('citation');
    const r = report(post);
    expect(r.findings.map((f) => f.code)).toEqual(['CLAIM_UNCITED']);
    expect([r.totals.citations, r.totals.uniqueUrls]).toEqual([0, 0]);
    expect(r.posts[0].blocks[0].citations.map((c) => c.role)).toEqual(['tag', 'share']);
  });

  it("a health site's own glossary and quiz links are navigation: the claims they sit in stay uncited", () => {
    const file = path.join(ROOT, 'test/fixtures/pages/health-glossary-links.html');
    const post = extractPost(parseHtmlDocument(readFileSync(file, 'utf8'), { source: 'health.html' }));
    expect(roles(post)).toEqual([
      ['https://www.healthdaily.example/glossary/superbug', 'navigation'],
      ['https://www.healthdaily.example/a-to-z-guides/rm-quiz-antibiotics', 'navigation'],
      ['https://journal.example.org/articles/resistance-review-2024', undefined],
      // Another site's glossary is a definition the writer cites: a source.
      ['https://dictionary.example.net/glossary/multidrug-resistant', undefined],
    ]);
    // The first two paragraphs are claims with no source; the last two cite theirs.
    const uncited = report(post).findings.filter((f) => f.code === 'CLAIM_UNCITED');
    expect(uncited.map((f) => f.block)).toEqual([1, 2]);
  });

  it('an own-site story whose slug holds "quiz" or "dictionary" further on is a story, not a glossary', () => {
    const page = `<html><body><article><p>The council failed its budget test, auditors said in <a href="/2026/04/council-fails-budget-quiz-auditors-say">a report</a>.</p>
      <p>The word was added this spring, <a href="/2026/05/merriam-webster-dictionary-adds-rizz">the publisher said</a>.</p>
      <p>Test yourself: <a href="/quiz-budget-terms">take the quiz</a>.</p></article></body></html>`;
    const post = extractPost(parseHtmlDocument(page, { source: 'n.html', url: 'https://news.example/2026/06/story' }));
    expect(roles(post)).toEqual([
      ['https://news.example/2026/04/council-fails-budget-quiz-auditors-say', undefined],
      ['https://news.example/2026/05/merriam-webster-dictionary-adds-rizz', undefined],
      ['https://news.example/quiz-budget-terms', 'navigation'],
    ]);
  });

  it('a "Read this next" card (a link around its headline and teaser) is navigation, on its first block', () => {
    const post = wp(
      `<p>${CLAIM}</p><section id="readnext"><a href="https://blog.example.com/2025/04/rim/"><h4>Read this next</h4><h3>RIM CEOs quit</h3><p>Its two chiefs hand over the top job.</p></a></section>`,
    );
    expect(post.blocks.map((b) => b.citations.map((c) => [c.url, c.role, c.anchorText]))).toEqual([
      [],
      [['https://blog.example.com/2025/04/rim/', 'navigation', 'Read this next']],
      [],
      [],
    ]);
  });

  it('a link with no text and no image (a logo drawn by CSS, an icon) is no source, like an image-only link', () => {
    const file = path.join(ROOT, 'test/fixtures/pages/textless-links.html');
    const post = extractPost(parseHtmlDocument(readFileSync(file, 'utf8'), { source: 'film.html' }));
    expect(roles(post)).toEqual([
      ['https://radio.example/index.shtml', 'image'],
      ['https://donate.radio.example/', 'image'],
      ['https://boxoffice.example.com/weekend/2013/02', undefined],
      ['https://social.example/filmhour', 'image'],
    ]);
  });

  it('an icon link whose aria-label or title says what it cites is a source, with that label as its text', () => {
    const post = wp(
      '<p>Unemployment fell to 3.9% in March, the department said. <a href="https://bls.example/cps" aria-label="Source: Bureau of Labor Statistics"><i class="fa fa-external-link"></i></a></p>' +
        '<p>Wages grew 4.1% in the year, the report said. <a href="https://bls.example/wages" title="BLS wage data"></a></p>' +
        '<p>The ferry runs daily. <a href="https://ferry.example/" title="Home"></a></p>',
    );
    expect(post.blocks.map((b) => b.citations.map((c) => [c.url, c.role, c.anchorText]))).toEqual([
      [['https://bls.example/cps', undefined, 'Source: Bureau of Labor Statistics']],
      [['https://bls.example/wages', undefined, 'BLS wage data']],
      [['https://ferry.example/', 'image', '']],
    ]);
  });

  it("an avatar linked to a person is no source, though its alt (the person's name) has three words", () => {
    const file = path.join(ROOT, 'test/fixtures/pages/avatar-links.html');
    const post = extractPost(parseHtmlDocument(readFileSync(file, 'utf8'), { source: 'survey.html' }));
    expect(roles(post)).toEqual([
      ['https://port.example.org/surveys/2025', undefined],
      // A chart whose alt says what it shows stays a source.
      ['https://stats.example.org/harbour-depths', undefined],
      ['https://social.example/mara', 'image'],
      ['https://coastnotes.example/members/pieter/', 'image'],
    ]);
  });

  it('a block holding only widget links is not a claim', () => {
    const post = wp('<p><a href="https://blog.example.com/feed/">RSS</a> <a href="#comments">Comments</a></p>');
    expect(post.blocks[0].isClaim).toBe(false);
  });
});

describe('anchors without a URL that are widgets are not damaged (issue 8)', () => {
  it.each([
    ['a WordPress button block', '<a class="wp-block-button__link wp-element-button">Subscribe</a>'],
    ['a share button with data attributes', '<a data-share="twitter">Tweet</a>'],
    ['a scripted toggle', '<a onclick="toggle()">Show more</a>'],
    ['a role=button anchor', '<a role="button">Like</a>'],
    ['an empty href with a widget class', '<a href="" class="sd-button share-icon">Share</a>'],
    ['a "#" link in a share bar', '<span class="sharing"><a href="#">Email</a></span>'],
  ])('%s', (_name, anchor) => {
    const post = wp(`<p>${CLAIM} ${anchor}</p>`);
    expect(post.blocks[0].damagedAnchors).toEqual([]);
  });

  it('a "#" link alone in the tweet or email item of a story\'s tools list is no damage', () => {
    const tools =
      '<ul class="tools"><li class="email"><a href="#">Email</a></li><li class="tweet"><a href="#">Tweet</a></li></ul>';
    const post = wp(`<p>${CLAIM}</p>${tools}<p>As <a href="#">the letter</a> said.</p>`);
    expect(post.blocks.flatMap((b) => b.damagedAnchors.map((d) => d.anchorText))).toEqual(['the letter']);
  });

  it('still reports a plain anchor that lost its URL', () => {
    const post = wp(`<p>The minister <a>said</a> so.</p>`);
    expect(post.blocks[0].damagedAnchors.map((d) => [d.anchorText, d.reason])).toEqual([['said', 'missing-href']]);
  });
});

describe('roles through the CLI', () => {
  it('extract counts a tag archive only with --count-as-source, and check raises no finding for a widget', async () => {
    const page =
      '<article><p>The harbour list names 12 harbours, the survey found, <a href="https://wiki.example.org/category/harbours/">in full</a>. <a href="https://blog.example.com/?share=twitter">Tweet</a></p></article>';
    const plain = await runCli(['extract', '-'], { stdin: page });
    const widened = await runCli(['extract', '--count-as-source', '^https://wiki\\.example\\.org/', '-'], {
      stdin: page,
    });
    const totals = (out: string) => (JSON.parse(out) as { totals: { citations: number } }).totals.citations;
    expect([plain.code, totals(plain.stdout)]).toEqual([0, 0]);
    expect([widened.code, totals(widened.stdout)]).toEqual([0, 1]);
    const checked = await runCli(['check', '--offline', '--format', 'json', '-'], { stdin: page });
    const report = JSON.parse(checked.stdout) as { findings: Array<{ code: string }> };
    expect(report.findings.map((f) => f.code)).toEqual(['CLAIM_UNCITED']);
  });
});
