import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTargets } from '../../src/check/index.js';
import type { CitecheckOptions } from '../../src/config/options.js';
import { parseStatusRanges } from '../../src/config/status-ranges.js';
import type { CheckResult } from '../../src/types.js';
import { testOptions } from '../helpers/options.js';
import { stubLookup } from '../helpers/stub-lookup.js';
import { closedPort, startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let tlsServer: TestServer;

beforeAll(async () => {
  server = await startTestServer({ host: '127.0.0.2' });
  tlsServer = await startTestServer({ host: '127.0.0.3', tls: true });
});
afterAll(async () => {
  await server.close();
  await tlsServer.close();
});

async function check(
  url: string,
  overrides: Partial<CitecheckOptions> = {},
  fragments: string[] = [],
): Promise<CheckResult> {
  const run = await checkTargets([{ url, fragments, quotes: [] }], testOptions(overrides));
  const result = run.results.get(url);
  expect(result).toBeDefined();
  return result!;
}

describe('verdicts against a real server', () => {
  it.each([
    ['/ok', 'ok', undefined, 200],
    ['/status/204', 'ok', undefined, 204],
    ['/status/404', 'broken', 'HTTP_ERROR', 404],
    ['/status/410', 'broken', 'HTTP_ERROR', 410],
    ['/status/501', 'broken', 'HTTP_ERROR', 501],
    ['/status/401', 'blocked', 'HTTP_ERROR', 401],
    ['/status/403', 'blocked', 'HTTP_ERROR', 403],
    ['/status/999', 'blocked', 'HTTP_ERROR', 999],
    ['/status/429', 'blocked', 'RATE_LIMITED', 429],
    ['/challenge', 'blocked', 'BOT_CHALLENGE', 403],
    ['/challenge-page', 'blocked', 'BOT_CHALLENGE', 503],
    ['/title-not-found', 'soft-404', 'SOFT_404', 200],
    ['/heading-not-found', 'soft-404', 'SOFT_404', 200],
    ['/title-not-found-utf16', 'soft-404', 'SOFT_404', 200],
    ['/moved-home/story/1', 'soft-404', 'SOFT_404', 200],
    ['/loop/a', 'broken', 'REDIRECT_LOOP', 302],
    ['/redirect-scheme', 'broken', 'REDIRECT_BAD_SCHEME', 302],
    ['/no-location', 'broken', 'REDIRECT_NO_LOCATION', 302],
    ['/pdf', 'ok', undefined, 200],
  ])('%s → %s %s', async (path, status, errorCode, httpStatus) => {
    const result = await check(server.url(path));
    expect(result.status).toBe(status);
    expect(result.errorCode).toBe(errorCode);
    expect(result.httpStatus).toBe(httpStatus);
  });

  it('a 429 that outlasts its retries is blocked, never broken, after retries', async () => {
    server.reset();
    const result = await check(server.url('/status/429?x=retries'), { retries: 2 });
    expect(result.status).toBe('blocked');
    expect(server.hitsOf('/status/429?x=retries')).toHaveLength(3);
  });

  it('5xx is retried and ends broken when it persists', async () => {
    server.reset();
    const result = await check(server.url('/status/503?x=persist'), { retries: 2 });
    expect(result).toMatchObject({ status: 'broken', errorCode: 'HTTP_ERROR', httpStatus: 503, attempts: 3 });
  });

  it('a 503 asking to come back in an hour is blocked (a human looks), not broken', async () => {
    server.reset();
    const result = await check(server.url('/maintenance'));
    expect(result).toMatchObject({ status: 'blocked', errorCode: 'RATE_LIMITED', httpStatus: 503 });
    // Beyond the Retry-After cap: not retried early.
    expect(server.hitsOf('/maintenance')).toHaveLength(1);
  });

  it('a server error whose retry outlives the bound keeps that error as its verdict', async () => {
    const result = await check(server.url('/error-then-hang'), { timeoutMs: 600, retries: 1, retryBaseDelayMs: 1 });
    expect(result).toMatchObject({ status: 'broken', errorCode: 'HTTP_ERROR', httpStatus: 500 });
    expect(result.reason).toMatch(/no retry fitted in 600 ms/);
  });

  it('501 is not retried', async () => {
    server.reset();
    await check(server.url('/status/501?x=once'));
    expect(server.hitsOf('/status/501?x=once')).toHaveLength(1);
  });

  it('503 then 200 ends ok', async () => {
    const result = await check(server.url('/flaky/503/2'), { retries: 3 });
    expect(result).toMatchObject({ status: 'ok', attempts: 3 });
  });

  it('429 then 200 ends ok', async () => {
    const result = await check(server.url('/flaky/429/1'));
    expect(result).toMatchObject({ status: 'ok', httpStatus: 200, attempts: 2 });
  });

  it('follows and records a redirect chain', async () => {
    const result = await check(server.url('/redirect/301/3'));
    expect(result.status).toBe('ok');
    expect(result.redirects.map((h) => h.status)).toEqual([301, 301, 301]);
    expect(result.redirects[0]).toEqual({
      url: server.url('/redirect/301/3'),
      status: 301,
      location: server.url('/redirect/301/2'),
    });
    expect(result.finalUrl).toBe(server.url('/ok'));
  });

  it('stops after maxRedirects hops', async () => {
    const result = await check(server.url('/redirect/302/5'), { maxRedirects: 3 });
    expect(result).toMatchObject({ status: 'broken', errorCode: 'TOO_MANY_REDIRECTS' });
    expect(result.redirects).toHaveLength(4);
    expect((await check(server.url('/redirect/302/3'), { maxRedirects: 3 })).status).toBe('ok');
  });

  it('accepts configured status ranges, globally and per host', async () => {
    expect((await check(server.url('/status/403?a=1'), { accept: parseStatusRanges('200..299,403') })).status).toBe(
      'ok',
    );
    expect(
      (await check(server.url('/status/403?a=2'), { hosts: { [server.host]: { accept: parseStatusRanges('403') } } }))
        .status,
    ).toBe('ok');
  });

  it('HEAD falls back to GET on 405', async () => {
    server.reset();
    const result = await check(server.url('/no-head'), { method: 'head' });
    expect(result).toMatchObject({ status: 'ok', httpStatus: 200 });
    expect(server.hitsOf('/no-head').map((h) => h.method)).toEqual(['HEAD', 'GET']);
  });

  it('HEAD falls back to GET on other 4xx/5xx too', async () => {
    server.reset();
    const result = await check(server.url('/status/500?head'), { method: 'head', retries: 1 });
    expect(result).toMatchObject({ status: 'broken', httpStatus: 500 });
    expect(server.hitsOf('/status/500?head').map((h) => h.method)).toEqual(['HEAD', 'GET', 'GET']);
  });

  it('HEAD alone is enough when it works', async () => {
    server.reset();
    expect((await check(server.url('/ok?head'), { method: 'head' })).status).toBe('ok');
    expect(server.hitsOf('/ok?head').map((h) => h.method)).toEqual(['HEAD']);
  });

  it('a hanging server ends timeout within the whole-check bound', async () => {
    const result = await check(server.url('/hang'), { timeoutMs: 300, headersTimeoutMs: 10_000, retries: 0 });
    expect(result).toMatchObject({ status: 'timeout', errorCode: 'RESPONSE_TIMEOUT' });
    // A bound, not a speed: generous slack, but far below the 10 s headers timeout.
    expect(result.durationMs).toBeLessThan(300 + 2_000);
  });

  it('a silent server is a HEADERS_TIMEOUT whether or not the bound cut a retry', async () => {
    // undici checks a headers timeout on a coarse tick (up to ~1 s late), so whether a retry's
    // wait still fitted in the bound varied from run to run: the same silent server was a
    // HEADERS_TIMEOUT (no retry fitted) or a RESPONSE_TIMEOUT (the bound cut the retry). With
    // no wait between retries and retries to spare, the bound always cuts one here.
    const options = { timeoutMs: 2_500, headersTimeoutMs: 200, retries: 1_000, retryBaseDelayMs: 0 };
    const cut = await check(server.url('/hang'), options);
    expect(cut.attempts).toBeGreaterThan(1);
    const unretried = await check(server.url('/hang'), { ...options, retries: 0 });
    expect(unretried.attempts).toBe(1);
    for (const result of [cut, unretried])
      expect(result).toMatchObject({
        status: 'timeout',
        errorCode: 'HEADERS_TIMEOUT',
        reason: 'no answer within the timeout (UND_ERR_HEADERS_TIMEOUT)',
      });
  });

  it('a Retry-After that does not fit in the whole-check bound is not waited for', async () => {
    server.reset();
    const result = await check(server.url('/retry-after/2?bound'), { timeoutMs: 500 });
    expect(result).toMatchObject({ status: 'blocked', errorCode: 'RATE_LIMITED', httpStatus: 429, attempts: 1 });
    expect(server.hitsOf('/retry-after/2?bound')).toHaveLength(1);
  });

  it('separate headers timeout gives HEADERS_TIMEOUT', async () => {
    const result = await check(server.url('/hang?h'), { headersTimeoutMs: 200, retries: 0 });
    expect(result).toMatchObject({ status: 'timeout', errorCode: 'HEADERS_TIMEOUT' });
  });

  it('a body that stalls gives BODY_TIMEOUT', async () => {
    const result = await check(server.url('/hang-body'), { bodyTimeoutMs: 200, retries: 0 });
    expect(result).toMatchObject({ status: 'timeout', errorCode: 'BODY_TIMEOUT' });
  });

  it('a reset ends unreachable', async () => {
    const result = await check(server.url('/reset'), { retries: 1 });
    expect(result).toMatchObject({ status: 'unreachable', errorCode: 'CONNECTION_RESET', attempts: 2 });
  });

  it('a closed port ends unreachable CONNECTION_REFUSED', async () => {
    const port = await closedPort('127.0.0.4');
    const result = await check(`http://127.0.0.4:${port}/`);
    expect(result).toMatchObject({ status: 'unreachable', errorCode: 'CONNECTION_REFUSED' });
  });

  it('an unknown name ends unreachable DNS_NOT_FOUND', async () => {
    const url = 'http://no-such-host.citecheck-test/';
    const run = await checkTargets([{ url, fragments: [], quotes: [] }], testOptions(), { lookup: stubLookup({}) });
    expect(run.results.get(url)).toMatchObject({ status: 'unreachable', errorCode: 'DNS_NOT_FOUND' });
  });

  it('a connection that never starts ends timeout CONNECT_TIMEOUT', async () => {
    const url = 'http://blackhole.citecheck-made-up/';
    const run = await checkTargets(
      [{ url, fragments: [], quotes: [] }],
      testOptions({ connectTimeoutMs: 200, retries: 1 }),
      {
        lookup: stubLookup({ 'blackhole.citecheck-made-up': 'hang' }),
      },
    );
    expect(run.results.get(url)).toMatchObject({ status: 'timeout', errorCode: 'CONNECT_TIMEOUT', attempts: 2 });
  });

  it('a self-signed certificate ends unreachable TLS_INVALID', async () => {
    const result = await check(tlsServer.url('/ok'));
    expect(result).toMatchObject({ status: 'unreachable', errorCode: 'TLS_INVALID' });
  });

  it('a huge body is not read whole', async () => {
    server.reset();
    const result = await check(server.url('/huge'), { maxBodyBytes: 64 * 1024 }, ['deep']);
    expect(result.status).toBe('ok');
    // The server would write 64 MB; the client stopped at the cap and closed the connection.
    expect(server.bytesWritten).toHaveLength(1);
    expect(server.bytesWritten[0]).toBeLessThan(64 * 1024 * 1024);
    expect(result.missingFragments).toBeUndefined();
  });

  it('a decompressed body is capped too (gzip bomb)', async () => {
    const result = await check(server.url('/gzip-bomb'), { maxBodyBytes: 1024 * 1024, checkFragments: true }, [
      'nowhere',
    ]);
    expect(result.status).toBe('ok');
    expect(result.missingFragments).toBeUndefined();
    expect(result.reason).toMatch(/cap/);
  });

  it('reports missing fragments with checkFragments', async () => {
    const result = await check(server.url('/fragments'), { checkFragments: true }, ['present', 'named', 'gone', 'top']);
    expect(result.status).toBe('ok');
    expect(result.missingFragments).toEqual(['gone']);
    const off = await check(server.url('/fragments?off'), { checkFragments: false }, ['gone']);
    expect(off.missingFragments).toBeUndefined();
  });

  it('soft-404 probe flags a site that answers every path alike', async () => {
    const url = server.url('/catch-all/real-story');
    expect((await check(url)).status).toBe('ok');
    const probed = await check(url, { soft404Probe: true });
    expect(probed).toMatchObject({ status: 'soft-404', errorCode: 'SOFT_404' });
    expect(server.hits.some((h) => /\/catch-all\/citecheck-probe-/.test(h.path))).toBe(true);
  });

  it('soft-404 probe leaves a site with real 404s ok', async () => {
    expect((await check(server.url('/fragments'), { soft404Probe: true })).status).toBe('ok');
  });
});

describe('run-level behaviour', () => {
  it('checks one URL once however often it appears, and classifies without requests', async () => {
    server.reset();
    const url = server.url('/ok?once');
    const run = await checkTargets(
      [
        { url, fragments: [], quotes: [] },
        { url, fragments: [], quotes: [] },
        { url: 'mailto:a@b.org', fragments: [], quotes: [] },
        { url: 'https://example.com/x', fragments: [], quotes: [] },
        { url: server.url('/ok?excluded'), fragments: [], quotes: [] },
      ],
      testOptions({ exclude: [/excluded/] }),
    );
    expect(server.hitsOf('/ok?once')).toHaveLength(1);
    expect(server.hitsOf('/ok?excluded')).toHaveLength(0);
    expect(run.results.get('mailto:a@b.org')).toMatchObject({ status: 'skipped', errorCode: 'UNSUPPORTED_SCHEME' });
    expect(run.results.get('https://example.com/x')).toMatchObject({ status: 'excluded', errorCode: 'EXAMPLE_DOMAIN' });
    expect(run.results.get(server.url('/ok?excluded'))).toMatchObject({
      status: 'excluded',
      errorCode: 'EXCLUDED_PATTERN',
    });
    expect(run.results.size).toBe(4);
    expect(run.interrupted).toBe(false);
  });

  it('--offline makes no request and marks http(s) links unchecked', async () => {
    server.reset();
    const run = await checkTargets(
      [
        { url: server.url('/ok'), fragments: [], quotes: [] },
        { url: 'tel:123', fragments: [], quotes: [] },
      ],
      testOptions({ offline: true }),
    );
    expect(server.hits).toHaveLength(0);
    expect(run.results.get(server.url('/ok'))?.status).toBe('unchecked');
    expect(run.results.get('tel:123')?.status).toBe('skipped');
  });

  it('emits progress events and never more done than total', async () => {
    const events: Array<{ done: number; total: number }> = [];
    await checkTargets(
      [server.url('/ok?p1'), server.url('/status/404?p2'), 'mailto:x@y.org'].map((url) => ({
        url,
        fragments: [],
        quotes: [],
      })),
      testOptions(),
      { onProgress: (p) => events.push(p) },
    );
    expect(events.at(-1)).toMatchObject({ done: 3, total: 3, failures: 1 });
    expect(events.every((e) => e.done <= e.total)).toBe(true);
  });

  it('Ctrl-C stops new requests, aborts in flight, and returns what is done', async () => {
    server.reset();
    const controller = new AbortController();
    const targets = [
      { url: server.url('/ok?c1'), fragments: [], quotes: [] },
      { url: server.url('/hang?c2'), fragments: [], quotes: [] },
      ...Array.from({ length: 5 }, (_, i) => ({ url: server.url(`/ok?queued=${i}`), fragments: [], quotes: [] })),
    ];
    const run = await checkTargets(
      targets,
      testOptions({ hostConcurrency: 1, timeoutMs: 30_000, headersTimeoutMs: 30_000 }),
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === 1) controller.abort(new Error('SIGINT'));
        },
      },
    );
    expect(run.interrupted).toBe(true);
    expect(run.results.get(server.url('/ok?c1'))?.status).toBe('ok');
    expect(run.results.has(server.url('/hang?c2'))).toBe(false);
    expect(server.hits.filter((h) => h.path.startsWith('/ok?queued'))).toHaveLength(0);
  });
});
