import type { InputWarning, Post } from '../types.js';
import { normalizeDate } from './dates.js';
import { chooseBody } from './html-body.js';
import {
  attr,
  forEachElement,
  isElement,
  IMPLICITLY_CLOSED,
  keepElementTree,
  keepHtmlTree,
  parseHtmlTree,
  textContent,
  type DomNode,
} from './html-tree.js';
import { lineColumn } from './json-repair.js';
import { capNesting, markNestingCapped, MAX_NESTING } from './html-nesting.js';
import { linkHost, navigationHost } from './own-site.js';
import { bylineNames, ldOutletNames, outletNames, titleSiteName } from './outlet-names.js';
import { dateField, deepNesting, noArticleBody, notAnAbsoluteUrl } from './warnings.js';

/** Resolves `href` against `base`, or undefined when it cannot be resolved. */
function resolve(href: string | undefined, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return /^https?:$/.test(url.protocol) && url.hostname !== '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `resolve`, warning when the page names a URL that cannot be one ("not a url", "ftp://…").
 * A relative URL in a file with no known address is legal HTML, only unusable: no warning.
 */
function resolveMeta(
  field: string,
  href: string | undefined,
  base: string | undefined,
  warnings: InputWarning[],
): string | undefined {
  const url = resolve(href, base);
  const relative = href !== undefined && !/^\s*[a-z][a-z0-9+.-]*:/i.test(href);
  if (url === undefined && href?.trim() && (base !== undefined || !relative))
    warnings.push(notAnAbsoluteUrl(field, href));
  return url;
}

/** The head's metadata, read in one walk of the page. */
interface PageMeta {
  canonical?: string;
  ogUrl?: string;
  baseHref?: string;
  ogTitle?: string;
  docTitle?: string;
  publishedMeta?: string;
  modifiedMeta?: string;
  /** The names the page gives its outlet: og:site_name, application-name, publisher, JSON-LD publishers and providers, author meta, bylines. */
  siteNames: string[];
  /** Byline and provider elements of the page, in document order (see isByline), the first few. */
  bylines: DomNode[];
  /** Each absolute `<a href>` of the page: its start offset and href (see own-site.ts). */
  links: Array<[number, string]>;
}

/** Byline and provider elements kept for the names of a page's outlet (their text is read whole: a few). */
const MAX_BYLINE_ELEMENTS = 10;
// The class of a byline or of a syndicated story's provider ("byline", "caas-attr-provider", "source-org").
const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|bylines|provider|source-?org(?:ani[sz]ation)?|syndication)(?:$|[\s_-])/i;
/** True for a byline or provider element: its class, or its microdata (`itemprop="author"`, `provider`). */
function isByline(a: Record<string, string | undefined>): boolean {
  if (a.itemprop !== undefined && /^(?:author|provider|sourceOrganization)$/.test(a.itemprop)) return true;
  return a.class !== undefined && BYLINE_CLASS.test(a.class);
}

function readMeta(root: DomNode): PageMeta {
  const meta: PageMeta = { links: [], siteNames: [], bylines: [] };
  const first = (key: Exclude<keyof PageMeta, 'links' | 'siteNames' | 'bylines'>, value: string | undefined): void => {
    if (meta[key] === undefined && value !== undefined) meta[key] = value;
  };
  forEachElement(root, (el) => {
    const a = el.attribs ?? {};
    switch (el.name) {
      case 'link':
        if (/(?:^|\s)canonical(?:\s|$)/i.test(a.rel ?? '')) first('canonical', a.href);
        break;
      case 'base':
        if (a.href !== undefined) first('baseHref', a.href);
        break;
      case 'a':
        if (a.href !== undefined && /^\s*(?:https?:)?\/\//i.test(a.href)) meta.links.push([el.startIndex ?? 0, a.href]);
        break;
      case 'title':
        // The document title, not an SVG's <title> in the body.
        if (meta.docTitle === undefined) meta.docTitle = textContent(el);
        break;
      case 'meta':
        switch (a.property) {
          case 'og:url':
            first('ogUrl', a.content);
            break;
          case 'og:title':
            first('ogTitle', a.content);
            break;
          case 'article:published_time':
            first('publishedMeta', a.content);
            break;
          case 'article:modified_time':
            first('modifiedMeta', a.content);
            break;
          case 'og:site_name':
            if (a.content !== undefined) meta.siteNames.push(a.content);
            break;
        }
        if ((a.name === 'application-name' || a.name === 'publisher') && a.content !== undefined)
          meta.siteNames.push(a.content);
        // A syndicated story's author or provider ("ABC News", "Jane Alvarez, ABC News").
        if (a.name === 'author' && a.content !== undefined) meta.siteNames.push(...bylineNames(a.content));
        break;
      case 'script':
        if (/ld\+json/i.test(a.type ?? '')) meta.siteNames.push(...ldOutletNames(textContent(el)));
        break;
      case 'svg':
      case 'math':
        return false;
    }
    // A byline or a story's provider element ("By Jane Alvarez, ABC News"): the first few, read
    // once the article is known (a teaser's byline in a sidebar names another story's outlet).
    if (meta.bylines.length < MAX_BYLINE_ELEMENTS && (a.class !== undefined || a.itemprop !== undefined) && isByline(a))
      meta.bylines.push(el);
  });
  return meta;
}

/**
 * Where an element's markup ends in the source. htmlparser2 counts an implied end from the next
 * tag (`<p><div class="x">`: the empty p "ends" inside `<div class`), so an element without its
 * own end tag ends with its last child (likewise), or with its own start tag when it has none:
 * blanking it must never cut into the next tag, whose attributes would be read as text.
 */
function endOf(html: string, el: DomNode): number {
  let end = html.length;
  // A loop, not recursion: nesting is deep on hostile pages.
  for (let node: DomNode | undefined = el; node;) {
    end = Math.min(end, (node.endIndex ?? html.length - 1) + 1);
    const name = node.name ?? '';
    if (endsWithEndTag(html, end, name)) return end;
    const last: DomNode | undefined = node.children?.at(-1);
    if (last === undefined) return node.startIndex == null ? end : startTagEnd(html, node.startIndex, end);
    if (!isElement(last)) return last.endIndex == null ? end : Math.min(end, last.endIndex + 1);
    node = last;
  }
  return end;
}

/**
 * The offset just past the start tag opening at `from`: its first `>` outside a quoted attribute
 * value, looked for before `limit` only (the work stays linear in the page), else `limit`.
 */
function startTagEnd(html: string, from: number, limit: number): number {
  let quote = '';
  for (let i = from + 1; i < limit; i++) {
    const c = html[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return limit;
}

/** Where an element's content starts and ends in the source: after its start tag, before its end tag. */
function contentOf(html: string, el: DomNode): [number, number] {
  const kids = el.children ?? [];
  const first = kids[0];
  const last = kids.at(-1);
  if (first?.startIndex == null || last?.endIndex == null) return [el.startIndex ?? 0, el.startIndex ?? 0];
  return [first.startIndex, isElement(last) ? endOf(html, last) : last.endIndex + 1];
}

/**
 * The source from `start` to `end`, with the elements a reader mode leaves out of the body
 * blanked: spaces for their markup and text, newlines kept, so offsets and line numbers stay
 * those of the page (the body is read as written, see parseHtmlDocument).
 */
function blankOut(html: string, start: number, end: number, skip: readonly DomNode[]): string {
  if (skip.length === 0) return html.slice(start, end);
  const parts: string[] = [];
  let at = start;
  for (const el of skip) {
    const from = Math.max(at, el.startIndex ?? at);
    const to = Math.min(end, endOf(html, el));
    if (to <= from) continue;
    parts.push(html.slice(at, from), html.slice(from, to).replace(/[^\n\r]/g, ' '));
    at = to;
  }
  parts.push(html.slice(at, end));
  return parts.join('');
}

/** The nearest `<article>` or `<main>` around an element (where its title and date are). */
function articleAround(el: DomNode | undefined): DomNode | undefined {
  for (let node = el?.parent; node; node = node.parent)
    if (node.name === 'article' || node.name === 'main') return node;
  return undefined;
}

/** The names of the bylines inside the article (its element or the article around it; the page's when none was found). */
function bylinesIn(bylines: readonly DomNode[], around: readonly DomNode[]): string[] {
  const names: string[] = [];
  for (const b of bylines) {
    let inside = around.length === 0;
    for (let node: DomNode | null | undefined = b; node && !inside; node = node.parent) inside = around.includes(node);
    if (inside) names.push(...bylineNames(textContent(b)));
  }
  return names;
}

/** True when an element sits inside an SVG or MathML element. */
function insideForeign(el: DomNode | undefined): boolean {
  for (let node = el?.parent; node; node = node.parent) if (node.name === 'svg' || node.name === 'math') return true;
  return false;
}

function isTime(n: DomNode): boolean {
  return n.name === 'time' && n.attribs?.datetime !== undefined;
}

/** True when `scope` is an ancestor of `node` (not `node` itself). */
function isInside(node: DomNode, scope: DomNode): boolean {
  for (let up = node.parent; up; up = up.parent) if (up === scope) return true;
  return false;
}

/**
 * The page's heading and date elements: the first `<h1>` inside the first of `scopes` that has
 * one (the body element, then the article around it), and the first `<time datetime>` likewise,
 * else anywhere on the page. One walk of the page, not one per scope and element: on a page of
 * 2,000 links those walks cost ~30 ms of a cold process.
 */
function headingAndTime(
  root: DomNode,
  scopes: readonly DomNode[],
  marks: readonly DomNode[] | undefined,
): { h1?: DomNode; time?: DomNode } {
  const h1s: (DomNode | undefined)[] = [];
  const times: (DomNode | undefined)[] = [];
  let anyTime: DomNode | undefined;
  // The page's h1 and time elements in document order when the body choice listed them: the
  // same elements the walk would visit and act on (a walk of a page of 100,000 paragraphs
  // with neither was ~2% of its run).
  const each = (enter: (n: DomNode) => 'stop' | undefined): void => {
    if (marks === undefined) forEachElement(root, enter);
    else for (const n of marks) if (enter(n) === 'stop') return;
  };
  each((n) => {
    const heading = n.name === 'h1';
    const time = !heading && isTime(n);
    if (!heading && !time) return;
    if (time) anyTime ??= n;
    const firsts = heading ? h1s : times;
    scopes.forEach((scope, i) => {
      if (firsts[i] === undefined && isInside(n, scope)) firsts[i] = n;
    });
    // Nothing later can beat what the innermost scope has found.
    if (scopes.length > 0 && h1s[0] !== undefined && times[0] !== undefined) return 'stop';
    return undefined;
  });
  return { h1: h1s.find((n) => n !== undefined), time: times.find((n) => n !== undefined) ?? anyTime };
}

/**
 * The hosts of the page's own site besides its URL's: its canonical's, og:url's and the address
 * it was read from (each may differ: a mirror, a local preview), and where its navigation links
 * go (own-site.ts). Without "www.", each once.
 */
function ownHosts(urls: ReadonlyArray<string | undefined>, navigation: string | undefined): string[] {
  const hosts = new Set<string>();
  for (const url of urls) {
    const host = url === undefined ? undefined : linkHost(url);
    if (host !== undefined) hosts.add(host);
  }
  if (navigation !== undefined) hosts.add(navigation);
  return [...hosts];
}

/**
 * Reads an HTML page or file. The post body is the article element's markup exactly as written
 * (a slice of the source, not a re-serialisation: the parser drops orphan `</a>` tags, which are
 * the traces of lost links that extraction must see), chosen by html-body.ts the way reader modes
 * choose it; `bodySelector` says which. `url` is where the page was fetched from.
 */
export function parseHtmlDocument(page: string, meta: { source: string; url?: string }): Post {
  const warnings: InputWarning[] = [];
  // Offsets and lines of the capped source are those of the page (tags are blanked, not cut).
  const { html, dropped } = capNesting(page);
  if (dropped > 0) warnings.push(deepNesting(dropped, MAX_NESTING));
  const root = parseHtmlTree(html, { indices: true });
  const head = readMeta(root);
  const canonical = resolveMeta('link rel=canonical', head.canonical, meta.url, warnings);
  const ogUrl = resolveMeta('og:url', head.ogUrl, meta.url, warnings);
  const url = canonical ?? ogUrl ?? meta.url;
  const baseHref = resolve(head.baseHref, meta.url ?? url);

  const choice = chooseBody(root);
  const el = choice.element;
  const [start, end] = el
    ? choice.contentOnly
      ? contentOf(html, el)
      : [el.startIndex ?? 0, endOf(html, el)]
    : [0, html.length];
  const body = blankOut(html, start, end, choice.skip);
  // The page is its own body: extraction, parsing that same text, takes this tree (html-tree.ts).
  if (body === html) keepHtmlTree(html, true, root);
  const bodyLine = el ? lineColumn(html, start).line : 1;
  if (!choice.confident) warnings.push(noArticleBody(choice.selector));

  const around = [el, articleAround(el)].filter((n): n is DomNode => n !== undefined);
  const { h1, time } = headingAndTime(root, around, choice.marks);
  const title = [head.ogTitle, h1 && textContent(h1), head.docTitle]
    .map((t) => t?.replace(/\s+/g, ' ').trim())
    .find((t) => t);

  // A <time> is only a guess at the publish date (it may hold a duration, "PT2H", or a year,
  // both valid HTML): one that is not a date is passed over without a warning.
  const published =
    dateField('article:published_time', head.publishedMeta, warnings) ??
    normalizeDate(time ? attr(time, 'datetime') : undefined);
  const modified = dateField('article:modified_time', head.modifiedMeta, warnings);

  const post: Post = { source: meta.source, kind: 'html', body, bodyFormat: 'html', bodyLine, warnings };
  // Inside SVG or MathML a slice would be read without its foreign context (`<x/>` no longer closes itself).
  if (!insideForeign(el)) markNestingCapped(post);
  post.bodySelector = choice.selector;
  if (title) post.title = title;
  if (url) post.url = url;
  const baseUrl = baseHref ?? url;
  if (baseUrl) post.baseUrl = baseUrl;
  if (published) post.published = published;
  if (modified) post.modified = modified;
  const own = ownHosts([canonical, ogUrl, meta.url], navigationHost(head.links, el));
  if (own.length > 0) post.siteHosts = own;
  const names = outletNames([...head.siteNames, ...bylinesIn(head.bylines, around), titleSiteName(head.docTitle)]);
  if (names.length > 0) post.outletNames = names;
  // The body is one element's source: extraction, parsing that text, takes the element's nodes
  // (see keepElementTree for when they are what that parse builds). Last: the page's tree is
  // not read after this.
  if (
    el &&
    body !== html &&
    !choice.contentOnly &&
    ownsItsSource(html, el, end) &&
    (choice.skip.length === 0 || cutOut(html, el, choice.skip))
  )
    keepElementTree(el, start, body);
  return post;
}

/** Elements htmlparser2 closes at their own start tag (its voidElements). */
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** True when `el` ended before `at` by its own end tag, or is void and empty (not closed by what starts at `at`). */
function closedBeforeIt(html: string, el: DomNode, at: number): boolean {
  const name = el.name;
  if (name === undefined || el.endIndex == null || el.endIndex >= at) return false;
  if (VOID.has(name) && (el.children ?? []).length === 0) return html[el.endIndex] === '>';
  return endsWithEndTag(html, el.endIndex + 1, name);
}

/**
 * Takes the elements `skip` (which blankOut blanks in the body's source) out of the tree under
 * `el`, leaving what a parse of the blanked source builds there: each element's place is text of
 * its blanked source (its spaces and line breaks), joined to the text nodes on either side, as
 * the parser joins text that no tag parts. Only where that parse is sure to build it: each
 * element inside `el`, closed by its own end tag (see ownsItsSource), of no kind another start
 * tag closes implicitly, holding no tag that sets the SVG/MathML context (see FOREIGN_TAG),
 * none inside another. Then after each the parser is where it was after the element's end tag, and the rest
 * of the tree is the page's. False, and the tree untouched, when any is not so. A page whose
 * article is read without a block of it (a sidebar in its layout) is then parsed once, not twice:
 * the second parse was ~7% of the CPU of `check --offline` of the 2,000-link news page.
 */
function cutOut(html: string, el: DomNode, skip: readonly DomNode[]): boolean {
  let after = el.startIndex ?? 0;
  for (const node of skip) {
    const name = node.name;
    if (node.type !== 'tag' || name === undefined || node.startIndex == null || node.endIndex == null) return false;
    if (node.startIndex < after || IMPLICITLY_CLOSED.has(name) || !endsWithEndTag(html, node.endIndex + 1, name))
      return false;
    if (FOREIGN_TAG.test(html.slice(node.startIndex, node.endIndex + 1))) return false;
    // Nor may its start tag have closed the element before it (`<p>text<aside>`: the p ends
    // there; blanked, it would run on): that one ends with its own end tag, or is void.
    const siblings = node.parent?.children ?? [];
    const before = siblings[siblings.indexOf(node) - 1];
    if (before !== undefined && isElement(before) && !closedBeforeIt(html, before, node.startIndex)) return false;
    let inside = false;
    for (let up = node.parent; up && !inside; up = up.parent) inside = up === el;
    if (!inside) return false;
    after = node.endIndex + 1;
  }
  for (const node of skip) {
    const parent = node.parent as DomNode;
    const siblings = parent.children ?? [];
    const at = siblings.indexOf(node);
    const before = siblings[at - 1]?.type === 'text' ? siblings[at - 1] : undefined;
    const next = siblings[at + 1]?.type === 'text' ? siblings[at + 1] : undefined;
    const blank = html.slice(node.startIndex as number, (node.endIndex as number) + 1).replace(/[^\n\r]/g, ' ');
    const text: DomNode = before ?? { type: 'text', data: '', parent, startIndex: node.startIndex, endIndex: null };
    text.data = `${text.data ?? ''}${blank}${next?.data ?? ''}`;
    text.endIndex = next?.endIndex ?? node.endIndex;
    const from = before ? at - 1 : at;
    parent.children = [...siblings.slice(0, from), text, ...siblings.slice(next ? at + 2 : at + 1)];
  }
  return true;
}

/**
 * True when a parse of the element's source alone builds the element as the page's parse did:
 * closed by its own end tag, ending at `end` (not closed by an end tag of an element around it,
 * nor by the document's end), of no kind another start tag closes implicitly, outside SVG and
 * MathML (see keepElementTree).
 */
function ownsItsSource(html: string, el: DomNode, end: number): boolean {
  const name = el.name;
  if (name === undefined || el.startIndex == null || el.endIndex == null || el.endIndex + 1 !== end) return false;
  if (IMPLICITLY_CLOSED.has(name) || insideForeign(el)) return false;
  // htmlparser2 closes `<x/>` only in SVG or MathML, and an svg or math opened before the element
  // can leave that context on (a self-closed `<svg/>`, an svg closed by its parent's end tag): the
  // page's parse then closes a `<span/>` in the element that a parse of its source alone leaves open.
  const foreign = FOREIGN_START.exec(html);
  if (foreign !== null && foreign.index < el.startIndex && html.includes('/>', el.startIndex)) return false;
  return endsWithEndTag(html, end, name);
}

/** The start of an svg or math element (or of a longer name: only ever a reason not to reuse). */
const FOREIGN_START = /<(?:svg|math)/i;

/**
 * A start or end tag of an element that sets htmlparser2's SVG/MathML context (its Parser's
 * foreignContextElements and htmlIntegrationElements): svg and math turn it on, an HTML island
 * in them (desc, title, mi, foreignObject, ...) off, and any end tag of these, even a stray one,
 * takes back the last setting; implicit closes leave it. A left-out block holding one can thus
 * change whether `<x/>` closes itself after it. Matched wider than the parser reads names (any
 * white space, '/' after an end tag's name): only ever a reason not to reuse.
 */
const FOREIGN_TAG = /<(?:\/\s*)?(?:svg|math|mi|mo|mn|ms|mtext|annotation-xml|foreignobject|desc|title)(?![^\s/>])/i;

/**
 * True when the source before `end` is the end tag of `name` (`</name>`, `</NAME  >`). Compared
 * as text, not as a pattern built from the name: a tag name may hold any character but white
 * space, '/' and '>' (`<article(>`), and such a pattern would not compile (a crash, exit 3).
 */
function endsWithEndTag(html: string, end: number, name: string): boolean {
  if (!html.endsWith('>', end)) return false;
  // Back over the white space htmlparser2 ends a tag name at (ASCII only, not trimEnd's Unicode).
  let to = end - 1;
  while (to > 0 && ' \t\n\f\r'.includes(html[to - 1])) to -= 1;
  const tail = html.slice(Math.max(0, to - name.length - 2), to).toLowerCase();
  return tail.endsWith(`</${name.toLowerCase()}`);
}
