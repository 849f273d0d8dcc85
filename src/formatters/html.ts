import {
  damagedAnchorCount,
  LINK_STATUSES,
  type Finding,
  type LinkStatus,
  type Report,
  type ReportBlock,
  type ReportCitation,
  type ReportPost,
} from '../types.js';
import { escapeHtml, guardJsonText, guardMarkupText } from './escape.js';
import { archiveDataChunks } from './html-archive.js';
import { htmlCsp, HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import {
  ARCHIVE_POSTS,
  FAILING_STATUSES,
  archiveView,
  citationBadge,
  failureWeight,
  postsFailingFirst,
  formatMs,
  indexFindings,
  plural,
  postFigures,
  postName,
  shorten,
  sourcesLostSentence,
  nothingCheckedSentence,
  runSourcesLostSentence,
  worstSeverity,
  type FindingIndex,
} from './report-view.js';
import {
  blockLinks,
  blockText,
  creditedFindings,
  layoutBlocks,
  notSourcesSummary,
  notCheckedNote,
  notesWithClaimsSentence,
  postNotes,
  sourceRows,
  type BlockLinks,
  type PostNotes,
} from './note-view.js';

const e = escapeHtml;

/**
 * One self-contained HTML page (inline CSS and a hashed inline script, nothing external):
 * a summary, a status filter and a search box, then the posts, failing first, each a
 * collapsible section (open when it has errors or warnings) with its claim paragraphs, their
 * sources marked inline by status, and a table of citations (`tr[data-status]`) that
 * `#status-filter` hides and shows. Past ARCHIVE_POSTS posts the page is an index instead (see
 * html-archive.ts). Every string from the post or the network is escaped, and only http(s)
 * URLs become links.
 */
export function renderHtml(report: Report): string {
  return [...renderHtmlChunks(report)].join('');
}

/** The page of renderHtml in pieces (one per post, or per few hundred posts of an archive), for streaming. */
export function* renderHtmlChunks(report: Report): Generator<string> {
  const index = indexFindings(report);
  const t = report.totals;
  const archive = report.posts.length > ARCHIVE_POSTS;
  const title = `citecheck: ${plural(t.findings.error, 'error')}, ${plural(t.findings.warning, 'warning')}${report.posts.length === 1 ? ` — ${postName(report.posts[0])}` : ''}`;
  const parts: string[] = [];
  parts.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Also how the input loader knows this file for our own report and does not read it as a post.
    `<meta name="generator" content="${e(report.tool.name)} ${e(report.tool.version)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${e(htmlCsp())}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${e(title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    '<div class="wrap">',
    '<header>',
    '<h1>Citation report</h1>',
    `<p class="meta">${e(report.tool.name)} ${e(report.tool.version)} · started <time>${e(report.startedAt)}</time> · ${e(formatMs(report.durationMs))}${report.offline ? ' · offline: no link was requested' : ''}</p>`,
  );
  if (report.interrupted) {
    parts.push(
      `<p class="banner interrupted" role="alert" id="interrupted">Interrupted: the run was stopped early, this report is partial (${plural(t.byStatus.unchecked, 'link')} unchecked).</p>`,
    );
  }
  const lost = runSourcesLostSentence(report);
  if (lost) parts.push(`<p class="banner lost" role="alert">${e(lost)}</p>`);
  const nothing = nothingCheckedSentence(report);
  if (nothing) parts.push(`<p class="banner warn" role="alert">${e(nothing)}</p>`);
  parts.push(
    '<ul class="cards" id="totals">',
    `<li class="sev-error"><b>${t.findings.error}</b>errors</li>`,
    `<li class="sev-warning"><b>${t.findings.warning}</b>warnings</li>`,
    `<li class="sev-note"><b>${t.findings.note}</b>notes</li>`,
    `<li><b>${t.posts}</b>${t.posts === 1 ? 'post' : 'posts'}</li>`,
    `<li><b>${t.claims}</b>claims</li>`,
    `<li><b>${t.citations}</b>citations</li>`,
    `<li><b>${t.uniqueUrls}</b>unique URLs</li>`,
    `<li><b>${t.damagedAnchors}</b>damaged anchors</li>`,
    '</ul>',
    '</header>',
    renderFilter(report, index),
    '<main>',
  );
  // Every piece is made inert for a CI log (see guardMarkupText), as the whole page was.
  yield guard(`${parts.join('\n')}\n`);
  const order = postsFailingFirst(report).map(({ i }) => i);
  if (archive) {
    yield [
      `<p class="meta">${plural(report.posts.length, 'post')}, those with errors first; open a post for its citations and the paragraphs that need a look (every text and finding is in the JSON report).</p>`,
      '<ol id="post-list" class="post-list"></ol>',
      '<p><button type="button" id="more-posts" hidden>Show more posts</button></p>',
      '<noscript><p class="banner warn">This report lists its posts with JavaScript, which is off: open it in a browser that runs scripts, or read the JSON report.</p></noscript>',
      '',
    ].join('\n');
  } else {
    for (const i of order) yield guard(`${renderPost(report.posts[i], i, index, report.posts.length === 1)}\n`);
    if (report.posts.length === 0) yield '<p>No posts were read.</p>\n';
  }
  yield guard(
    `${['</main>', renderHosts(report), `<footer>Generated by ${e(report.tool.name)} ${e(report.tool.version)}.</footer>`, '</div>'].join('\n')}\n`,
  );
  if (archive) {
    const views = { ...index, filterKey, statusClass };
    // JSON inside a script element: its own guard, whose escapes JSON.parse reads back.
    for (const chunk of archiveDataChunks(report, order, views)) yield guardJsonText(chunk);
    yield '\n';
  }
  yield `<script>${HTML_SCRIPT}</script>\n</body>\n</html>\n`;
}

const guard = (markup: string): string => guardMarkupText(markup, 'html');

// Filter keys beyond the link statuses: a lost URL, a malformed one, and a link that answers
// but still needs a look (moved, quote gone, #fragment missing). "Failing only" must keep
// every row with a warning or an error, whatever the link's status.
const ATTENTION = 'attention';
const EXTRA_KEYS: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'damaged', label: 'damaged' },
  { key: 'invalid', label: 'invalid' },
  { key: ATTENTION, label: 'needs a look' },
];

/** The filter key of a citation row: its status, unless a finding asks more of it. */
function filterKey(c: ReportCitation, findings: readonly Finding[]): string {
  if (c.errorCode === 'INVALID_URL') return 'invalid';
  if (FAILING_STATUSES.has(c.status)) return c.status;
  const worst = worstSeverity(findings);
  return worst === 'error' || worst === 'warning' ? ATTENTION : c.status;
}

function renderFilter(report: Report, index: FindingIndex): string {
  const counts = new Map<string, number>();
  const add = (key: string, n = 1): void => void counts.set(key, (counts.get(key) ?? 0) + n);
  // The rows the page shows: a note's links under the claims it credits, no link that is not a source.
  report.posts.forEach((post, postIndex) => {
    const notes = postNotes(post);
    for (const block of layoutBlocks(post, postIndex, index, notes).shown) {
      for (const row of sourceRows(blockLinks(post, block, notes), postIndex, block.index, index))
        add(filterKey(row.citation, row.findings));
      if (block.damagedAnchors.length > 0) add('damaged', damagedAnchorCount(block));
    }
  });
  const chips = [...EXTRA_KEYS, ...LINK_STATUSES.map((status) => ({ key: status, label: status }))].map(
    ({ key, label }) => {
      const failing =
        key !== 'ok' && (EXTRA_KEYS.some((x) => x.key === key) || FAILING_STATUSES.has(key as LinkStatus));
      return `<label class="chip s-${key}"><input type="checkbox" name="status" value="${key}" data-failing="${failing}" checked> ${label} <span class="count">${counts.get(key) ?? 0}</span></label>`;
    },
  );
  return [
    '<form id="status-filter" aria-label="Filter citations by status">',
    // Counts are citations (rows), not the unique URLs the totals count.
    '<fieldset><legend>Show citations</legend>',
    ...chips,
    '<button type="button" data-preset="failing">Failing only</button>',
    '<button type="button" data-preset="all">All</button>',
    '</fieldset>',
    '<p class="search"><label for="post-search">Search posts</label> <input type="search" id="post-search" placeholder="title, source, URL or anchor text" autocomplete="off" spellcheck="false"> <span id="post-count" role="status"></span></p>',
    '</form>',
  ].join('\n');
}

/** One post as a collapsible section, open when it has errors or warnings (or is the only post). */
function renderPost(post: ReportPost, postIndex: number, index: FindingIndex, only: boolean): string {
  const figures = postFigures(post);
  const postFindings = index.ofPost(postIndex);
  const all = [...postFindings, ...post.blocks.flatMap((b) => index.ofBlock(postIndex, b.index))];
  const worst = worstSeverity(all);
  const open = only || worst === 'error' || worst === 'warning';
  const out: string[] = [];
  out.push(`<details class="post" id="post-${postIndex + 1}" data-worst="${worst ?? 'none'}"${open ? ' open' : ''}>`);
  out.push(`<summary><h2>${e(postName(post))}</h2>`);
  const meta = [e(post.source)];
  if (post.id !== undefined) meta.push(`id ${e(String(post.id))}`);
  if (post.published) meta.push(`published ${e(post.published)}`);
  if (post.url && post.url !== post.source) meta.push(link(post.url, post.url));
  // A summary holds phrasing content only: spans, laid out as lines by the stylesheet.
  out.push(`<span class="meta">${meta.join(' · ')}</span>`);

  const chips: string[] = [];
  for (const s of LINK_STATUSES)
    if (figures.byStatus[s] > 0) chips.push(`<span class="chip s-${s}">${s} ${figures.byStatus[s]}</span>`);
  if (figures.damagedAnchors > 0)
    chips.push(`<span class="chip s-damaged">damaged anchors ${figures.damagedAnchors}</span>`);
  const sev = { error: 0, warning: 0, note: 0 };
  for (const f of all) sev[f.severity] += 1;
  chips.push(
    `<span class="chip">${plural(sev.error, 'error')} · ${plural(sev.warning, 'warning')} · ${plural(sev.note, 'note')}</span>`,
  );
  out.push(
    `<span class="post-summary" aria-label="Summary of this post"><span class="chip">${plural(figures.citations, 'citation')}</span>${chips.join('')}</span></summary>`,
  );

  const lost = sourcesLostSentence(figures);
  if (lost !== undefined) out.push(`<p class="banner lost">${e(lost)}</p>`);
  if (postFindings.length > 0) out.push(`<ul class="post-findings">${postFindings.map(findingItem).join('')}</ul>`);

  // Notes (footnotes, source lines, reference entries) are shown with the claims they credit.
  const notes = postNotes(post);
  const { shown, withClaims, hidden } = layoutBlocks(post, postIndex, index, notes);
  shown
    .map((block) => {
      const links = blockLinks(post, block, notes);
      const findings = [...index.ofBlock(postIndex, block.index), ...creditedFindings(links, postIndex, index)];
      return { block, links, weight: failureWeight(findings) };
    })
    .sort((a, b) => b.weight - a.weight)
    .forEach(({ block, links }) => out.push(renderBlock(block, links, notes, postIndex, index)));
  if (withClaims.length > 0) out.push(`<p class="meta">${e(notesWithClaimsSentence(withClaims, 'shown'))}.</p>`);
  if (hidden.length > 0) {
    const notSources = notSourcesSummary(hidden.flatMap((b) => b.citations));
    out.push(
      `<details class="other"><summary>${plural(hidden.length, 'other block')} without claims or ${notSources === undefined ? 'links' : `sources (${e(notSources)})`}</summary><ol>`,
    );
    for (const b of hidden)
      out.push(
        `<li value="${b.index + 1}"><span class="code">${e(b.kind)}</span> ${e(shorten(blockText(b), 140))}</li>`,
      );
    out.push('</ol></details>');
  }
  out.push('</details>');
  return out.join('\n');
}

function renderBlock(
  block: ReportBlock,
  links: BlockLinks,
  notes: PostNotes,
  postIndex: number,
  index: FindingIndex,
): string {
  const rows = sourceRows(links, postIndex, block.index, index);
  const findings = [...index.ofBlock(postIndex, block.index), ...rows.flatMap((r) => (r.note ? r.findings : []))];
  const out: string[] = [];
  out.push(
    `<article class="block${block.isClaim ? ' claim' : ''}" id="post-${postIndex + 1}-block-${block.index + 1}" data-worst="${worstSeverity(findings) ?? 'none'}">`,
  );
  // A note says what it is and what it credits: it is no claim of its own.
  const label = notes.label(block.index);
  const credited = notes.credited(block.index);
  const head = [
    `¶${block.index + 1}`,
    label ?? block.kind,
    block.line !== undefined ? `line ${block.line}` : '',
    block.isClaim && label === undefined ? `claim: ${block.signals.join(', ')}` : '',
    credited.length > 0 ? `credits ${credited.map((b) => `¶${b + 1}`).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  out.push(`<h3>${e(head)}</h3>`);

  // Numbers follow reading order so the inline marks and the table rows match; a source a note
  // credits is numbered after the block's own (its anchor is in the note, not marked here).
  const numbers = new Map([...links.own, ...links.credited.map((l) => l.citation)].map((c, i) => [c, i + 1]));
  const damaged = block.damagedAnchors.map((d, i) => ({ d, n: numbers.size + i + 1 }));
  const marks = [
    ...links.own.map((c) => ({ needle: c.anchorText, cls: `s-${statusClass(c)}`, n: numbers.get(c) ?? 0 })),
    ...damaged.map(({ d, n }) => ({ needle: d.anchorText, cls: 's-damaged', n })),
  ];
  out.push(`<p class="block-text">${markText(blockText(block), marks)}</p>`);
  const uncited = index.uncitedOf(postIndex, block.index);
  if (uncited !== undefined) out.push(`<p class="uncited">${e(uncited.message)}</p>`);
  for (const note of links.unlinked)
    out.push(`<p class="meta">Credited by ${e(note.label)}: “${e(shorten(note.text, 200))}” (no link)</p>`);

  if (rows.length + damaged.length > 0) {
    out.push(
      '<table class="citations"><thead><tr><th>#</th><th>Status</th><th>Source</th><th>Details</th></tr></thead><tbody>',
    );
    for (const row of rows)
      out.push(renderCitationRow(row.citation, numbers.get(row.citation) ?? 0, row.findings, row.note));
    const damagedFindings = index.damagedOf(postIndex, block.index);
    damaged.forEach(({ d, n }, i) => {
      const f = damagedFindings[i];
      out.push(
        `<tr class="citation damaged" data-status="damaged" data-filter="damaged"><td>${n}</td><td><span class="badge s-damaged">DAMAGED</span></td>` +
          `<td class="url"><span class="anchor">“${e(d.anchorText)}”</span><br><em>URL lost</em></td>` +
          `<td>${f ? `<ul class="findings">${findingItem(f)}</ul>` : ''}<div class="meta">${e(shorten(d.sentence, 200))}</div></td></tr>`,
      );
    });
    out.push('</tbody></table>');
  }
  // Links that are not sources: counted, never given a verdict.
  const notSources = notSourcesSummary(links.notSources);
  if (notSources !== undefined) out.push(`<p class="meta">${e(notSources)}${notCheckedNote(links.notSources)}.</p>`);
  // The findings cap's summaries: the findings of a code past the cap, counted.
  const omitted = index.omittedOf(postIndex, block.index);
  if (omitted.length > 0) out.push(`<ul class="findings">${omitted.map(findingItem).join('')}</ul>`);
  out.push('</article>');
  return out.join('\n');
}

function renderCitationRow(c: ReportCitation, n: number, findings: Finding[], note?: string): string {
  const facts: string[] = [];
  if (c.httpStatus !== undefined) facts.push(`HTTP ${c.httpStatus}`);
  if (c.errorCode !== undefined) facts.push(`<span class="code">${e(c.errorCode)}</span>`);
  if (c.reason) facts.push(e(c.reason));
  if (c.finalUrl !== undefined && c.finalUrl !== c.url) {
    const hops = c.redirects.map((r) => r.status).join('→');
    facts.push(`${hops ? `${hops} ` : ''}→ ${link(c.finalUrl, c.finalUrl)}`);
  }
  if (c.history?.failingSince)
    facts.push(`failing since ${e(c.history.failingSince.slice(0, 10))}, ${plural(c.history.checks, 'check')}`);
  const archive = archiveView(c);
  if (archive !== undefined) {
    // A found capture is a link labelled with its date; an archive link names what it copies.
    const shown =
      archive.url === undefined
        ? e(archive.label)
        : c.archive?.status === 'found'
          ? link(archive.url, archive.label)
          : `${e(archive.label)} ${link(archive.url, archive.url)}`;
    facts.push(`<span class="archive">${shown}${archive.detail ? ` (${e(archive.detail)})` : ''}</span>`);
  }
  const list = findings.length > 0 ? `<ul class="findings">${findings.map(findingItem).join('')}</ul>` : '';
  return (
    `<tr class="citation" data-status="${c.status}" data-filter="${filterKey(c, findings)}"><td>${n}</td><td><span class="badge s-${statusClass(c)}">${e(citationBadge(c))}</span></td>` +
    `<td class="url">${note !== undefined ? `<span class="via">${e(note)}:</span> ` : ''}${c.anchorText ? `<span class="anchor">“${e(c.anchorText)}”</span><br>` : ''}${link(c.url, c.url)}</td>` +
    `<td>${facts.join(' · ')}${list}</td></tr>`
  );
}

function renderHosts(report: Report): string {
  const hosts = report.hosts.filter((h) => h.requests > 0 || h.retries > 0 || h.backoffs > 0);
  if (hosts.length === 0) return '';
  const rows = hosts.map(
    (h) =>
      `<tr><td class="url">${e(h.host)}</td><td>${h.requests}</td><td>${h.retries}</td><td>${h.backoffs}</td><td>${h.maxInFlight}</td></tr>`,
  );
  return `<details class="other" id="hosts"><summary>Requests per host</summary><table class="citations"><thead><tr><th>Host</th><th>Requests</th><th>Retries</th><th>Backoffs</th><th>Max in flight</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

function findingItem(f: Finding): string {
  return `<li class="sev-${f.severity}"><span class="code">${e(f.code)}</span> ${e(f.message)}</li>`;
}

function statusClass(c: ReportCitation): string {
  return c.errorCode === 'INVALID_URL' ? 'invalid' : c.status;
}

/** An `<a>` only for http(s) URLs; anything else (javascript:, data:, …) is shown as text. */
function link(url: string, text: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `<span class="code">${e(text)}</span>`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `<span class="code">${e(text)}</span>`;
  return `<a href="${e(parsed.href)}" rel="noopener noreferrer nofollow">${e(text)}</a>`;
}

/** Anchors marked in one block's text; past them the block's rows still list every link. */
const MAX_MARKS_PER_BLOCK = 200;

/**
 * Escapes the block text and wraps each anchor text in a status-coloured mark with its
 * number. Anchors are found in reading order; one that cannot be found is simply not marked.
 * Spans stay sorted and apart, so an overlap is a binary search, and only the first
 * MAX_MARKS_PER_BLOCK anchors are looked for: a block of 70,000 anchors (a hostile post) took
 * minutes when every mark was compared with every span placed before it (review22).
 */
function markText(text: string, marks: Array<{ needle: string; cls: string; n: number }>): string {
  const spans: Array<{ start: number; end: number; cls: string; n: number }> = [];
  let cursor = 0;
  // The first span ending after `start` (spans are sorted and apart: their ends are sorted too).
  const firstEndingAfter = (start: number): number => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].end > start) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const overlaps = (start: number, end: number): boolean => {
    const i = firstEndingAfter(start);
    return i < spans.length && spans[i].start < end;
  };
  // The first anchors only: each search may read the whole text.
  for (let k = 0; k < marks.length && k < MAX_MARKS_PER_BLOCK; k++) {
    const m = marks[k];
    if (m.needle === '') continue;
    let at = text.indexOf(m.needle, cursor);
    if (at < 0 || overlaps(at, at + m.needle.length)) at = text.indexOf(m.needle);
    while (at >= 0 && overlaps(at, at + m.needle.length)) at = text.indexOf(m.needle, at + 1);
    if (at < 0) continue;
    spans.splice(firstEndingAfter(at), 0, { start: at, end: at + m.needle.length, cls: m.cls, n: m.n });
    cursor = at + m.needle.length;
  }
  let out = '';
  let pos = 0;
  for (const s of spans) {
    out += e(text.slice(pos, s.start));
    out += `<mark class="${s.cls}">${e(text.slice(s.start, s.end))}<sup>${s.n}</sup></mark>`;
    pos = s.end;
  }
  return out + e(text.slice(pos));
}
