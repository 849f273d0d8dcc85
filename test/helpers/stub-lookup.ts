import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';

/**
 * A resolver stub for CheckDeps.lookup: maps made-up names to addresses (only loopback in
 * tests) and answers ENOTFOUND for anything else, so no test ever asks real DNS. The value
 * 'hang' never answers (the connection never starts: connect-timeout tests send nothing).
 */
export function stubLookup(table: Record<string, string | string[]>): LookupFunction & { calls: string[] } {
  const calls: string[] = [];
  const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void): void => {
    calls.push(hostname);
    const entry = table[hostname.toLowerCase()];
    if (entry === undefined) {
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
      queueMicrotask(() => callback(error));
      return;
    }
    if (entry === 'hang') return;
    const list: LookupAddress[] = (Array.isArray(entry) ? entry : [entry]).map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
    queueMicrotask(() => (options.all ? callback(null, list) : callback(null, list[0].address, list[0].family)));
  }) as unknown as LookupFunction;
  return Object.assign(lookup, { calls });
}
