/**
 * A concurrency limit with two queues: urgent waiters get the next free slot before normal
 * ones, each queue first-in first-out. A host lane uses it so that the redirect hops and
 * retries of a check already under way (its whole-check bound running) go before links that
 * have not started: behind hundreds of queued links of the same site, an http→https hop
 * would otherwise wait out the bound and a live link would be reported as a timeout.
 * p-limit keeps one FIFO queue and cannot express this.
 */
export class PrioritySlots {
  private readonly limit: number;
  private running = 0;
  private readonly urgent = new Fifo<() => void>();
  private readonly normal = new Fifo<() => void>();

  constructor(limit: number) {
    this.limit = Math.max(1, Math.floor(limit));
  }

  /**
   * Runs `fn` once a slot is free; `urgent` waiters are served first. Not an async function:
   * every request of a run passes two of these (its host's and the run's), and an async
   * wrapper's frame, await and result promise per pass were ~10% of what the engine allocated
   * per link (and were kept, and copied by the collector, for as long as the request waited
   * on the network). `fn()` settles, then the slot is freed, then the result is handed on.
   */
  run<T>(fn: () => Promise<T>, urgent = false): Promise<T> {
    if (this.running < this.limit) {
      this.running += 1;
      return this.runHeld(fn);
    }
    return new Promise<void>((resolve) => (urgent ? this.urgent : this.normal).push(resolve)).then(() =>
      this.runHeld(fn),
    );
  }

  // `fn` in a slot already taken for it; the slot goes to the next waiter once `fn` settles.
  private runHeld<T>(fn: () => Promise<T>): Promise<T> {
    let running: Promise<T>;
    try {
      running = fn();
    } catch (error) {
      this.release();
      return Promise.reject(error);
    }
    return running.then(this.releaseWith, this.releaseAndThrow) as Promise<T>;
  }

  // Shared by every run: no closures per request.
  private readonly releaseWith = <T>(value: T): T => {
    this.release();
    return value;
  };

  private readonly releaseAndThrow = (error: unknown): never => {
    this.release();
    throw error;
  };

  // Hands the slot straight to the next waiter, so no newcomer can overtake it.
  private release(): void {
    const next = this.urgent.shift() ?? this.normal.shift();
    if (next) next();
    else this.running -= 1;
  }

  /** Slots in use. */
  get active(): number {
    return this.running;
  }

  /** Waiters in both queues. */
  get pending(): number {
    return this.urgent.size + this.normal.size;
  }
}

/** A FIFO queue with O(1) push and shift (Array#shift is O(n) on long queues). */
export class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head += 1;
    // Compact once the consumed prefix is half the array, keeping memory bounded.
    if (this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  get size(): number {
    return this.items.length - this.head;
  }
}
