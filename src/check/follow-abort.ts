import { CheckAbort } from './check-abort.js';

/**
 * Aborts `child` when `parent` aborts, until the returned function is called. Every check of a
 * run follows the run's Ctrl-C signal; AbortSignal.any([check, run]) per check cost 0.25 ms
 * each on Node 20 (weak references and a finalization registry per composite: ~0.5 s of CPU
 * for 2,000 checks started together), and one listener per check on the run's signal grows
 * quadratically (EventTarget looks for duplicates on every add): one listener (whenAborted).
 */
export function followAbort(parent: AbortSignal, child: { abort(reason?: unknown): void }): () => void {
  if (parent.aborted) {
    child.abort(parent.reason);
    return () => {};
  }
  return whenAborted(parent, () => child.abort(parent.reason));
}

/** Callbacks of a signal's abort, behind the one listener `whenAborted` adds to each signal. */
const callbacks = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `fn` when `signal` aborts, until the returned function is called; nothing when it has
 * aborted already (as a listener added then would never be called). Every request listened to
 * its check's signal twice (the response reader, the race with a queued slot): adding and
 * removing a listener on an AbortSignal costs ~6–12 µs on Node 20, ~30–50 ms of CPU over
 * 2,000 requests. One listener per signal, a Set of callbacks behind it.
 */
export function whenAborted(signal: AbortSignal, fn: () => void): () => void {
  if (signal.aborted) return () => {};
  // A check's own signal keeps its listeners itself (no WeakMap entry, no EventTarget).
  if (signal instanceof CheckAbort) {
    signal.addEventListener('abort', fn);
    return () => signal.removeEventListener('abort', fn);
  }
  let set = callbacks.get(signal);
  if (!set) {
    const fns = new Set<() => void>();
    set = fns;
    callbacks.set(signal, fns);
    signal.addEventListener(
      'abort',
      () => {
        for (const callback of fns) callback();
        fns.clear();
      },
      { once: true },
    );
  }
  const fns = set;
  fns.add(fn);
  return () => {
    fns.delete(fn);
  };
}
