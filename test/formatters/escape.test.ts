import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  breakMentions,
  escapeHtml,
  escapeMarkdownCell,
  escapeMarkdownInline,
  escapeXmlAttr,
  escapeXmlText,
  guardJsonText,
  guardLines,
  guardMarkupText,
  isInertText,
  sanitizeText,
  stripXmlIllegal,
} from '../../src/formatters/escape.js';
import { HTML_SCRIPT, HTML_STYLE } from '../../src/formatters/html-assets.js';

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

describe('sanitizeText: control characters', () => {
  it('removes ANSI/OSC sequences, C0/C1 controls and bidi overrides', () => {
    expect(sanitizeText('a\u001b[31mred\u001b[0m b')).toBe('ared b');
    expect(sanitizeText('x\u001b]8;;http://evil\u0007link\u001b]8;;\u0007y')).toBe('xlinky');
    expect(sanitizeText('\u009b31mz\u202Eevil\u202C\u2066q\u2069')).toBe('zevilq');
    expect(sanitizeText('line\nbreak\ttab\u0000\u007f\u0085')).toBe('line break tab');
    // A log viewer breaks a line at U+2028/U+2029 (a file name holding one printed a fake line).
    expect(sanitizeText('dir\u2028::error::x\u2029\u2028y')).toBe('dir ::error::x y');
  });
  it('leaves no control characters in any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(sanitizeText(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
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

// What a runner would execute in a line: GitHub's `::cmd` after leading white space (its
// TrimStart also removes NEL), and `##[cmd` / `##vso[` / `##teamcity[` anywhere.
// Its culture-aware search skips default-ignorable characters (zero-width ones) between the marks.
const RUNNER_COMMAND = /^[\s\u0085\p{DI}]*:\p{DI}*:|#\p{DI}*#[\p{DI}a-z]*\[/iu;
const runnerLines = (text: string) => text.split(/\r\n|\r|\n/).filter((line) => RUNNER_COMMAND.test(line));

describe('sanitizeText: the one sanitiser for input text in a printed line', () => {
  it('breaks the runner commands that work anywhere in a line, visibly', () => {
    expect(sanitizeText('a ##[add-mask]secret b')).toBe('a #\\#[add-mask]secret b');
    expect(sanitizeText('##[stop-commands]tok ##[group]x ##vso[task.setvariable variable=a]1 ##teamcity[x]')).toBe(
      '#\\#[stop-commands]tok #\\#[group]x #\\#vso[task.setvariable variable=a]1 #\\#teamcity[x]',
    );
    // A control character between the hashes must not bring the command back once removed.
    expect(sanitizeText('#\u0007#[add-mask]x')).toBe('#\\#[add-mask]x');
    expect(sanitizeText('#### heading and ## [not a command]')).toBe('#### heading and ## [not a command]');
  });
  it('breaks them when zero-width characters stand between the marks (the runner skips those)', () => {
    expect(
      sanitizeText('a #\u200c#[add-mask]s #\u2063#[stop-commands]t #\u034f#vso[x] #\ufe0f\u200b#g\u00adroup[y]'),
    ).toBe('a #\u200c\\#[add-mask]s #\u2063\\#[stop-commands]t #\u034f\\#vso[x] #\ufe0f\u200b\\#g\u00adroup[y]');
    expect(guardLines('\u200b::error::x\n:\u200c:warning::y\n #\u200d#[group]z')).toBe(
      '\u200b\\::error::x\n\\:\u200c:warning::y\n #\u200d\\#[group]z',
    );
    // Found when they are the only runner marks in the text (no plain `##` or `::` to hint at them).
    expect(guardLines('a\n:\u2060:error x')).toBe('a\n\\:\u2060:error x');
    const json = JSON.stringify({ t: `x #\u200c${'\u2063'.repeat(300)}#[add-mask]y` });
    expect(runnerLines(guardJsonText(json))).toEqual([]);
    expect(JSON.parse(guardJsonText(json))).toEqual(JSON.parse(json));
    expect(isInertText('#\u200c#[add-mask]x')).toBe(false);
    expect(isInertText(':\u2060:error::x')).toBe(false);
    // Joiners inside words (emoji, Persian) are left as they are.
    expect(sanitizeText('\u{1f469}\u200d\u{1f4bb} می\u200cخواهم #1')).toBe('\u{1f469}\u200d\u{1f4bb} می\u200cخواهم #1');
  });
  it('removes OSC 52, BEL, ESC, bidi and flattens lines', () => {
    expect(sanitizeText('x\u001b]52;c;cHduZWQ=\u0007y\u0007 \u202Eevil\u2066 a\nb\r\nc')).toBe('xy evil a b c');
  });
  it('leaves no control character and no anywhere-command in any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const out = sanitizeText(`${a}##[${b}`);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(out).not.toMatch(/##[a-z]*\[/i);
      }),
    );
  });
});

describe('guardLines: runner commands in composed output', () => {
  it('breaks a :: at a line start (after white space, NEL or our colour codes) and ##[ anywhere', () => {
    expect(guardLines('::error::x\n  ::warning::y\r\u0085::add-mask::z\n\u001b[2m::group::w\nok a::b')).toBe(
      '\\::error::x\n  \\::warning::y\r\u0085\\::add-mask::z\n\u001b[2m\\::group::w\nok a::b',
    );
    expect(guardLines('a #' + '#[add-mask]s')).toBe('a #\\#[add-mask]s');
  });
  it('leaves no line a runner would execute', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('::', ':', '#', '##[', '[', ' ', '\t', '\n', '\r', '\u0085', 'a', '\u001b[2m')),
        (parts) => {
          expect(runnerLines(guardLines(parts.join('')))).toEqual([]);
        },
      ),
    );
  });
});

describe('isInertText: output printed byte-exact or not at all', () => {
  it('accepts plain text, tabs and CRLF line ends; refuses controls, escapes, bidi and runner commands', () => {
    expect(isInertText('--- a/post.md\n+++ b/post.md\n@@ -1 +1 @@\n-a\tb\r\n+c\r\n')).toBe(true);
    expect(isInertText('+a:: b ## [x] ::')).toBe(true);
    for (const bad of [
      '-secret #' + '#[add-mask]x',
      ' ::error::x',
      '+\u001b[31mred',
      '+a\rb',
      '+a\u0007',
      '+\u202eevil',
      '+a\u2028b',
      '+\u009b31m',
    ])
      expect(isInertText(bad), JSON.stringify(bad)).toBe(false);
  });

  it('whatever it accepts, the one sanitiser and the line guard would leave as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        if (!isInertText(text)) return;
        expect(guardLines(text)).toBe(text);
        for (const line of text.split(/\r?\n/)) expect(sanitizeText(line)).toBe(line.replace(/\t+/g, ' '));
      }),
    );
  });
});

describe('guards of machine-readable reports change no data', () => {
  it('JSON: runner commands and invisible controls become \\u escapes', () => {
    const value = { text: '##[add-mask]x \u009b31m \u202Eevil \u2028 ##vso[a] #\u200c#[stop-commands]t', n: 1 };
    const json = guardJsonText(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(/##[a-z]*\[|[\u007f-\u009f\u202a-\u202e\u2028]/i);
    expect(runnerLines(json)).toEqual([]);
    expect(JSON.parse(json)).toEqual(value);
  });
  it('JSON: any string round-trips', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const json = guardJsonText(JSON.stringify({ s }));
        expect(JSON.parse(json)).toEqual({ s });
        expect(runnerLines(json)).toEqual([]);
      }),
    );
  });
  it('XML: character references, still well-formed, same text', () => {
    const text = 'a\n::error::x\n##[add-mask]y \u0085 \u202E';
    const xml = guardMarkupText(`<r a="${escapeXmlAttr(text)}">${escapeXmlText(text)}</r>`, 'xml');
    expect(xml).toBe(
      '<r a="a&#10;::error::x&#10;#&#35;[add-mask]y &#x85; &#x202e;">a\n&#58;:error::x\n#&#35;[add-mask]y &#x85; &#x202e;</r>',
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(runnerLines(xml)).toEqual([]);
  });
  it('HTML: the same, C1 controls dropped; our inline script and style are untouched (their CSP hash holds)', () => {
    expect(guardMarkupText('<p>\n::x::y\n##[a] \u009b \u2066</p>', 'html')).toBe(
      '<p>\n&#58;:x::y\n#&#35;[a]  &#x2066;</p>',
    );
    expect(guardMarkupText(HTML_SCRIPT, 'html')).toBe(HTML_SCRIPT);
    expect(guardMarkupText(HTML_STYLE, 'html')).toBe(HTML_STYLE);
  });
});

describe('issue references in Markdown', () => {
  it('breaks #12, owner/repo#12 and GH-12 in post text, which would mark the issue as mentioned (review22)', () => {
    expect(escapeMarkdownInline('per nodejs/node#1, GH-2 and #3')).toBe(
      'per nodejs/node\\#&#8203;1, GH-&#8203;2 and \\#&#8203;3',
    );
    expect(escapeMarkdownInline('C# and #tag and ## x')).toBe('C\\# and \\#tag and \\#\\# x');
  });
});

describe('@mentions in Markdown', () => {
  it('a zero-width space after the @ stops the ping; e-mail addresses are left alone', () => {
    expect(breakMentions('cc @octocat and @github/security, (@a1)')).toBe(
      'cc @&#8203;octocat and @&#8203;github/security, (@&#8203;a1)',
    );
    expect(breakMentions('write to me@example.org or @ alone')).toBe('write to me@example.org or @ alone');
    expect(escapeMarkdownInline('thanks @octocat')).toBe('thanks @&#8203;octocat');
    // Post text's backtick is escaped, so no code span hides the @ from GitHub.
    expect(escapeMarkdownInline('see `@octocat')).toBe('see \\`@&#8203;octocat');
    expect(breakMentions('`@scope/pkg` in code')).toBe('`@scope/pkg` in code');
  });
  it('an @ in a web address is kept, so the address still copies', () => {
    expect(breakMentions('see https://mastodon.social/@jane/111 by @jane')).toBe(
      'see https://mastodon.social/@jane/111 by @&#8203;jane',
    );
    expect(breakMentions('http://@jane and https://x/@jane')).toBe('http://@&#8203;jane and https://x/@&#8203;jane');
  });
  it('no escaped text keeps a mention GitHub would link', () => {
    // GitHub's pattern: an @ at the start or after a non-word character, then a login.
    fc.assert(
      fc.property(fc.string(), (s) => {
        // An @ in a web address's path is left alone (GitHub links the address): see below.
        fc.pre(!s.includes('://'));
        expect(escapeMarkdownInline(`${s}@user`)).not.toMatch(/(?:^|[^\w`]|\\`)@[a-z0-9]/i);
      }),
    );
  });
});
