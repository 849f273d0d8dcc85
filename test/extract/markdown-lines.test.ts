import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { markTagLines } from '../../src/extract/markdown-lines.js';
import { renderMarkdown } from '../../src/extract/markdown-render.js';
import { markdownSections } from '../../src/extract/markdown-sections.js';
import { buildReport } from '../../src/report/build.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost } from '../../src/types.js';

function md(text: string, source = 'post.md'): ExtractedPost {
  const [post] = parseDocument(text, { source });
  return extractPost(post);
}

/** [url, line] of every citation of a post. */
function citationLines(post: ExtractedPost): Array<[string, number | undefined]> {
  return post.blocks.flatMap((b) => b.citations.map((c): [string, number | undefined] => [c.url, c.line]));
}

describe('the line of a Markdown link is its own line', () => {
  it('counts the line breaks of a paragraph before each link, after front matter', () => {
    const text = [
      '---',
      'title: Lines',
      '---',
      'The council met on Tuesday and',
      'voted [to close](https://news.example.net/close) the bridge;',
      'the mayor',
      'later [said so](https://news.example.net/said).',
      '',
      '- an item',
      '  continued with [a source](https://list.example.net/)',
    ].join('\n');
    const post = md(text);
    expect(post.blocks[0].line).toBe(4);
    expect(citationLines(post)).toEqual([
      ['https://news.example.net/close', 5],
      ['https://news.example.net/said', 7],
      ['https://list.example.net/', 10],
    ]);
  });

  it('gives links and blocks inside one raw HTML block their own lines', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} of the block.</p>`);
    const text = [
      'Intro.',
      '',
      '<div class="story">',
      ...filler,
      '<p>End <a href="https://deep.example.net/">here</a>.</p>',
      '</div>',
    ].join('\n');
    const post = md(text);
    const last = post.blocks.at(-1);
    expect(last?.text).toBe('End here.');
    expect(last?.line).toBe(44);
    expect(citationLines(post)).toEqual([['https://deep.example.net/', 44]]);
  });

  it('gives an inline HTML link and a damaged anchor their own lines', () => {
    const text = ['One line,', 'two <a href="https://inline.example.net/">inline</a>,', 'three [lost][nowhere].'].join(
      '\n',
    );
    const [block] = md(text).blocks;
    expect(block.citations.map((c) => c.line)).toEqual([2]);
    expect(block.damagedAnchors.map((d) => [d.anchorText, d.line])).toEqual([['lost', 3]]);
  });

  it('puts a finding about a link on the link line, in the report as in the block', () => {
    const text = [
      'A claim that',
      'spans lines [with a bad URL](https://exa mple.net/) and',
      'a [lost one][gone].',
    ].join('\n');
    const report = buildReport({ posts: [md(text)], results: new Map(), startedAt: new Date(0), durationMs: 0 });
    const lines = report.findings.map((f) => [f.code, f.line]);
    expect(lines).toContainEqual(['LINK_INVALID', 2]);
    expect(lines).toContainEqual(['ANCHOR_DAMAGED', 3]);
    expect(report.posts[0].blocks[0].citations[0].line).toBe(2);
  });

  it('gives a link of an HTML page its own line', () => {
    const page = [
      '<html><body><article>',
      '<p>First paragraph with',
      'a line break and <a href="https://html.example.net/">a link</a>.</p>',
      '</article></body></html>',
    ].join('\n');
    const post = md(page, 'page.html');
    expect(post.blocks[0].line).toBe(2);
    expect(citationLines(post)).toEqual([['https://html.example.net/', 3]]);
  });
});

describe('markTagLines', () => {
  it('marks every start tag with its line, and nothing inside comments or quoted values', () => {
    const html = '<div>\n<!-- <a href="x"> -->\n<a title="1<2" href="y">\ny</a></div>';
    expect(markTagLines(html, 10)).toBe(
      '<div data-md-line="10">\n<!-- <a href="x"> -->\n<a data-md-line="12" title="1<2" href="y">\ny</a></div>',
    );
  });
});

describe('long Markdown bodies render in sections', () => {
  it('cuts only before a new top-level block, never inside a fence or a raw HTML comment', () => {
    const body = [
      '# A',
      '',
      'para one',
      '',
      '```',
      'code',
      '',
      'more code',
      '```',
      '',
      '<!--',
      '',
      'note',
      '-->',
      '',
      'para two',
      '',
      '  indented',
      '',
      'para three',
    ].join('\n');
    const cuts = markdownSections(body, 1, 0).map((s) => body.slice(s.start).split('\n')[0]);
    expect(cuts).toEqual(['# A', 'para one', '```', '<!--', 'para two', 'para three']);
  });

  it('cuts a bullet list before an item at column 0, never one an HTML block or a lazy line may hold', () => {
    const body = [
      'intro',
      '',
      '- one [a](https://a.example.org/1)',
      '  more of one',
      '- two',
      '* three',
      'lazy line of three',
      '- four',
      '',
      '<div>',
      '- five, raw HTML',
      '</div>',
      '',
      '1. first',
      '2. second',
      '',
      '```',
      '- not an item',
      '```',
    ].join('\n');
    const cuts = markdownSections(body, 1, 0).map((s) => body.slice(s.start).split('\n')[0]);
    expect(cuts).toEqual([
      'intro',
      '- one [a](https://a.example.org/1)',
      '- two',
      '* three',
      '<div>',
      '1. first',
      '```',
    ]);
    const whole = [...renderMarkdown(body)].join('');
    // Cut or not, the same blocks with the same lines and links (a cut list is only split in lists).
    const text = (html: string) => html.replace(/<\/?(?:ul|ol)[^>]*>\n?/g, '');
    expect(text([...renderMarkdown(body, { sections: { size: 1, whole: 0 } })].join(''))).toBe(text(whole));
  });

  it('renders sections like the whole body: same blocks, lines and references across sections', () => {
    const parts: string[] = [];
    for (let i = 0; i < 30; i++) {
      parts.push(
        `## Part ${i}`,
        '',
        `Officials [said][r${29 - i}] that ${i} bridges closed.`,
        '',
        `[r${i}]: https://ref.example.net/${i}`,
        '',
      );
    }
    const body = parts.join('\n');
    const whole = [...renderMarkdown(body)].join('');
    const sections = [...renderMarkdown(body, { sections: { size: 200, whole: 0 } })];
    expect(sections.length).toBeGreaterThan(5);
    expect(sections.join('')).toBe(whole);
  });

  it('finds definitions, good and bad, in the few sections that hold them (the others are not pre-parsed)', () => {
    const parts: string[] = [];
    for (let i = 0; i < 30; i++)
      parts.push(`## Part ${i}`, '', `Officials [said][r${i % 3}] and [wrote][b${i % 3}].`, '');
    // Definitions only at the end: a good one, and one CommonMark refuses (a space in the URL).
    for (let r = 0; r < 3; r++)
      parts.push(`[r${r}]: https://ref.example.net/${r}`, `[b${r}]: https://bad.example.net/a b${r}`, '');
    const body = parts.join('\n');
    const whole = [...renderMarkdown(body)].join('');
    expect(whole).toContain('href="https://ref.example.net/1"');
    expect(whole).toContain('data-md-broken');
    const sections = [...renderMarkdown(body, { sections: { size: 200, whole: 0 } })];
    expect(sections.length).toBeGreaterThan(5);
    expect(sections.join('')).toBe(whole);
  });
});
