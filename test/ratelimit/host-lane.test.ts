import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { HostLane } from '../../src/ratelimit/host-lane.js';
import { RequestPool } from '../../src/ratelimit/request-pool.js';
import { FakeClock } from '../helpers/fake-clock.js';

/** A task that records its start on the fake clock and takes `ms` of virtual time. */
function task(clock: FakeClock, starts: number[], ms: number, active: { now: number; max: number }) {
  return async () => {
    starts.push(clock.now());
    active.now += 1;
    active.max = Math.max(active.max, active.now);
    await clock.sleep(ms);
    active.now -= 1;
  };
}

const gaps = (starts: number[]) => starts.slice(1).map((t, i) => t - starts[i]);

describe('HostLane', () => {
  it('keeps the minimum interval between starts', async () => {
    const clock = new FakeClock();
    const lane = new HostLane('h', { concurrency: 4, intervalMs: 100 }, clock, pLimit(100));
    const starts: number[] = [];
    const active = { now: 0, max: 0 };
    await clock.run(Promise.all(Array.from({ length: 6 }, () => lane.run(task(clock, starts, 10, active)))));
    expect(starts).toHaveLength(6);
    expect(Math.min(...gaps(starts))).toBeGreaterThanOrEqual(100);
  });

  it('never exceeds its concurrency even with no interval', async () => {
    const clock = new FakeClock();
    const lane = new HostLane('h', { concurrency: 2, intervalMs: 0 }, clock, pLimit(100));
    const starts: number[] = [];
    const active = { now: 0, max: 0 };
    await clock.run(Promise.all(Array.from({ length: 7 }, () => lane.run(task(clock, starts, 50, active)))));
    expect(active.max).toBe(2);
    expect(lane.snapshot()).toMatchObject({ requests: 7, maxInFlight: 2 });
  });

  it('pauses the whole lane (Retry-After)', async () => {
    const clock = new FakeClock();
    const lane = new HostLane('h', { concurrency: 3, intervalMs: 0 }, clock, pLimit(100));
    const starts: number[] = [];
    const active = { now: 0, max: 0 };
    const t0 = clock.now();
    lane.backOff(5_000);
    await clock.run(Promise.all(Array.from({ length: 3 }, () => lane.run(task(clock, starts, 1, active)))));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(t0 + 5_000);
    // Slowed too: after the pause, starts are spaced by the backoff interval.
    expect(Math.min(...gaps(starts))).toBeGreaterThanOrEqual(250);
    expect(lane.snapshot().backoffs).toBe(1);
  });

  it('slows down on 429/503 and recovers gradually on success', () => {
    const clock = new FakeClock();
    const lane = new HostLane('h', { concurrency: 1, intervalMs: 100 }, clock, pLimit(1));
    lane.slowDown();
    expect(lane.intervalMs).toBe(250);
    lane.slowDown();
    expect(lane.intervalMs).toBe(500);
    expect(lane.isBackingOff()).toBe(true);
    lane.recordSuccess();
    expect(lane.intervalMs).toBe(300);
    for (let i = 0; i < 20; i++) lane.recordSuccess();
    expect(lane.intervalMs).toBe(100);
    expect(lane.isBackingOff()).toBe(false);
  });

  it('applies a slowed interval to later starts', async () => {
    const clock = new FakeClock();
    const lane = new HostLane('h', { concurrency: 1, intervalMs: 10 }, clock, pLimit(10));
    const starts: number[] = [];
    const active = { now: 0, max: 0 };
    await clock.run(lane.run(task(clock, starts, 1, active)));
    lane.slowDown();
    await clock.run(Promise.all([lane.run(task(clock, starts, 1, active)), lane.run(task(clock, starts, 1, active))]));
    expect(Math.min(...gaps(starts))).toBeGreaterThanOrEqual(250);
  });

  it('drops a queued request whose signal aborted', async () => {
    const clock = new FakeClock();
    const lane = new HostLane('h', { concurrency: 1, intervalMs: 0 }, clock, pLimit(10));
    const controller = new AbortController();
    let ran = false;
    const first = lane.run(() => clock.sleep(100));
    const second = lane.run(
      async () => {
        ran = true;
      },
      { signal: controller.signal },
    );
    const rejected = expect(second).rejects.toThrow('stop');
    controller.abort(new Error('stop'));
    await clock.run(first);
    await rejected;
    expect(ran).toBe(false);
  });
});

describe('RequestPool', () => {
  it('caps requests globally while hosts run in parallel', async () => {
    const clock = new FakeClock();
    const pool = new RequestPool({ concurrency: 3, limitsFor: () => ({ concurrency: 2, intervalMs: 0 }) }, clock);
    const active = { now: 0, max: 0 };
    const byHost: Record<string, number[]> = { a: [], b: [], c: [] };
    const jobs = Object.keys(byHost).flatMap((host) =>
      Array.from({ length: 4 }, () => pool.run(host, task(clock, byHost[host], 100, active))),
    );
    await clock.run(Promise.all(jobs));
    expect(active.max).toBe(3);
    // Hosts overlapped: every host started something in the first round.
    const firstRoundEnd = Math.min(...Object.values(byHost).flat()) + 100;
    expect(
      Object.values(byHost).filter((starts) => starts.some((t) => t <= firstRoundEnd)).length,
    ).toBeGreaterThanOrEqual(2);
    expect(pool.stats().map((s) => s.host)).toEqual(['a', 'b', 'c']);
    expect(pool.stats().every((s) => s.maxInFlight <= 2)).toBe(true);
  });

  it('uses per-host limits', async () => {
    const clock = new FakeClock();
    const pool = new RequestPool(
      { concurrency: 10, limitsFor: (h) => ({ concurrency: 1, intervalMs: h === 'slow' ? 1_000 : 0 }) },
      clock,
    );
    const active = { now: 0, max: 0 };
    const slow: number[] = [];
    const fast: number[] = [];
    await clock.run(
      Promise.all([
        ...Array.from({ length: 3 }, () => pool.run('slow', task(clock, slow, 1, active))),
        ...Array.from({ length: 3 }, () => pool.run('fast', task(clock, fast, 1, active))),
      ]),
    );
    expect(Math.min(...gaps(slow))).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...gaps(fast))).toBeLessThan(1_000);
  });
});
