/**
 * A fake clock for lane logic: sleep() registers a timer on virtual time; run() advances to
 * the next timer whenever every pending microtask and I/O callback has settled, so code that
 * waits "250 ms" runs instantly and deterministically.
 */
export class FakeClock {
  private time: number;
  private timers: Array<{
    at: number;
    seq: number;
    resolve: () => void;
    reject: (e: unknown) => void;
    signal?: AbortSignal;
    onAbort?: () => void;
  }> = [];
  private seq = 0;
  /** Every delay requested through sleep(), in order. */
  readonly sleeps: number[] = [];

  constructor(start = 1_000_000) {
    this.time = start;
  }

  /** Current virtual time in ms. */
  now = (): number => this.time;

  /** Resolves when virtual time reaches now + ms; rejects when the signal aborts. */
  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = {
        at: this.time + Math.max(0, ms),
        seq: this.seq++,
        resolve,
        reject,
        signal,
        onAbort: undefined as undefined | (() => void),
      };
      if (signal) {
        timer.onAbort = () => {
          this.timers = this.timers.filter((t) => t !== timer);
          reject(signal.reason);
        };
        signal.addEventListener('abort', timer.onAbort, { once: true });
      }
      this.timers.push(timer);
    });
  };

  /** Number of sleepers waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** Lets everything runnable run (microtasks and immediates) without moving time. */
  async settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  }

  /** Advances virtual time timer by timer until `done` settles (or no timer is left). */
  async run<T>(done: Promise<T>): Promise<T> {
    let finished = false;
    const guarded = done.finally(() => {
      finished = true;
    });
    guarded.catch(() => undefined);
    for (;;) {
      await this.settle();
      if (finished || this.timers.length === 0) break;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      if (next.signal && next.onAbort) next.signal.removeEventListener('abort', next.onAbort);
      this.time = Math.max(this.time, next.at);
      next.resolve();
    }
    return guarded;
  }
}
