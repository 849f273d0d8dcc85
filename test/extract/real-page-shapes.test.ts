import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseHtmlDocument } from '../../src/sources/html.js';
import type { ExtractedPost } from '../../src/types.js';
import { ROOT } from '../cli/run-cli.js';

// Shapes the evaluation on real saved pages found (bench/eval-html.js, issue 8), each rebuilt here
// from its shape: links a reader mode leaves out of the article that citecheck read as sources,
// and a scripted toggle reported as a damaged link.

const PAGES = path.join(ROOT, 'test/fixtures/pages');

function page(name: string): ExtractedPost {
  return extractPost(parseHtmlDocument(readFileSync(path.join(PAGES, name), 'utf8'), { source: name }));
}

/** URLs reported as sources (no role, not a credit copy), and the roles of the others by URL. */
function sources(post: ExtractedPost): string[] {
  return post.blocks.flatMap((b) =>
    b.citations.filter((c) => c.role === undefined && c.via === undefined).map((c) => c.url),
  );
}
function roles(post: ExtractedPost): Record<string, string | undefined> {
  return Object.fromEntries(post.blocks.flatMap((b) => b.citations.map((c) => [c.url, c.role])));
}

describe('links on real pages that are not sources', () => {
  it("a photo's credit line credits the image; a chart caption's source stays a source", () => {
    const post = page('photo-credit.html');
    expect(sources(post)).toEqual([
      'https://council.example.gov/notices/pier-2025',
      'https://stats.example.org/tourism/pier-visitors',
    ]);
    // The photo's own link (an image with no words) is not in Readability's article at all.
    expect(roles(post)).toEqual({
      'https://council.example.gov/notices/pier-2025': undefined,
      'https://stats.example.org/tourism/pier-visitors': undefined,
      'https://photos.example.net/users/harbourcam': 'image',
    });
    // The credit line makes no claim look sourced by a photographer's page.
    const caption = post.blocks.find((b) => b.text.startsWith('The pier on Tuesday'));
    expect(caption?.credits).toBeUndefined();
  });

  it('links to the previous and next posts are navigation; a link to an earlier post in the text is a source', () => {
    const post = page('prev-next.html');
    expect(sources(post)).toEqual([
      'https://environment.example.gov/floods/lower-town-2025',
      'https://riverwatch.example/blog/2024/11/gauges.html',
    ]);
    expect(roles(post)).toMatchObject({
      'https://riverwatch.example/blog/2025/02/weirs.html': 'navigation',
      'https://riverwatch.example/blog/2025/04/meadows.html': 'navigation',
      'https://riverwatch.example/blog/2025/01/': 'navigation',
    });
  });
});

describe('anchors with no usable href on real pages', () => {
  it('a "Read more" toggle alone in its widget box is not damaged; an empty href in running text still is', () => {
    const post = page('read-more-toggle.html');
    const damaged = post.blocks.flatMap((b) => b.damagedAnchors.map((d) => [d.anchorText, d.reason]));
    expect(damaged).toEqual([["the traders' letter", 'empty-href']]);
    // Readability leaves the toggle's box out of the article; read on its own, it is no damage either.
    const box = '<div id="read-more-link"><a href="">Read more</a></div><p>As <a href="">the letter</a> said.</p>';
    const alone = extractPost({
      source: 'box.html',
      kind: 'html',
      body: box,
      bodyFormat: 'html',
      bodyLine: 1,
      warnings: [],
    });
    expect(alone.blocks.map((b) => b.text)).toContain('Read more');
    expect(alone.blocks.flatMap((b) => b.damagedAnchors.map((d) => d.anchorText))).toEqual(['the letter']);
  });
});
