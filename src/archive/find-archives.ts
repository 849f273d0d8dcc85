import { asksArchive } from './archive-lane.js';
import type { Dispatcher } from 'undici';
import {
  ARCHIVE_FOUND_MAX_AGE_MS,
  ARCHIVE_MISSING_MAX_AGE_MS,
  CACHE_FORGET_AFTER_MS,
  DEFAULTS,
} from '../config/defaults.js';
import type { CitecheckOptions } from '../config/options.js';
import { ResultCache } from '../check/cache.js';
import { quotesMissingFrom } from '../check/check-target.js';
import type { ChainState, FetchContext } from '../check/fetch-chain.js';
import { isIpLiteral } from '../check/address-policy.js';
import { createDispatcher } from '../check/http-client.js';
import { ResolvedNames } from '../check/resolved-names.js';
import { clockOf, createRequestPool, type CheckDeps } from '../check/index.js';
import type { CheckResult, Citation, CitationArchive, ExtractedPost, LinkStatus } from '../types.js';
import { archiveKey, recognizeArchiveUrl, timestampToIso, waybackTimestamp } from './archive-url.js';
import { pageShingles, similarity } from './drift.js';
import { findCapture, type CaptureChoice } from './find-capture.js';
import { isLocalArchive, learnNames, whyNotPublic } from './public-host.js';
import { fetchBounded, WaybackClient } from './wayback-client.js';

/** What the archive stage found. */
export interface ArchiveRun {
  /** Archive facts by `archiveKey(checkUrl, post date)`. */
  archives: Map<string, CitationArchive>;
  /** Requests sent to the archive (lookups and replays). */
  requests: number;
  /** Lookups answered from the cache. */
  cached: number;
  /** Set when the cache could not be written. */
  cacheWarning?: string;
  /** Set when lookups failed (the archive was busy, down or unreachable): how many, and why. */
  lookupWarning?: string;
}

/** One URL and date to ask the archive about, and what to do with the capture. */
interface ArchiveNeed {
  /** The URL to ask about: the cited one, or where a live source moved for good. */
  url: string;
  /** The post's date as a 14-digit Wayback timestamp; absent: the latest capture. */
  timestamp?: string;
  /** Quotes the live page lost: are they in the capture? (SOURCE_CHANGED) */
  quotes: Set<string>;
  /** --drift: compare the live page with the capture. */
  drift: boolean;
}

/** Statuses whose source may be gone: an archived copy is what the editor needs. */
const FAILING: ReadonlySet<LinkStatus> = new Set<LinkStatus>(['broken', 'unreachable', 'soft-404', 'timeout']);
const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';

/** Which citations need the archive, by URL and post date (one lookup per pair). */
function planArchiveLookups(
  posts: readonly ExtractedPost[],
  results: ReadonlyMap<string, CheckResult>,
  options: CitecheckOptions,
): Map<string, ArchiveNeed> {
  const needs = new Map<string, ArchiveNeed>();
  if (!asksArchive(options)) return needs;
  for (const post of posts) {
    const timestamp = waybackTimestamp(post.published);
    for (const block of post.blocks) {
      for (const c of block.citations) {
        // A link that is not a source (share button, tag, navigation) needs no archived copy.
        if (c.invalid !== undefined || !c.checkUrl || c.role !== undefined) continue;
        // The post links its own archived copy of a source that failed: nothing to look up.
        if (c.archivedCopy !== undefined && options.archive !== 'all' && !options.drift) continue;
        const result = results.get(c.checkUrl);
        if (!result || recognizeArchiveUrl(c.checkUrl, options.archiveEndpoint)) continue;
        const failing = FAILING.has(result.status);
        const live = result.status === 'ok';
        const lost = live && options.archive !== 'never' ? lostQuotes(c, result) : [];
        const wanted =
          (failing && options.archive !== 'never') ||
          (live && (options.archive === 'all' || options.drift)) ||
          lost.length > 0;
        if (!wanted) continue;
        const key = archiveKey(c.checkUrl, post.published);
        let need = needs.get(key);
        if (!need) {
          need = {
            url: withoutCredentials(live ? readerUrl(result) : c.checkUrl),
            quotes: new Set(),
            drift: live && options.drift,
          };
          if (timestamp) need.timestamp = timestamp;
          needs.set(key, need);
        }
        for (const quote of lost) need.quotes.add(quote);
      }
    }
  }
  return needs;
}

/**
 * Takes out of `needs` every URL whose host is private, by its name (an IP literal, a reserved
 * or intranet-only name) or by what it resolved to in this run's checks (a name let through by
 * --allow-private), and says so in `archives` (`not-asked`, with the reason): the public archive
 * would learn the intranet's host names. With --allow-private, a name the checks did not resolve
 * (a live source answered from the cache, or requests sent by a caller's own dispatcher) is
 * resolved now; one that does not answer counts as public, as a name that did not resolve in
 * the check does (a dead domain is what the archive is for).
 */
async function keepPrivateHostsFromArchive(
  needs: Map<string, ArchiveNeed>,
  archives: Map<string, CitationArchive>,
  options: CitecheckOptions,
  deps: CheckDeps,
): Promise<void> {
  const names = deps.resolvedNames ?? new ResolvedNames();
  // Parsed once per URL to look up, after the plan: parsing every cited URL's host cost ~30 ms
  // at the end of a 2,000-link run.
  const hosts = new Map([...needs].map(([key, need]) => [key, new URL(need.url).hostname]));
  if (options.allowPrivate) {
    const unknown = [...hosts.values()].filter((h) => !isIpLiteral(h) && !names.has(h) && !whyNotPublic(h));
    if (unknown.length > 0) await learnNames(new Set(unknown), names, deps.lookup, options.connectTimeoutMs);
  }
  for (const [key, host] of hosts) {
    const why = whyNotPublic(host) ?? names.inwards(host);
    if (why === undefined) continue;
    archives.set(key, { status: 'not-asked', reason: `${why}: the public archive is never told of private hosts` });
    needs.delete(key);
  }
}

/** The URL without user name and password: they are never sent to an archive (nor does it key on them). */
function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  if (parsed.username === '' && parsed.password === '') return url;
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

/**
 * The URL a reader of a live source lands on: where it moved permanently (301/308), else the
 * cited one. Its capture is what the live page is compared with, and what `fix --robust all`
 * decorates the updated link with (so a second fix finds nothing left to do).
 */
function readerUrl(result: CheckResult): string {
  const moved = result.finalUrl !== undefined && result.redirects.some((h) => h.status === 301 || h.status === 308);
  return moved && result.finalUrl !== undefined ? result.finalUrl : result.url;
}

/** The quotes this citation made (from extraction) that its live page no longer has. */
function lostQuotes(c: Citation, result: CheckResult): string[] {
  const missing = result.missingQuotes;
  if (!missing || missing.length === 0 || !c.quotes) return [];
  return c.quotes.filter((q) => missing.includes(q));
}

/**
 * The archive stage, after the link checks: for each failing citation (and live ones with
 * `--archive all` / `--drift`) the capture nearest its post's date; for a live source that lost
 * a quoted passage, whether the capture still has it; with `--drift`, how similar the live page
 * and the capture are. Requests go through the run's pool; answers are kept in the cache file.
 * Never throws for archive failures (they are `lookup-failed` facts); Ctrl-C ends it early.
 */
export async function findArchives(
  posts: readonly ExtractedPost[],
  results: ReadonlyMap<string, CheckResult>,
  options: CitecheckOptions,
  deps: CheckDeps = {},
  onStart?: (sources: number) => void,
): Promise<ArchiveRun> {
  const run: ArchiveRun = { archives: new Map(), requests: 0, cached: 0 };
  const needs = planArchiveLookups(posts, results, options);
  if (needs.size === 0) return run;
  // Only a local archive (its host itself private) may hold intranet pages; a public one, the
  // default or one the user chose, is never told of them.
  const local =
    options.archiveEndpoint !== DEFAULTS.archiveEndpoint &&
    (await isLocalArchive(options.archiveEndpoint, deps.lookup, options.connectTimeoutMs));
  if (!local) await keepPrivateHostsFromArchive(needs, run.archives, options, deps);
  if (needs.size === 0) return run;
  onStart?.(needs.size);

  const clock = clockOf(deps);
  const random = deps.random ?? Math.random;
  const pool = deps.pool ?? createRequestPool(options, clock);
  // A local archive (a self-hosted pywb on a private address) is reached whatever the
  // private-address policy says; the client never leaves its origin.
  const archiveOptions = { ...options, allowPrivate: options.allowPrivate || local };
  const owned: Dispatcher[] = [];
  const own = (d: Dispatcher): Dispatcher => (owned.push(d), d);
  const archiveDispatcher = deps.dispatcher ?? own(createDispatcher(archiveOptions, deps.lookup));
  let liveDispatcher = deps.dispatcher;
  const liveCtx = (): FetchContext => {
    liveDispatcher ??= own(createDispatcher(options, deps.lookup));
    return { options, dispatcher: liveDispatcher, pool, clock, random };
  };
  const client = new WaybackClient(options.archiveEndpoint, {
    options: archiveOptions,
    pool,
    dispatcher: archiveDispatcher,
    clock,
    random,
    signal: deps.signal,
  });
  const cache = options.cache
    ? await ResultCache.load(options.cache, clock.now, Math.max(CACHE_FORGET_AFTER_MS, options.cacheMaxAgeMs))
    : undefined;

  try {
    await Promise.all(
      [...needs].map(async ([key, need]) => {
        if (deps.signal?.aborted) return;
        try {
          const fact = await archiveFact(need, {
            client,
            cache,
            endpoint: options.archiveEndpoint,
            run,
            liveCtx,
            clock,
          });
          run.archives.set(key, fact);
        } catch (error) {
          if (!deps.signal?.aborted) throw error;
        }
      }),
    );
    const failed = [...run.archives.values()].filter((a) => a.status === 'lookup-failed');
    if (failed.length > 0)
      run.lookupWarning = `${failed.length} of ${needs.size} archive lookups failed (${client.unreachable ?? failed[0].reason}); those sources show no archived copy`;
  } finally {
    run.requests = client.requests;
    for (const d of owned) await d.destroy().catch(() => undefined);
    if (cache) {
      try {
        await cache.flush();
      } catch (error) {
        run.cacheWarning = `cache ${options.cache} could not be written: ${(error as Error).message}`;
      }
    }
  }
  return run;
}

/** The lookup key in the cache: another archive's answer is not this one's. */
function cacheKey(endpoint: string, need: ArchiveNeed): string {
  return `${endpoint} ${need.url} ${need.timestamp ?? 'latest'}`;
}

/** What answering one need takes. */
interface FactContext {
  client: WaybackClient;
  cache: ResultCache | undefined;
  endpoint: string;
  run: ArchiveRun;
  liveCtx: () => FetchContext;
  clock: { now(): number };
}

async function archiveFact(need: ArchiveNeed, ctx: FactContext): Promise<CitationArchive> {
  const { client, cache, endpoint, run, liveCtx } = ctx;
  const key = cacheKey(endpoint, need);
  const remembered = cache?.archiveAnswer(key, (a) =>
    a.status === 'found' ? ARCHIVE_FOUND_MAX_AGE_MS : ARCHIVE_MISSING_MAX_AGE_MS,
  );
  let choice: CaptureChoice;
  if (remembered && (remembered.status === 'missing' || remembered.timestamp)) {
    run.cached += 1;
    choice =
      remembered.status === 'found' && remembered.timestamp
        ? { status: 'found', timestamp: remembered.timestamp, lookups: 0 }
        : { status: 'missing', lookups: 0 };
  } else {
    choice = await findCapture(client, need.url, need.timestamp);
    if (choice.status !== 'lookup-failed')
      cache?.recordArchive(key, {
        checkedAt: new Date(ctx.clock.now()).toISOString(),
        status: choice.status,
        ...(choice.status === 'found' ? { timestamp: choice.timestamp } : {}),
      });
  }
  if (choice.status === 'missing') return { status: 'missing' };
  if (choice.status === 'lookup-failed') return { status: 'lookup-failed', reason: choice.reason };

  const fact: CitationArchive = { status: 'found', url: client.snapshotUrl(choice.timestamp, need.url) };
  const capturedAt = timestampToIso(choice.timestamp);
  if (capturedAt) fact.capturedAt = capturedAt;
  if (need.quotes.size === 0 && !need.drift) return fact;

  const replay = await client.replay(choice.timestamp, need.url);
  if (!replay.ok) return fact;
  if (need.quotes.size > 0) {
    const quotes = [...need.quotes];
    const missing = quotesMissingFrom(replay.value, quotes);
    const kept = missing === undefined ? [] : quotes.filter((q) => !missing.includes(q));
    if (kept.length > 0) fact.quotesInCapture = kept;
  }
  if (need.drift) {
    const captured = pageShingles(replay.value);
    const live = captured ? await livePageShingles(liveCtx(), need.url, client) : undefined;
    if (captured && live) fact.similarity = similarity(live, captured);
  }
  return fact;
}

/** The live page's shingles, fetched again through the pool (the check does not keep pages). */
async function livePageShingles(
  ctx: FetchContext,
  url: string,
  client: WaybackClient,
): Promise<Set<string> | undefined> {
  const state: ChainState = { attempts: 0, redirects: [], currentUrl: url };
  const answer = await fetchBounded(ctx, { url, accept: ACCEPT_HTML, signal: client.signal }, state);
  if (!answer.ok || answer.value.kind !== 'response') return undefined;
  const { response } = answer.value;
  return response.status >= 200 && response.status <= 299 ? pageShingles(response) : undefined;
}
