import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * Why a host name that the URL parser accepted can never resolve, or undefined. WHATWG URL
 * parsing does not enforce DNS limits (it skips the length check and lets "a..b" through),
 * so without this such links would be requested and reported "unreachable" after a DNS
 * round trip, instead of as the malformed URLs they are. Limits are RFC 1035 §2.3.4.
 */

const MAX_HOST = 253;
const MAX_LABEL = 63;
const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;

/** True when an "xn--" label is real punycode: it decodes to non-ASCII and encodes back to itself. */
function isValidPunycode(label: string): boolean {
  const unicode = domainToUnicode(label);
  // "xn--bad-" decodes to plain "bad": IDNA forbids an A-label for an all-ASCII name.
  if (unicode === '' || /^[\x00-\x7f]*$/.test(unicode)) return false;
  return domainToASCII(unicode) === label.toLowerCase();
}

// Verdicts of the host names seen last: a page cites a few hosts many times over. Bounded, so
// an archive citing a million hosts does not keep them all.
const known = new Map<string, string | undefined>();
const KNOWN_MAX = 1000;

/** Why `hostname` (as `URL.hostname` gives it, trailing dot removed) cannot resolve. */
export function invalidHostName(hostname: string): string | undefined {
  if (known.has(hostname)) return known.get(hostname);
  const why = hostNameProblem(hostname);
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(hostname, why);
  return why;
}

/** The verdict of invalidHostName, computed. */
function hostNameProblem(hostname: string): string | undefined {
  // IP literals have no labels; the URL parser has already validated them.
  if (hostname.startsWith('[') || IPV4.test(hostname)) return undefined;
  if (hostname.length > MAX_HOST) return `host name longer than ${MAX_HOST} characters (${hostname.length})`;
  for (const label of hostname.split('.')) {
    if (label === '') return 'empty label in host name (two dots in a row, or a leading dot)';
    if (label.length > MAX_LABEL) return `host name label longer than ${MAX_LABEL} characters (${label.length})`;
    if (/^xn--/i.test(label) && !isValidPunycode(label)) return `invalid punycode label ${label} in host name`;
  }
  return undefined;
}
