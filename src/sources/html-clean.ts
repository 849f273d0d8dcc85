import { isElement, type DomNode } from './html-tree.js';
import { classWeight, countText } from './reader-patterns.js';

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

/** The text of an element when it is short (for Readability's ad and loading words), else ''. */
function shortText(el: DomNode): string {
  let out = '';
  const stack = [...(el.children ?? [])].reverse();
  while (stack.length > 0 && out.length < 40) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') out += n.data ?? '';
    else for (let i = (n.children ?? []).length - 1; i >= 0; i--) stack.push((n.children as DomNode[])[i]);
  }
  return stack.length > 0 ? '' : out.trim();
}

/**
 * The elements inside `body` a reader mode leaves out (the outermost of each), in document
 * order. `keep` holds elements never left out (the notes the body's footnote marks point to);
 * `absent` those already left out (not counted, not judged).
 */
export function readerJunk(body: DomNode, keep: ReadonlySet<DomNode>, absent: ReadonlySet<DomNode>): DomNode[] {
  // Elements in document order with their parent's position; text counted into its parent.
  const els: DomNode[] = [];
  const parent: number[] = [];
  const counts: Counts[] = [];
  const inFigure: boolean[] = [];
  /** Inside code or a data table: never left out. */
  const kept: boolean[] = [];
  const last: number[] = [];
  // Parallel stacks (no tuple per node): a node, its parent element's position, and the weight
  // of link text there (0: no link).
  const stack: DomNode[] = [];
  const parents: number[] = [];
  const weights: number[] = [];
  const kids = body.children ?? [];
  for (let i = kids.length - 1; i >= 0; i--) {
    stack.push(kids[i]);
    parents.push(-1);
    weights.push(0);
  }
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    const p = parents.pop() as number;
    const linkWeight = weights.pop() as number;
    if (node.type === 'text') {
      if (p < 0) continue;
      const { chars, commas } = countText(node.data ?? '');
      const c = counts[p];
      c.text += chars;
      c.commas += commas;
      c.links += chars * linkWeight;
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
    // A jump within the page weighs 0.3 of its text, as in Readability's link density.
    let weight = linkWeight;
    if (name === 'a') weight = /^#./.test(node.attribs?.href ?? '') ? 0.3 : 1;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]);
      parents.push(k);
      weights.push(weight);
    }
  }
  const junk = new Set<DomNode>();
  for (let k = els.length - 1; k >= 0; k--) {
    const el = els[k];
    const name = el.name ?? '';
    const c = counts[k];
    const p = parent[k];
    if (p >= 0 && last[k] > last[p]) last[p] = last[k];
    // A div with no block inside is a paragraph to Readability.
    const paragraph = name === 'p' || (name === 'div' && !c.block);
    if (paragraph) c.p += 1;
    if (HEADINGS.has(name)) c.headings = c.text;
    if (name === 'ul' || name === 'ol') c.lists = c.text;
    if (!keep.has(el) && !kept[k] && judged(el, c, inFigure[k], paragraph)) {
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

/** Whether Readability leaves an element out: a share box, a heading weighed down, a cleaned box. */
function judged(el: DomNode, c: Counts, inFigure: boolean, paragraph: boolean): boolean {
  const name = el.name ?? '';
  const a = el.attribs;
  if (a !== undefined && SHARE.test(`${a.class ?? ''} ${a.id ?? ''}`) && c.text < 500) return true;
  // A div with no block inside is a paragraph to Readability: never cleaned conditionally.
  if (paragraph) return false;
  if (name === 'h1' || name === 'h2') return classWeight(el) < 0;
  if (!CLEANED.has(name)) return false;
  if (c.commas < 10) {
    const words = shortText(el);
    if (words !== '' && (AD_WORDS.test(words) || LOADING_WORDS.test(words))) return true;
  }
  return isJunk(el, c, inFigure);
}
