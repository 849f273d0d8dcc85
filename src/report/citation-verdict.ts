import { isCheckedRole, roleVerdict, untargetedVerdict } from '../links/plan.js';
import type { ResultLookup } from '../links/offline-results.js';
import type { CheckResult, Citation, RedirectHop, ReportCitation } from '../types.js';

/**
 * Pairs a citation with its verdict: the check result of its checkUrl (decided by the plan or
 * checked by the engine), `unchecked` when the run never got to it (interrupted), or, for a
 * citation that is no target (malformed URL, relative link with no base), the plan's reason.
 */
export function citationVerdict(citation: Citation, results: ResultLookup): ReportCitation {
  // This runs once per citation of an archive (hundreds of thousands): the verdict is worked
  // out first, then the citation is made as one literal (no spreads, no undefined keys, no
  // second allocation for the common fields), sharing the result's redirect chain and history.
  const { url, anchorText, sentence, rawHref, rel, isInternal, origin, checkUrl } = citation;
  let status: ReportCitation['status'];
  let redirects: RedirectHop[] = NO_REDIRECTS;
  let result: CheckResult | undefined;
  let errorCode: ReportCitation['errorCode'];
  let reason: string | undefined;
  if (citation.invalid !== undefined || checkUrl === undefined || citation.ignored !== undefined) {
    const verdict = untargetedVerdict(citation);
    status = verdict.status;
    errorCode = verdict.errorCode;
    reason = verdict.reason;
  } else {
    result = results.get(checkUrl);
    if (result === undefined && citation.role !== undefined && !isCheckedRole(citation.role)) {
      const verdict = roleVerdict(citation.role);
      status = verdict.status;
      errorCode = verdict.errorCode;
      reason = verdict.reason;
    } else if (result === undefined) {
      status = 'unchecked';
    } else {
      status = result.status;
      // Shared with the result and every citation of the URL: redaction replaces, never edits, it.
      redirects = result.redirects;
      errorCode = result.errorCode;
      reason = result.reason;
    }
  }
  const httpStatus = result?.httpStatus;
  const { line } = citation;
  // A literal for each common set of fields: a field added after it goes to a second object
  // (~50 bytes a citation; the checkUrl and line of every link of an offline run of a Markdown
  // file). The JSON report orders the keys itself.
  let out: ReportCitation;
  if (checkUrl === undefined) out = { url, anchorText, sentence, status, redirects, rawHref, rel, isInternal, origin };
  else if (httpStatus !== undefined)
    out = { url, anchorText, sentence, status, httpStatus, redirects, rawHref, checkUrl, rel, isInternal, origin };
  else if (line === undefined)
    out = { url, anchorText, sentence, status, redirects, rawHref, checkUrl, rel, isInternal, origin };
  // With a line (every link of a Markdown file), the reason and its code in the literal too: an
  // offline run gives every link a reason (`--offline`, an example domain's), and fields added
  // after the literal took a second object per citation.
  else if (reason === undefined)
    out = { url, anchorText, sentence, status, redirects, rawHref, checkUrl, rel, isInternal, origin, line };
  else if (errorCode === undefined)
    out = { url, anchorText, sentence, status, redirects, rawHref, checkUrl, rel, isInternal, origin, line, reason };
  else
    out = {
      url,
      anchorText,
      sentence,
      status,
      redirects,
      rawHref,
      checkUrl,
      rel,
      isInternal,
      origin,
      line,
      errorCode,
      reason,
    };
  if (result?.finalUrl !== undefined) out.finalUrl = result.finalUrl;
  if (errorCode !== undefined && out.errorCode === undefined) out.errorCode = errorCode;
  if (reason !== undefined && out.reason === undefined) out.reason = reason;
  if (result?.history !== undefined) out.history = result.history;
  if (result?.fromCache) out.fromCache = true;
  if (result?.unconfirmed) out.unconfirmed = true;
  if (citation.fragment !== undefined) out.fragment = citation.fragment;
  if (citation.invalid !== undefined) out.invalid = citation.invalid;
  if (citation.unresolved !== undefined) out.unresolved = citation.unresolved;
  if (citation.ignored !== undefined) out.ignored = citation.ignored;
  if (line !== undefined && out.line === undefined) out.line = line;
  if (citation.role !== undefined) out.role = citation.role;
  if (citation.via !== undefined) out.via = citation.via;
  if (citation.archivedCopy !== undefined) out.archivedCopy = citation.archivedCopy;
  return out;
}

/** The chain of a citation that was not followed: one shared, frozen empty list. */
const NO_REDIRECTS = Object.freeze([]) as unknown as RedirectHop[];
