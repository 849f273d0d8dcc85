import type {
  BlockKind,
  CitationRole,
  CitationVia,
  Finding,
  Report,
  ReportBlock,
  ReportCitation,
  ReportPost,
} from '../types.js';
import { isFailingStatus } from '../types.js';
import { isCheckedRole } from '../links/plan.js';
import { withoutBackLinks } from '../extract/credits.js';
import { isOmittedSummary } from '../report/derive-findings.js';
import { citationsFailingFirst, plural, type FindingIndex } from './report-view.js';

/*
 * Sources written outside the paragraph they support, and links that are not sources (issue
 * 8), as every human-facing format shows them. Extraction keeps a note's links in the note
 * (footnote, source line, reference-list entry: checked and reported there) and gives each
 * block it credits a copy with `via`; a link with a `role` (share, tag, image…) is no source.
 * A reader sees each claim with its sources, each marked with the note it comes from, and
 * never a note as a claim of its own.
 */

/** Blocks that credit others from outside them: no claims, their links are sources of the blocks they credit. */
const NOTE_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>(['footnote', 'source-line', 'reference']);

/** True for a footnote, a source line or a reference-list entry. */
function isNoteBlock(block: ReportBlock): boolean {
  return NOTE_KINDS.has(block.kind);
}

/** Credited blocks named in a note's context before "and N more". */
const MAX_CREDITED_NAMED = 3;

/** The notes of one post: what each is called and which blocks it credits. */
export interface PostNotes {
  /** "footnote 2", "source line", "reference 3" for a note block; undefined for any other block. */
  label(block: number): string | undefined;
  /** The blocks a note credits, in reading order (empty for any other block). */
  credited(note: number): readonly number[];
  /**
   * A note and what it credits, for a line that names the note's block alone (a finding's
   * message, a JUnit case): "footnote 2 of ¶3", "reference 1 of ¶2, ¶4", "footnote 5".
   * Undefined for any other block.
   */
  context(block: number): string | undefined;
}

/**
 * Names the notes of a post: footnotes and reference entries by their number in reading
 * order (the number a reader sees beside them), source lines as such.
 */
export function postNotes(post: ReportPost): PostNotes {
  const labels = new Map<number, string>();
  let footnotes = 0;
  let references = 0;
  for (const block of post.blocks) {
    if (block.kind === 'footnote') labels.set(block.index, `footnote ${++footnotes}`);
    else if (block.kind === 'reference') labels.set(block.index, `reference ${++references}`);
    else if (block.kind === 'source-line') labels.set(block.index, 'source line');
  }
  const credited = new Map<number, number[]>();
  for (const block of post.blocks) {
    for (const credit of block.credits ?? []) {
      const list = credited.get(credit.block);
      if (list === undefined) credited.set(credit.block, [block.index]);
      else list.push(block.index);
    }
  }
  return {
    label: (block) => labels.get(block),
    credited: (note) => credited.get(note) ?? [],
    context: (block) => {
      const label = labels.get(block);
      if (label === undefined) return undefined;
      const blocks = credited.get(block) ?? [];
      if (blocks.length === 0) return label;
      const named = blocks.slice(0, MAX_CREDITED_NAMED).map((b) => `¶${b + 1}`);
      const more = blocks.length > MAX_CREDITED_NAMED ? ` and ${blocks.length - MAX_CREDITED_NAMED} more` : '';
      return `${label} of ${named.join(', ')}${more}`;
    },
  };
}

/** A source of a block written outside it: a link of a footnote, source line or reference entry. */
interface CreditedLink {
  /** The link, with its verdict (its findings are the note block's). */
  citation: ReportCitation;
  /** Index of the note block the link is written in. */
  note: number;
  /** How the note is called: "footnote 2", "source line", "reference 3". */
  label: string;
}

/** A note crediting a block without a link (a footnote naming a source that is not online). */
interface CreditWithoutLink {
  /** Index of the note block. */
  note: number;
  /** How the note is called. */
  label: string;
  /** The note's text, without its back-link arrows. */
  text: string;
  /** How it credits. */
  via: CitationVia;
}

/** A block's links as a reader sorts them. */
export interface BlockLinks {
  /** Links written in the block's own text that are not marked as non-sources. */
  own: ReportCitation[];
  /** Sources credited from outside the block, with the note each is written in. */
  credited: CreditedLink[];
  /** Notes crediting the block that have no link of their own. */
  unlinked: CreditWithoutLink[];
  /** Links that are not sources (image, tag, share, navigation…): summarised, never given a verdict. */
  notSources: ReportCitation[];
}

/** How a credit reads when its note cannot be named. */
const VIA_WORDS: Readonly<Record<CitationVia, string>> = {
  footnote: 'footnote',
  'source-line': 'source line',
  'reference-list': 'reference list',
  'quote-intro': 'introducing paragraph',
};

/** True for a link written in a block's own text that is a source. */
const isOwnSource = (c: ReportCitation): boolean => c.role === undefined && c.via === undefined;

/** Sorts a block's links: its own, those credited from notes (matched to their note), and those that are not sources. */
export function blockLinks(post: ReportPost, block: ReportBlock, notes: PostNotes): BlockLinks {
  const links: BlockLinks = { own: [], credited: [], unlinked: [], notSources: [] };
  const credits = block.credits ?? [];
  for (const c of block.citations) {
    // A failing link that is checked though no source (a link on a name, role entity) is a dead
    // link in the post: shown with its verdict.
    if (c.role !== undefined && !(isCheckedRole(c.role) && isFailingStatus(c.status))) links.notSources.push(c);
    else if (c.via === undefined) links.own.push(c);
    else {
      // The note it came from: the first credit of the same kind whose block has the link.
      const from =
        credits.find(
          (cr) => cr.via === c.via && post.blocks[cr.block]?.citations.some((n) => n.url === c.url && isOwnSource(n)),
        ) ?? credits.find((cr) => cr.via === c.via);
      const note = from?.block ?? block.index;
      links.credited.push({ citation: c, note, label: notes.label(note) ?? VIA_WORDS[c.via] });
    }
  }
  for (const cr of credits) {
    const noteBlock = post.blocks[cr.block];
    // A note with a link lends it (a link another note already lent is shown once, with that note).
    if (noteBlock?.citations.some(isOwnSource)) continue;
    links.unlinked.push({
      note: cr.block,
      label: notes.label(cr.block) ?? VIA_WORDS[cr.via],
      text: noteBlock === undefined ? '' : withoutBackLinks(noteBlock.text),
      via: cr.via,
    });
  }
  return links;
}

/** Roles in the order summaries list them when their counts are equal. */
const ROLE_ORDER: Readonly<Record<CitationRole, number>> = {
  share: 0,
  tag: 1,
  navigation: 2,
  image: 3,
  comment: 4,
  subscribe: 5,
  print: 6,
  lightbox: 7,
  entity: 8,
};

/** "3 links not sources: 2 share, 1 tag", or undefined when there are none. */
export function notSourcesSummary(links: readonly ReportCitation[]): string | undefined {
  const counts = new Map<CitationRole, number>();
  for (const c of links) if (c.role !== undefined) counts.set(c.role, (counts.get(c.role) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const total = [...counts.values()].reduce((n, k) => n + k, 0);
  const parts = [...counts]
    .sort((a, b) => b[1] - a[1] || ROLE_ORDER[a[0]] - ROLE_ORDER[b[0]])
    .map(([role, n]) => `${n} ${role}`);
  return `${notSourcesCount(total)}: ${parts.join(', ')}`;
}

/** " (not checked)" after a summary of links that are not sources, unless some of them are checked (links on names). */
export function notCheckedNote(links: readonly ReportCitation[]): string {
  return links.some((c) => isCheckedRole(c.role)) ? '' : ' (not checked)';
}

/** "1 link not a source", "3 links not sources". */
export function notSourcesCount(n: number): string {
  return plural(n, 'link not a source', 'links not sources');
}

/** Links that are not sources in the whole run (the totals leave them out). */
export function runNotSources(report: Report): number {
  let n = 0;
  for (const post of report.posts)
    for (const block of post.blocks) for (const c of block.citations) if (c.role !== undefined) n += 1;
  return n;
}

/** How a post's blocks are shown. */
export interface BlockLayout {
  /** Blocks shown on their own: claims, blocks with links, lost anchors, credits or findings, and the notes not shown with a claim. */
  shown: ReportBlock[];
  /** Notes shown with the claims they credit: each of their links and findings appears there. */
  withClaims: ReportBlock[];
  /** The rest (headings, plain text, blocks whose only links are not sources), counted. */
  hidden: ReportBlock[];
}

/**
 * Decides where each block of a post is shown. A note is shown with the claims it credits
 * when that shows all of it: it credits blocks that are not notes, each of them carries every
 * one of its links, and its only findings are about those links. Otherwise (a note nothing
 * points to, a lost anchor in a footnote) it is shown on its own, as a note.
 */
export function layoutBlocks(post: ReportPost, postIndex: number, index: FindingIndex, notes: PostNotes): BlockLayout {
  const layout: BlockLayout = { shown: [], withClaims: [], hidden: [] };
  for (const block of post.blocks) {
    const findings = index.ofBlock(postIndex, block.index);
    const own = block.citations.filter(isOwnSource);
    if (isNoteBlock(block)) {
      if (isShownWithClaims(post, block, own, findings, notes)) layout.withClaims.push(block);
      else if (own.length > 0 || block.damagedAnchors.length > 0 || findings.length > 0) layout.shown.push(block);
      else layout.hidden.push(block);
      continue;
    }
    const shown =
      block.isClaim ||
      own.length > 0 ||
      block.citations.some((c) => c.via !== undefined) ||
      (block.credits ?? []).length > 0 ||
      block.damagedAnchors.length > 0 ||
      findings.length > 0;
    (shown ? layout.shown : layout.hidden).push(block);
  }
  return layout;
}

function isShownWithClaims(
  post: ReportPost,
  note: ReportBlock,
  own: readonly ReportCitation[],
  findings: readonly Finding[],
  notes: PostNotes,
): boolean {
  const credited = notes.credited(note.index).map((b) => post.blocks[b]);
  if (credited.length === 0 || note.damagedAnchors.length > 0) return false;
  if (credited.some((b) => b === undefined || isNoteBlock(b))) return false;
  const urls = new Set(own.map((c) => c.url));
  for (const b of credited) {
    const carried = new Set(b.citations.filter((c) => c.via !== undefined).map((c) => c.url));
    for (const url of urls) if (!carried.has(url)) return false;
  }
  return findings.every((f) => f.url !== undefined && urls.has(f.url) && !isOmittedSummary(f));
}

/** One source listed under a block: a link of its own, or one a note credits it with. */
export interface SourceRow {
  /** The link, with its verdict. */
  citation: ReportCitation;
  /** The note it is written in ("footnote 1", "source line"), for a credited link. */
  note?: string;
  /** Its findings (a credited link's are its note's, where the link is written). */
  findings: Finding[];
}

/** A block's own sources and those its notes credit it with, failing first, each with its findings. */
export function sourceRows(links: BlockLinks, postIndex: number, block: number, index: FindingIndex): SourceRow[] {
  const from = new Map(links.credited.map((l) => [l.citation, l]));
  return citationsFailingFirst([...links.own, ...from.keys()]).map((citation) => {
    const credit = from.get(citation);
    const findings = index.ofCitation(postIndex, credit?.note ?? block, citation);
    return credit === undefined ? { citation, findings } : { citation, note: credit.label, findings };
  });
}

/** Findings about a block's credited links (they are the notes'), for sorting and showing the claim. */
export function creditedFindings(links: BlockLinks, postIndex: number, index: FindingIndex): Finding[] {
  const out: Finding[] = [];
  for (const { citation, note } of links.credited)
    for (const f of index.ofCitation(postIndex, note, citation)) out.push(f);
  return out;
}

/**
 * "2 footnotes, 1 source line shown with the claims they credit": the notes a format shows
 * with their claims instead of on their own, counted by kind.
 */
export function notesWithClaimsSentence(blocks: readonly ReportBlock[], shown: 'shown' | 'listed'): string {
  const names: Array<[BlockKind, string, string]> = [
    ['footnote', 'footnote', 'footnotes'],
    ['source-line', 'source line', 'source lines'],
    ['reference', 'reference', 'references'],
  ];
  const kinds = names
    .map(([kind, one, many]) => [blocks.filter((b) => b.kind === kind).length, one, many] as const)
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => plural(n, one, many))
    .join(', ');
  return `${kinds} ${shown} with the ${blocks.length === 1 ? 'claims it credits' : 'claims they credit'}`;
}

/** A block's text as a reader sees it: a note without its "↩" back-links. */
export function blockText(block: ReportBlock): string {
  return isNoteBlock(block) ? withoutBackLinks(block.text) : block.text;
}

/**
 * A finding's message with the note it is in ("… (footnote 2 of ¶3)"), for the formats that
 * show findings one by one, away from the blocks (SARIF, JUnit, CI annotations). Each post's
 * notes are named once, on first use.
 */
export function findingMessages(report: Report): (f: Finding) => string {
  const byPost = new Map<number, PostNotes>();
  return (f) => {
    if (f.block === undefined) return f.message;
    const post = report.posts[f.post];
    const block = post?.blocks[f.block];
    if (post === undefined || block === undefined || !isNoteBlock(block)) return f.message;
    let notes = byPost.get(f.post);
    if (notes === undefined) {
      notes = postNotes(post);
      byPost.set(f.post, notes);
    }
    return `${f.message} (${notes.context(f.block) ?? block.kind})`;
  };
}
