import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// V8's flags are the process's: the test watches what would be set, and sets nothing.
const setFlagsFromString = vi.fn();
vi.mock('node:v8', () => ({ setFlagsFromString, default: { setFlagsFromString } }));

const { growYoungGeneration, keepYoungGenerationSmall } = await import('../../src/cli/young-generation.js');

const GROW = Symbol.for('citecheck.growYoungGeneration');

describe('young generation: small while a run starts, grown once its requests are out', () => {
  const nodeOptions = process.env.NODE_OPTIONS;
  beforeEach(() => {
    setFlagsFromString.mockClear();
    delete (globalThis as Record<symbol, unknown>)[GROW];
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as Record<symbol, unknown>)[GROW];
    if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = nodeOptions;
  });

  it('grows at the first requests, once, and the fallback timer then changes nothing', () => {
    keepYoungGenerationSmall();
    expect(setFlagsFromString.mock.calls).toEqual([['--semi-space-growth-factor=1']]);
    growYoungGeneration();
    growYoungGeneration();
    vi.advanceTimersByTime(5000);
    expect(setFlagsFromString.mock.calls).toEqual([['--semi-space-growth-factor=1'], ['--semi-space-growth-factor=8']]);
  });

  it('grows after a second when no request goes out (an offline run that lasts)', () => {
    keepYoungGenerationSmall();
    vi.advanceTimersByTime(999);
    expect(setFlagsFromString).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(setFlagsFromString).toHaveBeenLastCalledWith('--semi-space-growth-factor=8');
    growYoungGeneration();
    expect(setFlagsFromString).toHaveBeenCalledTimes(2);
  });

  it("leaves a user's own semi-space flags alone, and growing is then nothing", () => {
    process.env.NODE_OPTIONS = '--max-semi-space-size=64';
    keepYoungGenerationSmall();
    growYoungGeneration();
    vi.advanceTimersByTime(5000);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });

  it('is nothing without the launcher (the library, tsc output run as it is)', () => {
    growYoungGeneration();
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });
});
