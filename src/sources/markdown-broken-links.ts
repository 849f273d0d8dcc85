import type { MarkdownIt, StateInline } from 'markdown-it';

/**
 * Markdown links that CommonMark does not render as links, yet plainly meant one: the author
 * lost a source. Left alone, markdown-it prints them as text and linkify then cuts links out of
 * their pieces (`[x](http://exa mple.org/)` gave http://exa/ and nothing for the rest).
 *
 * This inline rule runs after `link` and `image`, so it only sees what they refused, and
 * renders such a link as `<a>` marked with MARKDOWN_BROKEN_ATTR for extraction to report:
 * - `space-in-url`: `[text](URL with whitespace)`: a citation with the raw href, invalid;
 * - `undefined-reference`: `[text][label]` or `[text][]` whose label has no definition: a
 *   damaged anchor. The shortcut `[text]` alone is left as text: it is as often a checkbox, a
 *   footnote or "[sic]" as a lost link.
 * A broken image (`![alt](URL with space)`) stays text, kept whole so linkify cannot split it.
 */

/** Attribute on a rendered `<a>` naming how its Markdown link is broken (a MarkdownBrokenLink). */
export const MARKDOWN_BROKEN_ATTR = 'data-md-broken';

/** How a Markdown link is broken. */
type MarkdownBrokenLink = 'space-in-url' | 'undefined-reference';

// What a destination must start with to count as a URL: "[sic] (twice)" and "[a](b c)" are prose.
const URL_START = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i;
const WHITESPACE = /\s/;

/** markdown-it 14 counts the links being tokenized (no nested links); @types/markdown-it omits it. */
type LinkState = StateInline & { linkLevel: number };

/** Index of the `)` closing the `(` at `open`, honouring nesting and backslash escapes; -1 if none. */
function closingParen(src: string, open: number, max: number): number {
  let depth = 0;
  for (let i = open; i < max; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** End of a broken `[text](...)` / `[text][label]` starting at `labelEnd` (the `]`), and its kind. */
function brokenTail(
  state: StateInline,
  labelStart: number,
  labelEnd: number,
): { end: number; kind: MarkdownBrokenLink; href?: string } | undefined {
  const { src, posMax: max } = state;
  const next = src[labelEnd + 1];
  if (next === '(') {
    const close = closingParen(src, labelEnd + 1, max);
    if (close === -1) return undefined;
    const inside = src.slice(labelEnd + 2, close).trim();
    if (!URL_START.test(inside) || !WHITESPACE.test(inside)) return undefined;
    return { end: close + 1, kind: 'space-in-url', href: state.md.utils.unescapeAll(inside) };
  }
  if (next !== '[') return undefined;
  const refEnd = state.md.helpers.parseLinkLabel(state, labelEnd + 1, false);
  if (refEnd === -1) return undefined;
  const text = src.slice(labelStart, labelEnd);
  const label = src.slice(labelEnd + 2, refEnd) || text;
  // "[^1]" is footnote syntax (claim[^1][^2]), not a reference label.
  if (label.trim() === '' || text.trim() === '' || label.startsWith('^') || text.startsWith('^')) return undefined;
  const refs = state.env?.references as Record<string, unknown> | undefined;
  if (refs?.[state.md.utils.normalizeReference(label)] !== undefined) return undefined;
  return { end: refEnd + 1, kind: 'undefined-reference' };
}

/** The inline rule (see the module comment). */
function brokenLink(inline: StateInline, silent: boolean): boolean {
  const state = inline as LinkState;
  // Silent mode only asks "is a link nested here?" while a real link measures its label:
  // answering no keeps `[see [a](https://b c) too](https://x.org/)` the valid link CommonMark says it is.
  if (silent || state.linkLevel > 0) return false;
  const start = state.pos;
  const max = state.posMax;
  if (state.src[start] !== '[') return false;
  const labelEnd = state.md.helpers.parseLinkLabel(state, start, true);
  if (labelEnd === -1) return false;
  const tail = brokenTail(state, start + 1, labelEnd);
  if (!tail) return false;
  if (state.pending.endsWith('!')) {
    if (tail.kind !== 'space-in-url') return false;
    // text_special is skipped by linkify and joined back into plain text afterwards.
    state.push('text_special', '', 0).content = state.src.slice(start, tail.end);
    state.pos = tail.end;
    return true;
  }
  const open = state.push('link_open', 'a', 1);
  open.attrs = tail.href !== undefined ? [['href', tail.href]] : [];
  open.attrs.push([MARKDOWN_BROKEN_ATTR, tail.kind]);
  state.pos = start + 1;
  state.posMax = labelEnd;
  state.linkLevel++;
  state.md.inline.tokenize(state);
  state.linkLevel--;
  state.push('link_close', 'a', -1);
  state.pos = tail.end;
  state.posMax = max;
  return true;
}

/** Adds the rule to a markdown-it instance. */
export function brokenLinks(md: MarkdownIt): void {
  md.inline.ruler.after('image', 'broken_link', brokenLink);
}
