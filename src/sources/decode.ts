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

/** A TextDecoder for `label`, or undefined when the label is unknown. */
function decoderFor(label: string, fatal = false): InstanceType<typeof TextDecoder> | undefined {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: true });
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
    const fallback = hints.isHtml ? 'windows-1252' : 'utf-8';
    return stripBom(new TextDecoder(fallback, { ignoreBOM: true }).decode(bytes));
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
