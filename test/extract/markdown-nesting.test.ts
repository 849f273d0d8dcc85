import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { MARKDOWN_MAX_NESTING } from '../../src/extract/markdown-nesting.js';
import { parseDocument } from '../../src/sources/index.js';

const extract = (markdown: string) => extractPost(parseDocument(markdown, { source: 'deep.md' })[0]);
const urls = (markdown: string) => extract(markdown).blocks.flatMap((b) => b.citations.map((c) => c.url));
const repairs = (markdown: string) => extract(markdown).warnings.map((w) => w.repair);

describe('Markdown nested deep (issue 13: deep posts lose nothing silently)', () => {
  it('reads a quote nested past markdown-it’s default of 100 levels', () => {
    const post = `${'>'.repeat(101)} The survey found 62% per [src](https://a.example.org/x)\n`;
    expect(urls(post)).toEqual(['https://a.example.org/x']);
    expect(repairs(post)).toEqual([]);
  });
  it('reads every item of a list nested 120 levels deep', () => {
    let list = '';
    for (let i = 0; i < 120; i++) list += `${'  '.repeat(i)}- item [l${i}](https://l.example.org/${i})\n`;
    expect(urls(list)).toHaveLength(120);
  });
  it('past the limit says what it dropped, and reads the rest of the post', () => {
    const post = `${'>'.repeat(MARKDOWN_MAX_NESTING + 50)} Lost [a](https://a.example.org/x)\n\nAfter it, [b](https://b.example.org/y) found 5%.\n`;
    expect(urls(post)).toEqual(['https://b.example.org/y']);
    expect(repairs(post)).toEqual([
      `Markdown quotes or lists nested deeper than ${MARKDOWN_MAX_NESTING} levels: the text past that depth was not read`,
    ]);
  });
  it('emphasis nested 20,000 deep (markdown-it pairs it after its parse, past any limit) is read', () => {
    expect(
      urls(`The survey found 62% ${'*a '.repeat(20000)}[x](https://a.example.org/x)${' b*'.repeat(20000)}\n`),
    ).toEqual(['https://a.example.org/x']);
  });
  it('a quote 20,000 levels deep is no crash', () => {
    expect(urls(`${'>'.repeat(20000)} x [a](https://a.example.org/x)\n\n[b](https://b.example.org/y)\n`)).toEqual([
      'https://b.example.org/y',
    ]);
  });
});
