/**
 * The data of the HTML report of an archive (more than ARCHIVE_POSTS posts). Tens of thousands
 * of posts rendered as markup made a page of 150 MB that no browser opened; the archive page
 * holds instead one inline JSON document, read by the report's script, which lists the posts
 * collapsed (failing first, a page at a time, searchable) and builds a post's details when it
 * is opened. What it holds of a post: every source link where it is written (each URL once, in
 * a table; no link that is not a source), the text of the paragraphs with errors or warnings,
 * those findings worded, and the notes counted by code (their wording is in the JSON report). Nothing here is markup: the script sets it as text.
 */
import type { Finding, Report, ReportCitation, ReportPost, Severity } from '../types.js';
import { escapeScriptJson } from './escape.js';
import { citationBadge, postName, shorten, worstSeverity } from './report-view.js';
import { blockText, postNotes } from './note-view.js';

/** One URL of the table: [url, badge class, badge text, details]. */
type UrlEntry = [string, string, string, string];
/** A citation: [url index, anchor text, paragraph number, filter key when not its class, findings]. */
type CitationEntry = [number, string, number, string, FindingEntry[]];
/** A finding: [severity, code, message]. */
type FindingEntry = [Severity, string, string];

/** A post of the archive page (short keys: the page holds tens of thousands). */
interface PostEntry {
  /** Number of the post (1-based index in the report): its anchor is #post-<n>. */
  n: number;
  /** Name (title or source). */
  t: string;
  /** Source. */
  s: string;
  /** Permalink, when known and not the source. */
  u?: string;
  /** Other facts: "id 12 · published 2024-01-02". */
  m: string;
  /** Worst severity of its findings, or "none". */
  w: Severity | 'none';
  /** Findings per severity: [errors, warnings, notes]. */
  f: [number, number, number];
  /** Filter keys of its citation rows, space separated. */
  k: string;
  /** Citations. */
  c: CitationEntry[];
  /** Damaged anchors: [anchor text, paragraph number, message]. */
  d: Array<[string, number, string]>;
  /** Paragraphs with errors or warnings: [number, kind, text, line (0 when unknown)]. */
  b: Array<[number, string, string, number]>;
  /** Findings about the post as a whole, errors and warnings. */
  p: FindingEntry[];
  /** Notes by code: [code, count, paragraph numbers (CLAIM_UNCITED)]. */
  o: Array<[string, number, number[]]>;
}

/** What the archive page needs of the report's formatter helpers. */
export interface ArchiveViews {
  /** Findings of a citation (exact URL). */
  ofCitation(post: number, block: number, citation: ReportCitation): Finding[];
  /** Every finding of a block. */
  ofBlock(post: number, block: number): Finding[];
  /** Findings of the post as a whole. */
  ofPost(post: number): Finding[];
  /** The filter key of a citation row. */
  filterKey(citation: ReportCitation, findings: readonly Finding[]): string;
  /** Class of a citation's badge: its status, or "invalid". */
  statusClass(citation: ReportCitation): string;
}

// The badge already says the status; the finding that only repeats it is left out (as in the terminal).
const STATUS_FINDING = /^LINK_(BROKEN|UNREACHABLE|SOFT_404|TIMEOUT|BLOCKED|INVALID)$/;
// Posts and URLs per chunk of the page: few chunks, each well under V8's large-object size.
const POSTS_PER_CHUNK = 100;
const URLS_PER_CHUNK = 500;
// A paragraph quoted in the archive page is cut: the JSON report has it whole.
const TEXT_CHARS = 400;

const needsLook = (f: Finding): boolean => f.severity === 'error' || f.severity === 'warning';
const entry = (f: Finding): FindingEntry => [f.severity, f.code, f.message];

/** The facts of a checked URL in one line: HTTP status, error code, reason, where it redirects. */
function details(c: ReportCitation): string {
  const facts: string[] = [];
  if (c.httpStatus !== undefined) facts.push(`HTTP ${c.httpStatus}`);
  if (c.errorCode !== undefined) facts.push(c.errorCode);
  if (c.reason) facts.push(c.reason);
  if (c.finalUrl !== undefined && c.finalUrl !== c.url) {
    const hops = c.redirects.map((r) => r.status).join('→');
    facts.push(`${hops ? `${hops} ` : ''}→ ${c.finalUrl}`);
  }
  if (c.history?.failingSince)
    facts.push(`failing since ${c.history.failingSince.slice(0, 10)}, ${c.history.checks} checks`);
  return facts.join(' · ');
}

/**
 * The archive page's data element, in chunks: `<script type="application/json" id="report-data">`
 * with `{"posts":[…],"urls":[…]}`, the posts in `order`. Each URL is listed once (an archive
 * cites the same sources again and again) and citations refer to it by index.
 */
export function* archiveDataChunks(report: Report, order: readonly number[], views: ArchiveViews): Generator<string> {
  const urls: UrlEntry[] = [];
  const urlIndex = new Map<string, number>();
  const urlOf = (c: ReportCitation): number => {
    const cls = views.statusClass(c);
    const key = `${cls} ${c.url}`;
    let at = urlIndex.get(key);
    if (at === undefined) {
      at = urls.length;
      urls.push([c.url, cls, citationBadge(c), details(c)]);
      urlIndex.set(key, at);
    }
    return at;
  };
  yield '<script type="application/json" id="report-data">{"posts":[';
  for (let from = 0; from < order.length; from += POSTS_PER_CHUNK) {
    const entries: string[] = [];
    for (const i of order.slice(from, from + POSTS_PER_CHUNK))
      entries.push(JSON.stringify(postEntry(report.posts[i], i, views, urlOf)));
    yield escapeScriptJson(`${from > 0 ? ',' : ''}${entries.join(',')}`);
  }
  yield '],"urls":[';
  for (let from = 0; from < urls.length; from += URLS_PER_CHUNK) {
    const part = JSON.stringify(urls.slice(from, from + URLS_PER_CHUNK)).slice(1, -1);
    yield escapeScriptJson(`${from > 0 ? ',' : ''}${part}`);
  }
  yield ']}</script>';
}

function postEntry(post: ReportPost, i: number, views: ArchiveViews, urlOf: (c: ReportCitation) => number): PostEntry {
  const all: Finding[] = [...views.ofPost(i)];
  const keys = new Set<string>();
  const c: CitationEntry[] = [];
  const d: PostEntry['d'] = [];
  const b: PostEntry['b'] = [];
  const notes = new Map<string, [string, number, number[]]>();
  // A note's paragraph is named with the claims it credits ("footnote 1 of ¶2").
  const named = postNotes(post);
  for (const block of post.blocks) {
    const found = views.ofBlock(i, block.index);
    for (const f of found) all.push(f);
    for (const citation of block.citations) {
      // Each source once, where it is written (not again in the claims a note credits); a link
      // that is not a source is no row (it is in the JSON report with its role).
      if (citation.role !== undefined || citation.via !== undefined) continue;
      const own = views.ofCitation(i, block.index, citation);
      const key = views.filterKey(citation, own);
      keys.add(key);
      const worded = own.filter((f) => needsLook(f) && !STATUS_FINDING.test(f.code)).map(entry);
      c.push([
        urlOf(citation),
        citation.anchorText,
        block.index + 1,
        key === views.statusClass(citation) ? '' : key,
        worded,
      ]);
    }
    for (const f of found) {
      if (f.code === 'ANCHOR_DAMAGED') {
        keys.add('damaged');
        d.push([String(f.args.anchorText ?? ''), block.index + 1, f.message]);
      } else if (f.severity === 'note') {
        const note = notes.get(f.code) ?? [f.code, 0, []];
        note[1] += 1;
        if (f.code === 'CLAIM_UNCITED') note[2].push(block.index + 1);
        notes.set(f.code, note);
      }
    }
    if (found.some(needsLook))
      b.push([
        block.index + 1,
        named.context(block.index) ?? block.kind,
        shorten(blockText(block), TEXT_CHARS),
        block.line ?? 0,
      ]);
  }
  const sev: [number, number, number] = [0, 0, 0];
  for (const f of all) sev[f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2] += 1;
  const meta: string[] = [];
  if (post.id !== undefined) meta.push(`id ${post.id}`);
  if (post.published) meta.push(`published ${post.published}`);
  const out: PostEntry = {
    n: i + 1,
    t: postName(post),
    s: post.source,
    m: meta.join(' · '),
    w: worstSeverity(all) ?? 'none',
    f: sev,
    k: [...keys].join(' '),
    c,
    d,
    b,
    p: views.ofPost(i).filter(needsLook).map(entry),
    o: [...notes.values()],
  };
  if (post.url && post.url !== post.source) out.u = post.url;
  return out;
}
