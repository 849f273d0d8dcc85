import type { Block } from '../types.js';

/**
 * The people an outlet says it interviewed as a group, not by name ("tax experts interviewed by
 * The Ledger", "The Ledger spoke with four port executives", "in interviews with dozens of
 * residents"): a story saying so tells the reader where its later "the executives said" and
 * "according to tax experts" come from (bench/claims-labelling.md: the reporter was there).
 * Read by settleFirsthand (firsthand.ts); the rules are published in the README ("Claim signals").
 */

// Words of an interview among a paragraph's firsthand words.
const INTERVIEW_WORDS = /interview|(?:spoke|talked|speaking|talking)\s+(?:with|to)|sat\s+down\s+with|surveyed|polled/i;
// A group noun right before "interviewed by" ("tax experts interviewed by", "analysts who were interviewed by").
const GROUP_BEFORE = /(?<![\p{L}'’-])(\p{Ll}{3,}s)(?:,?\s+(?:who|that)\s+(?:were|was|had\s+been|have\s+been))?,?\s*$/u;
// Words that end a group's noun phrase after "spoke with" / "interviews with".
const PHRASE_END = new Set(
  'at in on about from who whom that which and or but for to by during after before over across when while'.split(' '),
);
// Plural words that count a group rather than name it ("dozens of residents").
const COUNT_WORDS = new Set('dozens hundreds thousands scores tens millions lots couple pairs numbers'.split(' '));
// Most words read after "spoke with" for the group's noun.
const MAX_GROUP_WORDS = 6;

/** A plural noun and its singular ("executives", "executive"), or nothing for a word that is none. */
function forms(word: string): string[] {
  if (word.length < 4 || !word.endsWith('s') || word.endsWith('ss') || COUNT_WORDS.has(word)) return [];
  return word.endsWith('ies') ? [word, `${word.slice(0, -3)}y`] : [word, word.slice(0, -1)];
}

/** The group noun after an interview's words ("four top cybersecurity executives at …" → "executives"). */
function groupAfter(rest: string): string[] {
  let last: string[] = [];
  const words = rest
    .trim()
    .replace(/^(?:with|to)\s+/i, '')
    .split(/\s+/, MAX_GROUP_WORDS);
  for (const raw of words) {
    const word = raw.replace(/[,;:.!?)]+$/u, '');
    if (!/^[\p{Ll}\d-]+$/u.test(word) || PHRASE_END.has(word)) break;
    const f = forms(word);
    if (f.length > 0) last = f;
    if (word !== raw) break;
  }
  return last;
}

// Words of a source speaking to the outlet unnamed ("who asked not to be identified", "on condition of anonymity").
const ANONYMOUS_WORDS = /anonymity|not\s+be\s+(?:named|identified)|not\s+to\s+be\s+(?:named|identified)/i;
// What unnamed sources are called, with their singular ("people … who asked not to be identified" → "the people said").
const SOURCE_NOUNS: ReadonlyMap<string, string[]> = new Map(
  [
    ['people', 'person'],
    ['persons', 'person'],
    ['sources', 'source'],
    ['officials', 'official'],
    ['insiders', 'insider'],
    ['aides', 'aide'],
    ['executives', 'executive'],
    ['employees', 'employee'],
    ['advisers', 'adviser'],
    ['advisors', 'advisor'],
  ].map(([plural, singular]) => [plural, [plural, singular]]),
);
// How far before the anonymity words their sources are looked for ("said people with direct knowledge of the matter, who …").
const SOURCE_REACH = 100;

/** The noun of the unnamed sources nearest before `at` in the same sentence ("people" of "said people familiar with …, who"). */
function sourcesBefore(t: string, at: number): string[] {
  const before = t.slice(Math.max(0, at - SOURCE_REACH), at);
  const sentence = before.slice(
    Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? ')) + 1,
  );
  let found: string[] = [];
  for (const m of sentence.toLowerCase().matchAll(/\p{L}+/gu)) found = SOURCE_NOUNS.get(m[0]) ?? found;
  return found;
}

/** A firsthand phrase as firsthand.ts finds it: its words, and where they start in the unquoted text. */
export interface Phrase {
  words: string;
  at: number;
}

// Most group nouns (plural and singular) kept of one paragraph: every noun is looked for in the
// paragraph's attributions, so a paragraph naming a new group per sentence was quadratic (review35
// F1: 64,000 sentences took 15.7 s against 1.4 s); ten groups is more than a story interviews.
const MAX_PARAGRAPH_NOUNS = 20;

/** The groups of a paragraph. */
export interface Groups {
  /** Their nouns, plural and singular ("executives", "executive"). */
  nouns: string[];
  /** True when one is people the outlet interviewed, not only unnamed sources. */
  people: boolean;
}

/**
 * The group nouns (plural and singular) of the people a paragraph's firsthand interview words
 * name, or of the unnamed sources its anonymity words speak of: the words as firsthand.ts found
 * them, read in the paragraph's unquoted text `t`.
 */
export function interviewedGroups(t: string, phrases: readonly Phrase[]): Groups {
  const groups = new Set<string>();
  let people = false;
  const add = (found: readonly string[]): void => {
    if (groups.size < MAX_PARAGRAPH_NOUNS) for (const g of found) groups.add(g);
  };
  for (const { words: w, at } of phrases) {
    const anonymous = ANONYMOUS_WORDS.test(w);
    if (!anonymous && !INTERVIEW_WORDS.test(w)) continue;
    if (anonymous) {
      add(sourcesBefore(t, at));
      continue;
    }
    const before = /\s+by\b/i.test(w) ? GROUP_BEFORE.exec(t.slice(Math.max(0, at - 60), at))?.[1] : undefined;
    const found = before !== undefined ? forms(before) : groupAfter(t.slice(at + w.length, at + w.length + 120));
    if (found.length > 0) people = true;
    add(found);
  }
  return { nouns: [...groups], people };
}

// A speech verb after the group ("the executives said", "two of the executives also said").
const GROUP_SPEECH =
  /^\s+(?:(?:also|all|both|each|have|had|further|repeatedly|separately)\s+){0,2}(?:said|say|says|told|tell|complained|complain|described|describe|explained|added|noted|agreed|warned|recalled|insisted)\b/i;

/** True when the group speaks in a text: its noun right before a speech verb ("these executives all said"). */
export function groupSpeaks(text: string, groups: readonly string[]): boolean {
  if (groups.length === 0) return false;
  const lower = text.toLowerCase();
  // All nouns in one pass, the longest first: where two start at one place, the shorter is
  // followed by the longer's next character, never by the space a speech verb needs.
  const nouns = [...groups].sort((a, b) => b.length - a.length).map((g) => g.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  const any = new RegExp(`(?<!\\p{L})(?:${nouns.join('|')})(?!\\p{L})`, 'gu');
  for (let m = any.exec(lower); m !== null; m = any.exec(lower)) {
    const end = m.index + m[0].length;
    if (GROUP_SPEECH.test(lower.slice(end, end + 60))) return true;
    // Every place a noun starts, as a search per noun found them (nouns may share letters).
    any.lastIndex = m.index + 1;
  }
  return false;
}

// Words that tie unnamed sources back to the group ("the officials said", "two of those people").
const TIE_BACK = new Set('the these those both'.split(' '));
// Nouns that mostly stand for unnamed sources anywhere ("officials said"): not "executives", whom
// a story counts as the ones it interviewed ("one executive complained": CNBC, label34).
const ANONYMOUS_NOUNS = new Set('officials official people person persons sources source'.split(' '));
// A group of a body the story names ("tax experts at the Urban Institute"): another group than the one interviewed.
const OF_A_BODY = /^(?:at|from|of|with)\s+(?:the\s+)?\p{Lu}/u;

/**
 * True when an attribution's words are the group's ("one executive complained", "according to
 * tax experts"). Unnamed sources need words that tie them back ("the officials said", not "state
 * officials said": review35 F2); a group of a named body is another group.
 */
export function byGroup(evidence: string, block: Block, groups: readonly string[]): boolean {
  if (groups.length === 0) return false;
  const at = block.text.indexOf(evidence);
  let words = evidence.split(/\s+/);
  if (/^according\s+to$/i.test(evidence.trim())) {
    if (at < 0) return false;
    words = block.text
      .slice(at + evidence.length, at + evidence.length + 60)
      .trim()
      .split(/\s+/)
      .slice(0, 4)
      .map((w) => w.replace(/[^\p{L}-]+$/u, ''));
    // The words of the group and what follows, in the text's case ("experts at the Urban Institute").
    const i = words.findIndex((w) => groups.includes(w.toLowerCase()));
    if (i < 0) return false;
    const after = block.text
      .slice(at + evidence.length)
      .trim()
      .split(/\s+/)
      .slice(i + 1, i + 4)
      .join(' ');
    return !OF_A_BODY.test(after) && tiedBack(words, i);
  }
  // The words before the attribution too: "the" of "the officials said" may be outside it.
  const before =
    at < 0
      ? []
      : block.text
          .slice(Math.max(0, at - 40), at)
          .trim()
          .split(/\s+/)
          .slice(-2);
  words = [...before, ...words];
  return words.some((w, i) => i >= before.length && groups.includes(w.toLowerCase()) && tiedBack(words, i));
}

/** True unless words[i] is unnamed sources with no word before it tying them back to the group. */
function tiedBack(words: readonly string[], i: number): boolean {
  if (!ANONYMOUS_NOUNS.has(words[i].toLowerCase())) return true;
  const prev = (words[i - 1] ?? '').toLowerCase();
  const counted = /^(?:\d+|two|three|four|five|six|several|some|many|most|all)$/.test(prev);
  return TIE_BACK.has(counted ? (words[i - 2] ?? '').toLowerCase() : prev);
}

// Where words the story quotes were said to someone else ("in testimony before", "in a 2022 report",
// "in a statement", "in a note to clients"): not to the outlet, whoever says them (review35 F2).
// Only articles and a few adjectives before the noun: "called in to report" is no venue (CNBC, label34).
const OTHER_VENUE =
  /\bin\s+(?:(?:a|an|the|its|his|her|their|\d{4}|written|sworn|prepared|joint|annual|quarterly|recent|new|regulatory|securities|congressional)\s+){0,3}(?:statement|report|filing|testimony|note|letter|submission|release|memo|study|paper|op-ed|court\s+(?:papers|documents|filings?))s?\b/iu;

/** True when a paragraph, outside its quotes, says its words were said in a venue of their own. */
export function otherVenue(text: string): boolean {
  return OTHER_VENUE.test(closedQuotesBlanked(text));
}

/**
 * `text` with each closed quote (“…”, "…") made one space, as `replace(/“[^”]*”|"[^"]*"/g, ' ')`
 * would, in one pass: that pattern scanned to the end from every opening mark without its
 * closing one (a paragraph of 160,000 “ took 15 s). An opening mark with no closing one after it
 * makes every later one of its kind unclosed too, so its closing mark is looked for once.
 */
function closedQuotesBlanked(text: string): string {
  let out = '';
  let from = 0;
  let curly = true;
  let straight = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    let close = -1;
    if (c === '“' && curly) curly = (close = text.indexOf('”', i + 1)) >= 0;
    else if (c === '"' && straight) straight = (close = text.indexOf('"', i + 1)) >= 0;
    if (close < 0) continue;
    out += `${text.slice(from, i)} `;
    from = close + 1;
    i = close;
  }
  return out + text.slice(from);
}

// A person named and described after a speech verb ("said Reuven Ortiz, a professor …", "according to
// J. Dana Lee, an attorney …"): two to four capitalised words, then ", a/an/the/who".
const NAME_DESCRIBED =
  /^\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}),\s+(?:a|an|the|who|whose|one|former|senior|chief)\s/u;
// A person named and described before the verb ("Elise Bean, the former chief counsel, said").
const DESCRIBED_BEFORE = /\p{Lu}[\p{Ll}'’-]+,\s+(?:a|an|the|who|whose|former|senior|chief)\s[^.!?“”"]{0,120},\s*$/u;
// Verbs of a plain attribution that may introduce a described person.
const PLAIN_SPEECH = /^(?:said|says|added|adds|explained|explains|noted|notes|according\s+to)$/i;

// A description of an elected official or of a body's spokesperson ("Jo Marsh, the mayor, said",
// "said Sam Hart, a spokeswoman for the council"): they speak for their office, to anyone, and
// stay a claim unless the text says they spoke to the outlet (told the Courier: firsthand.ts).
const OFFICIAL_ROLE =
  /^[^,.;!?]{0,40}?\b(?:mayor|deputy\s+mayor|minister|senator|governor|councillor|councilor|council\s+member|councilman|councilwoman|alderman|alderwoman|congressman|congresswoman|congressmember|representative|lawmaker|legislator|assemblyman|assemblywoman|assembly\s+member|mp|mep|mla|msp|sheriff|commissioner|spokes(?:person|man|woman)|press\s+(?:secretary|officer))\b/i;
// A premier heads a province's or a state's government ("the premier of Ontario", "Ontario's
// premier"); before a lower-case word other than "of" it is an adjective ("a premier tax attorney"),
// and the Premier League is football's.
const PREMIER = /^[^,.;!?]{0,40}?\b[Pp]remier\b(?!\s+(?:(?!of\b|and\b)[a-z]|League\b))/u;
// A chancellor heads a government or its treasury ("the German chancellor", "chancellor of the
// exchequer"); a university's chancellor or vice-chancellor heads a university, as a chief
// executive heads a company: no elected office.
const CHANCELLOR =
  /^[^,.;!?]{0,40}?(?<!(?:[Uu]niversity|[Cc]ollege|[Ss]chool|[Cc]ampus)['’]s\s+)(?<![Vv]ice[\s-])\b[Cc]hancellor\b(?!\s+(?:of|at)\s+(?:the\s+)?[^,.;!?]{0,40}?\b(?:[Uu]niversity|[Cc]ollege|[Ss]chool|[Cc]ampus|[Ss]ystem|[Dd]istrict)\b)/u;

/** True when a person's description names an elected office or a spokesperson's (OFFICIAL_ROLE, PREMIER, CHANCELLOR). */
const isOfficial = (description: string): boolean =>
  OFFICIAL_ROLE.test(description) || PREMIER.test(description) || CHANCELLOR.test(description);

/**
 * True when an attribution is a person the story introduces by name and description ("said
 * Reuven Ortiz, a professor of tax law", "Elise Bean, the former chief counsel, said", "according
 * to Dana Lee, an attorney"): in a story whose outlet says it interviewed a group of such people,
 * one of them (settleFirsthand).
 */
export function describedPerson(evidence: string, text: string): boolean {
  const words = evidence.trim().split(/\s+/);
  const verb =
    words.length >= 2 && /^according$/i.test(words[words.length - 2]) ? 'according to' : words[words.length - 1];
  if (!PLAIN_SPEECH.test(verb)) return false;
  const at = text.indexOf(evidence);
  if (at < 0) return false;
  // "said Name, a …" / "according to Name, an …": the verb alone, the name after it.
  if (words.length === 1 || verb === 'according to') {
    const m = NAME_DESCRIBED.exec(text.slice(at + evidence.length, at + evidence.length + 160));
    return m !== null && !isOfficial(text.slice(at + evidence.length + m[0].length - 1));
  }
  const m = DESCRIBED_BEFORE.exec(text.slice(Math.max(0, at - 160), at));
  return m !== null && !isOfficial(m[0].slice(m[0].indexOf(',') + 1));
}
