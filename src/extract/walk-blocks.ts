import type { BlockKind } from '../types.js';
import { BlockBuilder, type RawBlock } from './block-builder.js';
import type { DomNode } from './dom.js';
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
}

/** Whether an element holds a block element (then it is a container, not a leaf block). */
function hasBlockInside(node: DomNode): boolean {
  for (const child of node.children ?? []) {
    if (child.type !== 'tag') continue;
    const name = child.name ?? '';
    if (SKIPPED.has(name) || isChrome(child)) continue;
    if (BLOCK_KIND[name] !== undefined || name === BLOCK_BREAK || hasBlockInside(child)) return true;
  }
  return false;
}

/** Normalised `rel` tokens. */
function relTokens(rel: string | undefined): string[] {
  return rel ? rel.toLowerCase().split(/\s+/).filter(Boolean) : [];
}

/** Walks a parsed body into raw blocks in reading order. */
export class BlockWalker {
  readonly blocks: RawBlock[] = [];
  private loose: BlockBuilder | undefined;
  private line: number | undefined;
  /** A `<blockquote cite>` waiting for the first block inside it. */
  private pendingCite: string | undefined;

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

  /** Walks the whole body, ending with any text left outside a block. */
  walkBody(nodes: DomNode[]): RawBlock[] {
    this.walk(nodes);
    this.flush();
    return this.blocks;
  }

  /** Walks children of a container; `kind` is the kind loose text and nested `p` take. */
  private walk(nodes: DomNode[], kind: BlockKind = 'paragraph'): void {
    // `<br><br>` in text outside any block is the blank line of hand-written HTML: a new paragraph.
    let afterBr = false;
    for (const node of nodes) {
      if (node.type === 'tag' && node.name === 'br') {
        if (afterBr) {
          this.flush();
          continue;
        }
        afterBr = true;
      } else if (node.type === 'tag' || (node.type === 'text' && (node.data ?? '').trim() !== '')) afterBr = false;
      if (node.type === 'text') {
        const data = node.data ?? '';
        if (!this.loose && data.trim() === '') continue;
        // Blank lines separate paragraphs in text that lost its <p> tags.
        const parts = data.includes('\n') ? data.split(/\n[ \t\r]*\n/) : [data];
        parts.forEach((part, i) => {
          if (i > 0) this.flush();
          if (part.trim() !== '' || this.loose) this.looseBuilder(kind, node).append(part);
        });
        continue;
      }
      if (node.type !== 'tag') continue;
      const name = node.name ?? '';
      if (name === BLOCK_BREAK) {
        this.flush();
        continue;
      }
      if ((SKIPPED.has(name) && !(this.opts.includeMedia && name === 'iframe')) || isChrome(node)) {
        if (!INLINE.has(name)) this.flush();
        continue;
      }
      const blockKind = BLOCK_KIND[name];
      if (blockKind !== undefined) {
        this.flush();
        const own = name === 'p' ? kind : blockKind;
        const cite = name === 'blockquote' ? node.attribs?.cite?.trim() : undefined;
        if (cite) this.pendingCite = cite;
        if (hasBlockInside(node)) {
          this.noteLine(node);
          this.walk(node.children ?? [], own === 'heading' ? 'paragraph' : own);
          this.flush();
        } else {
          const builder = new BlockBuilder(own, this.noteLine(node));
          this.inline(node.children ?? [], builder, false);
          this.emit(builder);
        }
        if (cite && this.pendingCite === cite) this.pendingCite = undefined;
        continue;
      }
      if (INLINE.has(name) && !hasBlockInside(node)) {
        this.inline([node], this.looseBuilder(kind, node), false);
        continue;
      }
      // A container (div, section, ul, table, …) or an inline element wrapping blocks.
      this.flush();
      this.noteLine(node);
      this.walk(node.children ?? [], kind);
      this.flush();
    }
  }

  /** Collects inline content into `b`. `inCode` suppresses links (code spans are examples). */
  private inline(nodes: DomNode[], b: BlockBuilder, inCode: boolean): void {
    for (const node of nodes) {
      if (node.type === 'text') {
        b.append(node.data ?? '');
        continue;
      }
      if (node.type !== 'tag') continue;
      const name = node.name ?? '';
      const attribs = node.attribs ?? {};
      switch (name) {
        case ORPHAN_A: {
          const { word, offset } = b.lastWord();
          b.damaged.push({ anchorText: word, offset, reason: 'orphan-close-tag' });
          continue;
        }
        case STRONG_END:
          b.strongEnded();
          continue;
        case 'br':
        case 'wbr':
          if (name === 'br') b.space();
          continue;
        case 'a':
          this.anchor(node, b, inCode);
          continue;
        case 'q': {
          const cite = attribs.cite?.trim();
          const start = b.text.length;
          this.inline(node.children ?? [], b, inCode);
          if (cite && !inCode)
            b.links.push({
              href: cite,
              start,
              end: b.text.length,
              anchorText: b.text.slice(start).trim(),
              rel: [],
              origin: 'q-cite',
            });
          continue;
        }
        case 'img':
        case 'iframe':
          if (this.opts.includeMedia && !inCode && attribs.src?.trim()) {
            const at = b.text.length;
            b.links.push({
              href: attribs.src.trim(),
              start: at,
              end: at,
              anchorText: (attribs.alt ?? attribs.title ?? '').trim(),
              rel: [],
              origin: name,
            });
          }
          continue;
        case 'sup': {
          // "shipped.<sup>3</sup>" marks a footnote, whose number is no figure of the claim.
          // After a digit it is an exponent ("10<sup>6</sup>"), part of a figure: keep it.
          const start = b.text.length;
          const afterDigit = start > 0 && /\d/.test(b.text[start - 1]);
          this.inline(node.children ?? [], b, inCode);
          if (!afterDigit && FOOTNOTE_MARK.test(b.text.slice(start))) b.footnoteMarks.push([start, b.text.length]);
          continue;
        }
        case 'strong':
        case 'b':
          b.strongDepth++;
          this.inline(node.children ?? [], b, inCode);
          b.strongDepth--;
          continue;
      }
      if (SKIPPED.has(name) || isChrome(node)) continue;
      if (INLINE.has(name)) {
        this.inline(node.children ?? [], b, inCode || CODE.has(name));
      } else {
        // A block-level element inside a leaf (div in td): keep words apart.
        b.space();
        this.inline(node.children ?? [], b, inCode);
        b.space();
      }
    }
  }

  /** An `<a>`: a citation when it has a usable href, else a damaged anchor (unless a named target). */
  private anchor(node: DomNode, b: BlockBuilder, inCode: boolean): void {
    const attribs = node.attribs ?? {};
    const start = b.text.length;
    this.inline(node.children ?? [], b, inCode);
    const anchorText = b.text.slice(start).trim();
    if (inCode) return;
    const href = attribs.href;
    const broken = this.opts.brokenAttr !== undefined ? attribs[this.opts.brokenAttr] : undefined;
    if (broken === 'undefined-reference') {
      b.damaged.push({ anchorText, offset: start, reason: 'undefined-reference' });
      return;
    }
    if (broken === 'space-in-url' && href !== undefined) {
      const invalid = 'whitespace in the URL: Markdown shows the link as plain text';
      b.links.push({ href, start, end: b.text.length, anchorText, rel: [], origin: 'a', invalid });
      return;
    }
    if (href !== undefined && href.trim() !== '' && href.trim() !== '#') {
      b.links.push({ href, start, end: b.text.length, anchorText, rel: relTokens(attribs.rel), origin: 'a' });
      return;
    }
    // <a name="x">Section</a> / <a id="x"></a> is a link target (a bookmark), not a lost
    // link, with or without text; an <a> with neither href nor text has nothing to report.
    if (href === undefined && anchorText === '') return;
    if (href === undefined && (attribs.name !== undefined || attribs.id !== undefined)) return;
    b.damaged.push({ anchorText, offset: start, reason: href === undefined ? 'missing-href' : 'empty-href' });
  }
}
