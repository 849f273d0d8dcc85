import { instructionLead } from './instruction-lead.js';
import { sentenceRanges } from './sentences.js';
import {
  CAUSAL,
  CAUSAL_HINT,
  CAUSAL_NOT_SUBJECTS,
  CAUSAL_OWN_SUBJECTS,
  FIRST_PERSON,
  HYPOTHETICAL,
  IMPERATIVES,
} from './claim-rules.js';

/**
 * The causal signal: a general claim of cause and effect told of no one — how a disease spreads,
 * what raises a risk, what something is linked to or makes more likely ("Ebola can only be spread
 * through the bodily fluids of …", "Any species of bacteria can turn into a superbug", "you're more
 * likely to buy it because …"). Such a sentence states a fact of science or behaviour an editor
 * wants sourced, though it names no source, no party and no figure. Not in a question, an
 * instruction, a hypothetical ("If …", "would", "might"), a sentence of the writer ("I", "we",
 * "my", "our"), nor of the post's own thing ("this can turn into a mess", "which is linked to").
 * The rules are published in the README ("Claim signals"); the pattern lives in claim-rules.ts.
 */

// Most words of the sentence before the phrase shown as its subject in the evidence.
const SUBJECT_WORDS = 3;
// The writer's speculation or a hypothetical: "would", "might" anywhere in the sentence.
const SPECULATIVE = /(?<![\p{L}'’])(?:would|might|could)(?![\p{L}'’])/iu;
const WORD = /[\p{L}'’]+/gu;

/** True for a sentence that tells the reader what to do ("Wash your hands: the virus is spread by …", "Don't …"). */
function isInstruction(sentence: string): boolean {
  // A curly apostrophe as a straight one: "Don’t" is one word.
  const lead = instructionLead(sentence.replace(/’/g, "'"));
  return IMPERATIVES.has(lead) || lead === "don't";
}

/** False for a text that cannot hold a general claim of cause and effect (a fast first look). */
export const mayStateCause = (text: string): boolean => CAUSAL_HINT.test(text);

/**
 * The general claims of cause and effect in `text` (its sentences are `ranges`, split here when absent), as evidence: up
 * to SUBJECT_WORDS words before the phrase and the phrase ("Ebola can only be spread through").
 * At most `max` of them; empty when none.
 */
export function causalClaims(text: string, max: number, ranges?: ReadonlyArray<readonly [number, number]>): string[] {
  CAUSAL.lastIndex = 0;
  // Most texts have none: the sentences are split only when the pattern is somewhere.
  if (!CAUSAL.test(text)) return [];
  const found: string[] = [];
  for (const [start, end] of ranges ?? sentenceRanges(text)) {
    if (found.length >= max) break;
    const sentence = text.slice(start, end).trim();
    if (sentence.endsWith('?') || HYPOTHETICAL.test(sentence) || SPECULATIVE.test(sentence)) continue;
    if (FIRST_PERSON.test(sentence) || isInstruction(sentence)) continue;
    CAUSAL.lastIndex = 0;
    const m = CAUSAL.exec(sentence);
    if (m === null) continue;
    const before = [...sentence.slice(0, m.index).matchAll(WORD)];
    const last = before[before.length - 1]?.[0].toLowerCase();
    if (last !== undefined && CAUSAL_NOT_SUBJECTS.has(last)) continue;
    // The evidence is the text as written, from the subject's first shown word to the phrase's end,
    // within its clause ("you're more likely to", not "something up, you're …").
    const clause = Math.max(0, ...[',', ';', ':', '—'].map((mark) => sentence.lastIndexOf(mark, m.index) + 1));
    const shown = before.filter((w) => w.index >= clause).slice(-SUBJECT_WORDS);
    // A subject that is the post's own thing or the reader's ("this package doesn't protect against",
    // "your build is more likely to fail").
    if (shown.some((w) => CAUSAL_OWN_SUBJECTS.has(w[0].toLowerCase()))) continue;
    const from = shown.length > 0 ? shown[0].index : m.index;
    found.push(sentence.slice(from, m.index + m[0].length).replace(/\s+/g, ' '));
  }
  return found;
}
