/** True for statuses worth retrying: 5xx except 501 (not implemented stays so), 408, 429. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
// The three HTTP-date forms (RFC 9110 §5.6.7): IMF-fixdate, the obsolete RFC 850 form, and
// asctime (which is UTC though it does not say so). Anything else is not a date here, however
// Date.parse would read it ("later 2" is a day in 2001 to V8).
const IMF_FIXDATE = new RegExp(`^${DAY}, \\d{1,2} ${MONTH} \\d{4} ${TIME} GMT$`, 'i');
const RFC850_DATE = new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`, 'i');
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} [ \\d]?\\d ${TIME} \\d{4}$`, 'i');

/**
 * Parses a Retry-After value (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns the
 * delay in ms from `now` (never negative), or undefined when absent or invalid (empty, "abc",
 * "-5", "1.5", two values joined): RFC 9110 has an invalid field ignored, so such a response is
 * judged as one without Retry-After. An enormous delay-seconds is an enormous wait (Infinity
 * past what a number holds), which every caller treats as longer than --retry-after-max.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  let at = Number.NaN;
  if (IMF_FIXDATE.test(text) || RFC850_DATE.test(text)) at = Date.parse(text);
  else if (ASCTIME_DATE.test(text)) at = Date.parse(`${text} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** True when a response asks to be retried later with a valid Retry-After (see parseRetryAfter). */
export function asksRetryAfter(headers: Record<string, string>): boolean {
  return parseRetryAfter(headers['retry-after'], 0) !== undefined;
}

/**
 * Exponential backoff with jitter: base · 2^retry, scaled by a random factor in [0.75, 1.25)
 * so that many links failing together do not retry in lockstep.
 */
export function backoffDelay(retry: number, baseMs: number, random: () => number): number {
  return Math.round(baseMs * 2 ** retry * (0.75 + random() * 0.5));
}
