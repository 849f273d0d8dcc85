import type { HeaderRule } from './options.js';

// RFC 9110 §5.6.2: a header name is a token.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** True when `name` can be an HTTP header name. */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

// RFC 9110 §5.5: a field value holds no control character but the tab. A line break in one
// would end the header (undici refuses to send it, and every link would fail as unreachable).
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** True when `value` can be an HTTP header value. */
export function isHeaderValue(value: string): boolean {
  return !CONTROL.test(value);
}

/** Why `value` cannot be a header value, for an error line. */
export const HEADER_VALUE_PROBLEM = 'holds a line break or another control character';

/**
 * Parses a `--header` value: "Name: value" for every host, or "host=Name: value" for one
 * host (header names cannot contain "=", RFC 9110 §5.6.2, so the split is unambiguous).
 * Throws SyntaxError saying what is wrong; the config layer names the flag.
 */
export function parseHeaderRule(text: string): HeaderRule {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new SyntaxError(`expected "Name: value" or "host=Name: value", got: ${text}`);
  let name = text.slice(0, colon).trim();
  const value = text.slice(colon + 1).trim();
  let host: string | undefined;
  const eq = name.indexOf('=');
  if (eq >= 0) {
    host = name.slice(0, eq).trim().toLowerCase();
    name = name.slice(eq + 1).trim();
  }
  if (!isHeaderName(name) || (host !== undefined && !host)) throw new SyntaxError(`invalid header "${text}"`);
  if (!isHeaderValue(value)) throw new SyntaxError(`the value of header "${name}" ${HEADER_VALUE_PROBLEM}`);
  return host ? { host, name, value } : { name, value };
}

// Headers that carry a credential: sent to every cited site, they would hand it to strangers.
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

/** True for a header that carries a credential (Authorization, Proxy-Authorization, Cookie). */
export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADERS.has(name.toLowerCase());
}

/**
 * The name of the first credential header (Authorization, Proxy-Authorization, Cookie) given
 * without a host, if any. `check` sends such headers to the origin of every cited link, so it
 * refuses them: a credential goes only to a host the user names.
 */
export function unscopedCredential(rules: readonly HeaderRule[]): string | undefined {
  return rules.find((rule) => rule.host === undefined && isCredentialHeader(rule.name))?.name;
}
