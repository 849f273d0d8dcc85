import type { Block } from '../types.js';
import { DATELINE, NAME_STOPWORDS } from './claim-rules.js';
import type { PressEventReader } from './press-events.js';
import { sentenceRanges } from './sentences.js';

/**
 * A story covering an awards ceremony from its dateline (bench/claims-labelling.md, the
 * press-event convention: the event's results and the winners' remarks on stage and backstage
 * are the outlet's own reporting, `firsthand`; facts from outside the event stay claims). When
 * a paragraph of the story's lead opens with a dateline ("LOS ANGELES (Reuters) - ") and, with
 * no link, names a ceremony of a day with its result ("… was the upset winner at the Harbour
 * Film Awards on Sunday"), the reporter was there: a later paragraph each of whose sentences is
 * a result of the night ("… picked up the best actor trophy", "… was named best director",
 * "… accepted the statuette") or the words of someone there ("… said backstage", "… said on
 * Sunday", "quipped Moreau" where Moreau won, "he added" right after such a paragraph) is
 * firsthand (`block`: the lead's paragraph). Not so: a sentence placed at another time ("last
 * week", "this year", "so far", "has won", "in 2019") or another venue ("in an interview"), a
 * record ("the first film in history to …"), a sentence that is neither result nor remark, and a
 * paragraph naming another outlet's reporting. Read by settleFirsthand (firsthand.ts); published
 * in the README ("Claim signals").
 */

/** Paragraphs at a story's start where its ceremony is looked for (its lead). */
const LEAD_BLOCKS = 6;
/** Longest sentence read (a longer one is no result of a night nor a remark, and is not scanned). */
const MAX_SENTENCE = 600;

const DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

// A ceremony named with its day: "at the Screen Actors Guild (SAG) awards on Sunday",
// "at Sunday's Golden Globes", "at the Oscars on Sunday night", "during Saturday night's gala".
// The name is a bounded run of capitalised words (or "of", "and", "for", "the", an acronym in
// parentheses) before the ceremony's noun.
const CEREMONY = new RegExp(
  `\\b(?:at|during)\\s+(?:the\\s+|this\\s+year['’]s\\s+|(${DAY})(?:\\s+night)?['’]s\\s+)?(?:(?:\\p{Lu}[\\p{L}\\d.'’&-]*|\\d+\\p{L}*|\\([\\p{Lu}\\d&.-]{1,12}\\)|of|and|for|the)\\s+){0,8}?(?:[Aa]wards?|[Pp]rizes?|[Cc]eremony|[Gg]ala|Oscars|Academy\\s+Awards|Golden\\s+Globes|Grammys|Emmys|Tonys|BAFTAs|Baftas)\\b(?:\\s+(?:ceremony|show|gala|dinner))?(?:\\s+(?:on\\s+)?(${DAY})(?:\\s+night)?)?`,
  'u',
);

// A result of the night: a winner, a prize taken or given ("won", "was the upset winner",
// "picked up another trophy", "was named best actress", "took the prizes", "accepted the …
// statuette", "was given a lifetime achievement award", "emerged empty-handed").
const PRIZE = '(?:prizes?|awards?|trophy|trophies|statuettes?|honou?rs?|gongs?|Oscars?)';
const RESULT_SOURCE = `\\b(?:won|wins|winners?|(?:was|were)\\s+named|named\\s+best|(?:took|takes)\\s+(?:home\\s+)?(?:[\\p{L}'’-]+\\s+){0,4}?${PRIZE}|(?:picked|picks)\\s+up\\s+(?:[\\p{L}'’-]+\\s+){0,4}?${PRIZE}|(?:accepted|accepts|collected|collects)\\s+(?:[\\p{L}'’-]+\\s+){0,5}?${PRIZE}|(?:was|were)\\s+(?:given|presented\\s+with|handed|awarded)\\s+(?:[\\p{L}'’-]+\\s+){0,4}?${PRIZE}|swept|beat|emerged\\s+empty-handed)\\b`;
const RESULT = new RegExp(RESULT_SOURCE, 'iu');
const RESULTS = new RegExp(RESULT_SOURCE, 'giu');

// A sentence placed outside the night: another time ("last week", "this year", "so far", "in
// 2019", "has won", "had been snubbed"), another venue ("in an interview", "on Twitter"), a record.
const ELSEWHERE =
  /\b(?:last\s+(?:week|month|year|season)|this\s+(?:year|season|month|week)|so\s+far|earlier\s+this|(?:days?|weeks?|months?|years?)\s+(?:ago|earlier|before)|previously|(?:in|since)\s+(?:19|20)\d\d|(?:has|have|had)\s+(?:\p{L}+ly\s+)?(?:won|been|taken|picked|swept|received|earned|collected|said)|in\s+(?:an?|his|her|their)\s+(?:[\p{L}-]+\s+){0,2}?(?:interview|statement|post|tweet|op-ed|podcast)|on\s+(?:Twitter|Instagram|X|Facebook|social\s+media)|first\s+(?:[\p{L}-]+\s+){0,4}?(?:in|ever)|in\s+(?:the\s+)?(?:[\p{L}\d-]+\s+){0,3}?history|record)\b/iu;

// Words of speech ("said", "quipped", "he added"), and where someone spoke at the ceremony
// ("backstage", "on stage", "accepting the award", "to laughter", "told the audience").
const SPEECH =
  /\b(?:said|says|added|adds|quipped|quips|joked|jokes|told|tells|recalled|noted|explained|insisted|remarked|declared|thanked|thanks|dedicated|laughed)\b/iu;
const ON_THE_SPOT =
  /\b(?:backstage|on\s*stage|from\s+the\s+(?:stage|podium)|accepting\s+(?:the|his|her|their|an?)\b|acceptance\s+speech|to\s+(?:laughter|applause|cheers)|told\s+the\s+(?:audience|crowd|room)|on\s+the\s+red\s+carpet|at\s+the\s+(?:ceremony|show|gala|dinner))/iu;
const PRONOUN = /(?<![\p{L}'’])(?:he|she|they)\s+(?:\p{L}+\s+)?(?:said|says|added|adds|quipped|joked|told|noted)\b/iu;
// Capitalised words of a raw sentence: the winners' names and titles.
const CAPITALISED = /(?<![\p{L}'’])\p{Lu}[\p{L}'’-]+/gu;

/** The ceremony of a lead paragraph: its day, when its first sentence names one with its result. */
function ceremonyOf(block: Block, plain: string): { day: string | undefined } | undefined {
  if (!DATELINE.test(block.text)) return undefined;
  if (block.citations.some((c) => c.via === undefined)) return undefined;
  for (const [from, to] of sentenceRanges(block.text)) {
    if (to - from > MAX_SENTENCE) continue;
    const sentence = plain.slice(from, to);
    const m = CEREMONY.exec(sentence);
    if (m === null || !RESULT.test(sentence)) continue;
    const day = m[1] ?? m[2];
    if (day === undefined && !/\b(?:tonight|last\s+night)\b/i.test(sentence)) continue;
    return { day };
  }
  return undefined;
}

/** A sentence of a ceremony story that is the night's: a result or a remark made there, and the words that say so. */
interface Night {
  kind: 'result' | 'remark';
  words: string;
  /** Where in the sentence its winners or speakers are named: the clauses before each result, the words up to the verb. */
  names: Array<[number, number]>;
}

/** What a sentence (`sentence` unquoted, `raw` as written) of a ceremony story is, if it is the night's. */
function nightOf(
  raw: string,
  sentence: string,
  onDay: RegExp | undefined,
  known: ReadonlySet<string>,
  followsRemark: boolean,
): Night | undefined {
  const speech = SPEECH.exec(sentence);
  if (speech !== null) {
    // Where the words were said is read up to just past the verb ("Phoenix said on Sunday, referring to … in 2009").
    const head = sentence.slice(0, speech.index + speech[0].length + 24);
    if (ELSEWHERE.test(head)) return undefined;
    const names: Array<[number, number]> = [[0, speech.index + speech[0].length]];
    const spot = ON_THE_SPOT.exec(head) ?? onDay?.exec(head);
    if (spot) return { kind: 'remark', words: spot[0], names };
    const pronoun = followsRemark ? PRONOUN.exec(sentence) : null;
    if (pronoun) return { kind: 'remark', words: pronoun[0], names };
    for (const m of raw.matchAll(CAPITALISED)) {
      const name = m[0].replace(/['’]s$/u, '');
      if (known.has(name)) return { kind: 'remark', words: `${name} … ${speech[0]}`, names };
    }
    return undefined;
  }
  if (ELSEWHERE.test(sentence)) return undefined;
  const names: Array<[number, number]> = [];
  let words: string | undefined;
  let from = 0;
  RESULTS.lastIndex = 0;
  for (let m = RESULTS.exec(sentence); m; m = RESULTS.exec(sentence)) {
    words ??= m[0];
    // The clause before the result names who won ("…, while Laura Dern was named best actress").
    const clause = Math.max(from, sentence.lastIndexOf(',', m.index), sentence.lastIndexOf(';', m.index));
    names.push([clause, m.index]);
    from = m.index + m[0].length;
  }
  return words === undefined ? undefined : { kind: 'result', words, names };
}

/** A paragraph of the night: the words that say so, and whether one of its sentences is a remark made there. */
interface Settled {
  words: string[];
  remarked: boolean;
}

/**
 * Marks the paragraphs of a ceremony story's results and remarks firsthand (Block.firsthand,
 * pointing at the lead's paragraph); see the top of this file.
 */
export function settleCeremony(blocks: readonly Block[], reader: PressEventReader): void {
  let event: number | undefined;
  let day: string | undefined;
  let lead = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    if (lead++ >= LEAD_BLOCKS) break;
    if (reader.namesOther(block)) return;
    const found = ceremonyOf(block, reader.plain(block));
    if (found !== undefined) {
      event = block.index;
      day = found.day;
      break;
    }
  }
  if (event === undefined) return;
  const onDay = day === undefined ? undefined : new RegExp(`\\bon\\s+${day}\\b`);
  // The names of the night's winners and speakers so far (capitalised words of its sentences).
  const known = new Set<string>();
  let previous = false;
  for (const block of blocks) {
    if (block.index < event || block.kind === 'heading') {
      previous = false;
      continue;
    }
    const open = block.firsthand === undefined && reader.isUncited(block);
    const found: Settled | undefined =
      open || block.index === event ? night(block, reader.plain(block), onDay, known, previous) : undefined;
    const marked: boolean = found !== undefined && open && !reader.namesOther(block);
    if (marked && found !== undefined) block.firsthand = { words: found.words, block: event };
    // "he added" is the night's only right after a remark made there, not after a result.
    previous = marked && found?.remarked === true;
  }
}

/**
 * The words that make every sentence of a paragraph the night's (at most three), and whether one
 * is a remark, adding the names of its result and remark sentences to `known`; undefined when a
 * sentence is neither.
 */
function night(
  block: Block,
  plain: string,
  onDay: RegExp | undefined,
  known: Set<string>,
  followsRemark: boolean,
): Settled | undefined {
  const words: string[] = [];
  let all = true;
  let remarked = false;
  for (const [from, to] of sentenceRanges(block.text)) {
    const sentence = plain.slice(from, to);
    if (!/\p{L}/u.test(sentence)) continue;
    const raw = block.text.slice(from, to);
    const found: Night | undefined =
      to - from > MAX_SENTENCE ? undefined : nightOf(raw, sentence, onDay, known, followsRemark || remarked);
    if (found === undefined) {
      all = false;
      continue;
    }
    remarked ||= found.kind === 'remark';
    for (const [a, b] of found.names)
      for (const m of raw.slice(a, b).matchAll(CAPITALISED)) {
        const name = m[0].replace(/['’]s$/u, '');
        if (!NAME_STOPWORDS.has(name.toLowerCase())) known.add(name);
      }
    if (words.length < 3) words.push(found.words);
  }
  return all && words.length > 0 ? { words, remarked } : undefined;
}
