import type { ClaimRules } from '../config/claim-config.js';

/**
 * The word lists and patterns behind the claim signals (signals.ts), in one place; the user's
 * additions come compiled from the config (`claims.*`, config/claim-config.ts). The rules are
 * published in the README ("Claim signals"); change both together.
 */

/** No additions. */
export const DEFAULT_CLAIM_RULES: ClaimRules = Object.freeze({ attributionIgnore: [], figureIgnore: [] });

/** A set of the space-separated words given: how every word list of the claim rules is written. */
export const set = (words: string): ReadonlySet<string> => new Set(words.split(' '));

/**
 * Reporting verbs: attribution when used for reporting (see the exceptions below), beside the
 * phrase "according to"; "coined" credits a term to someone ("a term coined by the media").
 */
export const REPORTING_VERBS = set(
  'said says say told tells stated states announced announces reported reports testified acknowledged acknowledges admitted admits asserted asserts insisted insists warned warns claimed claims claim argued argues confirmed confirms disclosed discloses revealed reveals reiterated reiterates wrote writes noted notes explained explains added estimated estimates estimate concluded concludes found finds showed shows shown suggested suggests predicted predicts boasted boasts conceded concedes complained complains alleged alleges contended contends declared declares vowed vows pledged pledges urged urges denied denies coined disagreed disagrees objected countered tweeted tweets determined determines adds stressed stresses emphasized emphasizes emphasised emphasises recalled recalls recounted recounts remembered remembers maintained maintains indicated indicates signaled signalled cautioned cautions remarked remarks mentioned mentions observed observes responded responds replied replies commented',
);

/**
 * Reporting verbs that have other uses ("recalled 2 million cars", "maintained the roads",
 * "observed the eclipse", "responded to the fire"): attribution only when what was said follows
 * ("that", a quote, a clause: "stressed the plan was safe") or a quote came before its speaker
 * ("“…,” she recalled"). News writing uses them as often as "said" for a person's words.
 */
export const CLAUSE_VERBS = set(
  'stressed stresses emphasized emphasizes emphasised emphasises recalled recalls recounted recounts remembered remembers maintained maintains indicated indicates signaled signalled cautioned cautions remarked remarks mentioned mentions observed observes responded responds replied replies commented',
);

/**
 * A reporting verb as a participle after a comma, what a speaker went on to say ("tore into
 * him, insinuating that …", "resigned on Monday, saying the board had failed", ", adding that
 * …"): an attribution when what was said follows (checked by the caller), as news writes it.
 */
export const REPORTING_PARTICIPLE =
  /,\s+(?:saying|adding|noting|arguing|claiming|insisting|warning|stressing|explaining|insinuating|asserting|alleging|declaring|acknowledging|admitting|conceding|predicting|complaining|contending|maintaining)\b/g;

/**
 * Adverbs that report what others say ("the company reportedly plans", "he allegedly took"): the
 * writer passes on a report or an accusation, which an editor wants sourced.
 */
// ("ostensibly" is not one: it means "seemingly", the writer's own view: "Ostensibly a comedy, …".)
export const HEARSAY_ADVERBS = /\b(?:reportedly|allegedly|purportedly|reputedly)\b/gi;

/**
 * Verbs of belief, hope and fear: someone's position when "that" follows ("the United States
 * hopes that", "it is feared that"), or when experts hold it ("economists expect a recession").
 */
export const BELIEF_VERBS = set(
  'believe believes believed hope hopes hoped expect expects fear fears feared suspect suspects suspected doubt doubts doubted think thinks thought',
);

/** Belief verbs too common in talk to report a position unless experts hold it ("my friends think that …"). */
export const TALK_BELIEF_VERBS = set('think thinks thought');

/** Subjects whose beliefs are reported positions ("analysts expect", "police suspect"). */
export const EXPERT_SUBJECTS = set(
  'economists analysts experts officials scientists researchers doctors physicians investors critics observers police authorities investigators prosecutors historians forecasters pollsters regulators',
);

/** Verbs of conceding, which also take a contest as object ("conceded defeat", "admitted the mistake"). */
export const CONCEDING = /^(?:conceded|concedes|admitted|admits)$/;

/** Reporting verbs that also name things (a report, the claims, TV shows): they need a speaker or "that". */
export const NOUN_LIKE = set('reports claims claim notes estimates estimate shows finds states tweets');

/**
 * "determined" reports a finding in the passive, an official's ("it was determined that", "the
 * cause was determined to be"), or with "that" or a clause ("investigators determined the fire
 * was set"); not a person's resolve ("she was determined to win", "a determined effort").
 */
export const FINDING_VERBS = set('determined determines');

/** "show" verbs report only data: the subject must be one of DATA_SUBJECTS, or "that" must follow. */
export const SHOW_VERBS = set('showed shows shown suggests suggested');

/** Subjects whose "shows"/"found" report evidence. */
export const DATA_SUBJECTS = set(
  'data study studies survey surveys research report reports analysis analyses poll polls figures statistics stats records evidence census audit audits review investigation experiment experiments trial trials paper papers documents footage filings results findings tests model models researchers scientists',
);

/**
 * Subjects that make a reporting verb mechanical: the post's own screenshots, software output
 * and pages ("the screenshot shows", "the error says", "this guide explains"), and its machines,
 * whose -er/-or would read as a person's ("The server crashed, warning that …", "the printer
 * says"). Capitalised after a first name, one of them is a surname ("Sarah Page said":
 * surname-subjects.ts).
 */
export const MECHANICAL_SUBJECTS = set(
  'it this that which these those screenshot screenshots image images picture pictures photo photos video videos map maps diagram diagrams figure figures table tables chart charts graph graphs output log logs message messages error errors warning screen page pages button buttons menu window dialog code function functions command commands build test tests sign signs label guide tutorial post manual docs documentation readme example examples demo app tool release version notes api spinner router modem indicator dashboard display server servers computer computers printer printers scanner scanners browser browsers compiler compilers processor processors sensor sensors detector detectors timer timers meter meters tracker trackers installer emulator simulator calculator',
);

/** "I" or "we" right after a reporting verb, closing its clause ("“It won't rise,” said I."): the writer speaking, inverted. */
export const WRITER_AFTER = /^\s+(?:I|[Ww]e)(?=\s*(?:[,.;:!?—–]|$))/;

/** Subject pronouns of the author or the reader: "I said I would", "we found a café", "you estimate". */
export const PERSONAL_SUBJECTS = set("i i've i'd i'll i'm we we've we'd we'll we're you you've you'd you'll let's");

/**
 * Words before a reporting verb that make it no one's report: the writer or the reader as its
 * subject (PERSONAL_SUBJECTS), an instruction or a hypothetical ("don't say", "to say", "would say").
 */
export const NO_SPEAKER_BEFORE: ReadonlySet<string> = new Set([
  ...PERSONAL_SUBJECTS,
  ...set("to don't don’t not never could would might"),
]);

/** Words between a subject and its verb that do not change who speaks ("I have always said"). */
export const FILLERS = set(
  "have has had 've 'd also then just already later once never always recently finally first only still even actually really probably again soon often sometimes previously earlier both all do did does not",
);

/**
 * Words right before a reporting verb (past the fillers) that make it no report: an infinitive
 * or a modal ("I should be able to just say", "the company could say", "afraid to say",
 * "declined to say"): nothing was said yet.
 */
export const UNREALISED = set('to can could would should might may must will shall cannot');

/** "and"/"or" right before a bare "say": a second verb of the same subject ("tap it and then say"). */
export const COORDINATORS = set('and or');

/** Negations among the words before a reporting verb: "officials did not say why" reports nothing said. */
export const NEGATIONS = set(
  "not never didn't don't doesn't hasn't haven't hadn't won't wouldn't couldn't can't isn't wasn't weren't aren't",
);

/**
 * What right after a reporting verb makes it no report: "about" with no number (a topic: "what
 * people say about your brand"), "there" (not opening a clause: "said there was") or "here" or
 * a reflexive ("a kitten they found there"),
 * a story told ("the release history tells a slightly different story").
 */
export const NOT_REPORTED_AFTER =
  /^\s+(?:about(?!\s+[$€£]?\d)|there\b(?!\s+(?:is|are|was|were|had|has|have|will|would|could|might|may|must|should)\b)|here\b|(?:him|her|it|them|my|our|your)sel(?:f|ves)\b|(?:a|the|another|its|their)\s+(?:[\p{L}-]+\s+){0,2}(?:story|tale)\b)/iu;

/** "wrote"/"writes" before a determiner names what was written ("he wrote a personal response"), not a claim. */
export const AUTHORED = /^(?:wrote|writes)$/;

/** What a tweet shared rather than said ("tweeted a photo of my starter", "tweeted the release notes"). */
export const TWEETED_THING =
  /^\s+(?:a|an|the|his|her|their|its|my|our|this|these)\s+(?:[\p{L}-]+\s+)?(?:photos?|pictures?|images?|videos?|links?|screenshots?|gifs?|clips?|notes|threads?|selfies?|memes?)\b/iu;

/** Last words of an institution's name: alone they name any such body ("House", "Committee"). */
export const INSTITUTION_NOUNS = set(
  'house committee department office council commission agency board bank court senate ministry administration government party association institute foundation company group union service bureau authority reserve fund corporation university center centre',
);

/**
 * Verbs of a position taken that, in a post in the personal voice, the people around the writer
 * take about everyday things ("My husband disagreed with my choice of flour", "Our kids claim they
 * hate the crust", "My mother expressed concerns about the mess"): no claim to source.
 */
export const LAY_POSITION_VERBS = set(
  'disagreed disagrees objected objects countered counters claim claims tweeted tweets expressed expresses voiced voices',
);

/** Possessives that make a subject one of the writer's own people ("my sister", "our kids"). */
export const WRITERS_OWN = set('my our');

/** A condition opening a sentence: what follows is a hypothetical ("If a deal is reached, he is likely to …"). */
export const HYPOTHETICAL = /^(?:if|unless|suppose|imagine)\b/i;

/** Forms of "be" and "get" before a participle: a passive ("was found in the attic"). */
export const PASSIVE = set('is are was were be been being get gets got gotten');

/** Determiners and possessives before a word make it a noun or an adjective ("the estimated cost"). */
export const DETERMINERS = set(
  'the a an this that these those his her their its our my your such many several some any no all both each every other',
);

/** Nouns "according to" can point at that are not sources ("according to plan"). */
export const ACCORDING_TO_NOT_SOURCES = set('plan plans schedule taste size type need needs preference instructions');

/** First words of an instruction to the reader ("Use port 8080", "Bake for 25 minutes"). */
export const IMPERATIVES = set(
  'add ask avoid bake boil buy call change check choose click consider copy count create cut delete disable divide download drag edit enable enter fill follow get give go heat hold install keep leave list look make mark mix move multiply note open paste pay pick place plan pour press put read remember remove rename replace restart run save select set skip start stir stop subtract take tap try turn type update upgrade use visit wait watch write',
);

/** Words allowed before an imperative at the start of a sentence ("Then run …"). */
export const IMPERATIVE_LEADS = set('then now first next finally just simply please also and so');

/** Subject words of the author: a figure in such a sentence reports the author's own experience. */
export const FIRST_PERSON =
  /(?<![A-Za-z\u00C0-\u024F'’])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|[Ww]e|[Ww]e're|[Ww]e’re|[Ww]e've|[Ww]e’ve|[Ww]e'd|[Ww]e’d|[Ww]e'll|[Ww]e’ll|[Mm]y|[Oo]ur)(?![A-Za-z\u00C0-\u024F'’])/;

/** Words right before a number that make it a label, not a figure ("Chapter 3", "Step 2", "port 8080"). */
export const LABEL_WORDS = set(
  'chapter chapters section sections § part parts step steps figure figures fig table tables page pages p pp line lines episode episodes season seasons volume vol issue no number item items exercise lesson level appendix article articles rule clause verse slide track room gate platform route port stage phase round day week version versions release build update patch rc beta alpha v ver python node php ruby java go rust perl ios android macos windows',
);

/** Words after a decimal that make it a version ("the 0.1 release", "3.11 or later"). */
export const VERSION_AFTER =
  /^\s*(?:release|version|beta|alpha|update|branch|series|or later|and later|or newer|or above|\+)/i;

/** Words right before a bare decimal that make it a version ("released 0.1", "upgraded to 2.4", "new in 2.8", "since 3.1"). */
export const VERSION_BEFORE =
  /(?:released|shipped|tagged|(?:upgraded|updated|bumped|moved|migrated|pinned) to|from|to|in|since|until)\s+$/i;

/**
 * Units and magnitudes that make a number a quantity ("5 km", "2 million", "5k", "200g"). A
 * number with other letters attached is a name ("18F", "4K", "5G", "3D").
 */
export const QUANTITY_AFTER =
  /^(?:\s?(?:%|percent\b|per cent\b|pct\b|°\s?[CF]?|‰)|\s?(?:thousand|million|billion|trillion|bn|mn|m|k)\b|\s?(?:km|kg|mg|g|lb|lbs|oz|mph|kph|km\/h|cm|mm|ml|l|ft|mi|gb|mb|tb|kb|gbps|mbps|ghz|mhz|kw|mw|gw|kwh|mwh|gwh|twh|tons?|tonnes?|x)\b|\s(?:metres?|meters?|kilometres?|kilometers?|miles?|feet|foot|inches|acres?|hectares?|litres?|liters?|gallons?|degrees?|points?|times|people|percent|dollars|euros|pounds|years|months|weeks|days|hours|minutes|seconds|votes|cases|deaths|jobs|homes|visitors|users|customers|employees|members|students|patients|vehicles|cars|complaints)\b)/i;

/** Month names, for "March 3" and "3 March". */
export const MONTH =
  /(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)/i;

/** Dates and times written with digits: never figures. */
export const DATE_OR_TIME =
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?|\b\d{1,2}\s?[ap]\.?m\.?(?![A-Za-z])|\b(?:1[0-9]|20)\d0s\b|['’]\d0s\b/gi;

/**
 * Telephone numbers and short codes: contact details, never figures ("call 101", "dial 911",
 * "on 0800 555 111", "+1 866 543 6403", "(212) 555-0100", "212-555-0100"). Each form needs its
 * separators, so a long run of digits is read once.
 */
export const PHONE_NUMBER =
  /\b(?:call|dial|ring|text)\s+\d{3,5}\b|\+\d{1,3}(?:[\s.-]\(?\d{1,4}\)?){2,5}\b|\b0\d{2,4}[\s-]\d{3}[\s-]\d{3,4}\b|\(\d{3}\)\s?\d{3}-\d{4}\b|\b\d{3}-\d{3}-\d{4}\b/gi;

/**
 * Words before a reporting verb that make it the writer's reading, not a report ("the
 * Government has effectively admitted as much").
 */
export const INTERPRETIVE = set('effectively essentially tacitly implicitly virtually');

/**
 * A stance stated for a subject without a reporting verb ("the union is adamant", "the Press
 * Council is concerned the laws would …"): attribution when a word follows (not "as far as the
 * law is concerned,") and not "concerned with" (= about).
 */
export const STANCE =
  /\b(?:is|are|was|were|remains|remain)\s+(?:adamant|concerned|convinced|confident|worried|opposed|sceptical|skeptical)(?=\s+(?!with\b)[\p{L}“"‘])/giu;

/**
 * A view held of something ("the U.S. sees the Russian move as a false signal", "Beijing views
 * the deal as a threat"): a position when a subject that is not the writer, the reader or a
 * thing holds it, as a stance is (an object of one to five words, then "as a/an/the").
 */
export const VIEW =
  /\b(?:see|sees|saw|view|views|viewed|regard|regards|regarded)\s+(?:(?!as\b)[A-Za-z\u00C0-\u024F'’-]+\s+){1,5}as\s+(?:a|an|the)\b/gi;

/**
 * Concerns, fears and hopes raised or growing, and what they are ("the attack raised concerns
 * that the government would …", "amid fears that the virus has spread"): someone's position,
 * though no one is named.
 */
export const CONCERN =
  /\b(?:(?:raised|raises|raising|sparked|sparks|fuelled|fueled|fuels|prompted|prompts|heightened|amid|growing|widespread)\s+(?:\p{L}+\s+)?(?:concerns?|fears?|worries|doubts|suspicions|hopes|speculation)\s+that|(?:expressed|expresses|voiced|voices)\s+(?:\p{L}+\s+)?(?:concerns?|fears?|worries|doubts|support|opposition)\s+(?:that|about|over|for))\b/giu;

/**
 * Units of a program's or a game's own measures ("just 87 bytes", "32 chunks"): with them a
 * number is a weak figure (see signals.ts).
 */
export const TECHNICAL_UNITS =
  /^\s+\(?(?:bytes?|bits?|lines?|pixels?|px|characters?|chars|instructions?|cycles?|threads?|commits?|chunks?|blocks?|tokens?)\b/i;

/** A unit of time after a number ("30 minutes", "24-hour", "10 years"): what TIME_LEAD and TIME_TAIL make a time phrase. */
export const TIME_UNIT =
  /^(?:\s|-)(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|decades?)\b/i;

/**
 * Words before a duration that make it a time phrase, a time frame or a reference rather than
 * the thing measured ("in the past 24 hours", "over the last 10 years", "the first 100 days",
 * "within 48 hours", "every 6 months", "after 30 minutes"), maybe with "the", "about", "more
 * than" between; and, opening a sentence, "for", "in", "over", "during" ("For 30 minutes the
 * crowd chanted"). Not a duration told as the fact ("battled the blaze for 14 hours", "takes 52
 * minutes", "held the title for 10 years"): a figure.
 */
export const TIME_LEAD =
  /(?:\b(?:past|last|next|first|previous|coming|recent|final|within|every|each|since|after|another)|(?:^|[.!?:;]["”’)]*\s+|["“‘(]\s*)(?:for|in|over|during))\s+(?:(?:the|a|an|about|around|nearly|almost|roughly|some|just|only|more|less|than|over|under|up|to|at|least|few|past|last|next|first|final|other)\s+)*$/i;

/**
 * Words after a duration that make it a time reference ("two hours later", "10 years ago", "two
 * days before the vote"); not "for 14 hours before it was contained".
 */
export const TIME_TAIL =
  /^\s*,?\s*(?:later|earlier|ago|afterwards|afterward|beforehand|(?:before|after)\s+(?:the|a|an|that|this|his|her|their|its|my|our)\b)/i;

/**
 * Words that say the writer or the reader is in the text ("I", "we", "our", "you"): a block
 * with one, outside quotes, is in the personal voice. "US" (the country) is not "us".
 */
export const PERSONAL_VOICE =
  /(?<![A-Za-z'’])(?:I|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Uu]s|[Oo]urs?|[Yy]ou|[Yy]ours?)(?![A-Za-z])/;

/** Largest share of a post's prose blocks in the personal voice for the post to be in the reporting voice (news). */
export const REPORTING_VOICE_MAX_SHARE = 0.2;

/**
 * Fewest distinct names a paragraph must mention for the statement signal when one of its
 * sentences tells an event ("The low ranking the U.S. received was due to …", "As Lorenz later
 * recalled, they had re-run …"): one named party is enough.
 */
export const STATEMENT_MIN_NAMES = 1;

/**
 * A sentence about the outlet's own request for comment ("Ars is asking Mojang for comment", "X
 * did not respond to a request for comment", "Apple declined to comment", "could not be reached"):
 * the story's procedure, not a fact about the party.
 */
export const FOR_COMMENT =
  /\bfor\s+comments?\b|\bdeclined\s+to\s+(?:comment|respond)\b|\bcould\s+not\s+(?:immediately\s+)?be\s+reached\b/i;

/** Capitalised words that are not names: sentence openers, pronouns, days and months. */
export const NAME_STOPWORDS = set(
  'the a an this that these those it its he she they his her their them there here then but and or nor so yet still also although though if when while where whether after before since until as at by for from in into on onto of off over under with without about against among between during through to up down out other another some many most more much few several one two three each every all both any no none not such what which who whom whose why how mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december',
);

/**
 * A news credit line ("The Associated Press contributed to this report.", "Jo Lee reported from
 * Paris.", "Additional reporting by …", "Reporting was contributed by …"): who wrote, not what happened.
 */
export const CREDIT_LINE =
  /\bcontributed(?:\s+(?:to|reporting))?(?:\s+(?:this|the))?\s*(?:report|reporting|story|article)?\s*\.?$|\breported\s+from\b|\b(?:additional\s+)?(?:reporting|writing|editing|research)\s+(?:(?:was|were)\s+contributed\s+)?by\b/i;

/**
 * A publisher's note opening a paragraph ("Correction 8/29/10 7:05 a.m. PDT:", "Update:",
 * "Editor's note:", "Clarification (May 3):", "This version corrects …", "An earlier version of this story …"): the publication speaking of its own story, neither
 * the story's voice nor a claim to source.
 */
export const EDITORS_NOTE =
  /^\s*[[(*_]*(?:(?:corrections?|updated?|clarifications?|editor['’]?s['’]?\s+note|note\s+from\s+the\s+editor)\b[^:]{0,40}:|this\s+(?:version|story|article)\s+(?:corrects|has\s+been\s+(?:corrected|updated))\b|an?\s+(?:earlier|previous|prior)\s+version\s+of\s+this\s+(?:story|article|report|post)\b)/i;

/**
 * A news story's dateline opening its lede: a place in capitals, maybe a state or country and a
 * date or agency in parentheses, then a dash ("MONTGOMERY, Ala. -- ", "SAN FRANCISCO (AP) — ",
 * "NEW YORK--"). Only wire and newspaper stories open so.
 */
export const DATELINE =
  /^\s*\p{Lu}[\p{Lu}.'’-]+\p{Lu}\.?(?:\s+\p{Lu}[\p{Lu}.'’-]*){0,3}(?:,\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})?\s*(?:\([^()]{1,30}\)\s*)?(?:--|—|–|\s-\s)\s*(?=[\p{Lu}“"‘])/u;

/** Words in capitals before a dash that are a rubric, not a dateline's place (any of them in a rubric of several words: "PRO TIP", "BEFORE YOU BEGIN") ("EXCLUSIVE —", "OPINION —", "PSA —"). */
export const NOT_DATELINES = set(
  'exclusive watch video videos opinion analysis review reviews spoilers psa listen live photos gallery sponsored advertisement ad ads poll quiz recap interview podcast essay commentary editorial pro tip tips quick start before after you your begin step one two three four five first next last note how why what read more bonus faq',
);

/** Capitalised possessives opening a sentence that name no party ("Today’s", "Everyone’s"). */
export const POSSESSIVE_NOT_NAMES = set(
  'today tomorrow yesterday tonight everyone everybody someone somebody anyone anybody nobody one life nature women men children people world year week month',
);

/** Verb phrases that tell what happened or will happen: a perfect, a prediction ("is likely to"). */
export const EVENT_VERB =
  /\b(?:has|have|had)\s+(?:(?:not|never|already|also|long|since|just|recently|strongly|repeatedly|previously)\s+)?(?:been\s+)?(?:\p{Ll}{2,}(?:ed|en|wn|ne|lt|nt|ght|ld|id|ve|ck|ung)|cut|put|set|hit|shut|spread|quit|cost|hurt|won|lost|made|paid|sold|held|led|met|sent|spent|told|said|struck|run|won)\b|\b(?:is|are|was|were)\s+(?:(?:not|also|now)\s+)?(?:likely|unlikely|expected|set|due|poised|scheduled|slated|projected|forecast|about)\s+to\b/gu;

/**
 * A present progressive: what a party is doing now ("Verizon Communications is prepping a new
 * app", "IK Multimedia is giving the SDK to developers"). Not an -ing adjective ("is
 * interesting", "are willing") nor a noun ("is something").
 */
export const PROGRESSIVE =
  /\b(?:is|are)\s+(?:(?:now|also|currently|quietly|reportedly|still)\s+)?(?!(?:interesting|amazing|exciting|surprising|fascinating|encouraging|disappointing|confusing|promising|worrying|boring|compelling|stunning|striking|charming|appealing|alarming|troubling|disturbing|refreshing|willing|outstanding|overwhelming|pleasing|frightening|terrifying|shocking|thing|something|nothing|anything|everything|king|morning|evening|ceiling|string|spring|darling)\b)\p{Ll}{2,}ing\b/gu;

/** Words ending in "ed" that are no past tense ("They need", "at full speed", "a hundred"), as alternatives. */
export const NOT_PAST_ED =
  'need|feed|seed|speed|proceed|exceed|succeed|bleed|breed|heed|embed|shed|hundred|sacred|naked|wicked|rugged|crooked';

/** Past tenses not ending in -ed: a past event ("Obama won Washington"). */
export const IRREGULAR_PAST = set(
  'won lost took made gave went came began became left got held led met paid ran sent sold spent stood broke brought bought built chose drew fell fought grew kept knew rose saw shut spoke struck threw wrote told said',
);

/**
 * A ranking or a record told as fact ("one of the oldest networks in the world", "the nation's
 * largest utility", "the first city in the country to ban it", "a record high", "the most
 * since records began", "the first … ambassador since the end of the Cold War", "the largest
 * drop since 2008"): a claim about the whole world of its kind, which only a source can back,
 * whoever it names. A superlative needs its scope ("in the world", "ever recorded", "the
 * nation's", "since" a time): "the best pizza" alone is taste. It opens a sentence too ("The
 * hottest two years on record …").
 */
export const RECORD_CLAIM =
  /\b(?:(?:[Oo]ne\s+of\s+)?[Tt]he\s+(?:\p{Ll}{3,}est|most\s+\p{Ll}{4,}|first|only|last)\b[^.!?;:—]{0,80}?\b(?:in\s+(?:the\s+)?(?:world|country|nation|history|continent|galaxy|universe)\b|(?:ever|yet)\s+(?:recorded|built|made|sold|found|seen|measured|discovered|observed|reported)\b|on\s+record\b|since\s+(?:records\s+began\b|the\s+\p{L}+|(?:1[5-9]|20)\d\d\b|last\s+\p{Ll}))|\b[Tt]he\s+(?:world|nation|country|planet|continent|globe)['’]s\s+(?:\p{Ll}{3,}est|most\s+\p{Ll}{4,}|first|only|leading|top)\b|\b(?:all-time|record)\s+(?:high|low)s?\b)/u;

/**
 * A first told as fact: nothing of its kind had done it before ("no spacecraft had ever
 * rendezvoused with a comet", "never before has a court …"), a record of all time, as RECORD_CLAIM.
 */
export const FIRST_EVER = /\b(?:[Nn]o\s+(?:[\p{Ll}-]+\s+){1,3}?(?:had|has|have)\s+ever|[Nn]ever\s+before)\b/u;

/**
 * Public bodies and groups of officials as a sentence's subject ("The city is replacing its
 * mains", "Police arrested two men", "Officials have closed the bridge"): a party though no
 * capitalised name is given, as news writes of them once named or known to all.
 */
export const PUBLIC_BODY_SUBJECT =
  /(?:^|[,;—–]\s*)(?:(?:[Tt]he|[Ss]tate|[Ff]ederal|[Ll]ocal|[Cc]ity|[Cc]ounty)\s+(?:(?:city|state|county|federal|local|national|provincial|regional)\s+)?(?:government|administration|city|state|county|police|department|ministry|agency|court|courts|council|legislature|district|authorities|officials|prosecutors|investigators|regulators|lawmakers|military|army|navy|utility)|[Pp]olice|[Oo]fficials|[Aa]uthorities|[Pp]rosecutors|[Ii]nvestigators|[Rr]egulators|[Ll]awmakers|[Ll]egislators)(?![\p{L}'’-])(?!\s+(?:of|for|and|or|to|at|in|on|with|by|that|who|which)\b)/u;

/**
 * A sentence telling what a law or a deal provides, its subject the instrument and its verb in
 * the present ("The law allows police to detain …", "Alabama's new law targets employers"): a
 * claim about the instrument's text, though it names no party. Not "would"/"will": what a bill
 * would do is often the writer's reading (and a caption's).
 */
export const PROVISION = new RegExp(
  `^(?:the|this|that|its|their|a|an|(?:\\p{Lu}[\\p{L}-]*\\s+){0,2}\\p{Lu}[\\p{L}-]*['’]s)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:law|bill|measure|ruling|regulation|regulations|ordinance|legislation|statute|amendment|treaty|decree|directive|executive\\s+order|act|policy|proposal|settlement|agreement|deal)\\s+(?:also\\s+|now\\s+)?(?:${'allows lets permits requires obliges forces compels bars bans forbids prohibits outlaws criminalizes criminalises targets makes gives grants entitles empowers authorizes authorises mandates sets limits caps raises lowers cuts reduces increases creates establishes imposes exempts applies covers penalizes penalises punishes restricts extends expands protects guarantees provides orders directs defines includes excludes affects ends replaces removes adds stops blocks prevents'.replace(/ /g, '|')})\\b`,
  'iu',
);

/** Modals of the writer's speculation (lower case: "May" is a month): a sentence with one is analysis, not a statement. */
export const SPECULATION = /\b(?:would|could|might|may|should|must)\b/;

/**
 * A transcript's speaker label opening a paragraph: one to four capitalised words, in capitals
 * or not, then a colon ("JON SMITH:", "Q:", "DR. LEE:", "Jon Smith:", "Dr. Lee:").
 */
export const SPEAKER_LABEL = /^\s*(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s*:\s+(?=\S)/u;

/**
 * Labels that name no speaker: notes ("UPDATE:", "EDITOR'S NOTE:"), the credit lines of
 * pictures and words ("Image: SixThirty", "Photograph: AP", "Words: Jane Doe") and a story's
 * metadata ("Location:", "Dateline:").
 */
export const SPEAKER_LABEL_WORDS = set(
  "update updated note notes edit editor's note correction clarification source sources warning disclaimer caution important tl;dr tldr ps p.s. faq bonus tip pro tip spoiler alert breaking news disclosure summary image images photo photos photograph photographs picture pictures pictured credit credits courtesy illustration illustrations graphic graphics video caption chart map words text by author location dateline",
);

/** Photo agencies and stock libraries, as credits name them. */
const PHOTO_AGENCIES =
  'AP|AFP|Reuters|REUTERS|EPA|Getty Images|Getty|Bloomberg|Associated Press|Shutterstock|iStock|Corbis|Xinhua|AAP|UPI|WireImage|Sipa|dpa|Pool|Icon SMI|Icon Sportswire|USA TODAY Sports';

/**
 * A photo caption's closing credit: an agency or a photo credit in parentheses ("(Reuters)",
 * "(AP Photo/Evan Vucci)", "(Photo: Getty Images)"), or "Photo: …"/"Picture: …" after the text.
 */
export const CAPTION_CREDIT = new RegExp(
  String.raw`(?:\(\s*(?:(?:[Pp]hoto(?:graph)?s?|[Ii]mages?|[Pp]ictures?|[Vv]ideo|[Cc]redit|[Ii]llustration|[Cc]ourtesy|File)\b|(?:${PHOTO_AGENCIES})(?![\p{L}]))[^()]{0,80}\)|(?:^|\s)(?:[Pp]hoto(?:graph)?|[Pp]icture|[Ii]mage)s?\s*:\s*[^.!?:]{1,60})\s*$`,
  'u',
);

/**
 * A photo caption's opening credit, the photographer and their agency ("Cliff Welch/Icon SMI
 * Maurkice Pouncey denies …", "Stephen Chernin/Getty Images"): sports and news sites print it
 * before the caption.
 */
export const CAPTION_LEADING_CREDIT = new RegExp(
  String.raw`^\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,2}\s?\/\s?(?:${PHOTO_AGENCIES})`,
  'u',
);

/** Longest caption, in words: a longer paragraph ending with a credit is a story. */
export const CAPTION_MAX_WORDS = 80;

/**
 * "I" or "we" as the subject in a transcript turn: the speaker's own account. Not "you" (a
 * reporter's questions say it), nor "me", "my", "our", "us": a presenter says "joining me now"
 * and "our reporter" and still reports.
 */
export const SPEAKER_FIRST_PERSON =
  /(?<![A-Za-z'’])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|[Ww]e|[Ww]e're|[Ww]e’re|[Ww]e've|[Ww]e’ve)(?![A-Za-z'’])/;

/** Words between a determiner and an -ed adjective ("the top funded sport", "the most talked about"). */
export const DEGREE_WORDS = set('top most more less least best worst well much very so too long little');

/** -ed words of feeling, adjectives after any "be" ("were thrilled to welcome", "was disappointed"): no event. */
export const FEELINGS = set(
  'thrilled excited pleased delighted disappointed surprised shocked worried concerned interested amazed stunned saddened relieved frustrated annoyed bored tired confused honoured honored proud',
);

/**
 * The opening of a changelog or to-do entry: a verb with no subject ("Fixed a crash when Firefox
 * opened …", "Add support for …", "Bumped Node to 20"), after any marker ("+", "*", "[x]", "#12:").
 */
export const CHANGELOG_ENTRY =
  /^[\s+*•·–—-]*(?:\[[ xX]\]\s*)?(?:#?\d+[:.)]\s*)?(?:\p{Lu}\p{Ll}+ed(?=[\s:(])(?!\s+\p{Lu})|(?:Fix|Add|Remove|Update|Upgrade|Bump|Improve|Change|Deprecate|Drop|Refactor|Merge|Revert|Rename|Move|Replace|Support|Allow|Use|Make|Document|Clean|Release|Enable|Disable|Introduce|Implement|Prevent|Avoid|Handle|Show|Hide|Set|Switch|Tweak|Optimi[sz]e|Speed|Ship|Port|Pin)(?:s|es|d|ed|ped|ted)?(?=[\s:(]))/u;

/**
 * An idea contested, and what it is ("experts have challenged the idea that …", "the ministry
 * rejected the claim that …"), or a party defended on stated grounds ("supporters defended the
 * company on the grounds that …"): someone's position, when its subject is not the writer's.
 */
export const CONTESTED =
  /\b(?:(?:challeng|disput|reject|dismiss|question|refut)(?:ed|es|ing|s|e)?\s+(?:(?:the|a|this|that)\s+)?(?:[a-z\u00C0-\u024F-]+\s+)?(?:idea|claims?|notion|view|suggestions?|assertion|argument|contention|allegations?|theory|premise)\s+that|(?:defended|defends|defend|justified|justifies|justify)\s+(?:[a-z\u00C0-\u024F'’-]+\s+){1,4}on\s+the\s+grounds?\s+that)\b/gi;

/** Someone asked, in the passive ("the senator was asked whether …", "The senator, asked whether …"): a question put to them on record. */
export const ASKED_PASSIVE = /(?:\b(?:was|were|been)|,)\s+asked\s+(?:if|whether|why|how|what|when|where|who|about)\b/gi;

/**
 * A position called for by a named party or an institution ("Republicans have called for a
 * revamp"); not what a plan or a recipe calls for (the subject must be a name, an expert or an
 * institution).
 */
export const CALLED_FOR = /\b(?:called|calls|calling|call)\s+for\b/gi;

/** What an outlet reports it has learned, closing its sentence ("… was stolen, the Gazette has learned."). */
export const HAS_LEARNED = /\b(?:has|have)\s+(?:exclusively\s+)?(?:learned|learnt)(?=\s*(?:[.,;:!?…]|$))/gi;

/**
 * The unnamed sources of a news story: "sources close to …", "people familiar with the talks",
 * "the source could not provide details", "a senior source declined to …".
 */
export const ANONYMOUS_SOURCE =
  /\b(?:sources?\s+(?:close\s+to|familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on)|(?:people|persons?|officials?)\s+(?:familiar\s+with|briefed\s+on|with\s+knowledge\s+of)\s+the\s+(?:matter|talks|negotiations|plans?|deal|decision|situation|investigation|case|discussions)|(?:the|a|one|another)\s+(?:(?!open\b)[a-z\u00C0-\u024F]+\s+)?source\s+(?:could\s+not|couldn['’]t|would\s+not|wouldn['’]t|did\s+not|didn['’]t|declined|refused|requested|spoke|insisted))\b/gi;

/** Prepositions before a participle make it an adjective ("investigated for alleged incidents", "in reported cases"). */
export const PREPOSITIONS = set('for of over with in on about against into after despite amid following among from');

/** Demonstratives opening a subject the post points at ("That opener suggests …"): the writer's reading of it. */
export const DEMONSTRATIVES = set('this that these those');

/**
 * A party portrayed by others ("Jack was written about as a visionary", "the book has cast him as
 * deliberate", "the ferry is billed as the fastest"): the portrayal is someone's, told without a
 * reporting verb.
 */
export const PORTRAYED =
  /\b(?:(?:was|were|is|are|been|being)\s+(?:widely\s+|often\s+|long\s+)?(?:written\s+about|described|portrayed|depicted|characteri[sz]ed|hailed|billed|touted|dubbed)(?:\s+by(?:\s+[a-z\u00C0-\u024F'’-]+){1,3}?)?\s+as|(?:cast|casts|portrayed|portrays|painted|paints|depicted|depicts)\s+(?:him|her|them|himself|herself|themselves|(?:the|his|her|their)\s+[a-z-]+)\s+as)\b/gi;

/**
 * A patient's condition as hospitals report it ("Duncan is in serious condition", "remains in
 * critical but stable condition", "taken to hospital in critical condition").
 */
export const CONDITION_REPORTED =
  /\b(?:(?:is|was|are|were|remains|remained|remain|listed)\s+in|(?:taken|rushed|airlifted|flown|admitted)\s+to\s+(?:(?:a|the)\s+)?(?:local\s+)?hospital\s+in)\s+(?:serious|critical|stable|grave)(?:\s+but\s+stable)?\s+condition\b/gi;

/**
 * A change in size told in words, a figure without digits ("allergies have been on the rise",
 * "sales have doubled", "consumption has risen notably", "rents doubled", "prices rose sharply"; not
 * "doubled down"); whose change it is, position-subjects.ts settles.
 */
export const TREND =
  /\b(?:(?:is|are|was|were|been)\s+on\s+the\s+(?:rise|increase|decline|wane)|(?:has|have|had)\s+(?:[a-z]+ly\s+)?(?:risen|fallen|doubled|tripled|quadrupled|halved|soared|plummeted|surged|skyrocketed|dwindled)|(?:doubled|tripled|quadrupled|halved|soared|plummeted|skyrocketed)(?!\s+(?:down|up|back|over)\b)|(?:risen|fallen|grown|dropped|declined|rose|fell|grew|rising|falling|growing|dropping|declining)\s+(?:sharply|steadily|dramatically|notably|significantly|markedly))\b/gi;

/**
 * A heading of release notes as a whole ("Release 2.4", "v2.4.0", "2.4.0 (2026-04-01)",
 * "Ferrylog 2.4", Keep a Changelog's "[2.4.0] - 2026-04-01" and "[Unreleased]", "Changelog", "Release notes",
 * "What's new" alone or in a version): what follows is a project's own account of its software
 * ("GitHub Actions replaced Travis CI", "Marsh joined the core team"), not what a party did that
 * a reader would want sourced. Not "What's new for renters", "1.5 million jobs lost".
 */
export const RELEASE_HEADING =
  /^\s*(?:(?:(?:release|version)\s+|(?!(?:section|chapter|part|figure|fig|table|step|article|rule|clause|page|schedule|appendix)\s)\p{L}[\p{L}\d.-]*\s+)?\[?v?\d+(?:\.\d+)+(?:[-+][\w.]+)?\]?(?:\s*(?:[-–—:(|].*)?)?|\[?unreleased\]?|(?:release\s+notes|change\s*log|what['’]s\s+(?:new|changed))(?:\s+(?:in\s+)?(?:(?:release|version)\s+)?v?\d+(?:\.\d+)+)?\s*:?)\s*$/iu;

/**
 * A section heading inside release notes ("Added", "Fixed", "Bug fixes", "Changes"): it keeps the
 * notes of the release heading above it, but opens none of its own ("## Changes" over news prose).
 */
export const RELEASE_SUBHEADING =
  /^\s*(?:added|changed|deprecated|removed|fixed|security|changes|new\s+features|features|bug\s*fixes|fixes|improvements|enhancements|breaking\s+changes|deprecations|known\s+issues|other(?:\s+changes)?|internal|documentation|dependencies|performance)\s*:?\s*$/i;

/**
 * Words that open a photo caption by pointing at the picture ("Clockwise from top:", "Above,",
 * "From left:", "Pictured:", "Left:"); not "Right, so …" or "Above all".
 */
export const CAPTION_LEAD =
  /^\s*(?:clockwise\s+from\s+(?:top|left|right|bottom)|from\s+(?:left|right|top)\s*[:,]|(?:above|below|inset|pictured|main\s+(?:image|picture|photo))\s*[:,]|(?:left|right|top|bottom)\s*:)/i;

/**
 * A general claim of cause and effect, told of no one (causal.ts): how a disease spreads ("Ebola
 * can only be spread through …", "is transmitted by"), what a thing can become ("any species of
 * bacteria can turn into a superbug"), a change in risk or odds ("raises the risk of"), a link
 * ("is linked to", "are associated with"), a likelihood ("you're more likely to buy it", "smokers
 * are less likely to"), a cause named ("is caused by", "is a leading cause of"), a protection
 * ("protects against"). Not the bare verbs "causes", "leads to", "makes you": a post says them of
 * its own software and recipes ("this causes the build to fail", "heat makes the dough rise").
 */
export const CAUSAL =
  /(?:(?<![\p{L}'’])(?:(?:is|are|can(?:\s+only)?\s+be|be|gets?)\s+(?:spread|transmitted|passed\s+on|caught|contracted)\s+(?:through|by|via|from)|spreads?\s+(?:through|via)|can\s+(?:turn|develop|evolve|progress)\s+into|(?:increases?|raises?|reduces?|lowers?|cuts?|doubles?|triples?|heightens?)\s+(?:the\s+|a\s+person['’]s\s+|one['’]s\s+|your\s+|their\s+)?(?:risk|chances?|odds|likelihood)\s+of|(?:is|are)\s+(?:strongly\s+|closely\s+|often\s+)?(?:linked|associated|correlated)\s+(?:to|with)|(?:is|are)\s+(?:(?:much|far|significantly|twice|three\s+times)\s+)?(?:more|less)\s+likely\s+to|(?:is|are)\s+(?:mainly\s+|mostly\s+|usually\s+|often\s+)?caused\s+by|(?:is|are)\s+(?:a|the)\s+(?:leading\s+|major\s+|main\s+|common\s+)?causes?\s+of|protects?\s+(?:\p{L}+\s+)?against)|['’](?:re|s)\s+(?:(?:much|far|significantly|twice|three\s+times)\s+)?(?:more|less)\s+likely\s+to)(?![\p{L}'’])/giu;

/**
 * Words one of which every general claim of CAUSAL holds, matched fast (case-sensitive, no
 * Unicode classes): most paragraphs have none and are never read with CAUSAL.
 */
export const CAUSAL_HINT =
  /(?:turn|develop|evolve|progress)\s+into|spread|transmitted|passed|caught|contracted|risk|chance|odds|likelihood|linked|associated|correlated|likely|caused|cause|protect/;

/** Words before a general claim that make it the post's own thing or a clause about one ("this can turn into", "which is linked to"). */
export const CAUSAL_NOT_SUBJECTS = set('this that it which what who these those there here');

/** Words of a general claim's subject that make it the post's or the reader's own thing ("this package", "your build"). */
export const CAUSAL_OWN_SUBJECTS = set('this these it its your yours');
