import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { collectTargets } from '../../src/links/targets.js';
import { resolveOptions } from '../../src/config/resolve.js';
import { decidedResults, planTargets, targetsToCheck } from '../../src/links/plan.js';
import { buildReport } from '../../src/report/build.js';
import { ShardMerger } from '../../src/report/merge.js';
import type { CheckResult, ExtractedPost, Report } from '../../src/types.js';
import { STARTED_AT, block, citation, damaged, hop, post, result } from '../fixtures/reports/builders.js';

/** 30 posts over 12 sites: broken, moved and ok links, a damaged anchor, an invalid URL, an uncited claim. */
function posts(): ExtractedPost[] {
  return Array.from({ length: 30 }, (_, i) => {
    const blocks = [0, 1, 2].map((k) =>
      block(k, {
        text: `Paragraph ${k} says 5% rose.`,
        citations: [citation(`http://site-${(i + k) % 12}.org/story/${(i * 3 + k) % 40}`, { anchorText: `a${i}${k}` })],
      }),
    );
    if (i === 3) blocks.push(block(3, { text: 'It said so.', damagedAnchors: [damaged('said')] }));
    if (i === 5)
      blocks.push(block(3, { citations: [citation('https://[bad', { checkUrl: undefined, invalid: 'bad host' })] }));
    if (i === 9) blocks.push(block(3, { text: 'Prices rose 40% in a year.', signals: ['number'] }));
    return post(`post-${i}.json`, blocks, { title: `Post ${i}` });
  });
}

function verdict(url: string): CheckResult {
  const n = Number(/story\/(\d+)/.exec(url)?.[1]);
  if (n % 10 === 3) return result(url, 'broken');
  if (n % 10 === 6) return result(url, 'ok', { finalUrl: `${url}/new`, redirects: [hop(url, 301, `${url}/new`)] });
  return result(url, 'ok');
}

/** The report of the whole run, or of one shard of it (the links of other shards unchecked). */
function run(shard?: { index: number; count: number }): Report {
  const targets = collectTargets(posts());
  const plan = planTargets(targets, { ...resolveOptions(undefined, {}), shard });
  const toCheck = targetsToCheck(plan);
  const held = decidedResults(plan);
  const results = new Map<string, CheckResult>([
    ...toCheck.map((t) => [t.url, verdict(t.url)] as const),
    ...held.map((r) => [r.url, r] as const),
  ]);
  const hosts = toCheck.map((t) => ({
    host: new URL(t.url).host,
    requests: 1,
    retries: 0,
    backoffs: 0,
    maxInFlight: 1,
  }));
  return buildReport({ posts: posts(), results, hosts, startedAt: STARTED_AT, durationMs: 10, shard });
}

function merged(reports: Report[]): Report {
  const merger = new ShardMerger();
  reports.forEach((r, i) => merger.add(structuredClone(r), `shard-${i}.json`));
  return merger.result();
}

describe('merging shard reports', () => {
  it('gives the verdicts, findings and totals of the whole run, in any order of the shards', () => {
    const whole = run();
    const shards = [1, 2, 3, 4].map((index) => run({ index, count: 4 }));
    // Each shard checked some of the links and reports only its findings.
    for (const s of shards)
      expect(s.totals.findings.error + s.totals.findings.warning).toBeLessThan(
        whole.totals.findings.error + whole.totals.findings.warning,
      );
    expect(shards.reduce((n, s) => n + s.findings.length, 0)).toBe(whole.findings.length);
    for (const order of [
      [0, 1, 2, 3],
      [3, 1, 0, 2],
    ]) {
      const joined = merged(order.map((i) => shards[i]));
      expect(joined.posts).toEqual(whole.posts);
      expect(joined.findings).toEqual(whole.findings);
      expect(joined.totals).toEqual(whole.totals);
      expect(joined.shard).toBeUndefined();
    }
  });

  it("sums the per-host figures: each host was one shard's", () => {
    const joined = merged([1, 2].map((index) => run({ index, count: 2 })));
    const requests = joined.hosts.reduce((n, h) => n + h.requests, 0);
    expect(requests).toBe(run().hosts.reduce((n, h) => n + h.requests, 0));
  });

  it('claims without links and damaged anchors are reported once, by shard 1', () => {
    const codes = (r: Report) => r.findings.map((f) => f.code);
    const [one, two] = [1, 2].map((index) => run({ index, count: 2 }));
    for (const code of ['ANCHOR_DAMAGED', 'CLAIM_UNCITED', 'LINK_INVALID'] as const) {
      expect(codes(one)).toContain(code);
      expect(codes(two)).not.toContain(code);
    }
  });

  it('refuses, in one line, reports that are not shards of one run', () => {
    const [one, two, three] = [1, 2, 3].map((index) => run({ index, count: 3 }));
    const fail = (reports: Report[]) => () => merged(reports);
    expect(fail([run(), two])).toThrow(/shard-0\.json: not a shard report/);
    expect(fail([one, one])).toThrow(/are both shard 1\/3/);
    expect(fail([one, two])).toThrow(/^merge: shard 3\/3 missing/);
    expect(fail([one, run({ index: 2, count: 4 })])).toThrow(/is shard 2\/4, shard-0\.json is shard 1\/3/);
    const newer = { ...two, tool: { ...two.tool, version: '9.9.9' } };
    expect(fail([one, newer, three])).toThrow(/written by citecheck 9\.9\.9, shard-0\.json by /);
    const other = { ...two, posts: two.posts.slice(1), shard: { ...two.shard!, inputs: 'other' } };
    expect(fail([one, other, three])).toThrow(/is a shard of other inputs than shard-0\.json/);
    expect(fail([one, other])).toThrow(InputError);
  });
});
