import type MarkdownItType from 'markdown-it';
import { ipv6Hosts } from '../extract/markdown-ipv6-hosts.js';
import { markdownItClass } from '../extract/markdown-render.js';
import { sentenceIndex } from '../extract/sentences.js';
import { scanHtmlLinks, type HtmlLink } from './html-links.js';

/** How a Markdown link is written. */
type MarkdownLinkKind = 'inline' | 'autolink' | 'bare' | 'definition' | 'html';

/** One link destination in a Markdown text. */
export interface MarkdownLink {
  /** How it is written: `[t](url)`, `<url>`, a bare URL, `[label]: url`, or an HTML `<a>`. */
  kind: MarkdownLinkKind;
  /** Offset of the destination as written (for `<url>` destinations, of the `<`). */
  destStart: number;
  /** Offset just past the destination. */
  destEnd: number;
  /** The href markdown-it renders for it (what extraction read as the citation's href). */
  href: string;
  /** Offset just past the whole link (after `)` or `>`, or the URL): where an annotation goes. */
  end: number;
  /** Reference definitions: the label, normalised as CommonMark matches labels. */
  label?: string;
  /** HTML links: the tag. */
  tag?: HtmlLink;
}

/** A use of a reference definition (`[text][label]`, `[label][]`, `[label]`). */
export interface ReferenceUse {
  /** The label, normalised. */
  label: string;
  /** Offset just past the use. */
  end: number;
}

let parser: MarkdownItType | undefined;

/**
 * The same reading of links as the extraction's renderer (extract/markdown-render.ts): only
 * explicit URLs are linkified. Built on first use, from the module extraction loads (the ESM
 * and CommonJS builds of markdown-it are two copies: importing one here loaded both).
 */
function fixParser(): MarkdownItType {
  if (parser !== undefined) return parser;
  const MarkdownIt = markdownItClass();
  parser = new MarkdownIt({ html: true, linkify: true });
  parser.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  parser.use(ipv6Hosts);
  return parser;
}

/** A reference label as CommonMark compares them: case-folded, inner whitespace collapsed. */
function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Offsets of front matter, fenced code blocks and code spans: no link lives there. */
function codeRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const front = /^(?:---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (front) ranges.push([0, front[0].length]);
  let fence: { char: string; length: number; start: number } | undefined;
  let lineStart = front ? front[0].length : 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd);
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (
        marker &&
        marker[1][0] === fence.char &&
        marker[1].length >= fence.length &&
        /^\s*$/.test(line.slice(marker[0].length))
      ) {
        ranges.push([fence.start, lineEnd]);
        fence = undefined;
      }
    } else if (marker && !(marker[1][0] === '`' && line.slice(marker[0].length).includes('`'))) {
      fence = { char: marker[1][0], length: marker[1].length, start: lineStart };
    } else {
      spansIn(line, lineStart, ranges);
    }
    if (newline < 0) break;
    lineStart = lineEnd;
  }
  if (fence) ranges.push([fence.start, text.length]);
  ranges.push(...indentedCode(text));
  return ranges.sort((a, b) => a[0] - b[0]);
}

/**
 * Offsets of indented code blocks, as markdown-it finds them (an indented line is code only
 * after a blank line and outside a list item's own indentation, which a line scan cannot tell).
 * Extraction never reads links there, so fix must not rewrite them.
 */
function indentedCode(text: string): Array<[number, number]> {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const offset = (line: number): number => (line < starts.length ? starts[line] : text.length);
  return fixParser()
    .parse(text, {})
    .filter((token) => token.type === 'code_block' && token.map !== null)
    .map((token) => [offset(token.map![0]), offset(token.map![1])] as [number, number]);
}

/** Code spans of one line: a backtick run up to the next run of the same length. */
function spansIn(line: string, offset: number, ranges: Array<[number, number]>): void {
  const runs = [...line.matchAll(/`+/g)];
  for (let i = 0; i < runs.length; i++) {
    const close = runs.findIndex((r, j) => j > i && r[0].length === runs[i][0].length);
    if (close < 0) continue;
    ranges.push([offset + (runs[i].index ?? 0), offset + (runs[close].index ?? 0) + runs[close][0].length]);
    i = close;
  }
}

/**
 * A test "is this offset inside one of the ranges?" (from inclusive, to exclusive): the ranges
 * merged once, then a binary search per offset, so a post of many links stays linear-ish.
 */
function insideAny(ranges: ReadonlyArray<readonly [number, number]>): (offset: number) => boolean {
  const merged: Array<[number, number]> = [];
  for (const [from, to] of [...ranges].filter(([f, t]) => t > f).sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return (offset) => {
    // The last range starting at or before the offset: the search sentences use (generic over ranges).
    const range = merged[sentenceIndex(merged, offset)];
    return range !== undefined && offset >= range[0] && offset < range[1];
  };
}

/** The href markdown-it renders for a destination as written (escapes and entities undone). */
function hrefOf(destination: string): string {
  const md = fixParser();
  return md.normalizeLink(md.utils.unescapeAll(destination));
}

/**
 * Every link destination of a Markdown text, in order: inline links and images, autolinks,
 * reference definitions, inline HTML `<a>` tags, and bare URLs (as linkify reads them).
 * Nothing inside front matter or code.
 */
export function scanMarkdownLinks(text: string): MarkdownLink[] {
  const inCode = insideAny(codeRanges(text));
  const links: MarkdownLink[] = [];
  const md = fixParser();
  const { parseLinkDestination, parseLinkTitle } = md.helpers;

  // Inline: "](" then a destination, an optional title and ")".
  for (let at = text.indexOf(']('); at >= 0; at = text.indexOf('](', at + 2)) {
    if (inCode(at) || isEscaped(text, at)) continue;
    let pos = skipSpace(text, at + 2);
    const dest = parseLinkDestination(text, pos, text.length);
    if (!dest.ok || dest.pos === pos) continue;
    const destStart = pos;
    pos = skipSpace(text, dest.pos);
    if (pos > dest.pos && /["'(]/.test(text[pos] ?? '')) {
      const title = parseLinkTitle(text, pos, text.length, undefined);
      if (title.ok) pos = skipSpace(text, title.pos);
    }
    const end = text[pos] === ')' ? pos + 1 : dest.pos;
    links.push({ kind: 'inline', destStart, destEnd: dest.pos, href: hrefOf(dest.str), end });
  }
  // Autolinks: <scheme:…>, but not an inline link's destination written in angle brackets
  // (`[x](<https://…>)`), which is the inline link above: annotated twice, inside its parentheses.
  const inInlineDestination = insideAny(links.map((l) => [l.destStart, l.destEnd] as const));
  for (const m of text.matchAll(/<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*)>/g)) {
    const at = m.index ?? 0;
    if (inCode(at) || inInlineDestination(at)) continue;
    links.push({
      kind: 'autolink',
      destStart: at + 1,
      destEnd: at + 1 + m[1].length,
      href: md.normalizeLink(m[1]),
      end: at + m[0].length,
    });
  }
  // Reference definitions: [label]: destination.
  for (const m of text.matchAll(/^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*(?:\r?\n[ \t]*)?/gm)) {
    const at = m.index ?? 0;
    if (inCode(at)) continue;
    const pos = at + m[0].length;
    const dest = parseLinkDestination(text, pos, text.length);
    if (!dest.ok || dest.pos === pos) continue;
    links.push({
      kind: 'definition',
      destStart: pos,
      destEnd: dest.pos,
      href: hrefOf(dest.str),
      end: dest.pos,
      label: normalizeLabel(m[1]),
    });
  }
  // Inline HTML.
  for (const tag of scanHtmlLinks(text, inCode)) {
    const href = tag.attributes.find((a) => a.name === 'href');
    if (!href || tag.href === undefined) continue;
    links.push({ kind: 'html', destStart: href.valueStart, destEnd: href.valueEnd, href: tag.href, end: tag.end, tag });
  }
  // Bare URLs that no explicit link above already holds.
  const taken = insideAny(links.map((l) => [l.destStart - 1, l.end] as const));
  for (const m of md.linkify.match(text) ?? []) {
    if (inCode(m.index) || taken(m.index)) continue;
    if (!/^https?:/i.test(m.schema)) continue;
    links.push({
      kind: 'bare',
      destStart: m.index,
      destEnd: m.lastIndex,
      href: md.normalizeLink(m.url),
      end: m.lastIndex,
    });
  }
  return links.sort((a, b) => a.destStart - b.destStart);
}

/** Uses of reference definitions: `[text][label]`, `[label][]` and `[label]` (shortcut). */
export function scanReferenceUses(text: string, labels: ReadonlySet<string>): ReferenceUse[] {
  const inCode = insideAny(codeRanges(text));
  const uses: ReferenceUse[] = [];
  for (const m of text.matchAll(/\[((?:[^[\]\\]|\\.)*)\](?:\[((?:[^[\]\\]|\\.)*)\])?(?![(:])/g)) {
    const at = m.index ?? 0;
    if (inCode(at) || isEscaped(text, at)) continue;
    const label = normalizeLabel(m[2] !== undefined && m[2].trim() !== '' ? m[2] : m[1]);
    if (labels.has(label)) uses.push({ label, end: at + m[0].length });
  }
  return uses;
}

function skipSpace(text: string, from: number): number {
  let pos = from;
  let newlines = 0;
  while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t' || (text[pos] === '\n' && newlines++ === 0)))
    pos++;
  return pos;
}

function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}
