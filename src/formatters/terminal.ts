import pc from 'picocolors';
import type { Finding, LinkStatus, Report, ReportBlock, ReportCitation, ReportPost, Severity } from '../types.js';
import { LINK_STATUSES } from '../types.js';
import { guardLines, sanitizeText } from './escape.js';
import type { RenderOptions } from './render-options.js';
import {
  FAILING_STATUSES,
  archiveView,
  citationBadge,
  failureWeight,
  postsFailingFirst,
  formatMs,
  indexFindings,
  ARCHIVE_POSTS,
  citationsFailingFirst,
  plural,
  postFigures,
  postName,
  shorten,
  sourcesLostSentence,
  checkedUrls,
  nothingCheckedSentence,
  runSourcesLostSentence,
  type FindingIndex,
} from './report-view.js';
import {
  notSourcesCount,
  sourceRows,
  blockLinks,
  blockText,
  creditedFindings,
  layoutBlocks,
  notSourcesSummary,
  notesWithClaimsSentence,
  postNotes,
  runNotSources,
  type BlockLinks,
  type PostNotes,
} from './note-view.js';

type Colors = ReturnType<typeof pc.createColors>;

// Width of the badge column so URLs line up ("[UNREACHABLE]" is the longest badge).
const BADGE_WIDTH = 13;
const INDENT = '    ';
const DETAIL_INDENT = `${INDENT}${' '.repeat(BADGE_WIDTH + 1)}`;

/**
 * The terminal report: posts (failing first), then their claim blocks (failing first) with a
 * badge per citation, lost anchors and uncited claims in place; other blocks are counted; a
 * summary ends it. Colour only when `options.color`; all post/network text is stripped of
 * control characters so a hostile post cannot drive the terminal.
 */
export function renderTerminal(report: Report, options: RenderOptions = {}): string {
  return [...renderTerminalChunks(report, options)].join('');
}

// Characters of report lines a piece holds (about): well under V8's large-object size (128 KB).
const PIECE_CHARS = 1 << 14;

/**
 * The terminal report in pieces of whole lines: a post of 45,000 cited paragraphs writes
 * 8.6 MB, which as one string was joined, guarded and copied whole.
 */
export function* renderTerminalChunks(report: Report, options: RenderOptions = {}): Generator<string> {
  let batch: string[] = [];
  let chars = 0;
  for (const line of terminalLines(report, options)) {
    batch.push(line);
    chars += line.length;
    if (chars >= PIECE_CHARS) {
      yield linesText(batch);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield linesText(batch);
}

/**
 * Lines as printed, each ended by a line feed. Fragments were sanitised one by one; two side by
 * side could still spell a runner command, which guardLines breaks line by line: a piece of whole
 * lines is guarded as the whole text would be.
 */
function linesText(lines: readonly string[]): string {
  return guardLines(`${lines.join('\n')}\n`);
}

/** The report's lines, in order. */
function* terminalLines(report: Report, options: RenderOptions): Generator<string> {
  const c = pc.createColors(options.color === true);
  const index = indexFindings(report);
  const t = sanitizeText;

  yield (
    c.bold(`${report.tool.name} ${t(report.tool.version)} · citation report`) +
    c.dim(` · started ${t(report.startedAt)} · ${formatMs(report.durationMs)}`)
  );
  if (report.interrupted) yield interruptedBanner(report, c);
  if (report.offline) yield c.yellow('Offline run: no link was requested; http(s) links are UNCHECKED.');
  if (report.shard)
    yield c.yellow(
      `Shard ${report.shard.index}/${report.shard.count}: only the links of this shard's sites were checked (the others are UNCHECKED here); citecheck merge joins the shards' JSON reports.`,
    );

  if (report.posts.length > ARCHIVE_POSTS && !options.verbose) {
    // An archive: the posts that need a human, each with only what fails; then the summary.
    yield* renderFailingOnly(report, index, c);
    yield '';
    yield* renderSummary(report, c);
    return;
  }
  const order = postsFailingFirst(report);
  // In a multi-post run (an archive audit), posts without any finding take one line each, so
  // the posts that need a human are not buried under pages of [OK].
  const compactClean = report.posts.length > 1;
  const clean: string[] = [];
  for (const { post, i, weight } of order) {
    if (compactClean && weight === 0) {
      const figures = postFigures(post);
      clean.push(
        `   ${c.green('✔')} ${t(postName(post))} ${c.dim(`(${t(post.source)}) · ${plural(figures.citations, 'citation')}, no findings`)}`,
      );
    } else {
      yield '';
      yield* renderPost(post, i, index, c);
    }
  }
  if (clean.length > 0) {
    yield '';
    yield c.bold(`${plural(clean.length, 'post')} without findings`);
    yield* clean;
  }
  yield '';
  yield* renderSummary(report, c);
}

function* renderPost(post: ReportPost, postIndex: number, index: FindingIndex, c: Colors): Generator<string> {
  const t = sanitizeText;
  const meta = [
    t(post.source),
    post.id !== undefined ? `id ${t(String(post.id))}` : '',
    post.published ? `published ${t(post.published)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  yield `${c.bold(c.cyan(`━━ ${t(postName(post))}`))} ${c.dim(`(${meta})`)}`;
  if (post.url !== undefined && post.url !== post.source) yield `   ${c.dim(t(post.url))}`;

  for (const f of index.ofPost(postIndex)) yield `   ${severityMark(f.severity, c)} ${c.dim(f.code)} ${t(f.message)}`;
  const figures = postFigures(post);
  const lost = sourcesLostSentence(figures);
  if (lost !== undefined) yield `   ${c.red(c.bold(`✖ ${lost}`))}`;

  // Notes (footnotes, source lines, reference entries) are shown with the claims they credit.
  const notes = postNotes(post);
  const { shown, withClaims, hidden } = layoutBlocks(post, postIndex, index, notes);
  // Blocks failing first, by their weights alone: a block's links are made again as it is
  // written, not kept for every block of the post until the last is (45,000 of them, each with
  // its lists, lived through the whole render of a post of 45,000 cited paragraphs).
  const weights = shown.map((block) => {
    const links = blockLinks(post, block, notes);
    return failureWeight([...index.ofBlock(postIndex, block.index), ...creditedFindings(links, postIndex, index)]);
  });
  const order = shown.map((_, k) => k).sort((a, b) => weights[b] - weights[a]);
  for (const k of order) {
    const block = shown[k];
    yield '';
    yield* renderBlock(block, blockLinks(post, block, notes), notes, postIndex, index, c);
  }
  if (withClaims.length > 0 || hidden.length > 0) yield '';
  if (withClaims.length > 0) yield `   ${c.dim(`+ ${notesWithClaimsSentence(withClaims, 'shown')}`)}`;
  if (hidden.length > 0) {
    const kinds = new Map<string, number>();
    for (const b of hidden) kinds.set(b.kind, (kinds.get(b.kind) ?? 0) + 1);
    const detail = [...kinds].map(([kind, n]) => plural(n, kind)).join(', ');
    const notSources = notSourcesSummary(hidden.flatMap((b) => b.citations));
    const what = notSources === undefined ? 'links' : 'sources';
    yield `   ${c.dim(`+ ${plural(hidden.length, 'other block')} without claims or ${what} (${detail})${notSources ? `; ${notSources}` : ''}`)}`;
  }
  if (post.blocks.length === 0) {
    yield '';
    yield `   ${c.yellow('No text blocks were found in this post.')}`;
  }
}

function renderBlock(
  block: ReportBlock,
  links: BlockLinks,
  notes: PostNotes,
  postIndex: number,
  index: FindingIndex,
  c: Colors,
): string[] {
  const t = sanitizeText;
  const out: string[] = [];
  const credited = notes.credited(block.index);
  // A note says what it is and what it credits: it is no claim of its own.
  const label = notes.label(block.index);
  const head = [
    `¶${block.index + 1}`,
    label ?? block.kind,
    block.line !== undefined ? `line ${block.line}` : '',
    block.isClaim && label === undefined ? `claim: ${block.signals.join(', ')}` : '',
    credited.length > 0 ? `credits ${credited.map((b) => `¶${b + 1}`).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  out.push(`   ${c.dim(head)}`);
  out.push(`   ${c.italic(`“${shorten(t(blockText(block)), 160)}”`)}`);

  // Its own links and those its notes credit it with, failing first; each of the latter is
  // marked with its note, and its findings are the note's.
  for (const row of sourceRows(links, postIndex, block.index, index))
    for (const line of renderCitation(row.citation, row.findings, c, row.note)) out.push(line);
  for (const note of links.unlinked) {
    const text = note.text !== '' ? ` “${shorten(t(note.text), 100)}”` : '';
    out.push(`${INDENT}${badge('CREDITED', 'neutral', c)} ${note.label}:${text} ${c.dim('(no link)')}`);
  }
  const damagedFindings = index.damagedOf(postIndex, block.index);
  const omitted = index.omittedOf(postIndex, block.index);
  // Past the findings cap, the cap's summary line stands for the anchors not listed.
  const anchors = omitted.some((f) => f.code === 'ANCHOR_DAMAGED')
    ? block.damagedAnchors.slice(0, damagedFindings.length)
    : block.damagedAnchors;
  anchors.forEach((anchor, i) => {
    const message = damagedFindings[i]?.message ?? `"${anchor.anchorText}" lost its URL.`;
    // The finding code is printed so a reader can grep the terminal log like any other format.
    out.push(`${INDENT}${badge('DAMAGED', 'error', c)} ${c.dim('ANCHOR_DAMAGED')} ${t(message)}`);
  });
  for (const f of omitted) out.push(`${INDENT}${severityMark(f.severity, c)} ${c.dim(f.code)} ${t(f.message)}`);
  const uncited = index.uncitedOf(postIndex, block.index);
  if (uncited !== undefined)
    out.push(`${INDENT}${badge('UNCITED', 'note', c)} ${c.dim('CLAIM_UNCITED')} ${t(uncited.message)}`);
  const notSources = notSourcesSummary(links.notSources);
  const sourced = links.own.length + links.credited.length + links.unlinked.length > 0;
  if (!sourced && block.damagedAnchors.length === 0 && uncited === undefined && block.isClaim) {
    out.push(`${INDENT}${c.dim(notSources === undefined ? '(no links)' : '(no sources)')}`);
  }
  // Links that are not sources: counted, never given a verdict.
  if (notSources !== undefined) out.push(`${INDENT}${c.dim(`+ ${notSources}`)}`);
  return out;
}

function renderCitation(citation: ReportCitation, findings: Finding[], c: Colors, note?: string): string[] {
  const t = sanitizeText;
  const tone = statusTone(citation.status, citation.errorCode === 'INVALID_URL');
  const facts: string[] = [];
  if (citation.httpStatus !== undefined) facts.push(`HTTP ${citation.httpStatus}`);
  if (citation.errorCode !== undefined && citation.errorCode !== 'HTTP_ERROR') facts.push(citation.errorCode);
  if (citation.reason) facts.push(t(citation.reason));
  const h = citation.history;
  if (h?.failingSince) facts.push(`failing since ${t(h.failingSince.slice(0, 10))}, ${plural(h.checks, 'check')}`);
  if (citation.fromCache) facts.push('cached');
  const anchor = citation.anchorText ? `“${shorten(t(citation.anchorText), 60)}” ` : '';
  // A source credited from a note: which note, before the link.
  const via = note !== undefined ? `${note}: ` : '';
  const out = [
    `${INDENT}${badge(citationBadge(citation), tone, c)} ${via}${anchor}${c.underline(t(citation.url))}${facts.length ? c.dim(`  ${facts.join(' · ')}`) : ''}`,
  ];
  if (citation.finalUrl !== undefined && citation.finalUrl !== citation.url) {
    const hops = citation.redirects.map((r) => r.status).join('→');
    out.push(`${DETAIL_INDENT}${c.dim(`→ ${hops ? `${hops} ` : ''}`)}${t(citation.finalUrl)}`);
  }
  // The archived copy (or what the citation is a copy of): its URL and date on their own line.
  const archive = archiveView(citation);
  if (archive !== undefined && citation.archive?.status !== 'missing') {
    const parts = [
      archive.label,
      archive.url !== undefined ? t(archive.url) : '',
      archive.detail ? t(archive.detail) : '',
    ];
    out.push(`${DETAIL_INDENT}${c.dim('↺')} ${parts.filter(Boolean).join(' ')}`);
  }
  // Status findings are already said by the badge, ARCHIVE_AVAILABLE by the line above; show
  // the others (moved, #fragment, http, no archived copy).
  const saidAlready = /^(LINK_(BROKEN|UNREACHABLE|SOFT_404|TIMEOUT|BLOCKED|INVALID)|ARCHIVE_AVAILABLE)$/;
  for (const f of findings) {
    if (saidAlready.test(f.code)) continue;
    out.push(`${DETAIL_INDENT}${severityMark(f.severity, c)} ${c.dim(f.code)} ${t(f.message)}`);
  }
  return out;
}

function renderSummary(report: Report, c: Colors): string[] {
  const totals = report.totals;
  const out: string[] = [c.bold('Summary')];
  const notSources = runNotSources(report);
  out.push(
    `  ${[
      plural(totals.posts, 'post'),
      plural(totals.blocks, 'block'),
      plural(totals.claims, 'claim'),
      plural(totals.citations, 'citation'),
      plural(totals.uniqueUrls, 'unique URL'),
      plural(totals.damagedAnchors, 'damaged anchor'),
      notSources > 0 ? notSourcesCount(notSources) : '',
    ]
      .filter(Boolean)
      .join(' · ')}`,
  );
  const statuses = LINK_STATUSES.filter((s) => totals.byStatus[s] > 0).map((s) =>
    statusTone(s, false) === 'error'
      ? c.red(`${s} ${totals.byStatus[s]}`)
      : statusTone(s, false) === 'warning'
        ? c.yellow(`${s} ${totals.byStatus[s]}`)
        : `${s} ${totals.byStatus[s]}`,
  );
  out.push(`  Links     ${statuses.length > 0 ? statuses.join(' · ') : 'none found'}`);
  const f = totals.findings;
  out.push(
    `  Findings  ${c.red(plural(f.error, 'error'))} · ${c.yellow(plural(f.warning, 'warning'))} · ${plural(f.note, 'note')}`,
  );
  for (const h of report.hosts) {
    if (h.requests === 0 && h.retries === 0 && h.backoffs === 0) continue;
    out.push(
      `  ${c.dim('Host')}      ${sanitizeText(h.host)}: ${plural(h.requests, 'request')}, ${plural(h.retries, 'retry', 'retries')}, ${plural(h.backoffs, 'backoff')}, max ${h.maxInFlight} in flight`,
    );
  }
  out.push('', verdictLine(report, c));
  if (report.interrupted) out.push(interruptedBanner(report, c));
  return out;
}

function verdictLine(report: Report, c: Colors): string {
  const { totals } = report;
  const failing = LINK_STATUSES.filter((s) => FAILING_STATUSES.has(s)).reduce((n, s) => n + totals.byStatus[s], 0);
  const lost = runSourcesLostSentence(report);
  if (lost) return c.red(c.bold(`✖ ${lost}`));
  if (totals.findings.error > 0) {
    return c.red(
      c.bold(
        `✖ ${plural(totals.findings.error, 'error')} and ${plural(totals.findings.warning, 'warning')}; ${failing} of ${plural(totals.uniqueUrls, 'cited URL')} failing.`,
      ),
    );
  }
  if (totals.citations === 0)
    return c.yellow(`No links were found in ${plural(totals.posts, 'post')}: nothing was checked.`);
  const nothing = nothingCheckedSentence(report);
  if (nothing) return c.yellow(`⚠ ${nothing}`);
  if (totals.findings.warning > 0)
    return c.yellow(`⚠ ${plural(totals.findings.warning, 'warning')} to look at; no errors.`);
  if (report.interrupted || totals.byStatus.unchecked > 0)
    return c.yellow(`${plural(totals.byStatus.unchecked, 'link')} not checked.`);
  const aside = [
    totals.byStatus.excluded > 0 ? `${totals.byStatus.excluded} excluded` : '',
    totals.byStatus.skipped > 0 ? `${totals.byStatus.skipped} skipped` : '',
  ].filter(Boolean);
  const checked = checkedUrls(report);
  // Offline, every link excluded or skipped: nothing answered, so nothing "answered without errors".
  if (checked === 0) return c.yellow(`No link was checked${aside.length > 0 ? ` (${aside.join(', ')})` : ''}.`);
  const subject = checked === 1 ? 'The one checked URL' : `All ${checked} checked URLs`;
  return c.green(`✔ ${subject} answered without errors${aside.length > 0 ? ` (${aside.join(', ')})` : ''}.`);
}

function interruptedBanner(report: Report, c: Colors): string {
  return (
    c.bgYellow(c.black(` INTERRUPTED `)) +
    c.yellow(
      ` The run was stopped early: this report is partial; ${plural(report.totals.byStatus.unchecked, 'link')} left unchecked.`,
    )
  );
}

function statusTone(status: LinkStatus, invalid: boolean): Severity | 'ok' | 'neutral' {
  if (invalid) return 'error';
  if (status === 'broken' || status === 'unreachable' || status === 'soft-404') return 'error';
  if (status === 'timeout' || status === 'blocked') return 'warning';
  if (status === 'ok') return 'ok';
  return 'neutral';
}

function badge(label: string, tone: Severity | 'ok' | 'neutral', c: Colors): string {
  const text = `[${label}]`.padEnd(BADGE_WIDTH);
  if (tone === 'error') return c.red(c.bold(text));
  if (tone === 'warning') return c.yellow(text);
  if (tone === 'ok') return c.green(text);
  if (tone === 'note') return c.blue(text);
  return c.dim(text);
}

function severityMark(severity: Severity, c: Colors): string {
  if (severity === 'error') return c.red('✖');
  if (severity === 'warning') return c.yellow('⚠');
  return c.blue('ℹ');
}

/** True for a finding a human must act on or look at (the notes are left to --verbose). */
const needsLook = (f: Finding): boolean => f.severity === 'error' || f.severity === 'warning';

/**
 * The failing citations of an archive run, by post (failing posts first): a citation, damaged
 * anchor or post warning with an error or warning finding, under its block. Findings are
 * grouped in one pass: an archive has hundreds of thousands.
 */
function renderFailingOnly(report: Report, index: FindingIndex, c: Colors): string[] {
  const t = sanitizeText;
  const byPost = new Map<number, Finding[]>();
  for (const f of report.findings) {
    if (!needsLook(f)) continue;
    const list = byPost.get(f.post);
    if (list) list.push(f);
    else byPost.set(f.post, [f]);
  }
  const failing = [...byPost.keys()].sort(
    (a, b) => failureWeight(byPost.get(b) ?? []) - failureWeight(byPost.get(a) ?? []) || a - b,
  );
  let citations = 0;
  const out: string[] = [];
  for (const i of failing) {
    const post = report.posts[i];
    out.push(
      '',
      `${c.bold(c.cyan(`━━ ${t(postName(post))}`))} ${c.dim(`(${t(post.source)}${post.id !== undefined ? ` · id ${t(String(post.id))}` : ''})`)}`,
    );
    for (const f of index.ofPost(i))
      if (needsLook(f)) out.push(`   ${severityMark(f.severity, c)} ${c.dim(f.code)} ${t(f.message)}`);
    // A finding in a note is shown under the note, named with the claims it credits.
    const notes = postNotes(post);
    for (const block of post.blocks) {
      const found = index.ofBlock(i, block.index).filter(needsLook);
      if (found.length === 0) continue;
      const note = notes.context(block.index);
      out.push(
        `   ${c.dim(`¶${block.index + 1}${note !== undefined ? ` ${note}` : ''}${block.line !== undefined ? ` · line ${block.line}` : ''}`)} ${c.italic(`“${shorten(t(blockText(block)), 100)}”`)}`,
      );
      // Findings are on the links written in the block (a credited copy and a non-source have none).
      const written = block.citations.filter((x) => x.role === undefined && x.via === undefined);
      for (const citation of citationsFailingFirst(written)) {
        const own = index.ofCitation(i, block.index, citation);
        if (!own.some(needsLook)) continue;
        citations += 1;
        for (const line of renderCitation(citation, own.filter(needsLook), c)) out.push(line);
      }
      for (const f of found) {
        if (f.code !== 'ANCHOR_DAMAGED' && f.url !== undefined) continue;
        if (f.code === 'ANCHOR_DAMAGED') citations += 1;
        out.push(
          `${INDENT}${f.code === 'ANCHOR_DAMAGED' ? badge('DAMAGED', 'error', c) : severityMark(f.severity, c)} ${c.dim(f.code)} ${t(f.message)}`,
        );
      }
    }
  }
  const head =
    failing.length === 0
      ? c.green(`No failing citation in ${plural(report.posts.length, 'post')}.`)
      : c.bold(
          `Failing citations: ${citations} with errors or warnings in ${plural(failing.length, 'post')} of ${report.posts.length} (--verbose lists every post)`,
        );
  return ['', head, ...out];
}
