import { normalizeUrl } from '../extract/normalize-url.js';
import { parseLenientJson } from '../sources/json-repair.js';
import { isWordPressPost } from '../sources/wordpress.js';
import { escapeAttribute, scanHtmlLinks, type HtmlLink } from './html-links.js';
import { encodeJsonString, readJsonString } from './json-string.js';
import type { FixOptions, LinkFix } from './link-fixes.js';
import { scanMarkdownLinks, scanReferenceUses, type MarkdownLink } from './markdown-links.js';

/** One replacement in a text. */
export interface Edit {
  /** Offset where the replaced span starts. */
  start: number;
  /** Offset just past it (equal to start for an insertion). */
  end: number;
  /** What goes there. */
  text: string;
}

/** How many links a fix changed, by reason. */
export interface FixCounts {
  /** Links moved to the URL a permanent redirect names. */
  moved: number;
  /** Dead links linked to (or annotated with) their capture. */
  archived: number;
  /** Live links decorated with their capture. */
  robust: number;
}

/** The fixes of one post and the base its relative links resolve against. */
export interface PostFixes {
  /** Fixes by cited URL (normalised, fragment included). */
  fixes: ReadonlyMap<string, LinkFix>;
  /** Base URL of the post (as extraction used it). */
  base?: string;
}

/** Marks a Markdown annotation, so a second run sees it is there. */
const ANNOTATION = ' ([archived](';

function fixFor(href: string, post: PostFixes): LinkFix | undefined {
  const normalized = normalizeUrl(href, post.base);
  return 'invalid' in normalized ? undefined : post.fixes.get(normalized.url);
}

/** Applies non-overlapping edits (in any order); only the edited spans change. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue; // overlapping: the first edit of a span wins
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Robust Links attributes (robustlinks.mementoweb.org) for a tag, quoted like its href. */
function robustAttributes(fix: LinkFix, quote: '"' | "'" | ''): string {
  const q = quote === "'" ? "'" : '"';
  const c = fix.capture;
  if (!c) return '';
  const attr = (name: string, value: string) => ` ${name}=${q}${escapeAttribute(value, q)}${q}`;
  return `${attr('data-originalurl', c.originalUrl)}${attr('data-versiondate', c.versionDate)}${attr('data-versionurl', c.versionUrl)}`;
}

/** Edits of one `<a>` start tag: its href, and Robust Links attributes unless it has them already. */
function tagEdits(tag: HtmlLink, fix: LinkFix, options: FixOptions, counts: FixCounts): Edit[] {
  const href = tag.attributes.find((a) => a.name === 'href');
  if (!href) return [];
  const edits: Edit[] = [];
  const replaceHref = (url: string): void => {
    const quoted = href.quote === '' ? `"${escapeAttribute(url, '"')}"` : escapeAttribute(url, href.quote);
    edits.push({ start: href.valueStart, end: href.valueEnd, text: quoted });
  };
  if (fix.reason === 'moved' && fix.newUrl !== undefined) {
    replaceHref(fix.newUrl);
    counts.moved += 1;
  }
  if (!fix.capture || tag.attributes.some((a) => a.name === 'data-versionurl')) return edits;
  if (fix.reason === 'archived' && options.deadLink === 'archive') replaceHref(fix.capture.versionUrl);
  edits.push({ start: tag.insertAt, end: tag.insertAt, text: robustAttributes(fix, href.quote) });
  if (fix.reason === 'archived') counts.archived += 1;
  else if (fix.reason === 'robust') counts.robust += 1;
  return edits;
}

/** The edits an HTML text needs (an HTML file, or a WordPress post's `content.rendered`). */
export function htmlEdits(text: string, post: PostFixes, options: FixOptions, counts: FixCounts): Edit[] {
  const edits: Edit[] = [];
  for (const tag of scanHtmlLinks(text)) {
    if (tag.href === undefined) continue;
    const fix = fixFor(tag.href, post);
    if (fix) edits.push(...tagEdits(tag, fix, options, counts));
  }
  return edits;
}

/** A URL written as a Markdown destination: `<…>` when parentheses or spaces would end it early. */
function markdownDestination(url: string, link: Pick<MarkdownLink, 'kind'>): string {
  const safe = url.replace(/[\s<>]/g, (ch) => encodeURIComponent(ch));
  if (link.kind === 'autolink' || link.kind === 'bare') return safe.replace(/[()]/g, (ch) => encodeURIComponent(ch));
  return /[()]/.test(safe) ? `<${safe}>` : safe;
}

function annotation(url: string): string {
  return `${ANNOTATION}${markdownDestination(url, { kind: 'inline' })}))`;
}

/**
 * The edits a Markdown text needs. A moved source's destination is replaced; a dead source's
 * too with `--dead-link archive`, while `annotate` (and Robust Links for live sources, which
 * Markdown has no attributes for) keeps the link and adds " ([archived](…))" after it, or
 * after each use of a reference definition. HTML `<a>` tags in the text are fixed as HTML.
 */
export function markdownEdits(text: string, post: PostFixes, options: FixOptions, counts: FixCounts): Edit[] {
  const edits: Edit[] = [];
  const annotateLabels = new Map<string, string>();
  for (const link of scanMarkdownLinks(text)) {
    const fix = fixFor(link.href, post);
    if (!fix) continue;
    if (link.kind === 'html' && link.tag) {
      edits.push(...tagEdits(link.tag, fix, options, counts));
      continue;
    }
    const angle = text[link.destStart] === '<' && link.kind !== 'autolink';
    const replace = (url: string): void => {
      const dest = markdownDestination(url, link);
      edits.push({
        start: link.destStart,
        end: link.destEnd,
        text: angle && !dest.startsWith('<') ? `<${dest}>` : dest,
      });
    };
    if (fix.reason === 'moved' && fix.newUrl !== undefined) {
      replace(fix.newUrl);
      counts.moved += 1;
      if (fix.capture && !text.startsWith(ANNOTATION, link.end))
        edits.push({ start: link.end, end: link.end, text: annotation(fix.capture.versionUrl) });
    } else if (fix.capture && fix.reason === 'archived' && options.deadLink === 'archive') {
      replace(fix.capture.versionUrl);
      counts.archived += 1;
    } else if (fix.capture && link.kind === 'definition' && link.label !== undefined) {
      annotateLabels.set(link.label, fix.capture.versionUrl);
      counts[fix.reason === 'archived' ? 'archived' : 'robust'] += 1;
    } else if (fix.capture && !text.startsWith(ANNOTATION, link.end)) {
      edits.push({ start: link.end, end: link.end, text: annotation(fix.capture.versionUrl) });
      counts[fix.reason === 'archived' ? 'archived' : 'robust'] += 1;
    }
  }
  if (annotateLabels.size > 0) {
    for (const use of scanReferenceUses(text, new Set(annotateLabels.keys()))) {
      const url = annotateLabels.get(use.label);
      if (url !== undefined && !text.startsWith(ANNOTATION, use.end))
        edits.push({ start: use.end, end: use.end, text: annotation(url) });
    }
  }
  return edits;
}

/**
 * The edits a WordPress JSON file needs: each post's `content.rendered` is read with a map
 * back to the file, fixed as HTML, and the edits written back escaped the way the file
 * escapes (`\/`, `\uXXXX`), so every byte outside the link spans stays as it was. `posts`
 * are the fixes of the file's posts, in the order the file holds them.
 */
export function wordpressEdits(
  text: string,
  posts: readonly PostFixes[],
  options: FixOptions,
  counts: FixCounts,
): { edits: Edit[]; problem?: string } {
  const parsed = parseLenientJson(text);
  if ('error' in parsed) return { edits: [], problem: parsed.error };
  const items = (Array.isArray(parsed.value) ? parsed.value : [parsed.value]).filter(isWordPressPost);
  if (items.length !== posts.length)
    return { edits: [], problem: 'the file no longer holds the posts that were checked' };
  const edits: Edit[] = [];
  items.forEach((item, i) => {
    const content = item.content;
    const at =
      content && typeof content === 'object'
        ? parsed.offsets.get(content)?.rendered
        : parsed.offsets.get(item)?.content;
    if (at === undefined || text[at] !== '"') return;
    const literal = readJsonString(text, at);
    for (const e of htmlEdits(literal.value, posts[i], options, counts)) {
      edits.push({
        start: literal.rawAt[e.start],
        end: literal.rawAt[e.end],
        text: encodeJsonString(e.text, literal.style),
      });
    }
  });
  return { edits };
}
