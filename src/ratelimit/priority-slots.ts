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

  /** Runs `fn` once a slot is free; `urgent` waiters are served first. */
  async run<T>(fn: () => Promise<T>, urgent = false): Promise<T> {
    if (this.running < this.limit) this.running += 1;
    else await new Promise<void>((resolve) => (urgent ? this.urgent : this.normal).push(resolve));
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the next waiter, so no newcomer can overtake it.
      const next = this.urgent.shift() ?? this.normal.shift();
      if (next) next();
      else this.running -= 1;
    }
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
