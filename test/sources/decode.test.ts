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

describe('decoding by declared charset', () => {
  it('reads windows-1252 HTML declared with <meta charset>', () => {
    // "café — “quoted”" in windows-1252: é=E9, —=97, “=93, ”=94.
    const html = bytes('<html><head><meta charset="windows-1252"><title>x</title></head><body><p>caf{e9} {97} {93}quoted{94}</p></body></html>');
    const [post] = parseDocument(html, { source: 'legacy.html' });
    expect(extractPost(post).blocks[0].text).toBe('café — “quoted”');
  });

  it('reads shift_jis HTML declared with http-equiv', () => {
    // 日本語 in Shift_JIS: 93FA 967B 8CEA.
    const html = bytes('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><p>{93}{fa}{96}{7b}{8c}{ea}</p></body></html>');
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

  it('never crashes on invalid bytes: they become U+FFFD', () => {
    const [post] = parseDocument(bytes('# Title\n\nbroken {ff}{fe}{c3} bytes'), { source: 'bad.md' });
    expect(extractPost(post).blocks[1].text).toBe('broken \uFFFD\uFFFD\uFFFD bytes');
  });

  it('honours a UTF-16 BOM and an unknown charset label falls back to UTF-8', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>hé</p>', 'utf16le')]);
    expect(decodeDocument(utf16, { isHtml: true })).toEqual({ text: '<p>hé</p>', hadBom: true });
    expect(decodeDocument(Buffer.from('<meta charset="x-made-up"><p>é</p>'), { isHtml: true }).text).toContain('é');
  });
});
