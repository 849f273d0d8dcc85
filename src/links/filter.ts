import type { CitecheckOptions } from '../config/options.js';
import { patternText } from '../config/patterns.js';
import type { CheckErrorCode } from '../types.js';

/** Which rule of the options keeps a URL from being requested. */
export type UrlRule =
  /** Not http(s): mailto:, tel:, ftp:, … */
  | 'scheme'
  /** Not an absolute URL at all (only targets built by hand; extraction never makes one). */
  | 'invalid-url'
  /** An --exclude pattern matched. */
  | 'exclude-pattern'
  /** --include patterns were given and none matched. */
  | 'not-included'
  /** A name reserved for documentation (RFC 2606): example.com/.net/.org, .example, .invalid. */
  | 'example-domain'
  /** A name reserved for local setups (RFC 6761): localhost, .localhost, .test. */
  | 'reserved-name';

/** Why a URL gets no request: skipped (not http(s)) or excluded (pattern, reserved name). */
export interface UrlClassification {
  /** Verdict given without a request. */
  status: 'skipped' | 'excluded';
  /** The rule that decided it. */
  rule: UrlRule;
  /** Machine code of the reason. */
  errorCode: CheckErrorCode;
  /** Short human detail (the scheme, the pattern, the domain). */
  reason: string;
}

// RFC 2606 §3 reserves example.com/.net/.org; RFC 2606 §2 and RFC 6761 §6 reserve the
// .example, .invalid, .test and .localhost TLDs and the name localhost. Documentation names can
// never be a real source, so checking them only produces noise. Local names are a request
// inwards, unless the user is auditing a local setup (many WordPress local sites use .test).
const EXAMPLE_SLDS = ['example.com', 'example.net', 'example.org'];
const EXAMPLE_TLDS = ['example', 'invalid'];
const LOCAL_TLDS = ['test', 'localhost'];

/** Which kind of reserved name `hostname` is (RFC 2606, RFC 6761), if any. */
export function reservedKind(hostname: string): 'example-domain' | 'reserved-name' | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost') return 'reserved-name';
  if (EXAMPLE_SLDS.some((d) => host === d || host.endsWith(`.${d}`))) return 'example-domain';
  if (!host.includes('.')) return undefined;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (EXAMPLE_TLDS.includes(tld)) return 'example-domain';
  if (LOCAL_TLDS.includes(tld)) return 'reserved-name';
  return undefined;
}

/** The options the URL rules read. */
export type UrlRuleOptions = Pick<CitecheckOptions, 'include' | 'exclude'> &
  Partial<Pick<CitecheckOptions, 'allowPrivate'>>;

/**
 * Decides, without any network, whether the options keep a URL from being requested:
 * non-http(s) schemes are skipped; a URL matching an --include pattern is checked whatever
 * else would exclude it (as lychee does); otherwise --exclude matches, URLs outside the
 * --include patterns, documentation names (RFC 2606) and, without --allow-private, local names
 * (RFC 6761) are excluded. Returns undefined when the URL should be checked. The patterns come
 * compiled and validated by the config layer. The private-address policy is not decided here: it needs the
 * resolved address, so the engine applies it at connect time and on every redirect hop, and
 * only --allow-private lifts it.
 */
export function classifyUrl(url: string, options: UrlRuleOptions, given?: URL): UrlClassification | undefined {
  // `given`: the caller's own parse of `url` (the plan has one already).
  let parsed: URL;
  try {
    parsed = given ?? new URL(url);
  } catch {
    return { status: 'skipped', rule: 'invalid-url', errorCode: 'INVALID_URL', reason: 'not a valid absolute URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return {
      status: 'skipped',
      rule: 'scheme',
      errorCode: 'UNSUPPORTED_SCHEME',
      reason: `${parsed.protocol} links are not checked`,
    };
  }
  // An explicit --include is the user naming what to check: it wins over every exclusion rule.
  if (options.include.some((p) => p.test(url))) return undefined;
  for (const pattern of options.exclude) {
    if (pattern.test(url)) {
      return {
        status: 'excluded',
        rule: 'exclude-pattern',
        errorCode: 'EXCLUDED_PATTERN',
        reason: `matches --exclude ${patternText(pattern)}`,
      };
    }
  }
  if (options.include.length > 0) {
    return {
      status: 'excluded',
      rule: 'not-included',
      errorCode: 'EXCLUDED_PATTERN',
      reason: 'matches no --include pattern',
    };
  }
  return reservedExclusion(parsed, options);
}

/**
 * The exclusion of a name reserved for documentation, or (without --allow-private) for local
 * setups; undefined for other names. Also asked of every redirect hop: a hop is not requested
 * where a link would not be (an --include that names the hop still wins).
 */
export function reservedExclusion(parsed: URL, options: UrlRuleOptions): UrlClassification | undefined {
  const reserved = reservedKind(parsed.hostname);
  if (reserved === 'example-domain') {
    return {
      status: 'excluded',
      rule: reserved,
      errorCode: 'EXAMPLE_DOMAIN',
      reason: `${parsed.hostname} is a reserved example domain`,
    };
  }
  // --allow-private means "I am checking a local setup": a staging site on .test or
  // localhost is then what the user wants checked.
  if (reserved === 'reserved-name' && !options.allowPrivate) {
    return {
      status: 'excluded',
      rule: reserved,
      errorCode: 'LOCAL_NAME',
      reason: `${parsed.hostname} is a reserved name for local setups (--allow-private checks it)`,
    };
  }
  return undefined;
}
