import type { FindingCode, Severity } from '../types.js';

/** What the report knows about a finding code: its severity and its rule text. */
export interface FindingCodeInfo {
  /** Severity every finding of this code carries. */
  severity: Severity;
  /** Short rule name (SARIF shortDescription, JUnit/annotation titles). */
  title: string;
  /** What it means and what a human should do about it (SARIF help). */
  help: string;
}

/**
 * The one table of finding severities (PRODUCT.md "Findings"). Key order is the order rules
 * are listed in SARIF, so keep errors first.
 */
export const FINDING_CODES: Readonly<Record<FindingCode, FindingCodeInfo>> = Object.freeze({
  LINK_BROKEN: {
    severity: 'error',
    title: 'Cited source is broken',
    help: 'The cited URL answered with an HTTP error (4xx/5xx) after retries. Find where the source moved, link an archived copy, or remove the claim.',
  },
  LINK_UNREACHABLE: {
    severity: 'error',
    title: 'Cited source is unreachable',
    help: 'The host of the cited URL could not be reached (DNS failure, connection refused or reset, TLS error). The site may be gone; find a new home or an archived copy of the source.',
  },
  LINK_SOFT_404: {
    severity: 'error',
    title: 'Cited source is a soft 404',
    help: 'The cited URL answers 200 but shows a "not found" page or redirects to the home page: the source is gone even though the server does not say so.',
  },
  LINK_INVALID: {
    severity: 'error',
    title: 'Citation URL is malformed',
    help: 'The href of the citation is not a valid URL (typo such as "https;//" or "http//", spaces, a bad port), so readers cannot follow it. Fix the URL in the post.',
  },
  ANCHOR_DAMAGED: {
    severity: 'error',
    title: 'Anchor lost its URL',
    help: 'The anchor text of a link survives but its URL is gone (an orphan </a>, or an <a> with no, empty or "#" href). The claim lost its source; restore the link from an earlier revision.',
  },
  LINK_TIMEOUT: {
    severity: 'warning',
    title: 'Cited source timed out',
    help: 'The cited URL did not answer in time after retries. It may be slow or down; check it by hand.',
  },
  LINK_BLOCKED: {
    severity: 'warning',
    title: 'Cited source refuses automated checks',
    help: 'The server refused the check (401/403/429/999 or a bot challenge). The link may be fine: a human must look.',
  },
  LINK_REDIRECT_PERMANENT: {
    severity: 'warning',
    title: 'Cited source moved permanently',
    help: 'The cited URL redirects permanently (301/308) to a new address. Update the link to the new URL so it keeps working.',
  },
  FRAGMENT_MISSING: {
    severity: 'warning',
    title: 'Cited #fragment is missing',
    help: 'The page exists but has no element with the cited #fragment id, so the link no longer lands on the passage it cites.',
  },
  QUOTE_NOT_FOUND: {
    severity: 'warning',
    title: 'Quoted text not found in source',
    help: 'The sentence the post quotes no longer appears on the cited page. The source may have changed; check that it still supports the claim.',
  },
  SOURCE_CHANGED: {
    severity: 'warning',
    title: 'Source changed since the post',
    help: 'The cited page no longer says what it said when the post was written: a capture from the post date still has the quoted text (or, with --drift, the page text differs from the capture). Link the archived copy, or check that the source still supports the claim.',
  },
  ARCHIVE_MISSING: {
    severity: 'warning',
    title: 'Failing source has no archived copy',
    help: 'The cited source fails and the web archive holds no capture of it: the source is lost unless someone kept a copy. Find another source for the claim, or ask the publisher.',
  },
  LINK_FAILING: {
    severity: 'warning',
    title: 'Cited source is failing',
    help: 'The cited URL failed with a timeout, a reset or a server error, but not yet often enough, or for long enough, to be called dead (--confirm). It becomes an error once it has failed the confirmed number of checks over the confirmed span.',
  },
  INPUT_REPAIRED: {
    severity: 'warning',
    title: 'Input was repaired',
    help: 'The input was damaged (invalid or truncated JSON, stray characters) and citecheck repaired it to read it. Results may be incomplete; fix the export.',
  },
  CLAIM_UNCITED: {
    severity: 'note',
    title: 'Claim has no source',
    help: 'The paragraph makes a claim (a quote, a figure or an attribution) but cites no source. Consider adding one.',
  },
  LINK_INSECURE_HTTP: {
    severity: 'note',
    title: 'Citation uses plain http',
    help: 'The citation links over unencrypted http://. Use https:// when the source supports it.',
  },
  ARCHIVE_AVAILABLE: {
    severity: 'note',
    title: 'An archived copy is available',
    help: 'An archived copy of the cited source exists, captured near the post date, and can replace or back up the failing link (`citecheck fix` links it).',
  },
} satisfies Record<FindingCode, FindingCodeInfo>);

/** Every finding code, in table order (errors first). */
export const FINDING_CODE_LIST: readonly FindingCode[] = Object.freeze(Object.keys(FINDING_CODES) as FindingCode[]);

/** Severities, most severe first. */
export const SEVERITIES: readonly Severity[] = Object.freeze(['error', 'warning', 'note'] as Severity[]);

/** Numeric weight of a severity: higher is more severe (error 3, warning 2, note 1). */
export function severityRank(severity: Severity): number {
  return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1;
}

/** True when a finding of `severity` should fail a run configured with `failOn`. */
export function isAtOrAbove(severity: Severity, failOn: Severity | 'never'): boolean {
  if (failOn === 'never') return false;
  return severityRank(severity) >= severityRank(failOn);
}
