import type { Dispatcher } from 'undici';
import type { CitecheckOptions } from '../config/options.js';
import { reservedExclusion } from '../links/filter.js';
import type { Clock } from '../ratelimit/clock.js';
import { HostGaveUpError } from '../ratelimit/refusals.js';
import type { RequestPool } from '../ratelimit/request-pool.js';
import type { RedirectHop } from '../types.js';
import { checkLiteralHost } from './address-policy.js';
import { classifyNetworkError, type FailureVerdict } from './error-code.js';
import { whenAborted } from './follow-abort.js';
import { sendRequest, type RawResponse } from './http-client.js';
import { isChallengePage, isChallengeResponse } from './page-signals.js';
import { buildRequestHeaders } from './request-headers.js';
import { asksRetryAfter, backoffDelay, isRetryableStatus, parseRetryAfter } from './retry-policy.js';

/** What a chain of requests needs from the run. */
export interface FetchContext {
  /** Run options. */
  options: CitecheckOptions;
  /** The undici dispatcher every request goes through. */
  dispatcher: Dispatcher;
  /** Global cap and per-host lanes. */
  pool: RequestPool;
  /** Clock and sleep. */
  clock: Clock;
  /** Jitter source in [0, 1). */
  random: () => number;
}

/** One chain: a URL followed through its redirects, with retries on each hop. */
export interface FetchRequest {
  /** Where the chain starts. */
  url: string;
  /** `url` already parsed, when the caller has it (never mutated here): one URL less per check. */
  parsedUrl?: URL;
  /** Method of the first attempt ('head' falls back to GET when HEAD fails). */
  method: 'get' | 'head';
  /** Accept header. */
  accept: string;
  /** Bytes of body to read for a response (0 = cancel the body right after the headers). */
  bodyLimit: (status: number, headers: Record<string, string>) => number;
  /** Aborts everything (whole-check bound and Ctrl-C). */
  signal: AbortSignal;
  /** Called when a request actually starts (arms the whole-check bound). */
  onStart?: () => void;
  /** Absolute time the chain must be over by, once known; retries that cannot fit are skipped. */
  deadline?: () => number | undefined;
}

/** Mutable progress of a chain, readable even when the chain is aborted midway. */
export interface ChainState {
  /** Requests sent. */
  attempts: number;
  /** Hops followed so far. */
  redirects: RedirectHop[];
  /** The URL being requested now (the final URL when done). */
  currentUrl: string;
  /** The last response seen (e.g. a 429 before a retry that never came). */
  lastResponse?: RawResponse;
  /**
   * The timeout of an attempt that got no answer, while its retry has not been answered
   * either: if the check's bound cuts the retry, this is still the link's verdict. Whether the
   * retry's wait fitted in the bound depends on timer ticks and jitter, so without it the same
   * silent server was a HEADERS_TIMEOUT in one run and a RESPONSE_TIMEOUT in the next.
   */
  unanswered?: FailureVerdict;
}

/** How a chain ended: a final response, or a failure verdict. */
export type ChainOutcome =
  | { kind: 'response'; response: RawResponse; url: string }
  | { kind: 'failure'; failure: FailureVerdict; httpStatus?: number };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function failure(
  status: FailureVerdict['status'],
  errorCode: FailureVerdict['errorCode'],
  reason: string,
): FailureVerdict {
  return { status, errorCode, reason, retryable: false };
}

/**
 * Settles with the promise, or rejects as soon as the signal aborts: a request still queued
 * for a host slot must not keep a check alive past its bound (the queued task then finds the
 * signal aborted and returns at once).
 */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const unlisten = whenAborted(signal, () => reject(signal.reason));
    promise.then(
      (value) => {
        unlisten();
        resolve(value);
      },
      (error) => {
        unlisten();
        reject(error);
      },
    );
  });
}

/** True when a response is a bot challenge that no retry will get past. */
function isChallenge(response: RawResponse): boolean {
  return (
    isChallengeResponse(response.headers) ||
    (response.body !== undefined && isChallengePage(response.body.toString('latin1')))
  );
}

/**
 * Runs one request with retries through the host's lane. Returns the last response, or a
 * failure verdict for network errors. Retryable statuses (5xx but 501, 408, 429) and transient
 * errors back off exponentially with jitter; a Retry-After (429/503) pauses the whole host
 * lane for min(Retry-After, retryAfterMaxMs), which is also how this request waits. A wait that
 * would not fit in the whole-check bound is not started: the last answer stands.
 */
async function requestWithRetries(
  ctx: FetchContext,
  req: FetchRequest,
  state: ChainState,
  url: URL,
  originUrl: URL,
  method: 'get' | 'head',
): Promise<{ response: RawResponse } | { failure: FailureVerdict; httpStatus?: number }> {
  const { options, pool, clock } = ctx;
  const lane = pool.lane(url.host);
  let currentMethod = method;
  let retry = 0;
  const fits = (delay: number): boolean => {
    const deadline = req.deadline?.();
    return deadline === undefined || clock.now() + delay < deadline;
  };
  for (;;) {
    const headers = buildRequestHeaders(options, url, originUrl, req.accept);
    const sentMethod = currentMethod;
    let response: RawResponse;
    let retryAfter: number | undefined;
    let challenge = false;
    try {
      response = await raceAbort(
        pool.run(
          url.host,
          async (markStarted) => {
            req.onStart?.();
            state.attempts += 1;
            const startedAt = clock.now();
            const answer = await sendRequest(ctx.dispatcher, url, {
              onSent: markStarted,
              method: sentMethod === 'head' ? 'HEAD' : 'GET',
              headers,
              signal: req.signal,
              headersTimeoutMs: options.headersTimeoutMs,
              bodyTimeoutMs: options.bodyTimeoutMs,
              bodyLimit: req.bodyLimit,
              onAnswered: () => {
                state.unanswered = undefined;
              },
            });
            // The lane hears of a refusal before this request's slot is freed, so the next
            // request to the host already waits (a HEAD's 503 is asked again with GET first).
            const { status } = answer;
            challenge = isRetryableStatus(status) && isChallenge(answer);
            if ((status === 429 || (status === 503 && sentMethod !== 'head')) && !challenge) {
              retryAfter = parseRetryAfter(answer.headers['retry-after'], clock.now());
              lane.refused({ status, retryAfterMs: retryAfter, startedAt });
            } else if (status !== 503) lane.answered(status);
            return answer;
          },
          // Once the check's bound runs, its hops and retries go before checks not yet started.
          { signal: req.signal, isRetry: retry > 0, awaitStart: true, urgent: req.deadline?.() !== undefined },
        ),
        req.signal,
      );
    } catch (error) {
      if (req.signal.aborted) throw req.signal.reason ?? error;
      // A retry the host was given up before: the refusal this check already had is its answer.
      // A server error that asked for no wait is judged as one (a site that is down is broken,
      // as when one link's retries run out), not as a rate limit.
      if (error instanceof HostGaveUpError) {
        const last = retry > 0 ? state.lastResponse : undefined;
        if (last && last.status >= 500 && !asksRetryAfter(last.headers)) return { response: last };
        return { failure: gaveUp(error, retry > 0), ...(last ? { httpStatus: last.status } : {}) };
      }
      const verdict = classifyNetworkError(error);
      if (!verdict.retryable || retry >= options.retries) return { failure: verdict };
      const delay = backoffDelay(retry, options.retryBaseDelayMs, ctx.random);
      if (!fits(delay)) return { failure: verdict };
      if (verdict.status === 'timeout') state.unanswered = verdict;
      await clock.sleep(delay, req.signal);
      retry += 1;
      continue;
    }
    state.lastResponse = response;
    const { status } = response;
    if (currentMethod === 'head' && status >= 400 && status !== 429) {
      // Many servers answer HEAD with 405/501/404/403/500 while GET works: ask again with
      // GET (through the lane like any request). A 429 is a refusal whatever the method.
      currentMethod = 'get';
      continue;
    }
    if (!isRetryableStatus(status) || challenge) return { response };
    if (retry >= options.retries) return { response };
    // A server asking for more than the cap is not retried at all: retrying early would
    // only provoke another refusal (and counts towards giving the host up).
    if (retryAfter !== undefined && retryAfter > options.retryAfterMaxMs) return { response };
    const delay = retryAfter ?? backoffDelay(retry, options.retryBaseDelayMs, ctx.random);
    if (!fits(delay)) return { response };
    // With a Retry-After the lane pause is the wait (the next run() sleeps it out).
    if (retryAfter === undefined) await clock.sleep(delay, req.signal);
    retry += 1;
  }
}

/** A host given up after refusing again and again: its links are blocked, not broken. */
function gaveUp(error: HostGaveUpError, answered: boolean): FailureVerdict {
  // A check whose first request was answered (with the refusal it reports) was not retried.
  return failure('blocked', 'RATE_LIMITED', answered ? `not retried: ${error.host} ${error.why}` : error.message);
}

/**
 * Follows a URL through its redirects by hand: each hop is checked against the address
 * policy (IP literals here; resolved names in the connector), goes through its own host's
 * lane, gets headers scoped to its origin, and is recorded. Never throws for link failures;
 * rethrows only the abort reason when `req.signal` fires.
 */
export async function fetchChain(ctx: FetchContext, req: FetchRequest, state: ChainState): Promise<ChainOutcome> {
  const { options } = ctx;
  const originUrl = req.parsedUrl ?? new URL(req.url);
  let current = originUrl;
  // Made at the first redirect: most links answer where they are (a Set per check was ~1% of
  // what the engine allocates per link: 0.3 of 34 MB on 2,000 links, bench/engine-alloc.js).
  let visited: Set<string> | undefined;
  let method = req.method;
  for (;;) {
    state.currentUrl = current.href;
    const literal = options.allowPrivate ? undefined : checkLiteralHost(current.hostname);
    if (literal) return { kind: 'failure', failure: failure('excluded', 'PRIVATE_ADDRESS', literal.reason) };
    const result = await requestWithRetries(ctx, req, state, current, originUrl, method);
    if ('failure' in result) return { kind: 'failure', failure: result.failure, httpStatus: result.httpStatus };
    const { response } = result;
    if (!REDIRECT_STATUSES.has(response.status)) return { kind: 'response', response, url: current.href };
    const location = response.headers.location;
    if (!location) {
      return {
        kind: 'failure',
        failure: failure('broken', 'REDIRECT_NO_LOCATION', `${response.status} without Location`),
        httpStatus: response.status,
      };
    }
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      return {
        kind: 'failure',
        failure: failure('broken', 'REDIRECT_NO_LOCATION', `unparseable Location ${location}`),
        httpStatus: response.status,
      };
    }
    next.hash = '';
    state.redirects.push({ url: current.href, status: response.status, location: next.href });
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      return {
        kind: 'failure',
        failure: failure('broken', 'REDIRECT_BAD_SCHEME', `redirects to ${next.protocol}`),
        httpStatus: response.status,
      };
    }
    visited ??= new Set<string>([originUrl.href]);
    if (visited.has(next.href)) {
      return {
        kind: 'failure',
        failure: failure('broken', 'REDIRECT_LOOP', `loops back to ${next.href}`),
        httpStatus: response.status,
      };
    }
    if (state.redirects.length > options.maxRedirects) {
      return {
        kind: 'failure',
        failure: failure('broken', 'TOO_MANY_REDIRECTS', `more than ${options.maxRedirects} redirects`),
        httpStatus: response.status,
      };
    }
    const reserved = options.include.some((p) => p.test(next.href)) ? undefined : reservedExclusion(next, options);
    if (reserved) {
      const hop = failure('excluded', reserved.errorCode, `redirects to ${reserved.reason}`);
      return { kind: 'failure', failure: hop, httpStatus: response.status };
    }
    visited.add(next.href);
    current = next;
    // HEAD stays HEAD; a 303 means "GET the other resource", which is what GET already does.
    if (response.status === 303 && method !== 'head') method = 'get';
  }
}
