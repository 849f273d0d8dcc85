import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { classifyAddress, createSafeLookup, isIpLiteral } from '../check/address-policy.js';
import type { ResolvedNames } from '../check/resolved-names.js';
import { reservedKind } from '../links/filter.js';

// Names that only mean something inside one network (RFC 6762 .local, RFC 8375 home.arpa,
// ICANN's reserved .internal, and the usual intranet suffixes).
const PRIVATE_SUFFIXES = ['.local', '.internal', '.intranet', '.lan', '.corp', '.home', '.home.arpa', '.localdomain'];

/**
 * Why a host cannot be a public web site, from its name alone; undefined when it could be. A
 * public archive has no capture of an intranet page, and asking it would tell a third party
 * the intranet's URLs: links to IP literals in private, loopback or link-local ranges,
 * single-label names, reserved and intranet-only names are never looked up in the public
 * archive (nor names that resolved inwards: ResolvedNames).
 */
export function whyNotPublic(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (isIpLiteral(host)) return classifyAddress(host, 'the host is')?.reason;
  const reserved = reservedKind(host);
  if (reserved === 'example-domain') return `${host} is a name reserved for documentation`;
  if (reserved === 'reserved-name') return `${host} is a name reserved for local use`;
  if (!host.includes('.')) return `${host} is a single-label (intranet) name`;
  return PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix)) ? `${host} is an intranet-only name` : undefined;
}

/**
 * Whether the archive at `endpoint` is a local one, the only kind told of intranet URLs (a
 * pywb on the intranet may hold their copies): its host is itself private, by name (an IP
 * literal in a private, loopback or link-local range, `localhost`, `.test`, a single-label or
 * intranet-only name) or because every address it resolves to is. Any other endpoint, the
 * default or one the user chose, is a public archive and gets the same filtering: a name
 * that does not resolve within `timeoutMs` counts as public.
 */
export async function isLocalArchive(
  endpoint: string,
  lookup: LookupFunction | undefined,
  timeoutMs: number,
): Promise<boolean> {
  let host: string;
  try {
    host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  if (isIpLiteral(host)) return classifyAddress(host) !== undefined;
  if (reservedKind(host) !== 'example-domain' && whyNotPublic(host) !== undefined) return true;
  const addresses = await resolveWithin(createSafeLookup(lookup, true), host, timeoutMs);
  return addresses.length > 0 && addresses.every((a) => classifyAddress(a.address) !== undefined);
}

/**
 * Resolves `hosts` through the safe lookup (allowing every address, as --allow-private does)
 * so that `names` learns which point inwards: for names a run's checks did not resolve. A name
 * whose resolver fails or does not answer within `timeoutMs` is left unknown.
 */
export async function learnNames(
  hosts: Iterable<string>,
  names: ResolvedNames,
  lookup: LookupFunction | undefined,
  timeoutMs: number,
): Promise<void> {
  const resolve = createSafeLookup(lookup, true, names);
  await Promise.all([...hosts].map((host) => resolveWithin(resolve, host, timeoutMs)));
}

/** The addresses `host` resolves to through `resolve`, or none when it fails or does not answer within `timeoutMs`. */
function resolveWithin(resolve: LookupFunction, host: string, timeoutMs: number): Promise<readonly LookupAddress[]> {
  return new Promise((done) => {
    const timer = setTimeout(() => done([]), timeoutMs);
    timer.unref();
    resolve(host, { all: true }, (error, list) => {
      clearTimeout(timer);
      done(error || !Array.isArray(list) ? [] : list);
    });
  });
}
