import { isElement, type DomNode } from './html-tree.js';
import { classWeight, countText, linkWeight } from './reader-patterns.js';

/**
 * What a reader mode leaves out of the article body it chose: Mozilla Readability's
 * conditional cleaning (`_cleanConditionally`, `_cleanHeaders`, its share-element pass). A
 * link-heavy box ("Most read", "Topics: …", a pager), a box of one heading, an image strip, a
 * form, a share bar are furniture inside the body; a list, a data table, a paragraph with
 * commas are the article. One pass from the leaves up over the body's elements, so a box is
 * judged without the boxes inside it already left out, as Readability removes them first.
 */

/** Elements Readability cleans conditionally. */
const CLEANED = new Set(['form', 'fieldset', 'table', 'ul', 'div']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EMBEDS = new Set(['object', 'embed', 'iframe']);
/** Readability's share elements: left out when they hold under 500 characters. */
const SHARE = /(?:\b|_)(?:share|sharedaddy)(?:\b|_)/i;
/** Videos Readability keeps (allowedVideoRegex): their box is never cleaned. */
const VIDEO =
  /\/\/(?:www\.)?(?:(?:dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq|bilibili|live\.bilibili)\.com|(?:archive|upload\.wikimedia)\.org|player\.twitch\.tv)/i;
const AD_WORDS = /^(?:ad(?:vertising|vertisement)?|pub(?:licité)?|werb(?:ung)?|广告|Реклама|Anuncio)$/iu;
const LOADING_WORDS = /^(?:(?:loading|正在加载|Загрузка|chargement|cargando)(?:…|\.\.\.)?)$/iu;
/**
 * Readability's blocks (DIV_TO_P_ELEMS): a `<div>` with none of these inside is a paragraph to
 * it, never cleaned; text inside these (and `span`, `li`, `td`) is "textish".
 */
const BLOCKS = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
const TEXTISH = new Set([...BLOCKS, 'span', 'li', 'td']);
/**
 * Gone before Readability cleans: scripts and styles (removed first), and what its `_clean`
 * passes drop (embeds that are no allowed video, footers, asides, form controls).
 */
const REMOVED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'link',
  'footer',
  'aside',
  'textarea',
  'select',
  'button',
]);

/** Figures of one element's subtree, less what was left out inside it. */
interface Counts {
  text: number;
  commas: number;
  /** Text inside links (a jump in the page counts 0.3, as in Readability). */
  links: number;
  headings: number;
  /** Text inside `ul`/`ol`. */
  lists: number;
  p: number;
  img: number;
  li: number;
  input: number;
  embeds: number;
  /** Holds a video Readability keeps, or a data table. */
  keep: boolean;
  /** Text inside Readability's textish elements below this one. */
  textish: number;
  /** Has one of Readability's blocks below it. */
  block: boolean;
}

const zero = (): Counts => ({
  text: 0,
  commas: 0,
  links: 0,
  headings: 0,
  lists: 0,
  p: 0,
  img: 0,
  li: 0,
  input: 0,
  embeds: 0,
  keep: false,
  textish: 0,
  block: false,
});

/** Readability's data table test (`_markDataTables`), on the table's own rows. */
function isDataTable(table: DomNode): boolean {
  const a = table.attribs ?? {};
  if (a.role === 'presentation' || a.datatable === '0') return false;
  if (a.summary) return true;
  let rows = 0;
  let cols = 0;
  const stack = [...(table.children ?? [])];
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    if (!isElement(n)) continue;
    const name = n.name ?? '';
    if (name === 'caption' || name === 'th' || name === 'thead' || name === 'tfoot' || name === 'colgroup') return true;
    if (name === 'table') return false;
    if (name === 'tr') {
      rows++;
      let cells = 0;
      for (const c of n.children ?? []) {
        if (c.name === 'td') cells += Math.max(1, Number.parseInt(c.attribs?.colspan ?? '1', 10) || 1);
      }
      cols = Math.max(cols, cells);
    }
    for (const c of n.children ?? []) stack.push(c);
  }
  return rows >= 10 || cols > 4 || rows * cols > 10;
}

/** Readability's verdict on one cleaned element, from its counts. */
function isJunk(el: DomNode, c: Counts, inFigure: boolean): boolean {
  if (c.keep) return false;
  const name = el.name ?? '';
  const weight = classWeight(el);
  if (weight < 0) return true;
  // Forms are cleaned before Readability drops inputs and embeds; tables, lists and divs after.
  const forms = name === 'form' || name === 'fieldset';
  if (c.commas >= 10) return false;
  const isList = name === 'ul' || name === 'ol' || (c.text > 0 && c.lists / c.text > 0.9);
  const linkDensity = c.text === 0 ? 0 : c.links / c.text;
  const bad =
    (!inFigure && c.img > 1 && c.p / c.img < 0.5) ||
    (!isList && c.li - 100 > c.p) ||
    (forms && c.input > Math.floor(c.p / 3)) ||
    (!isList &&
      !inFigure &&
      c.headings < 0.9 * c.text &&
      c.text < 25 &&
      (c.img === 0 || c.img > 2) &&
      linkDensity > 0) ||
    (!isList && weight < 25 && linkDensity > 0.2) ||
    (weight >= 25 && linkDensity > 0.5) ||
    (forms && ((c.embeds === 1 && c.text < 75) || c.embeds > 1)) ||
    (c.img === 0 && c.textish === 0);
  if (!bad || !isList) return bad;
  // A list of images stays: each item one image.
  for (const item of el.children ?? [])
    if (isElement(item) && (item.children ?? []).filter(isElement).length > 1) return true;
  return c.img !== c.li;
}

/** Text shorter than this is read for Readability's ad and loading words. */
const SHORT = 40;

/**
 * What a subtree's text tells the ad and loading words, gathered children before parents (a
 * walk of every subtree anew was quadratic in nesting: 5,000 nested divs).
 */
interface ShortText {
  /** Characters of all the text under the node. */
  length: number;
  /** The node's last descendant in document order, when it is text (else null). */
  lastText: TextTail | null;
  /** All the text, when shorter than SHORT. */
  full: string | undefined;
  /** The text before `lastText`, when shorter than SHORT. */
  head: string | undefined;
}

/** A text node that ends a subtree; its trimmed forms computed once, however many ancestors end with it. */
interface TextTail {
  /** The text. */
  data: string;
  /** `data.trim()`, once asked. */
  trimmed?: string;
  /** `data.trimEnd()`, once asked. */
  trimmedEnd?: string;
}

const NO_TEXT: ShortText = { length: 0, lastText: null, full: '', head: undefined };

/** ShortText of a text node. */
function ofText(node: DomNode): ShortText {
  const data = node.data ?? '';
  return { length: data.length, lastText: { data }, full: data.length < SHORT ? data : undefined, head: '' };
}

/** ShortText of a node from those of its children, in order. */
function ofChildren(parts: readonly ShortText[]): ShortText {
  if (parts.length === 0) return NO_TEXT;
  let length = 0;
  for (const p of parts) length += p.length;
  const last = parts[parts.length - 1];
  let full: string | undefined;
  if (length < SHORT) full = parts.map((p) => p.full).join('');
  let head: string | undefined;
  if (last.lastText !== null && length - last.lastText.data.length < SHORT) {
    head =
      parts
        .slice(0, -1)
        .map((p) => p.full)
        .join('') + (last.head ?? '');
  }
  return { length, lastText: last.lastText, full, head };
}

/** ShortText of a subtree readerJunk does not index (left out, removed, not an element), walked once. */
function ofSubtree(node: DomNode): ShortText {
  if (node.type === 'text') return ofText(node);
  // Text nodes in document order, then folded as children of one node: the result is the same.
  const texts: ShortText[] = [];
  const stack = [...(node.children ?? [])].reverse();
  let lastNode: DomNode | undefined;
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    lastNode = n;
    if (n.type === 'text') texts.push(ofText(n));
    else for (let i = (n.children ?? []).length - 1; i >= 0; i--) stack.push((n.children as DomNode[])[i]);
  }
  if (lastNode === undefined) return NO_TEXT;
  // The last node is not text (a trailing empty element or comment): it ends the subtree with no text.
  if (lastNode.type !== 'text') texts.push(NO_TEXT);
  return ofChildren(texts);
}

/**
 * The text of an element when it is short (for Readability's ad and loading words), else '':
 * as a walk of its text would gather it, stopping once SHORT characters are passed with more
 * of the element still to read.
 */
function shortTextOf(el: DomNode, t: ShortText): string {
  if ((el.children ?? []).length === 0) return '';
  if (t.full !== undefined) return t.full.trim();
  // Passed SHORT at its very last node: the walk had read it all. Trimmed in parts: the last
  // text can be long, and every ancestor a chain of elements ends with it would trim it again.
  const tail = t.lastText;
  if (tail === null || t.head === undefined) return '';
  const head = t.head.trimStart();
  if (head === '') return (tail.trimmed ??= tail.data.trim());
  const end = (tail.trimmedEnd ??= tail.data.trimEnd());
  return end === '' ? head.trimEnd() : head + end;
}

/**
 * The elements inside `body` a reader mode leaves out (the outermost of each), in document
 * order. `keep` holds elements never left out (the notes the body's footnote marks point to);
 * `absent` those already left out (not counted, not judged).
 */
export function readerJunk(body: DomNode, keep: ReadonlySet<DomNode>, absent: ReadonlySet<DomNode>): DomNode[] {
  if (!mayHoldJunk(body)) return [];
  // Elements in document order with their parent's position; text counted into its parent.
  const els: DomNode[] = [];
  const parent: number[] = [];
  const counts: Counts[] = [];
  const inFigure: boolean[] = [];
  /** Inside code or a data table: never left out. */
  const kept: boolean[] = [];
  const last: number[] = [];
  // Parallel stacks (no tuple per node): a node and its parent element's position.
  const stack: DomNode[] = [];
  const parents: number[] = [];
  const kids = body.children ?? [];
  for (let i = kids.length - 1; i >= 0; i--) {
    stack.push(kids[i]);
    parents.push(-1);
  }
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    const p = parents.pop() as number;
    if (node.type === 'text') {
      if (p < 0) continue;
      const { chars, commas } = countText(node.data ?? '');
      const c = counts[p];
      c.text += chars;
      c.commas += commas;
      continue;
    }
    if (!isElement(node) || absent.has(node) || REMOVED.has(node.name ?? '')) continue;
    const k = els.length;
    const name = node.name ?? '';
    els.push(node);
    parent.push(p);
    last.push(k);
    counts.push(zero());
    inFigure.push(p >= 0 && (inFigure[p] || els[p].name === 'figure'));
    const c = counts[k];
    const dataTable = name === 'table' && isDataTable(node);
    kept.push(
      p >= 0 &&
        (kept[p] || els[p].name === 'code' || els[p].name === 'pre' || (counts[p].keep && els[p].name === 'table')),
    );
    if (name === 'img') c.img = 1;
    else if (name === 'li') c.li = 1;
    else if (name === 'input') c.input = 1;
    else if (dataTable) c.keep = true;
    else if (EMBEDS.has(name)) {
      if (Object.values(node.attribs ?? {}).some((v) => VIDEO.test(v))) c.keep = true;
      else c.embeds = 1;
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]);
      parents.push(k);
    }
  }
  const junk = new Set<DomNode>();
  const texts: ShortText[] = new Array<ShortText>(els.length);
  for (let k = els.length - 1; k >= 0; k--) {
    const el = els[k];
    const name = el.name ?? '';
    const c = counts[k];
    const p = parent[k];
    if (p >= 0 && last[k] > last[p]) last[p] = last[k];
    // Indexed children are in `els` in document order, each after the previous one's subtree.
    const children = el.children ?? [];
    if (children.length === 1) {
      // One child: its ShortText is the element's (ofChildren of one part gives it back), with
      // no array and no copy: a wide page is 100,000 paragraphs of one text each.
      const child = children[0];
      texts[k] = k + 1 < els.length && els[k + 1] === child ? texts[k + 1] : ofSubtree(child);
    } else {
      const parts: ShortText[] = [];
      let j = k + 1;
      // An index loop (and no destructuring above): unoptimised, for…of costs an iterator per element.
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        if (j < els.length && els[j] === child) {
          parts.push(texts[j]);
          j = last[j] + 1;
        } else parts.push(ofSubtree(child));
      }
      texts[k] = ofChildren(parts);
    }
    // Link text: the text of the links inside (see html-body.ts), not of one left open around it.
    if (name === 'a') c.links = c.text * linkWeight(el);
    // A div with no block inside is a paragraph to Readability.
    const paragraph = name === 'p' || (name === 'div' && !c.block);
    if (paragraph) c.p += 1;
    if (HEADINGS.has(name)) c.headings = c.text;
    if (name === 'ul' || name === 'ol') c.lists = c.text;
    if (!keep.has(el) && !kept[k] && judged(el, c, inFigure[k], paragraph, texts[k])) {
      junk.add(el);
      continue;
    }
    if (p < 0) continue;
    const up = counts[p];
    up.text += c.text;
    up.commas += c.commas;
    up.links += c.links;
    up.headings += c.headings;
    up.lists += c.lists;
    up.p += c.p;
    up.img += c.img;
    up.li += c.li;
    up.input += c.input;
    up.embeds += c.embeds;
    up.keep ||= c.keep || keep.has(el);
    up.textish += TEXTISH.has(name) ? c.text : c.textish;
    up.block ||= c.block || BLOCKS.has(name);
  }
  // The outermost of each: an element inside one left out goes with it.
  const out: DomNode[] = [];
  let skipTo = -1;
  for (let k = 0; k < els.length; k++) {
    if (k <= skipTo) continue;
    if (!junk.has(els[k])) continue;
    out.push(els[k]);
    skipTo = last[k];
  }
  return out;
}

/**
 * False when no element under `body` is of a kind {@link judged} can leave out: no share
 * class or id, no h1/h2, none of CLEANED. Then the counting pass (an object of counts per
 * element) would find nothing; an article of 100,000 paragraphs paid ~7% of its run for it.
 */
function mayHoldJunk(body: DomNode): boolean {
  const stack: DomNode[] = [...(body.children ?? [])];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (!isElement(node)) continue;
    const name = node.name ?? '';
    if (CLEANED.has(name) || name === 'h1' || name === 'h2') return true;
    const a = node.attribs;
    if (
      a !== undefined &&
      (a.class !== undefined || a.id !== undefined) &&
      SHARE.test(`${a.class ?? ''} ${a.id ?? ''}`)
    )
      return true;
    const children = node.children;
    if (children !== undefined) for (let i = 0; i < children.length; i++) stack.push(children[i]);
  }
  return false;
}

/** Whether Readability leaves an element out: a share box, a heading weighed down, a cleaned box. */
function judged(el: DomNode, c: Counts, inFigure: boolean, paragraph: boolean, text: ShortText): boolean {
  const name = el.name ?? '';
  const a = el.attribs;
  if (a !== undefined && SHARE.test(`${a.class ?? ''} ${a.id ?? ''}`) && c.text < 500) return true;
  // A div with no block inside is a paragraph to Readability: never cleaned conditionally.
  if (paragraph) return false;
  if (name === 'h1' || name === 'h2') return classWeight(el) < 0;
  if (!CLEANED.has(name)) return false;
  if (c.commas < 10) {
    const words = shortTextOf(el, text);
    if (words !== '' && (AD_WORDS.test(words) || LOADING_WORDS.test(words))) return true;
  }
  return isJunk(el, c, inFigure);
}
