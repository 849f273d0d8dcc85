import type { Block, ClaimSignal } from '../types.js';
import {
  BELIEF_VERBS,
  CAPTION_CREDIT,
  CAPTION_LEAD,
  CAPTION_LEADING_CREDIT,
  EXPERT_SUBJECTS,
  LAY_POSITION_VERBS,
  PASSIVE,
  CAPTION_MAX_WORDS,
  NO_SPEAKER_BEFORE,
  REPORTING_VERBS,
  SPEAKER_FIRST_PERSON,
  SPEAKER_LABEL,
  SPEAKER_LABEL_WORDS,
  WRITERS_OWN,
  WRITER_AFTER,
} from './claim-rules.js';
import { sentenceIndex, sentenceRanges } from './sentences.js';
import { doubleQuotedSpans, unquoted } from './signals.js';

/**
 * Whose words a block holds, settled for the whole post before the statement signal and the
 * credits (the rules are published in the README, "Claim signals"):
 * - a transcript's turns ("JON SMITH: I think …" and the paragraphs after it, up to the next
 *   speaker): a turn in the first person is the speaker's own account, recorded by the
 *   transcript itself, so it is no claim to source; no turn votes on the post's voice;
 * - a pull quote (a blockquote, or a paragraph that is one quotation, repeating words of another
 *   paragraph of the post): the writer's own words shown large, judged where they are written;
 * - a photo caption written as a paragraph (it closes with the photo's credit: "(Reuters)",
 *   "(AP Photo/…)"): it says what a picture shows, no claim of the post.
 */

/** Fewest paragraphs opening with a speaker label for a post to be a transcript. */
const MIN_TURNS = 3;
/** Fewest distinct speakers of a transcript. */
const MIN_SPEAKERS = 2;
/** Longest pull quote, in words; a longer quote is a source's words. */
const PULL_QUOTE_MAX_WORDS = 40;
/** Fewest words a pull quote shares, in one run, with another paragraph. */
const PULL_QUOTE_MIN_SHARED = 6;
/** Blocks before and after a pull quote searched for its words. */
const PULL_QUOTE_REACH = 30;
/** Longest block searched for a pull quote's words (a paragraph, not a wall of text). */
const PULL_QUOTE_SOURCE_CHARS = 10_000;
/** Pull-quote candidates looked at per post: bounded work on a post of many short quotes. */
const MAX_PULL_QUOTES = 20;

/** Signals that come from a block's words (a citation is the block's links, kept). */
const TEXT_SIGNALS: ReadonlySet<ClaimSignal> = new Set(['quote', 'number', 'attribution', 'statement', 'causal']);

/** A transcript turn's block: where its speaker label ends (0 in a turn's later paragraphs). */
interface Turn {
  /** Offset in the block's text just after the "NAME:" label, 0 when the block continues a turn. */
  labelEnd: number;
  /** The turn says "I" or "we" outside quotes: the speaker's own account. */
  firstPerson: boolean;
}

/** What settleSpeech found: the transcript turns, by block index (empty when the post is no transcript). */
export interface Speech {
  /** The blocks of transcript turns. */
  turns: Map<number, Turn>;
  /** The blocks that are photo captions (see isCaption). */
  captions: Set<number>;
}

/**
 * True for a photo caption written as a paragraph or list item: short, closing with a photo
 * credit, and not reporting someone's figures (a wire story ending "(Reuters)" says who said
 * what, and how much).
 */
function isCaption(block: Block): boolean {
  if (block.kind !== 'paragraph' && block.kind !== 'list-item') return false;
  if (block.signals.includes('attribution') && block.signals.includes('number')) return false;
  const text = block.text.trimEnd();
  if (text.length > CAPTION_MAX_WORDS * 12) return false;
  // A credit opens the caption ("Jane Roe/Getty Images …") or closes it with ")" or after
  // "Photo:": a quick look at the end before any regex.
  const credited =
    CAPTION_LEADING_CREDIT.test(text.slice(0, 80)) ||
    ((text.endsWith(')') || text.includes(':', text.length - 80)) && CAPTION_CREDIT.test(text.slice(-120)));
  return credited && wordsOf(text).length <= CAPTION_MAX_WORDS;
}

// Textless blocks (linked pictures) looked back over for the alt text a caption repeats.
const PICTURES_BACK = 3;
// Words of a caption compared with the picture's alt text, and the share that must be among them.
const CAPTION_HEAD_WORDS = 12;
const CAPTION_SHARED = 0.5;
const LETTER_WORDS = /\p{L}+/gu;

/**
 * True for a caption written as a paragraph or list item without a credit (see isCaption): it
 * opens by pointing at the picture ("Clockwise from top:", "Above,"), or it comes right after a
 * linked picture (a block with links and no text) and at least half its first words are the
 * picture's alt text ("Hori Marsh at his farm …" under the picture of that name).
 */
function isPictureCaption(blocks: readonly Block[], i: number): boolean {
  const block = blocks[i];
  if (block.kind !== 'paragraph' && block.kind !== 'list-item') return false;
  // A paragraph that reports ("… numbered 30,000, police said", "Pictured: Mayor Jones, who said
  // 300 jobs would go") is the story's, wherever it stands.
  if (block.signals.includes('attribution')) return false;
  if (block.text.length > CAPTION_MAX_WORDS * 12) return false;
  // (Most blocks neither point at a picture nor follow one: both are looked at before any words are split.)
  const head = block.text.slice(0, 200);
  if (CAPTION_LEAD.test(head)) return wordsOf(block.text).length <= CAPTION_MAX_WORDS;
  const before = blocks[i - 1];
  if (before === undefined || before.citations.length === 0 || before.text.trim() !== '') return false;
  const alt = new Set<string>();
  for (let j = i - 1; j >= 0 && j >= i - PICTURES_BACK; j--) {
    const picture = blocks[j];
    if (picture.text.trim() !== '' || picture.citations.length === 0) break;
    for (const c of picture.citations) for (const w of c.anchorText.toLowerCase().match(LETTER_WORDS) ?? []) alt.add(w);
  }
  const words = (head.toLowerCase().match(LETTER_WORDS) ?? []).slice(0, CAPTION_HEAD_WORDS);
  if (alt.size === 0 || words.length === 0) return false;
  return words.filter((w) => alt.has(w)).length >= words.length * CAPTION_SHARED;
}

/** The speaker label opening a block ("JON SMITH:"), or undefined; labels like "UPDATE:" are no speakers. */
function speakerOf(block: Block): { name: string; end: number } | undefined {
  if (block.kind !== 'paragraph') return undefined;
  const m = SPEAKER_LABEL.exec(block.text);
  if (!m) return undefined;
  const name = m[1].replace(/\s+/g, ' ');
  const lower = name.toLowerCase();
  if (SPEAKER_LABEL_WORDS.has(lower) || SPEAKER_LABEL_WORDS.has(lower.split(' ').pop() as string)) return undefined;
  return { name, end: m[0].length };
}

/** The transcript turns of a post: each labelled paragraph and the paragraphs after it, to the next label or heading. */
function transcriptTurns(blocks: readonly Block[]): Map<number, Turn> {
  const turns = new Map<number, Turn>();
  const labels = blocks.map(speakerOf);
  const speakers = new Set(labels.filter((l) => l !== undefined).map((l) => l.name));
  const turnCount = labels.filter((l) => l !== undefined).length;
  // In a conversation someone speaks twice; labels that never recur ("PROS:", "CONS:",
  // "VERDICT:") are a post's section labels, whose "I" is the writer's.
  if (turnCount < MIN_TURNS || speakers.size < MIN_SPEAKERS || turnCount === speakers.size) return turns;
  let members: number[] = [];
  const close = (): void => {
    const firstPerson = members.some((i) => SPEAKER_FIRST_PERSON.test(unquoted(blocks[i].text)));
    for (const i of members) turns.set(i, { labelEnd: labels[i]?.end ?? 0, firstPerson });
    members = [];
  };
  // How often each speaker speaks: the paragraphs after a label continue only a recurring
  // speaker's turn. A label seen once ("Mashable:", or a credit line no word list names) is
  // that paragraph alone, not a turn running over the profile or story after it.
  const times = new Map<string, number>();
  for (const l of labels) if (l !== undefined) times.set(l.name, (times.get(l.name) ?? 0) + 1);
  let continues = false;
  blocks.forEach((block, i) => {
    const label = labels[i];
    if (label !== undefined) {
      close();
      members.push(i);
      continues = (times.get(label.name) ?? 0) > 1;
    } else if (block.kind === 'heading') close();
    else if (continues && members.length > 0 && block.kind === 'paragraph') members.push(i);
  });
  close();
  return turns;
}

/** A text's words, lower-cased, without punctuation: what a pull quote and its paragraph share. */
const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w !== '');

/** True for a block that could be a pull quote: a short blockquote, or a paragraph that is one quotation. */
function isPullQuoteShape(block: Block): boolean {
  if (block.citations.some((c) => c.role === undefined)) return false;
  const text = block.text.trim();
  if (block.kind === 'paragraph') {
    const spans = doubleQuotedSpans(text);
    if (spans.length !== 1 || spans[0].start !== 0 || text.length - spans[0].end > 1) return false;
  } else if (block.kind !== 'blockquote') return false;
  const n = wordsOf(text).length;
  return n >= PULL_QUOTE_MIN_SHARED && n <= PULL_QUOTE_MAX_WORDS;
}

/**
 * Pull quotes: a candidate shares a run of words — at least PULL_QUOTE_MIN_SHARED and half its
 * own words — with another block near it. The blocks' words are joined with a line break
 * between blocks, so a run never spans two.
 */
function pullQuotes(blocks: readonly Block[]): number[] {
  const found: number[] = [];
  let looked = 0;
  for (let k = 0; k < blocks.length && looked < MAX_PULL_QUOTES; k++) {
    if (!isPullQuoteShape(blocks[k])) continue;
    looked++;
    // The paragraphs around it (a pull quote repeats the story it sits in), each of paragraph size.
    // A heading is no story: a headline or standfirst quoting a paragraph makes that paragraph
    // the words' first telling, not their repeat.
    const around = blocks
      .slice(Math.max(0, k - PULL_QUOTE_REACH), k + PULL_QUOTE_REACH + 1)
      .filter((b) => b.index !== blocks[k].index && b.kind !== 'heading' && b.text.length <= PULL_QUOTE_SOURCE_CHARS);
    // Each word between spaces, blocks apart by a line break: a run matches whole words of one block.
    const text = ` ${around.map((b) => wordsOf(b.text).join(' ')).join(' \n ')} `;
    const words = wordsOf(blocks[k].text);
    const run = Math.max(PULL_QUOTE_MIN_SHARED, Math.ceil(words.length / 2));
    for (let i = 0; i + run <= words.length; i++) {
      if (text.includes(` ${words.slice(i, i + run).join(' ')} `)) {
        found.push(blocks[k].index);
        break;
      }
    }
  }
  return found;
}

/** Takes the signals `drop` names off a block, with their evidence. */
function dropSignals(block: Block, drop: (signal: ClaimSignal) => boolean): void {
  block.signals = block.signals.filter((s) => !drop(s));
  if (block.evidence !== undefined) {
    const kept = block.evidence.filter((e) => !drop(e.signal));
    if (kept.length > 0) block.evidence = kept;
    else delete block.evidence;
  }
  block.isClaim = block.signals.length > 0;
}

/** Takes the signals that come from a block's words off it: they are someone's recorded words, or a repeat. */
const dropTextSignals = (block: Block): void => dropSignals(block, (s) => TEXT_SIGNALS.has(s));

// A word and the writer closing a clause after it ("said I,"), as WRITER_AFTER reads them.
const INVERTED_WRITER = new RegExp(`\\p{L}+${WRITER_AFTER.source.slice(1)}`, 'gu');

/**
 * True when a reporting verb outside the quotes has a speaker ("the clerk told me …"), even where
 * the attribution signal does not count it (a first-person report).
 */
function namesSpeaker(text: string): boolean {
  // "said I": the writer, inverted ("“It won't rise,” said I.").
  const words = text
    .replace(INVERTED_WRITER, ' ')
    .toLowerCase()
    .split(/[^\p{L}'’]+/u);
  return words.some((word, i) => {
    if (!REPORTING_VERBS.has(word) || i === 0) return false;
    // "would have said": a modal before "have" leaves it unsaid, as "would say" does.
    const before = words[i - 1] === 'have' && i > 1 ? words[i - 2] : words[i - 1];
    return !NO_SPEAKER_BEFORE.has(before);
  });
}

/**
 * In a post in the personal voice (an essay, a how-to, a blog: see postVoice), a paragraph
 * quoting words that nobody is said to have spoken ('"I'm so hungry I could eat a horse," means
 * you're hungry') shows an example of its own, no one's claim: its quote signal is taken off. A
 * quote the paragraph attributes (a reporting verb outside the quotes), or links, keeps its
 * signals. In the reporting voice an unattributed quote is usually the speaker of the paragraph
 * before, and stays.
 */
export function settleExampleQuotes(blocks: Block[]): void {
  for (const block of blocks) {
    if (block.kind !== 'paragraph' || !block.signals.includes('quote')) continue;
    if (block.signals.includes('attribution') || block.signals.includes('citation')) continue;
    if (!namesSpeaker(unquoted(block.text))) dropSignals(block, (s) => s === 'quote');
  }
}

/**
 * True for the evidence of a position one of the writer's own people takes ("My husband
 * disagreed", "Our kids claim", "[My mother] expressed concerns about"): the subject opens with
 * "my" or "our", in the evidence or at the start of its sentence.
 */
function isLayPosition(evidence: string, text: string, ranges: () => Array<[number, number]>): boolean {
  const words = evidence.toLowerCase().split(/\s+/);
  const verb = LAY_POSITION_VERBS.has(words[words.length - 1]) ? words[words.length - 1] : words[0];
  if (!LAY_POSITION_VERBS.has(verb)) return false;
  if (WRITERS_OWN.has(words[0])) return true;
  const at = text.indexOf(evidence);
  if (at < 0) return false;
  // The sentence the evidence is in, from the sentence ranges every stage uses ("Is it done? My
  // mother objected …": a question ends a sentence too, "Mr." does not).
  const found = ranges();
  const from = found.length > 0 ? found[sentenceIndex(found, at)][0] : 0;
  const sentence = text.slice(from, at).trim().toLowerCase();
  return WRITERS_OWN.has(sentence.split(/\s+/)[0]);
}

// "We were told", "I was told": in a personal post, the writer's own past ("we were told that our jobs were gone").
const WRITERS_PAST_TOLD = /^(?:i|we)\s+(?:was|were)\s+told$/i;

/** True for the evidence of a belief held by people who are no experts ("Many retirees fear", "the team believes"). */
function isLayBelief(evidence: string): boolean {
  const words = evidence.toLowerCase().split(/\s+/);
  const verb = words[words.length - 1];
  const subject = words[words.length - 2];
  // "he", "she", "they" stand for someone the post names (researchers in a report): their position.
  if (!BELIEF_VERBS.has(verb) || subject === undefined || /^(?:he|she|they)$/.test(subject)) return false;
  return !EXPERT_SUBJECTS.has(subject) && !PASSIVE.has(subject);
}

/**
 * In a post in the personal voice, what people around the writer believe, hope or fear ("Many
 * retirees fear that …", "the team believes that …", a company's own blog) is the writer's
 * account of them, not a position to source: those attributions are taken off; an expert's
 * belief ("economists expect") and "it is feared that" stay.
 */
export function settleLayBeliefs(blocks: Block[]): void {
  for (const block of blocks) {
    if (!block.signals.includes('attribution') || block.evidence === undefined) continue;
    let found: Array<[number, number]> | undefined;
    const ranges = (): Array<[number, number]> => (found ??= sentenceRanges(block.text));
    const lay = block.evidence.filter(
      (e) =>
        e.signal === 'attribution' &&
        (isLayBelief(e.text) || isLayPosition(e.text, block.text, ranges) || WRITERS_PAST_TOLD.test(e.text)),
    );
    if (lay.length === 0) continue;
    const rest = block.evidence.filter((e) => !lay.includes(e));
    if (rest.some((e) => e.signal === 'attribution')) block.evidence = rest;
    else dropSignals(block, (s) => s === 'attribution');
  }
}

/**
 * Settles whose words each block holds (see the module comment): first-person transcript turns,
 * pull quotes and photo captions lose the signals of their words. Returns the transcript turns, which do not
 * vote on the post's voice and whose labels name no party.
 */
export function settleSpeech(blocks: Block[]): Speech {
  const turns = transcriptTurns(blocks);
  for (const [i, turn] of turns) if (turn.firstPerson) dropTextSignals(blocks[i]);
  for (const i of pullQuotes(blocks)) dropTextSignals(blocks[i]);
  const captions = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (!isCaption(block) && !isPictureCaption(blocks, i)) continue;
    captions.add(block.index);
    dropTextSignals(block);
  }
  return { turns, captions };
}
