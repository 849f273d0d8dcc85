import type { HostStats } from '../types.js';
import { sleepUntil, type Clock } from './clock.js';
import { Fifo, PrioritySlots } from './priority-slots.js';
import { describeRefusal, HostGaveUpError, RefusalLedger, type Refusal, type RefusalPolicy } from './refusals.js';

/** Limits of one host lane. */
export interface LaneLimits {
  /** Most requests in flight to the host at once. */
  concurrency: number;
  /** Minimum gap between request starts to the host, in ms. */
  intervalMs: number;
  /** When a host that keeps refusing is given up; without it a lane never gives up. */
  refusals?: RefusalPolicy;
}

/** Figures a lane keeps about itself: the report's HostStats without the host. */
export type LaneStats = Omit<HostStats, 'host'>;

/** What a request's global-slot task returns when it did not start (the lane was paused). */
const NOT_STARTED: unique symbol = Symbol('not started');

/** Options of one `HostLane.run` call. */
export interface LaneRunOptions {
  /** Aborting it drops the request if it has not started yet. */
  signal?: AbortSignal;
  /** Counted as a retry in the stats. */
  isRetry?: boolean;
  /**
   * A follow-up (redirect hop, retry, probe) of a check whose bound is already running: it
   * takes the host's next free slot before requests of checks that have not started.
   */
  urgent?: boolean;
  /**
   * The task calls `markStarted()` when its request is really on the wire (after connecting);
   * the next start to the host waits for that instant plus the interval. Without it the start
   * is the moment the gate opens. A first request that spends 150 ms connecting would
   * otherwise reach the server 150 ms late and squeeze the gap to the request after it.
   */
  awaitStart?: boolean;
}

/** The run's global cap as a lane uses it: runs `fn` once one of the run's slots is free. */
export type GlobalLimit = <T>(fn: () => Promise<T>) => Promise<T>;

/** What changed in a lane: a request started or ended, or the lane backed off or gave up. */
export type LaneChange = 'start' | 'end' | 'backoff';

// Adaptive backoff: a 429/503 at least doubles the gap (from a floor, since the configured
// gap may be 0) up to a cap; each success then halves the excess, so recovery is gradual.
const BACKOFF_FLOOR_MS = 250;
const BACKOFF_CAP_MS = 30_000;

/**
 * One host's lane: every request to the host (retries and redirect hops included) passes
 * through it, so the per-host concurrency and start interval hold whatever the caller does.
 * Order inside: host slot → start gate (any pause, then the interval) → global slot.
 * The pause and the interval are waited out before taking a global slot, so a host that must
 * wait never holds global capacity other hosts could use (with 40 hosts × 4 slots behind a
 * cap of 100, requests sitting out a 200 ms gap on global slots starved whole hosts). The
 * gate stays held until the request is on the wire, so the next start to the host is counted
 * from the real start even when the global slot took a while (starts never bunch).
 */
export class HostLane {
  /** Host name (with port when not default). */
  readonly host: string;
  private readonly base: LaneLimits;
  private readonly clock: Clock;
  private readonly global: GlobalLimit;
  private readonly local: PrioritySlots;
  private currentIntervalMs: number;
  private pausedUntil = 0;
  private lastStart = Number.NEGATIVE_INFINITY;
  // The start gate (see passGate): held by one request at a time; the others queue in turn.
  private gateHeld = false;
  private readonly gateWaiters = new Fifo<() => void>();
  private inFlight = 0;
  private readonly ledger?: RefusalLedger;
  private readonly waitBudgetMs: number;
  // Time the host has made requests wait beyond its configured gap (pauses, widened gaps).
  private imposedMs = 0;
  private lastRefusal = '';
  private gaveUp?: HostGaveUpError;
  // Requests sleeping in the lane (pause, interval): woken at once when the host is given up.
  private readonly sleepers = new Set<AbortController>();
  private readonly stats: LaneStats = { requests: 0, retries: 0, backoffs: 0, maxInFlight: 0 };

  private readonly onChange?: (change: LaneChange, lane: HostLane) => void;

  /** `onChange` is told when a request starts or ends and when the lane backs off (progress). */
  constructor(
    host: string,
    limits: LaneLimits,
    clock: Clock,
    global: GlobalLimit,
    onChange?: (change: LaneChange, lane: HostLane) => void,
  ) {
    this.host = host;
    this.onChange = onChange;
    this.base = {
      concurrency: Math.max(1, Math.floor(limits.concurrency)),
      intervalMs: Math.max(0, limits.intervalMs),
    };
    this.clock = clock;
    this.global = global;
    this.local = new PrioritySlots(this.base.concurrency);
    this.currentIntervalMs = this.base.intervalMs;
    if (limits.refusals) this.ledger = new RefusalLedger(limits.refusals);
    this.waitBudgetMs = limits.refusals?.budgetMs ?? Number.POSITIVE_INFINITY;
  }

  /** Runs `fn` as one request to this host once the host's and the global limits allow. */
  run<T>(fn: (markStarted: () => void) => Promise<T>, options: LaneRunOptions = {}): Promise<T> {
    return this.local.run(() => this.runInSlot(fn, options), options.urgent);
  }

  private async runInSlot<T>(fn: (markStarted: () => void) => Promise<T>, options: LaneRunOptions): Promise<T> {
    const { signal } = options;
    for (;;) {
      signal?.throwIfAborted();
      if (this.gaveUp) throw this.gaveUp;
      // Most requests find the gate open: no promise to wait on (see passGate).
      const gate = this.passGate(signal);
      if (gate) await gate;
      let marked = false;
      const markStarted = (): void => {
        if (marked) return;
        marked = true;
        this.lastStart = this.clock.now();
        this.releaseGate();
      };
      let started = false;
      try {
        const outcome = await this.global(async (): Promise<T | typeof NOT_STARTED> => {
          signal?.throwIfAborted();
          if (this.gaveUp) throw this.gaveUp;
          // A refusal seen while this request waited for a global slot paused the host: go
          // back and wait it out without holding global capacity.
          if (this.pausedUntil > this.clock.now()) return NOT_STARTED;
          started = true;
          // The request's own bookkeeping, in this one async call rather than a second.
          if (!options.awaitStart) markStarted();
          this.stats.requests += 1;
          if (options.isRetry) this.stats.retries += 1;
          this.inFlight += 1;
          if (this.inFlight > this.stats.maxInFlight) this.stats.maxInFlight = this.inFlight;
          this.onChange?.('start', this);
          try {
            return await fn(markStarted);
          } finally {
            markStarted();
            this.inFlight -= 1;
            this.onChange?.('end', this);
          }
        });
        if (outcome !== NOT_STARTED) return outcome;
      } finally {
        // Not started (aborted, or paused while queued for a global slot): free the gate.
        if (!started) this.releaseGate();
      }
    }
  }

  /**
   * The host refused (429/503): widen the gap between starts and, with a Retry-After, pause
   * the whole lane so no request to the host starts before now + pauseMs. Counts one backoff.
   */
  backOff(pauseMs?: number): void {
    this.slowDown();
    if (pauseMs !== undefined) this.pause(pauseMs);
    this.stats.backoffs += 1;
    this.onChange?.('backoff', this);
  }

  /**
   * The host refused a request (429/503 that is not a bot wall). Called before the request's
   * slot is released, so the next request to the host already sees the pause. Pauses and
   * slows the lane like backOff, or gives the host up (see RefusalLedger): then every request
   * waiting in the lane, and every later one, fails at once with HostGaveUpError.
   */
  refused(refusal: Refusal): void {
    if (!this.ledger) {
      this.backOff(refusal.retryAfterMs);
      return;
    }
    if (this.gaveUp) return;
    this.lastRefusal = describeRefusal(refusal);
    const decision = this.ledger.refused(refusal, this.clock.now());
    if (decision.giveUp !== undefined) this.giveUp(decision.giveUp);
    else this.backOff(decision.pauseMs);
  }

  /**
   * The host answered with something other than a refusal: its strikes are cleared and, unless
   * it is a server error, the gap moves back towards the configured one.
   */
  answered(status: number): void {
    this.ledger?.answered();
    if (status < 500 && status !== 429) this.recordSuccess();
  }

  private giveUp(why: string): void {
    this.gaveUp = new HostGaveUpError(this.host, why);
    for (const sleeper of this.sleepers) sleeper.abort(this.gaveUp);
    this.stats.backoffs += 1;
    this.onChange?.('backoff', this);
  }

  /** Why the host was given up, if it was. */
  get gaveUpReason(): string | undefined {
    return this.gaveUp?.message;
  }

  /** Pauses the whole lane: no request to the host starts before now + ms. */
  pause(ms: number): void {
    const until = this.clock.now() + Math.max(0, ms);
    if (until > this.pausedUntil) this.pausedUntil = until;
  }

  /** Widens the gap between starts (doubling from a floor, up to a cap). */
  slowDown(): void {
    this.currentIntervalMs = Math.min(
      BACKOFF_CAP_MS,
      Math.max(this.currentIntervalMs * 2, BACKOFF_FLOOR_MS, this.base.intervalMs),
    );
  }

  // Sleeps until `until`, woken early by the request's signal or by the host being given up.
  // One controller and one listener per sleep: AbortSignal.any per request cost ~0.25 ms each.
  private async sleepUntil(until: number, signal?: AbortSignal): Promise<void> {
    if (this.gaveUp) throw this.gaveUp;
    signal?.throwIfAborted();
    const wake = new AbortController();
    const onAbort = (): void => wake.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    this.sleepers.add(wake);
    try {
      await sleepUntil(this.clock, until, wake.signal);
    } finally {
      this.sleepers.delete(wake);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The host answered normally: move the gap back towards the configured one. */
  recordSuccess(): void {
    if (this.currentIntervalMs <= this.base.intervalMs) return;
    const excess = (this.currentIntervalMs - this.base.intervalMs) / 2;
    this.currentIntervalMs = excess < 1 ? this.base.intervalMs : this.base.intervalMs + excess;
  }

  /** The gap currently enforced between starts (grows under backoff). */
  get intervalMs(): number {
    return this.currentIntervalMs;
  }

  /** True while the lane is paused or slowed beyond its configured interval. */
  isBackingOff(): boolean {
    return this.pausedUntil > this.clock.now() || this.currentIntervalMs > this.base.intervalMs;
  }

  /** Requests in flight now. */
  get active(): number {
    return this.inFlight;
  }

  /** A copy of the lane's figures. */
  snapshot(): LaneStats {
    return { ...this.stats };
  }

  // Starts are serialised through the gate: each request takes it in turn, waits there for
  // max(previous start + interval, pause end), re-reading the clock, so gaps never shrink, and
  // holds it until its own start is marked (markStarted releases it). Even with no interval the
  // gate is kept: a request waits until the one before it is on the wire, so a host has at most
  // one connection being opened at a time and later requests find kept-alive connections free.
  // Letting them all go at once opened a connection per request (2,000 for the bench's 2,000
  // links, against 160) and cost a third more CPU. The gate was a chain of promises, one per
  // request, each awaited even when already settled; a flag and a queue of waiters keep the
  // same order, and a request that finds the gate free and no wait due passes without a
  // promise (undefined); otherwise the returned promise settles once it holds the gate.
  private passGate(signal?: AbortSignal): Promise<void> | undefined {
    if (!this.gateHeld) {
      this.gateHeld = true;
      if (this.clock.now() >= Math.max(this.lastStart + this.currentIntervalMs, this.pausedUntil)) return undefined;
      return this.waitAtGate(undefined, signal);
    }
    return this.waitAtGate(new Promise<void>((resolve) => this.gateWaiters.push(resolve)), signal);
  }

  /** Hands the gate to the next request waiting for it, or leaves it free. */
  private releaseGate(): void {
    const next = this.gateWaiters.shift();
    if (next) next();
    else this.gateHeld = false;
  }

  private async waitAtGate(turn: Promise<void> | undefined, signal?: AbortSignal): Promise<void> {
    try {
      if (turn) await turn;
      if (this.gaveUp) throw this.gaveUp;
      // Waiting past the configured gap is the host's doing (a pause, a widened gap): it is
      // counted, and a host that has cost the run more than its budget is given up.
      let countedUntil = Math.max(this.lastStart + this.base.intervalMs, this.clock.now());
      for (;;) {
        const at = Math.max(this.lastStart + this.currentIntervalMs, this.pausedUntil);
        if (this.clock.now() >= at) break;
        if (at > countedUntil) {
          this.imposedMs += at - countedUntil;
          countedUntil = at;
          if (this.imposedMs > this.waitBudgetMs) {
            this.giveUp(`kept citecheck waiting over ${Math.round(this.waitBudgetMs / 1000)} s (${this.lastRefusal})`);
            throw this.gaveUp;
          }
        }
        await this.sleepUntil(at, signal);
      }
    } catch (error) {
      this.releaseGate();
      throw error;
    }
  }
}
