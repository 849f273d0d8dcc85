import {
  damagedAnchorCount,
  LINK_STATUSES,
  type Finding,
  type LinkStatus,
  type Report,
  type ReportCitation,
  type ReportPost,
  type Severity,
} from '../types.js';
import { isAtOrAbove } from '../report/codes.js';
import { escapeMarkdownCell, escapeMarkdownInline, guardLines } from './escape.js';
import {
  FAILING_STATUSES,
  archiveView,
  citationBadge,
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
} from './report-view.js';
import {
  notSourcesCount,
  sourceRows,
  blockLinks,
  blockText,
  layoutBlocks,
  notSourcesSummary,
  notCheckedNote,
  notesWithClaimsSentence,
  postNotes,
  runNotSources,
  type PostNotes,
} from './note-view.js';

// GitHub caps a PR comment at 65,536 characters and a job summary at 1 MiB: long tables are
// cut with a pointer to the full reports rather than silently failing to post.
const MAX_ROWS = 100;
// GitHub rejects a job summary over 1 MiB; leave room for the header and footer.
const MAX_BYTES = 900_000;

const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', note: 'ℹ️' };
const STATUS_ICON: Record<LinkStatus, string> = {
  broken: '❌',
  unreachable: '❌',
  'soft-404': '❌',
  timeout: '⏱️',
  blocked: '🚧',
  ok: '✅',
  excluded: '➖',
  skipped: '➖',
  unchecked: '❔',
};

/**
 * Markdown for a CI job summary or a PR comment: headline and totals table, then per post
 * the findings a human must act on (warning and above), with notes and every citation in
 * collapsed `<details>`. All post/network text is escaped for GFM table cells.
 */
export function renderMarkdown(report: Report): string {
  const t = report.totals;
  const index = indexFindings(report);
  const out: string[] = [];
  const notSources = runNotSources(report);
  out.push('## citecheck: citation report', '');
  out.push(
    `**${SEVERITY_ICON.error} ${plural(t.findings.error, 'error')} · ${SEVERITY_ICON.warning} ${plural(t.findings.warning, 'warning')} · ${SEVERITY_ICON.note} ${plural(t.findings.note, 'note')}** — ` +
      `${plural(t.posts, 'post')}, ${plural(t.blocks, 'block')} (${plural(t.claims, 'claim')}), ${plural(t.citations, 'citation')}, ` +
      `${plural(t.uniqueUrls, 'unique URL')}, ${plural(t.damagedAnchors, 'damaged anchor')}${notSources > 0 ? `, ${notSourcesCount(notSources)}` : ''}`,
    '',
  );
  if (report.interrupted) {
    out.push(
      '> [!WARNING]',
      `> The run was interrupted: this report is partial (${plural(t.byStatus.unchecked, 'link')} unchecked).`,
      '',
    );
  }
  if (report.offline) out.push('> [!NOTE]', '> Offline run: no link was requested.', '');
  const lost = runSourcesLostSentence(report);
  if (lost) out.push(`> [!CAUTION]`, `> ${lost}`, '');
  const nothing = nothingCheckedSentence(report);
  if (nothing) out.push('> [!WARNING]', `> ${nothing}`, '');

  out.push('| Status | Unique URLs |', '|:--|--:|');
  for (const s of LINK_STATUSES) out.push(`| ${STATUS_ICON[s]} ${s} | ${t.byStatus[s]} |`);
  out.push('');

  const clean: ReportPost[] = [];
  const order = postsFailingFirst(report);
  let bytes = Buffer.byteLength(out.join('\n'));
  let omitted = 0;
  for (const { post, i, findings } of order) {
    if (findings.length === 0) {
      clean.push(post);
      continue;
    }
    let section = postSection(post, i, findings, index);
    let size = Buffer.byteLength(section.join('\n')) + 1;
    // A post too large for what is left is still named, with its counts, while that fits.
    if (omitted === 0 && bytes + size > MAX_BYTES) {
      section = postHeadline(post, findings);
      size = Buffer.byteLength(section.join('\n')) + 1;
    }
    if (omitted > 0 || bytes + size > MAX_BYTES) {
      omitted += 1;
      continue;
    }
    bytes += size;
    out.push(...section);
  }
  if (omitted > 0) {
    out.push(
      `_${plural(omitted, 'more post')} with findings not shown: GitHub limits the size of a summary. See the full JSON or HTML report._`,
      '',
    );
  }
  if (clean.length > 0 && omitted === 0) {
    out.push(`<details><summary>${plural(clean.length, 'post')} without findings</summary>`, '');
    for (const post of clean.slice(0, MAX_ROWS)) {
      const figures = postFigures(post);
      out.push(
        `- ${escapeMarkdownInline(postName(post))} (${escapeMarkdownInline(post.source)}): ${plural(figures.citations, 'citation')}`,
      );
    }
    if (clean.length > MAX_ROWS) out.push(`- … and ${clean.length - MAX_ROWS} more`);
    out.push('', '</details>', '');
  }
  out.push(
    `<sub>${escapeMarkdownInline(`${report.tool.name} ${report.tool.version}`)} · started ${escapeMarkdownInline(report.startedAt)} · ${formatMs(report.durationMs)}</sub>`,
  );
  return guardLines(`${out.join('\n')}\n`);
}

function postSection(
  post: ReportPost,
  postIndex: number,
  findings: Finding[],
  index: ReturnType<typeof indexFindings>,
): string[] {
  const out: string[] = [];
  const notes = postNotes(post);
  const actionable = findings.filter((f) => isAtOrAbove(f.severity, 'warning'));
  out.push(`### ${escapeMarkdownInline(postName(post))}`, '');
  out.push(postMeta(post), '');
  const lost = sourcesLostSentence(postFigures(post));
  if (lost !== undefined) out.push(`**${escapeMarkdownInline(lost)}**`, '');
  if (actionable.length > 0) out.push(...findingTable(actionable, post, notes), '');
  const noteFindings = findings.filter((f) => !isAtOrAbove(f.severity, 'warning'));
  if (noteFindings.length > 0) {
    out.push(
      `<details><summary>${plural(noteFindings.length, 'note')}</summary>`,
      '',
      ...findingTable(noteFindings, post, notes),
      '',
      '</details>',
      '',
    );
  }
  out.push(...citationDetails(post, postIndex, index, notes), '');
  return out;
}

/** A post's heading and counts alone, for a post whose whole section would not fit in a summary. */
function postHeadline(post: ReportPost, findings: Finding[]): string[] {
  const count = (severity: Severity): number => findings.filter((f) => f.severity === severity).length;
  const counts = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('note'), 'note')}`;
  const out = [`### ${escapeMarkdownInline(postName(post))}`, '', postMeta(post), ''];
  const lost = sourcesLostSentence(postFigures(post));
  if (lost !== undefined) out.push(`**${escapeMarkdownInline(lost)}**`, '');
  out.push(
    `_${counts}: too many to list here, as GitHub limits the size of a summary. See the full JSON or HTML report._`,
    '',
  );
  return out;
}

function postMeta(post: ReportPost): string {
  const parts = [escapeMarkdownInline(post.source)];
  if (post.id !== undefined) parts.push(`id ${escapeMarkdownInline(String(post.id))}`);
  if (post.published) parts.push(`published ${escapeMarkdownInline(post.published)}`);
  if (post.url && post.url !== post.source) parts.push(escapeMarkdownInline(post.url));
  return parts.join(' · ');
}

function findingTable(findings: Finding[], post: ReportPost, notes: PostNotes): string[] {
  const rows = ['| | Code | Where | Anchor | Message |', '|---|---|---|---|---|'];
  for (const f of findings.slice(0, MAX_ROWS)) {
    // A finding in a note names the note and the claims it credits: "¶5 (footnote 1 of ¶2)".
    const note = f.block !== undefined ? notes.context(f.block) : undefined;
    const where = [
      f.block !== undefined ? `¶${f.block + 1}${note !== undefined ? ` (${note})` : ''}` : 'post',
      f.line !== undefined ? `line ${f.line}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const anchor = typeof f.args.anchorText === 'string' ? `“${escapeMarkdownCell(f.args.anchorText)}”` : '';
    rows.push(
      `| ${SEVERITY_ICON[f.severity]} | \`${f.code}\` | ${where} | ${anchor} | ${escapeMarkdownCell(f.message)} |`,
    );
  }
  if (findings.length > MAX_ROWS) {
    rows.push(
      `| | | | | … and ${findings.length - MAX_ROWS} more in ${escapeMarkdownCell(post.source)}: see the full JSON or HTML report |`,
    );
  }
  return rows;
}

/** "archived 2024-04-30: <url>" and the like, for the Detail column. */
function archiveText(c: Parameters<typeof archiveView>[0]): string | undefined {
  const view = archiveView(c);
  if (view === undefined) return undefined;
  return [`${view.label}${view.url !== undefined ? `: ${view.url}` : ''}`, view.detail].filter(Boolean).join(', ');
}

function citationDetails(
  post: ReportPost,
  postIndex: number,
  index: ReturnType<typeof indexFindings>,
  notes: PostNotes,
): string[] {
  const figures = postFigures(post);
  const failing = LINK_STATUSES.filter((s) => FAILING_STATUSES.has(s)).reduce((n, s) => n + figures.byStatus[s], 0);
  const notSourcesPart = figures.notSources > 0 ? `, ${notSourcesCount(figures.notSources)}` : '';
  const out = [
    `<details><summary>${plural(figures.citations, 'citation')} (${failing} failing)${notSourcesPart} and ${plural(figures.damagedAnchors, 'damaged anchor')}, by block</summary>`,
    '',
  ];
  // Notes whose links and findings all show with the claims they credit are listed there.
  const { shown, withClaims, hidden } = layoutBlocks(post, postIndex, index, notes);
  let rows = 0;
  for (const block of shown) {
    const links = blockLinks(post, block, notes);
    const listed = links.own.length + links.credited.length + links.unlinked.length + damagedAnchorCount(block);
    const notSources = notSourcesSummary(links.notSources);
    if (listed === 0 && notSources === undefined) continue;
    if (rows >= MAX_ROWS) {
      out.push('… more in the full JSON or HTML report.', '');
      break;
    }
    const note = notes.context(block.index);
    out.push(
      `**¶${block.index + 1}${note !== undefined ? ` ${escapeMarkdownInline(note)}` : ''}** ${escapeMarkdownInline(`“${shorten(blockText(block), 200)}”`)}`,
      '',
    );
    if (listed > 0) out.push('| Status | Anchor | URL | HTTP | Detail |', '|---|---|---|--:|---|');
    // One block can hold thousands of links or damaged anchors: the cap holds inside it too,
    // and only the rows shown are built (`listed` counts them all, the anchors extraction did
    // not keep too, which have no row).
    const room = Math.min(listed, MAX_ROWS - rows);
    let shown = 0;
    for (const row of blockRows(links, block, postIndex, index)) {
      if (shown === room) break;
      out.push(row);
      shown += 1;
    }
    rows += shown;
    if (shown < listed)
      out.push(`| | | … and ${listed - shown} more in this block: see the full JSON or HTML report | | |`);
    if (listed > 0) out.push('');
    // Links that are not sources: counted, never given a verdict.
    if (notSources !== undefined)
      out.push(`_${escapeMarkdownInline(`${notSources}${notCheckedNote(links.notSources)}.`)}_`, '');
  }
  if (withClaims.length > 0) out.push(`_${escapeMarkdownInline(notesWithClaimsSentence(withClaims, 'listed'))}._`, '');
  const hiddenNotSources = notSourcesSummary(hidden.flatMap((b) => b.citations));
  if (hiddenNotSources !== undefined)
    out.push(`_${escapeMarkdownInline(`In other blocks, ${hiddenNotSources} (not checked).`)}_`, '');
  out.push('</details>');
  return out;
}

/** A block's table rows, in order: its sources (failing first), credited notes without a link, damaged anchors. */
function* blockRows(
  links: ReturnType<typeof blockLinks>,
  block: ReportPost['blocks'][number],
  postIndex: number,
  index: ReturnType<typeof indexFindings>,
): Generator<string> {
  for (const row of sourceRows(links, postIndex, block.index, index))
    yield citationRow(row.citation, row.note, row.findings);
  for (const n of links.unlinked)
    yield `| 📝 credited | ${escapeMarkdownCell(`${n.label}: ${shorten(n.text, 200)}`)} | (no link) | | |`;
  for (const d of block.damagedAnchors)
    yield `| ❌ damaged | ${escapeMarkdownCell(d.anchorText)} | (URL lost) | | \`ANCHOR_DAMAGED\` |`;
}

/** One citation's row; a source credited from a note names the note before its anchor. */
function citationRow(c: ReportCitation, note: string | undefined, findings: Finding[]): string {
  const detail = [
    c.errorCode,
    c.reason,
    c.finalUrl && c.finalUrl !== c.url ? `→ ${c.finalUrl}` : undefined,
    c.history?.failingSince
      ? `failing since ${c.history.failingSince.slice(0, 10)}, ${plural(c.history.checks, 'check')}`
      : undefined,
    archiveText(c),
  ]
    .filter((x): x is string => x !== undefined && x !== '')
    .map(escapeMarkdownCell)
    .join(' · ');
  const extra = findings.filter((f) => !/^LINK_(BROKEN|UNREACHABLE|SOFT_404|TIMEOUT|BLOCKED|INVALID)$/.test(f.code));
  const codes = extra.map((f) => `\`${f.code}\``).join(' ');
  const anchor = note !== undefined ? `${note}: ${c.anchorText}` : c.anchorText;
  return `| ${STATUS_ICON[c.status]} ${citationBadge(c).toLowerCase()} | ${escapeMarkdownCell(anchor)} | ${escapeMarkdownCell(c.url)} | ${c.httpStatus ?? ''} | ${[detail, codes].filter(Boolean).join(' ')} |`;
}
