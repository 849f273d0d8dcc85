import { roleVerdict, untargetedVerdict } from '../links/plan.js';
import type { CheckResult, Citation, ReportCitation } from '../types.js';

/**
 * Pairs a citation with its verdict: the check result of its checkUrl (decided by the plan or
 * checked by the engine), `unchecked` when the run never got to it (interrupted), or, for a
 * citation that is no target (malformed URL, relative link with no base), the plan's reason.
 */
export function citationVerdict(citation: Citation, results: ReadonlyMap<string, CheckResult>): ReportCitation {
  // Built field by field (no spreads, no undefined keys): this runs once per citation and
  // dominated report building on archives with hundreds of thousands of links.
  const out = { url: citation.url, anchorText: citation.anchorText, sentence: citation.sentence } as ReportCitation;
  if (citation.invalid !== undefined || citation.checkUrl === undefined || citation.ignored !== undefined) {
    const verdict = untargetedVerdict(citation);
    out.status = verdict.status;
    out.redirects = [];
    if (verdict.errorCode !== undefined) out.errorCode = verdict.errorCode;
    if (verdict.reason !== undefined) out.reason = verdict.reason;
  } else {
    const result = results.get(citation.checkUrl);
    if (result === undefined && citation.role !== undefined) {
      const verdict = roleVerdict(citation.role);
      out.status = verdict.status;
      out.redirects = [];
      out.errorCode = verdict.errorCode;
      out.reason = verdict.reason;
    } else if (result === undefined) {
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
      if (result.unconfirmed) out.unconfirmed = true;
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
  if (citation.role !== undefined) out.role = citation.role;
  if (citation.via !== undefined) out.via = citation.via;
  return out;
}
