import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/check/cache.js';
import { checkTargets } from '../../src/check/index.js';
import { verdictSettings } from '../../src/check/cache.js';
import { parseStatusRanges } from '../../src/config/status-ranges.js';
import type { CheckResult } from '../../src/types.js';
import { testOptions } from '../helpers/options.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { tempDirSync } from '../helpers/temp-dir.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ host: '127.0.0.4' });
});
afterAll(() => server.close());

const tempCache = () => join(tempDirSync('citecheck-cache-'), 'cache.json');
const targets = (...paths: string[]) => paths.map((p) => ({ url: server.url(p), fragments: [], quotes: [] }));

describe('cache across runs', () => {
  it('a second run sends no request for fresh ok links and re-checks failures keeping history', async () => {
    const cache = tempCache();
    server.reset();
    const first = await checkTargets(targets('/ok?c', '/status/404?c'), testOptions({ cache }));
    expect(first.results.get(server.url('/ok?c'))?.history).toMatchObject({ checks: 1, failures: 0 });
    expect(server.hits).toHaveLength(2);

    server.reset();
    const second = await checkTargets(targets('/ok?c', '/status/404?c'), testOptions({ cache }));
    expect(server.hitsOf('/ok?c')).toHaveLength(0);
    expect(server.hitsOf('/status/404?c')).toHaveLength(1);
    const ok = second.results.get(server.url('/ok?c'));
    expect(ok).toMatchObject({ status: 'ok', fromCache: true, httpStatus: 200 });
    const broken = second.results.get(server.url('/status/404?c'));
    expect(broken?.fromCache).toBeUndefined();
    expect(broken?.history).toMatchObject({ checks: 2, failures: 2 });
    expect(broken?.history?.failingSince).toBe(first.results.get(server.url('/status/404?c'))?.checkedAt);
    expect(broken?.history?.firstCheckedAt).toBe(broken?.history?.failingSince);
  });

  it('re-checks a cached ok link when its fragments must be checked', async () => {
    const cache = tempCache();
    await checkTargets(targets('/fragments?fc'), testOptions({ cache }));
    server.reset();
    const run = await checkTargets(
      [{ url: server.url('/fragments?fc'), fragments: ['gone'], quotes: [] }],
      testOptions({ cache, checkFragments: true }),
    );
    expect(server.hitsOf('/fragments?fc')).toHaveLength(1);
    expect(run.results.get(server.url('/fragments?fc'))?.missingFragments).toEqual(['gone']);
  });

  it('reuses an ok only under the settings that reached it (accept, private policy, headers)', async () => {
    const cache = tempCache();
    await checkTargets(targets('/status/403?set'), testOptions({ cache, accept: parseStatusRanges('200..299,403') }));
    server.reset();
    const strict = await checkTargets(targets('/status/403?set'), testOptions({ cache }));
    expect(server.hitsOf('/status/403?set')).toHaveLength(1);
    expect(strict.results.get(server.url('/status/403?set'))).toMatchObject({ status: 'blocked' });
    expect(strict.results.get(server.url('/status/403?set'))?.fromCache).toBeUndefined();

    await checkTargets(targets('/ok?set'), testOptions({ cache }));
    server.reset();
    await checkTargets(
      targets('/ok?set'),
      testOptions({ cache, headers: [{ name: 'Authorization', value: 'Bearer t' }] }),
    );
    expect(server.hitsOf('/ok?set')).toHaveLength(1);
    // Same settings again: reused.
    server.reset();
    await checkTargets(
      targets('/ok?set'),
      testOptions({ cache, headers: [{ name: 'Authorization', value: 'Bearer t' }] }),
    );
    expect(server.hitsOf('/ok?set')).toHaveLength(0);
    // An ok reached with --allow-private (a name resolving inwards) is never replayed without it.
    expect(verdictSettings(testOptions({ allowPrivate: false }))).not.toBe(
      verdictSettings(testOptions({ allowPrivate: true })),
    );
  });

  it('re-checks ok results older than cacheMaxAgeMs', async () => {
    const cache = tempCache();
    await checkTargets(targets('/ok?age'), testOptions({ cache }));
    server.reset();
    const later = Date.now() + 2 * 86_400_000;
    const run = await checkTargets(targets('/ok?age'), testOptions({ cache }), { now: () => later });
    expect(server.hitsOf('/ok?age')).toHaveLength(1);
    expect(run.results.get(server.url('/ok?age'))?.history?.checks).toBe(2);
  });

  it('a failing link that recovers clears failingSince but keeps the counts', async () => {
    const cache = tempCache();
    await checkTargets(targets('/flaky/404/1?rec'), testOptions({ cache }));
    const run = await checkTargets(targets('/flaky/404/1?rec'), testOptions({ cache }));
    const history = run.results.get(server.url('/flaky/404/1?rec'))?.history;
    expect(history).toMatchObject({ checks: 2, failures: 1 });
    expect(history?.failingSince).toBeUndefined();
  });

  it('a corrupt cache file starts empty with a warning, and is rewritten valid', async () => {
    const cache = tempCache();
    writeFileSync(cache, '{"version":1,"entries":{"http://x/":{"res');
    const run = await checkTargets(targets('/ok?corrupt'), testOptions({ cache }));
    expect(run.results.get(server.url('/ok?corrupt'))?.status).toBe('ok');
    expect(run.cacheWarning).toMatch(/corrupt/);
    const data = JSON.parse(readFileSync(cache, 'utf8'));
    expect(data.version).toBe(1);
    expect(Object.keys(data.entries)).toEqual([server.url('/ok?corrupt')]);
  });

  it('ignores excluded and skipped links', async () => {
    const cache = tempCache();
    await checkTargets(
      [{ url: 'mailto:a@b.org', fragments: [], quotes: [] }, ...targets('/ok?only')],
      testOptions({ cache }),
    );
    expect(Object.keys(JSON.parse(readFileSync(cache, 'utf8')).entries)).toEqual([server.url('/ok?only')]);
  });
});

describe('ResultCache', () => {
  const result = (url: string, status: CheckResult['status'] = 'ok'): CheckResult => ({
    url,
    status,
    redirects: [],
    attempts: 1,
    checkedAt: new Date(1_000_000).toISOString(),
    durationMs: 3,
  });

  it('flushes during the run, so a run killed midway leaves a readable cache', async () => {
    const path = tempCache();
    const cache = await ResultCache.load(path, () => 1_000_000);
    for (let i = 0; i < 49; i++) cache.record(result(`https://site.org/${i}`));
    await cache.settled();
    expect(readdirSync(join(path, '..'))).toEqual([]);
    cache.record(result('https://site.org/49'));
    // No explicit flush: the 50th result triggered one. Wait for that write only.
    await cache.settled();
    const onDisk = JSON.parse(readFileSync(path, 'utf8'));
    expect(Object.keys(onDisk.entries)).toHaveLength(50);
    // Written by rename: no temp file is left behind.
    expect(readdirSync(join(path, '..'))).toEqual(['cache.json']);
  });

  it('writes periodically by time too', async () => {
    const path = tempCache();
    let now = 1_000_000;
    const cache = await ResultCache.load(path, () => now);
    cache.record(result('https://site.org/a'));
    now += 6_000;
    cache.record(result('https://site.org/b'));
    await cache.settled();
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')).entries)).toEqual([
      'https://site.org/a',
      'https://site.org/b',
    ]);
  });

  it('treats an unknown layout version as empty with a warning', async () => {
    const path = tempCache();
    writeFileSync(path, JSON.stringify({ version: 99, entries: {} }));
    const cache = await ResultCache.load(path, () => 0);
    expect(cache.size).toBe(0);
    expect(cache.warning).toMatch(/layout/);
  });

  it('never reuses failures', async () => {
    const path = tempCache();
    const cache = await ResultCache.load(path, () => 1_000_010);
    cache.record(result('https://site.org/x', 'broken'));
    expect(cache.fresh('https://site.org/x', 86_400_000)).toBeUndefined();
    cache.record(result('https://site.org/y', 'ok'));
    expect(cache.fresh('https://site.org/y', 86_400_000)).toMatchObject({ fromCache: true });
  });

  it('forgets entries not checked within forgetAfterMs when it loads', async () => {
    const path = tempCache();
    const day = 86_400_000;
    const writer = await ResultCache.load(path, () => 1_000_000);
    writer.record({ ...result('https://site.org/old'), checkedAt: new Date(1_000_000).toISOString() });
    writer.record({
      ...result('https://site.org/new', 'broken'),
      checkedAt: new Date(1_000_000 + 10 * day).toISOString(),
    });
    await writer.flush();
    const reader = await ResultCache.load(path, () => 1_000_000 + 15 * day, 7 * day);
    expect(reader.size).toBe(1);
    expect(reader.record(result('https://site.org/new', 'broken')).history).toMatchObject({ checks: 2, failures: 2 });
    expect(reader.record(result('https://site.org/old')).history).toMatchObject({ checks: 1 });
  });
});
