import { describe, expect, it } from 'vitest';
import { CheckAbort } from '../../src/check/check-abort.js';
import { whenAborted } from '../../src/check/follow-abort.js';
import { realSleep } from '../../src/ratelimit/clock.js';

// A check's abort stands in for an AbortController where the engine takes an AbortSignal: it
// must behave as one in everything the engine asks of it.
describe('CheckAbort', () => {
  it('aborts once, with the first reason, calling its listeners in the order added', () => {
    const abort = new CheckAbort();
    const calls: string[] = [];
    const second = (): void => void calls.push('second');
    abort.signal.addEventListener('abort', () => calls.push('first'), { once: true });
    abort.signal.addEventListener('abort', second);
    const leave = whenAborted(abort.signal, () => calls.push('third'));
    abort.signal.addEventListener('abort', () => calls.push('fourth'));
    abort.signal.removeEventListener('abort', second);
    expect(abort.signal.aborted).toBe(false);
    expect(() => abort.signal.throwIfAborted()).not.toThrow();
    abort.abort(new Error('bound'));
    abort.abort(new Error('again'));
    leave();
    expect(calls).toEqual(['first', 'third', 'fourth']);
    expect((abort.signal.reason as Error).message).toBe('bound');
    expect(() => abort.signal.throwIfAborted()).toThrow('bound');
  });

  it('gives an AbortError without a reason, and calls no listener added after the abort', () => {
    const abort = new CheckAbort();
    abort.abort();
    expect((abort.signal.reason as DOMException).name).toBe('AbortError');
    let called = false;
    abort.signal.addEventListener('abort', () => (called = true));
    whenAborted(abort.signal, () => (called = true));
    expect(called).toBe(false);
  });

  it('stops a sleep on the real clock as an AbortSignal does', async () => {
    const abort = new CheckAbort();
    const sleeping = realSleep(60_000, abort.signal);
    abort.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
  });
});
