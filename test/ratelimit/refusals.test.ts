import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { HostLane } from '../../src/ratelimit/host-lane.js';
import { HostGaveUpError, RefusalLedger, refusalPolicy } from '../../src/ratelimit/refusals.js';
import { FakeClock } from '../helpers/fake-clock.js';

const policy = refusalPolicy(60_000);

describe('RefusalLedger', () => {
  it('does not count a burst of refusals to requests already in flight', () => {
    const ledger = new RefusalLedger(policy);
    // Four requests started at t=0; the first refusal comes back at t=10 and the lane backs off.
    for (let i = 0; i < 4; i++) {
      expect(ledger.refused({ status: 429, retryAfterMs: 1_000, startedAt: 0 }, 10 + i)).toEqual({
        pauseMs: 1_000,
      });
    }
  });

  it('counts refusals after the lane backed off, and gives up at the third in a row', () => {
    const ledger = new RefusalLedger(policy);
    expect(ledger.refused({ status: 429, retryAfterMs: 1_000, startedAt: 0 }, 10).giveUp).toBeUndefined();
    expect(ledger.refused({ status: 429, retryAfterMs: 1_000, startedAt: 1_010 }, 1_020).giveUp).toBeUndefined();
    expect(ledger.refused({ status: 503, retryAfterMs: 1_000, startedAt: 2_020 }, 2_030).giveUp).toBeUndefined();
    expect(ledger.refused({ status: 429, retryAfterMs: 1_000, startedAt: 3_030 }, 3_040).giveUp).toBe(
      'refused 3 times in a row (HTTP 429, asking to wait 1 s)',
    );
  });

  it('clears the strikes when the host answers', () => {
    const ledger = new RefusalLedger(policy);
    ledger.refused({ status: 429, startedAt: 0 }, 10);
    ledger.refused({ status: 429, startedAt: 20 }, 30);
    ledger.refused({ status: 429, startedAt: 40 }, 50);
    ledger.answered();
    expect(ledger.refused({ status: 429, startedAt: 60 }, 70).giveUp).toBeUndefined();
    expect(ledger.refused({ status: 429, startedAt: 80 }, 90).giveUp).toBeUndefined();
  });

  it('does not pause for a wait beyond --retry-after-max, and counts it as a strike at once', () => {
    const ledger = new RefusalLedger(policy);
    expect(ledger.refused({ status: 429, retryAfterMs: 3_600_000, startedAt: 0 }, 1)).toEqual({
      pauseMs: undefined,
    });
    expect(ledger.refused({ status: 429, retryAfterMs: 3_600_000, startedAt: 0 }, 2).giveUp).toBeUndefined();
    expect(ledger.refused({ status: 429, retryAfterMs: 3_600_000, startedAt: 0 }, 3).giveUp).toMatch(
      /^refused 3 times in a row \(HTTP 429, asking to wait 3600 s \(more than the 60 s --retry-after-max\)\)$/,
    );
  });

  it('words a wait past a year as such, never in exponent notation (Retry-After: 1e20)', () => {
    const ledger = new RefusalLedger(policy);
    for (const at of [1, 2]) ledger.refused({ status: 503, retryAfterMs: 1e23, startedAt: 0 }, at);
    expect(ledger.refused({ status: 503, retryAfterMs: 1e23, startedAt: 0 }, 3).giveUp).toBe(
      'refused 3 times in a row (HTTP 503, asking to wait more than a year (more than the 60 s --retry-after-max))',
    );
  });
});

describe('HostLane giving up', () => {
  it('gives up once the waits the host imposed pass the budget, answers between or not', async () => {
    const clock = new FakeClock();
    const lane = new HostLane('h', { concurrency: 1, intervalMs: 100, refusals: policy }, clock, pLimit(10));
    const outcomes: string[] = [];
    // Each request answers, then the host pauses the lane for 50 s: 50 s beyond the gap each time.
    const request = () =>
      lane
        .run(async () => {
          lane.answered(200);
          lane.refused({ status: 429, retryAfterMs: 50_000, startedAt: 0 });
        })
        .then(
          () => outcomes.push('ok'),
          (error: unknown) => outcomes.push(error instanceof HostGaveUpError ? 'gave up' : 'other'),
        );
    const started = clock.now();
    await clock.run(Promise.all(Array.from({ length: 8 }, request)));
    // 3 x 60 s allowed: the fourth pause would pass it, so the fifth request is never sent.
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'gave up', 'gave up', 'gave up', 'gave up']);
    expect(lane.gaveUpReason).toBe(
      'not requested: h kept citecheck waiting over 180 s (HTTP 429, asking to wait 50 s)',
    );
    expect(clock.now() - started).toBeLessThanOrEqual(180_000);
  });

  it('fails every waiting and later request at once, including one sleeping out a pause', async () => {
    const clock = new FakeClock();
    const lane = new HostLane('h', { concurrency: 1, intervalMs: 0, refusals: policy }, clock, pLimit(10));
    lane.refused({ status: 429, retryAfterMs: 30_000, startedAt: clock.now() });
    const started: number[] = [];
    const waiting = Array.from({ length: 5 }, (_, i) =>
      lane.run(async () => {
        started.push(i);
      }),
    );
    const settled = Promise.allSettled(waiting);
    await clock.settle();
    // Two strikes after the pause began, then the third: the host is given up while asleep.
    lane.refused({ status: 429, retryAfterMs: 30_000, startedAt: clock.now() });
    lane.refused({ status: 429, retryAfterMs: 30_000, startedAt: clock.now() });
    lane.refused({ status: 429, retryAfterMs: 30_000, startedAt: clock.now() });
    const outcomes = await settled;
    expect(started).toEqual([]);
    expect(outcomes.every((o) => o.status === 'rejected' && o.reason instanceof HostGaveUpError)).toBe(true);
    expect(lane.gaveUpReason).toMatch(/^not requested: h refused 3 times in a row/);
    await expect(lane.run(async () => 'late')).rejects.toBeInstanceOf(HostGaveUpError);
  });
});
