import type { LookupFunction } from 'node:net';
import type { Dispatcher } from 'undici';
import { CACHE_FORGET_AFTER_MS } from '../config/defaults.js';
import type { CitecheckOptions } from '../config/options.js';
import { hostOverride } from '../config/host-override.js';
import { decidedResults, plannedUrl, planTargets, targetsToCheck, type Plan } from '../links/plan.js';
import { preciseNow, realSleep, type Clock } from '../ratelimit/clock.js';
import { admissionFor, runByHost } from '../ratelimit/check-queue.js';
import { refusalPolicy } from '../ratelimit/refusals.js';
import { RequestPool } from '../ratelimit/request-pool.js';
import { isFailingStatus, type CheckProgress, type CheckResult, type CheckTarget, type HostStats } from '../types.js';
import { ResultCache, verdictSettings } from './cache.js';
import type { CheckContext } from './check-target.js';
import type { ResolvedNames } from './resolved-names.js';

/** Injected I/O of the checking engine; everything defaults to the real thing. */
export interface CheckDeps {
  /** undici dispatcher; default: an Agent built from options with the safe lookup. */
  dispatcher?: Dispatcher;
  /** DNS resolver like dns.lookup (called with all: true); tests map made-up names to 127.0.0.x. */
  lookup?: LookupFunction;
  /** Clock in ms. */
  now?: () => number;
  /** Sleep that rejects when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Progress events (the engine never prints). */
  onProgress?: (p: CheckProgress) => void;
  /** Ctrl-C: stop starting new requests, abort in-flight ones, return what is done. */
  signal?: AbortSignal;
  /**
   * The run's request pool, when the caller shares one between fetching inputs and checking
   * links, so a host's limits hold across both; default: a pool of the check's own.
   */
  pool?: RequestPool;
  /**
   * Called once, when the first requests of the check are on their way: the caller loads what
   * it needs only after the checks (report, formatters, archive stage) while the engine waits
   * on the network, not before the first request nor after the last answer.
   */
  onRequestsOut?: () => void;
  /**
   * Learns each name the checks resolve and whether it points inwards (let through by
   * --allow-private), for the archive stage: the public archive is never asked about those.
   */
  resolvedNames?: ResolvedNames;
  /**
   * The caller ends the process once the run is reported (the CLI): the connections of the
   * run's own dispatcher are left for the process's exit to close, instead of being torn down
   * one by one after the last answer (~160 sockets on the versus bench, on the run's tail).
   */
  exitsAfter?: boolean;
}

/** The clock of injected deps (real time and sleep by default). */
export function clockOf(deps: CheckDeps): Clock {
  return { now: deps.now ?? preciseNow, sleep: deps.sleep ?? realSleep };
}

/** What a checking run returns. */
export interface CheckRun {
  /** One result per target URL (missing only for targets not reached when interrupted). */
  results: Map<string, CheckResult>;
  /** Per-host request figures. */
  hosts: HostStats[];
  /** True when the run was stopped early by deps.signal. */
  interrupted: boolean;
  /** Set when the cache file was corrupt or could not be written (the CLI prints it). */
  cacheWarning?: string;
}

/** Builds the pool with the configured global cap and per-host limits (overrides win). */
export function createRequestPool(options: CitecheckOptions, clock: Clock): RequestPool {
  const refusals = refusalPolicy(options.retryAfterMaxMs);
  return new RequestPool(
    {
      concurrency: options.concurrency,
      limitsFor: (host) => {
        const override = hostOverride(options, new URL(`http://${host}`));
        return {
          concurrency: override?.concurrency ?? options.hostConcurrency,
          intervalMs: override?.intervalMs ?? options.hostIntervalMs,
          refusals,
        };
      },
    },
    clock,
  );
}

/**
 * The check stage: plans every target (links/plan.ts: skipped, excluded, unchecked, answered
 * from the cache, or to check) and hands the engine only those to check. Loads and saves the
 * cache itself when options.cache is set.
 */
export async function checkTargets(
  targets: CheckTarget[],
  options: CitecheckOptions,
  deps: CheckDeps = {},
): Promise<CheckRun> {
  const clock = clockOf(deps);
  const cache =
    options.cache && !options.offline
      ? await ResultCache.load(options.cache, clock.now, Math.max(CACHE_FORGET_AFTER_MS, options.cacheMaxAgeMs))
      : undefined;
  if (cache) cache.settings = verdictSettings(options);
  const plan = planTargets(targets, options, {
    cached: cache ? (url) => cache.fresh(url, options.cacheMaxAgeMs) : undefined,
    now: () => clock.now(),
  });
  const run = await checkPlan(plan, options, deps, cache);
  let cacheWarning = cache?.warning;
  if (cache) {
    try {
      await cache.flush();
    } catch (error) {
      cacheWarning = `cache ${options.cache} could not be written: ${(error as Error).message}`;
    }
  }
  if (cacheWarning) run.cacheWarning = cacheWarning;
  return run;
}

/** The host of a target to check, from the plan's parse of its URL. */
function hostOfPlanned(target: CheckTarget): string {
  const url = plannedUrl(target);
  if (url) return url.host;
  try {
    return new URL(target.url).host;
  } catch {
    return '';
  }
}

/**
 * The engine: takes the plan's decided results as they are and checks each target the plan
 * sends to the network once, concurrently and politely. It filters nothing; fresh results go
 * into `cache` when given.
 */
export async function checkPlan(
  plan: Plan,
  options: CitecheckOptions,
  deps: CheckDeps = {},
  cache?: ResultCache,
): Promise<CheckRun> {
  const clock = clockOf(deps);
  const random = deps.random ?? Math.random;
  const pool: RequestPool = deps.pool ?? createRequestPool(options, clock);
  // Progress also moves when requests start/end or a host backs off, not only on results.
  pool.onChange = () => emit();
  const results = new Map<string, CheckResult>();
  const total = plan.targets.length;
  let failures = 0;
  const emit = (): void =>
    deps.onProgress?.({ done: results.size, total, inFlight: pool.inFlight, failures, backingOff: pool.backingOff() });
  const finish = (result: CheckResult): void => {
    results.set(result.url, result);
    if (isFailingStatus(result.status)) failures += 1;
    emit();
  };

  emit();
  for (const result of decidedResults(plan)) finish(result);
  const pending = targetsToCheck(plan);
  if (pending.length > 0) {
    // The HTTP client (undici) and the response judges load only when a request will be made.
    const [{ checkTarget }, { createDispatcher }] = await Promise.all([
      import('./check-target.js'),
      import('./http-client.js'),
    ]);
    const dispatcher = deps.dispatcher ?? createDispatcher(options, deps.lookup, deps.resolvedNames);
    const ctx: CheckContext = { options, dispatcher, pool, clock, random, userSignal: deps.signal };
    try {
      const checking = runByHost(
        pending,
        admissionFor(pool),
        // One promise per check, not an async wrapper's two.
        (target) =>
          checkTarget(target, ctx).then((result) => {
            if (result) finish(cache ? cache.record(result) : result);
          }),
        deps.signal,
        hostOfPlanned,
      );
      // The first checks have reached their lanes; once their requests are dispatched (the
      // microtasks run first), the caller's loading fills the wait for the first answers.
      if (deps.onRequestsOut) setImmediate(deps.onRequestsOut);
      await checking;
    } finally {
      if (!deps.dispatcher && !deps.exitsAfter) await dispatcher.destroy().catch(() => undefined);
    }
  }
  return { results, hosts: pool.stats(), interrupted: Boolean(deps.signal?.aborted) && results.size < total };
}
