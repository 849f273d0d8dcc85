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

function fragment(body: string): ExtractedPost {
  const post: Post = { source: 'post.json', kind: 'wordpress', body, bodyFormat: 'html', warnings: [] };
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
