import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';

/**
 * How long a host's addresses are reused. dns.lookup (getaddrinfo, which honours /etc/hosts
 * and the system's resolver setup) reports no TTL, so this is a ceiling like undici's own DNS
 * interceptor uses: long enough that a run resolves each host once instead of once per
 * connection, short enough that a long run follows a host that moves.
 */
export const DNS_CACHE_TTL_MS = 30_000;

// Answers that will not change within seconds are remembered too, so a dead domain cited 50
// times is asked about once; a transient failure (EAI_AGAIN) is not remembered.
const LASTING_ERRORS = new Set(['ENOTFOUND', 'EAI_NONAME', 'EAI_NODATA']);

type LookupCallback = (err: NodeJS.ErrnoException | null, addresses: LookupAddress[] | string, family?: number) => void;
type Answer = Parameters<LookupCallback>;

interface Entry {
  /** When the answer expires (ms, the cache's clock). */
  expires: number;
  /** The answer, once it came (as the resolver gave it). */
  answer?: Answer;
  /** Callers waiting for the first answer: one lookup serves every connection opened meanwhile. */
  waiting?: LookupCallback[];
}

/**
 * Wraps a resolver (called with `all: true`) so each host is resolved once per TTL, and
 * concurrent connections to a host share one lookup. It only remembers answers: the caller
 * (the safe lookup) still decides on the addresses for every connection, so the private-address
 * policy is applied to each connection and each redirect hop as before.
 */
export function createCachingLookup(base: LookupFunction, now: () => number = Date.now): LookupFunction {
  const entries = new Map<string, Entry>();
  return ((hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const key = `${hostname.toLowerCase()}|${options.family ?? 0}|${options.hints ?? 0}`;
    const entry = entries.get(key);
    if (entry && entry.expires > now()) {
      const { answer } = entry;
      if (answer) queueMicrotask(() => callback(...answer));
      else entry.waiting?.push(callback);
      return;
    }
    const fresh: Entry = { expires: Number.POSITIVE_INFINITY, waiting: [callback] };
    entries.set(key, fresh);
    base(hostname, { ...options, all: true }, (...answer: Answer) => {
      const [err] = answer;
      if (!err || LASTING_ERRORS.has(err.code ?? '')) {
        fresh.answer = answer;
        fresh.expires = now() + DNS_CACHE_TTL_MS;
      } else entries.delete(key);
      const waiting = fresh.waiting ?? [];
      fresh.waiting = undefined;
      for (const waiter of waiting) waiter(...answer);
    });
  }) as unknown as LookupFunction;
}
