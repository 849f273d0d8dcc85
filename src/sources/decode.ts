/**
 * Bytes → text. A BOM wins, then the transport's charset (Content-Type), then an HTML
 * document's own declaration (`<meta charset>` / http-equiv) — the order of the HTML
 * encoding-sniffing algorithm. Undeclared bytes are read as UTF-8, or as windows-1252 for
 * HTML that is not valid UTF-8 (the web's legacy default). Invalid bytes become U+FFFD.
 */

/** Why bytes are not a text document; the caller turns it into an InputError. */
export class NotTextError extends Error {}

const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The charset parameter of a Content-Type header, if any. */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
}

/** What decodes bytes of one charset. */
interface Decoder {
  decode(bytes: Uint8Array): string;
}

// windows-1252 bytes 0x80–0x9F (WHATWG Encoding, index-windows-1252). Node 20's TextDecoder
// decodes "windows-1252" (and latin1/iso-8859-1, which WHATWG maps to it) as ISO-8859-1,
// turning curly quotes and dashes into C1 control characters, so we decode it ourselves.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Decodes windows-1252 by table. */
const windows1252: Decoder = {
  decode(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      const chunk = bytes.subarray(i, i + 8192);
      const chars = new Array<string>(chunk.length);
      for (let j = 0; j < chunk.length; j++) {
        const b = chunk[j];
        chars[j] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
      }
      out += chars.join('');
    }
    return out;
  },
};

/** A decoder for `label`, or undefined when the label is unknown. */
function decoderFor(label: string, fatal = false): Decoder | undefined {
  try {
    const decoder = new TextDecoder(label, { fatal, ignoreBOM: true });
    return decoder.encoding === 'windows-1252' ? windows1252 : decoder;
  } catch {
    return undefined;
  }
}

/** True when the bytes look like binary data rather than text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control > n / 100 + 1;
}

/** Decoded text, and whether a byte order mark was removed from it. */
export interface DecodedDocument {
  /** The text without its BOM. */
  text: string;
  /** A BOM was present (JSON forbids one: RFC 8259 §8.1, so it counts as a repair there). */
  hadBom: boolean;
}

/**
 * Decodes a document. `isHtml` enables the `<meta>` declaration and the windows-1252 fallback.
 * Throws NotTextError for binary data.
 */
export function decodeDocument(data: Buffer | string, hints: { contentType?: string; isHtml?: boolean } = {}): DecodedDocument {
  if (typeof data === 'string') return stripBom(data);
  const bytes = data;
  let label: string | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  if (label === undefined && looksBinary(bytes)) throw new NotTextError('binary data, not a text document');

  const declared = label ?? charsetOfContentType(hints.contentType) ?? (hints.isHtml ? metaCharset(bytes) : undefined);
  if (declared) {
    const decoder = decoderFor(declared);
    if (decoder) return stripBom(decoder.decode(bytes));
  }
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return stripBom(hints.isHtml ? windows1252.decode(bytes) : new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  }
}

/** The charset an HTML document declares in its first 1024 bytes. */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return META_CHARSET.exec(head)?.[1];
}

/** Removes a leading U+FEFF, saying whether there was one. */
function stripBom(text: string): DecodedDocument {
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), hadBom: true } : { text, hadBom: false };
}
