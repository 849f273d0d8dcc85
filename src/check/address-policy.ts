import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

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
]);

const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

const RANGE_WORDS: Record<string, string> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT',
  private: 'private',
  reserved: 'reserved',
  uniqueLocal: 'unique local (private IPv6)',
  deprecatedSiteLocal: 'site-local',
  discard: 'discard-only',
  benchmarking: 'benchmarking',
};

/** The IPv4 address embedded in an IPv6 one (mapped, NAT64 or 6to4), when there is one. */
function embeddedIPv4(v6: ipaddr.IPv6, range: string): ipaddr.IPv4 | undefined {
  const bytes = v6.toByteArray();
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') {
    return new ipaddr.IPv4(bytes.slice(12, 16));
  }
  if (range === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6));
  return undefined;
}

/**
 * Classifies one IP address: returns a verdict when the address is off limits by default,
 * undefined when it is public. Strings that are not IP addresses return undefined.
 */
export function classifyAddress(address: string): AddressVerdict | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return undefined;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(bare);
  let range = parsed.range();
  let shown = bare;
  if (parsed.kind() === 'ipv6') {
    const inner = embeddedIPv4(parsed as ipaddr.IPv6, range);
    if (inner) {
      parsed = inner;
      range = inner.range();
      shown = `${bare} (${inner.toString()})`;
    }
  }
  if (!BLOCKED_RANGES.has(range)) return undefined;
  const normal = parsed.toString();
  const metadata = METADATA.has(normal) || METADATA.has(bare.toLowerCase()) ? ', cloud metadata' : '';
  return { address: bare, range, reason: `resolves to ${shown}, a ${RANGE_WORDS[range] ?? range} address${metadata}` };
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
  return isIpLiteral(hostname) ? classifyAddress(hostname) : undefined;
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
 * Wraps a resolver (dns.lookup by default) for undici's connector: the decision is made on
 * the address the name RESOLVES to, at connect time, so a public-looking name pointing inwards
 * (or DNS rebinding between checks) is caught. If any resolved address is forbidden the
 * connection is refused: a public name with an inward record is not a source we trust.
 */
export function createSafeLookup(base: LookupFunction | undefined, allowPrivate: boolean): LookupFunction {
  const resolver: LookupFunction = base ?? (dnsLookup as unknown as LookupFunction);
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
      if (!allowPrivate) {
        for (const entry of list) {
          const verdict = classifyAddress(entry.address);
          if (verdict) {
            callback(new PrivateAddressError(hostname, verdict) as NodeJS.ErrnoException, list);
            return;
          }
        }
      }
      if (options.all) callback(null, list);
      else callback(null, list[0].address, list[0].family);
    });
  };
}
