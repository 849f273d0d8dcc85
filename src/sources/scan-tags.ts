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
const SQUOTE = 39;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 45 || c === 58; // digits, "-", ":"
}

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
  const n = html.length;
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
    let k = j + 1;
    while (k < n && isNameChar(html.charCodeAt(k))) k++;
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
 * input ends first. A quote opens a value only right after `=`, as in the HTML tokenizer.
 */
function tagEnd(html: string, from: number): number {
  const n = html.length;
  let quote = 0;
  let afterEquals = false;
  for (let m = from; m < n; m++) {
    const c = html.charCodeAt(m);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      continue;
    }
    if (c === GT) return m + 1;
    if (afterEquals && (c === DQUOTE || c === SQUOTE)) {
      quote = c;
      afterEquals = false;
    } else if (c === EQUALS) afterEquals = true;
    else if (!isSpace(c)) afterEquals = false;
  }
  return -1;
}
