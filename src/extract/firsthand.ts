import type { ClaimRules } from '../config/claim-config.js';
import type { Block, ClaimEvidence, ClaimSignal } from '../types.js';
import { retellsOtherInterview } from './retold-interview.js';
import { bylineNames } from '../sources/outlet-names.js';
import { BELIEF_VERBS, INSTITUTION_NOUNS, NAME_STOPWORDS } from './claim-rules.js';
import { byGroup, describedPerson, groupSpeaks, interviewedGroups, otherVenue } from './interviewed-groups.js';
import { settleObtainedDocuments } from './obtained-documents.js';
import { settleOwnSurvey } from './own-survey.js';
import { saidElsewhere, settlePressEvents } from './press-events.js';
import { settleCeremony } from './ceremonies.js';
import { settleOwnFigures } from './own-figures.js';
import { settleSceneSpeech } from './scene-speech.js';
import { sentenceIndex, sentenceRanges } from './sentences.js';
import { MAX_EVIDENCE, unquoted } from './signals.js';

/**
 * Firsthand reporting (bench/claims-labelling.md, `firsthand`): a claim whose source is the
 * writer or the outlet itself — said to them ("told The Coastal Times", "told me", "said in an
 * interview", "speaking to Global Wire", "reached by phone"), their own analysis, survey or
 * documents ("a Ledger analysis found", "documents reviewed by Global Wire", "our survey"), what
 * they reported or saw ("The Ledger first reported", "KRNW crews saw"), a source who spoke to
 * them on condition of anonymity, a conversation of the writer's ("I asked the clerk, and she
 * said …"). An editor asks no link for it: such a paragraph is not CLAIM_UNCITED, and says why
 * (`Block.firsthand`). The outlet is the page's (its site names, its host: outletOf) and the
 * config's (`claims.outletNames`), and on an aggregator the story's provider (its byline, author
 * meta, JSON-LD provider: sources/outlet-names.ts; a byline line opening the story: withByline);
 * what was told to another outlet ("told Reuters" on a page of The Coastal Times) stays someone
 * else's report. A story framed as the outlet's interview, a Q&A's answers and a company's
 * announcement of its own product on its own site are firsthand too (settleFirsthand), as are the
 * findings of a document the outlet obtained (obtained-documents.ts). Read outside quotation marks: a quote's "I
 * told CNN" is the speaker's. The rules are published in the README ("Claim signals").
 */

/** The writer's own outlet, as the page and the config name it. */
export interface Outlet {
  /** Its names as nameKey gives them ("coastaltimes"), with their short forms ("times" of "The Coastal Times"). */
  keys: ReadonlySet<string>;
  /** The registrable labels of its hosts ("nytimes" of www.nytimes.com, "bbc" of news.bbc.co.uk). */
  labels: readonly string[];
}

/** An outlet known by no name and no host: only the writer's own words ("told me", "our survey") are firsthand. */
/**
 * Groups the outlet says it interviewed kept for a post's later paragraphs: each is looked for in
 * every one of them, so a post naming another group in each paragraph would cost paragraphs ×
 * groups (a story names a few; the first ones are kept).
 */
const MAX_GROUPS = 20;

const NO_OUTLET: Outlet = Object.freeze({ keys: new Set<string>(), labels: [] });

/**
 * Last words of a newspaper's or magazine's name, which it goes by alone ("The Times" for The
 * Coastal Times, "the Gazette" for the Riverside Gazette).
 */
export const PAPER_WORDS: ReadonlySet<string> = new Set(
  'times post journal globe herald tribune guardian telegraph independent chronicle star sun observer examiner inquirer gazette register bee economist atlantic ledger courier mail mirror express record news-journal dispatch enquirer sentinel standard press bulletin courant reporter review monitor advocate daily citizen leader argus beacon eagle'.split(
    ' ',
  ),
);
/** Words of a site's name it is also known without ("BBC News" is "the BBC"). */
const OPTIONAL_NAME_WORDS = new Set(['the', 'news', 'online', 'magazine', 'newspaper', 'digital', 'blog']);
/** What a host's label may add to the outlet's name ("apnews" for the Associated Press, "nbcnews"). */
const LABEL_SUFFIXES = ['news', 'online', 'daily', 'media', 'tv', 'uk', 'us', 'mag'];
/** Hosts of many sites, each a subdomain ("jo.github.io", "jo.wordpress.com"): the subdomain names the site. */
const HOSTING = new Set(
  'github gitlab wordpress blogspot blogger medium substack netlify vercel tumblr wixsite squarespace herokuapp ghost typepad livejournal hashnode bearblog neocities'.split(
    ' ',
  ),
);
/** Second-level labels under a country's domain ("co" of bbc.co.uk): the label before them names the site. */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'go']);

/** A name as compared: lower case, letters and digits only, without "the" before it or "'s" after it. */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/^the\s+/u, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The label of a host that names its site ("nytimes" of www.nytimes.com, "bbc" of news.bbc.co.uk). */
function hostLabel(host: string): string | undefined {
  const parts = host
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.');
  if (parts.length < 2) return undefined;
  const secondLevel =
    parts.length >= 3 && parts[parts.length - 1].length === 2 && SECOND_LEVEL.has(parts[parts.length - 2]);
  let at = parts.length - (secondLevel ? 3 : 2);
  if (HOSTING.has(parts[at])) at--;
  const label = parts[at];
  return label !== undefined && label.length >= 2 ? label : undefined;
}

/** The outlet of a post: the names its page gives (Post.outletNames), the config's, its hosts' labels. */
export function outletOf(names: readonly string[], hosts: readonly string[]): Outlet {
  if (names.length === 0 && hosts.length === 0) return NO_OUTLET;
  const keys = new Set<string>();
  for (const name of names) addNameKeys(keys, name);
  const labels = [...new Set(hosts.map(hostLabel).filter((l): l is string => l !== undefined))];
  return { keys, labels };
}

/** Adds a name's keys: the name's, and its short forms ("The Coastal Times" is "the Times"; "BBC News" is "the BBC"). */
function addNameKeys(keys: Set<string>, name: string): void {
  const key = nameKey(name);
  if (key === '') return;
  keys.add(key);
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1].toLowerCase();
  if (words.length >= 2 && PAPER_WORDS.has(last)) keys.add(last);
  const kept = words.filter((w) => !OPTIONAL_NAME_WORDS.has(w.toLowerCase()));
  if (kept.length > 0 && kept.length < words.length) keys.add(nameKey(kept.join(' ')));
  // A newspaper of three words or more by its initials ("the L.A. Times", "the NYT", "WSJ").
  const own = words.filter((w) => w.toLowerCase() !== 'the');
  if (own.length >= 3 && PAPER_WORDS.has(last) && own.every((w) => /^\p{L}/u.test(w))) {
    const initials = own.map((w) => w[0].toLowerCase());
    keys.add(initials.join(''));
    keys.add(`${initials.slice(0, -1).join('')}${last}`);
  }
}

/** Blocks at a post's start looked at for its byline. */
const BYLINE_BLOCKS = 6;
// A byline in the story's text: "By Jane Alvarez, ABC News", "By Maria Lund | The Associated Press".
const BYLINE = /^\s*by:?\s+\p{Lu}/iu;

/**
 * The outlet with the names of the byline opening the story ("By Jane Alvarez, ABC News"): on an
 * aggregator's page the story is the providing outlet's, and what was told to it is firsthand.
 */
function withByline(blocks: readonly Block[], outlet: Outlet): Outlet {
  let keys: Set<string> | undefined;
  for (let i = 0; i < blocks.length && i < BYLINE_BLOCKS; i++) {
    const b = blocks[i];
    // A line, not a sentence opening with "By" ("By June the ministry had recorded 40 cases.").
    if (b.kind !== 'paragraph' || !BYLINE.test(b.text) || /[.!?]\s*$/.test(b.text) || b.text.split(/\s+/).length > 12)
      continue;
    for (const name of bylineNames(b.text)) addNameKeys((keys ??= new Set(outlet.keys)), name);
  }
  return keys === undefined ? outlet : { keys, labels: outlet.labels };
}

/**
 * True when a name's words spell a host's label, each word whole or by its initial, in order
 * ("New York Times" → "nytimes", "Wall Street Journal" → "wsj", "Global Wire" → "globalwire"),
 * "the" and "news" optional, the label maybe opening with "the" or ending in "news"; at least
 * one word whole (three letters or more) or two initials.
 */
function spellsLabel(words: readonly string[], label: string): boolean {
  const bases = new Set<string>();
  for (const l of label.startsWith('the') ? [label, label.slice(3)] : [label]) {
    bases.add(l);
    for (const suffix of LABEL_SUFFIXES)
      if (l.endsWith(suffix) && l.length > suffix.length) bases.add(l.slice(0, -suffix.length));
  }
  const fits = (base: string, i: number, at: number, whole: number, initials: number): boolean => {
    if (i === words.length) return at === base.length && (whole > 0 || initials >= 2);
    const w = words[i];
    if (OPTIONAL_NAME_WORDS.has(w) && fits(base, i + 1, at, whole, initials)) return true;
    if (base.startsWith(w, at) && fits(base, i + 1, at + w.length, whole + (w.length >= 3 ? 1 : 0), initials))
      return true;
    return w.length > 1 && base[at] === w[0] && fits(base, i + 1, at + 1, whole, initials + 1);
  };
  for (const base of bases) if (fits(base, 0, 0, 0, 0)) return true;
  return false;
}

/** The words of a name as spellsLabel reads them: lower case, letters and digits only. */
const labelWords = (name: string): string[] =>
  name
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .split(/[\s-]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w !== '');

/**
 * True when `name` is the outlet's: one of its names or their short forms, a name its host's
 * label spells ("The New York Times" on nytimes.com), or "the" and a newspaper's last word its
 * label ends with ("the Times" on latimes.com).
 */
function isOutlet(name: string, outlet: Outlet): boolean {
  const key = nameKey(name);
  if (key === '') return false;
  if (outlet.keys.has(key)) return true;
  if (outlet.labels.length === 0) return false;
  const words = labelWords(name);
  if (words.length === 0 || words.length > 6) return false;
  const single = words.filter((w) => w !== 'the');
  for (const label of outlet.labels) {
    if (spellsLabel(words, label)) return true;
    if (single.length === 1 && PAPER_WORDS.has(single[0]) && label.endsWith(single[0])) return true;
  }
  return false;
}

/**
 * True when a name opens with the outlet's and goes on with a brand of its own ("BBC Verify",
 * "CNN International", "New York Times Opinion"): the outlet's name an acronym ("BBC") or two
 * words or more, never a plain word ("the Atlantic Council" on a page of The Atlantic, "the Post
 * Office" on a page of the Post).
 */
function isOutletBrand(name: string, outlet: Outlet): boolean {
  const words = name.replace(/^the\s+/i, '').split(/\s+/);
  if (words.length < 2 || words.length > MAX_NAME_WORDS) return false;
  for (let n = words.length - 1; n >= 1; n--) {
    const prefix = words.slice(0, n);
    const acronym = n === 1 && /^\p{Lu}{2,}$/u.test(prefix[0]);
    if ((acronym || n >= 2) && isOutlet(prefix.join(' '), outlet)) return true;
  }
  return false;
}

// A name as a story writes it: capitalised words, maybe "the" before them, "of"/"and"/"&" between.
const NAME_AT =
  /(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}\p{N}&.'’-]*|\p{N}+\p{L}[\p{L}\p{N}]*)(?:\s+(?:(?:of|and|&|de|for)\s+)?(?:\p{Lu}[\p{L}\p{N}&.'’-]*))*/uy;
/** The writer or the outlet without a name: "me", "us", "this newspaper", "this reporter". */
const OWN_REFERENCE =
  /(?:me|us|this\s+(?:newspaper|paper|publication|magazine|website|site|outlet|reporter|correspondent|writer|author|columnist|station|network|programme|program|broadcaster|newsroom|podcast|show|blog))\b/iy;
/** Words naming no outlet that open a capitalised run ("Monday", "Mr"). */
const NOT_OUTLET_WORDS = NAME_STOPWORDS;
// Most words of a capitalised run read as a name.
const MAX_NAME_WORDS = 6;

/** Who a phrase names: the outlet (or the writer), someone else, or nobody it can tell. */
type Who = 'own' | 'other' | undefined;

/**
 * Who is named at `at` ("told ___"): "me", "us", "this newspaper" or the outlet's name (its
 * longest run of capitalised words that is, up to a possessive: "CNN's Jake Tapper") is the
 * outlet; another capitalised name is someone else; lower case ("reporters") is nobody's.
 */
function whoAt(t: string, at: number, outlet: Outlet): { who: Who; end: number } {
  let i = at;
  while (t[i] === ' ') i++;
  OWN_REFERENCE.lastIndex = i;
  const own = OWN_REFERENCE.exec(t);
  if (own) return { who: 'own', end: i + own[0].length };
  NAME_AT.lastIndex = i;
  const m = NAME_AT.exec(t);
  if (!m) return { who: undefined, end: i };
  const words = m[0].split(/\s+/).slice(0, MAX_NAME_WORDS);
  // Up to a possessive: "CNN's Jake Tapper" is CNN's.
  const possessive = words.findIndex((w) => /['’]s$/u.test(w));
  const run = possessive >= 0 ? words.slice(0, possessive + 1) : words;
  // The longest first words that are the outlet's ("CNN Tuesday", "The Times on").
  for (let n = run.length; n > 0; n--) {
    // A name going on with "of" is another's ("the Times of India" on a page of a "… Times").
    if (n < run.length && run[n] === 'of') continue;
    const name = run.slice(0, n).join(' ');
    if (isOutlet(name, outlet)) return { who: 'own', end: i + t.slice(i).indexOf(run[n - 1]) + run[n - 1].length };
  }
  const first = words[0].toLowerCase();
  if (words.length === 1 && NOT_OUTLET_WORDS.has(first.replace(/['’]s$/u, ''))) return { who: undefined, end: i };
  return { who: 'other', end: i + m[0].length };
}

/** The capitalised run ending right before `end` ("A Coastal Times" before " analysis"), and where it starts. */
function nameBefore(t: string, end: number): { name: string; start: number } | undefined {
  let i = end;
  while (i > 0 && t[i - 1] === ' ') i--;
  const stop = i;
  let start = i;
  let words = 0;
  while (words < MAX_NAME_WORDS) {
    let j = start;
    while (j > 0 && /[\p{L}\p{N}&.'’-]/u.test(t[j - 1])) j--;
    const word = t.slice(j, start);
    if (word === '' || !(/^[\p{Lu}\p{N}]/u.test(word) || (words > 0 && /^(?:of|and|&|the)$/i.test(word)))) break;
    start = j;
    words++;
    while (start > 0 && t[start - 1] === ' ') start--;
    if (start === j) break;
    // Back over the space only when another word of the run is there.
    const k = start;
    let w = k;
    while (w > 0 && /[\p{L}\p{N}&.'’-]/u.test(t[w - 1])) w--;
    const next = t.slice(w, k);
    if (!(/^[\p{Lu}\p{N}]/u.test(next) || /^(?:of|and|&|the)$/i.test(next))) {
      start = j;
      break;
    }
  }
  if (start === stop) return undefined;
  const name = t
    .slice(start, stop)
    .trim()
    .replace(/^(?:(?:a|an|the|this|new|one)\s+)+/i, '');
  return name === '' ? undefined : { name, start };
}

/**
 * Who is named right before `end` ("___ reported", "a ___ analysis"): "we", "I", "our", "my",
 * the outlet's name (the whole capitalised run, "a"/"the" aside: "A Coastal Times analysis", not
 * "a Financial Times analysis" on a page of The Coastal Times), someone else's, or nobody's.
 */
function whoBefore(t: string, end: number, outlet: Outlet): Who {
  const word = /([\p{L}'’]+)\s*$/u.exec(t.slice(Math.max(0, end - 30), end))?.[1];
  if (word !== undefined && /^(?:we|our|my)$/i.test(word)) return 'own';
  if (word === 'I') return 'own';
  const named = nameBefore(t, end);
  if (named === undefined) return undefined;
  if (isOutlet(named.name, outlet) || isOutletBrand(named.name, outlet)) return 'own';
  // A single word opening the sentence ("Documents", "Police") or a stopword ("Monday") names nobody.
  const opens = /(?:^|[.!?:;]["”’)]*)\s*$/.test(t.slice(Math.max(0, named.start - 3), named.start));
  if (NOT_OUTLET_WORDS.has(named.name.toLowerCase()) || (opens && !/\s/.test(named.name))) return undefined;
  return 'other';
}

/** A phrase of firsthand reporting, and who it names. */
interface Found {
  /** The words, as written. */
  words: string;
  /** Where they start in the text. */
  at: number;
  /** The outlet or the writer ('own'), or someone else ('other': it was told to another outlet). */
  who: 'own' | 'other';
}

// Said to someone ("told ___", "speaking to ___", "in a statement to ___", "obtained by ___").
const TO_WHOM =
  /\b(?:(?:told|tells|tell|telling)|(?:speaking|spoke|speaks|speak|talking|talked|talks|talk|writing|wrote|responding|replying|replied|responded|said|says|explained|complained|admitted|confided|mentioned|confirmed|insisted|conceded)\s+(?:to|with)|in\s+(?:an?|the|his|her|their|its)\s+(?:[\p{L}-]+\s+){0,2}?(?:statement|email|e-mail|message|text|letter|note|response|reply|comments?|remarks|answers?)\s+(?:sent\s+|provided\s+|given\s+|emailed\s+)?(?:to|for)|(?:obtained|reviewed|seen|viewed|analy[sz]ed|examined|compiled|collected|gathered|verified|confirmed|conducted|commissioned|carried\s+out|reached|contacted|asked|interviewed|surveyed|polled|counted|calculated|tallied|photographed|filmed)\s+by|(?:shared\s+with|provided\s+to|given\s+to|sent\s+to|shown\s+to|released\s+to|leaked\s+to|made\s+available\s+to|supplied\s+to|forwarded\s+to|passed\s+to|questions?\s+from|inquir(?:y|ies)\s+from|requests?\s+from)|(?:analysis|analyses|review|investigation|survey|poll|tally|count|calculations?|estimates?|reporting|research|study)\s+(?:by|from|for|conducted\s+by|commissioned\s+by|carried\s+out\s+by)|according\s+to)\s+/giu;

// Said on a programme or a platform ("speaking on BBC One's Sunday with Laura Kuenssberg", "said on
// ABC's This Week", "wrote on X"): on the outlet's own programme it was said to the outlet; on a
// social platform it was put out to everyone (ON_PLATFORM).
const ON_AIR =
  /\b(?:speaking|spoke|speaks|appearing|appeared|appears|said|says|explained|added|insisted|argued|warned|wrote|writes|writing|posted|posts|posting|interviewed)\s+on\s+/giu;
// Another's programme or station by its name ("Fox News Sunday", "CNN's State of the Union", "LBC Radio"), not a place ("Capitol Hill").
const ON_OTHER_AIR = /['’]s(?![\p{L}])|\b(?:News|Radio|TV|Television|Channel|Network|Podcast|Show|Live)\b/u;
/** Platforms where words are posted to everyone, first words as a story names them ("wrote on X", "posted on Truth Social"). */
const ON_PLATFORM = new Set(
  'x twitter facebook instagram tiktok youtube linkedin threads bluesky truth substack reddit telegram weibo mastodon snapchat'.split(
    ' ',
  ),
);

// An interview, maybe with whom after it ("in an interview", "in a phone interview with ___"); a
// broadcast's or a year's interview is none of the outlet's ("in a radio interview", "in a 2019 interview").
const INTERVIEW =
  /\b(?:in|during)\s+(?:(?:an?|the|his|her|their|one|several|separate|multiple|two|three|recent)\s+)?(?:(?:recent|brief|short|lengthy|long|wide-ranging|exclusive|separate|follow-up|phone|telephone|email|e-mail|emailed|written|in-person|sit-down|video|zoom|joint|rare|subsequent|later|earlier|previous|extensive|hour-long|\p{L}+-minute)\s+){0,2}interviews?\b/giu;
// An interview on the air or in another publication: someone else's ("in a radio interview", "in a 2019 interview").
const BROADCAST_INTERVIEW =
  /\b(?:in|during)\s+(?:an?|the|his|her|their)\s+(?:[\p{L}\d-]+\s+)?(?:radio|television|tv|televised|podcast|cable|broadcast|magazine|newspaper|\d{4})\s+interviews?\b/giu;
// What may follow an interview: with whom, on what, where published.
const INTERVIEW_WITH =
  /^\s*,?\s*(?:with|to|for|by|on|published\s+(?:by|in|on)|aired\s+(?:by|on)|broadcast\s+(?:by|on)|posted\s+(?:by|on)|released\s+by|given\s+to|conducted\s+by)\s+/i;
// The press or a broadcaster, in lower case, after "an interview with": another outlet.
const PRESS =
  /^(?:reporters?|journalists?|the\s+press|(?:an?\s+|the\s+)?(?:(?:local|national|state|regional|public|cable|morning|evening|weekly|daily|online|student)\s+)*(?:media|press|news|radio|television|tv|newspaper|paper|magazine|station|network|podcast|channel|outlet|broadcaster|show|programme|program|tabloid|blog|website)\b)/i;
// A day or a time after "on": when the interview was, not where ("in an interview on Tuesday").
const WHEN_AFTER_ON =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|the\s+phone|the\s+telephone|the\s+sidelines)\b/i;

// Said by email or phone with no one else named ("said in an email", "said by phone", "reached by telephone").
const BY_MESSAGE =
  /\b(?:(?:said|says|wrote|writes|added|explained|responded|replied|commented|confirmed|reached|contacted|speaking|spoke|interviewed|declined\s+to\s+comment)\s+(?:\S+\s+){0,2}?(?:in|by|over|via)\s+(?:an?\s+)?(?:emailed\s+|e-mailed\s+|brief\s+|short\s+)?(?:email|e-mail|text\s+message|text|phone\s+call|telephone\s+call|phone|telephone|cellphone))\b/gi;

// A statement by email with no one else named ("said in an emailed statement", "In an e-mailed
// response, the company said"): sent to the reporters who asked, the outlet's own correspondence,
// which has no page to link. A recipient after it ("… statement to Reuters") is TO_WHOM's; a
// statement with no medium ("said in a statement") was put out publicly and stays a claim.
const EMAILED_STATEMENT =
  /\b(?:in|via|by)\s+(?:an?|the|his|her|their|its)\s+(?:(?:brief|short|written|separate|later)\s+)?(?:e-?mailed|texted)\s+(?:statement|response|reply|comments?|remarks|answers?)\b/gi;
// What makes such a statement someone's to another (TO_WHOM reads whom: "… statement sent to the
// Ledger"); not "… response to questions", "to a request": the outlet's questions, answered.
const SENT_TO =
  /^\s*,?\s*(?:sent\s+|provided\s+|given\s+)?(?:to|for)\s(?!(?:(?:a|an|our|my|the)\s+)?(?:questions?|requests?|inquir(?:y|ies)|queries)\b)/i;

// An outlet or the writer doing its own reporting ("___ first reported", "___ has learned", "___ obtained",
// "___ spoke with four executives").
const DID =
  /\s+(?:has\s+|had\s+|have\s+)?(?:(?:first|previously|exclusively|also|earlier|separately|independently|originally)\s+)?(?:reported|learned|learnt|obtained|reviewed|analy[sz]ed|confirmed|revealed|verified|examined|counted|calculated|tallied|surveyed|polled|can\s+reveal|can\s+confirm|understands|has\s+seen|saw|witnessed|observed|watched|visited|found|interviewed|spoke\s+(?:with|to)|talked\s+(?:with|to))\b/gi;
// The writer as the subject right before a verb of DID.
const WRITER_BEFORE = /(?<![\p{L}'’])(I|[Ww]e)$/u;
// The outlet's people ("KRNW crews", "a Ledger reporter", "our correspondent") before DID.
const STAFF = /^(?:crews?|reporters?|journalists?|correspondents?|photographers?|staff|team|editors?|producers?)$/i;

// The outlet's own analysis, survey or test ("a Coastal Times analysis", "The Ledger's review", "our survey").
const OWN_WORK =
  /\s+(?:own\s+)?(?:(?:data|news|statistical|exclusive|new|recent|months-long|year-long)\s+)?(?:analysis|analyses|review|investigation|survey|poll|polling|tally|count|examination|calculations?|estimates?|database|tests?|testing|measurements?|audit|questionnaire|reporting)\b/gi;

// The outlet announcing its own work ("Orbit Maps today announced Pathfinder 3.0", "Harvest Labs has launched SoilSense").
const ANNOUNCED =
  /\s+(?:(?:has|have|had|is|are|was)\s+)?(?:(?:today|now|also|officially|just|this\s+week|on\s+\p{Lu}\p{Ll}+day)\s+)?(?:announced|announces|announcing|launched|launches|launching|released|releases|releasing|introduced|introduces|introducing|unveiled|unveils|unveiling|rolled\s+out|rolls\s+out|rolling\s+out|debuted|debuts|shipped|ships)\b/gu;
// Words one of which ANNOUNCED and OWN_ROLE hold (case-sensitive, no Unicode classes): most paragraphs are read no further.
const ANNOUNCE_HINT = /nnounc|aunch|eleas|ntroduc|nveil|olled out|olls out|olling out|ebut|hipped|ships/;
const ROLE_HINT =
  /xecutive|ounder|CEO|CTO|COO|CFO|ceo|resident|hair|irector|anager|ngineer|esigner|cientist|pokes|fficer|wner|ditor|head/;
// The outlet's own people, by their role after its possessive ("Orbit Maps’ chief executive", "our founder").
const OWN_ROLE =
  /(?:['’]s?|\b[Oo]ur)\s+(?:(?:chief|senior|lead|head|vice|deputy|executive|managing|co-?)\s*){0,2}(?:executive|founder|co-?founder|ceo|cto|coo|cfo|president|chair(?:man|woman)?|director|manager|engineer|designer|scientist|spokes(?:person|man|woman)|head|officer|owner|editor)\b/giu;

// A source who spoke to the outlet on condition of anonymity.
const ANONYMITY =
  /\b(?:(?:spoke|speaking|talked|talking)\s+(?:\S+\s+){0,3}?on\s+(?:the\s+)?condition\s+(?:of\s+anonymity|that\s+(?:he|she|they)\s+not\s+be\s+(?:named|identified))|(?:requested|asked\s+for|was\s+granted|were\s+granted|granted|insisted\s+on)\s+anonymity|who\s+(?:asked|requested)\s+not\s+to\s+be\s+(?:named|identified)|declined\s+to\s+be\s+(?:named|identified))\b/gi;

// The writer in a conversation: what was said back to them ("I asked the clerk, and she said …").
const CONVERSATION =
  /(?<![\p{L}'’])(?:I|[Ww]e)\s+(?:(?:also|then|later|first|once|had|have|just|finally)\s+)?(?:said\s+to|told|asked|called|phoned|rang|emailed|e-mailed|texted|messaged|wrote\s+to|spoke\s+(?:to|with)|talked\s+(?:to|with)|interviewed|met\s+with|sat\s+down\s+with|caught\s+up\s+with|reached)(?![\p{L}])/gu;

// The writer told, as a news writer says it: "we're told", "I'm told", "we were told by two officials",
// "I have been told"; not an instruction given ("I was told to wait", "we were told not to"), nor
// the public told, in the generic present ("We are told that crime rose, but …").
const TOLD_TO_WRITER =
  /(?<![\p{L}'’])(?:I|[Ww]e)(?:['’](?:m|re|ve\s+been)|\s+(?:am|are(?!\s+(?:\p{L}+\s+)?told\s+that\b)|was|were|have\s+been|had\s+been))\s+(?:(?:also|now|since|further|repeatedly|reliably)\s+)?told(?![\p{L}'’])(?!\s+(?:to|not)\b)/gu;
// The outlet's own sources speaking: "our sources say", "my sources tell me", "our law enforcement sources said".
const OWN_SOURCES =
  /(?<![\p{L}'’])(?:[Oo]ur|[Mm]y)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:sources?|insiders?|informants?|tipsters?)\s+(?:(?:also|have|had|now|still)\s+)?(?:say|says|said|tell|tells|told|confirm|confirms|confirmed|claim|claims|claimed|insist|insists|insisted|add|added|explain|explained|describe|described)(?![\p{L}'’])/gu;

// Words one of which every pattern above holds (no Unicode classes): most paragraphs have none
// and are read no further. Case-insensitive: a sentence opens with them too ("Asked by the BBC,
// …", "Reached by The Ledger, …", "Speaking on BBC One, …"), which a case-sensitive hint missed.
const HINT =
  /told|tell|speak|spoke|talk|said to|says to|interview|statement|email|e-mail|message|letter|remarks|comment|obtain|review|seen|viewed|analy|examin|compil|collect|gather|verif|confirm|conduct|commission|carried out|reach|contact|asked|survey|poll|count|calculat|tall|shared|provided|given to|sent to|shown to|released to|leaked to|available to|supplied|forwarded|passed to|question|inquir|request|report|research|study|according|phone|text|learn|reveal|understands|saw|witness|observ|watch|visit|found|test|measure|audit|estimate|investigat|anonymity|named|identified|ources|nsider|nformant|ipster|announc|launch|releas|introduc|unveil|roll|debut|ship|xecutive|ounder|CEO|CTO|COO|CFO|resident|hair|irector|anager|ngineer|esigner|cientist|spokes|fficer|wner|ditor|head|appear|[dsge] on |I |We /i;

/** Firsthand phrases of a text (already unquoted), and phrases naming another outlet, in text order. */
function phrases(t: string, outlet: Outlet, rules: ClaimRules | undefined): Found[] {
  const found: Found[] = [];
  const add = (at: number, end: number, who: Who): void => {
    if (who !== undefined)
      found.push({
        words: t
          .slice(at, end)
          .replace(/\s+/g, ' ')
          // From the run's first character only: a run of n costs n, not n² (from each of its characters).
          .replace(/(?<![\s.,;:])[\s.,;:]+$/, ''),
        at,
        who,
      });
  };
  if (rules?.firsthandWords !== undefined) {
    const re = rules.firsthandWords;
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) add(m.index, m.index + m[0].length, 'own');
  }
  if (!HINT.test(t)) return found;
  TO_WHOM.lastIndex = 0;
  for (let m = TO_WHOM.exec(t); m; m = TO_WHOM.exec(t)) {
    const end = m.index + m[0].length;
    const { who, end: whoEnd } = whoAt(t, end, outlet);
    add(m.index, whoEnd, who);
    TO_WHOM.lastIndex = Math.max(end, whoEnd);
  }
  ON_AIR.lastIndex = 0;
  for (let m = ON_AIR.exec(t); m; m = ON_AIR.exec(t)) {
    const end = m.index + m[0].length;
    const { who, end: whoEnd } = whoAt(t, end, outlet);
    // Only the outlet's programme or a platform: "on Tuesday", "on Capitol Hill", "on the phone"
    // are the time or the place (at a press event, the outlet's too: press-events.ts).
    const platform = /^(?:the\s+)?(\p{Lu}\p{L}*)/u.exec(t.slice(end, end + 30));
    if (who === 'own') add(m.index, whoEnd, who);
    else if (platform !== null && ON_PLATFORM.has(platform[1].toLowerCase()))
      add(m.index, end + platform[0].length, 'other');
    else if (who === 'other' && ON_OTHER_AIR.test(t.slice(end, whoEnd))) add(m.index, whoEnd, who);
    ON_AIR.lastIndex = Math.max(end, whoEnd);
  }
  BROADCAST_INTERVIEW.lastIndex = 0;
  for (let m = BROADCAST_INTERVIEW.exec(t); m; m = BROADCAST_INTERVIEW.exec(t))
    add(m.index, m.index + m[0].length, 'other');
  INTERVIEW.lastIndex = 0;
  for (let m = INTERVIEW.exec(t); m; m = INTERVIEW.exec(t)) {
    const end = m.index + m[0].length;
    const rest = t.slice(end, end + 120);
    const withWhom = INTERVIEW_WITH.exec(rest);
    if (withWhom === null) {
      add(m.index, end, 'own');
      continue;
    }
    const after = end + withWhom[0].length;
    if (/^on\b/i.test(withWhom[0].trim().replace(/^,\s*/, '')) && WHEN_AFTER_ON.test(t.slice(after, after + 20))) {
      add(m.index, end, 'own');
      continue;
    }
    const { who, end: whoEnd } = whoAt(t, after, outlet);
    // Interviews with people ("in interviews with dozens of residents") are the outlet's; with the
    // press or a station ("with reporters", "with a local radio station") someone else's.
    if (who !== undefined) add(m.index, whoEnd, who);
    else if (PRESS.test(t.slice(after, after + 40))) add(m.index, whoEnd, 'other');
    else add(m.index, end, 'own');
  }
  BY_MESSAGE.lastIndex = 0;
  for (let m = BY_MESSAGE.exec(t); m; m = BY_MESSAGE.exec(t)) {
    const end = m.index + m[0].length;
    const to = /^\s+(?:to|with|from)\s+/i.exec(t.slice(end, end + 10));
    if (to === null) add(m.index, end, 'own');
    else add(m.index, whoAt(t, end + to[0].length, outlet).end, whoAt(t, end + to[0].length, outlet).who ?? 'other');
  }
  EMAILED_STATEMENT.lastIndex = 0;
  for (let m = EMAILED_STATEMENT.exec(t); m; m = EMAILED_STATEMENT.exec(t)) {
    const end = m.index + m[0].length;
    if (!SENT_TO.test(t.slice(end, end + 20))) add(m.index, end, 'own');
  }
  DID.lastIndex = 0;
  for (let m = DID.exec(t); m; m = DID.exec(t)) {
    const end = m.index + m[0].length;
    // "Documents reviewed by …": a passive, TO_WHOM's.
    if (/^\s+by\b/.test(t.slice(end, end + 4))) continue;
    const staff = /([\p{L}]+)$/u.exec(t.slice(Math.max(0, m.index - 20), m.index))?.[1];
    if (staff !== undefined && STAFF.test(staff)) {
      const before = m.index - staff.length;
      const who = /\b(?:our|this)\s*$/i.test(t.slice(Math.max(0, before - 6), before))
        ? 'own'
        : whoBefore(t, before, outlet);
      if (who === 'own') add(nameBefore(t, before)?.start ?? before, end, who);
      continue;
    }
    // The writer's own reporting ("as we reported", "I counted"); not what they learned or saw
    // from others ("I learned that …", "I saw that …": HEARSAY's reports).
    const writer = WRITER_BEFORE.exec(t.slice(Math.max(0, m.index - 8), m.index));
    if (writer !== null) {
      if (!/learn|understands|can\s/i.test(m[0]) && !/^\s+that\b/i.test(t.slice(end, end + 6)))
        add(m.index - writer[1].length, end, 'own');
      continue;
    }
    const who = whoBefore(t, m.index, outlet);
    // "found" and "saw" are everyone's verbs: only the outlet's count, never against it.
    if (who === 'own') add(nameBefore(t, m.index)?.start ?? m.index, end, who);
    else if (who === 'other' && /reported|learn|obtained|reviewed|can\s|understands|has\s+seen/i.test(m[0]))
      add(nameBefore(t, m.index)?.start ?? m.index, end, who);
  }
  ANNOUNCED.lastIndex = 0;
  for (let m = ANNOUNCE_HINT.test(t) ? ANNOUNCED.exec(t) : null; m; m = ANNOUNCED.exec(t)) {
    // Only the outlet's own announcements: another's ("Rival RouteKit launched") is no phrase of either.
    if (whoBefore(t, m.index, outlet) !== 'own') continue;
    add(nameBefore(t, m.index)?.start ?? Math.max(0, m.index - 4), m.index + m[0].length, 'own');
  }
  OWN_ROLE.lastIndex = 0;
  for (let m = ROLE_HINT.test(t) ? OWN_ROLE.exec(t) : null; m; m = OWN_ROLE.exec(t)) {
    const our = /^our/i.test(m[0]);
    if (!our && whoBefore(t, m.index, outlet) !== 'own') continue;
    add(our ? m.index : (nameBefore(t, m.index)?.start ?? m.index), m.index + m[0].length, 'own');
  }
  OWN_WORK.lastIndex = 0;
  for (let m = OWN_WORK.exec(t); m; m = OWN_WORK.exec(t)) {
    if (whoBefore(t, m.index, outlet) !== 'own') continue;
    const named = nameBefore(t, m.index);
    add(named?.start ?? Math.max(0, m.index - 4), m.index + m[0].length, 'own');
  }
  ANONYMITY.lastIndex = 0;
  for (let m = ANONYMITY.exec(t); m; m = ANONYMITY.exec(t)) add(m.index, m.index + m[0].length, 'own');
  CONVERSATION.lastIndex = 0;
  for (let m = CONVERSATION.exec(t); m; m = CONVERSATION.exec(t)) add(m.index, m.index + m[0].length, 'own');
  TOLD_TO_WRITER.lastIndex = 0;
  for (let m = TOLD_TO_WRITER.exec(t); m; m = TOLD_TO_WRITER.exec(t)) add(m.index, m.index + m[0].length, 'own');
  OWN_SOURCES.lastIndex = 0;
  for (let m = OWN_SOURCES.exec(t); m; m = OWN_SOURCES.exec(t)) add(m.index, m.index + m[0].length, 'own');
  return found.sort((a, b) => a.at - b.at);
}

/** Signals a paragraph is CLAIM_UNCITED for, when nothing cites it. */
const UNCITED_SIGNALS: ReadonlySet<ClaimSignal> = new Set(['quote', 'number', 'attribution', 'statement', 'causal']);
/** Blocks that are no claim paragraphs, or are never flagged. */
const NOT_PARAGRAPHS = new Set(['heading', 'table-cell', 'footnote', 'source-line', 'reference', 'figcaption']);
// Speech verbs in the present, a feature's tense for its interviews ("says Ruiz", "she recalls"),
// and in the past, news's tense for what was said anywhere ("Ruiz said").
const PRESENT_SPEECH = new Set(
  'says adds explains recalls notes insists continues remembers recounts admits reveals jokes quips concedes confesses muses laughs'.split(
    ' ',
  ),
);
const PAST_SPEECH = new Set(
  'said added explained recalled noted insisted continued remembered recounted admitted revealed joked quipped conceded confessed mused laughed'.split(
    ' ',
  ),
);
/**
 * Verbs of a speaker's later words ("Reyes said", "she added"): the speech verbs of both tenses
 * and "argues", "wrote", which do not tell a feature's tense. Made from the two lists, so that a
 * verb added there is added here (3a4585a added eight verbs to both by hand).
 */
const SPEECH_VERBS: ReadonlySet<string> = new Set([
  ...PRESENT_SPEECH,
  ...PAST_SPEECH,
  'argued',
  'argues',
  'wrote',
  'writes',
]);
/** "I " or "we ": what a conversation of the writer's needs, looked for without a regex (most paragraphs have neither). */
const mayBeWriters = (text: string): boolean => text.includes('I ') || text.includes('we ') || text.includes('We ');
/** Pronouns that stand for the speaker of the paragraph right before. */
const PRONOUNS = new Set(['he', 'she', 'they']);
// Capitalised words outside quotes: the names of a firsthand sentence's speakers.
const CAPITALISED = /(?<![\p{L}'’])\p{Lu}[\p{L}'’-]+/gu;

/** What a paragraph's firsthand reporting is: its words, and the people it names (who spoke to the outlet). */
interface Own {
  words: string[];
  speakers: string[];
  /** The group nouns of the people it says the outlet interviewed ("executives": interviewed-groups.ts). */
  groups: string[];
  /** True when one of them is a group of people interviewed, not only unnamed sources. */
  interviewed: boolean;
}

/** The text with the matches of the user's firsthandIgnore patterns blanked (same length). */
function ignoring(t: string, rules: ClaimRules | undefined): string {
  let out = t;
  for (const re of rules?.firsthandIgnore ?? []) {
    re.lastIndex = 0;
    out = out.replace(re, (m) => ' '.repeat(m.length));
  }
  return out;
}

/**
 * The firsthand reporting of a paragraph, if it is firsthand: a sentence holds a phrase of the
 * outlet's or the writer's and names no other outlet ("told Reuters", "according to CNN"), and
 * every attribution outside such sentences is one of their speakers speaking ("Reyes said").
 */
function ownReporting(
  block: Block,
  outlet: Outlet,
  rules: ClaimRules | undefined,
  known: readonly string[],
): Own | undefined {
  const text = block.text;
  const t = ignoring(unquoted(text), rules);
  const found = phrases(t, outlet, rules);
  if (!found.some((f) => f.who === 'own')) return undefined;
  const ranges = sentenceRanges(text);
  const own = new Map<number, Found[]>();
  const other = new Set<number>();
  for (const f of found) {
    const s = sentenceIndex(ranges, f.at);
    if (f.who === 'other') other.add(s);
    else {
      // Appended in place: a copy per phrase made a paragraph of repeated phrases quadratic.
      const list = own.get(s);
      if (list === undefined) own.set(s, [f]);
      else list.push(f);
    }
  }
  for (const s of other) own.delete(s);
  if (own.size === 0) return undefined;
  // The people the firsthand sentences name, but for the outlet's own name.
  const speakers: string[] = [];
  const words: string[] = [];
  for (const [s, list] of own) {
    const [from, to] = ranges[s];
    const outletWords = new Set(list.flatMap((f) => f.words.split(/\s+/)));
    const sentence = t.slice(from, to);
    const bodies = institutionWords(sentence);
    for (const m of sentence.matchAll(CAPITALISED)) {
      const name = m[0].replace(/['’]s$/u, '');
      if (!outletWords.has(m[0]) && !NAME_STOPWORDS.has(name.toLowerCase()) && !bodies.has(name)) speakers.push(name);
    }
    for (const f of list) if (words.length < MAX_EVIDENCE && !words.includes(f.words)) words.push(f.words);
  }
  const groups = interviewedGroups(t, [...own.values()].flat());
  const heard = [...known, ...groups.nouns];
  // An attribution elsewhere in the paragraph is someone else's report, unless a speaker of them
  // speaks on, or the group the outlet interviewed speaks in its sentence ("These executives all said …").
  for (const e of block.evidence ?? []) {
    if (e.signal !== 'attribution') continue;
    const at = text.indexOf(e.text);
    if (at < 0 || own.has(sentenceIndex(ranges, at))) continue;
    if (speaks(e.text, new Set(speakers), true) || byGroup(e.text, block, heard)) continue;
    const [from, to] = ranges[sentenceIndex(ranges, at)];
    if (!groupSpeaks(t.slice(from, to), heard)) return undefined;
  }
  return { words, speakers, groups: groups.nouns, interviewed: groups.people };
}

/** True when an attribution's words are a speaker's speech ("Reyes said"; "she said" when `pronoun`). */
function speaks(evidence: string, speakers: ReadonlySet<string>, pronoun: boolean): boolean {
  const words = evidence.split(/\s+/);
  if (words.length < 2 || !SPEECH_VERBS.has(words[words.length - 1].toLowerCase())) return false;
  const subject = words[words.length - 2];
  return speakers.has(subject) || (pronoun && PRONOUNS.has(subject.toLowerCase()));
}

/** True for a block CLAIM_UNCITED would flag: a claim paragraph with a signal of its words, no link and no credit. */
function isUncited(block: Block): boolean {
  if (NOT_PARAGRAPHS.has(block.kind) || block.signals.includes('citation') || (block.credits ?? []).length > 0)
    return false;
  return block.signals.some((s) => UNCITED_SIGNALS.has(s));
}

/** True when a paragraph opens with a quotation mark: the words of the speaker before, when no one else is named. */
const OPENS_WITH_QUOTE = /^\s*[“"«]/;

/**
 * The later words of someone who spoke to the outlet: every attribution is a speech verb of one
 * of its speakers so far ("Reyes said"), or of a pronoun right after their paragraph ("she
 * said"); a paragraph of quotes with no attribution right after theirs continues it. Nothing of
 * another outlet named.
 */
function continues(
  block: Block,
  speakers: ReadonlyMap<string, number>,
  previous: (Own & { block: number }) | undefined,
  outlet: Outlet,
  rules: ClaimRules | undefined,
): { words: string[]; block: number } | undefined {
  if (speakers.size === 0 && previous === undefined) return undefined;
  const said = (block.evidence ?? []).filter((e) => e.signal === 'attribution');
  const near = previous !== undefined ? new Set(previous.speakers) : new Set<string>();
  let source: number | undefined;
  if (said.length === 0) {
    if (previous === undefined || !block.signals.includes('quote') || !OPENS_WITH_QUOTE.test(block.text))
      return undefined;
    source = previous.block;
  }
  for (const e of said) {
    const words = e.text.split(/\s+/);
    const subject = words[words.length - 2];
    if (speaks(e.text, new Set(speakers.keys()), false)) source ??= speakers.get(subject);
    else if (previous !== undefined && speaks(e.text, near, true)) source ??= previous.block;
    else return undefined;
  }
  if (source === undefined) return undefined;
  // "Duarte told the BBC": to another outlet, whoever it is; "wrote on X", "Last year, Duarte
  // said", "said in a statement": to everyone, or at another time.
  if (phrases(ignoring(unquoted(block.text), rules), outlet, rules).some((f) => f.who === 'other')) return undefined;
  if (placedElsewhere(block, said)) return undefined;
  return { words: said.length > 0 ? said.slice(0, MAX_EVIDENCE).map((e) => e.text) : [], block: source };
}

/**
 * True when a paragraph places its attributions' words at another time or in a venue of their own
 * ("Last year, Reyes said", "Reyes said in 2019", "said in a statement", "in testimony"): not the
 * words a speaker gave the outlet, though the speaker gave it others.
 */
function placedElsewhere(block: Block, said: readonly ClaimEvidence[]): boolean {
  if (otherVenue(block.text)) return true;
  const t = unquoted(block.text);
  const ranges = sentenceRanges(block.text);
  return said.some((e) => saidElsewhere(block.text, t, ranges, e.text));
}

/**
 * Marks the firsthand paragraphs of a post (Block.firsthand), which CLAIM_UNCITED passes over:
 * the ones reporting firsthand themselves, and the later words of the people who spoke to the
 * outlet in them. Runs after the credits: a cited paragraph needs no mark.
 */
export function settleFirsthand(blocks: readonly Block[], pageOutlet: Outlet, rules: ClaimRules | undefined): void {
  const outlet = withByline(blocks, pageOutlet);
  // The people who spoke to the outlet so far, by the block where they did.
  const speakers = new Map<string, number>();
  let previous: (Own & { block: number }) | undefined;
  // The story framed as the outlet's interview: its interviewee's names, and the block saying so.
  let frame: Frame | undefined;
  // The outlet's announcement of its own product: the block, and the names of what it announced.
  let announced: Announcement | undefined;
  // A question-and-answer story: the answers are the interviewee's words to the outlet.
  const qa = isQuestionAndAnswer(blocks);
  // A feature telling its interviews in the present ("“…,” says Ruiz"): see presentTenseFeature.
  const feature = presentTenseFeature(blocks) && !retellsOtherInterview(blocks);
  let answering = false;
  // The groups the outlet says it interviewed ("executives"), and the first block saying so.
  const groups: string[] = [];
  let groupBlock: number | undefined;
  // The outlet says it interviewed a group of people ("tax experts interviewed by …"), not only unnamed sources.
  let interviewedPeople = false;
  for (const block of blocks) {
    const question = qa && isQuestion(block);
    if (question || block.kind === 'heading') answering = question;
    if (block.kind === 'heading') {
      previous = undefined;
      continue;
    }
    const uncited = isUncited(block);
    if (qa && uncited && !question && (answering || ANSWER.test(block.text)) && !namesOther(block, outlet, rules)) {
      block.firsthand = { words: [ANSWER_WORDS] };
      continue;
    }
    // A paragraph of no claim may still be a conversation the next one goes on with ("I told my
    // husband …"): only the writer's words are looked for there (a cited paragraph's quotes are
    // its link's: credits.ts).
    const own =
      uncited || (block.kind === 'paragraph' && mayBeWriters(block.text))
        ? ownReporting(block, outlet, rules, groups)
        : undefined;
    if (own !== undefined) {
      if (uncited) block.firsthand = { words: own.words };
      if (frame === undefined && own.words.some((w) => INTERVIEW_FRAME.test(w))) frame = frameOf(block, own.words);
      if (announced === undefined && own.words.some((w) => ANNOUNCE_WORD.test(w)))
        announced = announcementOf(block, own.words);
      for (const name of own.speakers) if (!speakers.has(name)) speakers.set(name, block.index);
      for (const g of own.groups) if (groups.length < MAX_GROUPS && !groups.includes(g)) groups.push(g);
      if (own.groups.length > 0) groupBlock ??= block.index;
      interviewedPeople ||= own.interviewed;
      previous = { ...own, block: block.index };
      continue;
    }
    const carried = uncited ? continues(block, speakers, previous, outlet, rules) : undefined;
    if (carried !== undefined) {
      block.firsthand = carried;
      const subjects = carried.words.map((w) => w.split(/\s+/).slice(-2)[0]).filter((w) => speakers.has(w));
      previous = {
        words: carried.words,
        speakers: subjects.length > 0 ? subjects : (previous?.speakers ?? []),
        groups: [],
        interviewed: false,
        block: carried.block,
      };
      continue;
    }
    const framed = uncited && frame !== undefined ? interviewed(block, frame, speakers, outlet, rules) : undefined;
    if (framed !== undefined) {
      block.firsthand = framed;
      continue;
    }
    const grouped =
      uncited && groupBlock !== undefined
        ? fromGroup(block, groups, interviewedPeople, groupBlock, outlet, rules)
        : undefined;
    if (grouped !== undefined) {
      block.firsthand = grouped;
      // "They said" right after goes on with the group.
      previous = { words: grouped.words, speakers: [], groups: [], interviewed: false, block: grouped.block };
      continue;
    }
    const told = uncited && feature ? toldInPresent(block, outlet, rules) : undefined;
    if (told !== undefined) {
      block.firsthand = told;
      continue;
    }
    const product = uncited && announced !== undefined ? aboutProduct(block, announced) : undefined;
    if (product !== undefined) {
      block.firsthand = product;
      continue;
    }
    previous = undefined;
  }
  // A story covering a press event: its speakers there spoke to the outlet (press-events.ts).
  const plain = (b: Block): string => ignoring(unquoted(b.text), rules);
  settlePressEvents(blocks, { isUncited, namesOther: (b) => namesOther(b, outlet, rules), plain });
  // A story covering an awards ceremony from its dateline: its results and remarks (ceremonies.ts).
  settleCeremony(blocks, { isUncited, namesOther: (b) => namesOther(b, outlet, rules), plain });
  // A story reporting the outlet's own survey: its respondents answered the outlet (own-survey.ts).
  const reader = {
    isUncited,
    namesOther: (b: Block) => namesOther(b, outlet, rules),
    isOutletName: (n: string) => isOutlet(n, outlet),
    plain,
  };
  settleOwnSurvey(blocks, reader);
  // An organisation's own figures, in a post its people write as "we" (own-figures.ts).
  // The words heard in a scene the writer narrates in the first person present (scene-speech.ts).
  settleSceneSpeech(blocks, reader);
  settleOwnFigures(blocks, {
    ...reader,
    isOrganisation: (n) => outlet.labels.some((label) => spellsLabel(labelWords(n), label)),
  });
  // A document the outlet obtained: its findings through the story are its own (obtained-documents.ts).
  settleObtainedDocuments(blocks, {
    isUncited,
    namesOther: (b) => namesOther(b, outlet, rules),
    plain,
    obtained: (b) => obtainedAt(b, outlet, rules),
  });
}

// The outlet obtaining, reviewing or being given something ("obtained by The Times", "The BBC has
// seen", "released to the Los Angeles Times", "shared with ABC News"), among its firsthand phrases.
const OBTAINED =
  /obtained|reviewed|seen|viewed|examined|analy[sz]ed|(?:released|provided|given|shown|leaked|available|supplied|forwarded|passed|sent)\s+to|shared\s+with/i;
// Words one of which OBTAINED needs (most paragraphs have none).
const OBTAINED_HINT =
  /obtain|review|seen|viewed|examin|analy|released|provided|given|shown|leaked|available|supplied|forwarded|passed|sent|shared/i;

/** Where a paragraph says the outlet obtained something, in sentences naming no other outlet (ObtainedReader.obtained). */
function obtainedAt(block: Block, outlet: Outlet, rules: ClaimRules | undefined): number[] {
  if (!OBTAINED_HINT.test(block.text)) return [];
  const found = phrases(ignoring(unquoted(block.text), rules), outlet, rules);
  if (!found.some((f) => f.who === 'own' && OBTAINED.test(f.words))) return [];
  const ranges = sentenceRanges(block.text);
  const other = new Set(found.filter((f) => f.who === 'other').map((f) => sentenceIndex(ranges, f.at)));
  return found
    .filter((f) => f.who === 'own' && OBTAINED.test(f.words) && !other.has(sentenceIndex(ranges, f.at)))
    .map((f) => f.at);
}

// Fewest paragraphs of people speaking in the present that make a story a feature told so.
const FEATURE_MIN_PRESENT = 2;

/**
 * The tense of a paragraph's speech: `present` when every attribution is a person's speech verb
 * in the present ("Ruiz says", "“…,” says Haddad", "she adds"), `past` when one is in the past;
 * undefined when it reports no speech, or a body's or a thing's ("the council says", "the
 * study says": a statement, a document, not an interview). A belief told inside the speech ("says
 * she hopes") is the speech verb's. `quoteInParagraph`: a quote anywhere in the paragraph will do
 * for its speech, not only one beside the verb (see quotedSpeech).
 */
function speechTense(block: Block, quoteInParagraph = false): 'present' | 'past' | undefined {
  const said = (block.evidence ?? []).filter((e) => e.signal === 'attribution');
  if (said.length === 0) return undefined;
  let present = false;
  let quoted = false;
  for (const e of said) {
    const words = e.text.split(/\s+/);
    const verb = words[words.length - 1].toLowerCase();
    // A belief reported inside the speech ("Lawrence says she hopes …"): the speech verb's.
    if (BELIEF_VERBS.has(verb) && words.slice(0, -1).some((w) => SPEECH_VERBS.has(w.toLowerCase()))) continue;
    if (PAST_SPEECH.has(verb)) return 'past';
    if (!PRESENT_SPEECH.has(verb)) return undefined;
    const subject = speakerOf(e.text, block.text);
    if ((subject === undefined || !isPersonWord(subject)) && !describedSpeaker(e.text, block.text)) return undefined;
    present = true;
    quoted ||= quotedSpeech(e.text, block.text);
  }
  // Reported speech alone ("Musk says Tesla will launch …") is a news rewrite's as often as a
  // feature's: only a direct quote beside its speaker ("“…,” says Ruiz", "Ruiz says: “…”")
  // tells words the writer heard.
  // In a feature already told so, a paragraph of its present speech holding a quote anywhere
  // ("Lawrence says she hopes … “But they don't know …”") is the interview going on.
  return present && (quoted || (quoteInParagraph && block.signals.includes('quote'))) ? 'present' : undefined;
}

// A quote closing right before a speaker and its verb ("“…,” says Ruiz", "“…,” she adds"), or opening right after them ("Ruiz says: “…”").
const QUOTE_CLOSES_BEFORE = /["”’]\s*$/;
const QUOTE_OPENS_AFTER = /^\s*[,:]?\s*["“‘]/;

/** True when the attribution `evidence` of `text` stands beside a direct quote (see speechTense). */
function quotedSpeech(evidence: string, text: string): boolean {
  for (let at = text.indexOf(evidence); at >= 0; at = text.indexOf(evidence, at + 1)) {
    const end = at + evidence.length;
    const rest = /^\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?/u.exec(text.slice(end, end + 40))?.[0] ?? '';
    if (QUOTE_CLOSES_BEFORE.test(text.slice(Math.max(0, at - 4), at).replace(/[,\s]+$/, ''))) return true;
    if (
      QUOTE_OPENS_AFTER.test(text.slice(end, end + 6)) ||
      QUOTE_OPENS_AFTER.test(text.slice(end + rest.length, end + rest.length + 6))
    )
      return true;
  }
  return false;
}

// A name and what describes it, right before the verb: "Marco Ruiz, who runs the ferry, says".
const DESCRIBED_NAME = /\p{Lu}[\p{Ll}'’-]+,\s+(?:who|whose|a|an|the|\d+)\b[^.!?“”"]{0,120},\s*$/u;

/** True when a bare verb's speaker is a name described before it ("Marco Ruiz, who runs the ferry, says"). */
function describedSpeaker(evidence: string, text: string): boolean {
  const at = text.indexOf(evidence);
  return at > 0 && DESCRIBED_NAME.test(text.slice(Math.max(0, at - 160), at));
}

/** True for a word that can name a person speaking: he, she, they, or a capitalised name that is no body's noun. */
function isPersonWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (PRONOUNS.has(lower)) return true;
  return /^\p{Lu}\p{Ll}/u.test(word) && !NAME_STOPWORDS.has(lower) && !INSTITUTION_NOUNS.has(lower);
}

/**
 * True for a feature whose interviews are told in the present, as magazines and profiles write
 * the words their writer gathered ("“We had no charts,” says Halvorsen"; news writes "said" of
 * what was said anywhere): at least FEATURE_MIN_PRESENT paragraphs of people speaking in the
 * present, and more of them than in the past.
 */
function presentTenseFeature(blocks: readonly Block[]): boolean {
  let present = 0;
  let past = 0;
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') continue;
    const tense = speechTense(block);
    if (tense === 'present') present++;
    else if (tense === 'past') past++;
  }
  return present >= FEATURE_MIN_PRESENT && present > past;
}

/**
 * In a feature told in the present (presentTenseFeature), a paragraph of a person speaking in the
 * present is the writer's interview (bench/claims-labelling.md: firsthand when the story makes
 * clear the reporter was there), unless it names another outlet's reporting ("told the BBC").
 */
function toldInPresent(block: Block, outlet: Outlet, rules: ClaimRules | undefined): { words: string[] } | undefined {
  if (speechTense(block, true) !== 'present' || namesOther(block, outlet, rules)) return undefined;
  const said = (block.evidence ?? []).filter((e) => e.signal === 'attribution');
  return { words: said.slice(0, MAX_EVIDENCE).map((e) => e.text) };
}

/** The outlet's announcement of its own product (settleFirsthand). */
interface Announcement {
  /** The first words of the names it announced ("Pathfinder" of "announced Pathfinder 3.0"). */
  products: ReadonlySet<string>;
  /** The announcing paragraph's index. */
  block: number;
}

// The words of an announcement among a paragraph's firsthand words.
const ANNOUNCE_WORD =
  /announc|launch|releas|introduc|unveil|rolled\s+out|rolls\s+out|rolling\s+out|debut|shipped|ships/i;
// The name right after an announcing verb ("announced Pathfinder 3.0", "has launched SoilSense, …").
const ANNOUNCED_NAME = /^\s+(?:(?:the|its|a|an|our)\s+)?(?:(?:new|latest|first)\s+)?(\p{Lu}[\p{L}\p{N}]+)/u;
// The subject of a sentence about what was announced: "The new release", "Our latest update", "Its new app".
const NEW_THING = /^\s*(?:The|Our|Its|This)\s+(?:new|latest|updated|next)\s+[\p{L}-]+/u;
/** Signals a paragraph about the announced product may have: figures and statements, no one's words. */
const PRODUCT_SIGNALS: ReadonlySet<ClaimSignal> = new Set(['number', 'statement', 'causal']);

/** The announcement of a paragraph whose firsthand words announce: the names after its announcing words. */
function announcementOf(block: Block, words: readonly string[]): Announcement {
  const products = new Set<string>();
  for (const w of words) {
    if (!ANNOUNCE_WORD.test(w)) continue;
    const at = block.text.indexOf(w);
    const name = at < 0 ? undefined : ANNOUNCED_NAME.exec(block.text.slice(at + w.length, at + w.length + 80))?.[1];
    if (name !== undefined && !NAME_STOPWORDS.has(name.toLowerCase())) products.add(name);
  }
  return { products, block: block.index };
}

/**
 * A paragraph about what the outlet announced, after its announcement: it opens with the
 * product's name ("Pathfinder now has 2 million users") or with the new thing ("The new release
 * covers 120 countries"), and reports no one's words (a quote or an attribution is someone's).
 */
function aboutProduct(block: Block, announced: Announcement): { words: string[]; block: number } | undefined {
  if (block.kind !== 'paragraph' || !block.signals.every((sig) => PRODUCT_SIGNALS.has(sig))) return undefined;
  const first = /^\s*(\p{Lu}[\p{L}\p{N}]+)/u.exec(block.text)?.[1];
  const subject = first !== undefined && announced.products.has(first) ? first : NEW_THING.exec(block.text)?.[0].trim();
  return subject === undefined ? undefined : { words: [subject], block: announced.block };
}

/** A story framed as the outlet's interview (settleFirsthand). */
interface Frame {
  /** The names of the paragraph that frames it: the interviewee's among them. */
  names: ReadonlySet<string>;
  /** That paragraph's index. */
  block: number;
  /**
   * The writer's own meeting ("We sat down with her", "I spoke with the chef"): a profile, where
   * "she said" is the interviewee anywhere; in a news story's "said in an interview" only names are.
   */
  pronouns: boolean;
}

// Firsthand words that frame a story as the outlet's interview ("in an interview", "we sat down with", "I spoke with").
const INTERVIEW_FRAME = /interview|sat\s+down\s+with|caught\s+up\s+with|(?:spoke|talked|met)\s+(?:with|to)/i;

// A person's name as a story writes it: two or three capitalised words ("Marta Ruiz", "Mayor Dana Whitfield").
const PERSON_NAME = /(?<![\p{L}'’])\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}(?![\p{L}])/gu;

/**
 * The frame of a story from the paragraph that says it is an interview: the words of the
 * people's names it holds ("Marta", "Ruiz"), not an institution's ("the Department for Transport").
 */
function frameOf(block: Block, words: readonly string[]): Frame {
  const names = new Set<string>();
  const text = unquoted(block.text);
  const bodies = institutionWords(text);
  for (const m of text.matchAll(PERSON_NAME)) {
    const parts = m[0].split(/\s+/).map((w) => w.replace(/['’]s$/u, ''));
    if (parts.some((w) => bodies.has(w))) continue;
    for (const w of parts) if (!NAME_STOPWORDS.has(w.toLowerCase())) names.add(w);
  }
  return { names, block: block.index, pronouns: words.some((w) => WRITER_FRAME.test(w)) };
}

// A capitalised run, joiners inside ("Department for Transport", "Bank of England").
const CAPITALISED_RUN = /(?<![\p{L}'’])\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:of|for|and|&)\s+)?\p{Lu}[\p{L}'’-]+)*/gu;

/**
 * The words of the institutions a text names (a capitalised run holding "Department", "Council",
 * "Agency"…: "the Department for Transport"): no speaker's name, though capitalised.
 */
function institutionWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    const parts = m[0].split(/\s+/).map((w) => w.replace(/['’]s$/u, ''));
    if (parts.length > 1 && parts.some((w) => INSTITUTION_NOUNS.has(w.toLowerCase())))
      for (const w of parts) words.add(w);
  }
  return words;
}

// The writer's own meeting with the interviewee ("We sat down with", "I spoke with").
const WRITER_FRAME = /^(?:I|we)\s/i;

/** The subject of an attribution's words: "Ruiz" of "Ruiz says", and of "says" read on in the text ("says Ruiz"). */
function speakerOf(evidence: string, text: string): string | undefined {
  const words = evidence.split(/\s+/);
  const verb = words[words.length - 1].toLowerCase();
  if (!SPEECH_VERBS.has(verb)) return undefined;
  if (words.length >= 2) return words[words.length - 2];
  // "…,” says Haddad": the name right after the verb.
  const at = text.indexOf(evidence);
  return at < 0
    ? undefined
    : /^\s+(\p{L}[\p{L}'’-]*)/u.exec(text.slice(at + evidence.length, at + evidence.length + 40))?.[1];
}

/**
 * In a story framed as the outlet's interview, the interviewee's later words with a plain "said"
 * or "says" (bench/claims-labelling.md: a quote is firsthand when the story makes clear the
 * reporter was there): every attribution is a speech verb of a name of the framing paragraph, of
 * someone who spoke to the outlet, or of a pronoun ("she said"); nothing of another outlet named.
 */
function interviewed(
  block: Block,
  frame: Frame,
  speakers: ReadonlyMap<string, number>,
  outlet: Outlet,
  rules: ClaimRules | undefined,
): { words: string[]; block: number } | undefined {
  const said = (block.evidence ?? []).filter((e) => e.signal === 'attribution');
  if (said.length === 0) return undefined;
  for (const e of said) {
    const subject = speakerOf(e.text, block.text);
    if (subject === undefined) return undefined;
    const pronoun = frame.pronouns && PRONOUNS.has(subject.toLowerCase());
    if (!frame.names.has(subject) && !speakers.has(subject) && !pronoun) return undefined;
  }
  if (namesOther(block, outlet, rules) || placedElsewhere(block, said)) return undefined;
  return { words: said.slice(0, MAX_EVIDENCE).map((e) => e.text), block: frame.block };
}

/**
 * After the outlet says it interviewed a group ("CNBC spoke with four executives", "tax experts
 * interviewed by Bloomberg"), a paragraph whose every attribution is the group's ("the executives
 * said", "one executive complained", "according to tax experts") is their words to the outlet;
 * nothing of another outlet named.
 */
function fromGroup(
  block: Block,
  groups: readonly string[],
  people: boolean,
  source: number,
  outlet: Outlet,
  rules: ClaimRules | undefined,
): { words: string[]; block: number } | undefined {
  const said = (block.evidence ?? []).filter((e) => e.signal === 'attribution');
  const theirs = (e: ClaimEvidence): boolean =>
    byGroup(e.text, block, groups) || (people && describedPerson(e.text, block.text));
  if (said.length === 0 || !said.every(theirs) || otherVenue(block.text)) return undefined;
  if (namesOther(block, outlet, rules)) return undefined;
  return { words: said.slice(0, MAX_EVIDENCE).map((e) => e.text), block: source };
}

/** True when a block's words name another outlet's reporting ("told the BBC"). */
function namesOther(block: Block, outlet: Outlet, rules: ClaimRules | undefined): boolean {
  return phrases(ignoring(unquoted(block.text), rules), outlet, rules).some((f) => f.who === 'other');
}

// A question-and-answer story says so ("This interview has been edited for length and clarity", "Q&A").
const QA_NOTE =
  /\b(?:(?:edited|condensed)\s+(?:and\s+(?:edited|condensed)\s+)?for\s+(?:length|clarity|brevity|space)|Q\s?&\s?A\b|(?:interview|conversation)\s+has\s+been\s+(?:lightly\s+)?(?:edited|condensed))/i;
// A question marked as one ("Q: …", "Q. …"), and an answer ("A: …").
const QUESTION_MARK = /^\s*Q\s?[:.]\s/;
const ANSWER = /^\s*A\s?[:.]\s/;
/** The words a Q&A's answer is firsthand for. */
const ANSWER_WORDS = 'an answer in a Q&A';

/** True for a Q&A story: it says it is one, or marks two questions or more "Q:". */
function isQuestionAndAnswer(blocks: readonly Block[]): boolean {
  let marked = 0;
  for (const b of blocks) {
    const t = b.text;
    if ((t.includes('dited') || t.includes('ondensed') || t.includes('&')) && QA_NOTE.test(t)) return true;
    if (t.startsWith('Q') && QUESTION_MARK.test(t) && ++marked >= 2) return true;
  }
  return false;
}

/** A question of a Q&A: marked "Q:", or a heading or a short paragraph ending with a question mark. */
function isQuestion(block: Block): boolean {
  const t = block.text.trimEnd();
  if (QUESTION_MARK.test(t)) return true;
  return (block.kind === 'heading' || (block.kind === 'paragraph' && t.length <= 300)) && /\?["”’]?$/.test(t);
}
