import type { BlockKind, CitationRole } from '../types.js';
import { BlockBuilder, type RawBlock, type RawLink } from './block-builder.js';
import type { DomNode } from './dom.js';
import { pushEachChild } from '../sources/html-tree.js';
import { looksLikeFootnoteMark } from '../sources/footnote-mark.js';
import { isContentsList } from './contents-list.js';
import { TeaserCards } from './teaser-cards.js';
import { anchorRole, containerRole, isAvatar, isTellingAlt, isWidgetAnchor } from './link-roles.js';
import { BLOCK_BREAK, ORPHAN_A, ORPHAN_COUNT, REOPENED_A, STRONG_END } from './prepare-html.js';
import { ReadInside } from './read-inside.js';
import { sliceWhole } from '../sources/text-slice.js';

/** Elements that are blocks, and their kind. */
const BLOCK_KIND: Record<string, BlockKind> = {
  p: 'paragraph',
  li: 'list-item',
  blockquote: 'blockquote',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  td: 'table-cell',
  th: 'table-cell',
  figcaption: 'figcaption',
  dt: 'definition-term',
  dd: 'definition',
};

/** Class names of a picture's caption written as a paragraph or a box. */
const CAPTION_CLASS =
  /^(?:wp-caption-text|caption|caption-text|image-caption|img-caption|photo-caption|media-caption|figure-caption|picture-caption)$/i;

/** True for an element whose class says it is a picture's caption. */
function isCaptionElement(node: DomNode): boolean {
  const value = node.attribs?.class;
  return value !== undefined && value.split(/\s+/).some((t) => CAPTION_CLASS.test(t));
}

/**
 * Never part of the post's text: page chrome, code, scripts, forms. `pre` and `code` hold
 * examples, not claims, and links inside them are not citations. Except (read-inside.ts) a
 * `<pre>` with links and an article's own `<header>`, which reader modes keep.
 */
const SKIPPED = new Set([
  'nav',
  'header',
  'footer',
  'aside',
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'pre',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'svg',
  'math',
  'select',
  'button',
  'textarea',
  'input',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'iframe',
  'dialog',
]);

/**
 * Page chrome marked by class, id or ARIA role rather than by element: related-post lists,
 * comments, cookie banners, newsletter boxes. Themes and plugins (Jetpack adds related posts
 * and sharing to `content.rendered` itself) put them inside the article, and their links are
 * not the author's citations. Share bars are read, their links given the role `share`
 * (link-roles.ts), as issue 8 asks: kept in the report, never counted as sources.
 */
const CHROME_TOKEN =
  /^(?:related|related[-_]?(?:posts?|articles?|stories|content|links)|jp-relatedposts|yarpp-related|crp_related|social-?(?:links|icons)|comments|comments?[-_](?:area|section|list|wrapper)|comment-respond|commentlist|cookie-?(?:banner|notice|consent|bar)|gdpr-?(?:banner|notice)|newsletter-?(?:signup|box|form)?|breadcrumbs?|advert|advertisement|sidebar|author-?(?:bio|box)|post-navigation|nav-links|skip-link|screen-reader-text)$/i;
const CHROME_IDS = new Set([
  'comments',
  'respond',
  'related',
  'related-posts',
  'disqus_thread',
  'jp-relatedposts',
  'sidebar',
  'cookie-banner',
]);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search']);

/** True when an element is page chrome by its class, id or role (see CHROME_TOKEN). */
function isChrome(node: DomNode): boolean {
  const a = node.attribs;
  if (!a) return false;
  if (a.role !== undefined && CHROME_ROLES.has(a.role.trim().toLowerCase())) return true;
  if (a.id !== undefined && CHROME_IDS.has(a.id.trim().toLowerCase())) return true;
  if (a.class === undefined) return false;
  for (const token of a.class.split(/\s+/)) if (token !== '' && CHROME_TOKEN.test(token)) return true;
  return false;
}

/** Inline elements: they continue the text around them. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'iframe',
  'big',
  ORPHAN_A,
  STRONG_END,
]);

/** The text of a footnote mark: a small number, bracketed or not ("3", "[12]"). */
const FOOTNOTE_MARK = /^\s*\[?\d{1,3}\]?\s*$/;

/** Code-like inline elements whose text counts but whose links do not. */
const CODE = new Set(['code', 'kbd', 'samp', 'tt']);

/** Options of one walk. */
export interface WalkOptions {
  /** Record img/iframe sources as citations. */
  includeMedia: boolean;
  /** Attribute holding a source line (Markdown rendering), if any. */
  lineAttr?: string;
  /** Attribute marking an `<a>` rendered from a broken Markdown link (MarkdownBrokenLink), if any. */
  brokenAttr?: string;
  /** Line of a source offset, when lines come from node positions. */
  lineOf?: (offset: number) => number;
  /** The body is a post's own content (WordPress), not a page: its asides are read as an article's (read-inside.ts). */
  postContent?: boolean;
  /** True for an absolute href to the post's own site (a card of another story links there: teaser-cards.ts). */
  ownLink?: (href: string) => boolean;
}

/** Normalised `rel` tokens. */
function relTokens(rel: string | undefined): string[] {
  // Most links have none: one shared empty list (frozen), not an array kept per citation.
  if (!rel) return NO_REL;
  const tokens = rel.toLowerCase().split(/\s+/).filter(Boolean);
  return tokens.length === 0 ? NO_REL : tokens;
}

/** The `rel` tokens of a link that has none (shared, frozen: never changed). */
const NO_REL: string[] = Object.freeze([]) as unknown as string[];

/** Longest anchor text kept; longer ones are cut with "…" (a link around a whole paragraph). */
export const MAX_ANCHOR_CHARS = 300;

/** `text` trimmed and cut to `max` characters at most, ending with "…" when cut. */
export function capText(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  return `${sliceWhole(trimmed, max - 1).trimEnd()}…`;
}

/**
 * One level of the walk: the child nodes being read, and how. Kept on an explicit stack, not
 * the call stack: a post of 5,000 nested elements is 5,000 frames of data, not a crash.
 */
interface Frame {
  /** The nodes of this level. */
  nodes: DomNode[];
  /** The next node to read. */
  i: number;
  /** Inline content of the block being built (`b`), or block-level content. */
  b: BlockBuilder | undefined;
  /** Block frames: the kind loose text and nested `<p>` take. */
  kind: BlockKind;
  /** Inline frames: inside code (links there are examples, not citations). */
  inCode: boolean;
  /** Block frames: the previous node was a `<br>` (two make a paragraph break). */
  afterBr: boolean;
  /** Run when the level is done. */
  exit: (() => void) | undefined;
  /** The level is a block of its own (`b`), emitted when the level is done, before `exit`. */
  emits: boolean;
}

// WHY_SPLIT: a function whose variables (`this` included) a closure inside it holds allocates
// their context at every call, whichever branch it takes. The walk's per-node methods are split
// so that text nodes, orphan tags and plain paragraphs' text never pay for the closures of
// links, quotes, notes and lists (~100 bytes per node: tens of MB on a page of 100,000 paragraphs).

// What trim() removes is what \s matches (white space and line terminators): a text is blank
// when no character is outside it. A test, not trim(): no new string per text node.
const NOT_SPACE = /\S/;

/** True when `text` is empty or only white space (same as `text.trim() === ''`). */
function isBlank(text: string): boolean {
  return !NOT_SPACE.test(text);
}

/** One exit running two (a level's own, then what entering its element set up); no closure in push(). */
function both(first: () => void, second: () => void): () => void {
  return () => {
    first();
    second();
  };
}

/** Elements that make a quote more than running text: such a blockquote is walked block by block. */
const COMPLEX_IN_QUOTE = new Set(['ul', 'ol', 'dl', 'table', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements a footnote is: the nearest of these around the element a mark points to. */
const NOTE_ELEMENTS = new Set(['li', 'p', 'dd', 'div', 'aside', 'section', 'td', 'footer']);

// Paragraphs (<p>) a cell must hold to be a column of a page laid out in a table.
const LAYOUT_CELL_PARAGRAPHS = 2;
// Characters of text a cell of paragraphs must hold to make its row layout: a story's column, not
// a data table's notes cell of two short <p>.
const LAYOUT_CELL_CHARS = 300;
// Elements of a cell looked at to tell layout from data.
const LAYOUT_CELL_SCAN = 2000;

/**
 * True for a cell of a table used for page layout, not data, by what it holds: a table of its
 * own or two or more paragraphs (a table marked role="presentation" is layout whatever its cells
 * hold: inPresentationTable). Old sites and
 * news weeklies put the whole article in one cell; its paragraphs are paragraphs (claims), where
 * a data cell's figure takes its source from the table's caption or the text around it.
 */
function isLayoutCell(cell: DomNode, minChars = 0): boolean {
  let paragraphs = 0;
  let chars = 0;
  let seen = 0;
  const stack = [...(cell.children ?? [])];
  // Bounded: nested cells each look at their own subtree, so a deep table of tables stays linear-ish.
  while (stack.length > 0 && seen++ < LAYOUT_CELL_SCAN) {
    const node = stack.pop() as DomNode;
    if (node.type === 'text') chars += (node.data ?? '').length;
    if (node.type !== 'tag') continue;
    if (node.name === 'table') return true;
    if (node.name === 'p') paragraphs++;
    pushEachChild(stack, node);
  }
  return paragraphs >= LAYOUT_CELL_PARAGRAPHS && chars >= minChars;
}

/** True for a cell of a table marked as layout (`role="presentation"` or `"none"`), whatever it holds. */
function inPresentationTable(cell: DomNode): boolean {
  let table = cell.parent;
  while (table && table.name !== 'table') table = table.parent;
  const role = table?.attribs?.role?.trim().toLowerCase();
  return role === 'presentation' || role === 'none';
}

/** Walks a parsed body into raw blocks in reading order. */
export class BlockWalker {
  readonly blocks: RawBlock[] = [];
  private loose: BlockBuilder | undefined;
  private line: number | undefined;
  /** A `<blockquote cite>` waiting for the first block inside it. */
  private pendingCite: string | undefined;
  /** Elements holding a block element (containers, not leaf blocks), found before the walk. */
  private readonly blocky = new Set<DomNode>();
  /** Elements holding a list, table, heading or nested quote (see COMPLEX_IN_QUOTE). */
  private readonly complex = new Set<DomNode>();
  private readonly stack: Frame[] = [];
  /** The widget or navigation role of each element's surroundings, found once per element. */
  private readonly roles = new Map<DomNode, CitationRole | null>();
  /** Images read so far, and the alt text of the first one since the current `<a>` opened. */
  private images = 0;
  private imageAlt: string | undefined;
  /** Footnotes: each note element and its id; each mark link and the id it points to. */
  private readonly notes = new Map<DomNode, string>();
  private readonly markLinks = new Map<DomNode, string>();
  /** The footnote being read, if any. */
  private note: string | undefined;
  /** Depth of merged quotes being read (their `<footer>` attribution is text, not chrome). */
  private quoteDepth = 0;
  /** Open figures: how many blocks there were when each began. */
  private readonly figures: number[] = [];
  /** Open lists: the next item number of an ordered list, undefined for others. */
  private readonly lists: Array<number | undefined> = [];
  /** The number of the list item being read, for its first block. */
  private pendingNumber: number | undefined;
  /** An `<a href>` around blocks (a card), waiting for the first block inside it to carry its link. */
  private pendingWrap: RawLink | undefined;
  /** Run by the next push() when its frame ends (leaving a footnote, a figure, a list). */
  private onPush: (() => void) | undefined;
  /** Skipped kinds read all the same: a `<pre>` with links, an article's `<header>` (read-inside.ts). */
  private readonly inside: ReadInside;

  constructor(private readonly opts: WalkOptions) {
    this.inside = new ReadInside(opts.postContent ?? false);
    this.cards = new TeaserCards(opts.ownLink, opts.postContent ?? false);
  }

  /** Rows holding a layout cell (isLayoutCell), by row: each row is looked at once. */
  private readonly layoutRows = new Map<DomNode, boolean>();

  /** True for a cell whose row holds a layout cell: the row is page layout, not a table's data. */
  private inLayoutRow(cell: DomNode): boolean {
    const row = cell.parent;
    if (!row || row.name !== 'tr') return false;
    let answer = this.layoutRows.get(row);
    if (answer === undefined) {
      answer = (row.children ?? []).some(
        (c) => (c.name === 'td' || c.name === 'th') && this.blocky.has(c) && isLayoutCell(c, LAYOUT_CELL_CHARS),
      );
      this.layoutRows.set(row, answer);
    }
    return answer;
  }

  /** Lists found to be a table of contents (contents-list.ts), by list: each is looked at once. */
  private readonly contents = new Map<DomNode, boolean>();

  /** Cards of other stories side by side (teaser-cards.ts). */
  private readonly cards: TeaserCards;

  /**
   * True for page chrome (isChrome), a list that is a table of contents (navigation as a `<nav>`
   * is), or a card of another story beside others: related content, skipped whole.
   */
  private isChromeAt(node: DomNode): boolean {
    if (isChrome(node) || this.cards.inList(node)) return true;
    if (node.name !== 'ul' && node.name !== 'ol') return false;
    let answer = this.contents.get(node);
    if (answer === undefined) {
      answer = isContentsList(node);
      this.contents.set(node, answer);
    }
    return answer;
  }

  /** True for an element of a kind never read (SKIPPED), unless read-inside.ts reads it all the same. */
  private skippedKind(node: DomNode): boolean {
    return SKIPPED.has(node.name ?? '') && !this.inside.reads(node);
  }

  /** Line of a node, from its location or the Markdown line attribute; remembered for loose text. */
  private noteLine(node: DomNode): number | undefined {
    if (this.opts.lineAttr && node.attribs?.[this.opts.lineAttr] !== undefined) {
      this.line = Number(node.attribs[this.opts.lineAttr]);
    } else if (this.opts.lineOf && typeof node.startIndex === 'number') {
      this.line = this.opts.lineOf(node.startIndex);
    }
    return this.line;
  }

  /** Line of an element itself (a link), in the units of noteLine; the current line when unknown. */
  private lineAt(node: DomNode): number | undefined {
    const attr = this.opts.lineAttr !== undefined ? node.attribs?.[this.opts.lineAttr] : undefined;
    if (attr !== undefined) return Number(attr);
    if (this.opts.lineOf && typeof node.startIndex === 'number') return this.opts.lineOf(node.startIndex);
    return this.line;
  }

  private emit(builder: BlockBuilder): void {
    const block = builder.finish();
    if (!block) return;
    if (this.pendingCite !== undefined) {
      // A new list: the block's may be the builders' shared empty one.
      const cite: RawLink = {
        href: this.pendingCite,
        start: 0,
        end: 0,
        anchorText: '',
        rel: [],
        origin: 'blockquote-cite',
      };
      block.links = [cite, ...block.links];
      this.pendingCite = undefined;
    }
    if (this.note !== undefined) {
      block.note = this.note;
      block.kind = 'footnote';
    }
    if (this.pendingNumber !== undefined) {
      block.listNumber = this.pendingNumber;
      this.pendingNumber = undefined;
    }
    if (this.pendingWrap !== undefined) {
      const anchorText = capText(block.text, MAX_ANCHOR_CHARS);
      // A new list: the block's may be the builders' shared empty one.
      block.links = [{ ...this.pendingWrap, end: block.text.length, anchorText }, ...block.links];
      this.pendingWrap = undefined;
    }
    this.blocks.push(block);
  }

  /** Ends the current run of text outside any block element. */
  private flush(): void {
    if (this.loose) {
      const builder = this.loose;
      this.loose = undefined;
      this.emit(builder);
    }
  }

  private looseBuilder(kind: BlockKind, node: DomNode): BlockBuilder {
    if (!this.loose) this.loose = new BlockBuilder(kind, this.noteLine(node));
    return this.loose;
  }

  /**
   * One pass before the walk, from the leaves up: which elements hold blocks (`blocky`) or
   * lists and tables (`complex`) — asking each element in turn re-read its whole subtree,
   * quadratic in the nesting depth — and which links are footnote marks, and their notes.
   */
  private prepare(nodes: DomNode[]): void {
    this.cards.settle(nodes);
    const order: DomNode[] = [];
    const ids = new Map<string, DomNode>();
    const jumps: DomNode[] = [];
    const stack = [...nodes];
    while (stack.length > 0) {
      const node = stack.pop() as DomNode;
      if (node.type !== 'tag') continue;
      order.push(node);
      const a = node.attribs;
      if (a !== undefined) {
        const id = a.id ?? (node.name === 'a' ? a.name : undefined);
        if (id !== undefined && !ids.has(id)) ids.set(id, node);
        if (node.name === 'a' && a.href !== undefined && a.href.trim().length > 1 && a.href.trim().startsWith('#'))
          jumps.push(node);
      }
      pushEachChild(stack, node);
    }
    // Children come after their parent in `order`: read backwards, each child is settled first.
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k];
      const name = node.name ?? '';
      const parent = node.parent;
      if (parent && (COMPLEX_IN_QUOTE.has(name) || this.complex.has(node))) this.complex.add(parent);
      if (this.skippedKind(node) || this.isChromeAt(node)) continue;
      if (BLOCK_KIND[name] !== undefined || name === BLOCK_BREAK || this.blocky.has(node) || this.inside.isCode(node)) {
        if (parent) this.blocky.add(parent);
      }
    }
    for (const link of jumps) this.findNote(link, ids);
  }

  /**
   * A link to `#id` is a footnote mark when it looks like one (in a `<sup>`, a footnote class
   * or role, a mark's text) and the element it points to is no heading and does not hold it;
   * the note is the nearest list item, paragraph or box around that element.
   */
  private findNote(link: DomNode, ids: Map<string, DomNode>): void {
    const id = (link.attribs?.href ?? '').trim().slice(1);
    const target = ids.get(decodeFragment(id));
    if (!target || /^h[1-6]$/.test(target.name ?? '')) return;
    if (!looksLikeFootnoteMark(link)) return;
    let note: DomNode | null | undefined = target;
    while (note && note.type === 'tag' && !NOTE_ELEMENTS.has(note.name ?? '')) note = note.parent;
    if (!note || note.type !== 'tag') return;
    // A note never holds its own mark (then the link jumps within one block).
    for (let up: DomNode | null | undefined = link; up; up = up.parent) if (up === note) return;
    if (!this.notes.has(note)) this.notes.set(note, id);
    this.markLinks.set(link, this.notes.get(note) as string);
  }

  /** Walks the whole body, ending with any text left outside a block. */
  walkBody(nodes: DomNode[]): RawBlock[] {
    this.prepare(nodes);
    this.push(nodes, undefined, 'paragraph', false, undefined);
    while (this.stack.length > 0) {
      const frame = this.stack[this.stack.length - 1];
      if (frame.i >= frame.nodes.length) {
        this.stack.pop();
        if (frame.emits) this.emit(frame.b as BlockBuilder);
        frame.exit?.();
        continue;
      }
      const node = frame.nodes[frame.i++];
      if (frame.b) this.inlineNode(node, frame.b, frame.inCode);
      else {
        this.blockNode(node, frame);
        // An element that pushed no frame (skipped, empty) leaves at once.
        if (this.onPush) {
          const leave = this.onPush;
          this.onPush = undefined;
          leave();
        }
      }
    }
    this.flush();
    return this.blocks;
  }

  private push(
    nodes: DomNode[],
    b: BlockBuilder | undefined,
    kind: BlockKind,
    inCode: boolean,
    exit: (() => void) | undefined,
    emits = false,
  ): void {
    let done = exit;
    if (this.onPush) {
      const leave = this.onPush;
      this.onPush = undefined;
      done = exit ? both(exit, leave) : leave;
    }
    this.stack.push({ nodes, i: 0, b, kind, inCode, afterBr: false, exit: done, emits });
  }

  /** Before an element of a container: enter a footnote, a figure or a list (left by onPush). */
  private enter(node: DomNode): void {
    const name = node.name ?? '';
    const key = this.notes.get(node);
    if (key === undefined && name !== 'figure' && name !== 'ol' && name !== 'ul' && name !== 'li') return;
    this.enterMarked(node, name, key);
  }

  /** enter() of a note, figure, list or list item (its closures allocated for these only: see WHY_SPLIT). */
  private enterMarked(node: DomNode, name: string, key: string | undefined): void {
    const leaves: Array<() => void> = [];
    if (key !== undefined && this.note === undefined) {
      this.flush();
      this.note = key;
      leaves.push(() => {
        this.flush();
        this.note = undefined;
      });
    }
    if (name === 'figure') {
      this.flush();
      this.figures.push(this.blocks.length);
      leaves.push(() => this.figures.pop());
    } else if (name === 'ol' || name === 'ul') {
      const start = Number.parseInt(node.attribs?.start ?? '1', 10);
      this.lists.push(name === 'ol' ? (Number.isFinite(start) ? start : 1) : undefined);
      leaves.push(() => this.lists.pop());
    } else if (name === 'li' && this.lists.length > 0) {
      const next = this.lists[this.lists.length - 1];
      if (next !== undefined) {
        const value = Number.parseInt(node.attribs?.value ?? '', 10);
        const number = Number.isFinite(value) ? value : next;
        this.lists[this.lists.length - 1] = number + 1;
        this.pendingNumber = number;
        leaves.push(() => (this.pendingNumber = undefined));
      }
    }
    if (leaves.length > 0) this.onPush = () => leaves.reverse().forEach((leave) => leave());
  }

  /** One node of a container; `frame.kind` is the kind loose text and nested `p` take. */
  private blockNode(node: DomNode, frame: Frame): void {
    const kind = frame.kind;
    // `<br><br>` in text outside any block is the blank line of hand-written HTML: a new paragraph.
    if (node.type === 'tag' && node.name === 'br') {
      if (frame.afterBr) {
        this.flush();
        return;
      }
      frame.afterBr = true;
    } else if (node.type === 'tag' || (node.type === 'text' && !isBlank(node.data ?? ''))) frame.afterBr = false;
    if (node.type === 'text') {
      const data = node.data ?? '';
      if (!this.loose && isBlank(data)) return;
      // Blank lines separate paragraphs in text that lost its <p> tags.
      const parts = data.includes('\n') ? data.split(/\n[ \t\r]*\n/) : [data];
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) this.flush();
        if (!isBlank(parts[i]) || this.loose) this.looseBuilder(kind, node).append(parts[i]);
      }
      return;
    }
    if (node.type !== 'tag') return;
    const name = node.name ?? '';
    if (name === BLOCK_BREAK) {
      this.flush();
      return;
    }
    this.blockElement(node, name, kind);
  }

  /** An element of a container (blockNode's; its closures allocated for elements only: see WHY_SPLIT). */
  private blockElement(node: DomNode, name: string, kind: BlockKind): void {
    if (this.inside.isCode(node) && !this.isChromeAt(node)) {
      // Preformatted text with links: one block, its text code (no claim), its links read.
      this.flush();
      const builder = new BlockBuilder('paragraph', this.noteLine(node));
      this.push(node.children ?? [], builder, 'paragraph', false, () => {
        builder.addCodeRange(0);
        this.emit(builder);
      });
      return;
    }
    if ((this.skippedKind(node) && !(this.opts.includeMedia && name === 'iframe')) || this.isChromeAt(node)) {
      if (!INLINE.has(name)) this.flush();
      return;
    }
    this.enter(node);
    const children = node.children ?? [];
    let blockKind = BLOCK_KIND[name];
    // A layout table's cell of plain text is a paragraph too (its text is no data cell's), and so
    // is a cell beside a layout cell in its row (the story's text next to a photo's table).
    if (
      blockKind === 'table-cell' &&
      (inPresentationTable(node) || (this.blocky.has(node) && isLayoutCell(node)) || this.inLayoutRow(node))
    )
      blockKind = 'paragraph';
    if (blockKind !== undefined) {
      this.flush();
      // A paragraph of a caption class is a caption ("wp-caption-text", WordPress's classic captions).
      const own = name === 'p' ? (kind === 'paragraph' && isCaptionElement(node) ? 'figcaption' : kind) : blockKind;
      if (name === 'blockquote') {
        this.quoteElement(node, children, own);
        return;
      }
      if (this.blocky.has(node)) {
        this.noteLine(node);
        this.push(children, undefined, own === 'heading' ? 'paragraph' : own, false, () => this.flush());
      } else {
        const builder = new BlockBuilder(own, this.noteLine(node));
        if (name === 'figcaption' && this.figures.length > 0) {
          builder.caption = this.blocks.length > this.figures[this.figures.length - 1];
        }
        // Emitted by the walk when the level is done: no closure per paragraph.
        this.push(children, builder, own, false, undefined, true);
      }
      return;
    }
    if (INLINE.has(name) && !this.blocky.has(node)) {
      const builder = this.looseBuilder(kind, node);
      // A marker of an orphan end tag is read at once, as its level would read it next (no
      // frame or list of its own: 70,000 of them in a paragraph of lost links).
      if (name === ORPHAN_A || name === STRONG_END) this.inlineNode(node, builder, false);
      else this.push([node], builder, kind, false, undefined);
      return;
    }
    // A container (div, section, ul, table, …) or an inline element wrapping blocks; a caption's
    // (`<div class="caption">`) text is a caption.
    this.flush();
    this.noteLine(node);
    if (kind === 'paragraph' && name === 'div' && isCaptionElement(node)) kind = 'figcaption';
    // A link around blocks (a story's card: its headline and teaser in one `<a>`): the first
    // block inside carries it, whole, as its text; it would otherwise be in no block at all.
    if (name === 'a') this.pendingWrap = this.wrappingLink(node);
    this.push(children, undefined, kind, false, () => {
      this.flush();
      if (name === 'a') this.pendingWrap = undefined;
    });
  }

  /** A `<blockquote>` of a container (blockElement's; its closures allocated for quotes only: see WHY_SPLIT). */
  private quoteElement(node: DomNode, children: DomNode[], own: BlockKind): void {
    const cite = node.attribs?.cite?.trim();
    if (cite) this.pendingCite = cite;
    const clearCite = (): void => {
      if (cite && this.pendingCite === cite) this.pendingCite = undefined;
    };
    // A quote of running text is one quote block, its <cite> or <footer> attribution with it.
    const mergedQuote = !this.complex.has(node);
    if (this.blocky.has(node) && !mergedQuote) {
      this.noteLine(node);
      this.push(children, undefined, own === 'heading' ? 'paragraph' : own, false, () => {
        this.flush();
        clearCite();
      });
      return;
    }
    const builder = new BlockBuilder(own, this.noteLine(node));
    if (mergedQuote) this.quoteDepth++;
    this.push(children, builder, own, false, () => {
      if (mergedQuote) this.quoteDepth--;
      this.emit(builder);
      clearCite();
    });
  }

  /** The link of an `<a>` around blocks, when it has a usable href (its role from its marks and surroundings). */
  private wrappingLink(node: DomNode): RawLink | undefined {
    const attribs = node.attribs ?? {};
    const href = attribs.href?.trim();
    if (href === undefined || href === '' || href === '#' || this.note !== undefined) return undefined;
    if (attribs[REOPENED_A] !== undefined) return undefined;
    const link: RawLink = {
      href: attribs.href as string,
      start: 0,
      end: 0,
      anchorText: '',
      rel: relTokens(attribs.rel),
      origin: 'a',
      line: this.lineAt(node),
    };
    const role = anchorRole(node) ?? (node.parent ? this.contextRole(node.parent) : undefined);
    if (role !== undefined) link.role = role;
    return link;
  }

  /** One node of inline content of `b`. `inCode` suppresses links (code spans are examples). */
  private inlineNode(node: DomNode, b: BlockBuilder, inCode: boolean): void {
    if (node.type === 'text') {
      b.append(node.data ?? '');
      return;
    }
    if (node.type !== 'tag') return;
    const name = node.name ?? '';
    switch (name) {
      case ORPHAN_A: {
        const count = node.attribs?.[ORPHAN_COUNT];
        if (count !== undefined) {
          b.omitDamage(Number(count));
          return;
        }
        const { word, offset } = b.lastWord();
        b.addDamage({ anchorText: word, offset, reason: 'orphan-close-tag', line: this.lineAt(node) });
        return;
      }
      case STRONG_END:
        b.strongEnded();
        return;
      case 'br':
      case 'wbr':
        if (name === 'br') b.space();
        return;
    }
    this.inlineElement(node, name, b, inCode);
  }

  /** An element of inline content (inlineNode's; its closures allocated for these only: see WHY_SPLIT). */
  private inlineElement(node: DomNode, name: string, b: BlockBuilder, inCode: boolean): void {
    const attribs = node.attribs ?? {};
    const children = node.children ?? [];
    switch (name) {
      case 'a': {
        const start = b.length;
        const images = this.images;
        this.imageAlt = undefined;
        this.push(children, b, 'paragraph', inCode, () => this.anchor(node, b, start, inCode, this.images > images));
        return;
      }
      case 'q': {
        const cite = attribs.cite?.trim();
        const start = b.length;
        b.hasQuote = true;
        this.push(children, b, 'paragraph', inCode, () => {
          if (cite && !inCode)
            b.addLink({
              href: cite,
              start,
              end: b.length,
              anchorText: capText(b.textFrom(start, MAX_ANCHOR_CHARS + 2), MAX_ANCHOR_CHARS),
              rel: [],
              origin: 'q-cite',
            });
        });
        return;
      }
      case 'img':
      case 'iframe':
        if (name === 'img') {
          this.images++;
          // An avatar's alt is a person's name, never what a link cites (link-roles.ts).
          if (this.imageAlt === undefined) this.imageAlt = isAvatar(node) ? '' : (attribs.alt ?? '');
        }
        if (this.opts.includeMedia && !inCode && attribs.src?.trim()) {
          const at = b.length;
          b.addLink({
            href: attribs.src.trim(),
            start: at,
            end: at,
            anchorText: capText(attribs.alt ?? attribs.title ?? '', MAX_ANCHOR_CHARS),
            rel: [],
            origin: name,
          });
        }
        return;
      case 'sup': {
        // "shipped.<sup>3</sup>" marks a footnote, whose number is no figure of the claim.
        // After a digit it is an exponent ("10<sup>6</sup>"), part of a figure: keep it.
        const start = b.length;
        const afterDigit = /\d/.test(b.charBefore(start));
        this.push(children, b, 'paragraph', inCode, () => {
          if (!afterDigit && b.length - start <= 12 && FOOTNOTE_MARK.test(b.textFrom(start))) b.addFootnoteMark(start);
        });
        return;
      }
      case 'cite': {
        // A line that is mostly a <cite> ("— <cite>Jane Doe, Harbour Review</cite>") is an attribution.
        const start = b.length;
        this.push(children, b, 'paragraph', inCode, () => (b.citeChars += b.length - start));
        return;
      }
      case 'strong':
      case 'b':
        b.strongDepth++;
        this.push(children, b, 'paragraph', inCode, () => b.strongDepth--);
        return;
    }
    const attribution = this.quoteDepth > 0 && (name === 'footer' || name === 'header');
    if ((this.skippedKind(node) && !attribution) || this.isChromeAt(node)) return;
    if (this.inside.isCode(node)) {
      const codeStart = b.length;
      b.space();
      this.push(children, b, 'paragraph', inCode, () => b.addCodeRange(codeStart));
      return;
    }
    if (INLINE.has(name)) {
      // Code is an example: its digits and words are no claim (signals.ts blanks these ranges).
      const codeStart = b.length;
      // The `<code>` a `<pre>` read for its links wraps is the pre's text, not a span (read-inside.ts).
      const codeSpan = CODE.has(name) && !this.inside.isPreText(node);
      const isCode = codeSpan && !inCode;
      this.push(children, b, 'paragraph', inCode || codeSpan, isCode ? () => b.addCodeRange(codeStart) : undefined);
    } else {
      // A block-level element inside a leaf (div in td, p in a quote): keep words apart.
      b.space();
      this.push(children, b, 'paragraph', inCode, () => b.space());
    }
  }

  /**
   * The role the surroundings of `node` give its links (a tag list, a share bar, a menu), from
   * the nearest container that has one. Each element is looked at once: the answer is kept.
   */
  private contextRole(node: DomNode): CitationRole | undefined {
    const path: DomNode[] = [];
    let found: CitationRole | null = null;
    for (let el: DomNode | null | undefined = node; el && el.type === 'tag'; el = el.parent) {
      const known = this.roles.get(el);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(el);
      const role = containerRole(el);
      if (role !== undefined) {
        found = role;
        break;
      }
    }
    for (const el of path) this.roles.set(el, found);
    return found ?? undefined;
  }

  /**
   * An `<a>` read up to `b.length`: a citation when it has a usable href, else a damaged
   * anchor (unless a named target or a widget). `hasImage`: an image was inside it. A
   * footnote mark and a note's back-link ("↩") are neither: the note credits the block.
   */
  private anchor(node: DomNode, b: BlockBuilder, start: number, inCode: boolean, hasImage: boolean): void {
    const attribs = node.attribs ?? {};
    let anchorText = capText(b.textFrom(start, MAX_ANCHOR_CHARS + 2), MAX_ANCHOR_CHARS);
    if (inCode) return;
    const href = attribs.href;
    const mark = this.markLinks.get(node);
    if (mark !== undefined && mark !== this.note) {
      b.addMark(mark);
      b.addFootnoteMark(start);
      return;
    }
    if (this.note !== undefined && href?.trim().startsWith('#')) return;
    const broken = this.opts.brokenAttr !== undefined ? attribs[this.opts.brokenAttr] : undefined;
    const line = this.lineAt(node);
    if (broken === 'undefined-reference') {
      b.addDamage({ anchorText, offset: start, reason: 'undefined-reference', line });
      return;
    }
    // A Markdown link no renderer shows (a space in its URL, a bad definition): the reason rides along.
    if (broken !== undefined && href !== undefined) {
      const invalid = attribs[`${this.opts.brokenAttr}-reason`] ?? `broken Markdown link (${broken})`;
      b.addLink({ href, start, end: b.length, anchorText, rel: [], origin: 'a', invalid, line });
      return;
    }
    const context = node.parent ? this.contextRole(node.parent) : undefined;
    if (href !== undefined && href.trim() !== '' && href.trim() !== '#') {
      let role = anchorRole(node) ?? context;
      // A link around an image alone: a photo linked to its full size, not a source, unless
      // its alt text says what it cites (then that is its anchor text) or --include-media.
      // An icon link's label ("Source: Bureau of Labor Statistics" in aria-label or title) says
      // what it cites as an image's alt does: that is its anchor text.
      const label = anchorText === '' ? (attribs['aria-label'] ?? attribs.title ?? '') : '';
      if (anchorText === '' && hasImage && isTellingAlt(this.imageAlt ?? '')) {
        anchorText = capText(this.imageAlt ?? '', MAX_ANCHOR_CHARS);
      } else if (anchorText === '' && isTellingAlt(label)) {
        anchorText = capText(label.trim(), MAX_ANCHOR_CHARS);
      } else if (anchorText === '' && !this.opts.includeMedia) {
        // An image alone (a photo linked to its full size), or no text and no image (a logo
        // drawn by CSS, an icon font or an SVG icon): nothing a reader sees says what it
        // cites. Not a source, unless --include-media.
        role ??= 'image';
      }
      const link: RawLink = { href, start, end: b.length, anchorText, rel: relTokens(attribs.rel), origin: 'a', line };
      if (role !== undefined) link.role = role;
      if (attribs['data-versionurl']) link.versionUrl = attribs['data-versionurl'];
      b.addLink(link);
      return;
    }
    // <a name="x">Section</a> / <a id="x"></a> is a link target (a bookmark), not a lost
    // link, with or without text; an <a> with neither href nor text has nothing to report.
    if (href === undefined && anchorText === '') return;
    if (href === undefined && (attribs.name !== undefined || attribs.id !== undefined)) return;
    // A share button, a "wp-block-button__link" or a scripted toggle has no href by design.
    if (isWidgetAnchor(node) || (context !== undefined && context !== 'navigation')) return;
    b.addDamage({ anchorText, offset: start, reason: href === undefined ? 'missing-href' : 'empty-href', line });
  }
}

/** A fragment as an id: percent-escapes decoded when they decode. */
function decodeFragment(fragment: string): string {
  if (!fragment.includes('%')) return fragment;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
