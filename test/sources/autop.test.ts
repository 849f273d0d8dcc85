import { describe, expect, it } from 'vitest';
import { autoParagraphs } from '../../src/sources/autop.js';

describe('autoParagraphs (what WordPress renders of classic-editor content)', () => {
  it('makes paragraphs of text between blank lines, and <br /> of single newlines', () => {
    expect(autoParagraphs('One <a href="x">link</a>.\n\nTwo,\nstill two.\r\n\r\nThree.')).toBe(
      '<p>One <a href="x">link</a>.</p>\n<p>Two,<br />\nstill two.</p>\n<p>Three.</p>',
    );
  });

  it('wraps a one-line body, and leaves block-level elements out of paragraphs', () => {
    expect(autoParagraphs('Just one line.')).toBe('<p>Just one line.</p>');
    expect(autoParagraphs('Intro\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\nAfter')).toBe(
      '<p>Intro</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>After</p>',
    );
    expect(autoParagraphs('<h2>Title</h2>\nText')).toBe('<h2>Title</h2>\n<p>Text</p>');
  });

  it('keeps the newlines of <pre>, closed or not', () => {
    expect(autoParagraphs('A\n\n<pre>x\n\ny</pre>\n\nB')).toBe('<p>A</p>\n<pre>x\n\ny</pre>\n<p>B</p>');
    expect(autoParagraphs('A\n\n<pre>x\n\ny')).toBe('<p>A</p>\n<pre>x\n\ny');
    expect(autoParagraphs('<prefix>a</prefix>\n\nb')).toBe('<p><prefix>a</prefix></p>\n<p>b</p>');
  });

  it('leaves block-editor content and empty content as they are', () => {
    const blocks = '<!-- wp:paragraph -->\n<p>A</p>\n<!-- /wp:paragraph -->\n\nloose';
    expect(autoParagraphs(blocks)).toBe(blocks);
    expect(autoParagraphs('  \n ')).toBe('  \n ');
  });

  it('stays linear on many unclosed <pre> tags', () => {
    const text = '<pre>a\n\n'.repeat(20_000);
    expect(autoParagraphs(text).length).toBe(text.length);
  });
});
