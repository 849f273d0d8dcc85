import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTargets } from '../../src/check/index.js';
import type { CheckProgress } from '../../src/types.js';
import { testOptions } from '../helpers/options.js';
import { startTestServers, type Hit, type TestServer } from '../helpers/test-server.js';

let servers: TestServer[];

beforeAll(async () => {
  servers = await startTestServers(3, { firstHost: 2 });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const targetsOn = (server: TestServer, paths: string[]) =>
  paths.map((p) => ({ url: server.url(p), fragments: [], quotes: [] }));
const startGaps = (hits: Hit[]) => {
  const starts = hits.map((h) => h.start).sort((a, b) => a - b);
  return starts.slice(1).map((t, i) => t - starts[i]);
};
// The servers run in the test's own process and stamp a request when its handler runs. On a
// quiet machine that lags the client's start by well under 1 ms (measured gaps: interval
// + 0.2..0.8 ms); on a loaded 2-core machine one arrival was seen handled 20+ ms late (the
// test failed at 20 ms of slack, and once at 60 ms under load 10), which shortens the gap after
// it. A limiter that did nothing would show gaps near 0 (or the 30 ms response time), below
// interval - SLACK_MS = 50 ms, so the check still catches one.
const SLACK_MS = 100;
const INTERVAL_MS = 150;

/** Every gap at least the interval (minus jitter slack), and the span of all starts too. */
function expectGapsHeld(hits: Hit[], interval: number): void {
  const gaps = startGaps(hits);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(interval - SLACK_MS);
  // Jitter does not accumulate: the span from first to last start holds almost exactly.
  const span = gaps.reduce((a, b) => a + b, 0);
  expect(span).toBeGreaterThanOrEqual(gaps.length * interval - SLACK_MS);
}

describe('per-host limits against real servers', () => {
  it('holds per-host concurrency while different hosts overlap', async () => {
    const [a, b] = servers;
    a.reset();
    b.reset();
    const paths = Array.from({ length: 8 }, (_, i) => `/slow/60?n=${i}`);
    const run = await checkTargets(
      [...targetsOn(a, paths), ...targetsOn(b, paths)],
      testOptions({ hostConcurrency: 2, concurrency: 32 }),
    );
    expect([...run.results.values()].every((r) => r.status === 'ok')).toBe(true);
    expect(a.maxInFlight).toBeLessThanOrEqual(2);
    expect(b.maxInFlight).toBeLessThanOrEqual(2);
    expect(a.maxInFlight).toBe(2);
    // The two hosts were served at the same time: each started before the other finished.
    const firstA = Math.min(...a.hits.map((h) => h.start));
    const lastB = Math.max(...b.hits.map((h) => h.end ?? h.start));
    const firstB = Math.min(...b.hits.map((h) => h.start));
    const lastA = Math.max(...a.hits.map((h) => h.end ?? h.start));
    expect(firstB).toBeLessThan(lastA);
    expect(firstA).toBeLessThan(lastB);
    expect(run.hosts.find((h) => h.host === `${a.host}:${a.port}`)).toMatchObject({ requests: 8, maxInFlight: 2 });
  });

  it('holds the minimum interval between request starts, per host', async () => {
    const [a, b] = servers;
    a.reset();
    b.reset();
    const paths = Array.from({ length: 6 }, (_, i) => `/ok?i=${i}`);
    await checkTargets(
      [...targetsOn(a, paths), ...targetsOn(b, paths)],
      testOptions({ hostConcurrency: 4, hostIntervalMs: INTERVAL_MS }),
    );
    for (const server of [a, b]) {
      expect(server.hits).toHaveLength(6);
      expectGapsHeld(server.hits, INTERVAL_MS);
    }
    // Hosts ran side by side, not one after the other.
    expect(Math.min(...b.hits.map((h) => h.start))).toBeLessThan(Math.max(...a.hits.map((h) => h.start)));
  });

  it('applies per-host overrides (interval and concurrency)', async () => {
    const [a, b] = servers;
    a.reset();
    b.reset();
    const paths = Array.from({ length: 4 }, (_, i) => `/slow/30?o=${i}`);
    await checkTargets(
      [...targetsOn(a, paths), ...targetsOn(b, paths)],
      testOptions({ hostConcurrency: 4, hosts: { [a.host]: { intervalMs: INTERVAL_MS, concurrency: 1 } } }),
    );
    expect(a.maxInFlight).toBe(1);
    expectGapsHeld(a.hits, INTERVAL_MS);
    expect(Math.min(...startGaps(b.hits))).toBeLessThan(INTERVAL_MS - SLACK_MS);
  });

  it('counts retries and redirect hops against the host limit', async () => {
    const [a] = servers;
    a.reset();
    await checkTargets(
      targetsOn(a, ['/flaky/503/2?r', '/redirect/302/3?r', '/ok?r']),
      testOptions({ hostConcurrency: 4, hostIntervalMs: INTERVAL_MS, retries: 3 }),
    );
    expect(a.hits.length).toBeGreaterThanOrEqual(3 + 4 + 1);
    // After the 503s the lane slows further (adaptive backoff), so gaps are at least the base.
    expectGapsHeld(a.hits, INTERVAL_MS);
  });

  it('honours Retry-After for the whole host lane', async () => {
    const [, , c] = servers;
    c.reset();
    const run = await checkTargets(
      targetsOn(c, ['/retry-after/1?lane', '/ok?after-1', '/ok?after-2']),
      testOptions({ hostConcurrency: 1, retryBaseDelayMs: 5 }),
    );
    expect(run.results.get(c.url('/retry-after/1?lane'))).toMatchObject({ status: 'ok', attempts: 2 });
    const refusal = c.hits.find((h) => h.status === 429);
    expect(refusal).toBeDefined();
    // No request reached the host in the second after the 429 was sent.
    const later = c.hits.filter((h) => h.start > refusal!.start);
    expect(later.length).toBeGreaterThanOrEqual(1);
    for (const hit of later) expect(hit.start - refusal!.end!).toBeGreaterThanOrEqual(1000);
    expect(run.hosts[0].backoffs).toBeGreaterThanOrEqual(1);
  });

  it('reports in-flight requests and hosts backing off as progress', async () => {
    const [, , c] = servers;
    const events: CheckProgress[] = [];
    await checkTargets(targetsOn(c, ['/retry-after/1?progress', '/ok?progress']), testOptions({ hostConcurrency: 1 }), {
      onProgress: (p) => events.push(p),
    });
    expect(events.some((e) => e.inFlight > 0)).toBe(true);
    expect(events.some((e) => e.backingOff.includes(`${c.host}:${c.port}`))).toBe(true);
    expect(events.at(-1)).toMatchObject({ done: 2, total: 2, inFlight: 0 });
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const [, , c] = servers;
    c.reset();
    const run = await checkTargets(targetsOn(c, ['/retry-after-date/1?d']), testOptions());
    expect(run.results.get(c.url('/retry-after-date/1?d'))?.status).toBe('ok');
    const [first, second] = c.hits;
    // The date says now + 2 s, at one-second resolution: at least one full second later.
    expect(second.start - first.end!).toBeGreaterThanOrEqual(1000);
  });

  it('does not retry a Retry-After longer than the cap, and never calls it broken', async () => {
    const [, , c] = servers;
    c.reset();
    const run = await checkTargets(targetsOn(c, ['/retry-after/30?cap']), testOptions({ retryAfterMaxMs: 100 }));
    expect(run.results.get(c.url('/retry-after/30?cap'))).toMatchObject({
      status: 'blocked',
      errorCode: 'RATE_LIMITED',
      attempts: 1,
    });
    expect(c.hits).toHaveLength(1);
  });

  it("sends a started check's redirect hop and retry before links still queued for the host", async () => {
    const [, , c] = servers;
    c.reset();
    const queued = Array.from({ length: 12 }, (_, i) => `/ok?queued=${i}`);
    const run = await checkTargets(
      targetsOn(c, ['/redirect/301/1', '/flaky/503/1', ...queued]),
      testOptions({ hostConcurrency: 1, retries: 2 }),
      // Retry waits pass at once, so the order below depends on the lane alone.
      { sleep: async () => undefined },
    );
    expect([...run.results.values()].every((r) => r.status === 'ok')).toBe(true);
    // One at a time. A follow-up can only be queued once the request before it is answered,
    // by when the host's slot has gone to the next waiter; it then goes before the links
    // that were queued from the start, not after them (where a long queue would outlast
    // the check's bound and report a live link as a timeout).
    expect(c.hits.map((h) => h.path)).toEqual(['/redirect/301/1', '/flaky/503/1', '/ok', '/flaky/503/1', ...queued]);
  });
});

describe('retry waits with an injected sleep', () => {
  it('backs off exponentially from retryBaseDelayMs and pauses the lane for Retry-After', async () => {
    const [a] = servers;
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
    };
    // A fake clock that jumps when slept on, so Retry-After pauses pass instantly.
    let now = Date.now();
    const fakeSleep = async (ms: number) => {
      await sleep(ms);
      now += ms;
    };
    const run = await checkTargets(
      targetsOn(a, ['/status/500?sleep', '/retry-after/7?sleep']),
      testOptions({ retries: 3, retryBaseDelayMs: 1000, hostConcurrency: 1, timeoutMs: 60_000 }),
      { sleep: fakeSleep, now: () => now, random: () => 0.5 },
    );
    expect(run.results.get(a.url('/status/500?sleep'))?.status).toBe('broken');
    expect(run.results.get(a.url('/retry-after/7?sleep'))?.status).toBe('ok');
    expect(sleeps).toEqual(expect.arrayContaining([1000, 2000, 4000]));
    expect(sleeps.some((ms) => ms >= 6_000 && ms <= 7_000)).toBe(true);
  });
});
