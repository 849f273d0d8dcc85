import type { CitecheckOptions } from '../config/options.js';
import { UsageError } from '../errors.js';
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

const regexCache = new Map<string, RegExp>();

function compile(pattern: string, flag: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(pattern);
    } catch {
      throw new UsageError(`${flag} ${JSON.stringify(pattern)} is not a valid regular expression`);
    }
    regexCache.set(pattern, re);
  }
  return re;
}

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
 * Returns undefined when the URL should be checked. Throws UsageError for a bad regex.
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
    if (compile(pattern, '--exclude').test(url)) {
      return { status: 'excluded', errorCode: 'EXCLUDED_PATTERN', reason: `matches --exclude ${pattern}` };
    }
  }
  if (options.include.length > 0 && !options.include.some((p) => compile(p, '--include').test(url))) {
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
