import type { BlockKind, CitationRole } from '../types.js';
import { BlockBuilder, type RawBlock, type RawLink } from './block-builder.js';
import type { DomNode } from './dom.js';
import { anchorRole, containerRole, isTellingAlt, isWidgetAnchor } from './link-roles.js';
import { BLOCK_BREAK, ORPHAN_A, STRONG_END } from './prepare-html.js';

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

/**
 * Never part of the post's text: page chrome, code, scripts, forms. `pre` and `code` hold
 * examples, not claims, and links inside them are not citations.
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
 * share buttons, comments, cookie banners, newsletter boxes. Themes and plugins (Jetpack adds
 * related posts and sharing to `content.rendered` itself) put them inside the article, and
 * their links are not the author's citations.
 */
const CHROME_TOKEN =
  /^(?:related|related[-_]?(?:posts?|articles?|stories|content|links)|jp-relatedposts|yarpp-related|crp_related|sharedaddy|sharing|share-?buttons|social-?(?:share|sharing|links|icons|buttons)|comments|comments?[-_](?:area|section|list|wrapper)|comment-respond|commentlist|cookie-?(?:banner|notice|consent|bar)|gdpr-?(?:banner|notice)|newsletter-?(?:signup|box|form)?|breadcrumbs?|advert|advertisement|sidebar|author-?(?:bio|box)|post-navigation|nav-links|skip-link|screen-reader-text)$/i;
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
export function isChrome(node: DomNode): boolean {
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
}

/** Normalised `rel` tokens. */
function relTokens(rel: string | undefined): string[] {
  return rel ? rel.toLowerCase().split(/\s+/).filter(Boolean) : [];
}

/** Longest anchor text kept; longer ones are cut with "…" (a link around a whole paragraph). */
export const MAX_ANCHOR_CHARS = 300;

/** `text` trimmed and cut to `max` characters at most, ending with "…" when cut. */
export function capText(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  return `${trimmed.slice(0, max - 1).trimEnd()}…`;
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
  private readonly stack: Frame[] = [];
  /** The widget or navigation role of each element's surroundings, found once per element. */
  private readonly roles = new Map<DomNode, CitationRole | null>();
  /** Images read so far, and the alt text of the first one since the current `<a>` opened. */
  private images = 0;
  private imageAlt: string | undefined;

  constructor(private readonly opts: WalkOptions) {}

  /** Line of a node, from its location or the Markdown line attribute; remembered for loose text. */
  private noteLine(node: DomNode): number | undefined {
    if (this.opts.lineAttr && node.attribs?.[this.opts.lineAttr] !== undefined) {
      this.line = Number(node.attribs[this.opts.lineAttr]);
    } else if (this.opts.lineOf && typeof node.startIndex === 'number') {
      this.line = this.opts.lineOf(node.startIndex);
    }
    return this.line;
  }

  private emit(builder: BlockBuilder): void {
    const block = builder.finish();
    if (!block) return;
    if (this.pendingCite !== undefined) {
      block.links.unshift({
        href: this.pendingCite,
        start: 0,
        end: 0,
        anchorText: '',
        rel: [],
        origin: 'blockquote-cite',
      });
      this.pendingCite = undefined;
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
   * Marks every element that holds a block element (`blocky`), in one pass from the leaves up:
   * asking each element in turn re-read its whole subtree, quadratic in the nesting depth.
   */
  private findContainers(nodes: DomNode[]): void {
    const order: DomNode[] = [];
    const stack = [...nodes];
    while (stack.length > 0) {
      const node = stack.pop() as DomNode;
      if (node.type !== 'tag') continue;
      order.push(node);
      for (const child of node.children ?? []) stack.push(child);
    }
    // Children come after their parent in `order`: read backwards, each child is settled first.
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k];
      const name = node.name ?? '';
      if (SKIPPED.has(name) || isChrome(node)) continue;
      if (BLOCK_KIND[name] !== undefined || name === BLOCK_BREAK || this.blocky.has(node)) {
        const parent = node.parent;
        if (parent) this.blocky.add(parent);
      }
    }
  }

  /** Walks the whole body, ending with any text left outside a block. */
  walkBody(nodes: DomNode[]): RawBlock[] {
    this.findContainers(nodes);
    this.push(nodes, undefined, 'paragraph', false, undefined);
    while (this.stack.length > 0) {
      const frame = this.stack[this.stack.length - 1];
      if (frame.i >= frame.nodes.length) {
        this.stack.pop();
        frame.exit?.();
        continue;
      }
      const node = frame.nodes[frame.i++];
      if (frame.b) this.inlineNode(node, frame.b, frame.inCode);
      else this.blockNode(node, frame);
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
  ): void {
    this.stack.push({ nodes, i: 0, b, kind, inCode, afterBr: false, exit });
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
    } else if (node.type === 'tag' || (node.type === 'text' && (node.data ?? '').trim() !== '')) frame.afterBr = false;
    if (node.type === 'text') {
      const data = node.data ?? '';
      if (!this.loose && data.trim() === '') return;
      // Blank lines separate paragraphs in text that lost its <p> tags.
      const parts = data.includes('\n') ? data.split(/\n[ \t\r]*\n/) : [data];
      parts.forEach((part, i) => {
        if (i > 0) this.flush();
        if (part.trim() !== '' || this.loose) this.looseBuilder(kind, node).append(part);
      });
      return;
    }
    if (node.type !== 'tag') return;
    const name = node.name ?? '';
    if (name === BLOCK_BREAK) {
      this.flush();
      return;
    }
    if ((SKIPPED.has(name) && !(this.opts.includeMedia && name === 'iframe')) || isChrome(node)) {
      if (!INLINE.has(name)) this.flush();
      return;
    }
    const children = node.children ?? [];
    const blockKind = BLOCK_KIND[name];
    if (blockKind !== undefined) {
      this.flush();
      const own = name === 'p' ? kind : blockKind;
      const cite = name === 'blockquote' ? node.attribs?.cite?.trim() : undefined;
      if (cite) this.pendingCite = cite;
      const clearCite = (): void => {
        if (cite && this.pendingCite === cite) this.pendingCite = undefined;
      };
      if (this.blocky.has(node)) {
        this.noteLine(node);
        this.push(children, undefined, own === 'heading' ? 'paragraph' : own, false, () => {
          this.flush();
          clearCite();
        });
      } else {
        const builder = new BlockBuilder(own, this.noteLine(node));
        this.push(children, builder, own, false, () => {
          this.emit(builder);
          clearCite();
        });
      }
      return;
    }
    if (INLINE.has(name) && !this.blocky.has(node)) {
      this.push([node], this.looseBuilder(kind, node), kind, false, undefined);
      return;
    }
    // A container (div, section, ul, table, …) or an inline element wrapping blocks.
    this.flush();
    this.noteLine(node);
    this.push(children, undefined, kind, false, () => this.flush());
  }

  /** One node of inline content of `b`. `inCode` suppresses links (code spans are examples). */
  private inlineNode(node: DomNode, b: BlockBuilder, inCode: boolean): void {
    if (node.type === 'text') {
      b.append(node.data ?? '');
      return;
    }
    if (node.type !== 'tag') return;
    const name = node.name ?? '';
    const attribs = node.attribs ?? {};
    const children = node.children ?? [];
    switch (name) {
      case ORPHAN_A: {
        const { word, offset } = b.lastWord();
        b.damaged.push({ anchorText: word, offset, reason: 'orphan-close-tag' });
        return;
      }
      case STRONG_END:
        b.strongEnded();
        return;
      case 'br':
      case 'wbr':
        if (name === 'br') b.space();
        return;
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
        this.push(children, b, 'paragraph', inCode, () => {
          if (cite && !inCode)
            b.links.push({
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
          if (this.imageAlt === undefined) this.imageAlt = attribs.alt ?? '';
        }
        if (this.opts.includeMedia && !inCode && attribs.src?.trim()) {
          const at = b.length;
          b.links.push({
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
          if (!afterDigit && b.length - start <= 12 && FOOTNOTE_MARK.test(b.textFrom(start)))
            b.footnoteMarks.push([start, b.length]);
        });
        return;
      }
      case 'strong':
      case 'b':
        b.strongDepth++;
        this.push(children, b, 'paragraph', inCode, () => b.strongDepth--);
        return;
    }
    if (SKIPPED.has(name) || isChrome(node)) return;
    if (INLINE.has(name)) {
      this.push(children, b, 'paragraph', inCode || CODE.has(name), undefined);
    } else {
      // A block-level element inside a leaf (div in td): keep words apart.
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
   * anchor (unless a named target or a widget). `hasImage`: an image was inside it.
   */
  private anchor(node: DomNode, b: BlockBuilder, start: number, inCode: boolean, hasImage: boolean): void {
    const attribs = node.attribs ?? {};
    let anchorText = capText(b.textFrom(start, MAX_ANCHOR_CHARS + 2), MAX_ANCHOR_CHARS);
    if (inCode) return;
    const href = attribs.href;
    const broken = this.opts.brokenAttr !== undefined ? attribs[this.opts.brokenAttr] : undefined;
    if (broken === 'undefined-reference') {
      b.damaged.push({ anchorText, offset: start, reason: 'undefined-reference' });
      return;
    }
    if (broken === 'space-in-url' && href !== undefined) {
      const invalid = 'whitespace in the URL: Markdown shows the link as plain text';
      b.links.push({ href, start, end: b.length, anchorText, rel: [], origin: 'a', invalid });
      return;
    }
    const context = node.parent ? this.contextRole(node.parent) : undefined;
    if (href !== undefined && href.trim() !== '' && href.trim() !== '#') {
      let role = anchorRole(node) ?? context;
      // A link around an image alone: a photo linked to its full size, not a source, unless
      // its alt text says what it cites (then that is its anchor text) or --include-media.
      if (anchorText === '' && hasImage) {
        const alt = this.imageAlt ?? '';
        if (isTellingAlt(alt)) anchorText = capText(alt, MAX_ANCHOR_CHARS);
        else if (!this.opts.includeMedia) role ??= 'image';
      }
      const link: RawLink = { href, start, end: b.length, anchorText, rel: relTokens(attribs.rel), origin: 'a' };
      if (role !== undefined) link.role = role;
      b.links.push(link);
      return;
    }
    // <a name="x">Section</a> / <a id="x"></a> is a link target (a bookmark), not a lost
    // link, with or without text; an <a> with neither href nor text has nothing to report.
    if (href === undefined && anchorText === '') return;
    if (href === undefined && (attribs.name !== undefined || attribs.id !== undefined)) return;
    // A share button, a "wp-block-button__link" or a scripted toggle has no href by design.
    if (isWidgetAnchor(node) || (context !== undefined && context !== 'navigation')) return;
    b.damaged.push({ anchorText, offset: start, reason: href === undefined ? 'missing-href' : 'empty-href' });
  }
}
