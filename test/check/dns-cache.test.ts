import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DNS_CACHE_TTL_MS, createCachingLookup } from '../../src/check/dns-cache.js';
import { checkTargets } from '../../src/check/index.js';
import { testOptions } from '../helpers/options.js';
import { stubLookup } from '../helpers/stub-lookup.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ask = (lookup: LookupFunction, name: string) =>
  new Promise<{ code?: string; addresses: unknown }>((done) =>
    lookup(name, { all: true }, (err, addresses) => done({ code: err?.code, addresses })),
  );

/** A resolver that answers from a table or with an error code, counting calls. */
function countingResolver(answers: Record<string, string | { code: string }>) {
  const calls: string[] = [];
  const resolver = ((name: string, _options: unknown, callback: (...args: unknown[]) => void) => {
    calls.push(name);
    const answer = answers[name];
    queueMicrotask(() =>
      typeof answer === 'string'
        ? callback(null, [{ address: answer, family: 4 }])
        : callback(Object.assign(new Error(answer.code), { code: answer.code })),
    );
  }) as unknown as LookupFunction;
  return { resolver, calls };
}

describe('createCachingLookup', () => {
  it('asks once for concurrent connections and again after the TTL', async () => {
    let now = 0;
    const { resolver, calls } = countingResolver({ 'a.test': '127.0.0.2' });
    const lookup = createCachingLookup(resolver, () => now);
    const answers = await Promise.all([ask(lookup, 'a.test'), ask(lookup, 'A.test'), ask(lookup, 'a.test')]);
    expect(answers.map((a) => a.addresses)).toEqual(Array(3).fill([{ address: '127.0.0.2', family: 4 }]));
    await ask(lookup, 'a.test');
    expect(calls).toEqual(['a.test']);
    now += DNS_CACHE_TTL_MS + 1;
    await ask(lookup, 'a.test');
    expect(calls).toEqual(['a.test', 'a.test']);
  });

  it('remembers that a name does not exist, but not a transient failure', async () => {
    const { resolver, calls } = countingResolver({
      'gone.test': { code: 'ENOTFOUND' },
      'flaky.test': { code: 'EAI_AGAIN' },
    });
    const lookup = createCachingLookup(resolver, () => 0);
    expect((await ask(lookup, 'gone.test')).code).toBe('ENOTFOUND');
    expect((await ask(lookup, 'gone.test')).code).toBe('ENOTFOUND');
    expect((await ask(lookup, 'flaky.test')).code).toBe('EAI_AGAIN');
    expect((await ask(lookup, 'flaky.test')).code).toBe('EAI_AGAIN');
    expect(calls).toEqual(['gone.test', 'flaky.test', 'flaky.test']);
  });
});

describe('one lookup per host, the address policy on every connection', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Every answer closes its connection, so each link needs a connection of its own.
    server = await startTestServer({
      host: '127.0.0.2',
      routes: {
        '/close/': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html', connection: 'close' });
          res.end('<title>Closed after this</title>');
        },
      },
    });
  });
  afterAll(() => server.close());

  const targets = () =>
    Array.from({ length: 12 }, (_, i) => ({
      url: `http://cached.citecheck-made-up:${server.port}/close/${i}`,
      fragments: [],
      quotes: [],
    }));

  it('resolves the host once for twelve connections', async () => {
    server.reset();
    const lookup = stubLookup({ 'cached.citecheck-made-up': '127.0.0.2' });
    const run = await checkTargets(targets(), testOptions({ hostConcurrency: 2 }), { lookup });
    expect([...run.results.values()].every((r) => r.status === 'ok')).toBe(true);
    expect(server.hits).toHaveLength(12);
    expect(lookup.calls).toEqual(['cached.citecheck-made-up']);
  });

  it('still refuses every connection to a name that resolves inwards, from the one answer', async () => {
    server.reset();
    const lookup = stubLookup({ 'cached.citecheck-made-up': '127.0.0.2' });
    const run = await checkTargets(targets(), testOptions({ allowPrivate: false, hostConcurrency: 2 }), { lookup });
    const results = [...run.results.values()];
    expect(results).toHaveLength(12);
    expect(results.every((r) => r.status === 'excluded' && r.errorCode === 'PRIVATE_ADDRESS')).toBe(true);
    expect(lookup.calls).toEqual(['cached.citecheck-made-up']);
    expect(server.hits).toHaveLength(0);
  });
});
