import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/collect-garbage.js';

describe('collectGarbage', () => {
  it('collects what nothing holds any more, without a gc global', async () => {
    let held: object | undefined = { big: new Array(1000).fill('x') };
    const ref = new WeakRef(held);
    held = undefined;
    expect(held).toBeUndefined();
    // A WeakRef's target made in this turn of the event loop is kept to its end.
    await new Promise<void>((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    // The function is the run's own: no global `gc` is left for other code to call.
    if (!process.execArgv.some((flag) => flag.includes('expose'))) expect('gc' in globalThis).toBe(false);
  });
});
