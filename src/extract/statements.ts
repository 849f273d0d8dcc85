import type { Block, BlockKind } from '../types.js';
import {
  HYPOTHETICAL,
  CHANGELOG_ENTRY,
  RELEASE_HEADING,
  RELEASE_SUBHEADING,
  CREDIT_LINE,
  DATELINE,
  DEGREE_WORDS,
  DETERMINERS,
  EDITORS_NOTE,
  EVENT_VERB,
  FEELINGS,
  FIRST_EVER,
  FOR_COMMENT,
  IRREGULAR_PAST,
  NAME_STOPWORDS,
  NOT_DATELINES,
  NOT_PAST_ED,
  PERSONAL_VOICE,
  POSSESSIVE_NOT_NAMES,
  PROGRESSIVE,
  PROVISION,
  PUBLIC_BODY_SUBJECT,
  RECORD_CLAIM,
  REPORTING_VERBS,
  REPORTING_VOICE_MAX_SHARE,
  SPECULATION,
  SPEAKER_LABEL_WORDS,
  STATEMENT_MIN_NAMES,
} from './claim-rules.js';
import { MAX_EVIDENCE, unquoted } from './signals.js';
import { sentenceRanges } from './sentences.js';
import type { Speech } from './speech.js';
import { perText } from './per-text.js';

/**
 * The statement signal: in a post written in the reporting voice (news: its prose rarely says
 * "I", "we" or "you"), a paragraph stating what named third parties did, do or will do is a
 * claim even without a reporting verb or a figure ("Moscow has cited technical reasons for the
 * delays", "New York … is likely to lose two electoral votes"). A first-person post (a diary, a
 * company's own account, advice to the reader) has no statement signal: its facts are the
 * writer's own. The rules are published in the README ("Claim signals").
 */

// Blocks of prose whose voice is weighed, and that can carry the signal.
const PROSE_KINDS: ReadonlySet<BlockKind> = new Set(['paragraph', 'list-item']);
// A block shorter than this (in words) is a caption, a byline or a widget: it neither votes nor states.
const MIN_WORDS = 12;
// Longest credit line, in words: a longer paragraph that says "reported from" is a story.
const CREDIT_LINE_MAX_WORDS = 30;
// Fewest words of a short paragraph that can state.
const SHORT_MIN_WORDS = 3;
// Most sentences of a short paragraph that states ("Walsh lobbied Page for months. Page ignored her.").
const SHORT_MAX_SENTENCES = 3;
// A sentence's end, before any closing quotation mark.
const SENTENCE_END = /[.!]["”’]?$/;
// A longer block is no news paragraph (a wall of text, a pasted log): it neither votes nor states,
// which also bounds the work on hostile inputs.
const MAX_CHARS = 4000;

// A past tense, with the present form of "be" before it when there is one (a present passive);
// not a word that only ends in "ed" ("need", "speed", "hundred").
const PAST_TENSE = new RegExp(
  `\\b(?:(is|are|am|be|being)\\s+)?((?!(?:${NOT_PAST_ED})\\b)[a-z]{2,}ed|${[...IRREGULAR_PAST].join('|')})\\b`,
  'g',
);
// A capitalised word (a name, or a sentence's first word), or a brand written in camel case
// ("iPhone", "eBay"), and whether a capitalised word follows it.
const CAPITALISED = /(?<![\p{L}\p{N}'’])(?:\p{Lu}|\p{Ll}\p{Lu})[\p{L}\p{N}'’.-]*/gu;
// A possessive at a name's end: "Google's", "Jobs'".
const POSSESSIVE_END = /(?:['’]s|(?<=s)['’])$/;
const CAPITALISED_NEXT = /^\s+\p{Lu}/u;
// The rest of a name: more capitalised words, also across "of", "for", "de", "van" … ("Bank of England", "University of the Arts").
// A verb right after a word, or after an adverb ("Rosenberg eventually asked"): the word is its subject.
const VERB_NEXT = new RegExp(
  `^\\s+(?:[a-z]+ly\\s+)?(?:was|were|is|are|has|had|have|did|does|[a-z]{2,}ed|${[...IRREGULAR_PAST].join('|')})\\b`,
);
// A third-person subject pronoun, standing for a party the paragraph names: "he"/"she"
// anywhere, "They" or a possessive and its noun opening the sentence ("Her husband worked …").
const PRONOUN_SUBJECT =
  /(?<![\p{L}'’])(?:[Hh]e|[Ss]he)(?![\p{L}'’])|^(?:They|(?:His|Her|Their)\s+\p{Ll}+)(?![\p{L}'’])/u;
// "the company" and its like, standing for the organisation the paragraph names, in a sentence
// that names no one ("Since the spring the company is offering …"); not "the company of …" or "the company's".
const ORGANISATION_SUBJECT =
  /(?<![\p{L}'’])[Tt]he\s+(company|firm|startup|start-up|retailer|carmaker|automaker|airline|insurer|lender|bank|chain|brand|studio|publisher|developer|manufacturer|charity|regulator|agency|ministry|council|club|group)(?![\p{L}'’-])(?!\s+(?:of|for|and|or|to|at|in|on|with|by)\b)/u;
// Of those, the words with a common sense that is no organisation (a river bank, a bike chain, a
// group of friends, a golf club, a photo studio): the party only when the paragraph names one of
// that kind ("Calder Bank … the bank", "Bank of Elwood") or an organisation's verb follows.
const AMBIGUOUS_ORGANISATION = new Set(['bank', 'chain', 'group', 'club', 'studio']);
const ORGANISATION_VERB_AFTER =
  /^\s+(?:(?:has|have|had|also|then|later|recently|previously|already|now|first|itself)\s+){0,2}(?:announced|announces|reported|reports|said|says|hired|hires|raised|raises|acquired|acquires|bought|sold|sells|signed|launched|launches|released|releases|appointed|named|posted|fired|laid\s+off|invested|partnered|expanded|confirmed|denied|declined|filed|agreed|employs|employed|owns|owned|opened|plans|planned|paid|cut)\b/;
// A modal in a relative clause ("people who could meet with Page"); not "that" opening a
// clause, where it is the subject ("And that may be why …").
const RELATIVE_MODAL =
  /(?<!(?:^|[.!?;:—–]\s*|\b(?:and|but|or|so|because|as|if|when|while)\s+))\b(?:who|which|that)\s+(?:would|could|might|may|should|must)\b/gi;
// A hedge before a ranking makes it the writer's judgement ("perhaps the toughest in the nation").
const HEDGED = /\b(?:perhaps|arguably|probably|possibly|maybe|likely)\s+(?:\S+\s+){0,2}$/i;
const COMPOUND_ADJECTIVE = /-\p{Ll}+$/u;
const NAME_REST = /^(?:(?:\s(?:of|for|de|del|della|da|du|von|van|der|den|la|le)(?:\sthe)?)?\s\p{Lu}[\p{L}\p{N}'’-]*)+/u;

const NO_NAMES: ReadonlySet<string> = new Set();
// A capitalised word, and what before it makes it mid-sentence: a lower-case word or a comma.
const MID_SENTENCE_NAME = /(?<![\p{L}\p{N}'’])\p{Lu}[\p{L}\p{N}'’-]*/gu;
const MID_SENTENCE_BEFORE = /[\p{Ll},;]\s+$/u;

/**
 * The names a post uses mid-sentence (where a capital can only mean a name), without "'s":
 * a sentence's first word is a name when the post writes it so elsewhere.
 */
export function knownNames(blocks: readonly Block[]): Set<string> {
  const names = new Set<string>();
  for (const block of blocks) {
    if (!PROSE_KINDS.has(block.kind) || block.text.length > MAX_CHARS) continue;
    for (const m of block.text.matchAll(MID_SENTENCE_NAME)) {
      // Capitals are few: the text before one is looked at only where one is.
      if (!MID_SENTENCE_BEFORE.test(block.text.slice(Math.max(0, m.index - 8), m.index))) continue;
      const w = m[0].replace(/['’]s$/, '');
      if (!NAME_STOPWORDS.has(w.toLowerCase())) names.add(w);
    }
  }
  return names;
}

/**
 * True for a short paragraph (fewer than MIN_WORDS words, at least SHORT_MIN_WORDS) of one to
 * SHORT_MAX_SENTENCES sentences: a beat of a story ("Page ignored her.", "Walsh lobbied Page for
 * months. Page ignored her."), stated when it names a party.
 */
function isShortStatement(block: Block): boolean {
  if (block.kind !== 'paragraph' || hasWords(block.text, MIN_WORDS) || !hasWords(block.text, SHORT_MIN_WORDS))
    return false;
  const text = block.text.trim();
  const breaks = text.match(/[.!?]["”’]?\s/g)?.length ?? 0;
  return SENTENCE_END.test(text) && breaks < SHORT_MAX_SENTENCES && !CREDIT_LINE.test(text);
}

/** True when a text holds at least `n` words (runs of non-space), counted without building a list. */
function hasWords(text: string, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!space && !inWord && ++words >= n) return true;
    inWord = !space;
  }
  return false;
}

/** A block of prose of paragraph size: the blocks that vote on the voice and can state. */
const isProse = (block: Block): boolean =>
  PROSE_KINDS.has(block.kind) && block.text.length <= MAX_CHARS && hasWords(block.text, MIN_WORDS);

// Prose blocks at the top of a post searched for a dateline lede (a video blurb or a teaser may come first).
const LEDE_REACH = 5;

/**
 * The lede of a news story: among the first prose paragraphs, the first opening with a dateline
 * ("MONTGOMERY, Ala. -- …"), and where the dateline ends; undefined when the post has none.
 */
function datelineLede(blocks: readonly Block[]): { block: Block; end: number } | undefined {
  let seen = 0;
  for (const block of blocks) {
    if (!isProse(block) || block.kind !== 'paragraph') continue;
    const m = DATELINE.exec(block.text);
    const place = m?.[0].replace(/[\s—–-]+$/, '').toLowerCase() ?? '';
    const rubric = place.split(/[\s,]+/).some((w) => NOT_DATELINES.has(w) || SPEAKER_LABEL_WORDS.has(w));
    if (m && !rubric && !SPEAKER_LABEL_WORDS.has(place)) return { block, end: m[0].length };
    if (++seen >= LEDE_REACH) return undefined;
  }
  return undefined;
}

/**
 * The voice of a post's prose: `reporting` (news) when few of its prose blocks say I, we or you,
 * `personal` (an essay, a how-to, a blog) when more do, undefined with no prose block. A
 * transcript's interviewees' turns (first person, see speech.ts) are speech and do not vote.
 */
export function postVoice(blocks: readonly Block[], speech?: Speech): 'reporting' | 'personal' | undefined {
  // A datelined story is news, whatever its "you" (a how-to box, a reader's question quoted).
  if (datelineLede(blocks) !== undefined) return 'reporting';
  let prose = 0;
  let personal = 0;
  for (const block of blocks) {
    if (!isProse(block) || speech?.turns.get(block.index)?.firstPerson === true) continue;
    // A correction or an update note is the publisher's voice, not the story's ("we regret the error").
    if (EDITORS_NOTE.test(block.text)) continue;
    prose++;
    // A reporter told by sources ("We were told by two officials that …", "I'm told") writes news.
    if (PERSONAL_VOICE.test(unquoted(block.text).replace(TOLD_BY_SOURCES, ''))) personal++;
  }
  if (prose === 0) return undefined;
  return personal / prose <= REPORTING_VOICE_MAX_SHARE ? 'reporting' : 'personal';
}

/**
 * The statements of a text, as evidence ("Moscow … has cited"): sentences that name someone
 * (a capitalised name, not a sentence's first word unless a name follows it) and tell what they
 * did or will do (a past tense, a perfect, "is likely/expected/set to"), without "I", "we" or
 * "you", not a question and not the writer's speculation ("would", "could"), nor the outlet's
 * request for comment. Empty unless the text names at least STATEMENT_MIN_NAMES.
 */
export function statements(
  text: string,
  known: ReadonlySet<string> = NO_NAMES,
  minNames: number = STATEMENT_MIN_NAMES,
): string[] {
  const plain = unquoted(text);
  if (PERSONAL_VOICE.test(plain)) return [];
  const names = new Set<string>();
  const found: string[] = [];
  let pronounParty = false;
  let provides = false;
  for (const [start, end] of sentenceRanges(plain)) {
    const sentence = plain.slice(start, end).trim();
    // What a law or a deal provides is a claim about its text, whoever it names ("The law allows police to …").
    const provision = PROVISION.exec(sentence);
    if (provision !== null && found.length < MAX_EVIDENCE) {
      const words = provision[0].split(/\s+/);
      found.push(`${words.slice(0, -1).join(' ')} … ${words[words.length - 1]}`);
      provides = true;
      continue;
    }
    // A question, a hypothetical ("If a deal is reached, …") or the writer's speculation (a modal:
    // "could heighten tensions") states nothing; a modal in a relative clause tells what someone
    // can do and leaves the sentence a statement ("it added managers who could meet with Page").
    // A ranking or a record told as fact ("one of the oldest networks in the world"), whoever it names.
    // ("perhaps the toughest in the nation" is the writer's judgement, hedged.) A record named
    // before the sentence speculates stays a fact ("The hottest two years on record may end with …").
    const record = RECORD_CLAIM.exec(sentence) ?? FIRST_EVER.exec(sentence);
    const nothing = statesNothing(sentence);
    if (nothing && (record === null || !speculatesAfter(sentence, record.index + record[0].length))) continue;
    if (record !== null && found.length < MAX_EVIDENCE && !HEDGED.test(sentence.slice(0, record.index))) {
      found.push(record[0].replace(/\s+/g, ' '));
      provides = true;
      continue;
    }
    if (nothing) continue;
    const named = namesIn(sentence, known, names);
    // "he"/"she" as a subject: the party the paragraph names ("Some streamlining was called for, he resolved").
    const pronoun =
      PRONOUN_SUBJECT.exec(sentence) ?? (named.length === 0 ? organisationSubject(sentence, plain) : null);
    // A public body as the subject ("The city is replacing …", "Police arrested …"): a party of its own.
    const body = named.length === 0 && pronoun === null ? PUBLIC_BODY_SUBJECT.exec(sentence) : null;
    if (named.length === 0 && pronoun === null && body === null) continue;
    if (found.length >= MAX_EVIDENCE) continue;
    const verb = eventVerb(sentence);
    if (verb === undefined) continue;
    if (body !== null) {
      // What officials said is the attribution signal's ("Legislators said the law helps …").
      if (body.index > verb.at || REPORTING_VERBS.has(verb.text)) continue;
      // The body's word must end its noun phrase: "The state fair opened", "The city skyline
      // glittered" tell of a fair and a skyline, no body.
      if (nounAfterBody(sentence, body.index + body[0].length, verb.at)) continue;
      found.push(`${body[0].replace(/^[,;—–]?\s*/, '')} … ${verb.text}`);
      provides = true;
      continue;
    }
    // The evidence pairs the verb with the nearest name before it (its likely subject), else a
    // pronoun before it ("He deputized Rosing"), else the first name.
    const byName = named.filter(([, at]) => at < verb.at).pop();
    const byPronoun = pronoun !== null && (pronoun.index < verb.at || named.length === 0);
    const subject = byName ?? (byPronoun ? ([pronoun[0], pronoun.index] as [string, number]) : named[0]);
    // A pronoun doing something is a party of its own for the count: a person the paragraph (or
    // the one before) names ("As Jobs was praised … He had previously survived …").
    if (byName === undefined && byPronoun) pronounParty = true;
    found.push(`${subject[0]} … ${verb.text}`);
  }
  return provides || (names.size > 0 && names.size + (pronounParty ? 1 : 0) >= minNames) ? found : [];
}

// Words that may stand between a body and its verb ("The city is replacing", "Police also arrested").
const BEFORE_VERB = new Set(
  'is are was were has have had will would can could did does do also now still then again already once first later never soon just not'.split(
    ' ',
  ),
);

/**
 * True when a lower-case word other than the verb (at `verbAt`) or an auxiliary or adverb before
 * it follows a public body's word ending at `end`: another noun, whose phrase the body's word
 * only qualifies ("The state fair", "The city skyline").
 */
function nounAfterBody(sentence: string, end: number, verbAt: number): boolean {
  const next = /^\s+(\p{Ll}[\p{L}'’-]*)/u.exec(sentence.slice(end, end + 40));
  if (next === null || end + next[0].length - next[1].length >= verbAt) return false;
  return !BEFORE_VERB.has(next[1]) && !next[1].endsWith('ly');
}

/**
 * "the company" and its like in a sentence of `text` (ORGANISATION_SUBJECT), a word of
 * AMBIGUOUS_ORGANISATION only where it is the organisation: the text names one of its kind, or
 * an organisation's verb follows.
 */
function organisationSubject(sentence: string, text: string): RegExpExecArray | null {
  const m = ORGANISATION_SUBJECT.exec(sentence);
  if (m === null || !AMBIGUOUS_ORGANISATION.has(m[1])) return m;
  if (ORGANISATION_VERB_AFTER.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 40))) return m;
  return namesKind(text, m[1]) ? m : null;
}

/**
 * Whether `text` names an organisation of the kind `noun` ("Calder Bank", "Bank of Elwood",
 * "Marrow Studios"), once per text and kind: each sentence of a paragraph asks of the whole
 * paragraph, which was scanned again per sentence (a 464 KB text of "the bank …" sentences took 13.7 s).
 */
const namesKind = perText(scanKind);

function scanKind(text: string, noun: string): boolean {
  const kind = noun[0].toUpperCase() + noun.slice(1);
  for (let at = text.indexOf(kind); at >= 0; at = text.indexOf(kind, at + 1)) {
    const end = at + kind.length;
    const next = text.slice(end, end + 5);
    // A whole word ("Studios" too), not the start of another ("Bankside").
    if (!/^(?:s?(?![\p{L}\p{N}'’-]))/u.test(next)) continue;
    if (/\p{Lu}[\p{L}\p{N}'’&.-]*\s+$/u.test(text.slice(Math.max(0, at - 30), at))) return true;
    if (/^s?\s+of\s+\p{Lu}/u.test(text.slice(end, end + 30))) return true;
  }
  return false;
}

/**
 * True when a sentence states nothing only by a modal after `end` ("The hottest two years on
 * record may end with …"): not a question, a hypothetical or a request for comment, and no
 * modal before `end`.
 */
function speculatesAfter(sentence: string, end: number): boolean {
  if (sentence.endsWith('?') || HYPOTHETICAL.test(sentence) || FOR_COMMENT.test(sentence)) return false;
  return !SPECULATION.test(sentence.slice(0, end));
}

/**
 * True for a sentence that states nothing: a question, a hypothetical ("If a deal is reached, …"),
 * the writer's speculation (a modal: "could heighten tensions"; a modal in a relative clause tells
 * what someone can do and leaves the sentence a statement: "it added managers who could meet with
 * Page"), or the outlet asking a party for comment ("Ars is asking Mojang for comment").
 */
export function statesNothing(sentence: string): boolean {
  return (
    sentence.endsWith('?') ||
    HYPOTHETICAL.test(sentence) ||
    (SPECULATION.test(sentence) && SPECULATION.test(sentence.replace(RELATIVE_MODAL, ''))) ||
    FOR_COMMENT.test(sentence)
  );
}

/**
 * The names of a sentence, whole ("Port Elwood", "Marrow County"), with where each starts; each
 * capitalised word of them is added to `words`. A sentence's first word is capitalised anyway: a
 * name only when another capitalised word follows, when it is a possessive ("Google’s investors
 * made him do it"; not "Today’s"), or when the post uses it as a name mid-sentence and a verb
 * follows it ("Page ignored her."; not "Russian officials …": an adjective).
 */
export function namesIn(sentence: string, known: ReadonlySet<string>, words: Set<string>): Array<[string, number]> {
  const named: Array<[string, number]> = [];
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(sentence); m; m = CAPITALISED.exec(sentence)) {
    const w = m[0].replace(POSSESSIVE_END, '').replace(/\.$/, '');
    // A compound ending in lower case is an adjective ("HIGH-powered", "Russian-backed", "X-ray").
    if (NAME_STOPWORDS.has(w.toLowerCase()) || COMPOUND_ADJECTIVE.test(w)) continue;
    const next = sentence.slice(m.index + m[0].length);
    if (
      m.index === 0 &&
      !CAPITALISED_NEXT.test(next) &&
      !(POSSESSIVE_END.test(m[0]) && !POSSESSIVE_NOT_NAMES.has(w.toLowerCase())) &&
      !(known.has(w) && VERB_NEXT.test(next))
    )
      continue;
    words.add(w);
    const rest = NAME_REST.exec(next)?.[0] ?? '';
    if (named.length === 0 || m.index > named[named.length - 1][1] + named[named.length - 1][0].length)
      named.push([(m[0] + rest).replace(POSSESSIVE_END, '').replace(/\.$/, ''), m.index]);
  }
  return named;
}

/**
 * The words that tell what happened, and where: a perfect or a prediction, else a past tense,
 * else a present progressive; undefined if none.
 */
export function eventVerb(sentence: string): { text: string; at: number } | undefined {
  EVENT_VERB.lastIndex = 0;
  const m = EVENT_VERB.exec(sentence);
  if (m) return { text: m[0].replace(/\s+/g, ' '), at: m.index };
  PAST_TENSE.lastIndex = 0;
  for (let p = PAST_TENSE.exec(sentence); p; p = PAST_TENSE.exec(sentence)) {
    const at = p.index + p[0].length - p[2].length;
    if (p[1] === undefined && isAdjective(sentence, at)) continue;
    // "is parceled out", "will be debated": a present or future passive is no past event ("was charged" is).
    if (p[1] === undefined || IRREGULAR_PAST.has(p[2])) return { text: p[2], at };
  }
  PROGRESSIVE.lastIndex = 0;
  const going = PROGRESSIVE.exec(sentence);
  if (going) return { text: going[0].replace(/\s+/g, ' '), at: going.index };
  return undefined;
}

/**
 * True when the -ed word at `at` is an adjective, not a verb: part of a compound ("recently-released",
 * "Russian-backed"), or after a determiner or possessive, with at most a degree word between
 * ("the talented engineer", "Apple's updated phone", "the top funded sport", "a newly formed group").
 */
function isAdjective(sentence: string, at: number): boolean {
  if (sentence[at - 1] === '-' || FEELINGS.has(/^\p{L}+/u.exec(sentence.slice(at))?.[0] ?? '')) return true;
  const before = sentence
    .slice(Math.max(0, at - 60), at)
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(-2);
  const isDeterminer = (w: string | undefined): boolean => w !== undefined && (DETERMINERS.has(w) || /['’]s$/.test(w));
  const last = before[before.length - 1];
  if (isDeterminer(last)) return true;
  return isDeterminer(before[0]) && before.length === 2 && (DEGREE_WORDS.has(last) || /ly$/.test(last));
}

/** True for a changelog entry: a list item opening with a verb and no subject, or a paragraph "Fixed: …". */
function isChangelogEntry(block: Block): boolean {
  const m = CHANGELOG_ENTRY.exec(block.text);
  if (!m) return false;
  return block.kind === 'list-item' || block.text.charAt(m[0].length) === ':';
}

/** Whether a global pattern matches a text, from its start whatever it matched before. */
export function matches(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/**
 * Adds the statement signal (with its evidence) to the prose blocks of a post in the reporting
 * voice (the caller asks postVoice), but not to a block matching one of `ignore` (config
 * `claims.statementIgnore`). Run after the blocks are built and before credits are settled.
 */
export function addStatementSignals(
  blocks: Block[],
  notClaims: ReadonlySet<BlockKind>,
  ignore: readonly RegExp[] = [],
  speech?: Speech,
): void {
  const known = knownNames(blocks);
  const lede = datelineLede(blocks);
  let releaseNotes = false;
  for (const block of blocks) {
    // Under a heading of release notes, the project tells of its own software: no statements,
    // through its sections ("Added", "Fixed") up to the next other heading.
    if (block.kind === 'heading')
      releaseNotes =
        (block.text.length <= RELEASE_HEADING_CHARS && RELEASE_HEADING.test(block.text)) ||
        (releaseNotes && RELEASE_SUBHEADING.test(block.text));
    if (releaseNotes) continue;
    const short = isShortStatement(block);
    if (notClaims.has(block.kind) || !(short || isProse(block))) continue;
    if (ignore.some((re) => matches(re, block.text))) continue;
    // A changelog or to-do entry says what was done to the software, not what a party did.
    if (isChangelogEntry(block)) continue;
    // A correction or an update note speaks of the story ("A previous version of this story misstated …").
    if (EDITORS_NOTE.test(block.text)) continue;
    // A news credit line of any length ("AP Technology Writer … in San Francisco contributed to this report.").
    if (!hasWords(block.text, CREDIT_LINE_MAX_WORDS) && CREDIT_LINE.test(block.text.trim())) continue;
    // A photo caption says what a picture shows (speech.ts).
    if (speech?.captions.has(block.index) === true) continue;
    const turn = speech?.turns.get(block.index);
    // An interviewee's turn is their own account; a reporter's turn is read without its label (no party).
    if (turn?.firstPerson === true) continue;
    const text = turn === undefined ? block.text : block.text.slice(turn.labelEnd);
    const found = statements(text, known);
    if (found.length > 0) addStatement(block, found);
    // A dateline's lede states the story's news: a claim when it names a party past the dateline
    // ("MONTGOMERY, Ala. -- Alabama's strict new immigration law may be backfiring").
    else if (block === lede?.block) {
      const named = namesIn(unquoted(block.text.slice(lede.end)), known, new Set());
      if (named.length > 0) addStatement(block, [`${block.text.slice(0, lede.end).trim()} … ${named[0][0]}`]);
    }
  }
}

// Longest heading read as a release-notes heading ("Release 2.4 — the plugin release").
const RELEASE_HEADING_CHARS = 60;

// The writer told by sources, as a reporter writes it: "We were told by …", "I'm told", "we are told that".
const TOLD_BY_SOURCES = /\b(?:I|[Ww]e)(?:\s+(?:was|were|am|are)|['’](?:m|re))\s+told\b/g;

/** Gives a block the statement signal, with its evidence. */
export function addStatement(block: Block, found: readonly string[]): void {
  // A new list: a block's signals may be a list shared with others (extract/index.ts).
  block.signals = [...block.signals, 'statement'];
  block.isClaim = true;
  block.evidence = [...(block.evidence ?? []), ...found.map((text) => ({ signal: 'statement' as const, text }))];
}
