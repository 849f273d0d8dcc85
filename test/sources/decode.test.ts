import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { decodeDocument } from '../../src/sources/decode.js';
import { parseDocument } from '../../src/sources/index.js';

/** Bytes from ASCII text with `{xx}` hex escapes. */
function bytes(text: string): Buffer {
  const parts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') {
      parts.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 3;
    } else parts.push(text.charCodeAt(i));
  }
  return Buffer.from(parts);
}

/** Bytes from UTF-8 strings and raw byte lists, in order (for JSON, whose braces `bytes` reads as escapes). */
function mix(...parts: Array<string | number[]>): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
}

describe('decoding by declared charset', () => {
  it('reads windows-1252 HTML declared with <meta charset>', () => {
    // "café — “quoted”" in windows-1252: é=E9, —=97, “=93, ”=94.
    const html = bytes(
      '<html><head><meta charset="windows-1252"><title>x</title></head><body><p>caf{e9} {97} {93}quoted{94}</p></body></html>',
    );
    const [post] = parseDocument(html, { source: 'legacy.html' });
    expect(extractPost(post).blocks[0].text).toBe('café — “quoted”');
  });

  it('reads shift_jis HTML declared with http-equiv', () => {
    // 日本語 in Shift_JIS: 93FA 967B 8CEA.
    const html = bytes(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><p>{93}{fa}{96}{7b}{8c}{ea}</p></body></html>',
    );
    const [post] = parseDocument(html, { source: 'jp.htm' });
    expect(extractPost(post).blocks[0].text).toBe('日本語');
  });

  it('lets the transport charset win over the document declaration', () => {
    const html = bytes('<meta charset="utf-8"><p>caf{e9}</p>');
    expect(decodeDocument(html, { contentType: 'text/html; charset=ISO-8859-1', isHtml: true }).text).toContain('café');
    // WHATWG reads the latin1 labels as windows-1252: 0x93/0x94 are curly quotes, not C1 controls.
    expect(decodeDocument(bytes('{93}ok{94}'), { contentType: 'text/html; charset=latin1' }).text).toBe('“ok”');
  });

  it('falls back to windows-1252 for undeclared HTML that is not UTF-8, and to UTF-8 otherwise', () => {
    expect(decodeDocument(bytes('<p>na{ef}ve</p>'), { isHtml: true }).text).toBe('<p>naïve</p>');
    expect(decodeDocument(Buffer.from('<p>naïve</p>'), { isHtml: true }).text).toBe('<p>naïve</p>');
  });

  it('never crashes on invalid bytes: each is read as windows-1252, with a warning saying where', () => {
    const [post] = parseDocument(bytes('# Title\n\nbroken {ff}{fe}{c3} bytes'), { source: 'bad.md' });
    expect(extractPost(post).blocks[1].text).toBe('broken ÿþÃ bytes');
    expect(post.warnings).toEqual([
      expect.objectContaining({ code: 'INPUT_REPAIRED', repair: expect.stringMatching(/^3 bytes/), line: 3 }),
    ]);
  });

  it('keeps valid UTF-8 beside stray windows-1252 bytes in JSON (a pasted legacy quote)', () => {
    // "café" in UTF-8, then “quoted words here” in windows-1252 (93 … 94).
    const [post] = parseDocument(
      mix('{"content":{"rendered":"<p>caf', [0xc3, 0xa9], '\n', [0x93], 'quoted words here', [0x94], '</p>"}}'),
      { source: 'mixed.json' },
    );
    expect(extractPost(post).blocks[0].text).toBe('café “quoted words here”');
    expect(post.warnings[0]).toEqual(
      expect.objectContaining({
        code: 'INPUT_REPAIRED',
        repair: expect.stringMatching(/^2 bytes/),
        where: 'line 2, column 1',
        line: 2,
      }),
    );
  });

  it('drops a UTF-8 character cut by the end of a truncated file, and says so', () => {
    const doc = decodeDocument(mix('{"content":{"rendered":"<p>caf', [0xc3]));
    expect(doc.text).toBe('{"content":{"rendered":"<p>caf');
    expect(doc.cutCharacter).toBe(true);
    expect(doc.invalidBytes).toBeUndefined();
    const [post] = parseDocument(mix('{"content":{"rendered":"<p>caf', [0xe2, 0x80]), { source: 'cut.json' });
    expect(extractPost(post).blocks[0].text).toBe('caf');
    expect(post.warnings.map((w) => w.repair)).toEqual([
      expect.stringMatching(/inside a character/),
      expect.stringMatching(/^truncated input/),
    ]);
  });

  it('reads UTF-16 saved without a BOM (little and big endian) instead of calling it binary', () => {
    const text = '{"content":{"rendered":"<p>café</p>"}}';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeDocument(le).text).toBe(text);
    expect(decodeDocument(be).text).toBe(text);
  });

  it('reads a stray NUL in a text file as damage, not binary data', () => {
    const [post] = parseDocument(mix('{"content":{"rendered":"<p>x', [0], 'y and more text here</p>"}}'), {
      source: 'nul.json',
    });
    expect(extractPost(post).blocks[0].text).toBe('xy and more text here');
    expect(post.warnings[0].repair).toMatch(/U\+0000/);
    expect(() =>
      parseDocument(bytes('{89}PNG{0d}{0a}{1a}{0a}{00}{00}{00}{0d}IHDR{00}{00}'), { source: 'x.png.json' }),
    ).toThrow(/binary/);
  });

  it('honours a UTF-16 BOM and an unknown charset label falls back to UTF-8', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>hé</p>', 'utf16le')]);
    expect(decodeDocument(utf16, { isHtml: true })).toEqual({ text: '<p>hé</p>', hadBom: true });
    expect(decodeDocument(Buffer.from('<meta charset="x-made-up"><p>é</p>'), { isHtml: true }).text).toContain('é');
  });
});
