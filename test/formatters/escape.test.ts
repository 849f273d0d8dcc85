import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  escapeMarkdownCell,
  escapeXmlAttr,
  escapeXmlText,
  stripTerminalControls,
  stripXmlIllegal,
} from '../../src/formatters/escape.js';

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;',
    );
  });
  it('never lets a < or quote through', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
      }),
    );
  });
});

describe('XML escaping', () => {
  it('strips characters illegal in XML 1.0, including lone surrogates', () => {
    expect(stripXmlIllegal('a\u0000b\u0008c\u000bd\uFFFEe\uD800f\tg\nh')).toBe('abcdef\tg\nh');
    expect(stripXmlIllegal('emoji 😀 ok')).toBe('emoji 😀 ok');
  });
  it('any string becomes a well-formed element and attribute', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const xml = `<r a="${escapeXmlAttr(s)}">${escapeXmlText(s)}</r>`;
        expect(XMLValidator.validate(xml)).toBe(true);
      }),
    );
  });
});

describe('stripTerminalControls', () => {
  it('removes ANSI/OSC sequences, C0/C1 controls and bidi overrides', () => {
    expect(stripTerminalControls('a\u001b[31mred\u001b[0m b')).toBe('ared b');
    expect(stripTerminalControls('x\u001b]8;;http://evil\u0007link\u001b]8;;\u0007y')).toBe('xlinky');
    expect(stripTerminalControls('\u009b31mz\u202Eevil\u202C\u2066q\u2069')).toBe('zevilq');
    expect(stripTerminalControls('line\nbreak\ttab\u0000\u007f\u0085')).toBe('line break tab');
  });
  it('leaves no control characters in any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(stripTerminalControls(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });
});

describe('escapeMarkdownCell', () => {
  it('keeps a cell one cell: pipes escaped, no line breaks, HTML and link syntax neutralised', () => {
    const cell = escapeMarkdownCell('a | b\nc <img src=x> [t](javascript:alert(1)) *em*');
    expect(cell).not.toMatch(/(^|[^\\])\|/);
    expect(cell).not.toContain('\n');
    expect(cell).not.toContain('<');
    expect(cell).toContain('\\[t\\]\\(javascript:alert\\(1\\)\\)');
    expect(cell).toContain('\\*em\\*');
  });
});
