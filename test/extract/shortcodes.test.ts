import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { stripShortcodes } from '../../src/extract/shortcodes.js';
import { parseDocument } from '../../src/sources/index.js';

describe('WordPress shortcodes', () => {
  it('drops the tags of pairs, self-closing and attributed shortcodes, keeping their content', () => {
    expect(
      stripShortcodes('[caption id="a1" width="300"]<img src="/a.jpg"> Photo by <a href="/x">Ann</a>[/caption]'),
    ).toBe('<img src="/a.jpg"> Photo by <a href="/x">Ann</a>');
    expect(stripShortcodes('<p>[embed]https://video.test/1[/embed]</p>')).toBe('<p>https://video.test/1</p>');
    expect(stripShortcodes('<p>a [gallery ids="1,2,3"] b [contact-form /] c</p>')).toBe('<p>a  b  c</p>');
  });

  it('leaves bracketed prose alone', () => {
    const prose = '<p>He said [sic] it was 3 [citation needed] and [1] and [a, b].</p>';
    expect(stripShortcodes(prose)).toBe(prose);
  });

  it('keeps shortcode attributes out of block text and claim signals', () => {
    const json = JSON.stringify({
      link: 'https://blog.test/p/',
      content: {
        rendered:
          '[caption id="attachment_7" align="alignnone" width="640"]<img src="/a.jpg"> The harbour at dawn[/caption]',
      },
    });
    const [post] = parseDocument(json, { source: 'p.json' });
    const [block] = extractPost(post).blocks;
    expect(block.text).toBe('The harbour at dawn');
    expect(block.signals).toEqual([]);
  });
});
