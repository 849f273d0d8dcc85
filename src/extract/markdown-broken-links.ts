import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';

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
 * - `bad-definition`: `[text][label]` whose definition line is not valid CommonMark
 *   (`[label]: https://exa mple.org/`): a citation with the definition's raw target, invalid.
 * A broken image (`![alt](URL with space)`) stays text, kept whole so linkify cannot split it.
 * The reason a link is invalid rides along in MARKDOWN_BROKEN_REASON_ATTR.
 *
 * A block rule, after `reference`, takes such a bad definition line for itself: left to the
 * paragraph rule, it turned every definition after it into paragraph text (a definition cannot
 * interrupt a paragraph), so one bad line lost all the references below it (issue 8).
 */

/** Attribute on a rendered `<a>` naming how its Markdown link is broken (a MarkdownBrokenLink). */
export const MARKDOWN_BROKEN_ATTR = 'data-md-broken';

/** Attribute on a rendered `<a>` saying why its link is invalid (`${MARKDOWN_BROKEN_ATTR}-reason`). */
const MARKDOWN_BROKEN_REASON_ATTR = `${MARKDOWN_BROKEN_ATTR}-reason`;

/** How a Markdown link is broken. */
type MarkdownBrokenLink = 'space-in-url' | 'undefined-reference' | 'bad-definition';

/** A reference definition line CommonMark refused, by normalised label (in the parse env). */
interface BadDefinition {
  /** The definition's target, as written. */
  href: string;
  /** Its 0-based line within the rendered text. */
  line: number;
}

/** What the rules keep in the parse environment. */
interface BrokenEnv {
  references?: Record<string, unknown>;
  badDefinitions?: Record<string, BadDefinition>;
  lineOffset?: number;
  /** 1-based line of the body's first line in its file, for line numbers in reasons. */
  bodyLine?: number;
}

// What a destination must start with to count as a URL: "[sic] (twice)" and "[a](b c)" are prose.
const URL_START = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i;
const WHITESPACE = /\s/;

/** markdown-it 14 counts the links being tokenized (no nested links); @types/markdown-it omits it. */
type LinkState = StateInline & { linkLevel: number; nextLabelClose?: number };

/**
 * For each `(` of `src`, the index of the `)` closing it (honouring nesting and backslash
 * escapes), or -1. Computed once per inline text with a stack: scanning forward from every
 * candidate `[text](` instead cost quadratic time on `[a](` repeated (issue 13).
 */
function matchingParens(src: string): Int32Array {
  const match = new Int32Array(src.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const ch = src.charCodeAt(i);
    if (ch === 0x5c /* \\ */) i++;
    else if (ch === 0x28 /* ( */) open.push(i);
    else if (ch === 0x29 /* ) */ && open.length > 0) match[open.pop() as number] = i;
  }
  return match;
}

/** Paren matches per inline state (one inline text; nested tokenizing shares its src). */
const parenCache = new WeakMap<StateInline, Int32Array>();

/** Index of the `)` closing the `(` at `open`, before `max`; -1 if none. */
function closingParen(state: StateInline, open: number, max: number): number {
  let match = parenCache.get(state);
  if (match === undefined) {
    match = matchingParens(state.src);
    parenCache.set(state, match);
  }
  const close = match[open];
  return close !== -1 && close < max ? close : -1;
}

/** End of a broken `[text](...)` / `[text][label]` starting at `labelEnd` (the `]`), and its kind. */
function brokenTail(
  state: StateInline,
  labelStart: number,
  labelEnd: number,
): { end: number; kind: MarkdownBrokenLink; href?: string; reason?: string } | undefined {
  const { src, posMax: max } = state;
  const next = src[labelEnd + 1];
  if (next === '(') {
    const close = closingParen(state, labelEnd + 1, max);
    if (close === -1) return undefined;
    const inside = src.slice(labelEnd + 2, close).trim();
    if (!URL_START.test(inside) || !WHITESPACE.test(inside)) return undefined;
    const href = state.md.utils.unescapeAll(inside);
    return {
      end: close + 1,
      kind: 'space-in-url',
      href,
      reason: 'whitespace in the URL: Markdown shows the link as plain text',
    };
  }
  if (next !== '[') return undefined;
  const refEnd = state.md.helpers.parseLinkLabel(state, labelEnd + 1, false);
  if (refEnd === -1) return undefined;
  const text = src.slice(labelStart, labelEnd);
  const label = src.slice(labelEnd + 2, refEnd) || text;
  // "[^1]" is footnote syntax (claim[^1][^2]), not a reference label.
  if (label.trim() === '' || text.trim() === '' || label.startsWith('^') || text.startsWith('^')) return undefined;
  const env = (state.env ?? {}) as BrokenEnv;
  const key = state.md.utils.normalizeReference(label);
  if (env.references?.[key] !== undefined) return undefined;
  const bad = env.badDefinitions?.[key];
  if (bad !== undefined) {
    const line = bad.line + (env.bodyLine ?? 1);
    const reason = `its reference definition on line ${line} is not valid Markdown: the link shows as plain text`;
    return { end: refEnd + 1, kind: 'bad-definition', href: bad.href, reason };
  }
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
  // A label needs a "]" after it: where the next one is, found once for a run of "[" (each
  // label parse reads on to it; '['×400,000 spent a quarter of its run here).
  let close = state.nextLabelClose;
  if (close === undefined || (close !== -1 && close <= start)) close = state.src.indexOf(']', start + 1);
  state.nextLabelClose = close;
  if (close === -1 || close >= max) return false;
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
  if (tail.reason !== undefined) open.attrs.push([MARKDOWN_BROKEN_REASON_ATTR, tail.reason]);
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

// A bad definition line: `[label]:` then a target that starts like a URL or a path. Prose that
// happens to open with "[Note]: the …" stays prose.
const DEFINITION_LINE = /^\[([^\]]{1,999})\]:[ \t]*(\S.*)$/;
const LOOKS_LIKE_TARGET = /^(?:<|\/|\.{1,2}\/|#|www\.|[a-z][a-z0-9+.-]*:\S|[^\s]*\.[a-z]{2,}(?:[/?#]|$)|[^\s]*\/)/i;

/** The block rule for bad definition lines (see the module comment). */
function badDefinition(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const pos = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(pos) !== 0x5b /* [ */) return false;
  const m = DEFINITION_LINE.exec(state.src.slice(pos, state.eMarks[startLine]));
  if (!m || m[1].startsWith('^') || m[1].trim() === '' || !LOOKS_LIKE_TARGET.test(m[2])) return false;
  if (silent) return true;
  const env = state.env as BrokenEnv;
  const key = state.md.utils.normalizeReference(m[1]);
  env.badDefinitions ??= {};
  // A valid definition of the label, before or after, wins (brokenTail looks there first).
  if (env.badDefinitions[key] === undefined && env.references?.[key] === undefined) {
    env.badDefinitions[key] = { href: m[2].trim(), line: (env.lineOffset ?? 0) + startLine };
  }
  state.line = startLine + 1;
  return true;
}

/** Adds the rules to a markdown-it instance. */
export function brokenLinks(md: MarkdownIt): void {
  md.inline.ruler.after('image', 'broken_link', brokenLink);
  md.block.ruler.after('reference', 'bad_definition', badDefinition);
}
