import type { UrlParts } from './link-roles.js';

/**
 * Links on a name to the named thing's own page (role `entity`): a person's or organisation's
 * profile or home page, an encyclopedia entry on a proper name, an outlet's topic, people,
 * company or stock-quote page, a social-network profile. They say who or what a paragraph is
 * about, not where what it says comes from, so they make no claim look cited (issue 8: on the
 * hand-labelled pages about half the missed uncited claims were "cited" only by such links).
 *
 * Decided from the link text's shape (a bare proper name, a ticker, a word the target's path
 * repeats) together with the target's shape (a site root or a short path, a profile, a path
 * through a people/topic/company segment); never from site names. A deep URL to a story, a
 * document, a dataset, a post or a status is a source whatever its text: "according to
 * [Reuters](https://reuters.com/world/2026/04/…)" stays cited.
 */

/** Words that may sit inside a proper name in lower case ("Museum of Neon Art", "Vincent van Gogh"). */
const NAME_JOINERS = new Set([
  'of',
  'the',
  'and',
  'for',
  'de',
  'del',
  'della',
  'der',
  'des',
  'di',
  'da',
  'du',
  'la',
  'le',
  'van',
  'von',
  'y',
  'at',
  'on',
  'in',
  '&',
]);

/** A word of a name: capitalised ("Neon", "L.A.-based" is not one), an initial ("M."), or camel-cased ("iPad", "eBay"). */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Ll}\p{Lu}[\p{L}\p{M}]*|\p{Lu}\.)$/u;

/** A stock ticker as written: "AAPL", "$TSLA", "NYSE: GE", "BRK.B". */
const TICKER =
  /^(?:\$[A-Z]{1,5}|[A-Z]{1,5}(?:\.[A-Z]{1,2})?|(?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|TSX|ASX)\s*:\s*[A-Z.]{1,6})$/;

/**
 * True when `text` is a bare proper name of at most five words (plus joiners), not starting the
 * sentence as a lone word (there its capital is the sentence's: "Silt is…"), or a ticker.
 */
export function isBareName(text: string, sentence: string): boolean {
  const t = text.trim().replace(/[’']s$/, '');
  if (t === '' || t.length > 60) return false;
  if (TICKER.test(t)) return true;
  // A number makes a name an identifier of a document or a model ("RFC 2119", "Pioneer XW-SMA3").
  if (/\d/.test(t)) return false;
  const words = t.split(/\s+/);
  const named = words.filter((w) => !NAME_JOINERS.has(w.toLowerCase()));
  if (named.length === 0 || named.length > 5) return false;
  if (!NAME_WORD.test(words[0]) || !NAME_WORD.test(words[words.length - 1])) return false;
  for (const w of words) if (!NAME_WORD.test(w) && !NAME_JOINERS.has(w)) return false;
  // A lone capitalised word that opens its sentence may be any word ("Research shows…").
  if (words.length === 1 && !/\p{Lu}.*\p{Lu}/u.test(t) && sentence.trimStart().startsWith(t)) return false;
  return true;
}

/**
 * Words that name a document or a statement: a link on them points to what the paragraph
 * reports ("the [report](…/report)", "a [statement](…)"), a source even when the path repeats
 * the word.
 */
const SOURCE_NOUN =
  /\b(?:reports?|study|studies|survey|surveys|paper|papers|data|dataset|statements?|analysis|research|poll|polls|filings?|lawsuit|letters?|complaint|release|press|announcement|post|blog|video|interview|transcript|speech|ruling|decision|findings?|review|article|story|documents?|memo|record|records|testimony|here|this|source|sources|figures|statistics|results|minutes|notice|order|bill|law)\b/i;

/** Words of a slug naming the page where a party's own words are: an interview, a transcript, a speech. */
const WORDS_PAGE =
  /\b(?:interviews?|transcripts?|statements?|speech|speeches|testimony|remarks|letter|q ?a|qanda|in his own words|in her own words|full text)\b/i;

/** Hosts of social networks, where a one-segment path (or `/@name`, `/in/name`…) is a profile. */
const SOCIAL_HOSTS = new Set([
  'twitter.com',
  'x.com',
  'instagram.com',
  'facebook.com',
  'fb.com',
  'linkedin.com',
  'youtube.com',
  'tiktok.com',
  'threads.net',
  'threads.com',
  'bsky.app',
  'medium.com',
  'github.com',
  'gitlab.com',
  'pinterest.com',
  'flickr.com',
  'vimeo.com',
  'soundcloud.com',
  'reddit.com',
  'mastodon.social',
  'substack.com',
]);

/** First segments of a social host that are its own pages, not someone's profile. */
const SOCIAL_RESERVED =
  /^(?:search|explore|hashtag|share|sharer|intent|home|watch|playlist|login|signup|settings|about|help|privacy|terms|i|messages|notifications|topics?|trending|events|groups|marketplace|gaming|shorts|feed|results|embed|plugins|dialog|policies|legal|jobs|developers?|business)$/i;

/** Second segments that make a social path a post, a status or a media item, never a profile. */
const SOCIAL_POST =
  /^(?:status|statuses|posts?|p|reel|reels|tv|videos?|photos?|comments|permalink|story\.php|events|media|tweet|activity|pulse|issues|pull|blob|tree|commit|releases|wiki)$/i;

/** Profile path shapes a social host writes after its host. */
const SOCIAL_PROFILE =
  /^\/(?:(?:in|company|school|showcase|user|u|c|channel|profile|people|pub)\/[^/]+|@[^/]+|[^/@]+)\/?$/i;

/** Segments that lead to a page about a person, an organisation, a topic or a ticker. */
const ENTITY_SEGMENT =
  /^(?:topics?|people|persons?|organi[sz]ations?|compan(?:y|ies)|quotes?|symbols?|profiles?|authors?|biography|bio)$/i;

/** The file name of a site's index page: its folder is the page. */
const INDEX_FILE = /^(?:index|default|home|main)\.(?:s?html?|php|aspx?|jsp)$/i;
/** A document or data file: a source whatever its link text. */
const DOCUMENT_FILE = /\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|csv|tsv|json|xml|txt|zip|gz|rtf|epub)$/i;
/** A date or a year as a path segment, or a date inside a slug: a story's address. */
const DATED = /^(?:19|20)\d\d$|(?:19|20)\d\d[-_/]?[01]\d[-_/]?[0-3]\d/;

/** The path's segments, percent-decoded, without an index file at the end. */
function segmentsOf(path: string): string[] {
  const out: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    let seg = raw;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      // A malformed escape: compare the segment as written.
    }
    out.push(seg);
  }
  if (out.length > 0 && INDEX_FILE.test(out[out.length - 1])) out.pop();
  return out;
}

/** Lower-case letters and digits only, accents dropped: "New Zealand" and "newzealand" meet. */
function squash(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The words of a slug or a title ("Processing_(programming_language)" → processing). */
function slugWords(seg: string): string[] {
  return seg
    .replace(/\.[a-z0-9]{2,5}$/i, '')
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s_+-]+/)
    .map(squash)
    .filter((w) => w !== '');
}

/**
 * True when a path segment spells the link text (allowing a plural: "tablet" → `/tablets/`);
 * `name` when the text is a proper name (its leading "The" may be left out of the path).
 */
function spells(seg: string, text: string, name = true): boolean {
  const a = slugWords(seg).join('');
  // "The Ubyssey" is spelled `/ubyssey/`; "the budget" names one thing, not the `/budget/` page.
  const b = squash(name ? text.replace(/^the\s+/i, '') : text);
  if (a === '' || b === '') return false;
  return a === b || a === `${b}s` || a === `${b}es` || b === `${a}s`;
}

/** True for a segment that reads as a story's slug or an id, not a name: many words, digits, a date. */
function storyLike(seg: string): boolean {
  if (DATED.test(seg) || DOCUMENT_FILE.test(seg)) return true;
  // An id: long digits, or a short code of letters and digits (a link shortener's `CPER7m3`).
  if (/\d{4,}/.test(seg) || /^(?=[^-_.]*\d)(?=[^-_.]*[a-z])[a-z\d]{5,}$/i.test(seg)) return true;
  return slugWords(seg).length > 3;
}

/** One-segment pages that are the site owner's own page whatever the name: `/about/`, `/team/`. */
const OWN_PAGE = /^(?:about|about-?us|who-?we-?are|team|our-?team|staff|bio|contact|home|en)$/i;

/**
 * True for a one-segment path that is the named party's own page: one that spells the name or
 * holds its last word (`/sgille/` for "Sarah Gille", `/ubyssey/`), or an about page. A section
 * of the site (`cdc.gov/measles/`, `acme.com/newsroom/`, `…/opinions/`) is where its facts are
 * published: a source. Never a story's slug, an id, a code with inner capitals, or a word naming
 * a document (`/okafor-interview/`, `/annual-report/`).
 */
function ownPage(seg: string, text: string): boolean {
  if (storyLike(seg) || /[a-z][A-Z]/.test(seg) || SOURCE_NOUN.test(slugWords(seg).join(' '))) return false;
  if (OWN_PAGE.test(seg.replace(/\.[a-z]{2,5}$/i, ''))) return true;
  const words = text
    .replace(/[’']s$/, '')
    .split(/\s+/)
    .filter((w) => !NAME_JOINERS.has(w.toLowerCase()));
  const last = squash(words[words.length - 1] ?? '');
  return spells(seg, text) || (last.length >= 3 && squash(seg).includes(last));
}

/** True for a URL of a MediaWiki article (`/wiki/Title`) outside its namespaces (`File:`, `Special:`). */
function wikiTitle(segs: string[]): string | undefined {
  if (segs.length !== 2 || segs[0] !== 'wiki') return undefined;
  if (/^[A-Za-z ]+:/.test(segs[1])) return undefined;
  return segs[1];
}

/** True when the title's first words are the link text's ("European" → European_New_Zealanders). */
function titleMatches(title: string, text: string): boolean {
  if (spells(title, text)) return true;
  const t = slugWords(title);
  const w = slugWords(text.replace(/\s+/g, '_'));
  return w.length > 0 && w.length <= t.length && w.every((x, i) => x === t[i]);
}

/** The host without "www." and a mobile "m." prefix. */
function bareHost(host: string): string {
  return host.replace(/^(?:www|m|mobile)\./, '');
}

/** True for a social-network profile (`twitter.com/name`, `linkedin.com/in/name`, `…/@name`), never a post. */
function isSocialProfile(url: UrlParts, segs: string[]): boolean {
  const host = bareHost(url.host);
  const social = SOCIAL_HOSTS.has(host);
  // A fediverse or blog profile on any host: `/@name` alone.
  if (!social) return segs.length === 1 && /^@[\w.-]+$/.test(segs[0]);
  if (segs.length === 0 || segs.length > 2) return false;
  if (SOCIAL_RESERVED.test(segs[0])) return false;
  // `group.php?gid=…`, `permalink.php?story_fbid=…`: a script's page, a group or a post, not a
  // profile (but `profile.php?id=…` is one); a numeric id is a video or a post (`vimeo.com/76979871`).
  if (/\.php$/i.test(segs[0]) && !/^profile\.php$/i.test(segs[0])) return false;
  if (/^\d+$/.test(segs[segs.length - 1])) return false;
  if (segs.length === 2 && SOCIAL_POST.test(segs[1])) return false;
  return SOCIAL_PROFILE.test(`/${segs.join('/')}`);
}

/** Segments that lead to a person's or an artist's page in a film, music or sports database, by its id. */
const PROFILE_SEGMENT =
  /^(?:names?|persons?|people|artists?|actors?|actresses|celebrit(?:y|ies)|cast|crew|players?|athletes?|performers?|directors?|composers?|musicians?|bands?|authors?|contributors?|profiles?)$/i;
/** A database's id, maybe with the name's slug after it: `nm0123456`, `98765-jo-park`, `445566-Felix-Moor`. */
const PROFILE_ID = /^(?:[a-z]{1,3})?\d{3,}(?:[-_][\p{L}\p{N}_-]*)?$/iu;

/**
 * True for a profile page reached by its id (`/name/nm0123456/`, `/person/98765-jo-park`,
 * `/artist/445566-Felix-Moor`): the last segment an id right after a profile segment, maybe
 * under a language or a site section. A link on a name to it says who the person is.
 */
function isProfileById(segs: string[]): boolean {
  const n = segs.length;
  return n >= 2 && n <= 3 && PROFILE_SEGMENT.test(segs[n - 2]) && PROFILE_ID.test(segs[n - 1]);
}

/** Words right before a link that make it the sentence's declared source: "Via", "Source:", "according to". */
const CREDIT_BEFORE =
  /(?:^|[\s([—–-])(?:via|sources?\s*:|according\s+to|reported\s+by|courtesy(?:\s+of)?|h\/t|hat\s+tip(?:\s+to)?|credits?\s*:)\s*(?:the\s+)?$/i;

/**
 * True when the sentence names the link as its source ("Via [Rail News](…)", "Source: [the
 * agency](…)", "according to [Reuters](…)"): the writer's own word that it is one, kept a source
 * even on a home page (a source line credits the paragraph above it).
 */
function creditedBefore(text: string, sentence: string): boolean {
  const at = sentence.indexOf(text);
  return at > 0 && CREDIT_BEFORE.test(sentence.slice(Math.max(0, at - 40), at));
}

/**
 * Hosts that only forward a reader to a shop, paying the site a commission (affiliate networks
 * and the shops' own short links): whatever the link's words, it sells, it does not source.
 */
const AFFILIATE_HOSTS =
  /(?:^|\.)(?:amzn\.to|amzn\.eu|amzn\.com|a\.co|redirectingat\.com|skimresources\.com|viglink\.com|shop-links\.co|howl\.me|linksynergy\.com|anrdoezrs\.net|jdoqocy\.com|tkqlhce\.com|dpbolvw\.net|kqzyfj\.com|avantlink\.com|pntra\.com|shareasale\.com|awin1\.com|prf\.hn|geni\.us|fave\.co|narrativ\.com|sovrn\.co|7tiv\.net)$/;
/** A shop's own host, by its registrable name ("amazon" of www.amazon.co.uk). */
const SHOP_HOST =
  /(?:^|\.)(amazon|ebay|etsy|walmart|target|bestbuy|apple|google|bhphotovideo|newegg|homedepot|lowes|wayfair|costco)\.[a-z.]{2,6}$/;
/** The path of a product's page at those shops (`/dp/B0…`, `/itm/…`, `/listing/…`, `/app/…`, `/store/apps/…`). */
const SHOP_PRODUCT: Record<string, RegExp> = {
  amazon: /\/(?:dp|gp\/product|gp\/aw\/d|exec\/obidos\/asin)\/|\/s\/?$/i,
  ebay: /^\/(?:itm|p)\//i,
  etsy: /^\/(?:[a-z]{2}\/)?listing\//i,
  walmart: /^\/ip\//i,
  target: /^\/p\//i,
  bestbuy: /^\/site\/.+\.p$/i,
  apple: /^\/(?:[a-z]{2}\/)?app\//i,
  google: /^\/store\/apps\//i,
  bhphotovideo: /^\/c\/product\//i,
  newegg: /\/p\//i,
  homedepot: /^\/p\//i,
  lowes: /^\/pd\//i,
  wayfair: /\/pdp\//i,
  costco: /\.product\.\d+\.html$/i,
};

/** Hosts of governments and universities, which sell nothing: their `/collections/` are publications. */
const NEVER_SHOP_HOST = /\.(?:gov|gov\.[a-z]{2}|gc\.ca|gouv\.fr|edu|edu\.[a-z]{2}|ac\.[a-z]{2}|mil|int)$/;

/** Words of a shop around a link: a price, buying, a sale or a deal, a cart. */
const SHOP_WORDS =
  /[$£€¥]\s?\d|\b(?:buy|buying|bought|shop|shopping|store|sale|on sale|deals?|discount(?:ed)?|coupon|price[ds]?|costs?|retails?|cart|checkout|order (?:it|one|now)|pre-?order|sells?|in stock)\b/i;

/** An affiliate's or a shop's parameters in a link's query (`?tag=site-20`, `?ref=…`, `?variant=…`). */
const AFFILIATE_QUERY =
  /[?&](?:tag|ref|aff(?:iliate)?(?:_?id)?|affid|irclickid|clickid|variant|utm_medium=affiliate)=/i;

/**
 * True for a store or affiliate link (bench/claims-labelling.md: "store/product/affiliate links"
 * are no sources): a link through an affiliate network or a shop's short link, or a product's
 * page at a large shop (an app store's app page, a marketplace listing), or a product under
 * another site's commerce segment (`/products/…`, `/shop/…`). It names the thing the
 * paragraph is about, as an entity link does; the App Store host is `apps.apple.com`, so
 * apple.com's newsroom and Google's other pages stay sources.
 */
function isStoreLink(url: UrlParts, isInternal: boolean, words: string): boolean {
  const host = url.host.toLowerCase();
  if (AFFILIATE_HOSTS.test(host)) return true;
  // Another site's shop: a product or its category under a commerce segment (`/products/jam-voice`,
  // `/product-category/mvoice`, `/shop/…`, Shopify's `/collections/…`): the maker selling it,
  // when something else says it is a shop (a price or a shop's words around the link, an
  // affiliate's parameter); the segment alone is no shop: gov.uk's `/government/collections/…`
  // statistics, Consumer Reports' `/products/…` ratings, Nature's `/collections/…`.
  if (
    !isInternal &&
    /\/(?:products?|product-category|shop|store|buy|collections)\/[^/]/i.test(url.path) &&
    !NEVER_SHOP_HOST.test(host) &&
    !/\/government\//i.test(url.path) &&
    (SHOP_WORDS.test(words) || AFFILIATE_QUERY.test(url.query))
  )
    return true;
  const shop = SHOP_HOST.exec(host)?.[1];
  if (shop === undefined) return false;
  if (shop === 'apple' && !/^(?:apps|itunes)\.apple\./.test(host)) return false;
  if (shop === 'google' && !/^play\.google\./.test(host)) return false;
  return SHOP_PRODUCT[shop].test(url.path);
}

/**
 * True when a link is on a name or subject and leads to that thing's own page, not to a source
 * of what its sentence says (see the top of this file). `url` holds the parts of the link's
 * normalised absolute URL, `fragment` its fragment if it has one.
 */
export function isEntityLink(
  anchorText: string,
  sentence: string,
  url: UrlParts,
  isInternal: boolean,
  fragment?: string,
): boolean {
  const text = anchorText.trim();
  if (text === '' || creditedBefore(text, sentence)) return false;
  if (isStoreLink(url, isInternal, `${text} ${sentence}`)) return true;
  const segs = segmentsOf(url.path);
  const name = isBareName(text, sentence);
  if (name && isProfileById(segs)) return true;
  // A name linked to a story deeper in the post's own site: the outlet's related story on that
  // party ("[Robert Mugabe](/news/2017/11/17/ruling-party-drafts-motion/)"), which says who the
  // paragraph is about, not where its words come from; not a document, nor the page where the
  // named party's words are ("/2026/04/okafor-interview/", "/2026/04/full-text-of-okafor-speech/").
  if (
    name &&
    isInternal &&
    segs.length >= 2 &&
    !segs.some((s) => DOCUMENT_FILE.test(s)) &&
    !WORDS_PAGE.test(slugWords(segs[segs.length - 1]).join(' '))
  )
    return true;
  if (segs.some((s) => DATED.test(s) || DOCUMENT_FILE.test(s))) return false;
  if (isSocialProfile(url, segs)) return true;
  // An encyclopedia entry on a proper name: its title is the name. On a term ("silt") it is the
  // writer's definition, a source.
  const title = wikiTitle(segs);
  // A wiki writes its links on names with other words than the title ("ME" → Middle_Eastern_people);
  // only a link naming the encyclopedia itself ("according to Wikipedia") is the writer's source.
  if (title !== undefined) return name && (titleMatches(title, text) || !/wiki|pedia/i.test(text));
  if (/(?:^|\.)wikipedia\.org$/.test(url.host)) return false;
  // A page reached through a people/topic/company/quote segment: a profile or a topic page,
  // unless what follows reads as a story.
  const at = segs.findIndex((s) => ENTITY_SEGMENT.test(s));
  if (at >= 0) {
    const rest = segs.slice(at + 1);
    if (!rest.some(storyLike) && (name || rest.some((s) => titleMatches(s, text)))) return true;
  }
  if (segs.some((s) => /\d{5,}/.test(s))) return false;
  // A name linked to another site's home or to a short path there: the person's or
  // organisation's own page (`neonmona.org/`, `ucsd.edu/sgille/`); a slug of many words is a
  // story. On the post's own site such a link is one of its pages (navigation has its rules).
  if (name && !isInternal && (segs.length === 0 || (segs.length === 1 && ownPage(segs[0], text))))
    return !/[?&](?:p|page_id|id|story|article|post|v)=/i.test(url.query);
  // A short path ending with the link's words: a topic, section or product page (`/world/
  // newzealand`, `/apple-ipad/`), unless the words hold a number (an identifier: "RFC 2119",
  // "Raspberry Pi 3"). A deeper path is a document (a reference page). A term in lower case is
  // the writer's pointer to a definition (another site's glossary entry: a source) unless the
  // path names a collection of such things (`/tablets/`, `/downloads/`): a category page.
  if (segs.length === 0 || segs.length > 2 || /\d/.test(text)) return false;
  const last = segs[segs.length - 1];
  if (name) return spells(last, text, true);
  // A jump into the page (`/comments#frag`) points at one place in it: the writer's source.
  return (
    fragment === undefined &&
    /^[\p{Ll}\s-]+$/u.test(text) &&
    text.split(/\s+/).length <= 3 &&
    !SOURCE_NOUN.test(text) &&
    /s$/i.test(last) &&
    spells(last, text, false)
  );
}
