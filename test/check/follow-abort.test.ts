import { describe, expect, it } from 'vitest';
import { followAbort } from '../../src/check/follow-abort.js';

describe('followAbort', () => {
  it('aborts every follower with the parent reason through one listener, and not the ones that left', () => {
    const parent = new AbortController();
    const children = Array.from({ length: 1000 }, () => new AbortController());
    const leave = children.map((child) => followAbort(parent.signal, child));
    leave[0]();
    parent.abort(new Error('SIGINT'));
    expect(children[0].signal.aborted).toBe(false);
    expect(children.slice(1).every((c) => c.signal.aborted && (c.signal.reason as Error).message === 'SIGINT')).toBe(
      true,
    );
  });

  it('aborts a follower at once when the parent already aborted', () => {
    const parent = new AbortController();
    parent.abort(new Error('early'));
    const child = new AbortController();
    followAbort(parent.signal, child);
    expect((child.signal.reason as Error).message).toBe('early');
  });
});
