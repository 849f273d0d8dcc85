import { Parser } from 'htmlparser2';

/**
 * Inline ignore markers (issue 13, "a user decides what is checked"), read from a post's body
 * before extraction, by line:
 * - `<!-- citecheck-ignore -->`: links on the same line;
 * - `<!-- citecheck-ignore-next-line -->`: links on the next line;
 * - `<!-- citecheck-disable -->` … `<!-- citecheck-enable -->`: links on every line from the
 *   one to the other (to the end without an enable).
 * Each may give its reason: `<!-- citecheck-ignore: paywalled -->`.
 * The same comments in Markdown, HTML and WordPress content. Lines are the granularity: a link
 * is matched by the line it sits on. In Markdown, a marker inside a code fence or a code span
 * is an example, not a marker (in HTML, one shown as code is escaped and never a comment).
 */

/** Why links on a body line (1-based, within the body) are ignored, or undefined. */
export type IgnoredLine = (line: number) => string | undefined;

/** How to read and word markers. */
export interface MarkerOptions {
  /** The body is Markdown (then code fences and spans hold no markers). */
  markdown: boolean;
  /** How a body line is named in reasons ("line 12", "line 3 of the post's content"). */
  where: (line: number) => string;
}

// A marker may give its reason after a colon or a space (`<!-- citecheck-ignore: paywalled -->`),
// as ESLint's comments do; it is shown with the link's own reason. The rest of the comment is
// taken whole (one lazy run up to "-->", holding no "<" or ">", so no run reaches past the next
// comment: linear in the line) and read in code (REASON). A regex that also split its white
// space between a separator, the reason and the end took cubic time on a marker followed by
// thousands of spaces.
const MARKER = /<!--\s*citecheck-(ignore-next-line|ignore|disable|enable)\b([^<>]*?)-->/g;
// What may follow the keyword: nothing, or a colon or white space and then the reason.
const REASON = /^(?:\s*:|\s)([\s\S]*)$/;
/** Longest reason kept from a marker: it is printed beside each link it ignores. */
const MAX_REASON = 200;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Ignored spans of lines, inclusive, with their reason; the last may run to the end. */
interface Span {
  from: number;
  to: number;
  reason: string;
}

/** True when offset `at` of `line` sits inside a code span (an odd number of backticks before it). */
function inCodeSpan(line: string, at: number): boolean {
  let ticks = 0;
  for (let i = line.indexOf('`'); i !== -1 && i < at; i = line.indexOf('`', i + 1)) ticks++;
  return ticks % 2 === 1;
}

/** One marker comment of a body: its 1-based line, keyword, reason and offsets in the body. */
interface MarkerMatch {
  line: number;
  kind: string;
  why: string | undefined;
  start: number;
  end: number;
}

/** The marker a MARKER match at `offset` of the body (on 1-based `line`) makes, if any. */
function markerOf(m: RegExpExecArray, offset: number, line: number): MarkerMatch | undefined {
  const rest = REASON.exec(m[2]);
  // "citecheck-ignore-next" and the like are no markers.
  if (rest === null && m[2] !== '') return undefined;
  const why = rest?.[1].trim().slice(0, MAX_REASON) || undefined;
  return { line, kind: m[1], why, start: offset + m.index, end: offset + m.index + m[0].length };
}

/**
 * The marker comments of an HTML body, in order: only real comments, as the HTML parser reads
 * them. The same text in an attribute value, a script, a style, a title or a textarea is no
 * comment (review22: a theme's inline script holding "<!-- citecheck-disable -->" stopped every
 * later link being checked). Linear in the body.
 */
function* htmlMarkerMatches(body: string): Generator<MarkerMatch> {
  const comments: number[] = [];
  const parser = new Parser({
    oncomment() {
      comments.push(parser.startIndex, parser.endIndex + 1);
    },
  });
  parser.end(body);
  let line = 1;
  let counted = 0;
  for (let i = 0; i < comments.length; i += 2) {
    const start = comments[i];
    const end = comments[i + 1];
    const text = body.slice(start, end);
    if (!text.includes('citecheck-')) continue;
    for (let at = body.indexOf('\n', counted); at !== -1 && at < start; at = body.indexOf('\n', at + 1)) line++;
    counted = start;
    MARKER.lastIndex = 0;
    const m = MARKER.exec(text);
    const found = m && markerOf(m, start, line);
    if (found) yield found;
  }
}

/**
 * The marker comments of `body` in order, but those a Markdown body shows as code (in a fence or
 * a code span: examples, not markers). Linear in the body.
 */
function* markerMatches(body: string, markdown: boolean): Generator<MarkerMatch> {
  if (!markdown) {
    yield* htmlMarkerMatches(body);
    return;
  }
  let fence: string | undefined;
  let lineNo = 0;
  for (let at = 0; at <= body.length; lineNo++) {
    const newline = body.indexOf('\n', at);
    const end = newline === -1 ? body.length : newline;
    const line = body.slice(at, end);
    const lineStart = at;
    at = end + 1;
    const f = FENCE.exec(line);
    if (fence !== undefined) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    if (line.includes('citecheck-')) {
      MARKER.lastIndex = 0;
      for (let m = MARKER.exec(line); m; m = MARKER.exec(line)) {
        if (inCodeSpan(line, m.index)) continue;
        const found = markerOf(m, lineStart, lineNo + 1);
        if (found) yield found;
      }
    }
    if (newline === -1) break;
  }
}

/**
 * Reads the markers of `body` (see the module comment). Undefined when it has none, the usual
 * case, checked with one substring search. Linear in the body.
 */
export function readIgnoreMarkers(body: string, options: MarkerOptions): IgnoredLine | undefined {
  if (!body.includes('citecheck-')) return undefined;
  const single = new Map<number, string>();
  const spans: Span[] = [];
  let open: Span | undefined;
  for (const { line: n, kind, why } of markerMatches(body, options.markdown)) {
    const comment = `a citecheck-${kind} comment on ${options.where(n)}${why ? ` (${why})` : ''}`;
    if (kind === 'ignore') single.set(n, `ignored by ${comment}`);
    else if (kind === 'ignore-next-line') single.set(n + 1, `ignored by ${comment}`);
    else if (kind === 'disable' && open === undefined) {
      open = { from: n, to: Infinity, reason: `ignored after ${comment}` };
      spans.push(open);
    } else if (kind === 'enable' && open !== undefined) {
      open.to = n;
      open = undefined;
    }
  }
  if (single.size === 0 && spans.length === 0) return undefined;
  return (line) => {
    const own = single.get(line);
    if (own !== undefined) return own;
    // Spans are in order and do not overlap: binary search for the last one starting at or before.
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].from <= line) lo = mid + 1;
      else hi = mid - 1;
    }
    const span = spans[hi];
    return span !== undefined && line <= span.to ? span.reason : undefined;
  };
}

/**
 * A Markdown body without its marker comments (lines stay where they are). A comment that starts
 * a line would start an HTML block, so the text after it on that line would not be read as
 * Markdown (its links lost, its line misplaced), and one after a reference definition would
 * spoil the definition: markers are read from the body first, then cut out of what is parsed.
 */
export function stripIgnoreMarkers(body: string): string {
  const parts: string[] = [];
  let from = 0;
  for (const { start, end } of markerMatches(body, true)) {
    parts.push(body.slice(from, start));
    from = end;
  }
  if (from === 0) return body;
  parts.push(body.slice(from));
  return parts.join('');
}

/**
 * The config's `ignore` list: exact URLs, compared after the same normalisation as the links
 * (scheme and host case, default port, an empty path as "/"), with or without the fragment.
 */
export function ignoreList(urls: readonly string[], normalize: (url: string) => string | undefined): IgnoredUrl {
  const set = new Set<string>();
  for (const url of urls) set.add(normalize(url) ?? url);
  return (url, checkUrl) =>
    set.has(url) || (checkUrl !== undefined && set.has(checkUrl)) ? "listed in the config's ignore list" : undefined;
}

/** Why a citation's URL is ignored by the config, or undefined. */
export type IgnoredUrl = (url: string, checkUrl: string | undefined) => string | undefined;
