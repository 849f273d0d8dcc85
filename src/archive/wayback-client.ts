import pLimit, { type LimitFunction } from 'p-limit';
import type { Dispatcher } from 'undici';
import { hostOverride } from '../config/host-override.js';
import type { CitecheckOptions } from '../config/options.js';
import { fetchChain, type ChainState, type FetchContext } from '../check/fetch-chain.js';
import type { RawResponse } from '../check/http-client.js';
import type { RequestPool } from '../ratelimit/request-pool.js';
import type { Clock } from '../ratelimit/clock.js';

/** An answer from the archive, or why there is none. Never thrown: a failed lookup is data. */
export type ArchiveAnswer<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One row of a CDX answer. */
export interface CdxCapture {
  /** 14-digit Wayback timestamp. */
  timestamp: string;
  /** The URL as captured. */
  original: string;
  /** HTTP status of the capture ("200", "301", "-" for revisits). */
  statuscode: string;
}

/** The closest capture the availability API names. */
export interface AvailableCapture {
  /** 14-digit Wayback timestamp. */
  timestamp: string;
  /** HTTP status of the capture, as the API gives it ("200"). */
  status: string;
}

/** What the client needs from the run. */
export interface WaybackClientDeps {
  /** Run options (timeouts, retries, body cap, user agent, host overrides). */
  options: CitecheckOptions;
  /** The run's pool: archive requests take the archive host's lane. */
  pool: RequestPool;
  /** The dispatcher archive requests go through. */
  dispatcher: Dispatcher;
  /** Clock and sleep. */
  clock: Clock;
  /** Jitter source. */
  random: () => number;
  /** Ctrl-C. */
  signal?: AbortSignal;
}

// Same-origin redirects the archive may answer with (a replay redirects to the exact
// timestamp it holds, a captured redirect to its target's capture).
const MAX_ARCHIVE_REDIRECTS = 5;
// Failures in a row to reach the archive at all before the client stops asking.
const UNREACHABLE_AFTER = 3;
const ACCEPT_JSON = 'application/json;q=1, text/plain;q=0.5';
const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';

/**
 * A client of a Wayback-compatible archive: the availability API, the CDX API and replay, all
 * under one base URL. Requests go through the run's pool (the archive host's lane: one in
 * flight and an interval by default, Retry-After honoured) and follow redirects only within
 * the archive's origin, so a trusted (perhaps private) archive endpoint cannot be used to
 * reach anywhere else.
 */
export class WaybackClient {
  /** Base URL without a trailing slash. */
  readonly base: string;
  /** Requests sent to the archive (redirect hops and retries included). */
  requests = 0;
  /** Set once the archive could not be reached several times in a row: why. */
  unreachable?: string;
  private networkFailures = 0;
  private readonly turns: LimitFunction;
  private readonly origin: string;
  private readonly deps: WaybackClientDeps;
  private readonly ctx: FetchContext;

  constructor(endpoint: string, deps: WaybackClientDeps) {
    this.base = endpoint.replace(/\/+$/, '');
    this.origin = new URL(this.base).origin;
    this.deps = deps;
    // Redirects are followed here, hop by hop, to keep them on the archive's origin. Global
    // --header rules belong to the user's sites, never to the archive; host-scoped ones stay.
    const options: CitecheckOptions = {
      ...deps.options,
      maxRedirects: 0,
      headers: deps.options.headers.filter((rule) => rule.host !== undefined),
    };
    this.ctx = { options, dispatcher: deps.dispatcher, pool: deps.pool, clock: deps.clock, random: deps.random };
    this.turns = pLimit(Math.max(1, hostOverride(deps.options, new URL(this.base))?.concurrency ?? 1));
  }

  /** The run's abort signal (Ctrl-C), for requests made beside the client's own. */
  get signal(): AbortSignal | undefined {
    return this.deps.signal;
  }

  /** The capture's URL for readers (the archive's replay page). */
  snapshotUrl(timestamp: string, url: string): string {
    return `${this.base}/web/${timestamp}/${url}`;
  }

  /** The raw replay of a capture (`id_`: the bytes as captured, without the archive's toolbar). */
  replayUrl(timestamp: string, url: string): string {
    return `${this.base}/web/${timestamp}id_/${url}`;
  }

  /** The availability API: the capture closest to `timestamp` (or the latest), or undefined for "none". */
  async available(url: string, timestamp?: string): Promise<ArchiveAnswer<AvailableCapture | undefined>> {
    const query = `url=${encodeURIComponent(url)}${timestamp ? `&timestamp=${timestamp}` : ''}`;
    const answer = await this.getJson(`${this.base}/wayback/available?${query}`);
    if (!answer.ok) return answer;
    const snapshots = (answer.value as { archived_snapshots?: unknown } | null)?.archived_snapshots;
    if (snapshots === undefined || snapshots === null || typeof snapshots !== 'object')
      return { ok: false, reason: 'availability answer without archived_snapshots' };
    const closest = (snapshots as { closest?: Record<string, unknown> }).closest;
    if (!closest || closest.available === false || typeof closest.timestamp !== 'string')
      return { ok: true, value: undefined };
    // A timestamp that is not one (`"abc"`) would become a snapshot URL with no date: garbled.
    if (!/^\d{4,14}$/.test(closest.timestamp))
      return { ok: false, reason: 'availability answer with an invalid timestamp' };
    return { ok: true, value: { timestamp: closest.timestamp, status: String(closest.status ?? '') } };
  }

  /**
   * The CDX API: 2xx captures of `url` from/to a timestamp (inclusive). `limit` -1 asks for the
   * last one (the Wayback CDX server reads a negative limit as "the last N").
   */
  async captures(
    url: string,
    range: { from?: string; to?: string; limit: number },
  ): Promise<ArchiveAnswer<CdxCapture[]>> {
    const query = [
      `url=${encodeURIComponent(url)}`,
      'output=json',
      'fl=timestamp,original,statuscode',
      `filter=statuscode:2..`,
      ...(range.from ? [`from=${range.from}`] : []),
      ...(range.to ? [`to=${range.to}`] : []),
      `limit=${range.limit}`,
    ].join('&');
    const answer = await this.getJson(`${this.base}/cdx/search/cdx?${query}`, true);
    if (!answer.ok) return answer;
    return parseCdx(answer.value);
  }

  /** Fetches a capture's raw replay. */
  async replay(timestamp: string, url: string): Promise<ArchiveAnswer<RawResponse>> {
    const answer = await this.get(this.replayUrl(timestamp, url), ACCEPT_HTML);
    if (!answer.ok) return answer;
    const { status } = answer.value;
    if (status < 200 || status > 299) return { ok: false, reason: `replay answered HTTP ${status}` };
    return answer;
  }

  private async getJson(url: string, emptyIsList = false): Promise<ArchiveAnswer<unknown>> {
    const answer = await this.get(url, ACCEPT_JSON);
    if (!answer.ok) return answer;
    const { status, body } = answer.value;
    // A 429 that outlasted the retries is "busy", never "no capture".
    if (status !== 200) return { ok: false, reason: `archive answered HTTP ${status}` };
    const text = (body ?? Buffer.alloc(0)).toString('utf8').trim();
    // The CDX server answers an empty body when nothing matches.
    if (text === '' && emptyIsList) return { ok: true, value: [] };
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, reason: 'archive answer is not JSON' };
    }
  }

  /**
   * One GET, through the archive host's lane, following redirects within the archive's origin.
   * After UNREACHABLE_AFTER failures in a row to reach the archive at all (refused, timed out,
   * no DNS: a CI runner without outbound access), the client stops asking: every further
   * lookup would wait out the same failure, one at a time.
   */
  private async get(url: string, accept: string): Promise<ArchiveAnswer<RawResponse>> {
    // Lookups wait their turn here (as many at once as the archive's lane allows, so no extra
    // wait), which lets a request that was queued when the archive proved unreachable stay unsent.
    return this.turns(async () => {
      if (this.unreachable !== undefined) return { ok: false, reason: this.unreachable };
      return this.counted(await this.follow(url, accept));
    });
  }

  /** Counts failures to reach the archive in a row; gives up on it at UNREACHABLE_AFTER. */
  private counted(
    answer: { ok: true; value: RawResponse } | { ok: false; reason: string; network?: boolean },
  ): ArchiveAnswer<RawResponse> {
    if (answer.ok || !answer.network) {
      this.networkFailures = 0;
      return answer.ok ? answer : { ok: false, reason: answer.reason };
    }
    this.networkFailures += 1;
    if (this.networkFailures >= UNREACHABLE_AFTER)
      this.unreachable = `archive unreachable, not asked again in this run (${answer.reason})`;
    return { ok: false, reason: answer.reason };
  }

  private async follow(
    url: string,
    accept: string,
  ): Promise<{ ok: true; value: RawResponse } | { ok: false; reason: string; network?: boolean }> {
    let current = url;
    for (let hop = 0; hop <= MAX_ARCHIVE_REDIRECTS; hop++) {
      const state: ChainState = { attempts: 0, redirects: [], currentUrl: current };
      const outcome = await fetchBounded(this.ctx, { url: current, accept, signal: this.deps.signal }, state);
      this.requests += state.attempts;
      if (!outcome.ok) return { ...outcome, network: true };
      const result = outcome.value;
      if (result.kind === 'response') return { ok: true, value: result.response };
      const hopTo = state.redirects[state.redirects.length - 1]?.location;
      if (result.failure.errorCode !== 'TOO_MANY_REDIRECTS' || hopTo === undefined)
        return {
          ok: false,
          reason: `${result.failure.errorCode} ${result.failure.reason}`,
          network: state.redirects.length === 0,
        };
      if (new URL(hopTo).origin !== this.origin) return { ok: false, reason: `archive redirected away to ${hopTo}` };
      current = hopTo;
    }
    return { ok: false, reason: `more than ${MAX_ARCHIVE_REDIRECTS} redirects within the archive` };
  }
}

/**
 * One request chain within the whole-check bound (`--timeout`, armed by the first request as
 * for a link check). Failures are values; only the user's abort (Ctrl-C) is rethrown.
 */
export async function fetchBounded(
  ctx: FetchContext,
  request: { url: string; accept: string; signal?: AbortSignal },
  state: ChainState,
): Promise<ArchiveAnswer<Awaited<ReturnType<typeof fetchChain>>>> {
  const { options, clock } = ctx;
  const { signal } = request;
  const bound = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let deadline: number | undefined;
  const combined = signal ? AbortSignal.any([bound.signal, signal]) : bound.signal;
  try {
    const outcome = await fetchChain(
      ctx,
      {
        url: request.url,
        method: 'get',
        accept: request.accept,
        bodyLimit: (status) => (status >= 200 && status <= 299 ? options.maxBodyBytes : 0),
        signal: combined,
        onStart: () => {
          if (deadline !== undefined) return;
          deadline = clock.now() + options.timeoutMs;
          timer = setTimeout(() => bound.abort(new Error('request timed out')), options.timeoutMs);
        },
        deadline: () => deadline,
      },
      state,
    );
    return { ok: true, value: outcome };
  } catch (error) {
    if (signal?.aborted) throw error;
    if (bound.signal.aborted) return { ok: false, reason: `no answer within ${options.timeoutMs} ms` };
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a CDX JSON answer: a header row naming the fields, then one row per capture. */
function parseCdx(value: unknown): ArchiveAnswer<CdxCapture[]> {
  if (!Array.isArray(value)) return { ok: false, reason: 'CDX answer is not a list' };
  if (value.length === 0) return { ok: true, value: [] };
  const rows = value.filter((row): row is unknown[] => Array.isArray(row));
  // A list without rows (`[1]`, `["x"]`) is a garbled answer, not "no captures".
  if (rows.length === 0) return { ok: false, reason: 'CDX answer has no rows' };
  const header = rows[0].map(String);
  const hasHeader = header.includes('timestamp');
  const at = (name: string, fallback: number): number => (hasHeader ? header.indexOf(name) : fallback);
  const [ts, original, status] = [at('timestamp', 0), at('original', 1), at('statuscode', 2)];
  const captures: CdxCapture[] = [];
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const timestamp = String(row[ts] ?? '');
    if (!/^\d{14}$/.test(timestamp)) continue;
    captures.push({ timestamp, original: String(row[original] ?? ''), statuscode: String(row[status] ?? '') });
  }
  return { ok: true, value: captures };
}
