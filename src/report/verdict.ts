import type { CheckResult, Citation, RedirectHop, ReportCitation } from '../types.js';

/**
 * Pairs a citation with its verdict: an invalid URL is `skipped` with INVALID_URL; a
 * citation without a check key (mailto:, tel:, …) is `skipped`; otherwise the check result
 * of its checkUrl, or `unchecked` when the run never got to it (interrupted or offline).
 */
export function citationVerdict(citation: Citation, results: ReadonlyMap<string, CheckResult>): ReportCitation {
  // This runs once per citation of an archive (hundreds of thousands): the verdict is worked
  // out first, then the citation is made as one literal (no spreads, no undefined keys, no
  // second allocation for fields added later), sharing the result's redirect chain.
  const { url, anchorText, sentence, rawHref, rel, isInternal, origin, checkUrl } = citation;
  let status: ReportCitation['status'];
  let redirects: RedirectHop[] = NO_REDIRECTS;
  let result: CheckResult | undefined;
  let errorCode: ReportCitation['errorCode'];
  let reason: string | undefined;
  if (citation.invalid !== undefined) {
    status = 'skipped';
    errorCode = 'INVALID_URL';
    reason = citation.invalid;
  } else if (checkUrl === undefined) {
    // Nothing to request; say why when the scheme tells us, or when a relative link had no base.
    status = 'skipped';
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
      errorCode = 'UNSUPPORTED_SCHEME';
      reason = `${scheme}: link`;
    } else if (scheme === undefined && !url.startsWith('#')) {
      reason = 'relative link and the post has no URL to resolve it against';
    }
  } else {
    result = results.get(checkUrl);
    if (result === undefined) {
      status = 'unchecked';
    } else {
      status = result.status;
      redirects = result.redirects;
      errorCode = result.errorCode;
      reason = result.reason;
    }
  }
  const httpStatus = result?.httpStatus;
  const out: ReportCitation =
    checkUrl !== undefined && httpStatus !== undefined
      ? { url, anchorText, sentence, status, httpStatus, redirects, rawHref, checkUrl, rel, isInternal, origin }
      : { url, anchorText, sentence, status, redirects, rawHref, rel, isInternal, origin };
  if (checkUrl !== undefined && httpStatus === undefined) out.checkUrl = checkUrl;
  if (result?.finalUrl !== undefined) out.finalUrl = result.finalUrl;
  if (errorCode !== undefined) out.errorCode = errorCode;
  if (reason !== undefined) out.reason = reason;
  if (result?.history !== undefined) out.history = result.history;
  if (result?.fromCache) out.fromCache = true;
  if (citation.fragment !== undefined) out.fragment = citation.fragment;
  if (citation.invalid !== undefined) out.invalid = citation.invalid;
  return out;
}

/** The chain of a citation that was not followed: one shared, frozen empty list. */
const NO_REDIRECTS = Object.freeze([]) as unknown as RedirectHop[];

/** Drops keys whose value is undefined, so reports serialise identically however built. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
