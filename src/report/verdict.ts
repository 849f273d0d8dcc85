import type { CheckResult, Citation, ReportCitation } from '../types.js';

/**
 * Pairs a citation with its verdict: an invalid URL is `skipped` with INVALID_URL; a
 * citation without a check key (mailto:, tel:, …) is `skipped`; otherwise the check result
 * of its checkUrl, or `unchecked` when the run never got to it (interrupted or offline).
 */
export function citationVerdict(citation: Citation, results: ReadonlyMap<string, CheckResult>): ReportCitation {
  const base = {
    url: citation.url,
    anchorText: citation.anchorText,
    sentence: citation.sentence,
  };
  const tail = {
    rawHref: citation.rawHref,
    checkUrl: citation.checkUrl,
    fragment: citation.fragment,
    invalid: citation.invalid,
    rel: [...citation.rel],
    isInternal: citation.isInternal,
    origin: citation.origin,
  };
  if (citation.invalid !== undefined) {
    return { ...base, status: 'skipped', redirects: [], errorCode: 'INVALID_URL', reason: citation.invalid, ...tail };
  }
  if (citation.checkUrl === undefined) {
    // Not http(s): there is nothing to request, but say why when the scheme tells us.
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(citation.url)?.[1]?.toLowerCase();
    const unsupported = scheme !== undefined && scheme !== 'http' && scheme !== 'https';
    return {
      ...base,
      status: 'skipped',
      redirects: [],
      ...(unsupported ? { errorCode: 'UNSUPPORTED_SCHEME' as const, reason: `${scheme}: link` } : {}),
      ...tail,
    };
  }
  const result = results.get(citation.checkUrl);
  if (result === undefined) return { ...base, status: 'unchecked', redirects: [], ...tail };
  return {
    ...base,
    status: result.status,
    httpStatus: result.httpStatus,
    finalUrl: result.finalUrl,
    redirects: result.redirects.map((hop) => ({ ...hop })),
    errorCode: result.errorCode,
    reason: result.reason,
    history: result.history ? { ...result.history } : undefined,
    ...tail,
  };
}

/** Drops keys whose value is undefined, so reports serialise identically however built. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
