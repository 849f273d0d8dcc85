import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseHtmlDocument } from '../../src/sources/html.js';

const PROSE =
  'The council said the new ferry timetable, which starts in May, adds two crossings a day, ' +
  'and the operator confirmed that fares will not change before the autumn review.';
const LINKS = Array.from({ length: 6 }, (_, i) => `<a href="https://source${i}.example.org/r/${i}">report ${i}</a>`);
const STORY = `<h2>Ferries</h2><p>${PROSE} ${LINKS.join(' and ')} say so.</p><p>${PROSE}</p>`;
const BYLINE = '<p class="byline">By <a href="https://example.com/jane">Jane Doe</a></p>';

function read(html: string) {
  return extractPost(parseHtmlDocument(html, { source: 'fragment.html' }));
}

/** What a report says of a post's blocks: kinds, texts and cited URLs. */
function blocksOf(html: string) {
  return read(html).blocks.map((b) => ({ kind: b.kind, text: b.text, urls: b.citations.map((c) => c.url) }));
}

describe('a fragment that is one <article> is its own body (issue 13)', () => {
  it('reads the article whole and says so in bodySelector, as the same article on a page of its own', () => {
    const fragment = `\n<!-- saved from the CMS -->\n<article>${STORY}</article>\n`;
    const post = read(fragment);
    expect(post.bodySelector).toBe('article');
    expect(post.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph']);
    expect(post.blocks[1].citations).toHaveLength(6);
    expect(post.warnings).toEqual([]);
    expect(blocksOf(fragment)).toEqual(blocksOf(`<html><body><article>${STORY}</article></body></html>`));
  });

  it('leaves out its byline (an author link is no source), as on a page', () => {
    const fragment = `<article>${BYLINE}${STORY}</article>`;
    const urls = blocksOf(fragment).flatMap((b) => b.urls);
    expect(urls).toHaveLength(6);
    expect(urls).not.toContain('https://example.com/jane');
    expect(blocksOf(fragment)).toEqual(blocksOf(`<html><body><article>${BYLINE}${STORY}</article></body></html>`));
  });
});
