/** True for statuses worth retrying: 5xx except 501 (not implemented stays so), 408, 429. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

/**
 * Parses a Retry-After value (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
 * Returns the delay in ms from `now` (never negative), or undefined when absent/garbled.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential backoff with jitter: base · 2^retry, scaled by a random factor in [0.75, 1.25)
 * so that many links failing together do not retry in lockstep.
 */
export function backoffDelay(retry: number, baseMs: number, random: () => number): number {
  return Math.round(baseMs * 2 ** retry * (0.75 + random() * 0.5));
}
