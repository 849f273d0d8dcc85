/**
 * One consistent URL normalisation, so that the same source written two ways is checked once.
 *
 * WHATWG URL parsing already lower-cases scheme and host, converts IDN hosts to punycode,
 * drops default ports and percent-encodes non-ASCII. On top of it we decode percent-encoded
 * unreserved characters and upper-case the remaining escapes (RFC 3986 §6.2.2.1–2), so
 * `%7e`/`~` and `caf%c3%a9`/`café` collapse. Path case, trailing slashes and query order are
 * kept: servers may treat them as different resources.
 */

import { invalidHostName } from './host-name.js';
import { mistypedScheme } from './scheme-typo.js';

/** A normalised URL, or why it could not be read. */
export type NormalizedUrl =
  | {
      /** Normalised absolute URL including the fragment. */
      url: string;
      /**
       * The URL without its fragment: the key of the check. Empty when there is nothing to
       * request: a fragment-only or relative link in a document with no known URL.
       */
      checkUrl: string;
      /** Fragment without "#", when present and non-empty. */
      fragment?: string;
      /** Scheme without ":" ("https", "mailto", …); empty for an unresolvable relative link. */
      scheme: string;
    }
  | {
      /** Why the href is malformed. */
      invalid: string;
    };

// Hrefs that a browser would resolve as a relative path but that are certainly a mistyped
// absolute URL: "https;//x", "http//x", "http:/x", "http:x".
const MISTYPED_SEPARATOR = /^[a-z][a-z0-9+.-]*;\/\//i;
const MISSING_COLON = /^https?\/\//i;
const MISSING_SLASHES = /^https?:\/?(?!\/)/i;
const LOOKS_LIKE_HOST = /^www\.[^/\s]+\.[a-z]{2,}(?:[/?#]|$)/i;
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const PERCENT = /%([0-9a-fA-F]{2})/g;
const ASCII_WHITESPACE_INSIDE = /[\t\n\r]/g;

/** Decodes escaped unreserved characters and upper-cases the other escapes. */
function normalizePercent(part: string): string {
  if (!part.includes('%')) return part;
  return part.replace(PERCENT, (_m, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

/** Says why `new URL` refused an absolute http(s) href, in the user's terms. */
function explainInvalid(href: string): string {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(href)?.[1];
  if (authority !== undefined) {
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    if (hostPort === '') return 'empty host';
    if (/\s/.test(hostPort)) return 'space in host name';
    const port = /:(\d*)$/.exec(hostPort)?.[1];
    if (port !== undefined && port !== '' && Number(port) > 65535) return `port ${port} out of range`;
    if (/:[^\d\]]*$/.test(hostPort) && !hostPort.startsWith('[')) return 'port is not a number';
  }
  return 'not a valid URL';
}

/** Strips the fragment from a serialised URL. */
function withoutFragment(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

/** Why an href is certainly a mistyped absolute URL, or undefined (see the patterns above). */
function mistakeOf(raw: string): string | undefined {
  if (MISTYPED_SEPARATOR.test(raw)) return "mistyped scheme separator (';' instead of ':')";
  const typo = mistypedScheme(raw);
  if (typo) return typo;
  if (MISSING_COLON.test(raw)) return "missing ':' after the scheme";
  if (MISSING_SLASHES.test(raw)) return "missing '//' after the scheme";
  if (LOOKS_LIKE_HOST.test(raw)) return 'host name without a scheme (add https://)';
  return undefined;
}

/**
 * Normalises `href` (resolved against `base`). Non-http schemes (mailto:, tel:, javascript:,
 * data:) come back as themselves with their scheme, for the checker to skip. A fragment-only
 * or relative href with no base has an empty `checkUrl` (reported as skipped, not invalid: it
 * is an in-document link we cannot locate, not a broken one). Never throws.
 */
export function normalizeUrl(href: string, base?: string): NormalizedUrl {
  const raw = href.trim().replace(ASCII_WHITESPACE_INSIDE, '');
  if (raw === '') return { invalid: 'empty URL' };
  // "http://" and "https://", as nearly every link is written, are none of the mistakes below.
  if (!raw.startsWith('https://') && !raw.startsWith('http://')) {
    const mistake = mistakeOf(raw);
    if (mistake !== undefined) return { invalid: mistake };
  }

  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw);
  // A protocol-relative link (//cdn.org/x) names its host: without a base, assume https,
  // as a browser on any https page would.
  const resolveAgainst = base ?? (raw.startsWith('//') ? 'https://host.invalid/' : undefined);
  let parsed: URL;
  try {
    parsed = resolveAgainst !== undefined && !hasScheme ? new URL(raw, resolveAgainst) : new URL(raw);
  } catch {
    if (hasScheme) return { invalid: explainInvalid(raw) };
    if (base === undefined) {
      // A relative link in a document whose own URL is unknown: nothing to request.
      const hash = raw.indexOf('#');
      const fragment = hash === -1 ? undefined : raw.slice(hash + 1);
      return { url: raw, checkUrl: '', scheme: '', ...(fragment ? { fragment } : {}) };
    }
    return { invalid: 'not a valid URL' };
  }

  const scheme = parsed.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') {
    return { url: parsed.href, checkUrl: withoutFragment(parsed.href), scheme, ...fragmentOf(parsed) };
  }
  if (parsed.hostname === '') return { invalid: 'empty host' };
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.replace(/\.+$/, '');
  const badHost = invalidHostName(parsed.hostname);
  if (badHost) return { invalid: badHost };
  // Each setter re-serialises the whole URL: set only what changes (most links change nothing).
  const pathname = parsed.pathname;
  const path = normalizePercent(pathname);
  if (path !== pathname) parsed.pathname = path;
  const search = parsed.search;
  // An empty query ("x?") reads as '' but serialises its "?": clearing it drops the mark.
  if (search === '') {
    if (parsed.href.includes('?')) parsed.search = '';
  } else {
    const query = normalizePercent(search);
    if (query !== search) parsed.search = query;
  }
  const hash = parsed.hash;
  if (hash === '') {
    if (parsed.href.includes('#')) parsed.hash = '';
  } else {
    const fragment = normalizePercent(hash);
    if (fragment !== hash) parsed.hash = fragment;
  }
  const url = parsed.href;
  return { url, checkUrl: withoutFragment(url), scheme, ...fragmentOf(parsed) };
}

/** The non-empty fragment of a parsed URL, without "#". */
function fragmentOf(parsed: URL): { fragment?: string } {
  return parsed.hash.length > 1 ? { fragment: parsed.hash.slice(1) } : {};
}
