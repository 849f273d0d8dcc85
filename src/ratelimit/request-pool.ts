import type { HostStats } from '../types.js';
import type { Clock } from './clock.js';
import { HostLane, type GlobalLimit, type LaneChange, type LaneLimits, type LaneRunOptions } from './host-lane.js';
import { PrioritySlots } from './priority-slots.js';

/** Limits of the pool: the global cap and how to find each host's limits. */
export interface PoolLimits {
  /** Global cap of requests in flight. */
  concurrency: number;
  /** Limits for a host (key: host with port when not default). */
  limitsFor(host: string): LaneLimits;
  /** Told when any request starts or ends or a lane backs off (for progress events). */
  onChange?: () => void;
}

/**
 * All requests of a run go through one pool: a global cap shared by per-host lanes.
 * Lanes are created on first use, so hosts proceed in parallel, each at its own pace.
 */
export class RequestPool {
  private readonly global: GlobalLimit;
  private readonly lanes = new Map<string, HostLane>();
  private readonly limits: PoolLimits;
  private readonly clock: Clock;
  // Kept as the lanes report, so progress costs the same with 5 hosts or 5,000: counting
  // over every lane on each request start and end made a run quadratic in hosts.
  private active = 0;
  private readonly backedOff = new Set<HostLane>();
  /**
   * Told when any request starts or ends or a lane backs off. Settable, because one pool
   * serves a whole run (input fetches, then link checks) and the checker listens later.
   */
  onChange?: () => void;

  constructor(limits: PoolLimits, clock: Clock) {
    this.limits = limits;
    this.clock = clock;
    this.onChange = limits.onChange;
    // A FIFO of slots, as p-limit was: p-limit made five promises, a bound function and an
    // async wrapper per request (2,000 per run); PrioritySlots makes one async call.
    const slots = new PrioritySlots(limits.concurrency);
    this.global = (fn) => slots.run(fn);
  }

  /** The lane of a host, created with its limits on first use. */
  lane(host: string): HostLane {
    let lane = this.lanes.get(host);
    if (!lane) {
      lane = new HostLane(host, this.limits.limitsFor(host), this.clock, this.global, this.laneChanged);
      this.lanes.set(host, lane);
    }
    return lane;
  }

  private readonly laneChanged = (change: LaneChange, lane: HostLane): void => {
    if (change === 'start') this.active += 1;
    else if (change === 'end') this.active -= 1;
    else this.backedOff.add(lane);
    this.onChange?.();
  };

  /** The most requests in flight to `host` (its lane's limit), without creating its lane. */
  hostConcurrency(host: string): number {
    return Math.max(1, Math.floor(this.limits.limitsFor(host).concurrency));
  }

  /** The global cap of requests in flight. */
  get concurrency(): number {
    return Math.max(1, Math.floor(this.limits.concurrency));
  }

  /** Runs one request to `host` under the global and the host's limits. */
  run<T>(host: string, fn: (markStarted: () => void) => Promise<T>, options?: LaneRunOptions): Promise<T> {
    return this.lane(host).run(fn, options);
  }

  /** Requests in flight over all hosts. */
  get inFlight(): number {
    return this.active;
  }

  /** Hosts currently paused or slowed down. */
  backingOff(): string[] {
    const hosts: string[] = [];
    for (const lane of this.backedOff) if (lane.isBackingOff()) hosts.push(lane.host);
    return hosts;
  }

  /** Per-host figures, sorted by host for deterministic reports. */
  stats(): HostStats[] {
    return [...this.lanes.values()]
      .map((lane) => ({ host: lane.host, ...lane.snapshot() }))
      .sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
  }
}
