import { isArticleAside } from '../sources/content-container.js';
import type { DomNode } from './dom.js';

/**
 * Elements extraction otherwise skips as examples or page furniture, read when they hold the
 * article's own text or links (issue 8: what a reader mode keeps of them):
 * - a `<pre>` that holds links: preformatted text the writer linked (an RFC, a plain-text
 *   post); its links are citations, its text stays code (never a claim). A `<pre>` without
 *   links is an example and stays skipped. A `<code>` that is all a `<pre>` holds (the
 *   `<pre><code>` shape Markdown renderers and highlighters write) is the pre's text, not a code
 *   span inside it: its links are read the same.
 * - the `<header>` of an article (a `<header>` whose nearest sectioning ancestor is an
 *   `<article>` of ARTICLE_TEXT characters or more): the story's title and lead paragraph, not the
 *   site's banner. A teaser's `<article>` in a list of headlines is shorter and keeps its header
 *   skipped. The same for a `<header>` heading the page's `<main>`, or a `<section>` inside it, of
 *   that length: `<main>` holds the page's own content, never the site's banner (a landing page's
 *   `<main><section><header><h1>…<p>lead` has no `<article>`).
 * - an `<aside>` inside the story's own container (`[itemprop=articleBody]`, `.entry-content`):
 *   a photo's caption, a "Story Highlights" list (content-container.ts). A post's own content
 *   (WordPress's `content.rendered`) is such a container all of it: a pull quote or a note in
 *   an `<aside>` there is the writing's.
 */

/** Text an `<article>` must hold for its `<header>` to be read (a teaser holds a headline and a line). */
const ARTICLE_TEXT = 600;

/** Elements whose subtree is not searched further (a widget's links are not the writer's). */
const OPAQUE = new Set(['script', 'style', 'template', 'svg', 'math', 'code']);

/** The `<code>` that is the only element of a `<pre>` (white space aside), if there is one. */
function soleCode(pre: DomNode): DomNode | undefined {
  let code: DomNode | undefined;
  for (const c of pre.children ?? []) {
    if (c.type === 'text') {
      if ((c.data ?? '').trim() !== '') return undefined;
    } else if (c.type === 'tag') {
      if (c.name !== 'code' || code !== undefined) return undefined;
      code = c;
    }
  }
  return code;
}

/** True when an element holds an `<a href>` (not inside code), by a walk of its subtree. */
function holdsLink(el: DomNode): boolean {
  const stack = [...(((el.name === 'pre' ? soleCode(el) : undefined) ?? el).children ?? [])];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (node.type !== 'tag') continue;
    if (node.name === 'a' && (node.attribs?.href ?? '').trim() !== '') return true;
    if (OPAQUE.has(node.name ?? '')) continue;
    for (const c of node.children ?? []) stack.push(c);
  }
  return false;
}

/** Characters of text (white space not counted) under an element, stopping once `enough` is reached. */
function textAtLeast(el: DomNode, enough: number): boolean {
  let chars = 0;
  const stack = [...(el.children ?? [])];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (node.type === 'text') {
      chars += (node.data ?? '').replace(/\s+/g, '').length;
      if (chars >= enough) return true;
      continue;
    }
    if (node.type !== 'tag' || node.name === 'script' || node.name === 'style') continue;
    for (const c of node.children ?? []) stack.push(c);
  }
  return false;
}

/** True when an element lies inside the page's `<main>` (or an element with `role="main"`). */
function inMain(el: DomNode): boolean {
  for (let up = el.parent; up && up.type === 'tag'; up = up.parent)
    if (up.name === 'main' || up.attribs?.role?.trim().toLowerCase() === 'main') return true;
  return false;
}

/** Sectioning elements: the nearest one around a `<header>` is what it heads. */
const SECTIONING = new Set(['article', 'section', 'aside', 'nav', 'main', 'body']);

/** Answers per element, computed once (a walk asks about an element more than once). */
export class ReadInside {
  private readonly known = new Map<DomNode, boolean>();
  private readonly articles = new Map<DomNode, boolean>();

  /** `postContent`: the body is a post's own content, not a page (see isArticleAside). */
  constructor(private readonly postContent = false) {}

  /** True for a `<pre>`, `<header>` or `<aside>` that is read although extraction skips its kind. */
  reads(el: DomNode): boolean {
    const name = el.name;
    if (name !== 'pre' && name !== 'header' && name !== 'aside') return false;
    let answer = this.known.get(el);
    if (answer === undefined) {
      answer =
        name === 'pre'
          ? holdsLink(el)
          : name === 'aside'
            ? isArticleAside(el, this.postContent)
            : this.headsArticle(el);
      this.known.set(el, answer);
    }
    return answer;
  }

  /** True for a `<pre>` read for its links: its text is code. */
  isCode(el: DomNode): boolean {
    return el.name === 'pre' && this.reads(el);
  }

  /** True for the `<code>` that is all of a `<pre>` read for its links: no code span, its links read. */
  isPreText(el: DomNode): boolean {
    const pre = el.parent;
    return el.name === 'code' && pre != null && pre.name === 'pre' && this.isCode(pre) && soleCode(pre) === el;
  }

  private headsArticle(header: DomNode): boolean {
    let up = header.parent;
    while (up && up.type === 'tag' && !SECTIONING.has(up.name ?? '')) up = up.parent;
    if (!up || up.type !== 'tag') return false;
    if (up.name !== 'article' && !(up.name === 'main' || (up.name === 'section' && inMain(up)))) return false;
    let long = this.articles.get(up);
    if (long === undefined) {
      long = textAtLeast(up, ARTICLE_TEXT);
      this.articles.set(up, long);
    }
    return long;
  }
}
