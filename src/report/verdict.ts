import type { CheckResult, Citation, ReportCitation } from '../types.js';

/**
 * Pairs a citation with its verdict: an invalid URL is `skipped` with INVALID_URL; a
 * citation without a check key (mailto:, tel:, …) is `skipped`; otherwise the check result
 * of its checkUrl, or `unchecked` when the run never got to it (interrupted or offline).
 */
export function citationVerdict(citation: Citation, results: ReadonlyMap<string, CheckResult>): ReportCitation {
  // Built field by field (no spreads, no undefined keys): this runs once per citation and
  // dominated report building on archives with hundreds of thousands of links.
  const out = { url: citation.url, anchorText: citation.anchorText, sentence: citation.sentence } as ReportCitation;
  if (citation.ignored !== undefined) {
    // The user asked for it not to be checked (an ignore comment, the config's ignore list).
    out.status = 'excluded';
    out.redirects = [];
    out.reason = citation.ignored;
  } else if (citation.unresolved !== undefined) {
    // A link to the site whose URL only the site generator knows (extract/template-links.ts).
    out.status = 'unchecked';
    out.redirects = [];
    out.reason = citation.unresolved;
  } else if (citation.invalid !== undefined) {
    out.status = 'skipped';
    out.redirects = [];
    out.errorCode = 'INVALID_URL';
    out.reason = citation.invalid;
  } else if (citation.checkUrl === undefined) {
    // Nothing to request; say why when the scheme tells us, or when a relative link had no base.
    out.status = 'skipped';
    out.redirects = [];
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(citation.url)?.[1]?.toLowerCase();
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
      out.errorCode = 'UNSUPPORTED_SCHEME';
      out.reason = `${scheme}: link`;
    } else if (scheme === undefined && !citation.url.startsWith('#')) {
      out.reason = 'relative link and the post has no URL to resolve it against';
    }
  } else {
    const result = results.get(citation.checkUrl);
    if (result === undefined) {
      out.status = 'unchecked';
      out.redirects = [];
    } else {
      out.status = result.status;
      if (result.httpStatus !== undefined) out.httpStatus = result.httpStatus;
      if (result.finalUrl !== undefined) out.finalUrl = result.finalUrl;
      out.redirects = result.redirects.map((hop) => ({ ...hop }));
      if (result.errorCode !== undefined) out.errorCode = result.errorCode;
      if (result.reason !== undefined) out.reason = result.reason;
      if (result.history !== undefined) out.history = { ...result.history };
      if (result.fromCache) out.fromCache = true;
    }
  }
  out.rawHref = citation.rawHref;
  if (citation.checkUrl !== undefined) out.checkUrl = citation.checkUrl;
  if (citation.fragment !== undefined) out.fragment = citation.fragment;
  if (citation.invalid !== undefined) out.invalid = citation.invalid;
  if (citation.unresolved !== undefined) out.unresolved = citation.unresolved;
  if (citation.ignored !== undefined) out.ignored = citation.ignored;
  out.rel = [...citation.rel];
  out.isInternal = citation.isInternal;
  out.origin = citation.origin;
  if (citation.line !== undefined) out.line = citation.line;
  return out;
}

/** Drops keys whose value is undefined, so reports serialise identically however built. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
