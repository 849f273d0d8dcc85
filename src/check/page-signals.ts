import * as cheerio from 'cheerio';

/** What the checker looks at in an HTML page. */
export interface PageSignals {
  /** The <title> text, whitespace collapsed. */
  title: string;
  /** The first <h1> (the main heading), whitespace collapsed. */
  heading: string;
  /** Every `id` and `a[name]` on the page (fragment targets). */
  anchors: Set<string>;
  /** True when the page is a known bot-challenge interstitial. */
  isChallenge: boolean;
}

// Wording of "not found" pages in titles and main headings. Plain "404" counts only at the
// start or next to "error", so "The 404 best recipes" is not a soft 404.
const NOT_FOUND = [
  /\bnot\s+found\b/i,
  /\b(?:can(?:no|')t|could\s+not|couldn't)\s+be\s+found\b/i,
  /\bpage\s+(?:does\s+not|doesn't)\s+exist\b/i,
  /\bno\s+longer\s+(?:available|exists)\b/i,
  /\bpage\s+(?:is\s+)?missing\b/i,
  /^\s*404\b/,
  /\b(?:error\s*404|404\s*error)\b/i,
  /\bnothing\s+(?:was\s+)?found\b/i,
];

/** True when a title or heading says the page was not found. */
export function saysNotFound(text: string): boolean {
  return text !== '' && NOT_FOUND.some((re) => re.test(text));
}

// Markers of the common bot walls: Cloudflare ("Just a moment...", challenge-platform),
// Akamai/Imperva/PerimeterX/DataDome/AWS WAF/DDoS-Guard interstitials.
const CHALLENGE_MARKERS = [
  /<title>\s*just a moment\.\.\.\s*<\/title>/i,
  /\/cdn-cgi\/challenge-platform\//i,
  /cf-browser-verification|cf_chl_opt/i,
  /attention required!\s*\|\s*cloudflare/i,
  /_incapsula_resource/i,
  /px-captcha|perimeterx/i,
  /captcha-delivery\.com/i,
  /awswafintegration|aws-waf-token/i,
  /checking your browser before accessing/i,
  /ddos-guard/i,
];

/** True when response headers mark a bot challenge (Cloudflare's `cf-mitigated: challenge`). */
export function isChallengeResponse(headers: Record<string, string>): boolean {
  return (headers['cf-mitigated'] ?? '').toLowerCase().includes('challenge');
}

/** True when a page body looks like a bot-challenge interstitial. */
export function isChallengePage(html: string): boolean {
  return CHALLENGE_MARKERS.some((re) => re.test(html));
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  rsquo: '’',
  lsquo: '‘',
};

function textOf(fragment: string): string {
  const stripped = fragment.replace(/<[^>]*>/g, ' ').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
  return collapse(stripped);
}

/**
 * Title and main heading only, without building a DOM: this runs on every HTML page a check
 * reads, and a full parse costs more than the request on a fast host. Fragment checks, which
 * need every id, use inspectPage.
 */
export function pageHeadlines(html: string): { title: string; heading: string } {
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1] ?? '';
  const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(html)?.[1] ?? '';
  return { title: textOf(title), heading: textOf(heading) };
}

/** Extracts title, main heading and fragment targets from (possibly truncated) HTML. */
export function inspectPage(html: string): PageSignals {
  const $ = cheerio.load(html);
  const anchors = new Set<string>();
  $('[id]').each((_, el) => {
    const id = $(el).attr('id');
    if (id) anchors.add(id);
  });
  $('a[name]').each((_, el) => {
    const name = $(el).attr('name');
    if (name) anchors.add(name);
  });
  return {
    title: collapse($('title').first().text()),
    heading: collapse($('h1').first().text()),
    anchors,
    isChallenge: isChallengePage(html),
  };
}

/** True when a cited fragment has a target on the page (raw or percent-decoded). */
export function hasFragment(anchors: Set<string>, fragment: string): boolean {
  if (anchors.has(fragment)) return true;
  try {
    return anchors.has(decodeURIComponent(fragment));
  } catch {
    return false;
  }
}
