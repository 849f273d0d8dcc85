import { isArticleAside, isContentContainer } from './content-container.js';
import { looksLikeFootnoteMark } from './footnote-mark.js';
import { readerJunk } from './html-clean.js';
import { classWeight, countText, isModal, linkWeight, MAYBE_CANDIDATE, UNLIKELY } from './reader-patterns.js';
import { readerArticle, type ReaderArticle } from './html-reader.js';
import { forecastReader } from './html-reader-forecast.js';
import { attr, classTokens, elementCount, isElement, textContent, type DomNode } from './html-tree.js';

/**
 * Which element of an HTML page is the article body, chosen the way reader modes choose it.
 *
 * Mozilla's Readability (the reference of reader modes) chooses first, run on a copy of our
 * parse tree (html-reader.ts): the body is the smallest element holding all it kept, and what it
 * dropped inside is left out. The choice points at an element of the source, whose markup is
 * then read as written (orphan `</a>` tags are the traces of lost links; a re-serialised DOM has
 * none). Pages too large or deep for it (some of its passes are quadratic), pages where it finds
 * no article, and pages it cannot read fall back to our own reimplementation of its scoring
 * below: paragraphs score their parent and ancestors by length and commas; candidates are
 * weighted by tag and class, and scaled by their link density; the winner climbs to a parent
 * that scores better, or that holds several near-winners. Every pass here is one linear loop,
 * never recursion (hostile pages nest 5,000 deep and hold 100,000 paragraphs).
 */

/** The body chosen on a page. */
export interface BodyChoice {
  /** The chosen element, or undefined for the whole document. */
  element: DomNode | undefined;
  /** A CSS-ish path of the element (`body > main#content > article.post > div.entry-content`). */
  selector: string;
  /** False when no element held enough text to be the article: the whole page is read. */
  confident: boolean;
  /**
   * Elements inside the chosen one a reader mode leaves out (furniture by class or role, hidden
   * elements, link-heavy boxes: see html-clean.ts), the outermost of each, in document order.
   */
  skip: DomNode[];
  /**
   * Read the element's content, not the element: a `<form>` wrapping the article (an ASP.NET
   * page's) is no text of a post to extraction, which skips forms, menus and page furniture.
   */
  contentOnly: boolean;
  /**
   * The page's `<h1>` and `<time datetime>` elements, in document order (found by the walk that
   * measures the page: html.ts looks for its title and date among them, not in the whole tree).
   */
  marks?: DomNode[];
}

/** Elements extraction skips as page furniture, read inside when one of them is the body chosen. */
const READ_INSIDE = new Set(['form', 'nav', 'header', 'footer', 'aside']);

const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);

/** Never the article's text: the walker skips them too. */
const EXCLUDED_TAGS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'dialog',
]);

/** Never excluded by their class: they are what such pages are made of. */
const NEVER_UNLIKELY = new Set(['html', 'body', 'article', 'main', 'a']);

/** Elements whose text continues their parent's paragraph. */
const INLINE = new Set(
  'a abbr b bdi bdo br cite code data del dfn em font i img ins kbd label mark q s samp small span strike strong sub sup time tt u var wbr big'.split(
    ' ',
  ),
);

/** Real paragraphs: they score their parent (Readability's tags to score). */
const PARAGRAPHS = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6', 'section']);
/** Containers whose loose text Readability wraps in a paragraph of their own. */
const DIV_LIKE = new Set(['div', 'article', 'main', 'center']);

/** Shortest text, in characters, of a paragraph that counts. */
const MIN_PARAGRAPH = 25;
/** Main text an element must hold to be taken with confidence (Readability's readerable minimum). */
const MIN_MAIN_TEXT = 140;
/** Main text under which a second, looser attempt is made (Readability's 500-character threshold). */
const RETRY_BELOW = 500;
/** A known content container inside the winner is taken when it holds this share of the winner's text. */
const CONTAINER_SHARE = 0.66;

/** Figures of one element, by its index in document order. */
interface Stats {
  els: DomNode[];
  parent: Int32Array;
  /** 1 when the element is excluded (page furniture, or inside it), else 0. */
  excluded: Uint8Array;
  // Counts of characters are whole numbers below a string's length (< 2^30): exact in 32 bits.
  /** Characters of text (whitespace not counted) under the element. */
  text: Int32Array;
  /** Of which inside links (weighted: a jump within the page counts 0.3). */
  linkText: Float64Array;
  /** Commas and words (runs of non-space characters) of that text. */
  commas: Int32Array;
  words: Int32Array;
  /** Text whose nearest block-level element is this one, and its commas and link text. */
  own: Int32Array;
  ownCommas: Int32Array;
  /** Words of that text (runs of non-space characters). */
  ownWords: Int32Array;
  ownLinks: Int32Array;
  /** Paragraph text (less its links) under the element: the "main text" it holds. */
  main: Int32Array;
  /** Index of the element's last descendant (elements are in document order: a subtree is a range). */
  last: Int32Array;
  /** Candidate score, NaN when not a candidate. */
  score: Float64Array;
  /** The page has furniture (menus, headers, sidebars, widgets) outside which the article could be. */
  furniture: boolean;
  /** An element was excluded by what only the strict attempt excludes (class, role, a form). */
  strictOnly: boolean;
  /** The page names its author in its head (meta author/creator, JSON-LD `author`). */
  authorMeta: boolean;
  /** Elements marked as a byline (see BYLINE), in document order, not excluded. */
  bylines: number[];
  /** Known content containers (`.entry-content`, `[itemprop=articleBody]`), by index. */
  containers: number[];
  /** Element index by id attribute (the first of each id). */
  ids: Map<string, number>;
  /** In-page links: the index of each `<a href="#x">` and its target id. */
  jumps: Array<[number, string]>;
  /** `<h1>` and `<time datetime>` elements, in document order (see BodyChoice.marks). */
  marks: DomNode[];
}

/** Excluded but no sign of page furniture: they hold no visible text of the page. */
const INVISIBLE = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
]);

/**
 * True when an element is page furniture by tag, role, class or id, or hidden. Not `strict`
 * (Readability's second attempt): by tag and hidden only, and a `<form>` is no furniture.
 */
function isExcluded(el: DomNode, strict: boolean): boolean {
  const name = el.name ?? '';
  if ((EXCLUDED_TAGS.has(name) && (strict || name !== 'form')) || el.type !== 'tag') return true;
  const a = el.attribs;
  if (!a) return false;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  if (a.style !== undefined && /display\s*:\s*none/i.test(a.style)) return true;
  if (isModal(el)) return true;
  if (NEVER_UNLIKELY.has(name) || !strict) return false;
  if (a.role !== undefined && UNLIKELY_ROLES.has(a.role.trim().toLowerCase())) return true;
  if (a.class === undefined && a.id === undefined) return false;
  const match = `${a.class ?? ''} ${a.id ?? ''}`;
  return UNLIKELY.test(match) && !MAYBE_CANDIDATE.test(match);
}

/** Readability's starting score of a candidate, by tag. */
function tagWeight(name: string): number {
  if (name === 'div') return 5;
  if (name === 'pre' || name === 'td' || name === 'blockquote') return 3;
  if (['address', 'ol', 'ul', 'dl', 'dd', 'dt', 'li', 'form'].includes(name)) return -3;
  if (/^h[1-6]$/.test(name) || name === 'th') return -5;
  return 0;
}

/** The figures of `n` elements (zero, scores NaN), the rest of Stats empty: one buffer for all. */
function emptyStats(n: number): Stats {
  const buffer = new ArrayBuffer(n * (2 * 8 + 10 * 4 + 1));
  let at = 0;
  const f64 = (): Float64Array => {
    const view = new Float64Array(buffer, at, n);
    at += 8 * n;
    return view;
  };
  const i32 = (): Int32Array => {
    const view = new Int32Array(buffer, at, n);
    at += 4 * n;
    return view;
  };
  return {
    els: [],
    linkText: f64(),
    score: f64().fill(Number.NaN),
    parent: i32(),
    text: i32(),
    commas: i32(),
    words: i32(),
    own: i32(),
    ownCommas: i32(),
    ownWords: i32(),
    ownLinks: i32(),
    main: i32(),
    last: i32(),
    excluded: new Uint8Array(buffer, at, n),
    furniture: false,
    strictOnly: false,
    authorMeta: false,
    bylines: [],
    containers: [],
    ids: new Map(),
    jumps: [],
    marks: [],
  };
}

/**
 * `s` with room for `n` elements (its figures copied, the room past them zero and NaN), or,
 * for `n` its exact count, cut to it (views of the same memory).
 */
function resized(s: Stats, n: number): Stats {
  const grow = n > s.parent.length;
  const next = grow ? emptyStats(n) : s;
  const fit = <T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T => {
    if (!grow) return from.subarray(0, n) as T;
    to.set(from);
    return to;
  };
  return {
    ...s,
    parent: fit(s.parent, next.parent),
    excluded: fit(s.excluded, next.excluded),
    text: fit(s.text, next.text),
    linkText: fit(s.linkText, next.linkText),
    commas: fit(s.commas, next.commas),
    words: fit(s.words, next.words),
    own: fit(s.own, next.own),
    ownCommas: fit(s.ownCommas, next.ownCommas),
    ownWords: fit(s.ownWords, next.ownWords),
    ownLinks: fit(s.ownLinks, next.ownLinks),
    main: fit(s.main, next.main),
    last: fit(s.last, next.last),
    score: fit(s.score, next.score),
  };
}

/**
 * One pass in document order, then one back: text, link text and paragraph figures per
 * element. The figures are typed arrays over one buffer, sized by the element count (one push
 * per figure per element into a dozen growing arrays, and their garbage, were ~5% of the
 * CLI's run on a page of 100,000 paragraphs).
 */
function measure(root: DomNode, strict: boolean): Stats {
  // Sized once by the tree's element count (doubled should a walk find more: it cannot).
  let s = emptyStats(Math.max(elementCount(root), 1));
  // Parallel stacks: a node, its parent element's index, the index of the nearest block-level
  // element (where loose text belongs), and whether it sits inside a link.
  const nodes: DomNode[] = [];
  const parents: number[] = [];
  const owners: number[] = [];
  // 0 outside links, else the weight of link text: a jump within the page (`#x`) weighs 0.3
  // in Readability's link density, any other link 1.
  const links: number[] = [];
  const children = root.children ?? [];
  for (let i = children.length - 1; i >= 0; i--) {
    nodes.push(children[i]);
    parents.push(-1);
    owners.push(-1);
    links.push(0);
  }
  while (nodes.length > 0) {
    const node = nodes.pop() as DomNode;
    const parent = parents.pop() as number;
    const owner = owners.pop() as number;
    const inLink = links.pop() as number;
    if (node.type === 'text') {
      if (parent < 0 || s.excluded[parent] === 1) continue;
      const { chars, commas, words } = countText(node.data ?? '');
      if (chars === 0) continue;
      s.own[owner] += chars;
      s.ownCommas[owner] += commas;
      s.ownWords[owner] += words;
      if (inLink > 0) s.ownLinks[owner] += chars;
      // Text and link text are summed up the tree in the backward pass, from the text's parent.
      s.text[parent] += chars;
      s.commas[parent] += commas;
      s.words[parent] += words;
      continue;
    }
    if (!isElement(node)) continue;
    const k = s.els.length;
    if (k === s.parent.length) s = resized(s, 2 * k);
    s.els.push(node);
    s.parent[k] = parent;
    const parentExcluded = parent >= 0 && s.excluded[parent] === 1;
    const excluded = parentExcluded || isExcluded(node, strict);
    s.excluded[k] = excluded ? 1 : 0;
    if (excluded && !parentExcluded && !INVISIBLE.has(node.name ?? '') && node.type === 'tag') s.furniture = true;
    if (excluded && !parentExcluded && strict && !isExcluded(node, false)) s.strictOnly = true;
    s.last[k] = k;
    const name = node.name ?? '';
    const a = node.attribs;
    if (name === 'h1' || (name === 'time' && a?.datetime !== undefined)) s.marks.push(node);
    if (a !== undefined) {
      if (a.id !== undefined && !s.ids.has(a.id)) s.ids.set(a.id, k);
      if (name === 'a' && a.href !== undefined && a.href.trim().startsWith('#'))
        s.jumps.push([k, a.href.trim().slice(1)]);
      if ((a.class !== undefined || a.itemprop !== undefined) && isContentContainer(node)) s.containers.push(k);
      if (!excluded && bylineMarked(a)) s.bylines.push(k);
      if (name === 'meta' && AUTHOR_META.test(a.name ?? a.property ?? '') && (a.content ?? '').trim() !== '')
        s.authorMeta = true;
      if (name === 'script' && /ld\+json/i.test(a.type ?? '') && /"author"/.test(textContent(node)))
        s.authorMeta = true;
    }
    const block = INLINE.has(name) && owner >= 0 ? owner : k;
    const kids = node.children ?? [];
    const weight = name === 'a' && inLink === 0 ? linkWeight(node) : inLink;
    for (let i = kids.length - 1; i >= 0; i--) {
      nodes.push(kids[i]);
      parents.push(k);
      owners.push(block);
      links.push(weight);
    }
  }
  s = resized(s, s.els.length);
  // Children follow their parent in `els`: read backwards, each child is complete before its parent.
  for (let k = s.els.length - 1; k >= 0; k--) {
    // Link text is the text of the links inside an element, as Readability's link density
    // reads it: text inside a link left open around a block (`<a href=…>link <div><p>…`) is no
    // link text of that block, which would otherwise be cleaned away as a box of links.
    if (s.els[k].name === 'a') s.linkText[k] = s.text[k] * linkWeight(s.els[k]);
    const p = s.parent[k];
    if (p < 0) continue;
    if (s.last[k] > s.last[p]) s.last[p] = s.last[k];
    if (s.excluded[k] === 1) continue;
    s.text[p] += s.text[k];
    s.linkText[p] += s.linkText[k];
    s.commas[p] += s.commas[k];
    s.words[p] += s.words[k];
  }
  return s;
}

/** Scores paragraphs into their ancestors (Readability's initial scoring). */
function score(s: Stats): void {
  const { els, parent } = s;
  // A paragraph's length as Readability measures it (spaces folded to one between words) and
  // its commas: its whole text for the tags it scores (a <section>'s or <td>'s includes the
  // blocks inside), its loose text for a container (Readability wraps that in a paragraph).
  const whole = (k: number): boolean => PARAGRAPHS.has(els[k].name ?? '');
  const readLength = (k: number): number => {
    const chars = whole(k) ? s.text[k] : s.own[k];
    if (chars === 0) return 0;
    return chars + (whole(k) ? s.words[k] : s.ownWords[k]) - 1;
  };
  const paragraphOwn = (k: number): number => {
    const name = els[k].name ?? '';
    if (s.excluded[k] || readLength(k) < MIN_PARAGRAPH) return -1;
    if (PARAGRAPHS.has(name)) return parent[k];
    if (DIV_LIKE.has(name)) return k;
    return -1;
  };
  for (let k = 0; k < els.length; k++) {
    const first = paragraphOwn(k);
    if (first < 0) continue;
    // A point for the paragraph, one for it and each comma (Readability splits at commas), and
    // one per 100 characters up to 3.
    const commas = whole(k) ? s.commas[k] : s.ownCommas[k];
    const points = 2 + commas + Math.min(Math.floor(readLength(k) / 100), 3);
    // The paragraph's prose, less its links, is main text of every element around it (summed below).
    s.main[k] = s.own[k] - s.ownLinks[k];
    let level = 0;
    for (let a = first; a >= 0 && level < 5; a = parent[a], level++) {
      // The document's top element is no candidate (Readability needs a parent element).
      if (parent[a] < 0) break;
      if (Number.isNaN(s.score[a])) s.score[a] = tagWeight(els[a].name ?? '') + classWeight(els[a]);
      s.score[a] += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  for (let k = els.length - 1; k >= 0; k--) if (parent[k] >= 0) s.main[parent[k]] += s.main[k];
  for (let k = 0; k < els.length; k++) {
    if (Number.isNaN(s.score[k])) continue;
    const density = s.text[k] > 0 ? s.linkText[k] / s.text[k] : 0;
    s.score[k] *= 1 - density;
  }
}

/** True when `inner` is `outer` or inside it (a subtree is a range of indices). */
function within(s: Stats, inner: number, outer: number): boolean {
  return inner >= outer && inner <= s.last[outer];
}

/** True for the page's outermost elements, which a candidate never climbs to. */
function isTop(s: Stats, k: number): boolean {
  const name = s.els[k].name;
  return s.parent[k] < 0 || name === 'body' || name === 'html';
}

/** The best candidate, climbed the way Readability climbs; -1 when nothing scored. */
function topCandidate(s: Stats): number {
  const ranked: number[] = [];
  for (let k = 0; k < s.els.length; k++) {
    if (Number.isNaN(s.score[k]) || s.excluded[k]) continue;
    ranked.push(k);
  }
  if (ranked.length === 0) return -1;
  ranked.sort((a, b) => s.score[b] - s.score[a] || a - b);
  let top = ranked[0];
  if (isTop(s, top)) return top;
  // Several near-winners in one ancestor: the article is split between them.
  const near = ranked.slice(1, 5).filter((k) => s.score[k] / s.score[top] >= 0.75);
  if (near.length >= 3) {
    for (let a = s.parent[top]; a >= 0 && !isTop(s, a); a = s.parent[a]) {
      // Strictly inside: a near-winner is no evidence for itself (Readability counts ancestors).
      if (near.filter((k) => k !== a && within(s, k, a)).length >= 3) {
        top = a;
        break;
      }
    }
  }
  // A parent that scores better holds more of the article.
  let last = s.score[top];
  const threshold = last / 3;
  for (let a = s.parent[top]; a >= 0 && !isTop(s, a); a = s.parent[a]) {
    if (Number.isNaN(s.score[a])) continue;
    if (s.score[a] < threshold) break;
    if (s.score[a] > last) {
      top = a;
      break;
    }
    last = s.score[a];
  }
  // An only child says nothing its parent does not.
  for (let a = s.parent[top]; a >= 0 && !isTop(s, a) && elementChildren(s.els[a]) === 1; a = s.parent[a]) top = a;
  return top;
}

function elementChildren(el: DomNode): number {
  let n = 0;
  for (const c of el.children ?? []) if (isElement(c)) n++;
  return n;
}

/**
 * A known content container in place of the winner, when it holds the winner's main text: one
 * around the winner (the article's paragraphs are split into groups inside it), or one inside
 * it holding most of its text (the `.entry-content` of an `<article>` that also holds tags and
 * share bars). A container elsewhere (a teaser's `.entry-content` in a sidebar) is ignored.
 */
function preferContainer(s: Stats, top: number, measure: Int32Array): number {
  let best = top;
  for (const k of s.containers) {
    if (s.excluded[k] || measure[k] === 0) continue;
    const density = s.text[k] > 0 ? s.linkText[k] / s.text[k] : 0;
    if (density > 0.5) continue;
    const around = within(s, top, k);
    const inside = within(s, k, top) && measure[k] >= CONTAINER_SHARE * measure[top];
    if (!around && !inside) continue;
    // Of several, the narrowest that qualifies.
    if (best === top || within(s, k, best)) best = k;
  }
  return best;
}

/**
 * Notes the body points to (`<sup><a href="#fn1">`) that lie outside it: climb to the nearest
 * ancestor that holds them, at most three levels up, so a post's footnotes come with its text.
 */
function includeNotes(s: Stats, chosen: number): number {
  let result = chosen;
  for (const [k, id] of s.jumps) {
    if (!within(s, k, chosen) || !looksLikeFootnoteMark(s.els[k])) continue;
    const target = s.ids.get(id);
    if (target === undefined || within(s, target, result)) continue;
    let a = s.parent[result];
    for (let up = 1; up <= 3 && a >= 0 && !isTop(s, a); up++, a = s.parent[a]) {
      if (within(s, target, a)) {
        result = a;
        break;
      }
    }
  }
  return result;
}

/** A semantic container that holds text (`main`, `article`, a known content class), the largest. */
function semanticContainer(s: Stats): number {
  let best = -1;
  for (let k = 0; k < s.els.length; k++) {
    const el = s.els[k];
    if (s.excluded[k] || s.text[k] === 0) continue;
    const semantic =
      el.name === 'main' || el.name === 'article' || attr(el, 'role') === 'main' || isContentContainer(el);
    if (semantic && (best < 0 || s.text[k] > s.text[best])) best = k;
  }
  return best;
}

/** A scored candidate of one attempt: the element and the main text it holds. */
interface Attempt {
  s: Stats;
  top: number;
  main: number;
}

/** One attempt of Readability's: measure and score the page, and climb to the best candidate. */
function attempt(root: DomNode, strict: boolean): Attempt {
  return scored(measure(root, strict));
}

/** Scores a measured page and climbs to its best candidate. */
function scored(s: Stats): Attempt {
  score(s);
  const top = topCandidate(s);
  return { s, top, main: top >= 0 && !isTop(s, top) ? s.main[top] : 0 };
}

/**
 * A page that is one article and nothing else: no furniture anywhere, and the top candidate
 * holds nearly all of the page's text. Readability (a tenth of a second on a page of 2,000
 * links) has nothing to choose between there; our own scoring takes the same element.
 */
function plainArticle(a: Attempt): boolean {
  if (a.s.furniture || a.top < 0 || a.main < MIN_MAIN_TEXT) return false;
  const body = a.s.els.findIndex((el) => el.name === 'body');
  const all = body >= 0 ? a.s.text[body] : 0;
  return all > 0 && a.s.text[a.top] >= 0.95 * all;
}

/**
 * A fragment that is one article and nothing else: the input holds no `<html>`, `<head>` or
 * `<body>` (a post's content, not a page), its top level is one `<article>` (loose text beside
 * it only blank, comments aside), and nothing in it is page furniture (no `<nav>`, `<header>`,
 * `<footer>`, `<aside>`, form, hidden element or chrome by class or role). There is no page
 * around it to choose from: the article is the body, and Readability (a fifth of the run on a
 * paragraph of 6,000 links) need not run. A top-level `<div>` does not qualify: Readability's
 * own article fragments are one, and its choice inside them differs from the whole on 9 of
 * the real pages measured. The index of the article, or -1.
 */
function plainFragment(root: DomNode, s: Stats): number {
  if (s.furniture || s.els.length === 0) return -1;
  let article = -1;
  const top = root.children ?? [];
  // Index loops here: each runs once over up to every element of the page, mostly unoptimised.
  for (let i = 0; i < top.length; i++) {
    const node = top[i];
    if (node.type === 'comment') continue;
    if (node.type === 'text') {
      if (/\S/.test(node.data ?? '')) return -1;
      continue;
    }
    // One element at the top, and it is the first of `els`.
    if (article >= 0 || node !== s.els[0] || node.name !== 'article') return -1;
    article = 0;
  }
  if (article < 0 || s.text[article] === 0) return -1;
  for (let k = 0; k < s.els.length; k++) {
    const name = s.els[k].name;
    if (name === 'html' || name === 'head' || name === 'body') return -1;
  }
  return article;
}

/** The body of a plain fragment: its article, less what a reader mode leaves out of it (leftOut). */
function fragmentChoice(s: Stats, article: number): BodyChoice {
  const element = s.els[article];
  return { element, selector: selectorOf(element), confident: true, skip: leftOut(s, article, []), contentOnly: false };
}

/**
 * Chooses the article body of a parsed page: Readability's choice when it finds an article of
 * READER_MIN_TEXT, else our own scoring; a shorter article Readability found wins over reading
 * the whole page.
 */
export function chooseBody(root: DomNode, options: { forecast?: boolean } = {}): BodyChoice {
  const measured = measure(root, true);
  return { ...choose(root, measured, options.forecast ?? true), marks: measured.marks };
}

/**
 * chooseBody's choice, from the strict attempt's figures. `forecast` false runs Readability
 * even where its article can be forecast (html-reader-forecast.ts): tests compare the two.
 */
function choose(root: DomNode, measured: Stats, forecast: boolean): BodyChoice {
  // A plain fragment needs no scoring (100,000 paragraphs scored into their article).
  const fragment = plainFragment(root, measured);
  if (fragment >= 0) return fragmentChoice(measured, fragment);
  const best = scored(measured);
  // A page where Readability's choice is certain is spared its run (a fifth of `check` of a
  // page of 2,000 links): its article is forecast from our own figures instead.
  const reader = plainArticle(best)
    ? undefined
    : ((forecast ? forecastReader(best.s, best.top) : undefined) ?? readerArticle(root));
  if (reader !== undefined) {
    const choice = readerChoice(best.s, reader, READER_MIN_TEXT);
    if (choice !== undefined) return choice;
  }
  const own = ownChoice(root, best);
  // A short article Readability found (a tweet, a two-line note) beats reading the whole page
  // with its menus: taken when our own scoring finds nothing better.
  if (!own.confident && reader !== undefined) {
    const short = readerChoice(best.s, reader, READER_SHORT_TEXT);
    if (short !== undefined) return short;
  }
  return own;
}

/**
 * Our own reimplementation of Readability's choice (see the top of this file), from the strict
 * attempt. When it finds little prose, a second one (Readability's retry) ignores furniture
 * classes: the article of a page whose markup left a `div#header` unclosed, or sits in a
 * `.repository-with-sidebar` or an ASP.NET page's `<form>`. It is taken only when it finds far
 * more prose, so a short post is not traded for a sidebar.
 */
function ownChoice(root: DomNode, first: Attempt): BodyChoice {
  let best = first;
  // The loose attempt excludes a subset of what the strict one does: when nothing was excluded
  // for the strict attempt's own reasons, it would measure the same page again (twice the
  // work on a page of 100,000 short paragraphs) and find the same prose.
  if (best.main < RETRY_BELOW && best.s.strictOnly) {
    const loose = attempt(root, false);
    if (loose.main >= MIN_MAIN_TEXT && loose.main > 2 * best.main) best = loose;
  }
  const { s } = best;
  let chosen = best.top;
  let confident = best.main >= MIN_MAIN_TEXT;
  let apart: DomNode[] = [];
  if (confident) {
    const top = chosen;
    chosen = preferContainer(s, top, s.main);
    if (chosen === top) ({ chosen, apart } = joinSiblings(s, top));
    chosen = includeNotes(s, chosen);
  } else {
    // Too little prose to score: a short post. The page's own markup says where it is.
    chosen = semanticContainer(s);
    confident = chosen >= 0;
    if (confident) chosen = includeNotes(s, preferContainer(s, chosen, s.text));
  }
  if (!confident) {
    // A short page with no furniture is its own body; one with menus and sidebars around too
    // little text (an app shell, a link hub) is read whole, with a warning.
    chosen = s.els.findIndex((el) => el.name === 'body');
    const all = chosen >= 0 ? s.text[chosen] : s.text.reduce((sum, t, k) => (s.parent[k] < 0 ? sum + t : sum), 0);
    confident = all > 0 && !s.furniture;
  }
  const element = chosen >= 0 ? s.els[chosen] : undefined;
  const skip = element ? leftOut(s, chosen, apart) : [];
  const contentOnly = element !== undefined && READ_INSIDE.has(element.name ?? '');
  return { element, selector: element ? selectorOf(element) : ':root', confident, skip, contentOnly };
}

/** Shortest text of a sibling paragraph joined for its own sake (Readability's 80 characters). */
const SIBLING_PARAGRAPH = 80;

/**
 * Readability's sibling join: siblings of the winner that score at least a fifth of it (or 10),
 * with a bonus for sharing its class, and sibling paragraphs of prose, are the article too (a
 * review's verdict box beside its body, a lead paragraph beside the story's div). When any
 * joins, the body is the parent, and the siblings that do not join (and loose text between
 * them) are left out, in document order.
 */
function joinSiblings(s: Stats, top: number): { chosen: number; apart: DomNode[] } {
  const p = s.parent[top];
  if (p < 0 || s.parent[p] < 0 || s.els[p].name === 'html') return { chosen: top, apart: [] };
  const topScore = Number.isNaN(s.score[top]) ? 0 : s.score[top];
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = s.els[top].attribs?.class ?? '';
  const index = new Map<DomNode, number>();
  for (let k = p + 1; k <= s.last[p]; k++) if (s.parent[k] === p) index.set(s.els[k], k);
  let joined = false;
  const apart: DomNode[] = [];
  for (const node of s.els[p].children ?? []) {
    const k = index.get(node);
    if (k === undefined) {
      // Loose text beside the article's elements is not the article (Readability keeps elements only).
      if (node.type === 'text' && /\S/.test(node.data ?? '')) apart.push(node);
      continue;
    }
    if (k === top || s.excluded[k]) continue;
    const bonus = topClass !== '' && s.els[k].attribs?.class === topClass ? topScore * 0.2 : 0;
    const scored = !Number.isNaN(s.score[k]) && s.score[k] + bonus >= threshold;
    const density = s.text[k] > 0 ? s.linkText[k] / s.text[k] : 0;
    const prose =
      s.els[k].name === 'p' &&
      ((s.text[k] > SIBLING_PARAGRAPH && density < 0.25) ||
        (s.text[k] > 0 && density === 0 && /\.(?:\s|$)/.test(textContent(s.els[k]))));
    if (scored || prose) joined = true;
    else apart.push(node);
  }
  return joined ? { chosen: p, apart } : { chosen: top, apart: [] };
}

/** Class or id of a byline (Readability's): the author's name and links, no source of the article. */
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
/** Longest text of a byline (Readability's 100 characters, spaces not counted here). */
const BYLINE_TEXT = 90;
/** Head metadata naming the author (Readability reads these before looking for a byline). */
const AUTHOR_META = /^\s*(?:(?:dc|dcterm|article|parsely|og|twitter)\s*[-.:]\s*)?(?:author|creator)\s*$/i;

/** Attributes that mark a byline: `rel=author`, `itemprop=author`, a byline class or id. */
function bylineMarked(a: Record<string, string>): boolean {
  // Most elements have none of these: no regex, no string of class and id for them.
  if (a.rel === undefined && a.itemprop === undefined && a.class === undefined && a.id === undefined) return false;
  return (
    /(?:^|\s)author(?:\s|$)/i.test(a.rel ?? '') ||
    /author/i.test(a.itemprop ?? '') ||
    BYLINE.test(`${a.class ?? ''} ${a.id ?? ''}`)
  );
}

/**
 * Readability's byline: when the page's head does not name the author, the first element
 * marked as a byline with a little text is the byline, taken out of the article (its author
 * links are no sources). Undefined when there is none.
 */
function bylineOf(s: Stats): number | undefined {
  if (s.authorMeta) return undefined;
  return s.bylines.find((k) => s.text[k] > 0 && s.text[k] <= BYLINE_TEXT);
}

/**
 * What a reader mode leaves out of the chosen element: what the attempt excluded by class,
 * role or visibility (not by tag: extraction skips those tags itself, and keeps a quote's
 * `<footer>`), and what Readability's conditional cleaning removes. The notes the body's
 * footnote marks point to stay.
 */
function leftOut(s: Stats, chosen: number, apart: readonly DomNode[]): DomNode[] {
  const notes: number[] = [];
  for (const [k, id] of s.jumps) {
    const target = s.ids.get(id);
    if (target !== undefined && within(s, k, chosen) && looksLikeFootnoteMark(s.els[k])) notes.push(target);
  }
  // Element positions by node, built only when needed: the siblings left apart and the junk
  // are looked up in it, and most pages have neither (100,000 entries on a wide page).
  let positions: Map<DomNode, number> | undefined;
  const index = (el: DomNode): number | undefined => {
    if (positions === undefined) {
      positions = new Map();
      for (let k = chosen; k <= s.last[chosen]; k++) positions.set(s.els[k], k);
    }
    return positions.get(el);
  };
  // Note targets counted by document position: a subtree holds one when its range counts any.
  const before = new Int32Array(s.els.length + 1);
  for (const t of notes) before[t + 1] = 1;
  for (let k = 0; k < s.els.length; k++) before[k + 1] += before[k];
  const holdsNote = (k: number): boolean => before[s.last[k] + 1] - before[k] > 0;
  // Siblings that did not join (a text node has no index: never a note).
  const kept = apart.filter((el) => {
    const k = index(el);
    return k === undefined || !holdsNote(k);
  });
  const excluded: DomNode[] = [...kept];
  const byline = bylineOf(s);
  const gone = new Set(kept);
  for (let k = chosen + 1; k <= s.last[chosen]; k++) {
    if (gone.has(s.els[k])) {
      k = s.last[k];
      continue;
    }
    if (k === byline) {
      excluded.push(s.els[k]);
      k = s.last[k];
      continue;
    }
    if (!s.excluded[k] || s.excluded[s.parent[k]]) continue;
    const el = s.els[k];
    if (el.type === 'tag' && !EXCLUDED_TAGS.has(el.name ?? '') && !holdsNote(k)) excluded.push(el);
  }
  const byStart = (a: DomNode, b: DomNode): number => (a.startIndex ?? 0) - (b.startIndex ?? 0);
  const junk = readerJunk(s.els[chosen], new Set(notes.map((t) => s.els[t])), new Set(excluded));
  // A cleaning that would take most of the prose (text outside links) is wrong about this page
  // (Readability then tries again without it).
  const proseOf = (el: DomNode): number => {
    const k = index(el);
    return k === undefined ? 0 : s.text[k] - s.linkText[k];
  };
  const junkProse = junk.reduce((sum, el) => sum + proseOf(el), 0);
  if (junk.length === 0) return excluded.sort(byStart);
  const bodyProse = s.text[chosen] - s.linkText[chosen] - kept.reduce((sum, el) => sum + proseOf(el), 0);
  if (junkProse > 0.5 * bodyProse) return excluded.sort(byStart);
  return [...excluded, ...junk].sort(byStart);
}

const SIMPLE_NAME = /^-?[A-Za-z_][\w-]*$/;

/**
 * A CSS-ish path of an element: from the nearest ancestor with an id (or `body`) down, each
 * step `tag#id.class.class`, with `:nth-of-type(n)` where siblings share the tag.
 */
function selectorOf(el: DomNode): string {
  const steps: string[] = [];
  for (let node: DomNode | null | undefined = el; node && isElement(node); node = node.parent) {
    const name = node.name ?? '';
    const id = attr(node, 'id');
    let step = name;
    if (id !== '' && SIMPLE_NAME.test(id)) step += `#${id}`;
    else {
      const classes = classTokens(node)
        .filter((c) => SIMPLE_NAME.test(c))
        .slice(0, 2);
      if (classes.length > 0) step += `.${classes.join('.')}`;
      const siblings = (node.parent?.children ?? []).filter((c) => isElement(c) && c.name === name);
      if (siblings.length > 1 && name !== 'body' && name !== 'html')
        step += `:nth-of-type(${siblings.indexOf(node) + 1})`;
    }
    steps.push(step);
    if (step.includes('#') || name === 'body') break;
  }
  steps.reverse();
  // A path through hundreds of nested elements says no more than its two ends.
  if (steps.length > 10) return `${steps[0]} ${steps.slice(-8).join(' > ')}`;
  return steps.join(' > ');
}

/** Shortest article, in characters, Readability must find for its choice to be taken. */
const READER_MIN_TEXT = 140;
/**
 * Shortest article taken from Readability when our own scoring finds none with confidence: a
 * tweet, a note of two sentences (two paragraphs' worth of MIN_PARAGRAPH).
 */
const READER_SHORT_TEXT = 2 * MIN_PARAGRAPH;

/**
 * The body Readability chose, mapped onto our tree: the smallest element holding every element
 * it kept (its top candidate, or their parent when siblings joined), climbed to the notes its
 * footnote marks point to; inside it, every element it dropped (none of its descendants kept)
 * and the loose text of elements it did not keep. Undefined when it kept too little.
 */
function readerChoice(s: Stats, reader: ReaderArticle, minText: number): BodyChoice | undefined {
  const { kept } = reader;
  if (reader.length < minText || reader.els.length !== s.els.length) return undefined;
  let first = -1;
  let last = -1;
  for (let k = 0; k < kept.length; k++) {
    if (kept[k] === 0) continue;
    if (first < 0) first = k;
    last = k;
  }
  if (first < 0) return undefined;
  let lca = first;
  while (s.last[lca] < last && s.parent[lca] >= 0) lca = s.parent[lca];
  // An element holds something kept when it or a descendant was kept.
  const holds = new Uint8Array(kept);
  for (let k = s.els.length - 1; k > 0; k--) if (holds[k] && s.parent[k] >= 0) holds[s.parent[k]] = 1;
  const chosen = includeNotes(s, lca);
  const notes = new Set<number>();
  for (const [k, id] of s.jumps) {
    const target = s.ids.get(id);
    if (target !== undefined && within(s, k, lca) && looksLikeFootnoteMark(s.els[k])) notes.add(target);
  }
  // An `<aside>` inside the story's own container (a caption, story highlights) is the
  // article's (content-container.ts), though Readability drops every aside: 1 marks one, 2 the
  // elements around it, down from the body.
  const asides = new Uint8Array(s.els.length);
  for (let k = chosen + 1; k <= s.last[chosen]; k++) {
    if (s.els[k].name !== 'aside' || !isArticleAside(s.els[k])) continue;
    asides[k] = 1;
    for (let p = s.parent[k]; p > chosen && asides[p] === 0; p = s.parent[p]) asides[p] = 2;
  }
  const skip: DomNode[] = [];
  const looseText = (k: number): void => {
    for (const c of s.els[k].children ?? []) if (c.type === 'text' && /\S/.test(c.data ?? '')) skip.push(c);
  };
  if (!kept[chosen]) looseText(chosen);
  for (let k = chosen + 1; k <= s.last[chosen]; k++) {
    if (notes.has(k)) {
      k = s.last[k];
      continue;
    }
    if (holds[k] || asides[k] === 2) {
      if (!kept[k]) looseText(k);
      continue;
    }
    // Outside the article but around a note: its other parts go, the note stays.
    if ([...notes].some((t) => within(s, t, k))) continue;
    // Headings Readability drops (the one repeating the title) are no links: the outline stays;
    // and so does an aside of the story's (below), and what leads to one.
    if (/^h[1-6]$/.test(s.els[k].name ?? '') || asides[k] === 1) {
      k = s.last[k];
      continue;
    }
    skip.push(s.els[k]);
    k = s.last[k];
  }
  const element = s.els[chosen];
  const byStart = (a: DomNode, b: DomNode): number => (a.startIndex ?? 0) - (b.startIndex ?? 0);
  const contentOnly = READ_INSIDE.has(element.name ?? '');
  return { element, selector: selectorOf(element), confident: true, skip: skip.sort(byStart), contentOnly };
}
