import {
  set,
  EXPERT_SUBJECTS,
  FILLERS,
  FIRST_PERSON,
  IMPERATIVES,
  INSTITUTION_NOUNS,
  NAME_STOPWORDS,
  PASSIVE,
  PERSONAL_SUBJECTS,
  PREPOSITIONS,
} from './claim-rules.js';

/**
 * Who or what a position told without a reporting verb is about (signals.ts's CONDITION_REPORTED,
 * ASKED_PASSIVE, CALLED_FOR, HAS_LEARNED, PORTRAYED, ANONYMOUS_SOURCE and TREND): these readings
 * hold for a party or a measured quantity, not for the writer's own people ("my kids were asked
 * whether", "My sister Jo has called for a rematch") nor a thing ("The parser was asked whether",
 * "The roof is in fair condition", "Once the dough has doubled"). Where the subject cannot be told,
 * the reading is dropped.
 */

/** Nouns for people, whose condition, questions and portrayals are reported ("the driver is in critical condition"). */
export const PERSON_NOUNS = set(
  'man men woman women boy boys girl girls child children baby toddler teenager teenagers teen teens patient patients victim victims driver drivers passenger passengers pedestrian cyclist rider officer officers soldier soldiers worker workers student students resident residents voter voters people person candidate candidates senator senators minister ministers mayor president leader leaders official spokesman spokeswoman spokesperson lawmaker lawmakers member members player players coach manager chief executive ceo founder fans supporters opponents protesters judge governor premier chancellor suspect defendant witness',
);

/** Capitalised heads that name a thing, not a party ("The Chicago Manual calls for a serial comma"). */
const THING_HEADS = set(
  'manual manuals guide guides handbook book books recipe recipes style stylebook dictionary spec specification standard standards template format method formula rule rules plan plans',
);

/** Quantities whose change in size is a figure ("attendance has doubled", "the number of cases has tripled"). */
const MEASURED_NOUNS = set(
  'attendance crime inflation unemployment employment demand supply revenue turnover output production spending debt deficit freight traffic usage consumption population enrolment enrollment turnout membership income profit value price cost rent rate number total share budget investment trade growth temperature level count readership ridership viewership audience support approval funding pay salary tuition premium borrowing lending homelessness poverty obesity mortality incidence prevalence volume capacity',
);

/** Words that open a clause: a subject is looked for after them ("Once the dough has doubled"). */
const CLAUSE_OPENERS = set(
  'once when whenever until since after before as because so and but if while although though that which who whom what where whether unless then',
);

/** Plural nouns, roughly: a count of things ("prices", "allergies"; not "this", "bus", "news"). */
const PLURAL = /^[a-z][a-z-]*[^su'’]s$/;

/** The words of the clause right before `at` (as written, nearest last, at most 8), back to a mark or a clause opener. */
function clauseBefore(t: string, at: number): string[] {
  const from = Math.max(0, at - 120);
  const words: string[] = [];
  const re = /[\p{L}\d'’`-]+|[.,;:!?…()"“”—–]/gu;
  const slice = t.slice(from, at);
  for (const m of slice.matchAll(re)) {
    if (/^[.,;:!?…()"“”—–]$/.test(m[0]) || (m[0] === '-' && words.length > 0)) words.length = 0;
    else if (CLAUSE_OPENERS.has(m[0].toLowerCase())) words.length = 0;
    else words.push(m[0]);
  }
  return words.slice(-8);
}

/** The clause's head noun: past the auxiliaries, fillers and adverbs before the verb, before its first preposition. */
function headOf(words: readonly string[]): { head: string; index: number } | undefined {
  let end = words.length;
  while (end > 0) {
    const w = words[end - 1].toLowerCase();
    if (FILLERS.has(w) || PASSIVE.has(w) || /^[a-z]+ly$/.test(w)) end--;
    else break;
  }
  let cut = end;
  for (let i = 1; i < end; i++) {
    const w = words[i].toLowerCase();
    if (PREPOSITIONS.has(w) || w === 'at' || w === 'down' || w === 'to' || w === 'near' || w === 'by') {
      cut = i;
      break;
    }
  }
  return cut > 0 ? { head: words[cut - 1], index: cut - 1 } : undefined;
}

/** Whether the clause is the writer's or the reader's own people ("my kids", "Our first pick", "My sister Jo"). */
function writersOwn(words: readonly string[]): boolean {
  return words.some((w) => /^(?:my|our|your)$/i.test(w));
}

/**
 * Whether the subject of a clause ending at `at` is a party: a name ("Duncan", "Jo Marsh"), he,
 * she or they, or a person, expert or institution ("the driver", "regulators", "the council");
 * not the writer's own people and not a thing ("The parser", "The Chicago Manual").
 */
export function isPartySubject(t: string, at: number): boolean {
  // "The minister, who was asked whether …": the party before the relative clause.
  const relative = /,\s*who\s+(?:(?:has|had|have)\s+)?$/i.exec(t.slice(Math.max(0, at - 20), at));
  if (relative !== null) return isPartySubject(t, at - relative[0].length);
  const words = clauseBefore(t, at);
  if (writersOwn(words)) return false;
  const found = headOf(words);
  if (found === undefined) return false;
  const lower = found.head.toLowerCase().replace(/’/g, "'");
  if (/^(?:he|she|they)$/.test(lower)) return true;
  if (PERSON_NOUNS.has(lower) || EXPERT_SUBJECTS.has(lower) || INSTITUTION_NOUNS.has(lower)) return true;
  if (THING_HEADS.has(lower) || PERSONAL_SUBJECTS.has(lower) || NAME_STOPWORDS.has(lower)) return false;
  return /^\p{Lu}/u.test(found.head);
}

/** Whether the subject of a clause ending at `at` is one of the writer's own people or a thing named (see isPartySubject). */
export function isOwnOrThing(t: string, at: number): boolean {
  const words = clauseBefore(t, at);
  if (writersOwn(words)) return true;
  const head = headOf(words)?.head.toLowerCase();
  return head !== undefined && THING_HEADS.has(head);
}

/**
 * Whether a change in size ending its subject at `at` is a figure: the subject is a measured
 * quantity ("Berth fees", "the number of cases", "attendance") or a name ("Tesla has soared"),
 * and the sentence is neither the writer's or the reader's ("since we moved", "so I buy") nor an
 * instruction ("let the dough rise until it has doubled", "…; see the caching section").
 */
export function isMeasuredChange(t: string, at: number): boolean {
  const [start, end] = sentenceAround(t, at);
  const sentence = t.slice(start, end);
  if (FIRST_PERSON.test(sentence) || /\b(?:you|your)\b/i.test(sentence) || hasInstruction(sentence)) return false;
  const words = clauseBefore(t, at);
  const found = headOf(words);
  if (found === undefined) return false;
  const lower = found.head.toLowerCase();
  if (MEASURED_NOUNS.has(lower) || (lower.length > 3 && PLURAL.test(lower) && !NAME_STOPWORDS.has(lower))) return true;
  // A name, unless it is only the sentence's first word ("Dough has doubled").
  if (!/^\p{Lu}/u.test(found.head) || NAME_STOPWORDS.has(lower)) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length > 1 || !sentence.trimStart().startsWith(found.head);
}

/** The sentence around `at`, roughly: from the last full stop before it to the next. */
function sentenceAround(t: string, at: number): [number, number] {
  const before = t.slice(Math.max(0, at - 300), at);
  const last = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '));
  const start = last < 0 ? Math.max(0, at - 300) : at - before.length + last + 2;
  const next = /[.!?](?:\s|$)/.exec(t.slice(at, at + 300));
  return [start, next === null ? Math.min(t.length, at + 300) : at + next.index + 1];
}

// Imperatives of instructions beside IMPERATIVES that open a clause ("let the dough rise", "see the caching section").
const CLAUSE_IMPERATIVES = set('let see cover shape fold knead refer');

/** Whether a clause of the sentence (after its start, ";" or ":") opens with an imperative. */
function hasInstruction(sentence: string): boolean {
  for (const clause of sentence.split(/[;:]/)) {
    const first = /^\W*([\p{L}]+)/u.exec(clause)?.[1]?.toLowerCase();
    if (first !== undefined && (IMPERATIVES.has(first) || CLAUSE_IMPERATIVES.has(first))) return true;
  }
  return false;
}
