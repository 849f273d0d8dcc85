import { describe, expect, it } from 'vitest';
import { runByHost } from '../../src/ratelimit/check-queue.js';

const items = (hosts: string[], perHost: number) =>
  hosts.flatMap((host) => Array.from({ length: perHost }, (_, i) => ({ url: `http://${host}/${i}` })));

/** Checks that end when told, recording what was under way at each start. */
function manualChecks() {
  const started: string[] = [];
  const pending: (() => void)[] = [];
  let active = 0;
  let maxActive = 0;
  const perHost = new Map<string, number>();
  let maxPerHost = 0;
  const check = (item: { url: string }) => {
    const host = new URL(item.url).host;
    started.push(item.url);
    active += 1;
    maxActive = Math.max(maxActive, active);
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    maxPerHost = Math.max(maxPerHost, perHost.get(host)!);
    return new Promise<void>((resolve) =>
      pending.push(() => {
        active -= 1;
        perHost.set(host, perHost.get(host)! - 1);
        resolve();
      }),
    );
  };
  const endAll = async () => {
    while (pending.length > 0) {
      pending.splice(0).forEach((end) => end());
      await new Promise((r) => setImmediate(r));
    }
  };
  return { check, started, pending, endAll, stats: () => ({ maxActive, maxPerHost }) };
}

describe('runByHost', () => {
  it.each([
    [
      { perHost: 3, total: 5 },
      { maxActive: 5, maxPerHost: 2 },
    ],
    [
      { perHost: 3, total: 100 },
      { maxActive: 9, maxPerHost: 3 },
    ],
  ])('runs every item once within the total and per-host room (%o)', async (limits, expected) => {
    const list = items(['a', 'b', 'c'], 20);
    const checks = manualChecks();
    const done = runByHost(list, { perHost: () => limits.perHost, total: limits.total }, checks.check);
    await checks.endAll();
    await done;
    expect([...checks.started].sort()).toEqual(list.map((i) => i.url).sort());
    expect(checks.stats()).toEqual(expected);
  });

  it('lets hosts take turns, whatever the order of the items', async () => {
    const checks = manualChecks();
    const done = runByHost(items(['a', 'b', 'c'], 10), { perHost: () => 10, total: 6 }, checks.check);
    await new Promise((r) => setImmediate(r));
    // Items came grouped by host; the first six started two of each.
    expect(checks.started.map((u) => new URL(u).host)).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    await checks.endAll();
    await done;
  });

  it('starts nothing more once the signal aborts, and settles when the started ones end', async () => {
    const controller = new AbortController();
    const checks = manualChecks();
    const done = runByHost(items(['a', 'b'], 10), { perHost: () => 2, total: 3 }, checks.check, controller.signal);
    await new Promise((r) => setImmediate(r));
    expect(checks.started).toHaveLength(3);
    controller.abort();
    await checks.endAll();
    await done;
    expect(checks.started).toHaveLength(3);
  });

  it('starts at most a burst per turn of the event loop', async () => {
    const checks = manualChecks();
    const done = runByHost(items(['a', 'b', 'c'], 10), { perHost: () => 10, total: 6, burst: 2 }, checks.check);
    // The first two start before runByHost returns (their requests go out first)…
    expect(checks.started.map((u) => new URL(u).host)).toEqual(['a', 'b']);
    await new Promise((r) => setImmediate(r));
    // …two more on each turn of the event loop, hosts still taking turns, up to the total.
    expect(checks.started.map((u) => new URL(u).host)).toEqual(['a', 'b', 'c', 'a']);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(checks.started.map((u) => new URL(u).host)).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    await checks.endAll();
    await done;
    expect(checks.started).toHaveLength(30);
  });

  it('settles at once with nothing to do', async () => {
    await expect(runByHost([], { perHost: () => 1, total: 1 }, async () => undefined)).resolves.toBeUndefined();
  });
});
