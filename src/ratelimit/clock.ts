/** Time source and sleeper, injected so lane logic can run on a fake clock in tests. */
export interface Clock {
  /** Current time in ms (epoch-based for the real clock). */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Sleeps on a real timer; an aborted signal rejects at once so waits never outlive a run. */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

// An epoch instant and the monotonic clock's reading at it, taken once. The global
// `performance` would do (timeOrigin + now()), but its first read loads perf_hooks (~10
// internal modules, ~3 ms of a `check --offline` run that uses nothing else of it); and Node
// 20's timeOrigin getter asks C++ on every read (and boxes the answer): ~10 reads per link.
const EPOCH_MS = Date.now();
const EPOCH_NS = process.hrtime.bigint();

/**
 * Epoch time with sub-millisecond resolution, monotonic. Date.now() truncates to whole ms,
 * which can shave up to 1 ms off every measured gap between request starts; this clock cannot
 * (its epoch is read once, to the ms: every gap it measures is exact).
 */
export function preciseNow(): number {
  return EPOCH_MS + Number(process.hrtime.bigint() - EPOCH_NS) / 1e6;
}

/**
 * Sleeps until `clock.now() >= until`. Timers may fire a hair early relative to Date.now()
 * granularity, so the clock is re-read after each sleep: a promised instant is never undercut.
 */
export async function sleepUntil(clock: Clock, until: number, signal?: AbortSignal): Promise<void> {
  for (;;) {
    const wait = until - clock.now();
    if (wait <= 0) return;
    await clock.sleep(wait, signal);
  }
}
