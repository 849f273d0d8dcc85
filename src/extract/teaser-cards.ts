import type { DomNode } from './dom.js';
import { pushEachChild } from '../sources/html-tree.js';

/**
 * Cards of other stories: `<article class="card"><h3><a href="/2025/ferry">Ferry fares rise
 * again</a></h3><p>The third rise in two years.</p></article>`, two or more side by side, beside or
 * after the story inside the element read as its body. Each is a headline that links to another
 * page and a line of teaser: related content, not the story, whose sentences were read as claims
 * and whose headline links as their sources (issue 8). A card is:
 * - an `<article>` (a story's teaser is an article of its own), or a `<li>`, `<div>` or `<section>`
 *   whose class names a card (`card`, `teaser`, `tile`, `promo`, `story-card`, `wp-block-post`:
 *   a WordPress query loop's item);
 * - holding a heading (`h2`–`h6`) whose words are all one link's, to another page of the site
 *   itself (a relative link, or one to the post's own hosts);
 * - whose other links, if any, go to that same page (its picture, a "Read more");
 * - with little text beside its headline (a teaser, a date, a byline: TEASER_TEXT at most).
 * A list of a writer's picks whose entries link out (another site's page, a product) is read as
 * written, and so is one whose entries hold a paragraph of their own, longer than a teaser.
 *
 * Cards are related content only beside a story that is not cards: when the body's text outside
 * them is longer than theirs. A body that is mostly such entries (a live blog's posts, a results
 * page's seats) is the story, read as written; so is a WordPress post's own content, where the
 * writer's entries are the post (a roundup's products), except WordPress's own query loop items
 * (`wp-block-post`), which are other posts by construction. (Issue 8: a live blog's entries and a
 * REST roundup's products were skipped whole as cards, with no warning.)
 */

/** Most characters (white space not counted) of a card's text outside its headline. */
const TEASER_TEXT = 300;
/** Most characters of a card's headline. */
const HEADLINE_TEXT = 200;
/** Nodes of an element looked at: a larger one is no card (the walk stays linear). */
const SCAN_LIMIT = 300;
/** Fewest cards side by side for them to be a list of other stories. */
const MIN_CARDS = 2;

/** Class tokens of an element marked as a card of another story. */
const CARD_CLASS = /^(?:[\w-]*[-_])?(?:card|cards|teaser|tile|promo)(?:[-_][\w-]*)?$|^wp-block-post$/i;

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** True for an element that may be a card by its tag or class (isCard looks inside). */
function mayBeCard(el: DomNode): boolean {
  if (el.type !== 'tag') return false;
  if (el.name === 'article') return true;
  if (el.name !== 'li' && el.name !== 'div' && el.name !== 'section') return false;
  const cls = el.attribs?.class;
  return cls !== undefined && cls.split(/\s+/).some((t) => t !== '' && CARD_CLASS.test(t));
}

/** Characters of a text, white space not counted. */
function chars(text: string | undefined): number {
  return (text ?? '').replace(/\s+/g, '').length;
}

/** The href of an `<a>` when it leads to another page (not a jump within this one), else undefined. */
function pageHref(a: DomNode): string | undefined {
  const href = a.attribs?.href?.trim();
  return href === undefined || href === '' || href.startsWith('#') ? undefined : href;
}

/** True for a relative href (no scheme, not protocol-relative): a page of the site itself. */
function isRelative(href: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href);
}

/**
 * The characters of an element's text (white space not counted) when it is the card of another
 * story (see the top of this file), else -1. `ownLink` tells an href to the post's own site (by
 * default, a relative one).
 */
function cardChars(el: DomNode, ownLink: (href: string) => boolean = isRelative): number {
  if (!mayBeCard(el)) return -1;
  // More children than the scan looks at: the scan below would give up too (every child is
  // visited before its stack empties), after listing them all (an article of 100,000 paragraphs).
  if ((el.children ?? []).length > SCAN_LIMIT) return -1;
  let seen = 0;
  let href: string | undefined;
  let headline = false;
  let outside = 0;
  let inside = 0;
  // [node, inside the headline (a heading holding the card's link)]
  const stack: Array<[DomNode, boolean]> = (el.children ?? []).map((c) => [c, false]);
  stack.reverse();
  while (stack.length > 0) {
    if (++seen > SCAN_LIMIT) return -1;
    const [node, inHeading] = stack.pop() as [DomNode, boolean];
    if (node.type === 'text') {
      if (inHeading) inside += chars(node.data);
      else if ((outside += chars(node.data)) > TEASER_TEXT) return -1;
      continue;
    }
    if (node.type !== 'tag') continue;
    const name = node.name ?? '';
    if (name === 'script' || name === 'style') continue;
    if (name === 'a') {
      const target = pageHref(node);
      // Every link of a card goes to its story's page.
      if (target === undefined || (href !== undefined && target !== href)) return -1;
      href = target;
    }
    if (HEADINGS.has(name) && !inHeading && !headline) {
      if (!linkedHeading(node)) return -1;
      headline = true;
      for (let i = (node.children ?? []).length - 1; i >= 0; i--) stack.push([(node.children ?? [])[i], true]);
      continue;
    }
    const kids = node.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], inHeading]);
  }
  return headline && href !== undefined && (isRelative(href) || ownLink(href)) ? inside + outside : -1;
}

// A heading's answer, once: nested cards share their headline, and each would walk it again
// (250 nested <article>s around one long heading took 5× the time of one).
const LINKED_HEADINGS = new WeakMap<DomNode, boolean>();

/** True for a heading whose words are all inside one link to another page. */
function linkedHeading(heading: DomNode): boolean {
  let answer = LINKED_HEADINGS.get(heading);
  if (answer === undefined) {
    answer = headingIsOneLink(heading);
    LINKED_HEADINGS.set(heading, answer);
  }
  return answer;
}

/** Walks a heading: true when its words are all inside one link to another page. */
function headingIsOneLink(heading: DomNode): boolean {
  let links = 0;
  let linked = 0;
  let loose = 0;
  const stack: Array<[DomNode, boolean]> = (heading.children ?? []).map((c) => [c, false]);
  while (stack.length > 0) {
    const [node, inLink] = stack.pop() as [DomNode, boolean];
    if (node.type === 'text') {
      const n = chars(node.data);
      if (inLink) linked += n;
      else loose += n;
      continue;
    }
    if (node.type !== 'tag') continue;
    const isLink = node.name === 'a';
    if (isLink && (++links > 1 || pageHref(node) === undefined)) return false;
    for (const c of node.children ?? []) stack.push([c, inLink || isLink]);
  }
  return links === 1 && linked > 0 && linked <= HEADLINE_TEXT && loose === 0;
}

/** True for a WordPress query loop's item (`wp-block-post`): another post, by WordPress's own mark. */
function isLoopItem(el: DomNode): boolean {
  return (el.attribs?.class ?? '').split(/\s+/).includes('wp-block-post');
}

/** Elements whose text is no story's (what the walk never reads either). */
const UNREAD = new Set(['script', 'style', 'template', 'noscript']);

/** Answers per element, computed once (the walk asks about an element and its siblings). */
export class TeaserCards {
  private readonly cards = new Map<DomNode, number>();
  private readonly lists = new Map<DomNode, boolean>();
  /** Whether lists of cards are skipped in this body (settle()); until then, they are. */
  private beside = true;

  /**
   * `ownLink`: true for an href to the post's own site (see cardChars). `postContent`: the body is
   * a WordPress post's own content (only its query loop's items are cards there).
   */
  constructor(
    private readonly ownLink?: (href: string) => boolean,
    private readonly postContent = false,
  ) {}

  private card(el: DomNode): number {
    let answer = this.cards.get(el);
    if (answer === undefined) {
      answer = this.postContent && !isLoopItem(el) ? -1 : cardChars(el, this.ownLink);
      this.cards.set(el, answer);
    }
    return answer;
  }

  /** True for a card that sits beside another card, whether or not the body is more than cards. */
  private listed(el: DomNode): boolean {
    if (!mayBeCard(el) || this.card(el) < 0) return false;
    const parent = el.parent;
    if (!parent) return false;
    let answer = this.lists.get(parent);
    if (answer === undefined) {
      let count = 0;
      for (const c of parent.children ?? []) if (mayBeCard(c) && this.card(c) >= 0 && ++count >= MIN_CARDS) break;
      answer = count >= MIN_CARDS;
      this.lists.set(parent, answer);
    }
    return answer;
  }

  /**
   * Looks over the body (`nodes`) once before the walk: its lists of cards are related content
   * only when the text outside them is longer than theirs (a story beside them). A post's own
   * content has none but its query loop's, which are always other posts.
   */
  settle(nodes: readonly DomNode[]): void {
    if (this.postContent) return;
    let inCards = 0;
    // The text outside cards is counted after the walk, only as far as the comparison needs:
    // counted as it came (a copy of every text node without its spaces), it was 20 MB of
    // garbage on a 4 MB post that has no card at all.
    const texts: DomNode[] = [];
    const stack = [...nodes];
    while (stack.length > 0) {
      const node = stack.pop() as DomNode;
      if (node.type === 'text') {
        texts.push(node);
        continue;
      }
      if (node.type !== 'tag' || UNREAD.has(node.name ?? '')) continue;
      if (this.listed(node)) {
        inCards += this.card(node);
        continue;
      }
      pushEachChild(stack, node);
    }
    let outside = 0;
    for (let i = 0; i < texts.length && outside <= inCards; i++) {
      const data = texts[i].data ?? '';
      // No card: any visible character outside is more (chars() > 0 exactly when /\S/ matches).
      if (inCards === 0) outside += /\S/.test(data) ? 1 : 0;
      else outside += chars(data);
    }
    this.beside = outside > inCards;
  }

  /** True for a card that sits beside another card, beside a story: one of a list of other stories. */
  inList(el: DomNode): boolean {
    return this.beside && this.listed(el);
  }
}
