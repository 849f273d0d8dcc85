import type { MarkdownIt, StateCore, StateInline, Token } from 'markdown-it';
import { linkCloses } from './markdown-orphan-runs.js';

/**
 * Bare URLs in Markdown text become links: markdown-it's `linkify` core rule, rebuilt to stay
 * linear and to render tables the way site generators do.
 *
 * - Linear: linkify-it (and markdown-it's inline `linkify` rule, which runs it at every `://`)
 *   matches against the whole rest of the text at every scheme it meets, so one long line
 *   holding many `http://` (a pasted log, a hostile post) cost quadratic time: 40 KB of
 *   `http://x/(` took minutes. Here it only sees one whitespace-free run at a time (a URL holds
 *   no whitespace, and linkify-it needs none before a scheme), and a run longer than
 *   MAX_RUN_CHARS stays text: no source is cited by a bare URL that long.
 * - Tables: Jekyll (kramdown) and Hugo's default renderers print a bare URL in a table cell as
 *   text, and a table of URLs is data, not citations. `linkifyTables` (`--linkify`) makes them
 *   links like anywhere else.
 */

/** Longest whitespace-free run of text searched for bare URLs. */
const MAX_RUN_CHARS = 4096;

/** What the rule reads from the parse environment (`md.parse(src, env)`), per render. */
export interface LinkifyEnv {
  /** Bare URLs inside table cells become links too (`--linkify`). */
  linkifyTables?: boolean;
}

/** One bare URL found in a text: where, and what it links to. */
interface FoundLink {
  index: number;
  lastIndex: number;
  url: string;
  text: string;
  schema: string;
}

const RUN = /\S+/g;

/** Bare URLs of `text`, found run by run (see the module comment). */
function findLinks(md: MarkdownIt, text: string): FoundLink[] {
  const found: FoundLink[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const run = m[0];
    if (run.length > MAX_RUN_CHARS || !run.includes(':') || !md.linkify.pretest(run)) continue;
    for (const link of md.linkify.match(run) ?? []) {
      found.push({
        index: m.index + link.index,
        lastIndex: m.index + link.lastIndex,
        url: link.url,
        text: link.text,
        schema: link.schema,
      });
    }
  }
  return found;
}

const isLinkOpen = (html: string): boolean => /^<a[>\s]/i.test(html);
const isLinkClose = (html: string): boolean => /^<\/a\s*>/i.test(html);

/** The tokens replacing one text token: text and links, as markdown-it's own rule builds them. */
function linkNodes(state: StateCore, text: string, links: FoundLink[], level: number): Token[] {
  const md = state.md;
  const nodes: Token[] = [];
  let lastPos = 0;
  for (const link of links) {
    const href = md.normalizeLink(link.url);
    if (!md.validateLink(href)) continue;
    const label =
      link.schema === 'mailto:' && !/^mailto:/i.test(link.text)
        ? md.normalizeLinkText(`mailto:${link.text}`).replace(/^mailto:/, '')
        : md.normalizeLinkText(link.text);
    if (link.index > lastPos) {
      const before = new state.Token('text', '', 0);
      before.content = text.slice(lastPos, link.index);
      before.level = level;
      nodes.push(before);
    }
    const open = new state.Token('link_open', 'a', 1);
    open.attrs = [['href', href]];
    open.level = level;
    open.markup = 'linkify';
    open.info = 'auto';
    const inner = new state.Token('text', '', 0);
    inner.content = label;
    inner.level = level + 1;
    const close = new state.Token('link_close', 'a', -1);
    close.level = level;
    close.markup = 'linkify';
    close.info = 'auto';
    nodes.push(open, inner, close);
    lastPos = link.lastIndex;
  }
  if (nodes.length === 0) return nodes;
  if (lastPos < text.length) {
    const after = new state.Token('text', '', 0);
    after.content = text.slice(lastPos);
    after.level = level;
    nodes.push(after);
  }
  return nodes;
}

/** Linkifies the children of one inline token; returns the new children, or undefined when unchanged. */
function linkifyInline(state: StateCore, tokens: Token[]): Token[] | undefined {
  let out: Token[] | undefined;
  let linkDepth = 0;
  let htmlLinkDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'link_open') linkDepth++;
    else if (token.type === 'link_close') linkDepth--;
    else if (token.type === 'html_inline') {
      if (isLinkOpen(token.content)) htmlLinkDepth++;
      else htmlLinkDepth = Math.max(0, htmlLinkDepth - linkCloses(token, isLinkClose));
    }
    let nodes: Token[] | undefined;
    if (token.type === 'text' && linkDepth === 0 && htmlLinkDepth === 0) {
      let links = findLinks(state.md, token.content);
      // `http\://x` (an escape right before) is no link, as in markdown-it's own rule.
      if (links[0]?.index === 0 && i > 0 && tokens[i - 1].type === 'text_special') links = links.slice(1);
      if (links.length > 0) nodes = linkNodes(state, token.content, links, token.level);
    }
    if (nodes !== undefined && nodes.length > 0) {
      out ??= tokens.slice(0, i);
      for (const node of nodes) out.push(node);
    } else if (out !== undefined) out.push(token);
  }
  return out;
}

// RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
const isAsciiAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isSchemeChar = (c: number): boolean =>
  isAsciiAlpha(c) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
const WHITESPACE = /\s/g;

/** Where the whitespace-free run at a position ends, remembered per inline text (see runEnd). */
const runEnds = new WeakMap<StateInline, { from: number; end: number }>();

/**
 * Index of the first whitespace at or after `pos` in the inline text (its length when none).
 * Remembered: every `://` of one long run asks again, and scanning anew each time was the
 * quadratic cost this module removes.
 */
function runEnd(state: StateInline, pos: number): number {
  const known = runEnds.get(state);
  if (known !== undefined && pos >= known.from && pos <= known.end) return known.end;
  WHITESPACE.lastIndex = pos;
  const end = WHITESPACE.exec(state.src)?.index ?? state.src.length;
  runEnds.set(state, { from: pos, end });
  return end;
}

/**
 * markdown-it's inline `linkify` rule (links found while parsing, so that they win over
 * emphasis), matching within the whitespace-free run only. Same results otherwise.
 */
function inlineLinkify(state: StateInline, silent: boolean): boolean {
  if (!state.md.options.linkify || (state as StateInline & { linkLevel: number }).linkLevel > 0) return false;
  const { src, pos, posMax: max } = state;
  if (pos + 3 > max || src.charCodeAt(pos) !== 0x3a || src.charCodeAt(pos + 1) !== 0x2f) return false;
  if (src.charCodeAt(pos + 2) !== 0x2f) return false;
  const protoMin = pos - Math.min(10, state.pending.length, pos);
  let protoStart = pos;
  while (protoStart > protoMin && isSchemeChar(src.charCodeAt(protoStart - 1))) protoStart--;
  if (protoStart === pos || !isAsciiAlpha(src.charCodeAt(protoStart))) return false;
  const end = Math.min(runEnd(state, pos), max);
  if (end - protoStart > MAX_RUN_CHARS) return false;
  const protoLength = pos - protoStart;
  const link = state.md.linkify.matchAtStart(src.slice(protoStart, end));
  if (!link || link.url.length <= protoLength) return false;
  // A '*' at the end belongs to emphasis, as in markdown-it's rule.
  let url = link.url;
  let urlEnd = url.length;
  while (urlEnd > 0 && url.charCodeAt(urlEnd - 1) === 0x2a) urlEnd--;
  if (urlEnd !== url.length) url = url.slice(0, urlEnd);
  const href = state.md.normalizeLink(url);
  if (!state.md.validateLink(href)) return false;
  if (!silent) {
    state.pending = state.pending.slice(0, -protoLength);
    const open = state.push('link_open', 'a', 1);
    open.attrs = [['href', href]];
    open.markup = 'linkify';
    open.info = 'auto';
    state.push('text', '', 0).content = state.md.normalizeLinkText(url);
    const close = state.push('link_close', 'a', -1);
    close.markup = 'linkify';
    close.info = 'auto';
  }
  state.pos += url.length - protoLength;
  return true;
}

/** `tokens` with the bare-URL links the inline rule made turned back into text (table cells). */
function unlinkify(state: StateCore, tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.type === 'link_open' && t.markup === 'linkify')) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'link_open' && token.markup === 'linkify' && tokens[i + 2]?.type === 'link_close') {
      const text = new state.Token('text', '', 0);
      text.content = tokens[i + 1].content;
      text.level = token.level;
      out.push(text);
      i += 2;
    } else out.push(token);
  }
  return out;
}

/** Replaces markdown-it's `linkify` core and inline rules with the bounded ones (md must have `linkify: true`). */
export function boundedLinkify(md: MarkdownIt): void {
  md.inline.ruler.at('linkify', inlineLinkify);
  md.core.ruler.at('linkify', (state: StateCore) => {
    const linkifyTables = (state.env as LinkifyEnv | undefined)?.linkifyTables === true;
    let tableDepth = 0;
    for (const block of state.tokens) {
      if (block.type === 'table_open') tableDepth++;
      else if (block.type === 'table_close') tableDepth--;
      if (block.type !== 'inline' || !block.children) continue;
      if (tableDepth > 0 && !linkifyTables) {
        block.children = unlinkify(state, block.children);
        continue;
      }
      if (!state.md.linkify.pretest(block.content)) continue;
      const children = linkifyInline(state, block.children);
      if (children) block.children = children;
    }
  });
}
