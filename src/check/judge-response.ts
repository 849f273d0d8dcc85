import { STATUS_CODES } from 'node:http';
import type { CheckErrorCode, CheckTarget, LinkStatus } from '../types.js';
import { decodeDocument } from '../sources/decode.js';
import type { RawResponse } from './http-client.js';
import { asksRetryAfter } from './retry-policy.js';
import {
  hasFragment,
  inspectPage,
  isChallengePage,
  isChallengeResponse,
  pageHeadlines,
  saysNotFound,
} from './page-signals.js';
import type { StatusMatcher } from '../config/status-ranges.js';

/** The verdict on a final response (before any soft-404 probe). */
export interface ResponseVerdict {
  /** Link status. */
  status: LinkStatus;
  /** Machine code when not plainly ok. */
  errorCode?: CheckErrorCode;
  /** Short human detail. */
  reason?: string;
  /** Cited fragments missing on the page. */
  missingFragments?: string[];
  /** Title and main heading, when the body was read and is HTML (for the probe comparison). */
  page?: { title: string; heading: string };
}

/** True for content types that hold an HTML page (missing type: assume it might). */
export function isHtmlType(headers: Record<string, string>): boolean {
  const type = (headers['content-type'] ?? '').toLowerCase();
  return type === '' || type.includes('html');
}

/**
 * The text of an HTML response body, decoded by its declared charset (header, then <meta>)
 * so that a UTF-16 "Page not found" page still reads as a soft 404. Undefined
 * when no body was read, the type is not HTML, or the bytes are binary.
 */
export function htmlOf(response: RawResponse): string | undefined {
  if (response.body === undefined || !isHtmlType(response.headers)) return undefined;
  try {
    return decodeDocument(response.body, { contentType: response.headers['content-type'], isHtml: true }).text;
  } catch {
    return undefined;
  }
}

/** True for a site's home page: the root path (or /index.*) with no query. */
export function isHomePage(url: URL): boolean {
  return url.search === '' && /^\/(?:index\.[a-z]+)?$/i.test(url.pathname);
}

/**
 * True for a URL with a path below the site root (deep links can be "soft" 404s). The home
 * page under another name (/index.html) is not deep: its redirect to / is a tidy-up.
 */
export function isDeepUrl(url: URL): boolean {
  return url.pathname.replace(/\/+$/, '') !== '' && !/^\/index\.[a-z]+$/i.test(url.pathname);
}

// "#top" and "#" always resolve in HTML (HTML §7.4.6.4); text fragments are not ids.
function isImplicitFragment(fragment: string): boolean {
  return fragment === '' || fragment.toLowerCase() === 'top' || fragment.startsWith(':~:');
}

/**
 * Classifies the final response of a chain. Order matters: a bot challenge is `blocked`
 * whatever its status; accepted statuses are then tested for soft-404 signs and fragments;
 * 401/403/999 and a 429 that outlasted its retries are `blocked` (never `broken`).
 */
export function judgeResponse(
  target: CheckTarget,
  response: RawResponse,
  finalUrl: URL,
  redirected: boolean,
  accept: StatusMatcher,
  checkFragments: boolean,
): ResponseVerdict {
  const { status } = response;
  const is2xx = status >= 200 && status <= 299;
  const html = htmlOf(response);
  const page = html !== undefined ? pageHeadlines(html) : undefined;
  if (isChallengeResponse(response.headers)) {
    return { status: 'blocked', errorCode: 'BOT_CHALLENGE', reason: 'cf-mitigated: challenge' };
  }
  // On 2xx pages only the strong markers count: an article may mention a CDN's name.
  if (
    html !== undefined &&
    (is2xx ? /^(just a moment|attention required)/i.test(page?.title ?? '') : isChallengePage(html))
  ) {
    return { status: 'blocked', errorCode: 'BOT_CHALLENGE', reason: 'bot challenge page' };
  }
  if (is2xx || accept(status)) {
    if (is2xx && page && (saysNotFound(page.title) || saysNotFound(page.heading))) {
      const said = saysNotFound(page.title) ? page.title : page.heading;
      return { status: 'soft-404', errorCode: 'SOFT_404', reason: `the page says "${said.slice(0, 80)}"`, page };
    }
    if (redirected && isDeepUrl(new URL(target.url)) && isHomePage(finalUrl)) {
      return {
        status: 'soft-404',
        errorCode: 'SOFT_404',
        reason: `redirected to the home page ${finalUrl.href}`,
        page,
      };
    }
    const verdict: ResponseVerdict = { status: 'ok', page };
    if (checkFragments && target.fragments.length > 0 && html !== undefined) {
      const { anchors } = inspectPage(html);
      const missing = target.fragments.filter((f) => !isImplicitFragment(f) && !hasFragment(anchors, f));
      // A page cut at the size cap may hold the id further down: do not call it missing.
      if (missing.length > 0 && response.truncated)
        verdict.reason = 'page larger than the body cap; fragments not verified';
      else if (missing.length > 0) verdict.missingFragments = missing;
    }
    return verdict;
  }
  if (status === 429) return { status: 'blocked', errorCode: 'RATE_LIMITED', reason: 'HTTP 429 after retries' };
  // A 503 with Retry-After says "come back later" (maintenance, overload, a rate limit that
  // uses 503): the page may be fine, so a human looks rather than CI failing on it. An invalid
  // Retry-After ("abc", empty) is ignored (RFC 9110): a site that is down still fails the run.
  if (status === 503 && asksRetryAfter(response.headers)) {
    return {
      status: 'blocked',
      errorCode: 'RATE_LIMITED',
      reason: `HTTP 503 asking to retry after ${response.headers['retry-after']}`,
    };
  }
  if (status === 401 || status === 403 || status === 999) {
    return {
      status: 'blocked',
      errorCode: 'HTTP_ERROR',
      reason: `HTTP ${status}: the server refuses automated checks`,
    };
  }
  // The status line's reason phrase ("Not Found", "Gone") says more than the number repeated.
  return { status: 'broken', errorCode: 'HTTP_ERROR', reason: STATUS_CODES[status] ?? `HTTP ${status}` };
}
