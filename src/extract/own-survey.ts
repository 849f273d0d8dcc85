import type { Block } from '../types.js';
import { MAX_EVIDENCE, unquoted } from './signals.js';

/**
 * A story reporting the outlet's own survey (bench/claims-labelling.md, `firsthand`: "the
 * outlet's own … measurement"): when one of its first paragraphs names the outlet's survey, poll
 * or panel ("The Ledger Caucus — a panel of insiders", "a Ledger poll", "surveyed by The Ledger",
 * "our survey", "we polled"), its respondents answered the outlet. Their unnamed answers through
 * the story ("“…,” said an Iowa Republican", "a majority of insiders said", "others said",
 * "47 percent said …") and its tallies (a paragraph whose figures are all percentages and that
 * names the survey: "97 percent of insiders surveyed …") are the outlet's own reporting. A named
 * speaker ("Trump said"), a pronoun, a spokesperson or official, a figure that is not a share,
 * and a paragraph naming another outlet stay claims. Read by settleFirsthand (firsthand.ts);
 * published in the README ("Claim signals").
 */

/** What settleOwnSurvey needs of firsthand.ts: the outlet's view of a paragraph. */
export interface OwnSurveyReader {
  /** True for a paragraph CLAIM_UNCITED would flag. */
  isUncited(block: Block): boolean;
  /** True when a paragraph names another outlet's reporting ("told CNN", "according to Reuters"). */
  namesOther(block: Block): boolean;
  /** True when a name is the outlet's ("POLITICO", "The Ledger"). */
  isOutletName(name: string): boolean;
  /** A paragraph's text outside its quotes, what the user's `firsthandIgnore` matches blanked (same length). */
  plain(block: Block): string;
}

/** Paragraphs at a story's start where its survey is looked for (its lead). */
const LEAD_BLOCKS = 8;

// A survey's words ("survey", "polled", "panel", "The Ledger Caucus").
const SURVEY_WORD = /\b(?:survey(?:ed|s)?|poll(?:ed|s)?|questionnaire|panel|caucus)\b/giu;
// The outlet as "we"/"our" right before the survey's word ("our survey", "we polled", "our reader panel").
const OWN_BEFORE = /\b(?:our|we|we['’]ve|we\s+have)\s+(?:[\p{Ll}-]+\s+){0,2}$/iu;
// The capitalised run right before the survey's word ("The POLITICO Caucus", "a Ledger poll", "POLITICO's survey").
const NAME_BEFORE = /((?:\p{Lu}[\p{L}\p{N}&.'’-]*\s+){1,4})(?:[\p{Ll}-]+\s+){0,1}$/u;
// The outlet after the survey's word ("surveyed by The Ledger", "a poll conducted for The Ledger").
const NAME_AFTER =
  /^\s+(?:(?:conducted|commissioned|carried\s+out)\s+)?(?:by|for)\s+((?:[Tt]he\s+)?(?:\p{Lu}[\p{L}\p{N}&.'’-]*\s*){1,4})/u;

/** Words before a speech verb saying its speaker is one of many, unnamed ("a Michigan Republican", "others", "47 percent", "47%"). */
// The word boundary is the words' alone: after "%" (no word character) a space or the clause's end is none.
const UNNAMED =
  /^(?:(?:and|but|so|while|yet)\s+)?(?:(?:a|an|another|one|some|several|many|most|other|others|few|all|\d+(?:\.\d+)?\s*(?:-\s*)?percent)\b|\d+(?:\.\d+)?\s*%)/iu;
/** A speaker named after an inverted verb as one of many ("…,” said a New Hampshire Republican"). */
const UNNAMED_AFTER = /^\s+(?:a|an|another|one|some|several)\s+\S/iu;
/** A quote's unnamed speaker with no attribution word of its own ("Asked a Pennsylvania Republican: “…”"). */
const ASKED_UNNAMED =
  /\b(?:said|says|asked|asks|added|adds|wrote|writes|predicted|observed)\s+(?:a|an|another|one)\s+\S/iu;
/** Who speaks for a body, never a respondent ("a spokeswoman said", "an official said"). */
const SPOKESPEOPLE = /\b(?:spokes(?:man|woman|person)|officials?|aides?|representatives?|press\s+secretary)\b/iu;
/** A figure that is a share ("97 percent", "52-percent", "74%"). */
const SHARE = /(?:percent|per\s+cent|%)/iu;
/** Clause boundaries before a speaker. */
const CLAUSE_END = /[,;:.!?“”"—–(]/gu;

/** True when a paragraph of the lead names the outlet's own survey (not in words the user's firsthandIgnore matches). */
function namesOwnSurvey(block: Block, reader: OwnSurveyReader): boolean {
  const t = reader.plain(block);
  SURVEY_WORD.lastIndex = 0;
  for (let m = SURVEY_WORD.exec(t); m; m = SURVEY_WORD.exec(t)) {
    const before = t.slice(Math.max(0, m.index - 60), m.index);
    if (OWN_BEFORE.test(before)) return true;
    const run = NAME_BEFORE.exec(before);
    if (run) {
      const name = run[1].trim().replace(/['’]s$/u, '');
      if (reader.isOutletName(name) || reader.isOutletName(name.replace(/^(?:The|A|An)\s+/u, ''))) return true;
    }
    const after = NAME_AFTER.exec(t.slice(m.index + m[0].length, m.index + m[0].length + 60));
    if (after && reader.isOutletName(after[1].trim())) return true;
  }
  return false;
}

/**
 * True when an attribution's speaker is one of many and unnamed, before its verb or after an
 * inverted one; undefined when the verb has no subject of its own ("…, adding").
 */
function unnamedSpeaker(evidence: string, t: string): boolean | undefined {
  const words = evidence.split(/\s+/);
  const verb = words[words.length - 1];
  const start = t.indexOf(evidence);
  if (start < 0) return false;
  const at = start + evidence.length - verb.length;
  const after = t.slice(at + verb.length, at + verb.length + 40);
  if (UNNAMED_AFTER.test(after)) return true;
  // A name after an inverted verb ("…,” said Trump") is a named speaker.
  const inverted = /[,”"’]\s*$/u.test(t.slice(Math.max(0, at - 3), at));
  if (inverted && /^\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?\p{Lu}/u.test(after)) return false;
  const before = t.slice(Math.max(0, at - 150), at);
  let cut = 0;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(before); m; m = CLAUSE_END.exec(before)) cut = m.index + 1;
  const clause = before.slice(cut).trim();
  if (clause === '') return words.length === 1 ? undefined : false;
  if (SPOKESPEOPLE.test(clause)) return false;
  if (UNNAMED.test(clause)) return true;
  // A plural of no one in particular ("insiders said", "respondents said"): lower case, no pronoun.
  return /^[\p{Ll}\s-]+$/u.test(clause) && !/\b(?:he|she|they|it|we|i)$/u.test(clause) && / |s$/.test(clause);
}

/** The words making a paragraph a respondent's answer or the survey's tally; undefined when it is neither. */
function answered(block: Block): string[] | undefined {
  const t = unquoted(block.text);
  const evidence = block.evidence ?? [];
  // A figure outside the quotes that is no share is the story's, not the survey's.
  for (const e of evidence)
    if (
      e.signal === 'number' &&
      t.includes(e.text) &&
      !SHARE.test(t.slice(t.indexOf(e.text), t.indexOf(e.text) + e.text.length + 12))
    )
      return undefined;
  const said = evidence.filter((e) => e.signal === 'attribution');
  if (said.length > 0) {
    // A verb with no subject of its own ("…, adding that …") goes on with the attribution before it.
    let last: boolean | undefined;
    for (const e of said) {
      last = unnamedSpeaker(e.text, t) ?? last;
      if (last !== true) return undefined;
    }
    return said.slice(0, MAX_EVIDENCE).map((e) => e.text);
  }
  const shares = evidence.filter((e) => e.signal === 'number');
  SURVEY_WORD.lastIndex = 0;
  if (shares.length > 0 && SURVEY_WORD.test(t)) return shares.slice(0, MAX_EVIDENCE).map((e) => e.text);
  const asked = ASKED_UNNAMED.exec(t);
  if (asked && block.signals.includes('quote') && !SPOKESPEOPLE.test(t.slice(asked.index, asked.index + 60)))
    return [asked[0]];
  return undefined;
}

/** Marks the respondents' answers and the tallies of a story reporting the outlet's own survey (Block.firsthand). */
export function settleOwnSurvey(blocks: readonly Block[], reader: OwnSurveyReader): void {
  let survey: number | undefined;
  let lead = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    if (lead++ >= LEAD_BLOCKS) break;
    if (block.citations.some((c) => c.via === undefined)) continue;
    if (namesOwnSurvey(block, reader) && !reader.namesOther(block)) {
      survey = block.index;
      break;
    }
  }
  if (survey === undefined) return;
  for (const block of blocks) {
    if (block.firsthand !== undefined || !reader.isUncited(block) || reader.namesOther(block)) continue;
    const words = answered(block);
    if (words !== undefined) block.firsthand = { words, block: survey };
  }
}
