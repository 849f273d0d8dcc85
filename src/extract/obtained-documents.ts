import type { Block, ClaimEvidence } from '../types.js';
import { sentenceIndex, sentenceRanges } from './sentences.js';

/**
 * A document the outlet itself obtained or reviewed (bench/claims-labelling.md, `firsthand`,
 * decided 2026-12-03): "according to records obtained by The Times", "a report released to the
 * Los Angeles Times under a public-records request", "emails reviewed by the Post", "The BBC has
 * seen letters …". Its findings are the outlet's own reporting — the document was given to the
 * outlet, not published — in the paragraph that says so (firsthand.ts) and in the paragraphs
 * after it that go on with that document's findings: "The records show …", "The report, dated
 * March 2024, found …", "According to the emails, …", "In the letters, …". The document is known
 * by its noun (records, report, emails …; "the documents", "the files" stand for any of them);
 * a paragraph goes on with it when each of its attributions is in a sentence naming the
 * document's finding, and it names no other outlet's reporting. Another document of the same
 * noun ("a separate report", "the state's own report, published Tuesday", a linked one) ends
 * the document's run: a published report stays a claim. Read by settleFirsthand (firsthand.ts);
 * published in the README ("Claim signals").
 */

/** What settleObtainedDocuments needs of firsthand.ts: the outlet's view of a paragraph. */
export interface ObtainedReader {
  /** True for a paragraph CLAIM_UNCITED would flag. */
  isUncited(block: Block): boolean;
  /** True when a paragraph names another outlet's reporting ("told CNN", "according to Reuters"). */
  namesOther(block: Block): boolean;
  /** A paragraph's text outside its quotes, what the user's `firsthandIgnore` matches blanked (same length). */
  plain(block: Block): string;
  /**
   * Where in the plain text a paragraph says the outlet obtained, reviewed or was given something
   * ("obtained by The Times", "The BBC has seen", "released to the Los Angeles Times"), in
   * sentences naming no other outlet.
   */
  obtained(block: Block): number[];
}

// The nouns of documents, singular or plural ("records", "a report", "emails", "minutes").
const NOUNS =
  'records?|documents?|files?|papers|e-?mails?|messages|text\\s+messages|letters?|memos?|memoranda|memorandum|reports?|audits?|minutes|notes|data|datasets?|logs?|filings?|contracts?|invoices?|receipts?|transcripts?|recordings?|footage|spreadsheets?|drafts?|assessments?|evaluations?|correspondence|communications|complaints?|tapes?|presentations?|slides|inspections?|reviews?|analysis|studies|study|investigation|budgets?|plans?|proposals?|agreements?|settlements?|charts?|photos|photographs|images|videos?|texts';
/** Nouns that stand for any document the outlet obtained ("the documents" after "emails obtained by …"). */
const GENERIC = new Set(['document', 'record', 'file', 'paper']);
// A document's noun, not inside a compound ("public-records request") nor naming a request for it.
const DOC_NOUN = new RegExp(`(?<![\\p{L}-])(${NOUNS})(?![\\p{L}-])(?!\\s+requests?\\b)`, 'giu');
// Words before the noun that make it the one already named ("the same internal report").
const SAME =
  '(?:(?:same|internal|leaked|confidential|unpublished|draft|full|final|redacted|unredacted|secret|private)\\s+){0,2}';
// The document named again: "the records", "these emails", "the same report".
const REF = `(?:the|these|those|this|that|such)\\s+${SAME}(${NOUNS})(?![\\p{L}-])`;
// What a document says: its findings' verbs.
const VERBS =
  'show|shows|showed|shown|found|find|finds|reveal|reveals|revealed|indicate|indicates|indicated|say|says|said|state|states|stated|note|notes|noted|describe|describes|described|detail|details|detailed|list|lists|listed|include|includes|included|cite|cites|cited|contain|contains|contained|recommend|recommends|recommended|conclude|concludes|concluded|estimate|estimates|estimated|suggest|suggests|suggested|confirm|confirms|confirmed|document|documents|documented|outline|outlines|outlined|warn|warns|warned|identify|identifies|identified|record|records|recorded|point\\s+to|points\\s+to|pointed\\s+to|highlight|highlights|highlighted|blame|blames|blamed|mention|mentions|mentioned|acknowledge|acknowledges|acknowledged|predict|predicts|predicted|project|projects|projected|flag|flags|flagged|count|counts|counted|depict|depicts|depicted|disclose|discloses|disclosed|add|adds|added|paint|paints|painted|lay\\s+out|lays\\s+out|laid\\s+out';
// The document as the subject of a finding, an aside maybe between ("The report, dated March 2024, found").
const FINDING_AFTER = new RegExp(
  `(?<![\\p{L}])${REF}(?:\\s*,[^,.;!?]{1,120},)?\\s+(?:(?:also|further|additionally|repeatedly|do|does|did)\\s+){0,2}(?:not\\s+)?(?:${VERBS})(?![\\p{L}])`,
  'giu',
);
// The document as where a finding is ("According to the report", "In the emails", "as detailed in the records").
const FINDING_IN = new RegExp(
  `(?<![\\p{L}])(?:according\\s+to|in|per|under|(?:as\\s+)?(?:described|detailed|listed|cited|recorded|shown|outlined)\\s+in)\\s+${REF}`,
  'giu',
);
// Another document of a noun: "a separate report", "the state's own report", "another audit".
const OTHER_DOC = new RegExp(
  `(?<![\\p{L}])(?:an?|another|separate|second|earlier|previous|[\\p{L}.]+['’]s(?:\\s+own)?|its\\s+own|their\\s+own)\\s+(?:[\\p{L}-]+\\s+){0,2}?(${NOUNS})(?![\\p{L}-])`,
  'giu',
);
// A clause turning to another source within a sentence ("…, but the county said").
const TURN = /\b(?:but|while|whereas|although|though|however|yet)\b|;/i;
// Words one of which every document pattern holds (no Unicode classes): most paragraphs are read no further.
const HINT =
  /record|document|file|paper|mail|message|letter|memo|report|audit|minutes|notes|data|log|filing|contract|invoice|receipt|transcript|recording|footage|spreadsheet|draft|assessment|evaluation|correspondence|communications|complaint|tape|presentation|slides|inspection|review|analysis|stud|investigation|budget|plan|proposal|agreement|settlement|chart|photo|image|video|text/i;

/** A document noun as compared: lower case, singular ("emails" → "email", "memoranda" → "memo"). */
function family(noun: string): string {
  const n = noun
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^e-mail/, 'email');
  if (n === 'memoranda' || n === 'memorandum') return 'memo';
  if (n === 'studies') return 'study';
  if (n === 'text messages' || n === 'texts') return 'message';
  if (/(?:minutes|data|footage|correspondence|communications|analysis|slides)$/.test(n)) return n;
  return n.replace(/s$/, '');
}

/** The document nouns of a text, as family gives them. */
function nounsIn(text: string): Set<string> {
  const nouns = new Set<string>();
  DOC_NOUN.lastIndex = 0;
  for (let m = DOC_NOUN.exec(text); m; m = DOC_NOUN.exec(text)) nouns.add(family(m[1]));
  return nouns;
}

/** True when a noun named again is one of the documents obtained (or stands for any of them). */
const isObtained = (noun: string, docs: ReadonlySet<string>): boolean =>
  docs.has(family(noun)) || GENERIC.has(family(noun));

/** The findings of the obtained documents a paragraph names: each match's span and words. */
function findingsIn(t: string, docs: ReadonlySet<string>): Array<{ at: number; end: number; words: string }> {
  const found: Array<{ at: number; end: number; words: string }> = [];
  for (const re of [FINDING_AFTER, FINDING_IN]) {
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t))
      if (isObtained(m[1], docs))
        found.push({ at: m.index, end: m.index + m[0].length, words: m[0].replace(/\s+/g, ' ').trim() });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The families of the obtained documents a paragraph names as other documents ("a separate report"). */
function otherDocuments(t: string, docs: ReadonlySet<string>): string[] {
  const other: string[] = [];
  OTHER_DOC.lastIndex = 0;
  for (let m = OTHER_DOC.exec(t); m; m = OTHER_DOC.exec(t)) if (docs.has(family(m[1]))) other.push(family(m[1]));
  return other;
}

/**
 * The findings of a paragraph going on with the obtained documents: each attribution in a
 * sentence naming one of their findings; undefined when it names none or another source speaks.
 */
function goesOn(block: Block, t: string, docs: ReadonlySet<string>): string[] | undefined {
  const found = findingsIn(t, docs);
  if (found.length === 0) return undefined;
  const ranges = sentenceRanges(block.text);
  const said = (block.evidence ?? []).filter((e: ClaimEvidence) => e.signal === 'attribution');
  // Each attribution is the finding's words, or comes after it in its sentence with no other
  // clause between ("In the emails, the director warned"; not "…, but the county said").
  const theirs = (at: number): boolean =>
    found.some(
      (f) =>
        at >= f.at &&
        (at < f.end || (sentenceIndex(ranges, f.at) === sentenceIndex(ranges, at) && !TURN.test(t.slice(f.end, at)))),
    );
  for (const e of said) if (!theirs(block.text.indexOf(e.text))) return undefined;
  return found.slice(0, 3).map((f) => f.words);
}

/** Marks the paragraphs going on with a document the outlet obtained (see the module's comment). */
export function settleObtainedDocuments(blocks: readonly Block[], reader: ObtainedReader): void {
  // The documents obtained so far (their nouns' families), and the paragraph saying so.
  let docs = new Set<string>();
  let source: number | undefined;
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') continue;
    if (!HINT.test(block.text)) continue;
    const t = reader.plain(block);
    const ranges = sentenceRanges(block.text);
    const nouns = new Set<string>();
    for (const at of reader.obtained(block)) {
      const [from, to] = ranges[sentenceIndex(ranges, at)];
      for (const n of nounsIn(t.slice(from, to))) nouns.add(n);
    }
    if (nouns.size > 0) {
      docs = nouns;
      source = block.index;
      continue;
    }
    if (source === undefined) continue;
    // Another document of the same noun, or one linked: the obtained one's run ends.
    const other = otherDocuments(t, docs);
    if (other.length > 0 || (block.signals.includes('citation') && findingsIn(t, docs).length > 0)) {
      for (const n of other) docs.delete(n);
      if (other.length === 0 || docs.size === 0) {
        docs = new Set();
        source = undefined;
      }
      continue;
    }
    if (block.firsthand !== undefined || !reader.isUncited(block) || reader.namesOther(block)) continue;
    const words = goesOn(block, t, docs);
    if (words !== undefined) block.firsthand = { words, block: source };
  }
}
