import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTransientFailure, markUnconfirmed } from '../../src/check/confirm.js';
import { runCheck } from '../../src/run.js';
import type { CheckResult, Report } from '../../src/types.js';
import { testOptions } from '../helpers/options.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { tempDir } from '../helpers/temp-dir.js';

const DAY = 86_400_000;

function result(fields: Partial<CheckResult>): CheckResult {
  return {
    url: 'https://a.example.net/',
    status: 'ok',
    redirects: [],
    attempts: 1,
    checkedAt: '2024-05-04T00:00:00.000Z',
    durationMs: 1,
    ...fields,
  };
}

describe('isTransientFailure', () => {
  it('timeouts, unreachable hosts and 5xx may pass; 404, 410, soft 404s and blocks are answers', () => {
    expect(isTransientFailure({ status: 'timeout' })).toBe(true);
    expect(isTransientFailure({ status: 'unreachable' })).toBe(true);
    expect(isTransientFailure({ status: 'broken', httpStatus: 503 })).toBe(true);
    expect(isTransientFailure({ status: 'broken', httpStatus: 404 })).toBe(false);
    expect(isTransientFailure({ status: 'broken', httpStatus: 410 })).toBe(false);
    expect(isTransientFailure({ status: 'broken' })).toBe(false);
    expect(isTransientFailure({ status: 'soft-404', httpStatus: 200 })).toBe(false);
    expect(isTransientFailure({ status: 'blocked', httpStatus: 503 })).toBe(false);
  });
});

describe('markUnconfirmed (3x3d)', () => {
  const rule = { checks: 3, spanMs: 3 * DAY };
  const history = (failingSince: string, failingChecks: number) => ({
    firstCheckedAt: '2024-01-01T00:00:00.000Z',
    failingSince,
    checks: 10,
    failures: failingChecks,
    failingChecks,
  });

  it('needs both the count and the span', () => {
    const results = new Map<string, CheckResult>([
      ['few', result({ url: 'few', status: 'timeout', history: history('2024-04-01T00:00:00.000Z', 2) })],
      ['short', result({ url: 'short', status: 'timeout', history: history('2024-05-02T00:00:00.000Z', 5) })],
      ['dead', result({ url: 'dead', status: 'timeout', history: history('2024-05-01T00:00:00.000Z', 3) })],
      [
        'gone',
        result({ url: 'gone', status: 'broken', httpStatus: 404, history: history('2024-05-04T00:00:00.000Z', 1) }),
      ],
      ['fine', result({ url: 'fine' })],
    ]);
    expect(markUnconfirmed(results, rule)).toBe(2);
    expect(results.get('few')?.unconfirmed).toBe(true);
    expect(results.get('short')?.unconfirmed).toBe(true);
    expect(results.get('dead')?.unconfirmed).toBeUndefined();
    expect(results.get('gone')?.unconfirmed).toBeUndefined();
    expect(results.get('fine')?.unconfirmed).toBeUndefined();
  });
});

describe('--confirm through runs with a cache', () => {
  let site: TestServer;
  let dir: string;
  beforeAll(async () => {
    site = await startTestServer({ host: '127.0.0.2' });
    dir = await tempDir('citecheck-confirm-');
  });
  afterAll(() => site.close());

  it('a 5xx stays LINK_FAILING until it failed 3 checks over 3 days; a 404 is LINK_BROKEN at once', async () => {
    const post = path.join(dir, 'post.md');
    await writeFile(
      post,
      `The [budget](${site.url('/status/503')}) and the [minutes](${site.url('/status/404')}) are cited.\n`,
    );
    const cache = path.join(dir, 'cache.json');
    const options = testOptions({ cache, retries: 0, confirm: { checks: 3, spanMs: 3 * DAY }, archive: 'never' });
    const start = Date.now();
    const codes = (report: Report, suffix: string) =>
      report.findings.filter((f) => f.url?.endsWith(suffix) && f.code !== 'LINK_INSECURE_HTTP').map((f) => f.code);
    const runs: Report[] = [];
    for (const day of [0, 1, 2, 3]) runs.push(await runCheck([post], options, { now: () => start + day * DAY }));

    expect(runs.map((r) => codes(r, '/status/503'))).toEqual([
      ['LINK_FAILING'],
      ['LINK_FAILING'],
      ['LINK_FAILING'], // 3 checks, but only 2 days apart
      ['LINK_BROKEN'],
    ]);
    for (const r of runs) expect(codes(r, '/status/404')).toEqual(['LINK_BROKEN']);
    const failing = runs[1].findings.find((f) => f.code === 'LINK_FAILING');
    expect(failing?.severity).toBe('warning');
    expect(failing?.message).toContain(`failing since ${new Date(start).toISOString().slice(0, 10)}, 2 failed checks`);
    expect(failing?.message).toContain('dead after 3 over 3d');
    const c = runs[1].posts[0].blocks[0].citations.find((x) => x.url.endsWith('/status/503'));
    expect(c?.unconfirmed).toBe(true);
    expect(c?.history?.failingChecks).toBe(2);
  });
});
