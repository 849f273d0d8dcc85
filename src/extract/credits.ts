import type { Block, BlockKind, CitationVia } from '../types.js';
import { escapeRegExp } from '../config/claim-config.js';
import type { ClaimHints } from './block-builder.js';
import { MAX_SENTENCE_CHARS } from './sentences.js';
import { INSTITUTION_NOUNS, NAME_STOPWORDS, PERSONAL_SUBJECTS } from './claim-rules.js';
import { doubleQuotedSpans, unquoted } from './signals.js';
import { capText } from './walk-blocks.js';
import { personSurnames, ReferenceNames } from './reference-names.js';
import { closingLineTargets } from './closing-source-line.js';

/**
 * Sources written outside the paragraph they support (issue 8): a footnote the paragraph
 * marks, a source line right under it, an entry of the reference list at the end that it
 * points to by number or name, the linked paragraph right before a quote that introduces it
 * (a blockquote, or any quote paragraph after its colon). The crediting block keeps its links (they are checked and
 * reported where they are written); the credited block lists it in `credits` and carries a
 * copy of each of its links with `via` and the crediting block's text as the sentence, so a
 * claim shows its sources and is not flagged uncited.
 */

/** Blocks that are never claims: they credit others, or title them. */
export const NOT_CLAIMS: ReadonlySet<BlockKind> = new Set(['heading', 'footnote', 'source-line', 'reference']);

/** Blocks a source line under them credits. */
const CREDITABLE: ReadonlySet<BlockKind> = new Set([
  'paragraph',
  'blockquote',
  'list-item',
  'definition',
  'figcaption',
]);

/** Bounds, so a hostile post (10,000 marks of a note with 1,000 links) cannot multiply the report. */
const MAX_CREDITS_PER_BLOCK = 20;
const MAX_LINKS_PER_CREDIT = 10;
/** Reference entries looked up by name: bounded work per post. */
const MAX_NAMED_ENTRIES = 500;

/** "Source: …", "Sources: …", "Credit: …", "Data: …", "H/T …", "Courtesy of …", "Via: …". */
const SOURCE_LINE =
  /^[\s([]*(?:sources?|credits?|data(?: source)?|source data|h\/t|hat tip|courtesy(?: of)?|via|quelle|fuente)\s*[:：—–]/i;
/** "Via Example News" (short, with a link): a via line without a colon. */
const VIA_LINE = /^[\s([]*(?:via|h\/t|courtesy of)\s+\S/i;
/** Headings of a reference list at the end of a post. */
const REFERENCE_HEADING =
  /^(?:sources?|references?|further reading|bibliography|works cited|citations|reading list|see also|endnotes|notes and references|references and notes)\s*:?$/i;
/**
 * A closing line that offers a party's whole document ("READ Hoenig's full remarks:", "Read the
 * senator's full statement here"): group 1 is the party, when the line names one.
 */
const FULL_DOCUMENT_HEADING =
  /^(?:read|see|view|watch|listen to|here (?:is|are))\s+(?:the\s+)?(?:(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})['’]s?\s+)?(?:full|complete|entire)\s+(?:remarks|statement|speech|text|testimony|transcript|letter|report|interview|ruling|decision|filing|complaint|memo|study)(?:\s+(?:here|below|in full))?\s*:?$/iu;
/**
 * A sentence of a closing paragraph pointing at a party's document through its link ("Take a
 * look here at the Fed's statement …", "Read Hoenig's full remarks here"): group 1 is the party.
 */
const DOCUMENT_SENTENCE =
  /(?:^|[.!?]\s+)(?:(?:[Tt]ake\s+a\s+look|[Ll]ook)(?:\s+here)?\s+at|[Rr]ead|[Ss]ee|[Vv]iew|[Hh]ere\s+is|[Hh]ere['’]s)\s+(?:here\s+)?(?:the\s+)?(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})['’]s?\s+(?:(?:full|complete|entire|latest|new)\s+)?(?:remarks|statement|speech|testimony|transcript|letter|report|ruling|decision|filing|complaint|memo|study)\b/u;
/** "[3]", "[1, 4]", "[2–5]" in running text: pointers into a numbered reference list. */
const NUMBER_POINTER = /\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3}){0,9})\]/g;
/** The number an entry gives itself: "[3] …", "3. …", "3) …". */
const ENTRY_NUMBER = /^\[?(\d{1,3})[\].)]\s/;

/** Back-link arrows at the end of a note ("↩︎", "↑", "^"). */
const BACK_LINKS = /(?:\s*[↩↑⤴^]\uFE0E?\uFE0F?)+\s*$/u;

/** A note's text without its back-link arrows: what a reader takes as the note (also the report's wording). */
export function withoutBackLinks(text: string): string {
  return text.replace(BACK_LINKS, '');
}

/** One entry of a line holding several (a closing "Sources: …" line): its name and its links. */
interface LineEntry {
  name: string;
  urls: Set<string>;
}

/**
 * Adds `source` to the credits of `target`, with copies of its source links (of `entry` alone,
 * when the source is a line of several entries).
 */
function credit(target: Block, source: Block, via: CitationVia, entry?: LineEntry): void {
  const credits = (target.credits ??= []);
  if (
    credits.length >= MAX_CREDITS_PER_BLOCK ||
    credits.some((c) => c.block === source.index && c.entry === entry?.name)
  )
    return;
  credits.push(entry === undefined ? { via, block: source.index } : { via, block: source.index, entry: entry.name });
  // The note's text is its sentence, without its "↩" back-links.
  const sentence = capText(withoutBackLinks(source.text), MAX_SENTENCE_CHARS);
  let copied = 0;
  for (const c of source.citations) {
    if (c.role !== undefined || c.via !== undefined) continue;
    if (entry !== undefined && !entry.urls.has(c.url)) continue;
    if (copied++ >= MAX_LINKS_PER_CREDIT) break;
    if (target.citations.some((t) => t.via === via && t.url === c.url)) continue;
    // A block with no link of its own shares one frozen empty list (extract/index.ts).
    if (Object.isFrozen(target.citations)) target.citations = [];
    target.citations.push({ ...c, via, sentence });
  }
}

/** Footnotes: each block credited by the notes its marks point to. */
function creditFootnotes(blocks: Block[], raws: ClaimHints[]): void {
  const notes = new Map<string, Block[]>();
  raws.forEach((raw, i) => {
    if (raw.note === undefined) return;
    const list = notes.get(raw.note) ?? [];
    list.push(blocks[i]);
    notes.set(raw.note, list);
  });
  if (notes.size === 0) return;
  raws.forEach((raw, i) => {
    for (const key of raw.marks) for (const note of notes.get(key) ?? []) credit(blocks[i], note, 'footnote');
  });
}

/** True when a block is a line crediting the block above it. */
function isSourceLine(block: Block, raw: ClaimHints): boolean {
  if (NOT_CLAIMS.has(block.kind) || block.text.length > 300) return false;
  if (SOURCE_LINE.test(block.text)) return true;
  // After the text's own test: most blocks have no link, and some() with an arrow makes a function object per block.
  const hasLink =
    block.citations.length > 0 && block.citations.some((c) => c.role === undefined && c.via === undefined);
  if (hasLink && block.text.length <= 120 && VIA_LINE.test(block.text)) return true;
  return hasLink && (raw.attribution === true || raw.caption === true);
}

/** Source lines: each credits the nearest block above it that is not a source line itself. */
function creditSourceLines(blocks: Block[], raws: ClaimHints[]): void {
  // The block the current run of source lines credits (kept, not searched back for each line).
  let above = -1;
  for (let i = 1; i < blocks.length; i++) {
    if (blocks[i - 1].kind !== 'source-line') above = i - 1;
    if (!isSourceLine(blocks[i], raws[i]) || !CREDITABLE.has(blocks[above].kind)) continue;
    blocks[i].kind = 'source-line';
    credit(blocks[above], blocks[i], 'source-line');
  }
}

/** True for a link written in the block itself that is a source (no role, not credited, not ignored). */
const isOwnSource = (c: Block['citations'][number]): boolean =>
  c.role === undefined && c.via === undefined && c.ignored === undefined;

/**
 * Quotes introduced by a source: a run of blockquote blocks (the paragraphs of one long quote)
 * right after a paragraph or list item that links a source is credited by that block's links
 * ("Askar wrote in a blog post … Here's how it works." then the quote); a paragraph of the
 * quote that links a source itself keeps its own. A source line under the quote credits it too.
 */
function creditQuoteIntroductions(blocks: Block[]): void {
  // The linked paragraph a run of speakerless quote paragraphs quotes, while the run lasts.
  let quoted: Block | undefined;
  for (let i = 1; i < blocks.length; i++) {
    if (quoted === undefined || !isSpeakerlessQuote(blocks[i])) quoted = undefined;
    if (
      quoted === undefined &&
      isSpeakerlessQuote(blocks[i]) &&
      isLinkedProse(blocks[i - 1]) &&
      quotesDocument(blocks[i - 1], blocks[i])
    )
      quoted = blocks[i - 1];
    if (quoted !== undefined) credit(blocks[i], quoted, 'quote-intro');
    else if (continuesQuotedSpeaker(blocks[i - 1], blocks[i]) || quotesAfterColon(blocks[i - 1], blocks[i]))
      credit(blocks[i], blocks[i - 1], 'quote-intro');
    if (blocks[i].kind !== 'blockquote' || blocks[i - 1].kind === 'blockquote') continue;
    const intro = blocks[i - 1];
    if (intro.kind !== 'paragraph' && intro.kind !== 'list-item') continue;
    if (!intro.citations.some(isOwnSource)) continue;
    for (let k = i; k < blocks.length && blocks[k].kind === 'blockquote'; k++)
      if (!blocks[k].citations.some(isOwnSource)) credit(blocks[k], intro, 'quote-intro');
  }
}

// A pronoun speaking outside the quotation marks ("…,” he said. “…").
const PRONOUN_SPEAKER =
  /\b(?:(?:he|she|they)\s+(?:said|says|say|added|adds|wrote|writes|explained|explains|continued|continues)|(?:said|says|added|adds|wrote|writes|explained|explains|continued|continues)\s+(?:he|she|they))\b/i;
// Names looked up per quote paragraph: a speaker is named near the quotes, and the work stays bounded.
const MAX_SPEAKER_NAMES = 10;
/** A paragraph opening with a quotation mark: the words of someone named outside the marks. */
const OPENS_WITH_QUOTE = /^\s*[“"«]/;

/**
 * True when `block` is a paragraph of quotes of a speaker the paragraph right before names and
 * links ("Now Adam Kramer has posted an explanation …" then "“The reason we did this …,” says
 * Kramer."): the link before is their source. The speaker is a capitalised word outside the
 * quotation marks (not a sentence opener) that the paragraph before holds as a word, or a
 * pronoun ("he said") when the paragraph before reports someone's words itself.
 */
function continuesQuotedSpeaker(intro: Block, block: Block): boolean {
  if (block.kind !== 'paragraph' || (intro.kind !== 'paragraph' && intro.kind !== 'list-item')) return false;
  if (!OPENS_WITH_QUOTE.test(block.text) || block.citations.some(isOwnSource)) return false;
  if (!intro.citations.some(isOwnSource)) return false;
  const spans = doubleQuotedSpans(block.text);
  if (spans.length === 0) return false;
  let outside = '';
  let last = 0;
  for (const span of spans) {
    outside += `${block.text.slice(last, span.start)} `;
    last = span.end;
  }
  outside += block.text.slice(last);
  // "he says": the person the paragraph before reports (it has an attribution or a quote of its own).
  if (PRONOUN_SPEAKER.test(outside) && intro.signals.some((sig) => sig === 'attribution' || sig === 'quote'))
    return true;
  // The paragraph before, as a set of its words: one pass, whatever the number of names asked.
  const introWords = new Set(intro.text.split(/[^\p{L}'’-]+/u));
  let asked = 0;
  for (const m of outside.matchAll(/(?<![\p{L}'’])\p{Lu}[\p{Ll}'’-]+/gu)) {
    if (NAME_STOPWORDS.has(m[0].toLowerCase())) continue;
    if (introWords.has(m[0]) || introWords.has(`${m[0]}’s`) || introWords.has(`${m[0]}'s`)) return true;
    if (++asked >= MAX_SPEAKER_NAMES) return false;
  }
  return false;
}

/**
 * True when a linked paragraph ending with a colon ("As [Reuters reported](…) on Tuesday:")
 * introduces the quote paragraph right after it, speaker named or not ("“Rents will keep
 * rising,” the minister said."): the quote is what the linked source reported.
 */
function quotesAfterColon(intro: Block, block: Block): boolean {
  return (
    block.kind === 'paragraph' &&
    block.signals.includes('quote') &&
    isLinkedProse(intro) &&
    intro.text.trimEnd().endsWith(':') &&
    !block.citations.some(isOwnSource)
  );
}

/** A paragraph or list item with a source link of its own. */
const isLinkedProse = (block: Block): boolean =>
  (block.kind === 'paragraph' || block.kind === 'list-item') && block.citations.some(isOwnSource);

/**
 * True for a paragraph quoting words with no speaker: a quote, no attribution, no link of its
 * own. Right after a paragraph that links a source ("Some traders found Wednesday's [Fed
 * statement] gloomier …" then "One reason may be …: “there are significant downside risks …”"),
 * it and the speakerless quote paragraphs after it quote the linked document.
 */
function isSpeakerlessQuote(block: Block): boolean {
  if (block.kind !== 'paragraph' || !block.signals.includes('quote') || block.signals.includes('attribution'))
    return false;
  return !block.citations.some(isOwnSource);
}

/**
 * True when a speakerless quote paragraph quotes the document linked before it: the linked
 * paragraph ends with a colon, or the quote follows a colon of its own ("One reason may be the
 * concern about Europe: “there are …”"). A bare quotation opening a paragraph is someone's
 * words, whose speaker is missing: it needs its own source.
 */
function quotesDocument(intro: Block, block: Block): boolean {
  return intro.text.trimEnd().endsWith(':') || /:\s*[“"«]/.test(block.text);
}

/** True for a heading, or a short plain line standing for one ("Sources:"), of a reference list. */
function isReferenceHeading(block: Block): boolean {
  return (block.kind === 'heading' || block.kind === 'paragraph') && REFERENCE_HEADING.test(block.text.trim());
}

/** The leading name of a reference entry ("Harbour Authority", "Smith, J."): what a claim may name. */
function entryName(text: string): string | undefined {
  const lead = text
    .replace(ENTRY_NUMBER, '')
    .split(/[,.(:;–—]| - /)[0]
    .trim();
  if (lead.length < 4 || lead.length > 60 || !/^\p{Lu}/u.test(lead)) return undefined;
  return lead;
}

/**
 * A reference list at the end ("Sources", "References", "Further reading" and what follows
 * each, to the end of the post): its entries become `reference` blocks, and each other block
 * that points to one by number ("[3]") or by its leading name is credited by it.
 */
function creditReferences(blocks: Block[], raws: ClaimHints[]): void {
  const entries: number[] = [];
  let end = blocks.length;
  for (let h = blocks.length - 1; h >= 0; h--) {
    if (blocks[h].kind !== 'heading' && !isReferenceHeading(blocks[h])) continue;
    if (!isReferenceHeading(blocks[h])) break;
    for (let k = h + 1; k < end; k++)
      if (blocks[k].kind !== 'footnote' && blocks[k].kind !== 'heading') entries.push(k);
    end = h;
  }
  if (entries.length === 0) return;
  const byNumber = new Map<number, Block>();
  const names = new ReferenceNames<Block>();
  entries.forEach((k, position) => {
    const entry = blocks[k];
    entry.kind = 'reference';
    const number = raws[k].listNumber ?? Number(ENTRY_NUMBER.exec(entry.text)?.[1] ?? position + 1);
    if (!byNumber.has(number)) byNumber.set(number, entry);
    const name = position < MAX_NAMED_ENTRIES ? entryName(entry.text) : undefined;
    if (name !== undefined) names.add(name, entry);
  });
  blocks.forEach((block, i) => {
    if (NOT_CLAIMS.has(block.kind)) return;
    const text = block.text;
    // Numbers are the footnotes' when the block has footnotes.
    if (raws[i].marks.length === 0) {
      for (const m of text.matchAll(NUMBER_POINTER)) {
        for (const n of numbersOf(m[1])) {
          const entry = byNumber.get(n);
          if (entry) credit(block, entry, 'reference-list');
        }
      }
      for (const [start, stop] of raws[i].footnoteMarks) {
        const entry = byNumber.get(Number(text.slice(start, stop).replace(/\D/g, '')));
        if (entry) credit(block, entry, 'reference-list');
      }
    }
    names.find(text, (entry) => credit(block, entry, 'reference-list'));
  });
}

/** A closing line listing the post's sources: "Sources: …", "Source: …", "References: …", "Sources include …". */
const SOURCES_LINE = /^[\s([]*(?:(?:sources?|references?)\s*[:：—–]|sources\s+include\b)/i;
/** A line naming one source ("Source: …"): under a paragraph, its source line. */
const SINGULAR_SOURCE = /^[\s([]*source\s*[:：—–]/i;
/** An anchor that only numbers a further link of the entry before it ("(2)", "2"). */
const NUMBER_ANCHOR = /^[\s([]*\d{1,3}[\s)\]]*$/;
/** Entries of a closing sources line looked at: bounded work for a line of 10,000 links. */
const MAX_LINE_ENTRIES = 50;
/** A paragraph attributing to the party named after these words ("according to the Daily Ledger", "told the …"). */
const ATTRIBUTED_BEFORE =
  /(?:\baccording\s+to|\btold|\b(?:reported|first\s+reported|cited|quoted|obtained|published|broadcast)\s+by|\breports?\s+(?:from|in|by)|\bvia|\bin\s+an?\s+(?:interview|report|article|story|statement|post|tweet|op-ed)\s+(?:with|in|on|by|to))\s+(?:the\s+)?$/i;
/** …or before these ("the Daily Ledger reported", "Coast Radio first reported", "the Ledger's report"). */
const ATTRIBUTED_AFTER =
  /^(?:['’]s?\s+(?:own\s+)?(?:report|reporting|reports|story|article|analysis|investigation|interview|sources|survey|poll|tweet|post)\b|,?\s+(?:(?:first|also|later|previously|earlier|then|initially|separately)\s+)?(?:reported|reports|said|says|suggested|suggests|wrote|writes|found|finds|noted|notes|posted|posts|tweeted|tweets|added|adds|stated|states|revealed|reveals|confirmed|confirms|learned|learns|obtained|cited|cites|quoted|quotes|estimated|estimates|claimed|claims|announced|announces|published|broke\s+the\s+news)\b)/i;
/** Characters of the text either side of a name read for its attribution. */
const ATTRIBUTION_WINDOW = 60;

/**
 * The entries of a closing sources line: each link whose text names a party ("Daily Ledger",
 * "Mira Okafor/Social" names "Mira Okafor"), with the numbered links after it ("(2)").
 */
function lineEntries(line: Block): LineEntry[] {
  const entries: LineEntry[] = [];
  for (const c of line.citations) {
    if (!isOwnSource(c)) continue;
    const text = c.anchorText.trim();
    if (NUMBER_ANCHOR.test(text)) {
      entries[entries.length - 1]?.urls.add(c.url);
      continue;
    }
    const name = text.split('/')[0].trim();
    if (entries.length >= MAX_LINE_ENTRIES) break;
    if (name.length >= 2 && name.length <= 60 && /^(?:the\s+)?\p{Lu}/iu.test(name) && /^\p{Lu}/u.test(nameLead(name)))
      entries.push({ name, urls: new Set([c.url]) });
  }
  return entries;
}

/** A name without its leading "the". */
const nameLead = (name: string): string => name.replace(/^the\s+/i, '');

/**
 * A closing "Sources: …" line naming two or more parties ("Sources: [Daily Ledger](…) ([2](…)),
 * [Coast Radio](…)"), among the post's last blocks after the story: a reference list written as
 * one line. It is a block of kind `reference`, and each paragraph attributing to a listed party
 * by name ("according to Coast Radio", "the Daily Ledger reported", "told the Daily Ledger")
 * is credited by that entry's links alone (`credits[].entry`), unless it links a source of its
 * own. A paragraph naming no listed party is not credited; a "Source:" line of one party stays the source line of the block above.
 */
function creditSourcesLine(blocks: Block[]): void {
  for (let h = blocks.length - 1; h >= Math.max(1, blocks.length - 6); h--) {
    const line = blocks[h];
    if (line.kind !== 'paragraph' || line.text.length > 1000 || !SOURCES_LINE.test(line.text)) continue;
    const entries = lineEntries(line);
    if (entries.length < 2) continue;
    // A singular "Source:" right under a paragraph is first that paragraph's source line
    // (creditSourceLines credits it whole), then the list for the others (review35 F3).
    const under = SINGULAR_SOURCE.test(line.text) && CREDITABLE.has(blocks[h - 1].kind);
    if (!under) line.kind = 'reference';
    const names = new ReferenceNames<LineEntry>();
    for (const entry of entries) names.add(entry.name, entry);
    // A listed person by surname alone, when the post gives it to no one else ("Conway tweeted").
    const story = blocks.slice(0, h);
    const surnames = personSurnames(
      entries.map((e) => e.name),
      story.map((b) => b.text),
    );
    for (const [i, surname] of surnames) names.add(surname, entries[i]);
    for (const block of under ? story.slice(0, -1) : story) {
      // A paragraph linking its own source has it: the line adds nothing to it.
      if (NOT_CLAIMS.has(block.kind) || block.citations.some(isOwnSource)) continue;
      const text = block.text;
      names.find(text, (entry, start, end) => {
        const before = text.slice(Math.max(0, start - ATTRIBUTION_WINDOW), start);
        const after = text.slice(end, end + ATTRIBUTION_WINDOW);
        if (ATTRIBUTED_BEFORE.test(before) || ATTRIBUTED_AFTER.test(after))
          credit(block, line, 'reference-list', entry);
      });
    }
    return;
  }
}

/**
 * A closing line offering a named party's whole document, and the linked entries right under it
 * ("READ Hoenig's full remarks:" then "“Hard Choices” – Speech by Thomas Hoenig"): the entries
 * are the post's sources (kind `reference`) and credit each paragraph before them that reports
 * that party's words (a quote or an attribution, and the party's name). Only a line among the
 * post's last blocks counts: one in the middle introduces an excerpt, not the post's source.
 */
function creditFullDocument(blocks: Block[]): void {
  for (let h = blocks.length - 2; h >= Math.max(0, blocks.length - 6); h--) {
    const line = blocks[h];
    if (line.kind !== 'heading' && line.kind !== 'paragraph') continue;
    const party = FULL_DOCUMENT_HEADING.exec(line.text.trim())?.[1];
    if (party === undefined || line.citations.some(isOwnSource)) continue;
    const entries: Block[] = [];
    for (let k = h + 1; k < blocks.length && blocks[k].citations.some(isOwnSource); k++) entries.push(blocks[k]);
    if (entries.length === 0) continue;
    for (const entry of entries) entry.kind = 'reference';
    creditPartyWords(blocks, h, party, entries);
    return;
  }
}

/**
 * Credits, by `sources`, each block before `end` without a source of its own that reports the
 * words of `party` (a document of theirs is linked at the end): a paragraph with a quote or an
 * attribution that names the party, or whose speaker is a pronoun ("…,” he said") right after
 * one that names them or is credited so; and a blockquote right after a credited paragraph (the
 * document's passage it introduces).
 */
function creditPartyWords(blocks: Block[], end: number, partyName: string, sources: readonly Block[]): void {
  const party = partyKey(partyName);
  // The party as the one speaking: not the object of a preposition ("critics of the White House
  // said", "told reporters at the White House"; "according to Hoenig" still names the speaker).
  const speaks = new RegExp(
    `(?<!\\b(?:of|at|against|about|from|with|on|for|by|in|over|into)\\s+(?:the\\s+)?)(?<!(?<!according\\s)\\bto\\s+(?:the\\s+)?)(?<![\\p{L}])${escapeRegExp(party)}(?![\\p{L}])`,
    'u',
  );
  const partyWords = new Set(party.split(/\s+/));
  const inEvidence = new RegExp(`(?<![\\p{L}])${escapeRegExp(party)}(?![\\p{L}])`, 'u');
  // An attribution whose speaker is someone else ("Republicans said …", though the White House
  // is named after the verb): a capitalised word, not the party's nor a pronoun, before the verb,
  // and the party not among them ("Mayor Ruth Alder said" is Alder's).
  const otherSpeaker = (evidence: string): boolean =>
    evidence
      .split(/\s+/)
      .some(
        (w) =>
          /^\p{Lu}/u.test(w) &&
          !partyWords.has(w) &&
          !PERSONAL_SUBJECTS.has(w.toLowerCase()) &&
          !NAME_STOPWORDS.has(w.toLowerCase()),
      );
  // Whether the block before names the party (or speaks for them), and whether it was credited.
  let partyBefore = false;
  let creditedBefore = false;
  for (const block of blocks.slice(0, end)) {
    const names = speaks.test(block.text);
    const saidBy = (block.evidence ?? []).filter((e) => e.signal === 'attribution').map((e) => e.text);
    const reports = block.signals.includes('quote') || saidBy.length > 0;
    const theirWords = names && reports && (saidBy.some((e) => inEvidence.test(e)) || !saidBy.some(otherSpeaker));
    const credited: boolean =
      !NOT_CLAIMS.has(block.kind) &&
      !block.citations.some(isOwnSource) &&
      (theirWords ||
        (reports && partyBefore && PRONOUN_SPEAKER.test(unquoted(block.text))) ||
        (block.kind === 'blockquote' && creditedBefore));
    if (credited) for (const source of sources) credit(block, source, 'reference-list');
    partyBefore = names || credited;
    creditedBefore = credited;
  }
}

/**
 * The word a post names a party by: a person's surname ("Thomas Hoenig" → "Hoenig"), an
 * institution's whole name ("the White House", "the Senate Intelligence Committee": "House" or
 * "Committee" alone names any of them).
 */
function partyKey(name: string): string {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1];
  return words.length > 1 && INSTITUTION_NOUNS.has(last.toLowerCase()) ? words.join(' ') : last;
}

/**
 * A closing paragraph whose own link points at a named party's document ("… Take a look here at
 * the Fed's statement and how it was changed"): it credits each paragraph before it that reports
 * that party's words (a quote or an attribution, and the party's name), as a closing "READ …'s
 * full remarks" line does (creditFullDocument).
 */
function creditDocumentSentence(blocks: Block[]): void {
  for (let h = blocks.length - 1; h >= Math.max(0, blocks.length - 6); h--) {
    const line = blocks[h];
    if (line.kind !== 'paragraph') continue;
    const m = DOCUMENT_SENTENCE.exec(line.text);
    if (m === null) continue;
    const at = m.index + (/^[.!?]?\s*/.exec(m[0])?.[0].length ?? 0);
    // The link is in that sentence: the document the sentence offers.
    const sentence = line.text.slice(at);
    if (
      !line.citations.some((c) => isOwnSource(c) && c.sentence !== '' && sentence.startsWith(c.sentence.slice(0, 40)))
    )
      continue;
    creditPartyWords(blocks, h, m[1], [line]);
    return;
  }
}

/** A post's closing "Source:"/"Via" line: it credits the story's claims that link no source (closing-source-line.ts). */
function creditClosingSourceLine(blocks: Block[]): void {
  const found = closingLineTargets(
    blocks,
    (block) =>
      block.kind !== 'heading' &&
      block.kind !== 'footnote' &&
      block.text.length <= 300 &&
      (SOURCE_LINE.test(block.text) || (block.text.length <= 120 && VIA_LINE.test(block.text))),
    (block) => block.citations.some(isOwnSource),
  );
  if (found === undefined) return;
  for (const target of found.targets) credit(target, found.line, 'source-line');
}

/** The numbers of a pointer: "1, 4" → 1, 4; "2–5" → 2, 3, 4, 5 (at most 20). */
function numbersOf(list: string): number[] {
  const out: number[] = [];
  for (const part of list.split(',')) {
    const [from, to] = part.split(/[–-]/).map((n) => Number(n.trim()));
    if (to === undefined) out.push(from);
    else for (let n = from; n <= to && n - from < 20; n++) out.push(n);
  }
  return out;
}

/**
 * Credits every block from the footnotes, source lines and reference entries around it, then
 * settles what is a claim: a credited block cites (signal "citation"); a note, source line or
 * reference entry is no claim.
 */
export function creditSources(blocks: Block[], raws: ClaimHints[]): void {
  creditFootnotes(blocks, raws);
  creditSourcesLine(blocks);
  creditSourceLines(blocks, raws);
  creditReferences(blocks, raws);
  creditFullDocument(blocks);
  creditDocumentSentence(blocks);
  creditQuoteIntroductions(blocks);
  creditClosingSourceLine(blocks);
  for (const block of blocks) {
    if (NOT_CLAIMS.has(block.kind)) {
      block.isClaim = false;
      continue;
    }
    if (block.credits !== undefined && !block.signals.includes('citation')) {
      // A new list: a block's signals may be a list shared with others (extract/index.ts).
      block.signals = ['citation', ...block.signals];
      block.isClaim = true;
    }
  }
}
