import { describe, expect, it } from 'vitest';
import { scanHtmlLinks } from '../../src/fix/html-links.js';
import { encodeJsonString, readJsonString } from '../../src/fix/json-string.js';
import { scanMarkdownLinks, scanReferenceUses } from '../../src/fix/markdown-links.js';
import { unifiedDiff } from '../../src/fix/unified-diff.js';

describe('scanHtmlLinks', () => {
  it('finds <a> start tags with attribute positions and decoded hrefs, not in comments or scripts', () => {
    const html = `<p><a class="x" href="https://a.example.net/?q=1&amp;r=2">A</a> <!-- <a href="https://no/"> -->
<script>var s = '<a href="https://no2/">';</script><A HREF='https://b.example.net/' data-x=y>B</A><a href=https://c.example.net/x name=n/></p>`;
    const links = scanHtmlLinks(html);
    expect(links.map((l) => l.href)).toEqual([
      'https://a.example.net/?q=1&r=2',
      'https://b.example.net/',
      'https://c.example.net/x',
    ]);
    for (const link of links) {
      const href = link.attributes.find((a) => a.name === 'href');
      expect(html.slice(href!.valueStart, href!.valueEnd)).toMatch(/^https:\/\/[abc]\.example\.net\//);
      expect(html[link.insertAt] === '>' || html.slice(link.insertAt, link.insertAt + 2) === '/>').toBe(true);
    }
    expect(links[1].attributes.find((a) => a.name === 'href')?.quote).toBe("'");
    expect(links[2].attributes.find((a) => a.name === 'href')?.quote).toBe('');
  });
});

describe('scanMarkdownLinks', () => {
  const text = [
    '---',
    'url: https://front.example.net/',
    '---',
    'An [inline](https://a.example.net/x "Title") link, an ![image](<https://b.example.net/a b.png>),',
    'an <https://c.example.net/auto> autolink, a bare https://d.example.net/bare, and [ref][R].',
    '',
    'Code: `[no](https://no.example.net/)` and',
    '',
    '```',
    '[no](https://no2.example.net/)',
    '```',
    '',
    '<a href="https://e.example.net/html">html</a>',
    '',
    '[r]: https://f.example.net/def',
    '',
  ].join('\n');
  const links = scanMarkdownLinks(text);

  it('finds every kind of link, with its destination span, skipping front matter and code', () => {
    expect(links.map((l) => [l.kind, l.href])).toEqual([
      ['inline', 'https://a.example.net/x'],
      ['inline', 'https://b.example.net/a%20b.png'],
      ['autolink', 'https://c.example.net/auto'],
      ['bare', 'https://d.example.net/bare'],
      ['html', 'https://e.example.net/html'],
      ['definition', 'https://f.example.net/def'],
    ]);
    expect(links.map((l) => text.slice(l.destStart, l.destEnd))).toEqual([
      'https://a.example.net/x',
      '<https://b.example.net/a b.png>',
      'https://c.example.net/auto',
      'https://d.example.net/bare',
      'https://e.example.net/html',
      'https://f.example.net/def',
    ]);
    expect(text.slice(links[0].destStart, links[0].end)).toBe('https://a.example.net/x "Title")');
    expect(links[5].label).toBe('r');
  });

  it('reads an angle-bracket destination as the inline link only, not also as an autolink', () => {
    // Both used to be found: --dead-link annotate then wrote "([archived](…))" inside the link's parentheses too.
    const angle = 'See [x](<https://g.example.net/p>) and <https://h.example.net/q>.\n';
    expect(scanMarkdownLinks(angle).map((l) => [l.kind, angle.slice(l.destStart, l.destEnd)])).toEqual([
      ['inline', '<https://g.example.net/p>'],
      ['autolink', 'https://h.example.net/q'],
    ]);
  });

  it('skips indented code blocks as markdown-it reads them, not list continuations or lazy lines', () => {
    const text = [
      'Intro [a](https://a.example.net/x) here.',
      '',
      '    [code](https://b.example.net/code)',
      '',
      '1. Item',
      '',
      '    continuation [l](https://l.example.net/list) here.',
      '',
      'Para',
      '    [p](https://p.example.net/lazy)',
      '',
    ].join('\n');
    expect(scanMarkdownLinks(text).map((l) => l.href)).toEqual([
      'https://a.example.net/x',
      'https://l.example.net/list',
      'https://p.example.net/lazy',
    ]);
  });

  it('finds the uses of a reference definition', () => {
    const uses = scanReferenceUses(text, new Set(['r']));
    expect(uses.map((u) => text.slice(u.end - 8, u.end))).toEqual(['[ref][R]']);
  });
});

describe('JSON string literals', () => {
  it("maps decoded offsets back to the raw text and writes edits in the file's style", () => {
    const raw = '{"rendered":"<a href=\\"https:\\/\\/a.example.net\\/\\">caf\\u00e9<\\/a>\\n"}';
    const literal = readJsonString(raw, raw.indexOf('"<'));
    expect(literal.value).toBe('<a href="https://a.example.net/">café</a>\n');
    expect(literal.style).toEqual({ slashes: true, unicode: true });
    const at = literal.value.indexOf('https');
    expect(raw.slice(literal.rawAt[at], literal.rawAt[at + 'https://a.example.net/'.length])).toBe(
      'https:\\/\\/a.example.net\\/',
    );
    expect(encodeJsonString(' data-x="é/"', literal.style)).toBe(' data-x=\\"\\u00e9\\/\\"');
    expect(encodeJsonString('é/"', { slashes: false, unicode: false })).toBe('é/\\"');
  });
});

describe('unifiedDiff', () => {
  it('writes diff -u hunks with three lines of context, and nothing when equal', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].join('\n') + '\n';
    const after = before.replace('2\n', 'two\n').replace('11\n', 'eleven\n');
    expect(unifiedDiff(before, after, 'f.md')).toBe(
      [
        '--- a/f.md',
        '+++ b/f.md',
        '@@ -1,5 +1,5 @@',
        ' 1',
        '-2',
        '+two',
        ' 3',
        ' 4',
        ' 5',
        '@@ -8,5 +8,5 @@',
        ' 8',
        ' 9',
        ' 10',
        '-11',
        '+eleven',
        ' 12',
        '',
      ].join('\n'),
    );
    expect(unifiedDiff(before, before, 'f.md')).toBe('');
  });

  it('marks a last line without a newline', () => {
    expect(unifiedDiff('a\nb', 'a\nc', 'f')).toBe(
      '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    );
  });
});
