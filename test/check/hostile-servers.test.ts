import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTargets } from '../../src/check/index.js';
import type { CheckResult } from '../../src/types.js';
import { testOptions } from '../helpers/options.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// Hosts that keep refusing. Waits run on an injected clock that jumps when slept on, so a
// Retry-After of an hour costs nothing here; what is asserted is how many requests reached the
// host, in which order, and what each link was reported as.

let wall: TestServer; // 429 Retry-After: 3600 to everything under /wall/
let brief: TestServer; // 429 Retry-After: 1 to everything under /brief/
let alternating: TestServer; // under /alt/: 429 Retry-After: 50 and 200, turn about
let down: TestServer; // plain 503 (no Retry-After) to everything under /down/
let garbled: TestServer; // 429 Retry-After: later 2 (no valid value) to everything under /garbled/

function refuse(res: ServerResponse, retryAfter: string): void {
  res.writeHead(429, { 'content-type': 'text/html', 'retry-after': retryAfter });
  res.end('<title>Too Many Requests</title>');
}

beforeAll(async () => {
  wall = await startTestServer({ host: '127.0.0.2', routes: { '/wall/': (_req, res) => refuse(res, '3600') } });
  brief = await startTestServer({ host: '127.0.0.3', routes: { '/brief/': (_req, res) => refuse(res, '1') } });
  garbled = await startTestServer({
    host: '127.0.0.7',
    routes: { '/garbled/': (_req, res) => refuse(res, 'later 2') },
  });
  down = await startTestServer({
    host: '127.0.0.5',
    routes: {
      '/down/': (_req, res) => {
        res.writeHead(503, { 'content-type': 'text/html' });
        res.end('<title>Service Unavailable</title>');
      },
    },
  });
  alternating = await startTestServer({
    host: '127.0.0.4',
    routes: {
      '/alt/': (_req, res, server) => {
        if (server.hits.length % 2 === 1) return refuse(res, '50');
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<title>Fine</title>');
      },
    },
  });
});
afterAll(async () => {
  await Promise.all([wall.close(), brief.close(), alternating.close(), down.close(), garbled.close()]);
});

/** A clock whose sleep jumps time forward at once. */
function jumpingClock() {
  const clock = { time: Date.now(), slept: 0 };
  return {
    clock,
    deps: {
      now: () => clock.time,
      sleep: async (ms: number, signal?: AbortSignal) => {
        signal?.throwIfAborted();
        clock.time += Math.max(0, ms);
        clock.slept += Math.max(0, ms);
      },
    },
  };
}

const targets = (server: TestServer, prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ url: server.url(`${prefix}${i}`), fragments: [], quotes: [] }));

const inOrder = (run: { results: Map<string, CheckResult> }, list: { url: string }[]) =>
  list.map((t) => run.results.get(t.url)!);

describe('a host that keeps refusing is given up', () => {
  it('1,000 links to a host answering 429 Retry-After: 3600: three requests, then every link blocked', async () => {
    wall.reset();
    const list = targets(wall, '/wall/', 1000);
    const { deps } = jumpingClock();
    const run = await checkTargets(list, testOptions({ hostConcurrency: 1, hostIntervalMs: 0 }), deps);
    // One at a time, in the order given: the first three links were asked, nothing after.
    expect(wall.hits.map((h) => h.path)).toEqual(['/wall/0', '/wall/1', '/wall/2']);
    const results = inOrder(run, list);
    expect(results.every((r) => r.status === 'blocked' && r.errorCode === 'RATE_LIMITED')).toBe(true);
    expect(results.slice(0, 3).map((r) => [r.httpStatus, r.attempts])).toEqual([
      [429, 1],
      [429, 1],
      [429, 1],
    ]);
    const rest = results.slice(3);
    expect(rest.every((r) => r.attempts === 0 && r.httpStatus === undefined)).toBe(true);
    expect(rest[0].reason).toMatch(/refused 3 times in a row \(HTTP 429, asking to wait 3600 s/);
    expect(run.hosts).toHaveLength(1);
    expect(run.hosts[0].requests).toBe(3);
  });

  it('counts the refusals of requests in flight together: at most three more than the host slots', async () => {
    wall.reset();
    const list = targets(wall, '/wall/parallel-', 200);
    const { deps } = jumpingClock();
    const run = await checkTargets(list, testOptions({ hostConcurrency: 4, hostIntervalMs: 0 }), deps);
    // Three refusals give the host up; at most the other three slots were in flight then.
    expect(wall.hits.length).toBeGreaterThanOrEqual(3);
    expect(wall.hits.length).toBeLessThanOrEqual(3 + 3);
    const results = inOrder(run, list);
    expect(results.every((r) => r.status === 'blocked' && r.errorCode === 'RATE_LIMITED')).toBe(true);
    expect(results.filter((r) => r.attempts === 0)).toHaveLength(200 - wall.hits.length);
  });

  it('a short Retry-After that keeps coming back: waits as asked, then gives up after three more', async () => {
    brief.reset();
    const list = targets(brief, '/brief/', 500);
    const { deps, clock } = jumpingClock();
    const run = await checkTargets(list, testOptions({ hostConcurrency: 1, retries: 2 }), deps);
    // The first refusal pauses the host for 1 s (the next link has taken the free slot by
    // then); every request after that pause that is refused again is a strike: link 1, the
    // retry of link 0, the retry of link 1. Nothing after the third.
    expect(brief.hits.map((h) => h.path)).toEqual(['/brief/0', '/brief/1', '/brief/0', '/brief/1']);
    const results = inOrder(run, list);
    expect(results.every((r) => r.status === 'blocked' && r.errorCode === 'RATE_LIMITED')).toBe(true);
    expect(results[0]).toMatchObject({ attempts: 2, httpStatus: 429 });
    expect(results[1]).toMatchObject({ attempts: 2, httpStatus: 429 });
    expect(results.slice(2).every((r) => r.attempts === 0)).toBe(true);
    expect(results[2].reason).toMatch(/^not requested: .* refused 3 times in a row/);
    // Links 0 and 1 were asked and refused: their retry is what was given up.
    expect(results[0].reason).toMatch(/^not retried: .* refused 3 times in a row/);
    // The waits were the server's (1 s each, plus the widened gaps), nothing like an hour.
    expect(clock.slept).toBeLessThan(10_000);
  });

  it('a 429 whose Retry-After is invalid is a 429 without one: no wait asked, backoff instead', async () => {
    // "later 2" is a date in 2001 to Date.parse: read as one, it was "retry now", again and again.
    garbled.reset();
    const list = targets(garbled, '/garbled/', 20);
    const { deps, clock } = jumpingClock();
    const run = await checkTargets(list, testOptions({ hostConcurrency: 1, retries: 2 }), deps);
    const results = inOrder(run, list);
    expect(results.every((r) => r.status === 'blocked' && r.errorCode === 'RATE_LIMITED')).toBe(true);
    const given = results.find((r) => r.attempts === 0)!;
    expect(given.reason).toMatch(/refused 3 times in a row \(HTTP 429\)$/);
    expect(results.some((r) => /asking to wait/.test(r.reason ?? ''))).toBe(false);
    // The retries waited (exponential backoff), not zero as a date in the past would have it.
    expect(clock.slept).toBeGreaterThan(0);
    expect(garbled.hits.length).toBeLessThan(10);
  });

  it('a site that is down (plain 503s) is given up too, but the links it answered are broken, not rate-limited', async () => {
    // review22: with one link such a site was broken (exit 1); with two, the give-up turned
    // both into blocked RATE_LIMITED warnings, and a post citing a dead site twice passed CI.
    down.reset();
    const list = targets(down, '/down/', 50);
    const { deps } = jumpingClock();
    const run = await checkTargets(list, testOptions({ hostConcurrency: 1, retries: 2 }), deps);
    const results = inOrder(run, list);
    const answered = results.filter((r) => r.attempts > 0);
    expect(answered.length).toBeGreaterThan(0);
    for (const r of answered) expect(r).toMatchObject({ status: 'broken', errorCode: 'HTTP_ERROR', httpStatus: 503 });
    const rest = results.filter((r) => r.attempts === 0);
    expect(rest.length).toBe(50 - answered.length);
    expect(
      rest.every((r) => r.status === 'blocked' && /^not requested: .* 3 times in a row \(HTTP 503\)/.test(r.reason!)),
    ).toBe(true);
    expect(down.hits.length).toBeLessThan(10);
  });

  it('a host that refuses every other request may keep the run waiting three capped pauses, no more', async () => {
    alternating.reset();
    const list = targets(alternating, '/alt/', 300);
    const { deps, clock } = jumpingClock();
    const retryAfterMaxMs = 60_000;
    const run = await checkTargets(list, testOptions({ hostConcurrency: 1, retries: 0, retryAfterMaxMs }), deps);
    const results = inOrder(run, list);
    // Answers between the refusals clear the strikes; the waiting budget ends it instead.
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThanOrEqual(3);
    expect(results.at(-1)).toMatchObject({ status: 'blocked', errorCode: 'RATE_LIMITED', attempts: 0 });
    expect(results.at(-1)?.reason).toMatch(/kept citecheck waiting over 180 s/);
    expect(alternating.hits.length).toBeLessThan(12);
    // Every link was decided, in order: the answered ones first, then the given-up ones.
    const firstUnasked = results.findIndex((r) => r.attempts === 0);
    expect(results.slice(firstUnasked).every((r) => r.attempts === 0 && r.status === 'blocked')).toBe(true);
    // What the host made the run wait, in all: within its budget of three capped pauses.
    expect(clock.slept).toBeLessThanOrEqual(3 * retryAfterMaxMs);
  });
});
