/**
 * The one place output escaping lives. Post text, anchor text and URLs come from strangers
 * and from the network, so every formatter passes them through one of these before output.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return stripXmlIllegal(text).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]);
}

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag a lone surrogate is its own code point and falls outside the class.
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes characters that may not appear in an XML 1.0 document at all (not even escaped). */
export function stripXmlIllegal(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

/** Escapes text for XML element content. */
export function escapeXmlText(text: string): string {
  return stripXmlIllegal(text).replace(/[&<>]/g, (ch) => HTML_ENTITIES[ch]);
}

/** Escapes text for a double-quoted XML attribute; keeps tabs/newlines as character references. */
export function escapeXmlAttr(text: string): string {
  return stripXmlIllegal(text).replace(/[&<>"'\t\n\r]/g, (ch) =>
    ch === '\t' ? '&#9;' : ch === '\n' ? '&#10;' : ch === '\r' ? '&#13;' : HTML_ENTITIES[ch],
  );
}

// ECMA-48 sequences: CSI (ESC [ … final byte), OSC (ESC ] … BEL or ST), and two-byte ESC x.
// C1 CSI (U+009B) and OSC (U+009D) forms too, since terminals honour them.
const ANSI_SEQUENCE =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
// C0 (minus nothing: newlines are flattened by callers), DEL, C1, and bidi controls that can
// reorder what a reader sees (Trojan Source, CVE-2021-42574), plus LRM/RLM/ALM.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes stranger-supplied text safe to print on a terminal: removes ANSI/OSC escape sequences,
 * C0/C1 control characters and bidi overrides; tabs and newlines become single spaces.
 */
export function stripTerminalControls(text: string): string {
  return text
    .replace(ANSI_SEQUENCE, '')
    .replace(/[\t\n\r]+/g, ' ')
    .replace(CONTROL, '');
}

/**
 * Escapes text for one GitHub-flavoured Markdown table cell: no line breaks, `|` escaped,
 * HTML neutralised (GitHub renders inline HTML), and Markdown syntax that could turn text
 * into links, images or emphasis backslash-escaped.
 */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdownInline(text).replace(/\|/g, '\\|');
}

/** Escapes text for inline Markdown (one line): HTML neutralised, syntax characters escaped. */
export function escapeMarkdownInline(text: string): string {
  return stripTerminalControls(text).replace(/[\\`*_{}[\]()#+!~&<>]/g, (ch) =>
    ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`,
  );
}

/**
 * JSON for an inline `<script type="application/json">` element: every `<` becomes \u003c, so
 * no text from a post can end the element (`</script>`) or open a comment state (`<!--`) in
 * it; JSON.parse reads the same value back.
 */
export function escapeScriptJson(json: string): string {
  return json.replace(/</g, '\\u003c');
}
