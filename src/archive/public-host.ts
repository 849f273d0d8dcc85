import { classifyAddress, isIpLiteral } from '../check/address-policy.js';
import { reservedKind } from '../links/filter.js';

// Names that only mean something inside one network (RFC 6762 .local, RFC 8375 home.arpa,
// ICANN's reserved .internal, and the usual intranet suffixes).
const PRIVATE_SUFFIXES = ['.local', '.internal', '.intranet', '.lan', '.corp', '.home', '.home.arpa', '.localdomain'];

/**
 * True when a host could be a public web site. A public archive has no capture of an
 * intranet page, and asking it would tell a third party the intranet's URLs: links to IP
 * literals in private, loopback or link-local ranges, single-label names, reserved and
 * intranet-only names are never looked up in the public archive.
 */
export function isPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (isIpLiteral(host)) return classifyAddress(host) === undefined;
  if (!host.includes('.') || reservedKind(host) !== undefined) return false;
  return !PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix));
}
