import { hostOverride } from '../config/host-override.js';
import type { CitecheckOptions } from '../config/options.js';
import { isCredentialHeader } from '../config/header-rule.js';

function hostMatches(ruleHost: string, url: URL): boolean {
  const host = ruleHost.toLowerCase();
  return host === url.host || host === url.hostname;
}

/**
 * Headers for one request of a check that started at `originUrl`.
 * - Global `--header` rules (no host) go only to the origin the check started on: on a
 *   redirect to another origin they are dropped (Fetch spec §4.4 drops Authorization on
 *   cross-origin redirects; we drop Cookie and every custom header too).
 * - Host-scoped rules and `hosts[h].headers` go only to that host, whichever hop reaches it,
 *   except a credential (Authorization, Proxy-Authorization, Cookie) on a hop from https down
 *   to plain http: that would send it in clear text to whoever sits on the path.
 * The User-Agent and content negotiation headers are always sent.
 */
export function buildRequestHeaders(
  options: Pick<CitecheckOptions, 'headers' | 'hosts' | 'userAgent'>,
  url: URL,
  originUrl: URL,
  accept: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept,
    'accept-encoding': 'gzip, deflate, br',
  };
  const override = hostOverride(options, url);
  // Most runs give no header rules: nothing below to compute for them (URL#origin builds a
  // new string on every read, twice per request here).
  if (options.headers.length === 0 && override?.headers === undefined) return headers;
  const sameOrigin = url.origin === originUrl.origin;
  const downgraded = url.protocol === 'http:' && originUrl.protocol === 'https:';
  const allowed = (name: string): boolean => !downgraded || !isCredentialHeader(name);
  for (const rule of options.headers) {
    const applies = rule.host === undefined ? sameOrigin : hostMatches(rule.host, url) && allowed(rule.name);
    if (applies) headers[rule.name.toLowerCase()] = rule.value;
  }
  for (const [name, value] of Object.entries(override?.headers ?? {}))
    if (allowed(name)) headers[name.toLowerCase()] = value;
  return headers;
}
