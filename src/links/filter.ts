import type { CitecheckOptions } from '../config/options.js';
import { patternText } from '../config/patterns.js';
import type { CheckErrorCode } from '../types.js';

/** Why a URL gets no request: skipped (not http(s)) or excluded (pattern, example domain). */
export interface UrlClassification {
  /** Verdict given without a request. */
  status: 'skipped' | 'excluded';
  /** Machine code of the reason. */
  errorCode: CheckErrorCode;
  /** Short human detail (the scheme, the pattern, the domain). */
  reason: string;
}

// RFC 2606 §3 reserves example.com/.net/.org; RFC 2606 §2 and RFC 6761 §6 reserve the
// .example, .invalid, .test and .localhost TLDs and the name localhost. None can be a real
// source, so checking them only produces noise (or, for localhost, a request inwards).
const EXAMPLE_SLDS = ['example.com', 'example.net', 'example.org'];
const RESERVED_TLDS = ['example', 'invalid', 'test', 'localhost'];

/** True for hosts reserved for examples and tests (RFC 2606, RFC 6761). */
export function isExampleDomain(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost') return true;
  if (EXAMPLE_SLDS.some((d) => host === d || host.endsWith(`.${d}`))) return true;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return host.includes('.') && RESERVED_TLDS.includes(tld);
}

/**
 * Decides, without any network, whether a URL is left unchecked: non-http(s) schemes are
 * skipped; --exclude matches, URLs outside --include and reserved example domains are excluded.
 * Returns undefined when the URL should be checked. The patterns come compiled (config layer).
 */
export function classifyUrl(
  url: string,
  options: Pick<CitecheckOptions, 'include' | 'exclude'>,
): UrlClassification | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 'skipped', errorCode: 'INVALID_URL', reason: 'not a valid absolute URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { status: 'skipped', errorCode: 'UNSUPPORTED_SCHEME', reason: `${parsed.protocol} links are not checked` };
  }
  for (const pattern of options.exclude) {
    if (pattern.test(url)) {
      return { status: 'excluded', errorCode: 'EXCLUDED_PATTERN', reason: `matches --exclude ${patternText(pattern)}` };
    }
  }
  if (options.include.length > 0 && !options.include.some((p) => p.test(url))) {
    return { status: 'excluded', errorCode: 'EXCLUDED_PATTERN', reason: 'matches no --include pattern' };
  }
  if (isExampleDomain(parsed.hostname)) {
    return {
      status: 'excluded',
      errorCode: 'EXAMPLE_DOMAIN',
      reason: `${parsed.hostname} is a reserved example domain`,
    };
  }
  return undefined;
}
