import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/check/cache.js';
import type { CheckResult } from '../../src/types.js';
import { tempDirSync } from '../helpers/temp-dir.js';

const tempCache = () => join(tempDirSync('citecheck-cache-'), 'cache.json');
const DAY = 86_400_000;

function result(status: CheckResult['status'], at: number): CheckResult {
  return {
    url: 'https://a.example.net/',
    status,
    redirects: [],
    attempts: 1,
    checkedAt: new Date(at).toISOString(),
    durationMs: 1,
  };
}

describe('cache: failed checks in a row (--confirm)', () => {
  it('counts consecutive failures and starts again after an ok', async () => {
    let now = Date.parse('2024-05-01T00:00:00Z');
    const cache = await ResultCache.load(tempCache(), () => now);
    const seen = [] as (number | undefined)[];
    for (const status of ['timeout', 'unreachable', 'ok', 'timeout'] as const) {
      seen.push(cache.record(result(status, now)).history?.failingChecks);
      now += DAY;
    }
    expect(seen).toEqual([1, 2, undefined, 1]);
  });

  it('an entry written before the count reads as one failure so far', async () => {
    const path = tempCache();
    const at = Date.parse('2024-05-01T00:00:00Z');
    writeFileSync(
      path,
      JSON.stringify({
        version: 1,
        savedAt: new Date(at).toISOString(),
        entries: {
          'https://a.example.net/': {
            result: result('timeout', at),
            history: {
              firstCheckedAt: new Date(at).toISOString(),
              failingSince: new Date(at).toISOString(),
              checks: 4,
              failures: 4,
            },
          },
        },
      }),
    );
    const cache = await ResultCache.load(path, () => at + DAY);
    expect(cache.record(result('timeout', at + DAY)).history).toMatchObject({ failingChecks: 2, checks: 5 });
  });
});

describe('cache: archive answers', () => {
  const maxAge = (a: { status: string }) => (a.status === 'found' ? 30 * DAY : DAY);

  it('round-trips through the file and expires by kind', async () => {
    const path = tempCache();
    const at = Date.parse('2024-05-01T00:00:00Z');
    const first = await ResultCache.load(path, () => at);
    first.recordArchive('k-found', {
      checkedAt: new Date(at).toISOString(),
      status: 'found',
      timestamp: '20240101000000',
    });
    first.recordArchive('k-none', { checkedAt: new Date(at).toISOString(), status: 'missing' });
    await first.flush();
    expect(JSON.parse(readFileSync(path, 'utf8')).archive['k-found']).toMatchObject({ timestamp: '20240101000000' });

    const nextDay = await ResultCache.load(path, () => at + DAY + 1);
    expect(nextDay.archiveAnswer('k-found', maxAge)).toMatchObject({ status: 'found' });
    expect(nextDay.archiveAnswer('k-none', maxAge)).toBeUndefined();
    const nextMonth = await ResultCache.load(path, () => at + 31 * DAY);
    expect(nextMonth.archiveAnswer('k-found', maxAge)).toBeUndefined();
  });

  it('a file without archive answers (older runs) loads; garbage answers are dropped', async () => {
    const path = tempCache();
    const at = Date.now();
    writeFileSync(
      path,
      JSON.stringify({
        version: 1,
        savedAt: new Date(at).toISOString(),
        entries: {},
        archive: { bad: { status: 'perhaps', checkedAt: new Date(at).toISOString() }, worse: null },
      }),
    );
    const cache = await ResultCache.load(path, () => at);
    expect(cache.warning).toBeUndefined();
    expect(cache.archiveAnswer('bad', maxAge)).toBeUndefined();
  });
});
