import type { Block } from '../types.js';
import { sentenceIndex, sentenceRanges } from './sentences.js';

/**
 * An organisation's own account of its own work (bench/claims-labelling.md, `firsthand`: "the
 * writer's own … measurement"): on its own site, in a post its people write as "we" ("our
 * team", "we migrated"), the figures of its own systems and products ("Dropbox's task service
 * handles 9,000 tasks per second", "the Tally service is 99.9% available", "used by 28 teams
 * across our codebase") are its own measurement, which an editor asks no link for. A paragraph
 * whose only signal is its figures is firsthand when each figure's sentence names, before the
 * figure, the organisation (the one its site's host names: "Dropbox" on dropbox.tech), "our"/"we"/"internal", or a
 * name of its own (a name the post writes right after the organisation's: "Dropbox ATF"; not
 * after "our": "our Python port" is another's), or opens with "It"/"They"/"This" right after such a sentence
 * ("It currently supports 100 use cases"). Not so: a figure before any of them in its sentence
 * ("70% of developers use Git, and our tool …"), a paragraph with anyone's words (a quote, an
 * attribution) or a statement, and a post that does not speak as "we" (a news story about the
 * company). Read by settleFirsthand (firsthand.ts); published in the README ("Claim signals").
 */

/** What settleOwnFigures needs of firsthand.ts: the outlet's view of a paragraph. */
export interface OwnFiguresReader {
  /** True for a paragraph CLAIM_UNCITED would flag. */
  isUncited(block: Block): boolean;
  /** True when a paragraph names another outlet's reporting ("told CNN", "according to Reuters"). */
  namesOther(block: Block): boolean;
  /**
   * True when a name is the organisation's by its site's host ("Dropbox" on dropbox.tech): a
   * site's title or name alone ("Mercurial's Journey to …") is too often a post's, not its owner's.
   */
  isOrganisation(name: string): boolean;
  /** A paragraph's text outside its quotes, what the user's `firsthandIgnore` matches blanked (same length). */
  plain(block: Block): string;
}

/** Fewest paragraphs saying "we"/"our" outside quotes that make a post the organisation's own account. */
const MIN_WE_PARAGRAPHS = 2;
/** Most own names kept for a post (each is looked for in every later figure sentence). */
const MAX_OWN_NAMES = 20;

// "we", "our", "us" outside quotes: the organisation speaking.
const WE = /(?<![\p{L}'’])(?:[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Oo]ur|[Oo]urs|us)(?![\p{L}'’])/u;
// What makes a sentence's subject the organisation's own, besides its name: "our", "we", "internal(ly)".
const OWN_WORD = /(?<![\p{L}'’])(?:[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Oo]ur|[Ii]nternal(?:ly)?|in-house)(?![\p{L}'’])/gu;
// A capitalised word or acronym (a name's word).
const NAME_WORD = /(?<![\p{L}\p{N}'’])\p{Lu}[\p{L}\p{N}'’-]*/gu;
// A sentence opening with a pronoun that carries its subject on ("It currently supports …").
const CARRIED = /^\s*(?:It|They|This|These|Its|Their)\b/u;

/**
 * The organisation's own names in a text: words right after its name ("Dropbox ATF"). Not a name
 * after "our": "our Python code" is a third party's thing put to use.
 */
function ownNames(t: string, reader: Pick<OwnFiguresReader, 'isOrganisation'>, names: Set<string>): void {
  let previousOutlet = -1;
  for (const m of t.matchAll(NAME_WORD)) {
    if (names.size >= MAX_OWN_NAMES) return;
    const word = m[0].replace(/['’]s$/u, '');
    const start = m.index;
    if (previousOutlet >= 0 && /^\s+$/.test(t.slice(previousOutlet, start)) && !reader.isOrganisation(word))
      names.add(word);
    previousOutlet = reader.isOrganisation(word) ? start + m[0].length : -1;
  }
}

/** The word of `sentence` before `at` naming the organisation or one of its own names, or saying "our"/"we". */
function ownBefore(
  sentence: string,
  at: number,
  reader: Pick<OwnFiguresReader, 'isOrganisation'>,
  names: ReadonlySet<string>,
): string | undefined {
  const head = sentence.slice(0, at);
  OWN_WORD.lastIndex = 0;
  const own = OWN_WORD.exec(head);
  if (own) return own[0];
  for (const m of head.matchAll(NAME_WORD)) {
    const word = m[0].replace(/['’]s$/u, '');
    if (names.has(word) || reader.isOrganisation(word)) return word;
  }
  return undefined;
}

/** Marks the paragraphs of an organisation's own figures firsthand (Block.firsthand); see the top of this file. */
export function settleOwnFigures(blocks: readonly Block[], reader: OwnFiguresReader): void {
  let we = 0;
  for (const block of blocks) {
    if (block.kind === 'paragraph' && WE.test(reader.plain(block))) we++;
    if (we >= MIN_WE_PARAGRAPHS) break;
  }
  if (we < MIN_WE_PARAGRAPHS) return;
  const names = new Set<string>();
  for (const block of blocks) {
    const t = reader.plain(block);
    ownNames(t, reader, names);
    if (block.firsthand !== undefined || !reader.isUncited(block) || reader.namesOther(block)) continue;
    if (!block.signals.every((s) => s === 'number')) continue;
    const words = ownFigures(block, t, reader, names);
    if (words !== undefined) block.firsthand = { words };
  }
}

/** The figures of a paragraph when each is the organisation's own (see the top of this file); undefined otherwise. */
function ownFigures(
  block: Block,
  t: string,
  reader: Pick<OwnFiguresReader, 'isOrganisation'>,
  names: ReadonlySet<string>,
): string[] | undefined {
  const ranges = sentenceRanges(block.text);
  // The organisation's word of each whole sentence, or of the one before when "It" carries its
  // subject on (memoised: a run of "It …" sentences is read once).
  const whole = new Map<number, string | undefined>();
  const ofSentence = (s: number): string | undefined => {
    if (whole.has(s)) return whole.get(s);
    let word: string | undefined;
    for (let i = s; i >= 0; i--) {
      const [from, to] = ranges[i];
      const sentence = t.slice(from, to);
      if (whole.has(i)) {
        word = whole.get(i);
        break;
      }
      word = ownBefore(sentence, to - from, reader, names);
      if (word !== undefined || !CARRIED.test(sentence)) break;
    }
    whole.set(s, word);
    return word;
  };
  // The organisation's word of a sentence before `at`, or of the sentence before when "It" carries its subject on.
  const ownAt = (s: number, at: number): string | undefined => {
    const [from, to] = ranges[s];
    const sentence = t.slice(from, to);
    const word = ownBefore(sentence, at - from, reader, names);
    if (word !== undefined || s === 0 || !CARRIED.test(sentence)) return word;
    return ofSentence(s - 1);
  };
  const words: string[] = [];
  let from = 0;
  let figures = 0;
  for (const e of block.evidence ?? []) {
    if (e.signal !== 'number') continue;
    const at = block.text.indexOf(e.text, from);
    if (at < 0) return undefined;
    from = at + e.text.length;
    const word = ownAt(sentenceIndex(ranges, at), at);
    if (word === undefined) return undefined;
    figures++;
    if (!words.includes(word)) words.push(word);
  }
  return figures > 0 ? words : undefined;
}
