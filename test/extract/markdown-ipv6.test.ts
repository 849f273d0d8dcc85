import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { scanMarkdownLinks } from '../../src/fix/markdown-links.js';
import { parseDocument } from '../../src/sources/index.js';

const TEXT = [
  '# IPv6 sources',
  '',
  'The [resolver](http://[2606:4700::1111]/dns) and <http://[::1]:8080/a?x=1> and [user](https://u@[2001:db8::2]:443/p).',
  '',
  'A [bracket in the path](https://news.example.org/a[1]) stays encoded.',
  '',
].join('\n');

describe('Markdown links to IPv6 literal hosts', () => {
  it('keep the brackets of the host (markdown-it encoded them to %5B…%5D: an invalid URL)', () => {
    const [post] = parseDocument(TEXT, { source: 'post.md' });
    const urls = extractPost(post).blocks.flatMap((b) => b.citations.map((c) => c.url));
    expect(urls).toEqual([
      'http://[2606:4700::1111]/dns',
      'http://[::1]:8080/a?x=1',
      'https://u@[2001:db8::2]/p',
      'https://news.example.org/a%5B1%5D',
    ]);
  });

  it('fix reads the same href as extraction', () => {
    expect(scanMarkdownLinks(TEXT).map((l) => l.href)).toEqual([
      'http://[2606:4700::1111]/dns',
      'http://[::1]:8080/a?x=1',
      'https://u@[2001:db8::2]:443/p',
      'https://news.example.org/a%5B1%5D',
    ]);
  });
});
