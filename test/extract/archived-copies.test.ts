import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseDocument } from '../../src/sources/index.js';

const copies = (text: string, source: string) =>
  extractPost(parseDocument(text, { source })[0]).blocks.flatMap((b) =>
    b.citations.map((c) => [c.anchorText, c.archivedCopy]),
  );

describe("a post's own archived copy of a source", () => {
  it('Markdown: "[x](url) ([archived](copy))", as fix --dead-link annotate writes it', () => {
    const text = 'The [report](https://news.example.net/r) ([archived](https://web.archive.org/web/2024/x)) said so.\n';
    expect(copies(text, 'post.md')).toEqual([
      ['report', 'https://web.archive.org/web/2024/x'],
      ['archived', undefined],
    ]);
  });

  it('HTML: Robust Links data-versionurl on the link, resolved like the href', () => {
    const html =
      '<article><p>The <a href="https://news.example.net/r" data-versionurl="https://web.archive.org/web/2024/x">report</a>.</p></article>';
    expect(copies(html, 'post.html')).toEqual([['report', 'https://web.archive.org/web/2024/x']]);
  });

  it('an "archived" link that does not follow the source directly is no copy of it', () => {
    const text =
      'The [report](https://news.example.net/r) and, later, [archived](https://web.archive.org/web/2024/x) pages.\n\n[a](https://a.example.net/) ([an archive](https://web.archive.org/web/2024/y))\n';
    expect(copies(text, 'post.md')).toEqual([
      ['report', undefined],
      ['archived', undefined],
      ['a', undefined],
      ['an archive', undefined],
    ]);
  });
});
