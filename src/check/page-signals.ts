import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { scanHtml, stripTags } from '../sources/scan-html.js';

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

/** Text of a title or heading as read raw: tags dropped, entities decoded (all of HTML's). */
function textOf(raw: string): string {
  return collapse(decodeHTML(stripTags(raw)));
}

/**
 * The raw content of the first `<tag …>…</tag>`, as `/<tag\b[^>]*>([\s\S]*?)<\/tag\s*>/i`
 * finds it, in linear time. That regex, where it fails at one "<tag" (no ">" or no closing
 * tag after it), tried again at every later "<tag", each time to the end of the page:
 * quadratic on a page of "<title"s. Here each step searches once from where the last ended;
 * where one step fails, it would fail at every later start too.
 */
function firstElementContent(html: string, open: RegExp, close: RegExp): string | undefined {
  // test() and lastIndex rather than exec(): no match array for each of four searches on every
  // page read. Both regexes are global; a match of `close` holds one "<", at its start.
  open.lastIndex = 0;
  if (!open.test(html)) return undefined;
  const contentStart = html.indexOf('>', open.lastIndex) + 1;
  if (contentStart === 0) return undefined;
  close.lastIndex = contentStart;
  if (!close.test(html)) return undefined;
  return html.slice(contentStart, html.lastIndexOf('<', close.lastIndex - 1));
}

const TITLE_OPEN = /<title\b/gi;
const TITLE_CLOSE = /<\/title\s*>/gi;
const H1_OPEN = /<h1\b/gi;
const H1_CLOSE = /<\/h1\s*>/gi;

/**
 * Title and main heading only, without building a DOM: this runs on every HTML page a check
 * reads, and plain string searches cost microseconds where a parse costs milliseconds. Linear
 * in the page whatever the page (see firstElementContent, stripTags).
 */
export function pageHeadlines(html: string): { title: string; heading: string } {
  return {
    title: textOf(firstElementContent(html, TITLE_OPEN, TITLE_CLOSE) ?? ''),
    heading: textOf(firstElementContent(html, H1_OPEN, H1_CLOSE) ?? ''),
  };
}

const ANCHOR_ATTRIBUTES: ReadonlySet<string> = new Set(['id', 'name']);

/**
 * Extracts title, main heading and fragment targets (every `id`, and `name` on `<a>`) from
 * (possibly truncated) HTML, in one tokenizer pass with no tree (see scanHtml).
 */
export function inspectPage(html: string): PageSignals {
  const anchors = new Set<string>();
  scanHtml(
    html,
    {
      open(name, attributes) {
        if (!attributes) return;
        if (attributes.id) anchors.add(decodeHTMLAttribute(attributes.id));
        if (name === 'a' && attributes.name) anchors.add(decodeHTMLAttribute(attributes.name));
      },
    },
    ANCHOR_ATTRIBUTES,
  );
  return { ...pageHeadlines(html), anchors, isChallenge: isChallengePage(html) };
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
