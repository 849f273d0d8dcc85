/**
 * The abort of one check (its whole-check bound, or Ctrl-C passed on): an AbortController and
 * its signal in one plain object. Node 20 builds an AbortSignal as an EventTarget (internal
 * maps, symbols, a lazily made signal): on the versus bench `new AbortController().signal` per
 * check was ~80 ms of the main thread's ~800 ms while 2,000 links were checked, and the first
 * 'abort' listener on it as much again. What the engine asks of a check's signal is `aborted`,
 * `reason`, `throwIfAborted()` and 'abort' listeners (the response reader, the race with a
 * queued slot, the lane's and the clock's sleeps); this is all of it, typed as the AbortSignal
 * those take. It never reaches undici nor AbortSignal.any.
 */
export class CheckAbort {
  /** True once `abort` was called. */
  aborted = false;
  /** Why it was aborted (as AbortSignal.reason). */
  reason: unknown = undefined;
  // 'abort' listeners in the order added (EventTarget calls them in that order), until abort.
  private listeners?: Set<() => void>;

  /** This object as the AbortSignal the engine's functions take. */
  get signal(): AbortSignal {
    return this as unknown as AbortSignal;
  }

  /** As AbortController.abort: once only; without a reason, an AbortError as Node gives. */
  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason !== undefined ? reason : new DOMException('This operation was aborted', 'AbortError');
    const listeners = this.listeners;
    this.listeners = undefined;
    if (!listeners) return;
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        // As EventTarget does: a listener's exception is uncaught, the other listeners still run.
        process.nextTick(() => {
          throw error;
        });
      }
    }
  }

  /** As AbortSignal.throwIfAborted. */
  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  /** An 'abort' listener (called once, with no event); none is kept once aborted, as none would be called. */
  addEventListener(type: string, listener: () => void): void {
    if (type !== 'abort' || this.aborted) return;
    (this.listeners ??= new Set()).add(listener);
  }

  /** Removes an 'abort' listener. */
  removeEventListener(type: string, listener: () => void): void {
    if (type === 'abort') this.listeners?.delete(listener);
  }
}
