import type { Block, BlockKind } from '../types.js';
import { CHANGELOG_ENTRY, EDITORS_NOTE, FIRST_EVER, PERSONAL_VOICE, REPORTING_VERBS } from './claim-rules.js';
import { MAX_EVIDENCE, unquoted } from './signals.js';
import { sentenceRanges } from './sentences.js';
import type { Speech } from './speech.js';
import { addStatement, eventVerb, knownNames, matches, namesIn, statesNothing } from './statements.js';

/**
 * Facts about others in a post written in the personal voice (an essay, a review, a blog): the
 * statement signal (statements.ts) is off there, as such a post's facts are mostly the writer's
 * own. Two kinds of sentence are not: an event of a named third party placed at a stated time
 * ("The 1912 building was designed by John Parkinson", "By 1956, Armstrong had long been a
 * crossover icon", "he was an All-Star last year"), and a measured record ("the longest streak of
 * job growth ever recorded"): a fact about the world an editor checks against a source, whoever
 * tells it. The rules are published in the README ("Claim signals", statement).
 */

// Blocks of prose that can carry the signal.
const PROSE_KINDS: ReadonlySet<BlockKind> = new Set(['paragraph', 'list-item']);
// A longer block is no paragraph (a wall of text, a pasted log), as statements.ts reads it.
const MAX_CHARS = 4000;
// Fewest words of a paragraph that can state a dated event (fewer: a caption, a list of names).
const MIN_WORDS = 8;

// A stated time: a year or a decade ("1912", "in 1956", "1951's", "the 1940s"), or a season, a
// year or a month before this one ("last year", "last season").
const DATED =
  /(?<![\p{L}\p{N}$€£.,/:-])(?:1[6-9]\d\d|20\d\d)(?:s|['’]s)?(?![\p{L}\p{N}%]|[.,/:-]\d)|\blast\s+(?:year|season|month|spring|summer|fall|autumn|winter)\b/u;
// The writer or the reader as a sentence's subject or owner: their own record ("my best time on record").
const WRITER_OR_READER = /(?<![A-Za-z'’])(?:I|[Mm]e|[Mm]y|[Yy]ou|[Yy]our)(?![A-Za-z])/;
// Records measured over time (not a ranking, "the best pizza in the world", which a personal post gives as taste).
const MEASURED_RECORD =
  /\b(?:ever\s+recorded|on\s+record|since\s+records\s+began|all-time\s+(?:high|low)|record\s+(?:high|low))\b/;
// A present progressive ("is giving", "are going").
const PRESENT = /^(?:is|are|am)\s/;
// A participle with its agent after it ("played by Gosling"), and the auxiliary that makes it a
// passive event instead ("was designed by John Parkinson").
const DESCRIBING = /^\s+by\b/;
const AUXILIARY_BEFORE = /\b(?:was|were|been|being|be|is|are)\s+(?:\p{Ll}+ly\s+)?$/u;
// A hedge before a record makes it the writer's judgement ("perhaps the hottest on record").
const HEDGED = /\b(?:perhaps|arguably|probably|possibly|maybe|likely)\b/i;

/** True for a block of prose that can state: not a caption, a transcript turn, a changelog entry or a publisher's note. */
function canState(block: Block, notClaims: ReadonlySet<BlockKind>, speech: Speech | undefined): boolean {
  if (notClaims.has(block.kind) || !PROSE_KINDS.has(block.kind) || block.isClaim) return false;
  if (block.text.length > MAX_CHARS || block.text.trim().split(/\s+/).length < MIN_WORDS) return false;
  if (CHANGELOG_ENTRY.test(block.text) || EDITORS_NOTE.test(block.text)) return false;
  return speech?.captions.has(block.index) !== true && speech?.turns.get(block.index) === undefined;
}

/** The dated events and measured records of a text, as evidence ("John Parkinson … designed", "ever recorded"). */
export function datedFacts(text: string, known: ReadonlySet<string>): string[] {
  const plain = unquoted(text);
  const found: string[] = [];
  for (const [start, end] of sentenceRanges(plain)) {
    if (found.length >= MAX_EVIDENCE) break;
    const sentence = plain.slice(start, end).trim();
    if (sentence.endsWith('?')) continue;
    const record = MEASURED_RECORD.exec(sentence) ?? FIRST_EVER.exec(sentence);
    if (record !== null && !WRITER_OR_READER.test(sentence) && !HEDGED.test(sentence.slice(0, record.index))) {
      found.push(record[0].replace(/\s+/g, ' '));
      continue;
    }
    if (PERSONAL_VOICE.test(sentence) || statesNothing(sentence) || !DATED.test(sentence)) continue;
    const named = namesIn(sentence, known, new Set());
    if (named.length === 0) continue;
    const verb = eventVerb(sentence);
    // What someone said is the attribution signal's; what someone is doing or going to do is no
    // dated event ("are going to be here for years"), nor is a participle describing a noun ("the
    // jazz musician played by Gosling").
    if (verb === undefined || REPORTING_VERBS.has(verb.text) || PRESENT.test(verb.text)) continue;
    if (
      DESCRIBING.test(sentence.slice(verb.at + verb.text.length)) &&
      !AUXILIARY_BEFORE.test(sentence.slice(0, verb.at))
    )
      continue;
    const subject = named.filter(([, at]) => at < verb.at).pop() ?? named[0];
    found.push(`${subject[0]} … ${verb.text}`);
  }
  return found;
}

/**
 * Adds the statement signal to the paragraphs of a post in the personal voice that tell a dated
 * event of a named third party or a measured record (datedFacts), except a block matching one of
 * `ignore` (config `claims.statementIgnore`). Run where statements.ts runs for the reporting voice.
 */
export function addDatedFacts(
  blocks: Block[],
  notClaims: ReadonlySet<BlockKind>,
  ignore: readonly RegExp[] = [],
  speech?: Speech,
): void {
  const known = knownNames(blocks);
  for (const block of blocks) {
    if (!canState(block, notClaims, speech)) continue;
    if (ignore.some((re) => matches(re, block.text))) continue;
    const found = datedFacts(block.text, known);
    if (found.length > 0) addStatement(block, found);
  }
}
