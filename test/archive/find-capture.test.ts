import { afterEach, describe, expect, it } from 'vitest';
import { findCapture } from '../../src/archive/find-capture.js';
import { WaybackClient } from '../../src/archive/wayback-client.js';
import { createDispatcher } from '../../src/check/http-client.js';
import { createRequestPool } from '../../src/check/index.js';
import { preciseNow, realSleep, type Clock } from '../../src/ratelimit/clock.js';

const realClock: Clock = { now: preciseNow, sleep: realSleep };
import { startFakeArchive, type FakeArchive, type FakeCapture } from '../helpers/fake-archive.js';
import { testOptions } from '../helpers/options.js';
import { startTestServer } from '../helpers/test-server.js';

const PAGE = 'https://news.example.net/report';

let archive: FakeArchive | undefined;
afterEach(async () => {
  await archive?.close();
  archive = undefined;
});

async function clientFor(captures: FakeCapture[], extra: Parameters<typeof startFakeArchive>[0] = {}) {
  archive = await startFakeArchive({ captures, ...extra });
  const options = testOptions({ archiveEndpoint: archive.endpoint, retryAfterMaxMs: 5_000 });
  const dispatcher = createDispatcher(options);
  const pool = createRequestPool(options, realClock);
  const client = new WaybackClient(archive.endpoint, {
    options,
    pool,
    dispatcher,
    clock: realClock,
    random: () => 0.5,
  });
  return { client, pool };
}

describe('findCapture: the capture nearest the post date', () => {
  it('takes the closest 2xx capture before the date, even when a later one is closer', async () => {
    const { client } = await clientFor([
      { url: PAGE, timestamp: '20240101000000' },
      { url: PAGE, timestamp: '20240420000000' },
      { url: PAGE, timestamp: '20240501000000' },
      { url: PAGE, timestamp: '20240428000000', status: 404 },
    ]);
    // The post is from 2024-04-30: 04-28 is a 404 capture, 05-01 is closer but after.
    expect(await findCapture(client, PAGE, '20240430120000')).toMatchObject({
      status: 'found',
      timestamp: '20240420000000',
    });
  });

  it('one request when the availability API names a 2xx capture before the date', async () => {
    const { client } = await clientFor([{ url: PAGE, timestamp: '20240429000000' }]);
    const choice = await findCapture(client, PAGE, '20240430120000');
    expect(choice).toEqual({ status: 'found', timestamp: '20240429000000', lookups: 1 });
    expect(archive!.calls()).toMatchObject({ available: 1, cdx: 0 });
  });

  it('falls back to the closest capture after the date when none is before', async () => {
    const { client } = await clientFor([
      { url: PAGE, timestamp: '20240615000000' },
      { url: PAGE, timestamp: '20240503000000' },
    ]);
    expect(await findCapture(client, PAGE, '20240430120000')).toMatchObject({
      status: 'found',
      timestamp: '20240503000000',
    });
  });

  it('without a post date takes the latest 2xx capture', async () => {
    const { client } = await clientFor([
      { url: PAGE, timestamp: '20200101000000' },
      { url: PAGE, timestamp: '20230101000000' },
      { url: PAGE, timestamp: '20250101000000', status: 500 },
    ]);
    expect(await findCapture(client, PAGE)).toMatchObject({ status: 'found', timestamp: '20230101000000' });
  });

  it('confirms a flaky "none" of the availability API with the CDX API', async () => {
    const { client } = await clientFor([{ url: PAGE, timestamp: '20240101000000' }], { flakyNone: [PAGE] });
    expect(await findCapture(client, PAGE, '20240430120000')).toMatchObject({
      status: 'found',
      timestamp: '20240101000000',
    });
    expect(archive!.calls().cdx).toBeGreaterThan(0);
    // Also without a date.
    expect(await findCapture(client, PAGE)).toMatchObject({ status: 'found', timestamp: '20240101000000' });
  });

  it('says missing only when the CDX API has no 2xx capture either', async () => {
    const { client } = await clientFor([{ url: PAGE, timestamp: '20240101000000', status: 404 }]);
    expect(await findCapture(client, PAGE, '20240430120000')).toMatchObject({ status: 'missing', lookups: 3 });
    expect(await findCapture(client, 'https://other.example.net/')).toMatchObject({ status: 'missing' });
  });

  it('waits out a 429 with Retry-After from the archive and still answers (never "none")', async () => {
    const { client, pool } = await clientFor([{ url: PAGE, timestamp: '20240101000000' }], { busyFirst: 1 });
    expect(await findCapture(client, PAGE, '20240430120000')).toMatchObject({ status: 'found' });
    expect(archive!.calls().busy).toBe(1);
    const hits = archive!.server.hits;
    // The retry started no earlier than the Retry-After second after the 429.
    expect(hits[1].start - hits[0].start).toBeGreaterThanOrEqual(1000 - 5);
    expect(pool.stats().find((h) => h.host === archive!.server.host + ':' + archive!.server.port)?.backoffs).toBe(1);
  });

  it('a 429 that outlasts the retries is a failed lookup, not "missing"', async () => {
    archive = await startFakeArchive({ captures: [{ url: PAGE, timestamp: '20240101000000' }], busyFirst: 1 });
    const options = testOptions({ archiveEndpoint: archive.endpoint, retries: 0 });
    const client = new WaybackClient(archive.endpoint, {
      options,
      pool: createRequestPool(options, realClock),
      dispatcher: createDispatcher(options),
      clock: realClock,
      random: () => 0.5,
    });
    expect(await findCapture(client, PAGE, '20240430120000')).toMatchObject({
      status: 'lookup-failed',
      reason: expect.stringContaining('429'),
    });
  });
});

describe('WaybackClient replay', () => {
  it('id_ replay serves the bytes as captured, without the toolbar; a near timestamp redirects within the archive', async () => {
    const { client } = await clientFor([
      { url: PAGE, timestamp: '20240101000000', body: '<html><body><p>Original words.</p></body></html>' },
    ]);
    const exact = await client.replay('20240101000000', PAGE);
    expect(exact.ok && exact.value.body?.toString()).toBe('<html><body><p>Original words.</p></body></html>');
    const near = await client.replay('20240102', PAGE);
    expect(near.ok && near.value.body?.toString()).toContain('Original words.');
    expect(near.ok && near.value.body?.toString()).not.toContain('wm-ipp');
    expect(client.snapshotUrl('20240101000000', PAGE)).toBe(`${archive!.endpoint}/web/20240101000000/${PAGE}`);
  });

  it('never follows a redirect off the archive origin', async () => {
    const elsewhere = await startTestServer({ host: '127.0.0.61' });
    try {
      const { client } = await clientFor([], { redirectAway: elsewhere.url('/ok') });
      const answer = await client.available(PAGE);
      expect(answer).toMatchObject({ ok: false, reason: expect.stringContaining('redirected away') });
      expect(elsewhere.hits).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('WaybackClient: garbled answers are failed lookups, never a crash', () => {
  async function clientOf(routes: Record<string, (res: import('node:http').ServerResponse) => void>) {
    const server = await startTestServer({
      host: '127.0.0.62',
      routes: Object.fromEntries(
        Object.entries(routes).map(([path, answer]) => [
          path,
          (_req: unknown, res: import('node:http').ServerResponse) => {
            answer(res);
            return true;
          },
        ]),
      ),
    });
    const options = testOptions({ archiveEndpoint: server.origin });
    const client = new WaybackClient(server.origin, {
      options,
      pool: createRequestPool(options, realClock),
      dispatcher: createDispatcher(options),
      clock: realClock,
      random: () => 0.5,
    });
    return { client, server };
  }
  const sendJson = (body: string) => (res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  };

  it('a CDX list without rows ([1]) is a failed lookup', async () => {
    const { client, server } = await clientOf({
      '/wayback/available': sendJson('{"archived_snapshots":{}}'),
      '/cdx/search/cdx': sendJson('[1]'),
    });
    try {
      expect(await findCapture(client, PAGE, '20240430120000')).toMatchObject({
        status: 'lookup-failed',
        reason: expect.stringContaining('CDX'),
      });
    } finally {
      await server.close();
    }
  });

  it('an availability answer whose timestamp is not one is a failed lookup', async () => {
    const { client, server } = await clientOf({
      '/wayback/available': sendJson('{"archived_snapshots":{"closest":{"timestamp":"abc","status":"200"}}}'),
    });
    try {
      // Taken as found, it would become the snapshot URL `<endpoint>/web/abc/<url>`.
      expect(await client.available(PAGE)).toMatchObject({ ok: false, reason: expect.stringContaining('timestamp') });
    } finally {
      await server.close();
    }
  });
});
