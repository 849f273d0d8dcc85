/**
 * A linear scan of the tags of raw HTML, for looking at markup before a parser repairs it
 * (extract/prepare-html.ts, html-nesting.ts). It replaces a regular expression that backtracked: a tag with no `>`
 * ahead (`'<p>x<a' + 'a'×200,000`) cost quadratic time. Every character is read a bounded
 * number of times: when a tag never ends, the rest of the input belongs to it (as the HTML
 * tokenizer reads it) and the scan stops.
 */

/** A start or end tag found in the source. */
export interface ScannedTag {
  /** Offset of the `<`. */
  index: number;
  /** Offset just after the `>`. */
  end: number;
  /** Tag name, lower case. */
  name: string;
  /** An end tag (`</p>`). */
  closing: boolean;
  /** Written as self-closing (`<path/>`): only SVG and MathML elements end there. */
  selfClosing: boolean;
}

/** Elements whose content the parser reads as raw text, not tags (htmlparser2's special tags). */
export const RAW_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
/** The raw-text elements, and noscript, template and pre, which are never read for citations either. */
const NOT_READ: ReadonlySet<string> = new Set([...RAW_TEXT, 'noscript', 'template', 'pre']);

const GT = 62; // >
const SLASH = 47;
const EQUALS = 61;
const DQUOTE = 34;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

// The scan runs once or twice a page, in a run that is mostly start-up: its code is cold
// (interpreted), where a loop in JavaScript over every character of a tag costs ~10 times what
// it does optimised. Regular expressions are compiled to machine code at their first use
// (launch.ts: --no-regexp-tier-up), so the characters of names and attributes are read by them:
// the first scan of a 183 KB page took ~8 ms of CPU, ~2 ms after this change.

/** The rest of a tag name (letters, digits, "-", ":"), from lastIndex. */
const NAME_REST = /[A-Za-z0-9:-]*/y;
/** What ends a tag or opens a quoted value, from lastIndex. */
const TAG_STOP = /["'>]/g;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** Case-insensitive end-tag patterns of the opaque elements, built once. */
const END_OF = new Map([...NOT_READ].map((name) => [name, new RegExp(`</${name}\\s*>`, 'gi')]));

/**
 * Calls `visit` for each start and end tag of `html`, in order: comments are skipped, and so is
 * the content of the `opaque` elements, up to their end tag (which is not visited). The tag
 * object is reused from one call to the next.
 */
export function scanTags(html: string, visit: (tag: ScannedTag) => void, opaque: ReadonlySet<string> = NOT_READ): void {
  const tag: ScannedTag = { index: 0, end: 0, name: '', closing: false, selfClosing: false };
  let i = html.indexOf('<');
  while (i !== -1) {
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      if (close === -1) return;
      i = html.indexOf('<', close + 3);
      continue;
    }
    let j = i + 1;
    const closing = html.charCodeAt(j) === SLASH;
    if (closing) j++;
    if (!isLetter(html.charCodeAt(j))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    NAME_REST.lastIndex = j + 1;
    NAME_REST.test(html);
    const k = NAME_REST.lastIndex;
    const end = tagEnd(html, k);
    if (end === -1) return;
    const name = html.slice(j, k).toLowerCase();
    // One object, refilled for each tag: visitors read it at once and keep nothing.
    tag.index = i;
    tag.end = end;
    tag.name = name;
    tag.closing = closing;
    tag.selfClosing = html.charCodeAt(end - 2) === SLASH;
    visit(tag);
    if (!closing && opaque.has(name)) {
      const pattern = END_OF.get(name) as RegExp;
      pattern.lastIndex = end;
      const m = pattern.exec(html);
      if (!m) return;
      i = html.indexOf('<', m.index + m[0].length);
      continue;
    }
    i = html.indexOf('<', end);
  }
}

/**
 * Offset just after the `>` that ends a tag whose attributes start at `from`, or -1 when the
 * input ends first. A quote opens a value only right after `=` (spaces between), as in the HTML
 * tokenizer: from each quote, a look back over spaces for that `=` (anything else before it, a
 * quote that closed a value included, means the quote is text). Every character is read at
 * most twice: once forward, and a space once more backward from the quote that follows it.
 */
function tagEnd(html: string, from: number): number {
  TAG_STOP.lastIndex = from;
  for (;;) {
    // test(), not exec(): where the match ended is all this needs, and no match array is made.
    if (!TAG_STOP.test(html)) return -1;
    const at = TAG_STOP.lastIndex - 1;
    const c = html.charCodeAt(at);
    if (c === GT) return at + 1;
    let before = at - 1;
    while (before >= from && isSpace(html.charCodeAt(before))) before--;
    if (before >= from && html.charCodeAt(before) === EQUALS) {
      const close = html.indexOf(c === DQUOTE ? '"' : "'", at + 1);
      if (close === -1) return -1;
      TAG_STOP.lastIndex = close + 1;
    }
  }
}
