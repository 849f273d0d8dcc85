import type { RequestPool } from './request-pool.js';

/** How many checks may be under way: per host, and in all. */
export interface AdmissionLimits {
  /** Checks under way whose first request goes to `host`. */
  perHost(host: string): number;
  /** Checks under way in all. */
  total: number;
  /**
   * Most checks started in one turn of the event loop; default: all there is room for. The
   * first requests are dispatched (and connect) only once the starting stops.
   */
  burst?: number;
}

/**
 * How many checks are under way at once for a pool. A check can wait on another host (a
 * redirect hop) or on a retry while its own host could start the next one, so a host admits
 * twice its lane's concurrency; four times the global cap keeps every slot busy. The lanes,
 * not this, keep the limits: this only bounds what a run holds in memory.
 */
export function admissionFor(pool: RequestPool): AdmissionLimits {
  // The first `concurrency` checks fill the run's slots; the three times as many started
  // beside them only wait in their lanes, so they start on the next turns of the event loop,
  // after the first requests are on their way (on 2,000 links: 400 checks were started before
  // the first request left).
  return { perHost: (host) => 2 * pool.hostConcurrency(host), total: 4 * pool.concurrency, burst: pool.concurrency };
}

/** One host's waiting checks. */
interface HostQueue<T> {
  items: T[];
  next: number;
  active: number;
  max: number;
  ready: boolean;
}

/** The host a check starts on (the lane its first request goes through). */
function hostOfUrl(item: { url: string }): string {
  try {
    return new URL(item.url).host;
  } catch {
    return '';
  }
}

/**
 * Runs `check` once for every item, starting a check only when its host and the run have room
 * (the lanes still decide when each request goes out). Starting all of them at once, as the
 * engine did, put every check's state, closures and promise chain in memory before its turn:
 * 100,000 links took 1.4 GB; now only `limits.total` checks exist at a time. Hosts take turns,
 * so a host with thousands of links does not hold back the others. When `signal` aborts no
 * further check starts; the promise settles once the ones under way end. `hostOf` names an
 * item's host (default: its URL parsed).
 */
export function runByHost<T extends { url: string }>(
  items: T[],
  limits: AdmissionLimits,
  check: (item: T) => Promise<unknown>,
  signal?: AbortSignal,
  hostOf: (item: T) => string = hostOfUrl,
): Promise<void> {
  const hosts = new Map<string, HostQueue<T>>();
  const ready: HostQueue<T>[] = [];
  for (const item of items) {
    const host = hostOf(item);
    let queue = hosts.get(host);
    if (!queue) {
      queue = { items: [], next: 0, active: 0, max: Math.max(1, Math.floor(limits.perHost(host))), ready: true };
      hosts.set(host, queue);
      ready.push(queue);
    }
    queue.items.push(item);
  }
  const total = Math.max(1, Math.floor(limits.total));
  const burst = Math.max(1, Math.floor(limits.burst ?? Number.POSITIVE_INFINITY));
  let readyHead = 0;
  let active = 0;
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    let resumeSoon = false;
    const enqueue = (queue: HostQueue<T>): void => {
      if (queue.ready || queue.next >= queue.items.length || queue.active >= queue.max) return;
      queue.ready = true;
      ready.push(queue);
    };
    const resume = (): void => {
      resumeSoon = false;
      pump();
    };
    const pump = (): void => {
      let started = 0;
      while (active < total && readyHead < ready.length && !signal?.aborted && !failed) {
        if (started === burst) {
          if (!resumeSoon) setImmediate(resume);
          resumeSoon = true;
          break;
        }
        started += 1;
        const queue = ready[readyHead];
        ready[readyHead] = undefined as unknown as HostQueue<T>;
        readyHead += 1;
        queue.ready = false;
        const item = queue.items[queue.next];
        queue.items[queue.next] = undefined as unknown as T; // checked items are not kept alive
        queue.next += 1;
        queue.active += 1;
        active += 1;
        // Back of the line: the next free room goes to another host first.
        enqueue(queue);
        check(item).then(
          () => finish(queue),
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
      if (readyHead > 1024 && readyHead * 2 > ready.length) {
        ready.splice(0, readyHead);
        readyHead = 0;
      }
      if (active === 0) resolve();
    };
    const finish = (queue: HostQueue<T>): void => {
      queue.active -= 1;
      active -= 1;
      enqueue(queue);
      pump();
    };
    pump();
  });
}
