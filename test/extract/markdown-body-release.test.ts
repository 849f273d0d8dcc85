import { describe, expect, it } from 'vitest';
import { extractPost, extractStaged } from '../../src/extract/index.js';
import { renderMarkdown } from '../../src/extract/markdown-render.js';
import { parseDocument } from '../../src/sources/index.js';
import type { Post } from '../../src/types.js';

/** A Markdown body of `n` parts citing references defined in other parts, with a template (and footnotes). */
function body(n: number, footnotes = true): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(
      `## Part ${i}`,
      '',
      `Officials [said][r${n - 1 - i}] that ${i}% of bridges closed, “a change,” per [the docs]({{ site.baseurl }}/d/${i}).${footnotes ? `[^f${i}]` : ''}`,
      '',
      `- item with <https://list.example.org/${i}>`,
      '',
      `[r${i}]: https://ref.example.net/${i}`,
      footnotes ? `[^f${i}]: A note citing [a source](https://note.example.org/${i}).` : '',
      '',
    );
  }
  return parts.join('\n');
}

describe('a Markdown body let go of as it is rendered (issue 13)', () => {
  it('renders the same sections when taken from its holder, which is asked once', () => {
    const text = body(30);
    let taken = 0;
    const holder = {
      take: () => {
        taken += 1;
        return text;
      },
    };
    const sections = [...renderMarkdown(holder, { sections: { size: 200, whole: 0 } })];
    expect(taken).toBe(1);
    expect(sections.length).toBeGreaterThan(5);
    expect(sections).toEqual([...renderMarkdown(text, { sections: { size: 200, whole: 0 } })]);
  });

  it('a post handed over to extraction is the same post, its body emptied once taken (several sections)', () => {
    // Past the whole-body limit (1 MiB): rendered in sections, each a copy of its own.
    const text = body(5400, false);
    expect(text.length).toBeGreaterThan(1 << 20);
    const read = (): Post => parseDocument(text, { source: 'long.md' })[0];
    const kept = extractPost(read());
    const post = read();
    const staged = extractStaged(post, {}, true);
    expect(post.body).toBe('');
    while (!staged.claims.next().done);
    expect(staged.post).toEqual(kept);
  }, 120_000);
});
