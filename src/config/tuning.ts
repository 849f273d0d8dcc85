/**
 * Share of the whole-check bound that one attempt may wait for headers, or between body
 * chunks: most of it, so a slow but working server can answer, yet not all, so a hung first
 * attempt leaves time for a retry. Derived, so that raising --timeout helps a slow server.
 */
const ATTEMPT_SHARE_OF_TIMEOUT = 0.75;

/** Per-attempt headers and body timeouts for a whole-check bound. */
export function attemptTimeoutMs(timeoutMs: number): number {
  return Math.round(timeoutMs * ATTEMPT_SHARE_OF_TIMEOUT);
}

/** First retry backoff, in ms (doubles each retry, with jitter): not a user option. */
export const RETRY_BASE_DELAY_MS = 1_000;
