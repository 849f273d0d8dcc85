import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { ResolvedNames } from './resolved-names.js';

/** Why an address is off limits (an ipaddr.js range name, plus metadata). */
export interface AddressVerdict {
  /** The address as checked (IPv4-mapped/embedded forms name the inner IPv4 too). */
  address: string;
  /** ipaddr.js range name, e.g. "private", "loopback", "linkLocal", "uniqueLocal". */
  range: string;
  /** Short human description naming the address, for CheckResult.reason. */
  reason: string;
}

// Ranges we refuse to connect to unless --allow-private: loopback, RFC 1918, RFC 6598 CGNAT,
// RFC 3927 / RFC 4291 link-local (cloud metadata 169.254.169.254 lives there), RFC 4193 ULA
// (fd00:ec2::254 is AWS's IPv6 metadata), unspecified, multicast, broadcast, and reserved or
// test ranges that no public source uses.
const BLOCKED_RANGES = new Set([
  'unspecified',
  'broadcast',
  'multicast',
  'linkLocal',
  'loopback',
  'carrierGradeNat',
  'private',
  'reserved',
  'uniqueLocal',
  'deprecatedSiteLocal',
  'discard',
  'benchmarking',
  'ipv4Compatible',
  'localUseNat64',
]);

const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

// With their article: "an unspecified address", "a unique local address".
const RANGE_WORDS: Record<string, string> = {
  unspecified: 'an unspecified',
  broadcast: 'a broadcast',
  multicast: 'a multicast',
  linkLocal: 'a link-local',
  loopback: 'a loopback',
  carrierGradeNat: 'a carrier-grade NAT',
  private: 'a private',
  reserved: 'a reserved',
  uniqueLocal: 'a unique local (private IPv6)',
  deprecatedSiteLocal: 'a site-local',
  discard: 'a discard-only',
  benchmarking: 'a benchmarking',
  ipv4Compatible: 'a deprecated IPv4-compatible IPv6',
  localUseNat64: 'a local-use NAT64 (RFC 8215)',
};

/**
 * The IPv4 addresses an IPv6 address carries, where a stack or a gateway may deliver to them:
 * IPv4-mapped and -translated (::ffff:a.b.c.d, ::ffff:0:a.b.c.d), NAT64 (64:ff9b::/96), 6to4
 * (2002:AABB:CCDD::), Teredo (server in bits 32-63, client in the last 32 bits inverted) and
 * IPv4-compatible (::a.b.c.d, RFC 4291 §2.5.5.1). The URL parser writes [::127.0.0.1] as
 * [::7f00:1], which ipaddr.js calls plain unicast: that spelling reached loopback.
 */
function embeddedIPv4(v6: ipaddr.IPv6, range: string): ipaddr.IPv4[] {
  const bytes = v6.toByteArray();
  const at = (offset: number, invert = false): ipaddr.IPv4 =>
    new ipaddr.IPv4(bytes.slice(offset, offset + 4).map((b) => (invert ? b ^ 0xff : b)));
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return [at(12)];
  if (range === '6to4') return [at(2)];
  if (range === 'teredo') return [at(4), at(12, true)];
  if (range === 'unicast' && bytes.slice(0, 12).every((b) => b === 0)) return [at(12)];
  return [];
}

/** The range of an IPv6 address that ipaddr.js names too broadly or not at all. */
function ipv6Range(v6: ipaddr.IPv6): string {
  const range = v6.range();
  const parts = v6.parts;
  // 64:ff9b:1::/48 is for translators inside one network, where the IPv4 part may sit at any
  // of RFC 6052's offsets: the whole prefix is private by definition.
  if (range === 'rfc6052' && parts[2] === 1) return 'localUseNat64';
  return range;
}

/**
 * Classifies one IP address: returns a verdict when the address is off limits by default,
 * undefined when it is public. Strings that are not IP addresses return undefined. `lead`
 * begins the reason: how the link came to that address.
 */
export function classifyAddress(address: string, lead = 'resolves to'): AddressVerdict | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return undefined;
  // ipaddr.js reads "::a.b.c.d" as "::ffff:a.b.c.d"; it is the IPv4-compatible form.
  const parsed = ipaddr.parse(/^::\d+\.\d+\.\d+\.\d+$/.test(bare) ? `::0:${bare.slice(2)}` : bare);
  const verdict = (range: string, shown: string, normal: string): AddressVerdict | undefined => {
    if (!BLOCKED_RANGES.has(range)) return undefined;
    const metadata = METADATA.has(normal) || METADATA.has(bare.toLowerCase()) ? ', cloud metadata' : '';
    return {
      address: bare,
      range,
      reason: `${lead} ${shown}, ${RANGE_WORDS[range] ?? `a ${range}`} address${metadata}`,
    };
  };
  if (parsed.kind() === 'ipv4') return verdict(parsed.range(), bare, parsed.toString());
  const v6 = parsed as ipaddr.IPv6;
  const range = ipv6Range(v6);
  const inner = embeddedIPv4(v6, range);
  if (inner.length === 0) return verdict(range, bare, v6.toString());
  for (const v4 of inner) {
    const found = verdict(v4.range(), `${bare} (${v4.toString()})`, v4.toString());
    if (found) return found;
  }
  // IPv4-compatible addresses were deprecated in 2006 and no public source uses one; some
  // stacks still tunnel them to the IPv4 inside. Refused whatever that IPv4 is.
  return range === 'unicast' ? verdict('ipv4Compatible', bare, bare) : undefined;
}

/** True when a URL hostname (as the URL parser normalised it) is an IP literal. */
export function isIpLiteral(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return ipaddr.IPv4.isValidFourPartDecimal(bare) || (bare.includes(':') && ipaddr.IPv6.isValid(bare));
}

/**
 * Checks a URL hostname that is an IP literal. Node's net.connect skips the lookup for IP
 * literals, so the connect-time check cannot see them: they are checked before any request.
 * The WHATWG URL parser already turned decimal/hex/octal forms (2130706433, 0x7f.1) into
 * dotted quads. Returns undefined for names and public addresses.
 */
export function checkLiteralHost(hostname: string): AddressVerdict | undefined {
  // Nothing was resolved: the URL names the address itself.
  return isIpLiteral(hostname) ? classifyAddress(hostname, 'is the address') : undefined;
}

/** Thrown by the safe lookup when a name resolves to a forbidden address. */
export class PrivateAddressError extends Error {
  /** Stable code, found by walking `.cause` from undici's connect error. */
  readonly code = 'CITECHECK_PRIVATE_ADDRESS';
  /** The offending address and range. */
  readonly verdict: AddressVerdict;

  constructor(hostname: string, verdict: AddressVerdict) {
    super(`${hostname} ${verdict.reason}`);
    this.name = 'PrivateAddressError';
    this.verdict = verdict;
  }
}

type LookupCallback = Parameters<LookupFunction>[2];

/**
 * `localhost` and every name under `.localhost` are loopback, answered here without asking any
 * resolver (RFC 6761 §6.3): a `.localhost` name a post cites (checked with --allow-private)
 * must not become a DNS query that leaves the machine. The address policy then decides as for
 * any loopback address.
 */
function localhostAnswer(hostname: string, family: LookupOptions['family']): LookupAddress[] | undefined {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name !== 'localhost' && !name.endsWith('.localhost')) return undefined;
  const all: LookupAddress[] = [
    { address: '127.0.0.1', family: 4 },
    { address: '::1', family: 6 },
  ];
  const wanted = family === 'IPv4' ? 4 : family === 'IPv6' ? 6 : family;
  return wanted === 4 || wanted === 6 ? all.filter((a) => a.family === wanted) : all;
}

/** The verdict on the first forbidden address of a name's answer, if any. */
function inwardVerdict(list: readonly LookupAddress[]): AddressVerdict | undefined {
  for (const entry of list) {
    const verdict = classifyAddress(entry.address);
    if (verdict) return verdict;
  }
  return undefined;
}

/**
 * Wraps a resolver (dns.lookup by default) for undici's connector: the decision is made on
 * the address the name RESOLVES to, at connect time, so a public-looking name pointing inwards
 * (or DNS rebinding between checks) is caught. If any resolved address is forbidden the
 * connection is refused: a public name with an inward record is not a source we trust.
 * `names`, when given, learns of every name resolved and whether it points inwards (what
 * `allowPrivate` let through), so the public archive is never asked about it.
 */
export function createSafeLookup(
  base: LookupFunction | undefined,
  allowPrivate: boolean,
  names?: ResolvedNames,
): LookupFunction {
  const given: LookupFunction = base ?? (dnsLookup as unknown as LookupFunction);
  const resolver: LookupFunction = (hostname, options, callback) => {
    const loopback = localhostAnswer(hostname, options.family);
    if (loopback !== undefined) queueMicrotask(() => callback(null, loopback));
    else given(hostname, options, callback);
  };
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolver(hostname, { ...options, all: true }, (err, addresses, family) => {
      if (err) {
        callback(err, addresses, family);
        return;
      }
      const list: LookupAddress[] = Array.isArray(addresses)
        ? addresses
        : [{ address: addresses, family: family ?? (addresses.includes(':') ? 6 : 4) }];
      if (list.length === 0) {
        const notFound = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
        callback(notFound, list);
        return;
      }
      if (!allowPrivate || names) {
        const verdict = inwardVerdict(list);
        names?.record(hostname, verdict && `${hostname} ${verdict.reason}`);
        if (verdict && !allowPrivate) {
          callback(new PrivateAddressError(hostname, verdict) as NodeJS.ErrnoException, list);
          return;
        }
      }
      // A copy: the list may be a cached answer shared by every connection to the host.
      if (options.all) callback(null, list.slice());
      else callback(null, list[0].address, list[0].family);
    });
  };
}
