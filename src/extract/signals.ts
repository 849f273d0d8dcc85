import type { ClaimEvidence, ClaimSignal } from '../types.js';
import { isSurnameSubject } from './surname-subjects.js';
import {
  ACCORDING_TO_NOT_SOURCES,
  ANONYMOUS_SOURCE,
  ASKED_PASSIVE,
  AUTHORED,
  BELIEF_VERBS,
  CALLED_FOR,
  CLAUSE_VERBS,
  CONCEDING,
  CONCERN,
  CONDITION_REPORTED,
  CONTESTED,
  COORDINATORS,
  DATA_SUBJECTS,
  DATE_OR_TIME,
  PHONE_NUMBER,
  DEFAULT_CLAIM_RULES,
  DEMONSTRATIVES,
  DETERMINERS,
  EXPERT_SUBJECTS,
  FILLERS,
  FINDING_VERBS,
  FIRST_PERSON,
  HAS_LEARNED,
  HEARSAY_ADVERBS,
  HYPOTHETICAL,
  IMPERATIVES,
  INSTITUTION_NOUNS,
  INTERPRETIVE,
  LABEL_WORDS,
  MECHANICAL_SUBJECTS,
  MONTH,
  NAME_STOPWORDS,
  NEGATIONS,
  NOT_REPORTED_AFTER,
  NOUN_LIKE,
  PASSIVE,
  PERSONAL_SUBJECTS,
  PORTRAYED,
  PREPOSITIONS,
  REPORTING_PARTICIPLE,
  QUANTITY_AFTER,
  REPORTING_VERBS,
  SHOW_VERBS,
  STANCE,
  TALK_BELIEF_VERBS,
  TWEETED_THING,
  TECHNICAL_UNITS,
  TIME_LEAD,
  TIME_TAIL,
  TIME_UNIT,
  TREND,
  UNREALISED,
  VIEW,
  VERSION_AFTER,
  VERSION_BEFORE,
  WRITER_AFTER,
} from './claim-rules.js';
import type { ClaimRules } from '../config/claim-config.js';
import { sentenceIndex, sentenceRanges } from './sentences.js';
import { PERSON_NOUNS, isMeasuredChange, isOwnOrThing, isPartySubject } from './position-subjects.js';
import { sliceWhole } from '../sources/text-slice.js';
import { MEASURE_HINT, MEASURE_WORDS } from './word-measures.js';
import { pluralReports } from './plural-reporting.js';
import { researchReports } from './research-subjects.js';
import { causalClaims, mayStateCause } from './causal.js';
import { instructionLead } from './instruction-lead.js';
import { passedOn } from './passed-on.js';

/**
 * Claim signals of a block's text, and the words behind each (the evidence). The rules are
 * published in the README ("Claim signals"); the word lists live in claim-rules.ts.
 * - quote: a span of three words or more between curly or straight double quotes, or single
 *   quotes (British style) when they open after a space and close before one: an apostrophe
 *   inside a word ("don't", "John's") never opens or closes a quote.
 * - number: a figure — an amount, a count, a percentage, a measure. Not a figure: a year
 *   alone, a date or a time, an ordinal, a version (`v1.1`, `1.4.2`, `Python 3.12`, `0.1`
 *   after "released"), a model or unit name (`LGP-30`, `18F`, `iPhone 15`, `RTX 3080`), a
 *   chapter, section, step, page or port number, digits in code, URLs and footnote marks, and
 *   any figure in a sentence whose subject is the author ("I ran 5k", "our team of 4") or that
 *   tells the reader what to do ("Use port 8080", "Bake for 25 minutes"). A weak figure — a
 *   bare count under ten ("3 main categories"), "100%" not followed by "of" ("100% WASI"), a
 *   program's own measure ("87 bytes", "32 chunks") — is a signal only beside a quote or an
 *   attribution: on its own it is the writer's technical prose, not a claim to source. So is a
 *   time phrase ("in the past 24 hours", "two hours later", "For 30 minutes …": isTimePhrase).
 * - attribution: a reporting verb used for reporting ("officials said", "the survey found",
 *   "according to"), not for the author or the reader ("I found it easiest", "I said I would"),
 *   not in the passive ("was found in the attic", unless "it is estimated that"), not for the
 *   post's own screenshots and software ("the screenshot shows", "the error says"), and not as
 *   a noun or adjective ("the claims", "an estimated cost"), not at the start of a sentence
 *   or a "+"/"*" list item, where it has no subject ("Claims that … do not stand up", "+ Added
 *   …"), and not after a word that makes it the writer's reading ("has effectively admitted").
 *   A stance without a verb is one too ("the union is adamant", "the council is concerned the
 *   laws would …"), and so are words passed on from no one named ("is expected to launch",
 *   "To quote Shaw:": passed-on.ts).
 */

/** A span of text between double quotation marks (curly, straight or guillemets). */
export interface QuotedSpan {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark. */
  end: number;
  /** The words between the marks. */
  inner: string;
}

// Longest quote, in characters between the marks.
const MAX_QUOTE_CHARS = 2000;
const OPENING = /[“"«]/g;
const CLOSING: Record<string, string> = { '“': '”', '"': '"', '«': '»' };

// Space and list bullets before a paragraph's first word ("• \"Republicans promise …").
const LEADING_BULLET = /^[\s•·▪◦*–—-]*/;

// The last text asked about: a block's quotes are wanted by its signals and by its citations.
let lastText: string | undefined;
let lastSpans: readonly QuotedSpan[] = [];

/**
 * The double-quoted spans of `text`, in order: the one definition of "a quote" for every stage.
 * The matches of /“([^”]{1,2000})”|"([^"]{1,2000})"|«([^»]{1,2000})»/g, found by a scan: that
 * regex cost ~10 ms to compile on every run. Each kind of mark remembers its next closing mark,
 * so a text full of unclosed marks is still read once. The result is shared: never change it.
 */
export function doubleQuotedSpans(text: string): readonly QuotedSpan[] {
  if (text === lastText) return lastSpans;
  const spans: QuotedSpan[] = [];
  lastText = text;
  lastSpans = spans;
  // A quotation of several paragraphs opens each one and closes only the last (the typographic
  // convention): a paragraph that opens with a mark never closed (after a list bullet, maybe)
  // is quoted whole, and so is the last, which closes a mark it never opened.
  const lead = LEADING_BULLET.exec(text)?.[0].length ?? 0;
  const first = text[lead];
  if (first in CLOSING && !text.includes(CLOSING[first], lead + 1)) {
    if (text.length - lead - 1 <= MAX_QUOTE_CHARS)
      spans.push({ start: lead, end: text.length, inner: text.slice(lead + 1) });
    return spans;
  }
  const end = text.trimEnd().length;
  const last = text[end - 1];
  if (
    (last === '”' || last === '"') &&
    /[.!?]/.test(text[end - 2] ?? '') &&
    text.indexOf(last === '”' ? '“' : '"') === end - 1
  ) {
    if (end - lead - 1 <= MAX_QUOTE_CHARS) spans.push({ start: lead, end, inner: text.slice(lead, end - 1) });
    return spans;
  }
  const nextClose: Record<string, number> = { '“': -2, '"': -2, '«': -2 };
  OPENING.lastIndex = 0;
  for (let m = OPENING.exec(text); m; m = OPENING.exec(text)) {
    const open = m[0];
    const at = m.index;
    let close = nextClose[open];
    if (close === -2 || (close !== -1 && close <= at)) close = nextClose[open] = text.indexOf(CLOSING[open], at + 1);
    // No closing mark after this one: none after a later one of its kind either.
    if (close === -1) continue;
    const length = close - at - 1;
    if (length < 1 || length > MAX_QUOTE_CHARS) continue;
    spans.push({ start: at, end: close + 1, inner: text.slice(at + 1, close) });
    OPENING.lastIndex = close + 1;
  }
  return spans;
}

/** The text with its double-quoted spans blanked (same length): quoted speech says "I" for someone else. */
export function unquoted(text: string): string {
  const spans = doubleQuotedSpans(text);
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const span of spans) {
    parts.push(text.slice(last, span.start), ' '.repeat(span.end - span.start));
    last = span.end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

const SINGLE_QUOTE =
  /(?:^|[\s([—–])['‘](\p{L}(?:[^'‘’]|(?<=\p{L})['’](?=\p{L})){0,2000}?[^\s'‘’])['’](?=$|[\s.,;:!?)\]—–])/gu;

/** Most evidence entries kept per signal: enough to say why, bounded for huge blocks. */
export const MAX_EVIDENCE = 3;
// Longest quote shown as evidence.
const EVIDENCE_QUOTE_CHARS = 60;

/** What the signals are computed with. */
export interface SignalOptions {
  /** Ranges of the text that are neither figures, quotes nor attributions (code, footnote marks). */
  blank?: ReadonlyArray<readonly [number, number]>;
  /** The user's additions to the rules (config `claims`). */
  rules?: ClaimRules;
  /** The sentences of the text (sentenceRanges), when the caller has them already. */
  ranges?: Array<[number, number]>;
  /** The post tells research of its writer's own (research-subjects.ts tellsOwnResearch). */
  ownResearch?: boolean;
}

/** Claim signals of a text, in the order quote, number, attribution, with their evidence. */
export interface TextSignals {
  /** The signals found ("citation" is added by the caller). */
  signals: ClaimSignal[];
  /** The words behind each signal. */
  evidence: ClaimEvidence[];
}

/** `text` with the given ranges, and every match of `patterns`, replaced by spaces (same length). */
function blanked(text: string, ranges: ReadonlyArray<readonly [number, number]>, patterns: RegExp[]): string {
  let t = text;
  if (ranges.length > 0) {
    let out = '';
    let last = 0;
    for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
      if (start < last) continue;
      out += t.slice(last, start) + ' '.repeat(Math.max(0, end - start));
      last = Math.max(last, end);
    }
    t = out + t.slice(last);
  }
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    // Most texts hold no match: test() spares them replace()'s slower path with a callback.
    if (!pattern.test(t)) continue;
    pattern.lastIndex = 0;
    t = t.replace(pattern, spaces);
  }
  return t;
}

/** As many spaces as the match has characters (blanked's replacement). */
const spaces = (m: string): string => ' '.repeat(m.length);

const shorten = (s: string, max: number): string => (s.length <= max ? s : `${sliceWhole(s, max - 1).trimEnd()}…`);

/** A quote as evidence shows it: its first EVIDENCE_QUOTE_CHARS characters. */
export const quoteEvidence = (quote: string): string => shorten(quote, EVIDENCE_QUOTE_CHARS);

/** A text's quotes as evidence: the ones that quote someone, and the weak ones (see isWeakQuote). */
interface Quotes {
  /** Quotes that make a claim on their own. */
  strong: string[];
  /** Quotes that count only beside an attribution. */
  weak: string[];
}

// Most words of a quoted phrase read as a term or a saying rather than someone's words.
const PHRASE_MAX_WORDS = 7;
// Small words a title leaves in lower case ("The Lord of the Rings").
const TITLE_SMALL_WORD = /^(?:a|an|the|and|or|nor|but|of|for|to|in|on|at|by|with|from|as|vs\.?|de|la|le)$/;

// "asked" right after or before a quoted question: someone asked it.
const ASKED = /^["”’'»]?\s*,?\s*(?:[\p{L}.'’-]+\s+){0,3}(?:asked|asks|wondered|wonders)\b/u;
const ASKED_BEFORE = /\b(?:asked|asks|wondered|wonders)\b[^.!?]{0,30}$/i;
// A verb that gives a short quoted phrase a speaker ("critics called the plan “a detour”"); not
// "so-called", which marks the writer's own scare quotes.
const NAMING_VERB =
  /(?<!so-)\b(?:call(?:s|ed|ing)?|describ(?:es|ed|ing)|dubb(?:s|ed)|brand(?:s|ed)|label+(?:s|ed)|term(?:s|ed)|lik(?:ens|ened))\b[^.!?]{0,30}$/i;

/** True for a quoted title or name: every word capitalised but a title's small words ("Smart Projects SRL"). */
function isTitle(words: readonly string[]): boolean {
  if (!/^\p{Lu}/u.test(words[0])) return false;
  return words.every((w) => /^[^\p{L}]*\p{Lu}/u.test(w) || TITLE_SMALL_WORD.test(w.toLowerCase()) || !/\p{L}/u.test(w));
}

/**
 * True for a quote that need not be anyone's words: a question ("ask yourself: “Will I use
 * this?”") or a short phrase opening in lower case (a term, a saying, scare quotes: “the best
 * game never made”). Beside an attribution it is someone's again ("he called it “a disgrace”").
 */
function isWeakQuote(inner: string, words: readonly string[], before: string, after: string): boolean {
  // A question someone asked ("“Why was the council not told?” asked Jo Blake") is theirs.
  if (/\?["”’'»]?\s*$/.test(inner.trim())) return !ASKED.test(after) && !ASKED_BEFORE.test(before);
  return words.length <= PHRASE_MAX_WORDS && /^[^\p{L}]*\p{Ll}/u.test(words[0]) && !NAMING_VERB.test(before);
}

// Every quote read below opens or closes with one of these (double marks, or single ones).
const ANY_QUOTE_MARK = /[“”"«'‘]/;
/** The quotes of a text with no quotation mark (shared, frozen: never changed). */
const NO_QUOTES: Quotes = Object.freeze({ strong: Object.freeze([]), weak: Object.freeze([]) }) as unknown as Quotes;

/** Quoted spans of at least three words, as evidence; quoted titles and names are no quotes. */
function quotes(text: string): Quotes {
  // No quotation mark at all (most paragraphs of a long page): no span to read, nothing made.
  if (!ANY_QUOTE_MARK.test(text)) return NO_QUOTES;
  const found: Quotes = { strong: [], weak: [] };
  const add = (inner: string, start: number, end: number): void => {
    const words = inner.trim().split(/\s+/);
    if (words.length < 3 || isTitle(words)) return;
    const before = text.slice(Math.max(0, start - 50), start);
    const after = text.slice(end, end + 50);
    const list = isWeakQuote(inner, words, before, after) ? found.weak : found.strong;
    if (list.length < MAX_EVIDENCE) list.push(inner.trim());
  };
  for (const span of doubleQuotedSpans(text)) {
    add(span.inner, span.start, span.end);
    if (found.strong.length >= MAX_EVIDENCE) return found;
  }
  if (!text.includes("'") && !text.includes('‘')) return found;
  SINGLE_QUOTE.lastIndex = 0;
  for (let m = SINGLE_QUOTE.exec(text); m && found.strong.length < MAX_EVIDENCE; m = SINGLE_QUOTE.exec(text)) {
    add(m[1], m.index, m.index + m[0].length);
  }
  return found;
}

// ---------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------

// Words that can make a figure in words: a quick test before the scan.
const MAGNITUDE_HINT =
  /illion|thousand|dozens|hundreds|thirds|quarters|fifths|tenths|out of|(?:one|two|three|four|five|six|seven|eight|nine|ten) in /i;
const WORD_FIGURE = new RegExp(
  `\\b(?:((?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|several|half a|a quarter of a|tens of|hundreds of)\\s+(?:thousand|million|billion|trillion)s?)|(?:millions|billions|trillions)\\s+of)|(?:dozens|hundreds|thousands)\\s+of|((?:one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:out\\s+of|in)\\s+(?:two|three|four|five|six|seven|eight|nine|ten|a\\s+hundred)|(?:two|three|four|five|seven|nine)[-\\s](?:thirds|quarters|fifths|tenths))|${MEASURE_WORDS})\\b`,
  'gi',
);

// Digits inside a URL written out in the text (ports, ids, dates in paths) are not figures.
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)\S+/gi;
// A Markdown footnote mark ("[^1]", "[^note-2]") names a note, not a figure.
const FOOTNOTE_REF = /\[\^[^\]\s]{1,40}\]/g;
const NUMBER = /([$€£¥]\s?)?(\d(?:[\d,.]*\d)?)/g;
const LETTER = /\p{L}/u;
const YEAR = /^(?:1\d|20)\d\d$/;
const WORD_BEFORE = /([\p{L}§#.]+)\.?\s*$/u;
const ACRONYM_OR_CAMEL_BEFORE = /(?:^|[^\p{L}])(?:\p{Lu}{2,}|\p{Ll}+\p{Lu}[\p{L}]*)\s+$/u;
// Label words that are also verbs: after "to", a modal or an auxiliary they build, not number
// ("plans to build 1,200 units", "will release 300 pages").
const LABEL_VERBS = new Set([
  'build',
  'update',
  'release',
  'patch',
  'step',
  'track',
  'round',
  'stage',
  'gate',
  'mark',
  'list',
]);
const VERB_LEAD = /\b(?:to|will|would|could|can|may|might|must|shall|should|did|does|do|'ll)\s+[\p{L}]+\s*$/iu;
// "Bumped Node to 20", "upgraded Python to 3": a named program moved to a version.
const BUMPED_TO =
  /\b(?:[Bb]ump(?:s|ed)?|[Uu]pgrad(?:e|es|ed)|[Dd]owngrad(?:e|es|ed)|[Pp]in(?:s|ned)?)\s+\p{Lu}[\p{L}\d.+#-]*\s+(?:to|from)\s+$/u;
const CAPITALISED_MID_SENTENCE = /[\p{Ll},;]\s+\p{Lu}[\p{L}-]*\s+$/u;
const RANGE_LINK = /^\s*(?:to|and|or|through|-|–|&)\s*$/i;
const MONTH_BEFORE = new RegExp(`${MONTH.source}\\.?\\s+$`, 'i');
const MONTH_AFTER = new RegExp(`^\\s+(?:of\\s+)?${MONTH.source}\\b`, 'i');

/** The sentences of a text, and per sentence (computed when first asked) whether a figure in it counts. */
interface SentenceContext {
  ranges: Array<[number, number]>;
  /** Where the sentence's author-subject word is (a figure after it is the author's own); Infinity if none. */
  firstPersonAt: number[];
  /** Whether the sentence tells the reader what to do. */
  imperative: boolean[];
}

/** True when a sentence starts by telling the reader what to do ("Then run …", "Step 2: open …", "If …, mark …"). */
function isInstruction(sentence: string): boolean {
  return IMPERATIVES.has(instructionLead(sentence)) && !PUTS_A_FACT.test(sentence);
}

// "Consider that …" puts a fact to the reader ("Consider that two out of three jobs will …"), no step to take.
const PUTS_A_FACT = /^\W*consider\s+that\b/i;

/** True when a figure at `offset`, in sentence `s`, is the author's own or part of an instruction. */
function inPersonalSentence(text: string, context: SentenceContext, s: number, offset: number): boolean {
  if (context.imperative[s] === undefined) {
    const [start, end] = context.ranges[s];
    const sentence = text.slice(start, end);
    const m = FIRST_PERSON.exec(sentence);
    context.firstPersonAt[s] = m ? start + m.index : Infinity;
    context.imperative[s] = isInstruction(sentence);
  }
  return context.imperative[s] || context.firstPersonAt[s] < offset;
}

/** True when a number token is no figure by its own shape and neighbours (a year, a label, a version, a name). */
function notAFigure(t: string, start: number, end: number, digits: string, previousLabel: number): boolean {
  const before = t.slice(Math.max(0, start - 40), start);
  const after = t.slice(end, end + 40);
  const prev = t[start - 1] ?? ' ';
  // Letters attached before: a name or a version (LGP-30, B-52, X220, COVID-19, v1.1, M3, H.264).
  if (LETTER.test(prev) || (prev === '-' && LETTER.test(t[start - 2] ?? ' '))) return true;
  if (prev === '.' && /\p{Lu}/u.test(t[start - 2] ?? ' ') && !LETTER.test(t[start - 3] ?? ' ')) return true;
  if (prev === '#' || prev === '§') return true;
  // A language's standard after "++": a name (C++14, C++0x), not a count.
  if (prev === '+' && t[start - 2] === '+') return true;
  // One capital letter attached after: a name (4K, 5G, 3D, 18F), where "5k" or "3m" is a magnitude.
  if (/^\p{Lu}(?![\p{L}])/u.test(after)) return true;
  const quantity = QUANTITY_AFTER.exec(after);
  if (LETTER.test(after[0] ?? ' ') && !quantity) return true; // 3rd, 18F, 4K, 3D (units made it a quantity)
  if (quantity) return false;
  if (YEAR.test(digits)) return true;
  if ((digits.match(/\./g) ?? []).length >= 2) return true; // 1.4.2
  const word = (WORD_BEFORE.exec(before)?.[1] ?? '').toLowerCase().replace(/\.$/, '');
  if (LABEL_WORDS.has(word) && !(LABEL_VERBS.has(word) && VERB_LEAD.test(before))) return true;
  if (BUMPED_TO.test(before)) return true; // "Bumped Node to 20": a program's version
  if (ACRONYM_OR_CAMEL_BEFORE.test(before)) return true; // RTX 3080, iPhone 15, RFC 9110
  // "Lines 10 to 20", "Sections 3 and 4": the second number of a labelled range.
  if (previousLabel >= 0 && RANGE_LINK.test(t.slice(previousLabel, start))) return true;
  const isDecimal = /^\d+\.\d+$/.test(digits);
  // "Pillar 2", "Article 5": a small number after a capitalised word mid-sentence names a thing,
  // unless it is a score or a range ("the Senate 52 to 48").
  if (
    (/^\d{1,3}$/.test(digits) || isDecimal) &&
    CAPITALISED_MID_SENTENCE.test(before) &&
    !/^\s*(?:to|-|–)\s*\d/.test(after)
  )
    return true;
  if (isDecimal && (VERSION_AFTER.test(after) || VERSION_BEFORE.test(before) || /\.0$/.test(digits))) return true;
  if (/^\d{1,2}$/.test(digits) && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after))) return true;
  return false;
}

/** A text's figures as evidence: the strong ones (at most MAX_EVIDENCE) and the weak ones. */
interface Figures {
  /** Figures that make a claim on their own. */
  strong: string[];
  /** Figures that count only beside a quote or an attribution (see the module comment). */
  weak: string[];
}

/** True when a figure is weak: a bare count under ten, "100%" of nothing, a program's own measure. */
function isWeakFigure(digits: string, quantity: string, rest: string): boolean {
  if (digits === '100' && /%|percent|per cent/i.test(quantity)) return !/^\s+of\b/i.test(rest.slice(quantity.length));
  // "3 main categories" is weak; "5-4", "3 in 10", "2 to 3" are scores and ratios.
  if (/^[1-9]$/.test(digits) && quantity === '') return !/^\s*(?:[-–]|to\b|in\b|out\s+of\b|of\b)\s*\d/i.test(rest);
  return quantity === '' && TECHNICAL_UNITS.test(rest);
}

/**
 * True for a number of a time phrase, which tells when or how long, not how much: "for 30
 * minutes", "in the past 24 hours", "over the last 10 years", "two hours later", "10 years ago",
 * "takes 40 minutes", "a 24-hour strike", "24/7" (TIME_LEAD, TIME_TAIL in claim-rules.ts). A
 * count of time in thousands ("10,000 hours of work") is a figure.
 */
function isTimePhrase(t: string, start: number, digits: string, rest: string): boolean {
  if (digits === '24' && rest.startsWith('/7')) return true;
  const unit = TIME_UNIT.exec(rest);
  if (unit === null || digits.length > 3 || digits.includes(',')) return false;
  if (unit[0].startsWith('-')) return true;
  return TIME_LEAD.test(t.slice(Math.max(0, start - 60), start)) || TIME_TAIL.test(rest.slice(unit[0].length));
}

// Digits with letters attached, a model or part name ("SLG46620V", "X220", "A320neo").
const MODEL_NUMBER = /\p{L}(\d{3,})|(\d{3,})\p{L}/gu;

/** The digits of the model and part names in `t` (three digits or more, letters attached). */
function modelNumbers(t: string): Set<string> {
  const found = new Set<string>();
  MODEL_NUMBER.lastIndex = 0;
  for (let m = MODEL_NUMBER.exec(t); m; m = MODEL_NUMBER.exec(t)) found.add(m[1] ?? m[2]);
  return found;
}

/** Figures of a text, as evidence; `t` is the text with non-figures blanked. */
function figures(text: string, t: string, ranges?: Array<[number, number]>): Figures {
  const found: Figures = { strong: [], weak: [] };
  let context: SentenceContext | undefined;
  let previousLabelEnd = -1;
  let sentenceWithVersion = -1;
  let models: Set<string> | undefined;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(t); m; m = NUMBER.exec(t)) {
    const start = m.index + (m[1]?.length ?? 0);
    const end = m.index + m[0].length;
    const digits = m[2];
    const currency = m[1] !== undefined;
    context ??= { ranges: ranges ?? sentenceRanges(text), firstPersonAt: [], imperative: [] };
    const s = sentenceIndex(context.ranges, m.index);
    if (!currency && notAFigure(t, start, end, digits, previousLabelEnd)) {
      previousLabelEnd = end;
      if (digits.includes('.')) sentenceWithVersion = s;
      continue;
    }
    previousLabelEnd = -1;
    // In a sentence with a version, another bare decimal is a version too ("adds 3.12, drops 3.7").
    if (
      !currency &&
      s === sentenceWithVersion &&
      /^\d+\.\d+$/.test(digits) &&
      !QUANTITY_AFTER.test(t.slice(end, end + 40))
    )
      continue;
    if (inPersonalSentence(text, context, s, m.index)) continue;
    const rest = t.slice(end, end + 40);
    const quantity = QUANTITY_AFTER.exec(rest)?.[0] ?? '';
    // "the 46620", where the text names the part "SLG46620V": a model's short name, no count.
    if (
      !currency &&
      quantity === '' &&
      digits.length >= 3 &&
      /\bthe\s+$/i.test(t.slice(Math.max(0, start - 5), start)) &&
      (models ??= modelNumbers(t)).has(digits)
    )
      continue;
    const weak = isWeakFigure(digits, quantity, rest) || isTimePhrase(t, start, digits, rest);
    const list = !currency && weak ? found.weak : found.strong;
    if (list.length < MAX_EVIDENCE) list.push(`${m[0]}${quantity}`.trim());
    if (found.strong.length >= MAX_EVIDENCE) break;
  }
  return found;
}

/**
 * Figures written in words, as evidence (`found` gets them): a magnitude ("half a million
 * dollars", "two billion", "tens of thousands") and a proportion ("two out of three", "one in
 * five", "two-thirds") are strong figures; "dozens of", "hundreds of",
 * "thousands of" a weak one. As for digits, not in the author's sentences or instructions.
 */
function wordFigures(text: string, t: string, found: Figures, ranges?: Array<[number, number]>): void {
  if (!MAGNITUDE_HINT.test(t) && !MEASURE_HINT.test(t)) return;
  const context: SentenceContext = { ranges: ranges ?? sentenceRanges(text), firstPersonAt: [], imperative: [] };
  WORD_FIGURE.lastIndex = 0;
  for (let m = WORD_FIGURE.exec(t); m; m = WORD_FIGURE.exec(t)) {
    if (inPersonalSentence(text, context, sentenceIndex(context.ranges, m.index), m.index)) continue;
    const list = m[1] !== undefined || m[2] !== undefined || m[3] !== undefined ? found.strong : found.weak;
    if (list.length < MAX_EVIDENCE) list.push(m[0].replace(/\s+/g, ' '));
    if (found.strong.length >= MAX_EVIDENCE) return;
  }
}

/** Changes in size told in words (TREND), as strong figures; not the author's own ("our costs have doubled") nor an instruction. */
function trendFigures(text: string, t: string, found: Figures, ranges?: Array<[number, number]>): void {
  let context: SentenceContext | undefined;
  TREND.lastIndex = 0;
  for (let m = TREND.exec(t); m && found.strong.length < MAX_EVIDENCE; m = TREND.exec(t)) {
    context ??= { ranges: ranges ?? sentenceRanges(text), firstPersonAt: [], imperative: [] };
    if (inPersonalSentence(text, context, sentenceIndex(context.ranges, m.index), m.index)) continue;
    // Only a party's or a measured quantity's ("Berth fees have doubled"; not "until it has doubled in size").
    if (!isMeasuredChange(t, m.index)) continue;
    found.strong.push(m[0].replace(/\s+/g, ' '));
  }
}

// ---------------------------------------------------------------------------
// Attribution
// ---------------------------------------------------------------------------

// One alternation, without the u flag: the fastest scan V8 offers for a word list (measured
// against a word-by-word set lookup and indexOf per verb).
const REPORTING = new RegExp(
  `\\b(?:according\\s+to|point(?:ed|s)\\s+out|(?:${[...REPORTING_VERBS, ...BELIEF_VERBS].join('|')})\\b)`,
  'gi',
);
// The words of a stance (STANCE), found without word boundaries or Unicode classes: a quick first look.
const STANCE_HINT = /adamant|concerned|convinced|confident|worried|opposed|sceptical|skeptical/i;
// "I read that …", "we heard that …": the author reporting what others say.
const HEARSAY = /\b(?:read|heard|learned|learnt)\s+that\b/gi;

const isWordChar = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x30 && c <= 0x39) ||
  c === 0x27 ||
  c === 0x2019 ||
  c === 0x25 ||
  (c >= 0xc0 && c <= 0x24f);

/** The words before `at` (nearest last), at most `n`, as written; within 80 characters. */
function rawWordsBefore(t: string, at: number, n: number): string[] {
  const words: string[] = [];
  let i = at;
  const floor = Math.max(0, at - 80);
  while (words.length < n && i > floor) {
    while (i > floor && !isWordChar(t.charCodeAt(i - 1))) i--;
    const end = i;
    while (i > floor && isWordChar(t.charCodeAt(i - 1))) i--;
    if (i < end) words.unshift(t.slice(i, end));
  }
  return words;
}

/** The words before `at` (nearest last), at most `n`, lower-cased, apostrophes straightened; within 80 characters. */
function wordsBefore(t: string, at: number, n: number): string[] {
  return rawWordsBefore(t, at, n).map((w) => w.toLowerCase().replace(/’/g, "'"));
}

// A determiner or possessive right after a verb: its object ("wrote a personal response").
// ("that" is left out: "wrote that …" reports).
const DETERMINERS_AFTER = new RegExp(`^\\s+(?:${[...DETERMINERS].filter((w) => w !== 'that').join('|')})\\b`, 'i');

// A clause right after a verb, as "that" would open it: a subject — a noun after a determiner, a
// subject pronoun or "there" — and its verb, an auxiliary, a modal or a past tense ("admitted the
// state had run out", "claim they are speaking out", "we're told there is footage", "employers
// believe they can carry on"). One pattern for every verb that can take a clause.
const CLAUSE_AFTER =
  /^\s+(?:(?:the|a|an|his|her|its|their|this|these|those)\s+(?:(?!(?:and|or|but)\s)[\p{L}'’-]+\s+){1,2}|(?:they|he|she|it|we|there)\s+)(?:had|has|have|was|were|is|are|would|could|will|can|may|might|must|should|did|does|do|\p{Ll}+ed)\b/iu;

// "what" (or "whatever") opening the clause of a reporting verb, its object, with the subject
// between ("what Samantha actually wrote", "what all the critics claim to want").
const WHAT_OBJECT = /\bwhat(?:ever)?\s+(?:[\p{L}'’-]+\s+){0,5}$/iu;
// A "what" clause that goes on to tell what was said ("in what police said was an attack").
const WHAT_TOLD_AFTER = /^\s+(?:was|were|is|are|had\s+been|has\s+been|would\s+be)\b/i;
// The words said, after a few words more: a quote after a colon or a comma, as EMPTY_OBJECT
// allows ("said something odd: “…”"), or a colon and a clause ("what the minister said on
// Monday: the border will stay closed"). Bounded: read on a slice of 40 characters.
const WORDS_AFTER = /^[^.!?:;"“‘]{0,30}?(?:[:,]\s*["“‘]|:(?=\s))/u;
// A clause whose subject is a name ("Calder Shipping will close the quay"), as CLAUSE_AFTER a noun.
const NAMED_CLAUSE =
  /^\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?\s+(?:had|has|have|was|were|is|are|would|could|will|can|may|might|must|should|did|does|\p{Ll}+ed)\b/u;

// A pronoun for what was said, right after a reporting verb (maybe after whom it was told), and
// no clause or quote after it: nothing is told ("said something critical", "told you
// everything"); not "said something was wrong", "said something odd: “…”".
const EMPTY_OBJECT =
  /^\s+(?:(?:me|us|you|him|her|them)\s+)?(?:something|everything|anything|nothing)(?![\p{L}'’])(?!\s+(?:\p{L}+\s+)?(?:was|is|were|are|would|will|had|has|could|might|may|must|should|can|did|does)\b)(?![^.!?"“‘]{0,30}?[:,]\s*["“‘])/iu;

// What was written, as a pronoun closing the clause ("the person who wrote it."): the writing, not its words.
const WRITTEN_THING = /^\s+(?:it|them)(?=\s*(?:[.,;:!?)]|$))/;

// Right before "said" used as an adjective: a preposition, or "to" and a verb, with no comma
// between; not "to" after a verb of speech or nearness, where a listener or a speaker follows
// ("speaking to reporters said", "close to the talks said").
const SAID_ADJECTIVE_BEFORE = new RegExp(
  `(?:\\b(?:${[...PREPOSITIONS].join('|')})|(?<!\\b(?:speaking|talking|writing|explaining|spoke|talked|wrote|explained|close|closest|next|according|known|loyal|related|speaks|talks|writes|explains)\\s+)\\bto\\s+(?!(?:him|her|them|me|us|it|you|whom)\\b)[a-z]+)\\s+$`,
);

// A quote closing right before the verb, its speaker after it ("“…,” says Ruiz").
const QUOTE_CLOSED_BEFORE = /[,!?—–-]\s*["”]\s*$/;

// A quote closing right before its speaker and the verb ("“…,” she recalled", "“…,” recalls Ruiz").
const QUOTE_BEFORE = /[,!?—–-]\s*["”’']\s*(?:[\p{L}.'’-]+\s+){0,4}$/u;

// Who told, then what: "was told by two senior officials that …".
const TOLD_BY_THAT = /^\s+by\s+[^.!?;:]{1,60}?\s+that\b/i;

// The writer as the one told, in the passive: news outlets' attribution to their sources.
const TOLD_BY_SOURCES = new Set(["we're", 'we’re', "i'm", 'i’m']);

/** Whether a reporting verb at [start, end) is used for reporting (see the module comment). */
function isReporting(t: string, start: number, end: number, verb: string, conditionEnd: number): boolean {
  const after = t.slice(end, end + 40);
  const thatFollows = /^\s*(?:that\b|[,:]?\s*["“‘'])/i.test(after);
  if (verb === 'according to') {
    const next = /^\s+(?:the\s+|a\s+|an\s+|my\s+|our\s+)?([\p{L}]+)/u.exec(after)?.[1]?.toLowerCase();
    return next === undefined || !ACCORDING_TO_NOT_SOURCES.has(next);
  }
  // No subject: the start of a sentence or of a "+"/"*" list item ("Claims that …", "+ Added …").
  let p = start;
  while (p > 0 && (t[p - 1] === ' ' || t[p - 1] === '\n' || t[p - 1] === '\t')) p--;
  if (p === 0 || '.!?+*•'.includes(t[p - 1])) return false;
  // Inside a condition opening the sentence ("If an executive disagrees with me, …"): nothing said yet.
  if (start < conditionEnd) return false;
  // The writer after the verb ("“It won't rise,” said I."): the writer's own words, as "I said".
  if (WRITER_AFTER.test(after)) return false;
  // A quote closing right before the verb ("“… a picture,” says McCaughrean"): the speaker comes
  // after it, and the quote's last words are no subject ("picture" is no screenshot's).
  if (QUOTE_CLOSED_BEFORE.test(t.slice(Math.max(0, start - 8), start)) && !NOT_REPORTED_AFTER.test(after)) return true;
  const before = wordsBefore(t, start, 6);
  // A determiner right before: a noun or an adjective ("the claims", "an estimated cost").
  if (before.length > 0 && DETERMINERS.has(before[before.length - 1])) return false;
  // A participle after a preposition is an adjective ("investigated for alleged incidents").
  if (before.length > 0 && verb.endsWith('ed') && PREPOSITIONS.has(before[before.length - 1])) return false;
  // "said" as an adjective, the aforesaid, after a preposition or an infinitive ("of said
  // property", "to illustrate said point"): nothing said.
  // A clause, "that" or a quote after "said" is what was said: a verb, not the aforesaid.
  if (
    verb === 'said' &&
    SAID_ADJECTIVE_BEFORE.test(t.slice(Math.max(0, start - 40), start)) &&
    !thatFollows &&
    !CLAUSE_AFTER.test(after)
  )
    return false;
  let i = before.length - 1;
  let negated = false;
  while (i >= 0 && (FILLERS.has(before[i]) || NEGATIONS.has(before[i]))) {
    if (NEGATIONS.has(before[i])) negated = true;
    i--;
  }
  const subject = before[i];
  if (negated) return false;
  // A thing's word written as a person's surname ("Sarah Page said"): a person, not the post's page.
  const surnamed =
    subject !== undefined &&
    MECHANICAL_SUBJECTS.has(subject) &&
    isSurnameSubject(t, start, subject, before.length - 1 - i);
  // "let me say", "let us add": the writer speaking now, as "I say".
  if ((subject === 'me' || subject === 'us') && before[i - 1] === 'let') return false;
  // ", say, …": "for example" ("at, say, a party"), no one speaking.
  if (verb === 'say' && /,\s*$/.test(t.slice(Math.max(0, start - 3), start)) && /^\s*,/.test(after)) return false;
  // "We're told there is footage", "we were told the minister had resigned", "the Gazette was told
  // by police that …": the writer's sources told them (in a personal post, "we were told" is the
  // writer's own past: speech.ts, settleLayBeliefs).
  if (verb === 'told' && subject !== undefined && (TOLD_BY_SOURCES.has(subject) || PASSIVE.has(subject)))
    return thatFollows || CLAUSE_AFTER.test(after) || TOLD_BY_THAT.test(t.slice(end, end + 100));
  if (NOT_REPORTED_AFTER.test(after)) return false;
  // "what Samantha actually wrote", "doing what people say they want": the words are pointed at,
  // not told; but "in what police said was an attack" tells them.
  if (WHAT_OBJECT.test(t.slice(Math.max(0, start - 60), start)) && !WHAT_TOLD_AFTER.test(after) && !wordsFollow(t, end))
    return false;
  // "she said something critical", "your friends told you everything":
  // an object that tells nothing, with no clause or quote after it.
  if (EMPTY_OBJECT.test(t.slice(end, end + 60))) return false;
  // "a seal found by crews": a thing discovered, not a finding reported.
  if (verb === 'found' && /^\s+by\b/i.test(after)) return false;
  if (subject !== undefined && (PERSONAL_SUBJECTS.has(subject) || INTERPRETIVE.has(subject))) return false;
  if (subject !== undefined && (UNREALISED.has(subject) || (verb === 'say' && COORDINATORS.has(subject)))) return false;
  if (BELIEF_VERBS.has(verb)) return isPosition(verb, before, i, after, isNamedSubject(t, start), surnamed);
  if (AUTHORED.test(verb) && before.length > 0 && (DETERMINERS_AFTER.test(after) || WRITTEN_THING.test(after)))
    return false;
  if ((verb === 'tweeted' || verb === 'tweets') && TWEETED_THING.test(after)) return false;
  // "conceded defeat", "admitted the mistake": a contest given up or a fault owned, no words reported.
  // ("admitted the state had run out" reports: a clause follows, not an object).
  if (
    CONCEDING.test(verb) &&
    !CLAUSE_AFTER.test(after) &&
    (DETERMINERS_AFTER.test(after) || /^\s+(?:defeat|victory)\b/i.test(after))
  )
    return false;
  if (subject !== undefined && PASSIVE.has(subject)) {
    // "I was determined to be first", "she was determined that …": someone's resolve, not a finding.
    if (FINDING_VERBS.has(verb) && isResolve(rawWordsBefore(t, start, 6)[i - 1])) return false;
    return /^\s*(?:that\b|to\s+be\b)/i.test(after);
  }
  if (/^(?:told|tells)$/.test(verb) && /^\s+(?:me|us)\b/i.test(after) && !/^\s+(?:me|us)\s+that\b/i.test(after))
    return false;
  // The post's own things ("The screenshot indicates that …", "the router indicates that …"),
  // whichever verb: checked before the verbs below, which would take the clause after them.
  if (subject !== undefined && MECHANICAL_SUBJECTS.has(subject) && !surnamed) return false;
  // "stressed that", "recalled, “…”", "“…,” she recalled"; not "recalled 2 million cars", nor
  // the noun after a preposition and its noun phrase ("In her opening remarks the minister …").
  if (CLAUSE_VERBS.has(verb) || verb === 'pointed out' || verb === 'points out') {
    if (isNounAfterPreposition(before)) return false;
    return thatFollows || CLAUSE_AFTER.test(after) || QUOTE_BEFORE.test(t.slice(Math.max(0, start - 60), start));
  }
  if (verb === 'added' || verb === 'adds') return /^\s*(?:that\b|[,.;:!?"“”’']|$)/.test(after);
  // "That opener suggests that …": the writer's reading of something the post points at.
  if (SHOW_VERBS.has(verb) && DEMONSTRATIVES.has(before[i - 1] ?? '')) return false;
  if (SHOW_VERBS.has(verb)) return thatFollows || (subject !== undefined && DATA_SUBJECTS.has(subject));
  // "coaches claim they are …": a clause of its own after the verb, as "that" would open.
  if (NOUN_LIKE.has(verb) || FINDING_VERBS.has(verb)) return thatFollows || CLAUSE_AFTER.test(after);
  return true;
}

// Prepositions that open a noun phrase with no subject in it ("In her opening remarks", "during the mayor's remarks").
const PHRASE_PREPOSITIONS = new Set([...PREPOSITIONS, 'during', 'at', 'by', 'throughout', 'before', 'under']);

/**
 * True when the words before a verb that is also a noun ("remarks", "comments", "mentions") are a
 * preposition and the start of its noun phrase, a determiner or a possessive and at most one word
 * ("In her opening remarks", "during the mayor's remarks"): the noun, with no subject before it.
 */
function isNounAfterPreposition(before: readonly string[]): boolean {
  const n = before.length;
  for (let k = n - 1; k >= Math.max(0, n - 2); k--) {
    const w = before[k];
    if (!DETERMINERS.has(w) && !/'s?$/.test(w)) continue;
    // A possessive's own determiner ("during the mayor's remarks").
    const j = !DETERMINERS.has(w) && k > 0 && DETERMINERS.has(before[k - 1]) ? k - 2 : k - 1;
    return j >= 0 && PHRASE_PREPOSITIONS.has(before[j]);
  }
  return false;
}

// People's nouns beyond position-subjects.ts's list, heads of a party's noun phrase ("The first lady tore into …").
const KIN_AND_RANK = new Set(
  'lady ladies gentleman wife husband mother father son daughter sister brother family friend friends neighbour neighbor actor actress singer star couple pope king queen prince princess duke duchess'.split(
    ' ',
  ),
);

/**
 * True when the clause ending at `at` (a ", warning that …" after it) has a thing as its subject:
 * "The alarm went off at midnight", "The screenshot loaded slowly", "The model ran overnight",
 * "It crashed": no one went on to say anything. Its subject is the noun phrase opening the
 * sentence (after an opening phrase and its comma: "On Monday, the alarm …"); a determiner and
 * lower-case words name a thing unless one is a person's, an expert's or a body's noun ("the
 * former minister"), or reads as one ("the manager", "the economist"; not a post's own thing).
 */
function isThingClause(t: string, at: number): boolean {
  const from = Math.max(0, at - 200);
  const ends = [...t.slice(from, at).matchAll(/[.!?]["”’)]*\s+/g)];
  let clause = t.slice(
    ends.length > 0 ? from + ends[ends.length - 1].index + ends[ends.length - 1][0].length : from,
    at,
  );
  let words = clause.split(/\s+/).filter((w) => w !== '');
  const first = (words[0] ?? '').toLowerCase();
  if ((PHRASE_PREPOSITIONS.has(first) || /ly$/.test(first)) && clause.includes(',')) {
    clause = clause.slice(clause.indexOf(',') + 1);
    words = clause.split(/\s+/).filter((w) => w !== '');
  }
  const lower = words.map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}'’-]/gu, ''));
  if (lower.length === 0) return false;
  if (/^(?:it|this|these|those)$/.test(lower[0])) return true;
  if (!DETERMINERS.has(lower[0]) || /^(?:his|her|their|my|our|your)$/.test(lower[0])) return false;
  for (let k = 1; k < Math.min(3, words.length); k++) {
    if (/^\p{Lu}/u.test(words[k])) return false;
    const w = lower[k];
    if (MECHANICAL_SUBJECTS.has(w) || DATA_SUBJECTS.has(w)) return true;
    if (
      PERSON_NOUNS.has(w) ||
      KIN_AND_RANK.has(w) ||
      EXPERT_SUBJECTS.has(w) ||
      INSTITUTION_NOUNS.has(w) ||
      /(?:er|or|ist|ian)s?$/.test(w)
    )
      return false;
    if (/\d|-/.test(w)) continue;
  }
  return true;
}

/** Whether the words said follow the verb ending at `end`: a quote, or a colon and a clause (WORDS_AFTER). */
function wordsFollow(t: string, end: number): boolean {
  const m = WORDS_AFTER.exec(t.slice(end, end + 40));
  if (m === null) return false;
  if (!m[0].endsWith(':')) return true;
  const rest = t.slice(end + m[0].length, end + m[0].length + 80);
  return CLAUSE_AFTER.test(rest) || NAMED_CLAUSE.test(rest);
}

/**
 * True when the subject of "was determined" (as written) is a person, whose resolve it is ("I was
 * determined", "she was determined", "Jo Smith was determined"), not a thing found ("It was
 * determined that", "the cause was determined to be").
 */
function isResolve(subject: string | undefined): boolean {
  if (subject === undefined) return false;
  const lower = subject.toLowerCase().replace(/’/g, "'");
  if (PERSONAL_SUBJECTS.has(lower) || /^(?:he|she|they|who|everyone|everybody|nobody|someone)$/.test(lower))
    return true;
  return /^\p{Lu}/u.test(subject) && !/^(?:it|this|that|what)$/.test(lower);
}

/**
 * Whether a belief verb at word `i` of `before` reports someone's position: "that" after it (not
 * after a thing: "it hopes that"; in the passive only "it is feared that"), an expert subject
 * ("analysts expect"), or a named subject and what the belief is about ("Calder expects the vote
 * to fail"); "think" only for experts.
 */
function isPosition(
  verb: string,
  before: readonly string[],
  i: number,
  after: string,
  named: boolean,
  surnamed: boolean,
): boolean {
  const subject = before[i];
  if (subject !== undefined && EXPERT_SUBJECTS.has(subject)) return true;
  if (TALK_BELIEF_VERBS.has(verb) || subject === undefined) return false;
  // A named party's belief about something ("Ngātiwai believe the whales beach when …", "Calder
  // expects the vote to fail"), not what it hopes to do or believes in.
  if (named && NAMED_BELIEF_OBJECT.test(after)) return true;
  if (!/^\s+that\b/i.test(after) && !CLAUSE_AFTER.test(after)) return false;
  if (PASSIVE.has(subject)) return before[i - 1] === 'it';
  return !MECHANICAL_SUBJECTS.has(subject) || surnamed;
}

// What a named party's belief is about: "the"/"a" and a noun, or a clause's pronoun ("they", "it").
const NAMED_BELIEF_OBJECT = /^\s+(?:the|a|an|they|it|he|she|there)\s+\p{L}/iu;

/** The subject before `at`: the last of its `n` words before it, past the fillers ("have always"). */
function subjectBefore(t: string, at: number, n: number): string | undefined {
  const before = wordsBefore(t, at, n);
  let i = before.length - 1;
  while (i >= 0 && FILLERS.has(before[i])) i--;
  return before[i];
}

/** True when the subject before `at` is the author or the reader. */
function isPersonal(t: string, at: number): boolean {
  const subject = subjectBefore(t, at, 4);
  return subject !== undefined && PERSONAL_SUBJECTS.has(subject);
}

/**
 * True when the subject before `at` is someone other than the author, the reader or a thing, and
 * not one `alsoNot` rules out (the one test of a party's subject, whichever words a rule adds).
 */
function isOtherSubject(t: string, at: number, alsoNot: (subject: string) => boolean): boolean {
  const subject = subjectBefore(t, at, 6);
  return (
    subject !== undefined &&
    !PERSONAL_SUBJECTS.has(subject) &&
    !MECHANICAL_SUBJECTS.has(subject) &&
    !DETERMINERS.has(subject) &&
    !alsoNot(subject)
  );
}

/** Whether a stance ("is adamant") at `start` is someone else's: not the author's, the reader's or a thing's, and not a pronoun's, "who"'s or "one"'s. */
const isStance = (t: string, start: number): boolean =>
  isOtherSubject(t, start, (subject) => /^(?:he|she|they|who|one)$/.test(subject));

/** True when the subject before `at` names a party: a capitalised name, an expert or an institution ("Republicans", "regulators", "the council"). */
function isNamedSubject(t: string, at: number): boolean {
  const before = rawWordsBefore(t, at, 6);
  let i = before.length - 1;
  while (i >= 0 && FILLERS.has(before[i].toLowerCase())) i--;
  const subject = before[i];
  if (subject === undefined) return false;
  const lower = subject.toLowerCase().replace(/’/g, "'");
  if (EXPERT_SUBJECTS.has(lower) || INSTITUTION_NOUNS.has(lower)) return true;
  return /^\p{Lu}/u.test(subject) && !NAME_STOPWORDS.has(lower) && !PERSONAL_SUBJECTS.has(lower);
}

/** True when the subject before `at` is someone other than the writer, the reader or a thing ("experts have challenged"). */
const isOthersSubject = (t: string, at: number): boolean => isOtherSubject(t, at, (subject) => PASSIVE.has(subject));

// The cue words of the patterns below and of TREND, found in one scan per text (case-sensitive,
// no u flag: the fastest V8 offers; a cue opening a sentence has no subject anyway): each cue
// names the pattern it starts, so a text is scanned again only for the patterns it may hold.
const CUES =
  /challeng|disput|reject|dismiss|question|refut|defend|justif|asked|calls for|called for|calling for|call for|learn|written about|described|portray|depict|characteri|hailed|billed|touted|dubbed|cast|paint|[Ss]ource|familiar with|briefed on|knowledge of|condition|on the (?:rise|increase|decline|wane)|risen|fallen|doubled|tripled|quadrupled|halved|soared|plummeted|surged|skyrocketed|dwindled|grown|dropped|declined|rose |fell |grew |rising |falling |growing |dropping |declining /g;

/** The patterns (CONTESTED … TREND) whose cue words a text holds: each is scanned for only then. */
function cuesOf(t: string): ReadonlySet<RegExp> {
  CUES.lastIndex = 0;
  let m = CUES.exec(t);
  // Most texts hold no cue: one shared empty set, not a new one per block.
  if (m === null) return NO_CUES;
  const wanted = new Set<RegExp>();
  for (; m; m = CUES.exec(t)) wanted.add(cuePattern(m[0]));
  return wanted;
}

/** The cues of a text that holds none (shared: only ever read). */
const NO_CUES: ReadonlySet<RegExp> = new Set<RegExp>();

/** The pattern a cue of CUES starts. */
function cuePattern(cue: string): RegExp {
  const c = cue.toLowerCase();
  if (
    /^(?:on the|risen|fallen|doubled|tripled|quadrupled|halved|soared|plummeted|surged|skyrocketed|dwindled|grown|dropped|declined|rose|fell|grew|rising|falling|growing|dropping|declining)/.test(
      c,
    )
  )
    return TREND;
  if (/^(?:challeng|disput|reject|dismiss|question|refut|defend|justif)/.test(c)) return CONTESTED;
  if (c === 'asked') return ASKED_PASSIVE;
  if (c.startsWith('call')) return CALLED_FOR;
  if (c === 'learn') return HAS_LEARNED;
  if (c === 'condition') return CONDITION_REPORTED;
  if (/^(?:source|familiar|briefed|knowledge)/.test(c)) return ANONYMOUS_SOURCE;
  return PORTRAYED;
}

/**
 * Positions and reporting told without a reporting verb (see claim-rules.ts): an idea contested
 * (CONTESTED), a question put in the passive (ASKED_PASSIVE), a position called for by a named
 * party (CALLED_FOR), what an outlet has learned (HAS_LEARNED), a party portrayed by others
 * (PORTRAYED), unnamed sources (ANONYMOUS_SOURCE).
 * Each pattern is tried only when the text holds one of its cue words (`wanted`, see cuesOf).
 */
function positions(
  t: string,
  found: string[],
  evidence: (start: number, end: number) => string,
  wanted: ReadonlySet<RegExp>,
): void {
  // (Who may hold each: position-subjects.ts.)
  const holds = new Map<RegExp, (at: number, end: number) => boolean>([
    [CONTESTED, (at) => isOthersSubject(t, at)],
    [ASKED_PASSIVE, (at) => (t[at] === ',' || isOthersSubject(t, at)) && isPartySubject(t, at)],
    [CALLED_FOR, (at) => (isNamedSubject(t, at) || isPartySubject(t, at)) && !isOwnOrThing(t, at)],
    [HAS_LEARNED, (at, end) => isNamedSubject(t, at) && isOutletSourcing(t, at, end)],
    [
      PORTRAYED,
      (at, end) =>
        isOthersSubject(t, at) &&
        !PERSONAL_SUBJECTS.has(wordsBefore(t, at, 1)[0] ?? '') &&
        // "was described as": a party so described, or the one who described it named ("… by the department").
        (!PASSIVE.has(
          t
            .slice(at, at + 6)
            .split(/\s/)[0]
            .toLowerCase(),
        ) ||
          isPartySubject(t, at) ||
          BY_AGENT.test(t.slice(end, end + 160))),
    ],
    [CONDITION_REPORTED, (at) => isPartySubject(t, at)],
    [ANONYMOUS_SOURCE, (at, end) => isSourcing(t, at, end)],
  ]);
  // In a fixed order, whatever order the cues came in: the evidence is the same for the same text.
  for (const [pattern, holdsAt] of holds) {
    if (!wanted.has(pattern)) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(t); m && found.length < MAX_EVIDENCE; m = pattern.exec(t)) {
      if (holdsAt(m.index, m.index + m[0].length)) found.push(evidence(m.index, m.index + m[0].length));
    }
  }
}

// The one who portrayed a party, named after the portrayal in its sentence ("… as “heartbreaking” by the department").
const BY_AGENT = /^[^.!?,;:]*?\bby\s+(?:the\s+)?\p{L}/u;

/**
 * Whether "has learned" at [at, end) is an outlet's sourcing: closing its sentence after a comma,
 * a dash or an ellipsis (", TMZ has learned."; "has learned that" is HEARSAY's); not "what
 * Penguin has learned".
 */
function isOutletSourcing(t: string, at: number, end: number): boolean {
  if (!/^\s*(?:[.!?…]|$)/.test(t.slice(end, end + 3))) return false;
  // The outlet's name, one to four words, right after the mark.
  return /(?:,|\.\.\.|…|—|–|--)\s*(?:the\s+)?(?:\S+\s+){0,3}$/.test(t.slice(Math.max(0, at - 60), at));
}

// What makes "sources close to …" sourcing: a reporting use in the same sentence.
const SOURCING_VERB =
  /^[^.!?]*?\b(?:said|say|says|told|tell|tells|confirmed|confirm|revealed|claimed|claim|added|insisted|suggested|indicated|warned|disclosed|believe|believed|expect|expected|described|according)\b/i;
// What "the source could not …" or "declined to …" must go on to for it to be sourcing: speaking or being named.
const SOURCE_SPEAKING =
  /^\s+(?:to\s+)?(?:be\s+(?:named|identified)|provide|give|confirm|say|comment|disclose|reveal|elaborate|discuss|explain|specify|offer|share|add|go\s+on\s+record)\b/i;

// What sources close to a story are close to: a party named, or the matter of a story.
const SOURCE_MATTER =
  /^\s+(?:(?:the|his|her|their)\s+)?(?:\p{Lu}|(?:talks|negotiations|family|government|president|minister|palace|investigation|inquiry|case|deal|club|team|player|campaign|party|board|company|matter|decision|discussions|administration|prime|royal|couple|singer|star|actor|actress)\b)/u;

/** Whether unnamed sources at [at, end) are a story's sourcing (see ANONYMOUS_SOURCE), not a file or a place in a tree. */
function isSourcing(t: string, at: number, end: number): boolean {
  const matched = t.slice(at, end).toLowerCase();
  const after = t.slice(end, end + 200);
  if (/\b(?:could\s+not|couldn['’]t|would\s+not|wouldn['’]t|did\s+not|didn['’]t|declined|refused)$/.test(matched))
    return SOURCE_SPEAKING.test(after);
  if (/^(?:the|a|one|another)\b/.test(matched)) return true;
  // "sources close to the talks", "… the family", "… Mugabe", or a reporting use ("sources close to the root said …").
  return (
    SOURCE_MATTER.test(after) ||
    SOURCING_VERB.test(after) ||
    /\baccording\s+to\s+(?:\S+\s+)?$/i.test(t.slice(Math.max(0, at - 30), at))
  );
}

/** Attributions of a text (at most MAX_EVIDENCE), as evidence: the speaker's last word and the verb. */
function attributions(text: string, t: string, rules: ClaimRules, wanted: ReadonlySet<RegExp>): string[] {
  const found: string[] = [];
  // The verb with up to two words right before it (the speaker), not across punctuation.
  const evidence = (start: number, end: number): string => {
    let from = start;
    for (let words = 0; words < 2; words++) {
      let i = from;
      while (i > 0 && /\s/.test(text[i - 1])) i--;
      let j = i;
      while (j > 0 && start - j < 40 && /[A-Za-z0-9\u00C0-\u024F'’]/.test(text[j - 1])) j--;
      if (j === i) break;
      from = j;
    }
    return text.slice(from, end).replace(/\s+/g, ' ').trim();
  };
  for (const pattern of [rules.attributionWords, HEARSAY, HEARSAY_ADVERBS]) {
    if (pattern === undefined) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(t); m && found.length < MAX_EVIDENCE; m = pattern.exec(t)) {
      found.push(evidence(m.index, m.index + m[0].length));
    }
  }
  STANCE.lastIndex = 0;
  // (The stance words are rare: a plain scan for them first spares most texts the full pattern.)
  for (let m = STANCE_HINT.test(t) ? STANCE.exec(t) : null; m && found.length < MAX_EVIDENCE; m = STANCE.exec(t)) {
    if (isStance(t, m.index)) found.push(evidence(m.index, m.index + m[0].length));
  }
  VIEW.lastIndex = 0;
  // (" as " is rarer than the verbs: most texts are passed over with one indexOf.)
  for (let m = t.includes(' as ') ? VIEW.exec(t) : null; m && found.length < MAX_EVIDENCE; m = VIEW.exec(t)) {
    if (isStance(t, m.index)) found.push(evidence(m.index, m.index + m[0].search(/\s/)));
  }
  CONCERN.lastIndex = 0;
  let concernsEnd = -1;
  // ("that" or "express"/"voice" is in every match: most texts are passed over with indexOf.)
  const concerns = t.includes(' that') || t.includes('xpress') || t.includes('voice');
  for (let m = concerns ? CONCERN.exec(t) : null; m && found.length < MAX_EVIDENCE; m = CONCERN.exec(t)) {
    // Not the writer's own: "I have growing doubts that …".
    concernsEnd = m.index + m[0].length;
    if (!isPersonal(t, m.index)) found.push(text.slice(m.index, concernsEnd));
  }
  REPORTING.lastIndex = 0;
  // The sentences, found once for the text, and where the condition opening the current one ends
  // (its first comma): found once per sentence, so a long text stays linear.
  let ranges: Array<[number, number]> | undefined;
  let sentence = -1;
  let conditionEnd = -1;
  for (let m = REPORTING.exec(t); m && found.length < MAX_EVIDENCE; m = REPORTING.exec(t)) {
    // "fears" in "amid growing fears that" was read as a concern (the writer's or someone's).
    if (m.index < concernsEnd) continue;
    const verb = m[0].toLowerCase().replace(/\s+/g, ' ');
    ranges ??= sentenceRanges(text);
    const s = ranges.length > 0 ? sentenceIndex(ranges, m.index) : -1;
    if (s !== sentence && s >= 0) {
      sentence = s;
      const [from, to] = ranges[s];
      const opens = HYPOTHETICAL.test(t.slice(from, from + 20).trimStart());
      const comma = opens ? t.slice(from, to).indexOf(',') : -1;
      conditionEnd = !opens ? -1 : comma < 0 ? to : from + comma;
    }
    if (isReporting(t, m.index, m.index + m[0].length, verb, conditionEnd))
      found.push(evidence(m.index, m.index + m[0].length));
  }
  // ", saying that …", ", adding the plan was dead": what someone went on to say; not the
  // writer's ("I left, saying that …") nor a thing's (", suggesting a leak").
  REPORTING_PARTICIPLE.lastIndex = 0;
  for (let m = t.includes(', ') ? REPORTING_PARTICIPLE.exec(t) : null; m && found.length < MAX_EVIDENCE;) {
    const end = m.index + m[0].length;
    const after = t.slice(end, end + 40);
    const said = /^\s*(?:that\b|[,:]?\s*["“])/i.test(after) || CLAUSE_AFTER.test(after);
    const before = wordsBefore(t, m.index, 12);
    if (said && !before.some((w) => PERSONAL_SUBJECTS.has(w)) && !isThingClause(t, m.index))
      found.push(m[0].replace(/^,\s+/, ''));
    m = REPORTING_PARTICIPLE.exec(t);
  }
  if (wanted.size > 0) positions(t, found, evidence, wanted);
  return found;
}

/**
 * A handle opening a quoted social post: "@" and the account name (letters, digits, "_", as the
 * networks allow, at most 30; not digits alone, a time: "@9:"), a colon, then words; not inside
 * a word (an e-mail address) nor a bare mention ("thanks @ana").
 */
const HANDLE_POST = /(?<![\w@.])@(?!\d+:)\w{1,30}:[ \t]+(?=[\p{L}@“"])/gu;
// What comes before a quoted post: nothing (the paragraph opens with it), a sentence's end, a
// quote mark, a bracket or a dash, or who posted it ("wrote", "tweeted", "the reply from");
// not a word the handle is the object or the label of ("Ping us @support:", "Standup @nine:").
const HANDLE_POST_BEFORE =
  /(?:[.!?"“”‘’'([—–-]|\b(?:wrote|writes|tweeted|tweets|posted|posts|replied|replies|answered|responded|from|by))\s*$/i;

/** The handles (with their colon) of the social posts a text quotes, at most MAX_EVIDENCE. */
function handlePosts(text: string): string[] {
  if (!text.includes('@')) return [];
  const found: string[] = [];
  HANDLE_POST.lastIndex = 0;
  for (let m = HANDLE_POST.exec(text); m && found.length < MAX_EVIDENCE; m = HANDLE_POST.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if ((m.index <= 20 && before.trim() === '') || HANDLE_POST_BEFORE.test(before)) found.push(m[0].trim());
  }
  return found;
}

/** Records a signal and its evidence when anything was found. */
function addSignal(out: TextSignals, signal: ClaimSignal, found: readonly string[]): void {
  if (found.length === 0) return;
  out.signals.push(signal);
  for (let i = 0; i < found.length; i++) out.evidence.push({ signal, text: found[i] });
}

// The patterns blanked before figures are read, per rules: one list per run, not per block.
const figureBlanks = new WeakMap<ClaimRules, RegExp[]>();

function figureIgnore(rules: ClaimRules): RegExp[] {
  let patterns = figureBlanks.get(rules);
  if (patterns === undefined) {
    patterns = [URL_IN_TEXT, FOOTNOTE_REF, DATE_OR_TIME, PHONE_NUMBER, ...rules.figureIgnore];
    figureBlanks.set(rules, patterns);
  }
  return patterns;
}

// Longest block read as a counter or a label rather than a statement.
const COUNTER_CHARS = 40;
const LETTER_WORD = /\p{L}[\p{L}'’-]*/gu;

/**
 * True for a block that is a bare count with at most two words around it and no sentence end
 * ("861", "1,204 likes", "Comments (5)"): a like or share counter, a score or a label states
 * nothing to source. "Turnout was 61%." (a sentence) and "$4.2 billion" (an amount) stay figures.
 */
function isCounter(text: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed.length <= COUNTER_CHARS &&
    !/[.!?]["”’)]?$/.test(trimmed) &&
    !/[%$€£¥]/.test(trimmed) &&
    (trimmed.match(LETTER_WORD) ?? []).length <= 2
  );
}

/** Quote/number/attribution/causal signals of a text and their evidence ("citation" is added by the caller). */
export function claimSignals(text: string, options: SignalOptions = {}): TextSignals {
  const rules = options.rules ?? DEFAULT_CLAIM_RULES;
  const blank = options.blank ?? [];
  const out: TextSignals = { signals: [], evidence: [] };
  const prose = blanked(text, blank, []);
  const cues = cuesOf(prose);
  const quoted = quotes(prose);
  const figureText = blanked(prose, [], figureIgnore(rules));
  const found =
    /\d/.test(prose) && !isCounter(prose) ? figures(text, figureText, options.ranges) : { strong: [], weak: [] };
  if (found.strong.length === 0) wordFigures(text, figureText, found, options.ranges);
  if (found.strong.length === 0 && cues.has(TREND)) trendFigures(text, figureText, found, options.ranges);
  const said = attributions(text, blanked(prose, [], rules.attributionIgnore), rules, cues);
  // Someone else's research told as a story ("the scientists asked five people …"), when no
  // reporting verb said so already ("the survey found"): research-subjects.ts.
  if (said.length === 0) said.push(...researchReports(unquoted(prose), MAX_EVIDENCE, options.ownResearch === true));
  // A plural subject reporting in the present ("Experts warn that", "Studies show that"): plural-reporting.ts.
  if (said.length === 0)
    said.push(...pluralReports(unquoted(blanked(prose, [], rules.attributionIgnore)), MAX_EVIDENCE));
  // A social post quoted as its reader sees it, its author's handle and a colon before the words
  // ("@viticci: counting other people's money is weird"): what that account wrote.
  if (said.length === 0) said.push(...handlePosts(prose));
  // A passive report of no one named ("is expected to launch"), a quotation credited by name
  // ("To quote Shaw:"): passed-on.ts.
  if (said.length === 0) said.push(...passedOn(unquoted(blanked(prose, [], rules.attributionIgnore)), MAX_EVIDENCE));
  // Weak quotes count only beside an attribution.
  addSignal(
    out,
    'quote',
    (quoted.strong.length > 0 || said.length === 0 ? quoted.strong : quoted.weak).map(quoteEvidence),
  );
  // Weak figures count only beside a quote or an attribution.
  const weakCounts = out.signals.length > 0 || said.length > 0;
  addSignal(out, 'number', found.strong.length > 0 || !weakCounts ? found.strong : found.weak);
  addSignal(out, 'attribution', said);
  // A general claim of cause and effect told of no one ("Ebola can only be spread through …"): causal.ts.
  if (mayStateCause(prose) && !rules.causalIgnore?.some((re) => matches(re, text)))
    addSignal(out, 'causal', causalClaims(unquoted(prose), MAX_EVIDENCE, options.ranges));
  return out;
}

/** True when `re` (a user's pattern, flag g) matches somewhere in `text`. */
function matches(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/**
 * Quote/number/attribution signals of a text ("citation" is added by the caller).
 * `blank` are ranges of the text that are footnote marks or code.
 */
export function textSignals(text: string, blank: ReadonlyArray<readonly [number, number]> = []): ClaimSignal[] {
  return claimSignals(text, { blank }).signals;
}
