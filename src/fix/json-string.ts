/**
 * A JSON string literal read with a map back to the raw text, so edits made on the decoded
 * value (a WordPress post's `content.rendered`) can be written into the file at the right
 * bytes, escaped the way the file escapes, leaving every other byte as it was.
 */

/** A decoded string literal. */
export interface JsonStringLiteral {
  /** The decoded value. */
  value: string;
  /** `rawAt[i]`: offset in the text of decoded character i; `rawAt[value.length]`: the end. */
  rawAt: number[];
  /** How the literal escapes, so new text is written the same way. */
  style: JsonEscapeStyle;
}

/** How a literal escapes what JSON lets a writer choose to escape. */
export interface JsonEscapeStyle {
  /** `/` written `\/` (PHP's json_encode, so WordPress's REST API). */
  slashes: boolean;
  /** Non-ASCII written `\uXXXX`. */
  unicode: boolean;
}

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Reads the string literal whose opening quote is at `quoteAt`. Tolerant like the input
 * reader: raw control characters are kept, an unknown escape stands for its character, an
 * unterminated literal ends at the end of the text.
 */
export function readJsonString(text: string, quoteAt: number): JsonStringLiteral {
  const rawAt: number[] = [];
  let value = '';
  let slashes = false;
  let unicode = false;
  let i = quoteAt + 1;
  while (i < text.length && text[i] !== '"') {
    if (text[i] !== '\\') {
      rawAt.push(i);
      value += text[i];
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      const code = parseInt(text.slice(i + 2, i + 6), 16);
      if (code >= 0x80) unicode = true;
      rawAt.push(i);
      value += String.fromCharCode(code);
      i += 6;
      continue;
    }
    if (next === '/') slashes = true;
    rawAt.push(i);
    value += next === undefined ? '' : (SIMPLE[next] ?? next);
    i += next === undefined ? 1 : 2;
  }
  rawAt.push(i);
  return { value, rawAt, style: { slashes, unicode } };
}

/** Text escaped for the inside of a JSON string literal, in the given style. */
export function encodeJsonString(text: string, style: JsonEscapeStyle): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '/' && style.slashes) out += '\\/';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code >= 0x80 && style.unicode)
      for (const unit of ch.split('')) out += `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}
