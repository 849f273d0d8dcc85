import type { ReaderArticle } from './html-reader.js';
import { readerBounded } from './html-reader.js';
import { classWeight, countText, isModal, MAYBE_CANDIDATE, UNLIKELY } from './reader-patterns.js';
import { isElement, type DomNode } from './html-tree.js';
import { FOLDED_SPACE } from './space-code.js';

/**
 * Mozilla Readability's article on a page where its choice is forced, worked out from our own
 * figures instead of running it (its copy of the tree and its passes take a tenth of a second
 * on a page of 2,000 links, a fifth of `check --offline` of it). The forecast is the same
 * ReaderArticle Readability's run would give, down to which elements it keeps, so the body
 * chosen from it (html-body.ts) is the same; it is made only when every step of Readability's
 * on the page has one outcome:
 *
 * - the top candidate holds prose only: paragraphs, headings and inline elements with no class,
 *   id, style or other attribute its cleaning reads, nothing it removes (empty paragraphs,
 *   `javascript:` links, runs of `<br>`), at least Readability's 500 characters of main text;
 * - outside it, nothing Readability scores (no paragraph, cell, heading or text-only div of 25
 *   characters) and nothing it could join beside it (no paragraph or div with text among its
 *   siblings); page furniture it keeps (a `<nav>` without furniture classes) lies only where it
 *   weighs on no candidate's link density;
 * - the top candidate leads the others so far that the page's outer element, whose score
 *   Readability measures with the furniture's links, cannot change which one wins;
 * - its climb to an only child (what Readability removed first does not count) and the cleaning
 *   of the elements it climbed through are decided by elements it surely removes (furniture
 *   classes, hidden, scripts) or surely keeps (visible text, no class it could remove).
 *
 * Anything else returns undefined and Readability runs. Every loop is linear in the page.
 */

/** The figures of the page this reads (html-body.ts's Stats). */
export interface ForecastStats {
  els: DomNode[];
  parent: Int32Array;
  last: Int32Array;
  excluded: Uint8Array;
  text: Int32Array;
  linkText: Float64Array;
  words: Int32Array;
  main: Int32Array;
  score: Float64Array;
}

/** Readability's shortest article (DEFAULT_CHAR_THRESHOLD): below it, it tries again. */
const CHAR_THRESHOLD = 500;
/** Readability's shortest paragraph it scores. */
const MIN_PARAGRAPH = 25;
/** Elements Readability scores as paragraphs (TAGS_TO_SCORE), and a div it turns into one. */
const SCORED = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'div']);
/** What the top candidate may hold: prose, whose elements Readability keeps as they are. */
const PROSE = new Set(
  'p h1 h2 h3 h4 h5 h6 a abbr b bdi bdo br cite code data dfn em i kbd mark q s samp small span strong sub sup time u var wbr'.split(
    ' ',
  ),
);
/** Attributes on them that nothing of Readability's reads to remove, rename or hide an element. */
const PLAIN_ATTRIBUTES = new Set(['href', 'title', 'rel', 'target', 'hreflang', 'datetime', 'lang', 'dir', 'cite']);
/** Elements Readability's phrasing content holds (what it wraps into a paragraph in a div). */
const INLINE = new Set([...PROSE].filter((name) => name !== 'p' && !/^h\d$/.test(name)));
/** Containers the climb may pass through (none of them cleaned by tag but a div). */
const CHAIN = new Set(['div', 'article', 'main', 'section']);
/** Readability's UNLIKELY_ROLES, compared as it compares them (the attribute as written). */
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
/** Readability's byline pattern (class or id). */
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
/** Outer candidates whose figures Readability reads with the furniture in: never the winner. */
const OUTER = new Set(['body', 'html']);
/** Readability's share of the winner's score that makes another candidate a near-winner. */
const NEAR = 0.75;

/**
 * The ReaderArticle Readability would return for the page, from the strict attempt's figures
 * and `top`, the candidate its climbs chose; undefined when that is not certain (see the top).
 */
export function forecastReader(s: ForecastStats, top: number): ReaderArticle | undefined {
  if (top < 0 || OUTER.has(s.els[top].name ?? '') || s.parent[top] < 0) return undefined;
  // The candidate that scored highest, which holds the prose; `top` is where the climbs took it.
  const inner = leader(s);
  if (inner < 0 || !within(s, inner, top) || s.main[inner] < CHAR_THRESHOLD) return undefined;
  if (!readerBounded(s.parent) || !plainProse(s, inner)) return undefined;
  const measured = surelyMeasured(s, inner);
  if (measured === undefined || measured.length < CHAR_THRESHOLD) return undefined;
  for (let a = inner; a >= 0; a = s.parent[a]) if (!visibleCandidate(s.els[a])) return undefined;
  const side = sideText(s, inner);
  if (side === undefined || !sameFigures(s, inner) || !clearLead(s, inner)) return undefined;
  const chosen = climb(s, top, side);
  if (chosen < 0 || !survivesCleaning(s, inner, chosen, measured.commas)) return undefined;
  const kept = new Uint8Array(s.els.length);
  for (let k = inner; k <= s.last[inner]; k++) kept[k] = 1;
  for (let a = s.parent[inner]; a >= chosen; a = s.parent[a]) kept[a] = 1;
  return { els: s.els, parent: s.parent, kept, length: s.text[chosen] };
}

/** The candidate with the highest score but the page's outer ones, or -1. */
function leader(s: ForecastStats): number {
  let best = -1;
  for (let k = 0; k < s.els.length; k++) {
    if (Number.isNaN(s.score[k]) || s.excluded[k] || OUTER.has(s.els[k].name ?? '')) continue;
    if (best < 0 || s.score[k] > s.score[best]) best = k;
  }
  return best;
}

/** Readability's okMaybeItsACandidate (ours adds `mathjax`). */
const READER_MAYBE = /and|article|body|column|content|main|shadow/i;

/**
 * An element around the prose that Readability surely keeps: nothing hides it, and no role,
 * class or id it removes by (our scoring keeps an `<article>` or `<main>` of a furniture class).
 */
function visibleCandidate(el: DomNode): boolean {
  const a = el.attribs ?? {};
  if (a.hidden !== undefined || a['aria-hidden'] !== undefined || isModal(el)) return false;
  if (a.style !== undefined && /display|visibility/i.test(a.style)) return false;
  if (a.role !== undefined && UNLIKELY_ROLES.has(a.role.trim().toLowerCase())) return false;
  const match = `${a.class ?? ''} ${a.id ?? ''}`;
  return !UNLIKELY.test(match) || READER_MAYBE.test(match);
}

/** True when `k` is `outer` or inside it (a subtree is a range of indices). */
function within(s: ForecastStats, k: number, outer: number): boolean {
  return k >= outer && k <= s.last[outer];
}

/**
 * The top candidate holds prose only, each element of which Readability keeps: no attribute
 * its passes read, every paragraph with text, no `javascript:` link (it unwraps those) and no
 * in-page jump (a footnote mark, which the body's choice follows); no run of `<br>` (it makes
 * those paragraphs); not a single paragraph (it unwraps a div around one); in a div, no loose
 * phrasing (it wraps that into paragraphs of its own).
 */
function plainProse(s: ForecastStats, top: number): boolean {
  const el = s.els[top];
  let elements = 0;
  let paragraphs = 0;
  if (brRun(el)) return false;
  for (const c of el.children ?? []) {
    if (c.type === 'comment') continue;
    if (c.type === 'text') {
      if (el.name === 'div' && /\S/.test(c.data ?? '')) return false;
      continue;
    }
    if (c.type !== 'tag') return false;
    elements++;
    if (el.name === 'div' && INLINE.has(c.name ?? '')) return false;
  }
  for (let k = top + 1; k <= s.last[top]; k++) {
    const node = s.els[k];
    const name = node.name ?? '';
    if (node.type !== 'tag' || !PROSE.has(name) || s.excluded[k]) return false;
    const a = node.attribs ?? {};
    for (const key in a) if (!PLAIN_ATTRIBUTES.has(key)) return false;
    if (a.rel !== undefined && /author/i.test(a.rel)) return false;
    if (name === 'a' && /^\s*(?:javascript:|#)/i.test(a.href ?? '')) return false;
    if (name === 'p') {
      paragraphs++;
      if (s.text[k] === 0) return false;
    }
    for (const c of node.children ?? [])
      if (c.type !== 'text' && c.type !== 'comment' && c.type !== 'tag') return false;
    if (brRun(node)) return false;
  }
  return paragraphs > 0 && !(elements === 1 && paragraphs === 1 && s.els[top + 1].name === 'p');
}

/**
 * True when `el` holds a `<br>` whose next sibling, blank text and comments aside, is another
 * (one pass over its children: a search for each `<br>`'s place among them was quadratic).
 */
function brRun(el: DomNode): boolean {
  let afterBr = false;
  for (const c of el.children ?? []) {
    if ((c.type === 'text' && !/\S/.test(c.data ?? '')) || c.type === 'comment') continue;
    const br = c.type === 'tag' && c.name === 'br';
    if (br && afterBr) return true;
    afterBr = br;
  }
  return false;
}

/** Elements Readability removes when they hold no content. */
const EMPTIED = new Set(['div', 'section', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** No text, and no element but `<br>` and `<hr>` (Readability's element without content). */
function withoutContent(el: DomNode): boolean {
  for (const c of el.children ?? []) {
    if (c.type === 'text' && /\S/.test(c.data ?? '')) return false;
    if (isElement(c) && c.name !== 'br' && c.name !== 'hr') return false;
    if (c.type === 'cdata') return false;
  }
  return true;
}

/** Elements Readability removes before it scores, whatever else is on the page. */
function surelyRemoved(s: ForecastStats, k: number): boolean {
  const el = s.els[k];
  const name = el.name ?? '';
  // Scripts and styles go first, and a modal dialog is not copied (html-reader.ts).
  if (el.type !== 'tag' || name === 'noscript' || isModal(el)) return true;
  const a = el.attribs ?? {};
  if (a.hidden !== undefined) return true;
  if (a.role !== undefined && UNLIKELY_ROLES.has(a.role)) return true;
  if (EMPTIED.has(name) && withoutContent(el)) return true;
  if (name === 'a' || name === 'body' || name === 'html') return false;
  const match = `${a.class ?? ''} ${a.id ?? ''}`;
  if (!UNLIKELY.test(match) || MAYBE_CANDIDATE.test(match)) return false;
  for (let p = s.parent[k]; p >= 0; p = s.parent[p])
    if (s.els[p].name === 'table' || s.els[p].name === 'code') return false;
  return true;
}

/**
 * Text outside the top candidate, per element (characters plus words: at least the length
 * Readability measures with spaces folded), left out where Readability removes the element
 * first. Undefined when any of it is something Readability scores or could join to the article
 * (see the top): a paragraph, cell, heading or text-only div of its shortest paragraph, loose
 * text in an element around the candidate, a run of `<br>` (it makes a paragraph of those).
 */
function sideText(s: ForecastStats, top: number): Int32Array | undefined {
  const n = s.els.length;
  const length = new Int32Array(n);
  const removed = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    if (k === top) {
      k = s.last[top];
      continue;
    }
    const p = s.parent[k];
    if ((p >= 0 && removed[p]) || s.els[k].name === 'head' || surelyRemoved(s, k)) {
      removed[k] = 1;
      continue;
    }
    const around = within(s, top, k);
    if (brRun(s.els[k])) return undefined;
    for (const c of s.els[k].children ?? []) {
      if (c.type !== 'text') continue;
      const { chars, words } = countText(c.data ?? '');
      if (chars > 0 && around) return undefined;
      length[k] += chars + words;
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    if (removed[k] || within(s, top, k)) continue;
    if (SCORED.has(s.els[k].name ?? '') && length[k] >= MIN_PARAGRAPH) return undefined;
    const p = s.parent[k];
    if (p >= 0 && !removed[p]) length[p] += length[k];
  }
  return length;
}

/**
 * The candidates around the top one have the figures Readability measures: beside the top
 * candidate, the highest of them holds only what both leave out (an `<aside class=sidebar>`),
 * so its text, links and paragraphs, and those of every candidate inside it, are the same.
 * Furniture that only we leave out (a `<nav>`) lies outside it, under the page's outer
 * elements, which never win (clearLead).
 */
function sameFigures(s: ForecastStats, top: number): boolean {
  let highest = top;
  for (let a = s.parent[top]; a >= 0 && !OUTER.has(s.els[a].name ?? ''); a = s.parent[a]) {
    if (!Number.isNaN(s.score[a])) highest = a;
  }
  // No candidate around it but the page's outer ones (an article right in <body>).
  if (highest === top) return true;
  for (let k = highest + 1; k <= s.last[highest]; k++) {
    if (k === top) {
      k = s.last[top];
      continue;
    }
    if (within(s, top, k)) continue;
    if (!s.excluded[k] || !surelyRemoved(s, k)) return false;
    k = s.last[k];
  }
  return true;
}

/**
 * The winner leads every candidate but the outer ones by more than Readability's near-winner
 * share, at most one other comes near (three make it climb), and the outer ones' scores before
 * link density (all Readability's could be) stay below it: the furniture's links, which only
 * the outer ones' figures count differently, cannot change the winner nor the climb.
 */
function clearLead(s: ForecastStats, best: number): boolean {
  let near = 0;
  for (let k = 0; k < s.els.length; k++) {
    if (Number.isNaN(s.score[k]) || s.excluded[k] || k === best) continue;
    if (OUTER.has(s.els[k].name ?? '')) {
      // Its score before link density (ours undone): Readability's is at most that.
      const density = s.text[k] > 0 ? s.linkText[k] / s.text[k] : 0;
      if (density >= 1 || !(s.score[k] / (1 - density) < NEAR * s.score[best])) return false;
      continue;
    }
    if (s.score[k] >= NEAR * s.score[best]) near++;
  }
  return near <= 1;
}

/**
 * Readability's climb from the top candidate to its parent while the parent holds it alone,
 * after what it removed first; the element it ends at, or -1 when an element beside one it
 * climbs through might go either way.
 */
function climb(s: ForecastStats, top: number, side: Int32Array): number {
  let at = top;
  for (;;) {
    const p = s.parent[at];
    if (p < 0) return -1;
    if (s.els[p].name === 'body') return siblingsStayApart(s, at, side) ? at : -1;
    if (!CHAIN.has(s.els[p].name ?? '')) return -1;
    let kept = 0;
    let headings = 0;
    // Its element children, in order (loose text around the candidate is refused by sideText).
    for (let k = p + 1; k <= s.last[p]; k = s.last[k] + 1) {
      if (k === at || surelyRemoved(s, k)) continue;
      if (!surelyKept(s, k, side)) return -1;
      // Readability may remove one h1 or h2 as the page's title (surelyMeasured).
      if (TITLE_HEADINGS.has(s.els[k].name ?? '')) headings++;
      else kept++;
    }
    if (kept === 0 && headings === 1) return -1;
    if (kept + headings > 0) return siblingsStayApart(s, at, side) ? at : -1;
    at = p;
  }
}

/** An element Readability keeps until it scores: visible text, nothing that could remove it. */
function surelyKept(s: ForecastStats, k: number, side: Int32Array): boolean {
  const a = s.els[k].attribs ?? {};
  if (side[k] === 0 || a.style !== undefined || a['aria-hidden'] !== undefined || a.role !== undefined) return false;
  if (/author/i.test(`${a.rel ?? ''} ${a.itemprop ?? ''}`)) return false;
  const match = `${a.class ?? ''} ${a.id ?? ''}`;
  return !UNLIKELY.test(match) && !BYLINE.test(match);
}

/** Readability joins a sibling paragraph (or text-only div) with text: none beside the article. */
function siblingsStayApart(s: ForecastStats, at: number, side: Int32Array): boolean {
  const p = s.parent[at];
  for (let k = p + 1; k <= s.last[p]; k = s.last[k] + 1) {
    if (k === at) continue;
    const name = s.els[k].name;
    if ((name === 'p' || name === 'div' || INLINE.has(name ?? '')) && side[k] > 0) return false;
  }
  return true;
}

/**
 * Readability renames its article's top element to a div (unless an article or section) and
 * cleans every div of the article by its class and commas: each must keep a class weight of 0
 * or more and ten commas (counted in the candidate's own text, all of which stays).
 */
function survivesCleaning(s: ForecastStats, top: number, chosen: number, commas: number): boolean {
  for (let a = top; a >= chosen; a = s.parent[a]) {
    const name = s.els[a].name ?? '';
    if (!CHAIN.has(name)) return false;
    const div = name === 'div' || (a === chosen && name !== 'article' && name !== 'section');
    if (!div) continue;
    if (classWeight(s.els[a]) < 0) return false;
    if (commas < 10) return false;
  }
  return true;
}

/** Headings Readability may remove as the page's title (the first of them like its title). */
const TITLE_HEADINGS = new Set(['h1', 'h2']);

/**
 * At least the length Readability measures of the top candidate's text (its characters but
 * white space) and at most its ASCII commas (Readability counts no other), leaving out every
 * h1 and h2, any of which Readability may remove as a repeat of the page's title (which one
 * depends on a title this does not work out). Undefined for an h2 long enough for Readability
 * to score (its removal would lower the candidates' scores unevenly), and for text holding
 * white space beyond ASCII's and the no-break space (U+3000, U+2003, U+FEFF…): Readability
 * trims and folds it, so the lengths, empty paragraphs and scores it measures differ from ours.
 */
function surelyMeasured(s: ForecastStats, top: number): { length: number; commas: number } | undefined {
  let length = 0;
  let commas = 0;
  for (let k = top; k <= s.last[top]; k++) {
    const name = s.els[k].name ?? '';
    if (TITLE_HEADINGS.has(name)) {
      // At least the length Readability measures of it (the words less one: the spaces folded).
      if (name === 'h2' && s.text[k] + s.words[k] - 1 >= MIN_PARAGRAPH) return undefined;
      k = s.last[k];
      continue;
    }
    for (const c of s.els[k].children ?? []) {
      if (c.type !== 'text') continue;
      const data = c.data ?? '';
      // Beyond ASCII's white space (but vertical tab) and the no-break space, countText counts
      // what Readability trims and folds.
      if (FOLDED_SPACE.test(data)) return undefined;
      // The rest of \s is countText's white space: its characters are the ones counted here.
      // (countText is warm, called for every text node; a loop of this function's own over the
      // page's text ran once, mostly unoptimised: ~1% of `check --offline` on a 2,000-link page.)
      length += countText(data).chars;
      for (let at = data.indexOf(','); at !== -1; at = data.indexOf(',', at + 1)) commas++;
    }
  }
  return { length, commas };
}
