/**
 * Bytes → text. A BOM wins, then the transport's charset (Content-Type), then an HTML
 * document's own declaration (`<meta charset>` / http-equiv) — the order of the HTML
 * encoding-sniffing algorithm. Undeclared bytes are read as UTF-8; bytes that are not valid
 * UTF-8 are read as windows-1252 (the web's legacy default) and reported, so the caller can warn.
 */

/** Why bytes are not a text document; the caller turns it into an InputError. */
export class NotTextError extends Error {}

const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The charset parameter of a Content-Type header, if any. */
function charsetOfContentType(contentType: string | undefined): string | undefined {
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

// Decoders made, by label: a check decodes every page it judges, and making a TextDecoder cost
// ~25 µs each time. A decode() without `stream` keeps no state, so one decoder serves them all.
// Labels come from servers: the map is capped, not grown without end.
const decoders = new Map<string, Decoder>();
const MAX_DECODERS = 64;
// The strict UTF-8 reading tried when no charset is declared or the declared one is unknown.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A decoder for `label`, or undefined when the label is unknown. */
function decoderFor(label: string): Decoder | undefined {
  const known = decoders.get(label);
  if (known) return known;
  let decoder: Decoder;
  try {
    const made = new TextDecoder(label, { ignoreBOM: true });
    decoder = made.encoding === 'windows-1252' ? windows1252 : made;
  } catch {
    return undefined;
  }
  if (decoders.size < MAX_DECODERS) decoders.set(label, decoder);
  return decoder;
}

/** True when the bytes look like binary data rather than text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    // A stray NUL in a text export is damage to repair, not proof of binary data: NULs count
    // like other control bytes (UTF-16 without a BOM and real binaries have them by the dozen).
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control > n / 100 + 1;
}

/**
 * "utf-16le"/"utf-16be" for UTF-16 text saved without a BOM (Windows tools do this): mostly
 * ASCII, so one byte of every pair is NUL. Such files would otherwise look like binary data.
 */
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  const pairs = Math.min(bytes.length >> 1, 512);
  if (pairs < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.9 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.9 && oddNul === 0) return 'utf-16be';
  return undefined;
}

/** Decoded text, and whether a byte order mark was removed from it. */
export interface DecodedDocument {
  /** The text without its BOM. */
  text: string;
  /** A BOM was present (JSON forbids one: RFC 8259 §8.1, so it counts as a repair there). */
  hadBom: boolean;
  /** Undeclared bytes that are not UTF-8, read as windows-1252: how many, and the first one's offset in `text`. */
  invalidBytes?: { count: number; offset: number };
  /** The text ended inside a UTF-8 character (a truncated file); the partial character was dropped. */
  cutCharacter?: boolean;
}

/**
 * Decodes a document. `isHtml` enables the `<meta>` declaration.
 * Throws NotTextError for binary data.
 */
export function decodeDocument(
  data: Buffer | string,
  hints: { contentType?: string; isHtml?: boolean } = {},
): DecodedDocument {
  if (typeof data === 'string') return stripBom(data);
  const bytes = data;
  let label: string | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  label ??= utf16WithoutBom(bytes);
  if (label === undefined && looksBinary(bytes)) throw new NotTextError('binary data, not a text document');

  const declared = label ?? charsetOfContentType(hints.contentType) ?? (hints.isHtml ? metaCharset(bytes) : undefined);
  if (declared) {
    const decoder = decoderFor(declared);
    if (decoder) return stripBom(decoder.decode(bytes));
  }
  try {
    return stripBom(strictUtf8.decode(bytes));
  } catch {
    const mixed = decodeUtf8OrWindows1252(bytes);
    const doc: DecodedDocument = stripBom(mixed.text);
    if (mixed.count > 0)
      doc.invalidBytes = { count: mixed.count, offset: Math.max(0, mixed.firstOffset - (doc.hadBom ? 1 : 0)) };
    if (mixed.cut) doc.cutCharacter = true;
    return doc;
  }
}

/** Length of a valid UTF-8 sequence at `i` (0 when invalid; -1 when cut short by the end). */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) n = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    n = 3;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    n = 4;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k < n; k++) {
    if (i + k >= bytes.length) return -1;
    const c = bytes[i + k];
    if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return 0;
  }
  return n;
}

/**
 * Decodes text that is not valid UTF-8: valid UTF-8 sequences stay UTF-8 and each invalid byte
 * is read as windows-1252. Damaged exports are often UTF-8 with a pasted legacy quote or wholly
 * windows-1252; both come out readable, where one legacy decoder would garble the UTF-8 parts.
 * A character cut short by the end of a truncated file is dropped.
 */
function decodeUtf8OrWindows1252(bytes: Uint8Array): {
  text: string;
  count: number;
  firstOffset: number;
  cut: boolean;
} {
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  let count = 0;
  let firstOffset = -1;
  let cut = false;
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    text += utf8.decode(bytes.subarray(start, i));
    if (n === -1) {
      start = bytes.length;
      cut = true;
      break;
    }
    if (firstOffset < 0) firstOffset = text.length;
    count++;
    text += windows1252.decode(bytes.subarray(i, i + 1));
    start = i = i + 1;
  }
  text += utf8.decode(bytes.subarray(start));
  return { text, count, firstOffset: Math.max(firstOffset, 0), cut };
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
