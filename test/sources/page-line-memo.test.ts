import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { lineColumn } from '../../src/sources/json-repair.js';
import { lineIndex } from '../../src/sources/line-index.js';
import { parseDocument } from '../../src/sources/parse-document.js';

/** Reads and extracts a page of ~8 MB (a script of 4 million lines before a short article), as a run does, and lets it go. */
function readPage(): number | undefined {
  const page = `<!doctype html><html><head><title>T</title><script>${'x\n'.repeat(4_000_000)}</script></head><body><article><h1>T</h1><p>A claim, <a href="https://example.org/a">says</a> the source.</p></article></body></html>`;
  const [post] = parseDocument(page, { source: 'page.html' });
  expect(extractPost(post).blocks.map((b) => b.citations.length)).toEqual([0, 1]);
  return post.bodyLine;
}

describe('the line of a page body', () => {
  it('is found without keeping the page (nor an index of its lines) once the post is read', () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const heap = (): number => {
      collect();
      return process.memoryUsage().heapUsed;
    };
    const before = heap();
    expect(readPage()).toBe(4_000_001);
    // The memo of the last text asked about held the 8 MB page and its 4 million line starts
    // (~40 MB) to the end of a run (issue 13); a page asked about once is scanned instead.
    expect(heap() - before).toBeLessThan(4_000_000);
  });
});

describe('lineColumn', () => {
  it('answers as the line index does, for a text asked about once (scanned) and again (indexed)', () => {
    const text = 'a\nbc\n\ndef\r\ng\n';
    const index = lineIndex(text);
    for (let offset = -1; offset <= text.length + 1; offset++) {
      // A text of another length in between: each first ask of `text` is a scan.
      lineColumn('other', 0);
      expect(lineColumn(text, offset)).toEqual(index.lineColumn(offset));
      expect(lineColumn(text, offset)).toEqual(index.lineColumn(offset));
    }
  });
});
