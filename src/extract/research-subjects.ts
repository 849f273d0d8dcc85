import { FIRST_PERSON, IRREGULAR_PAST, NAME_STOPWORDS, NOT_PAST_ED, set } from './claim-rules.js';
import { unquoted } from './signals.js';

/**
 * Someone else's research told as a story (issue 8): a sentence whose subject is a third party's
 * research — its people ("the researchers", "the scientists", "the study's authors", "the
 * participants", "one survey respondent", "Dr. Shadlen and colleagues", "Jo Marsh, senior analyst
 * at Acme,") or the work itself ("the study", "the survey") — and whose verb tells
 * what they did or found, in the past ("the scientists asked five people …", "the participants
 * used a stylus", "another respondent highlighted …") is a claim, without a reporting verb or a
 * figure. Not the writer's own research: a paragraph that tells it ("we recruited 40 participants",
 * "our survey") has none, and a sentence that says "I", "we", "my" or "our" outside quotes before
 * the actor's verb ("we asked the participants", "in our model the authors …") is none; a "we"
 * elsewhere ("we do not yet know …") leaves the rest alone. Nor a question or a plan ("will",
 * "could"). The rules are published in the README ("Claim signals").
 */

/** People whose research is told: a subject of these and a past verb is a research report. */
const RESEARCH_PEOPLE = set(
  'researchers researcher scientists scientist investigators authors co-authors coauthors participants participant respondents respondent psychologists neuroscientists epidemiologists biologists physicists astronomers chemists archaeologists geologists ecologists statisticians',
);

/**
 * The research itself ("the study followed …"): with a determiner only ("students study"). Not
 * "trial": a court's as often as a drug's ("the trial collapsed"), and a drug trial's findings
 * come with a reporting verb ("the trial found") that says so already.
 */
const RESEARCH_WORK = set('study survey experiment poll');

/** The people around a named researcher ("Shadlen and colleagues", "Dr. Roe and her co-authors"). */
const COLLEAGUES = set('colleagues co-authors coauthors collaborators');

/**
 * A research actor in the text: one of the words above, "author" (a study's: see
 * isResearchSubject), a team, or "et al.". Built from the word lists, so they are kept in one place.
 */
const ACTOR = new RegExp(
  `(?<![\\p{L}'’-])(?:${[...RESEARCH_PEOPLE, ...RESEARCH_WORK, ...COLLEAGUES, 'author', 'team'].join('|')}|et al\\.?)(?![\\p{L}'’-])`,
  'giu',
);

/** The roles of a named expert in an apposition ("Jo Marsh, senior analyst at Acme, …"). */
const ROLE =
  /(?<![\p{L}'’-])(?:analyst|professor|researcher|scientist|economist|epidemiologist|psychologist|neuroscientist|statistician|lecturer|fellow|co-?author|author)(?![\p{L}'’-])/giu;

/** A determiner or a possessive that makes the research a third party's ("the study", "a new trial", "Yale's study"). */
const DETERMINER = set(
  'the this that these those a an one another new latest recent same earlier previous larger small large their his her its',
);

/** Words before the actor that make it an object, not a subject ("asked by the researchers", "the number of participants"). */
const OBJECT_BEFORE = set(
  'of to by with for from about among between on into than like against toward towards per via without including asked told paid recruited surveyed',
);

/** Words before "author" that make it a study's author ("lead author", "the study's author"). */
const AUTHOR_BEFORE = set('lead senior first co study paper report corresponding');

/** Adverbs and fillers between a subject and its verb ("the researchers then used"). */
const BETWEEN = set(
  'also then later first initially subsequently eventually further still both all each themselves soon ultimately instead originally separately together independently recently now next',
);

/** Past tenses and participles not ending in -ed, beside IRREGULAR_PAST ("the authors found", "had shown"). */
const MORE_PAST = set(
  'found thought felt sought taught set put did caught dealt meant heard sat understood drove rode chose shown done given seen taken begun known grown written drawn chosen',
);

// A past tense ending in -ed; not a word that only ends so ("need", "hundred").
const REGULAR_PAST = new RegExp(`^(?!(?:${NOT_PAST_ED})$)[a-z]{2,}ed$`);

// The words after an actor (at most 6), separated by a space or two only: a mark ends the
// clause, and so does a quotation (blanked by then: a long run of spaces).
const NEXT_WORD = /\s{1,3}([\p{L}'’-]+)/uy;
// A year or an aside in brackets after "et al." or a name ("Roe et al. (2019) showed").
const BRACKETED = /\s*\([^()]{0,40}\)/y;
// A place or an institution after the actor ("researchers at Columbia University in New York, NY,").
const AFFILIATION = /\s+(?:at|from|in|of)\s+(?:(?:\p{Lu}[\p{L}'’.&-]*|of|the|and|for|in|de|la),?\s+){1,10}(?=\p{Ll})/uy;

/**
 * Past verbs that tell where people went or when something began or ended, not what research
 * did or found ("the researchers left the building", "the trial began at Leeds Crown Court").
 */
const NOT_RESEARCH = set(
  'left went came arrived returned travelled traveled walked ran ate slept met gathered moved sat stood adjourned',
);

// Beginning or ending, then a time or a place: a schedule ("the trial began on Monday at Leeds
// Crown Court"), not how research began ("Okafor and her colleagues began from a hunch").
const SCHEDULE_VERB = set('began started ended opened closed resumed finished');
const SCHEDULE_AFTER = /^\s{1,3}(?:on|at|in|last|this|yesterday|today|early|late)\b/i;

/** Whether a word tells of something done or found, in the past. */
const isPast = (word: string): boolean =>
  !NOT_RESEARCH.has(word) && (IRREGULAR_PAST.has(word) || MORE_PAST.has(word) || REGULAR_PAST.test(word));

// "asked for more funding": a request, not a question put to people.
const ASKED_FOR = /^\s{1,3}for\b/;

/**
 * Where a past verb phrase right after `at` ends ("then used", "were able", "had to", "did"), also
 * past a year in brackets or an affiliation ("researchers at Columbia University, NY, set out");
 * undefined when the words after the actor are no past verb.
 */
function pastVerbAfter(t: string, at: number): number | undefined {
  let pos = at;
  BRACKETED.lastIndex = pos;
  if (BRACKETED.test(t)) pos = BRACKETED.lastIndex;
  const direct = verbAt(t, pos);
  if (direct !== undefined) return direct;
  AFFILIATION.lastIndex = pos;
  return AFFILIATION.test(t) ? verbAt(t, AFFILIATION.lastIndex - 1) : undefined;
}

/** Where a past verb phrase opening at `pos` (after a space) ends, or undefined. */
function verbAt(t: string, at: number): number | undefined {
  let pos = at;
  let aux = '';
  for (let i = 0; i < 6; i++) {
    NEXT_WORD.lastIndex = pos;
    const m = NEXT_WORD.exec(t);
    if (m === null) return undefined;
    pos = NEXT_WORD.lastIndex;
    const word = m[1].toLowerCase();
    if (BETWEEN.has(word) || (word.length > 4 && word.endsWith('ly'))) continue;
    // "had used", "have shown", "had to decide"; "were asked", "was able", "were more likely".
    if (aux === 'had' || aux === 'have' || aux === 'has')
      return isPast(word) || word === 'to' || word === 'been' ? pos : undefined;
    if (aux === 'were' || aux === 'was') return pos;
    if (word === 'had' || word === 'have' || word === 'has' || word === 'were' || word === 'was') {
      aux = word;
      continue;
    }
    if (word === 'asked' && ASKED_FOR.test(t.slice(pos, pos + 8))) return undefined;
    if (SCHEDULE_VERB.has(word) && SCHEDULE_AFTER.test(t.slice(pos, pos + 14))) return undefined;
    return isPast(word) ? pos : undefined;
  }
  return undefined;
}

/** The words of the clause right before `at`, lower-cased, nearest last (at most 5), back to a mark. */
function wordsBefore(t: string, at: number): string[] {
  const slice = t.slice(Math.max(0, at - 60), at);
  const clause = slice.split(/[.,;:!?()"“”—–]/).pop() ?? '';
  return clause
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(-5);
}

/** Whether the actor `word` opening at `at`, with `before` the clause's words before it, is a third party's research as a subject. */
function isResearchSubject(t: string, at: number, word: string, before: string[]): boolean {
  const lower = before.map((w) => w.toLowerCase().replace(/’/g, "'"));
  const last = lower[lower.length - 1] ?? '';
  if (lower.some((w) => /^(?:my|our|your|we|i|us|me)$/.test(w))) return false;
  if (COLLEAGUES.has(word) || word === 'team' || word.startsWith('et al')) return isNamedGroup(before, word);
  // The word before the actor's determiners and count ("by the researchers", "of the 40
  // participants"); "a team of researchers" is a subject, its verb after the researchers.
  let i = lower.length - 1;
  while (i >= 0 && (DETERMINER.has(lower[i]) || /^\d[\d,]*$/.test(lower[i]))) i--;
  const governs = lower[i] ?? '';
  if (OBJECT_BEFORE.has(governs) && !(governs === 'of' && /^(?:team|group)$/.test(lower[i - 1] ?? ''))) return false;
  if (word === 'author') return AUTHOR_BEFORE.has(last.replace(/'s$/, '')) || /'s$/.test(last);
  if (RESEARCH_WORK.has(word)) return lower.slice(-3).some((w) => DETERMINER.has(w) || /'s$/.test(w));
  return RESEARCH_PEOPLE.has(word) && t[at - 1] !== '-';
}

/**
 * Whether colleagues, a team or "et al." follow a name ("Shadlen and colleagues", "Dr. Roe and
 * her co-authors", "Roe's team", "Roe et al."), or a team is a research team ("the research team").
 */
function isNamedGroup(before: readonly string[], word: string): boolean {
  const lower = before.map((w) => w.toLowerCase());
  const n = lower.length;
  if (word.startsWith('et al')) return n > 0 && /^\p{Lu}/u.test(before[n - 1]);
  if (word === 'team') {
    if (lower[n - 1] === 'research') return true;
    // "Dr. Roe's team"; "Roe and his team".
    const owner = /^(?:his|her|their)$/.test(lower[n - 1] ?? '') ? n - 3 : n - 1;
    return (
      /^\p{Lu}[\p{L}'’-]*['’]s$/u.test(before[n - 1] ?? '') ||
      (owner >= 0 && lower[owner + 1] === 'and' && /^\p{Lu}/u.test(before[owner]))
    );
  }
  const and = /^(?:his|her|their)$/.test(lower[n - 1] ?? '') ? n - 2 : n - 1;
  return lower[and] === 'and' && and > 0 && /^\p{Lu}/u.test(before[and - 1]);
}

// A sentence's end: a question's says nothing was done.
const SENTENCE_END = /[.!?]/g;

/** Where the `n` words before `at` start (within 60 characters), for the evidence. */
function wordsStart(t: string, at: number, n: number): number {
  let from = at;
  for (let words = 0; words < n; words++) {
    let i = from;
    while (i > 0 && at - i < 60 && /\s/.test(t[i - 1])) i--;
    let j = i;
    while (j > 0 && at - j < 60 && /[\p{L}\p{N}'’.-]/u.test(t[j - 1])) j--;
    if (j === i) break;
    from = j;
  }
  return from;
}

/**
 * Research told as a story in `t` (see the module comment), as evidence: the subject's last
 * words and the verb ("the scientists asked", "Shadlen and colleagues started"), at most `max`.
 * `t` is the text with its quotations blanked (signals.ts's unquoted): quoted speech is the
 * speaker's, and "I" and "we" there are someone else's. `ownResearch`: the post tells research
 * of its writer's own (tellsOwnResearch): only named outside experts are reported then.
 */
export function researchReports(t: string, max: number, ownResearch = false): string[] {
  const found: string[] = [];
  // A paragraph telling the writer's own research ("we recruited 40 participants") reports none of
  // someone else's; any other "we" or "I" silences only its own sentence (weSaysBefore).
  if (max <= 0 || OWN_RESEARCH.test(t)) return found;
  // The next sentence end after the last verb looked at: moves forward only, so a text is read once.
  let stop = -1;
  let question = false;
  const asks = (end: number): boolean => {
    if (end > stop) {
      SENTENCE_END.lastIndex = end;
      const m = SENTENCE_END.exec(t);
      stop = m === null ? t.length : m.index;
      question = m !== null && m[0] === '?';
    }
    return question;
  };
  const evidence = (from: number, end: number): string => t.slice(from, end).replace(/\s+/g, ' ').trim();
  let covered = -1;
  ACTOR.lastIndex = 0;
  // In a post of the writer's own research, its participants and respondents are that research;
  // a named outside expert (below) still is someone else.
  for (let m = ownResearch ? null : ACTOR.exec(t); m && found.length < max; m = ACTOR.exec(t)) {
    const word = m[0].toLowerCase();
    const before = wordsBefore(t, m.index);
    if (!isResearchSubject(t, m.index, word, before)) continue;
    const end = pastVerbAfter(t, m.index + m[0].length);
    if (end === undefined || asks(end) || weSaysBefore(t, m.index, end)) continue;
    // The subject as evidence: a group with its name ("Shadlen and colleagues"), else the word before.
    // ("A team of scientists … set out": the team with them.)
    const group =
      word === 'team' ||
      COLLEAGUES.has(word) ||
      word.startsWith('et al') ||
      /^(?:team|group) of$/i.test(before.slice(-2).join(' '));
    const said = evidence(wordsStart(t, m.index, Math.min(before.length, group ? 3 : 1)), end);
    if (!found.includes(said)) found.push(said);
    covered = end;
  }
  ROLE.lastIndex = 0;
  for (let m = ROLE.exec(t); m && found.length < max; m = ROLE.exec(t)) {
    if (m.index < covered) continue;
    const span = namedExpert(t, m.index, m.index + m[0].length);
    if (span === undefined || asks(span[3]) || weSaysBefore(t, span[0], span[3])) continue;
    // The name and the verb: the apposition between them is long ("Jo Marsh, senior analyst … , shared").
    found.push(`${evidence(span[0], span[1])} … ${evidence(span[2], span[3])}`);
    covered = span[3];
  }
  return found;
}

/** How far back from a research actor its sentence's start is looked for: a bounded window keeps the scan linear. */
const SENTENCE_WINDOW = 160;

/**
 * Whether the writer speaks ("I", "we", "my", "our") in the actor's own sentence before its verb
 * ends at `end` ("we asked the participants", "in our study the participants used"): then the
 * research may be the writer's. Only the sentence's start (at most SENTENCE_WINDOW characters
 * back) to the verb is read, so a "we" elsewhere in the paragraph ("we do not yet know …")
 * leaves a research team's sentence its own.
 */
function weSaysBefore(t: string, at: number, end: number): boolean {
  const from = Math.max(0, at - SENTENCE_WINDOW);
  const back = t.slice(from, at);
  let start = 0;
  for (let i = back.length - 1; i >= 0; i--) {
    const c = back[i];
    if ((c === '.' || c === '!' || c === '?') && (i + 1 >= back.length || /\s/.test(back[i + 1]))) {
      start = i + 1;
      break;
    }
  }
  return FIRST_PERSON.test(t.slice(from + start, end));
}

// A name and the comma opening an apposition before a role ("Jo Marsh, senior …").
const NAME_BEFORE = /(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}),\s+[^,.;:!?"“”]{0,60}$/u;
// The rest of the apposition after the role, to its closing comma ("… at Acme Ltd, ").
const APPOSITION_END = /^[^,.;:!?"“”]{0,80},/;

/**
 * A named expert in an apposition and what they did ("Jo Marsh, senior analyst at Acme, shared
 * …"): where the name starts and ends, and where the verb starts and ends; or undefined.
 */
function namedExpert(t: string, at: number, end: number): [number, number, number, number] | undefined {
  const before = t.slice(Math.max(0, at - 100), at);
  const name = NAME_BEFORE.exec(before);
  if (name === null) return undefined;
  const rest = APPOSITION_END.exec(t.slice(end, end + 100));
  if (rest === null) return undefined;
  const verbAt = end + rest[0].length;
  const verbEnd = pastVerbAfter(t, verbAt);
  if (verbEnd === undefined) return undefined;
  let from = at - before.length + name.index;
  // "But Trip Chowdhry, an analyst …": the sentence's first word is no part of the name.
  const first = /^[\p{L}'’.-]+\s+/u.exec(name[1]);
  if (first !== null && NAME_STOPWORDS.has(first[0].trim().toLowerCase())) from += first[0].length;
  return [from, at - before.length + name.index + name[1].length, verbAt, verbEnd];
}

// The writer's own research anywhere in the post ("we recruited 40 participants", "our survey",
// "We asked respondents …"): its other paragraphs' "the participants completed …" are the same study.
const OWN_RESEARCH =
  /\b(?:we|our)\s+(?:(?:\p{L}+\s+){0,3}(?:study|studies|survey|surveys|research|experiment|experiments|trial|participants|respondents|volunteers|sample|questionnaire|interviews|data|findings|results|analysis|team)\b|(?:then\s+|also\s+|first\s+)?(?:recruited|surveyed|interviewed|asked|measured|analy[sz]ed|tested|collected|randomi[sz]ed|assigned|compared|observed|sampled|ran|conducted|used)\b)/iu;

/**
 * Whether a post tells research of its writer's own (a paper's methods, a company's own survey):
 * then no paragraph of it reports someone else's research by its people alone.
 */
export function tellsOwnResearch(texts: Iterable<string>): boolean {
  // A researcher quoted saying "our findings" is someone else's research: quotations are left out.
  for (const text of texts) if (OWN_RESEARCH.test(text) && OWN_RESEARCH.test(unquoted(text))) return true;
  return false;
}
