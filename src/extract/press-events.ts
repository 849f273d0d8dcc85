import type { Block } from '../types.js';
import { MAX_EVIDENCE, unquoted } from './signals.js';
import { officialsFacts } from './press-event-facts.js';
import { ofHostOffice, openingSpeaker } from './event-speakers.js';
import { sentenceIndex, sentenceRanges } from './sentences.js';

/**
 * A story covering a press event (bench/claims-labelling.md, `firsthand`): "Reyes told reporters
 * at a news conference Tuesday", "speaking to reporters on Air Force One", "said at a briefing",
 * "in a speech", "during a hearing". When its first paragraphs name such an event, unlinked and
 * not reported second-hand ("told reporters, according to Reuters", "the AP reported", a link on
 * the event's words, a footnote or source line on its paragraph), the outlet was there: the
 * speakers at the event speak to it, and their later "said" paragraphs through the story are the
 * outlet's own reporting, as are "officials"/"police"/"authorities" when they are the ones the
 * event's sentence has speaking. A speaker not at the event ("said Matt Moore", "an official
 * said"), a speaker's words placed at another time ("Last December, Reyes said", "has long
 * said", "in a 2019 interview"), and a paragraph naming another outlet's reporting stay claims.
 * Read by settleFirsthand (firsthand.ts); published in the README ("Claim signals").
 */

/** Paragraphs at a story's start where its event is looked for (its lead). */
const LEAD_BLOCKS = 6;
/** Events of a paragraph read, of each pattern (more name no more speakers). */
const MAX_EVENTS = 4;
/** Characters before a speech verb where the time of the speech is looked for ("Last December, Reyes said"). */
const WHEN_BEFORE_VERB = 300;

// Speaking to the press ("told reporters", "speaking to journalists", "telling the media").
const TO_PRESS =
  /\b(?:(?:told|tells|tell|telling)\s+|(?:speaking|spoke|speaks|talking|talked|talks)\s+(?:to|with)\s+)(?:(?:a\s+(?:group|gaggle|crowd|room)\s+of\s+)|(?:a\s+few\s+|several\s+|waiting\s+|gathered\s+|visiting\s+|traveling\s+|travelling\s+))?(?:reporters|journalists|the\s+(?:news\s+)?(?:press|media))\b/giu;
// At an event the press attends ("at a news conference Tuesday", "during Tuesday's briefing", "in a speech").
const AT_EVENT =
  /\b(?:at|during|in|after|before)\s+(?:an?|the|his|her|their|its|\p{Lu}\p{Ll}+day['’]s|this\s+(?:morning|afternoon|evening)['’]s)\s+(?:(?:hastily|hastily-called|hastily-arranged|called|arranged|scheduled|brief|short|joint|televised|live|weekly|daily|regular|afternoon|morning|evening|late-night|virtual|impromptu|emotional|fiery|combative|campaign|congressional|committee|public|official|formal|midday|news|press|media)\s+){0,3}(?:news\s+conference|press\s+conference|press\s+briefing|news\s+briefing|media\s+briefing|briefing|press\s+availability|press\s+event|media\s+availability|gaggle|hearing|rally|speech|address|town\s+hall|town-hall\s+meeting|campaign\s+stop|remarks)\b/giu;

// Words one of which each event pattern holds: most paragraphs are read no further.
const EVENT_HINT =
  /reporters|journalists|press|media|conference|briefing|gaggle|hearing|rally|speech|address|town|campaign|remarks/;

// A speaker's words placed at another time or in another medium than the event.
const ELSEWHERE =
  /\b(?:(?:last|this\s+past|earlier\s+this|in|since|back\s+in)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|fall|autumn|winter|year|month)|(?:in|since)\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d|(?:years?|months?|decades?|weeks?)\s+(?:ago|earlier|before)|last\s+(?:week|month|year)|previously|has\s+(?:long\s+|repeatedly\s+|often\s+|since\s+|also\s+)?said|had\s+(?:long\s+|repeatedly\s+|previously\s+|earlier\s+|once\s+)?said|once\s+said|in\s+(?:an?|his|her|their|its)\s+(?:[\p{L}\d-]+\s+){0,2}?(?:interview|op-ed|statement|post|tweet|letter|book|memoir|podcast|essay|column|filing|testimony))\b/iu;

/** Characters after a speech verb where the time of the speech is looked for ("said last year"). */
const WHEN_AFTER_VERB = 24;

/**
 * True when the words of an attribution (`evidence`, in `text`; `t` the text unquoted, `ranges`
 * its sentences) are placed at another time or in another medium, said before its verb or right
 * after ("Last December, Reyes said", "Reyes said in 2019", "in a 2019 interview, she said"); a
 * later date is what was said ("said she would not run in 2020"). Read for a press event's
 * speakers and for the later words of someone who spoke to the outlet (firsthand.ts).
 */
export function saidElsewhere(
  text: string,
  t: string,
  ranges: ReadonlyArray<[number, number]>,
  evidence: string,
): boolean {
  const at = text.indexOf(evidence);
  const [from, to] = ranges[sentenceIndex(ranges, Math.max(0, at))];
  const start = Math.max(from, at - WHEN_BEFORE_VERB);
  return ELSEWHERE.test(t.slice(start, Math.min(to, Math.max(at, 0) + evidence.length + WHEN_AFTER_VERB)));
}

/** Last words of a speaker's attribution ("Reyes said", "she told"). */
const SPEECH_VERBS = new Set(
  'said says added adds told tells explained explains noted notes argued argues insisted insists continued continues recalled recalls replied replies responded responds answered answers acknowledged acknowledges urged urges declared declares stressed stresses warned warns conceded concedes admitted admits asked asks announced announces'.split(
    ' ',
  ),
);
// A sentence opening with the name of the one holding the event ("Reyes held a news conference", "Mayor Dana Reyes was joined by …").
const EVENT_HOST =
  /^\s*(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}?(\p{Lu}[\p{L}'’-]+)\s+(?:was\s+joined|held|hosted|called|convened|gave|opened|led)\b/u;
/** Words standing for a speaker already named. */
const PRONOUNS = new Set(['he', 'she', 'they']);
/** Words before the verb that leave its subject the sentence's earlier one ("… Grenell but added"). */
const JOINERS = new Set(['and', 'but', 'also', 'then', 'later', 'earlier', 'again']);
/** Groups that speak at an event as one ("police said at a news conference"): speakers when the event's sentence has them speak. */
const GROUPS = new Set(
  'police authorities officials investigators prosecutors officers firefighters deputies troopers agents detectives'.split(
    ' ',
  ),
);
// A person's role before the name ("President Trump", "Mayor Dana Reyes", "Sen. Ortiz"): "the president" stands for them.
const ROLE_NAME =
  /\b(President|Mayor|Governor|Attorney\s+General|Gov\.|Senator|Sen\.|Representative|Rep\.|Sheriff|Chief|Commissioner|Secretary|Judge|Prosecutor|Superintendent|Minister|Chancellor|Speaker|Premier|Councilman|Councilwoman|Councilmember|Director)\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}(\p{Lu}[\p{L}'’-]+)/gu;
const ROLE_WORDS: Record<string, string> = { 'gov.': 'governor', 'sen.': 'senator', 'rep.': 'representative' };
// A capitalised run as a subject writes it, honorifics and initials inside ("Ms. Haley", "Nikki R. Haley").
const NAME_RUN = /(\p{Lu}[\p{L}.'’-]*)(?:\s+\p{Lu}[\p{L}.'’-]*)*\s*$/u;
// The name right after an inverted verb ("…,” said Matt Moore").
const NAME_AFTER = /^\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}?(\p{Lu}[\p{L}'’-]+)(?![\p{L}])/u;

/** The surname of a capitalised run: its last word, without a possessive. */
const surname = (run: string): string => {
  const words = run.trim().split(/\s+/);
  return words[words.length - 1].replace(/['’]s$/u, '').replace(/\.$/, '');
};

/**
 * The subject of a verb at `at` in `t` with nothing before it in the attribution: the name after
 * an inverted verb after a quote or comma ("…,” said Matt Moore"), else the name right before,
 * through one appositive ("Nikki R. Haley, said"; "Ms. Haley, who has long been seen …, said").
 */
function subjectAt(t: string, at: number, end: number): string | undefined {
  const before = t.slice(Math.max(0, at - 200), at);
  if (/[,”"’]\s*$/.test(before)) {
    const after = NAME_AFTER.exec(t.slice(end, end + 60));
    if (after) return after[1].replace(/['’]s$/u, '');
  }
  let head = before.replace(/\s+$/, '');
  if (head.endsWith(',')) {
    head = head.slice(0, -1);
    const comma = head.lastIndexOf(',');
    const segment = head.slice(comma + 1).trim();
    if (/^\p{Lu}/u.test(segment) && NAME_RUN.exec(segment)?.index === 0) return surname(segment);
    if (comma < 0) return undefined;
    head = head.slice(0, comma);
  }
  const run = NAME_RUN.exec(head);
  return run ? surname(run[0]) : undefined;
}

/** Who an attribution's words have speaking: a name or word, a pronoun, or the sentence's earlier subject (`joined`). */
function subjectOf(evidence: string, text: string): { who?: string; joined?: boolean } | undefined {
  const words = evidence.split(/\s+/);
  if (!SPEECH_VERBS.has(words[words.length - 1].toLowerCase())) return undefined;
  if (words.length >= 2) {
    const word = words[words.length - 2];
    if (JOINERS.has(word.toLowerCase())) return { joined: true };
    return { who: word.replace(/['’]s$/u, '') };
  }
  const at = text.indexOf(evidence);
  if (at < 0) return undefined;
  const who = subjectAt(text, at, at + evidence.length);
  return who === undefined ? undefined : { who };
}

/**
 * Where the first events a paragraph names start in its unquoted text (MAX_EVENTS of each
 * pattern: more in one paragraph name no more speakers, and each costs a look around it).
 */
function eventsIn(t: string): Array<[number, number]> {
  if (!EVENT_HINT.test(t)) return [];
  const found: Array<[number, number]> = [];
  for (const re of [TO_PRESS, AT_EVENT]) {
    re.lastIndex = 0;
    let n = 0;
    for (let m = re.exec(t); m && n < MAX_EVENTS; m = re.exec(t), n++) found.push([m.index, m.index + m[0].length]);
  }
  return found;
}

/**
 * Where the paragraph's own links stand in its text: each link's words looked for after the
 * last one found, as they come in order (one pass, however many links). An image's or a
 * frame's link (--include-media) is not: its "words" are its alt text, not in the paragraph,
 * and each search for one ran to the text's end (review36 F3: 8,000 images in a 330 KB
 * paragraph, 11.3 s of CPU against 0.8 s).
 */
function linkPositions(block: Block): number[] {
  const at: number[] = [];
  let from = 0;
  for (const c of block.citations) {
    if (c.via !== undefined || c.anchorText === '' || c.origin === 'img' || c.origin === 'iframe') continue;
    const i = block.text.indexOf(c.anchorText, from);
    if (i < 0) continue;
    at.push(i);
    from = i + c.anchorText.length;
  }
  return at;
}

/** What settlePressEvents needs of firsthand.ts: the outlet's view of a paragraph. */
export interface PressEventReader {
  /** True for a paragraph CLAIM_UNCITED would flag. */
  isUncited(block: Block): boolean;
  /** True when a paragraph names another outlet's reporting ("told CNN", "according to Reuters"). */
  namesOther(block: Block): boolean;
  /** A paragraph's text outside its quotes, what the user's `firsthandIgnore` matches blanked (same length). */
  plain(block: Block): string;
}

/**
 * Marks the paragraphs of the speakers at a press event the story covers firsthand
 * (Block.firsthand, pointing at the paragraph where the event is named); see the top of this file.
 */
export function settlePressEvents(blocks: readonly Block[], reader: PressEventReader): void {
  let event: number | undefined;
  let lead = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    if (lead++ >= LEAD_BLOCKS) break;
    if (reader.namesOther(block)) return;
    if (event === undefined && ownEvents(block, reader).length > 0) event = block.index;
  }
  if (event === undefined) return;
  // The speakers at the story's events (surnames, or group nouns in lower case), anywhere in the story.
  const speakers = new Set<string>();
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    const sentences = ownEvents(block, reader);
    if (sentences.length === 0 || reader.namesOther(block)) continue;
    for (const sentence of sentences) for (const who of speakersOf(block, sentence)) speakers.add(who);
  }
  if (speakers.size === 0) return;
  const roles = rolesOf(blocks, speakers);
  // An officials' event (a speaker holds an office, or police or officials speak as one): its plain facts are theirs.
  const officials = roles.size > 0 || [...speakers].some((w) => GROUPS.has(w));
  let previous = false;
  // Officials of the host's office named speaking in the story ("Jake Frith, special agent for the attorney general's office, said").
  const staff = new Set<string>();
  for (const block of blocks) {
    const open = block.firsthand === undefined && reader.isUncited(block);
    let heard: string[] | undefined = open ? fromEvent(block, speakers, roles, staff, previous) : undefined;
    if (heard === undefined && open && officials) heard = officialsFacts(block);
    // The event's own paragraph, reporting no one's words: the outlet's account of the event.
    if (heard === undefined && open && block.index === event && !block.signals.includes('attribution'))
      heard = eventsIn(reader.plain(block))
        .slice(0, 1)
        .map(([from, to]) => reader.plain(block).slice(from, to));
    if (heard !== undefined && reader.namesOther(block)) heard = undefined;
    if (heard !== undefined) block.firsthand = { words: heard, block: event };
    previous = heard !== undefined;
  }
}

/**
 * The sentences of a paragraph naming a press event of the story's own, in no quote: none when
 * one carries a link of its own, or the paragraph a footnote or source line (another's report of it).
 */
function ownEvents(block: Block, reader: Pick<PressEventReader, 'plain'>): string[] {
  // What the user's firsthandIgnore matches names no event: text it matches never makes a paragraph firsthand.
  const t = reader.plain(block);
  const events = eventsIn(t);
  if (events.length === 0) return [];
  if ((block.credits ?? []).some((c) => c.via !== 'quote-intro')) return [];
  const ranges = sentenceRanges(block.text);
  const links = linkPositions(block);
  const seen = new Set<number>();
  const sentences: string[] = [];
  for (const [at, end] of events) {
    const s = sentenceIndex(ranges, at);
    if (seen.has(s)) continue;
    seen.add(s);
    const [from, to] = ranges[s];
    if (links.some((l) => l >= from && l < to)) return [];
    // An event of another time ("In a speech last year, …") is not the story's.
    if (ELSEWHERE.test(t.slice(Math.max(from, at - WHEN_BEFORE_VERB), Math.min(to, end + WHEN_AFTER_VERB)))) continue;
    sentences.push(block.text.slice(from, to));
  }
  return sentences;
}

/** The speakers of an event's sentence: the subjects of its speech ("Reyes told reporters", "…, Mr. Trump said"). */
function speakersOf(block: Block, sentence: string): string[] {
  const t = unquoted(sentence);
  const out: string[] = [];
  const add = (who: string | undefined): void => {
    // A name, or a group speaking as one; never the listeners ("to reporters said").
    if (who === undefined || !(/^\p{Lu}/u.test(who) || GROUPS.has(who))) return;
    if (PRONOUNS.has(who.toLowerCase())) return;
    out.push(GROUPS.has(who.toLowerCase()) ? who.toLowerCase() : who);
  };
  for (const e of block.evidence ?? []) {
    if (e.signal === 'attribution' && sentence.includes(e.text)) add(subjectOf(e.text, t)?.who);
  }
  TO_PRESS.lastIndex = 0;
  let n = 0;
  for (let m = TO_PRESS.exec(t); m && n < MAX_EVENTS; m = TO_PRESS.exec(t), n++)
    add(subjectAt(t, m.index, m.index + m[0].length));
  // The one the sentence has holding the event ("Strange was joined by … at a news conference").
  const host = EVENT_HOST.exec(t);
  if (host) add(surname(host[1]));
  return out;
}

/** The roles the story gives its speakers ("president" of "President Trump"), which stand for them ("the president said"). */
function rolesOf(blocks: readonly Block[], speakers: ReadonlySet<string>): Set<string> {
  const roles = new Set<string>();
  for (const block of blocks) {
    if (!/[A-Z][a-z]*\.? [A-Z]/.test(block.text)) continue;
    ROLE_NAME.lastIndex = 0;
    for (let m = ROLE_NAME.exec(block.text); m; m = ROLE_NAME.exec(block.text)) {
      if (!speakers.has(m[2].replace(/['’]s$/u, ''))) continue;
      const role = m[1].toLowerCase();
      roles.add(ROLE_WORDS[role] ?? role);
    }
  }
  return roles;
}

/**
 * The attributions of a paragraph when each is a speaker at the event speaking (a surname, a
 * role, a group of the event's; a pronoun or a joined verb beside one or right after their
 * paragraph), none placed at another time; undefined otherwise.
 */
function fromEvent(
  block: Block,
  speakers: ReadonlySet<string>,
  roles: ReadonlySet<string>,
  staff: Set<string>,
  previous: boolean,
): string[] | undefined {
  const said = (block.evidence ?? []).filter((e) => e.signal === 'attribution');
  if (said.length === 0) return undefined;
  const t = unquoted(block.text);
  const ranges = sentenceRanges(block.text);
  let named = false;
  let loose = false;
  const hired: string[] = [];
  for (const e of said) {
    const subject = subjectOf(e.text, t);
    if (subject === undefined) return undefined;
    if (saidElsewhere(block.text, t, ranges, e.text)) return undefined;
    const who = subject.who;
    if (subject.joined || (who !== undefined && PRONOUNS.has(who.toLowerCase()))) loose = true;
    else if (
      who !== undefined &&
      (speakers.has(who) || speakers.has(who.toLowerCase()) || roles.has(who.toLowerCase()) || staff.has(who))
    )
      named = true;
    else if (who !== undefined && /^\p{Lu}/u.test(who) && ofHostOffice(t, t.indexOf(e.text), who, roles)) {
      hired.push(who);
      named = true;
    } else return undefined;
  }
  // A pronoun speaks for the speaker right before, or for the one its paragraph opens with ("Yellen called that … she said").
  const opener = loose && !previous ? (openingSpeaker(t, speakers) ?? openingSpeaker(t, staff)) : undefined;
  if (!named && !(loose && (previous || opener !== undefined))) return undefined;
  for (const who of hired) staff.add(who);
  return said.slice(0, MAX_EVIDENCE).map((e) => e.text);
}
