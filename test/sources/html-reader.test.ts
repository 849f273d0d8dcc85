import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { chooseBody } from '../../src/sources/html-body.js';
import { READER_MAX_DEPTH, READER_MAX_ELEMENTS, readerArticle } from '../../src/sources/html-reader.js';
import { parseHtmlTree } from '../../src/sources/html-tree.js';
import { parseDocument } from '../../src/sources/index.js';
import { parseHtmlDocument } from '../../src/sources/html.js';
import { ROOT } from '../cli/run-cli.js';

// Mozilla Readability chooses the body of a full HTML page (issue 8), on a copy of our tree.

const PAGES = path.join(ROOT, 'test/fixtures/pages');
const PARAGRAPH =
  'The regional fund will cut its grants to small orchards by a third next year, the second cut in three years, growers said.';

function sources(html: string): string[] {
  const post = extractPost(parseHtmlDocument(html, { source: 'page.html' }));
  return post.blocks.flatMap((b) => b.citations.filter((c) => c.role === undefined).map((c) => c.url));
}

describe("Readability's article mapped back to our elements", () => {
  it('reads what it kept through the wrappers it unwraps, and leaves out the link box it drops', () => {
    const html = readFileSync(path.join(PAGES, 'reader-wrappers.html'), 'utf8');
    const post = parseHtmlDocument(html, { source: 'reader-wrappers.html' });
    // Readability replaces a div holding one div by that div, copying its attributes over: the
    // inner element is still found as kept (each element is named by an attribute of its own).
    expect(post.bodySelector).toBe('div#outer');
    expect(sources(html)).toEqual(['https://fund.example.org/budget-2026', 'https://stats.example.gov/orchards/2025']);
    expect(post.warnings).toEqual([]);
  });

  it('leaves loose text beside the elements it joined out, as Readability keeps elements only', () => {
    const html = `<html><body><div id="page">Menu: <a href="https://valley.example/">Home</a>
      <div class="story"><p>${PARAGRAPH} <a href="https://fund.example.org/a">the budget</a>, ${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div>
      <p>${PARAGRAPH} As <a href="https://fund.example.org/b">the fund said</a>, it had no choice.</p>
      </div></body></html>`;
    const root = parseHtmlTree(html, { indices: true });
    const choice = chooseBody(root);
    expect(choice.selector).toBe('div#page');
    expect(sources(html)).toEqual(['https://fund.example.org/a', 'https://fund.example.org/b']);
  });

  it('gives no article for a page over its size or depth bounds: our own scoring chooses, in linear time', () => {
    const wide = `<html><body><article>${`<p>${PARAGRAPH} <a href="https://x.example/">x</a></p>`.repeat(READER_MAX_ELEMENTS / 2)}</article></body></html>`;
    expect(readerArticle(parseHtmlTree(wide))).toBeUndefined();
    const wideChoice = chooseBody(parseHtmlTree(wide, { indices: true }));
    expect([wideChoice.selector, wideChoice.confident]).toEqual(['body > article', true]);
    const depth = READER_MAX_DEPTH + 2;
    const deep = `<html><body>${'<div>'.repeat(depth)}<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(readerArticle(parseHtmlTree(deep))).toBeUndefined();
    expect(chooseBody(parseHtmlTree(deep, { indices: true })).confident).toBe(true);
    // Just under both bounds, Readability reads it.
    const shallow = `<html><body>${'<div>'.repeat(10)}<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>${'</div>'.repeat(10)}</body></html>`;
    expect(readerArticle(parseHtmlTree(shallow))?.length).toBeGreaterThan(200);
  });

  it('is loaded by the first full HTML page only: Markdown and REST posts never load it', () => {
    const cache = createRequire(import.meta.url).cache;
    const loaded = (): boolean =>
      Object.keys(cache).some((k) => k.includes(`${path.sep}@mozilla${path.sep}readability`));
    // Other tests in this worker may have loaded it already; only then is there nothing to see.
    if (loaded()) return;
    parseDocument(`# Title\n\n${PARAGRAPH} [the budget](https://fund.example.org/a).\n`, { source: 'post.md' });
    parseDocument(
      JSON.stringify({ id: 1, link: 'https://blog.example/p/', content: { rendered: `<p>${PARAGRAPH}</p>` } }),
      { source: 'post.json' },
    );
    expect(loaded()).toBe(false);
    parseDocument(`<html><body><article><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`, {
      source: 'page.html',
    });
    expect(loaded()).toBe(true);
  });
});
