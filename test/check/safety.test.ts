import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTargets } from '../../src/check/index.js';
import type { CitecheckOptions } from '../../src/config/options.js';
import { GuardDispatcher } from '../helpers/guard-dispatcher.js';
import { testOptions } from '../helpers/options.js';
import { stubLookup } from '../helpers/stub-lookup.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let local: TestServer; // on 127.0.0.1: what a stranger's link must not reach by default
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  local = await startTestServer({ host: '127.0.0.1' });
  a = await startTestServer({ host: '127.0.0.2' });
  b = await startTestServer({ host: '127.0.0.3' });
});
afterAll(async () => {
  await Promise.all([local.close(), a.close(), b.close()]);
});

const one = (url: string) => [{ url, fragments: [], quotes: [] }];

describe('private-address policy', () => {
  it('excludes a made-up name that resolves to 127.0.0.1, by default, without a request', async () => {
    local.reset();
    const url = `http://inward.citecheck-made-up:${local.port}/ok`;
    const lookup = stubLookup({ 'inward.citecheck-made-up': '127.0.0.1' });
    const run = await checkTargets(one(url), testOptions({ allowPrivate: false }), { lookup });
    const result = run.results.get(url);
    expect(result).toMatchObject({ status: 'excluded', errorCode: 'PRIVATE_ADDRESS' });
    expect(result?.reason).toContain('127.0.0.1');
    expect(lookup.calls).toContain('inward.citecheck-made-up');
    expect(local.hits).toHaveLength(0);
  });

  it('checks the same name with allowPrivate', async () => {
    local.reset();
    const url = `http://inward.citecheck-made-up:${local.port}/ok`;
    const lookup = stubLookup({ 'inward.citecheck-made-up': '127.0.0.1' });
    const run = await checkTargets(one(url), testOptions({ allowPrivate: true }), { lookup });
    expect(run.results.get(url)).toMatchObject({ status: 'ok', httpStatus: 200 });
    expect(local.hits).toHaveLength(1);
  });

  it('excludes a decimal IP literal without any connection', async () => {
    local.reset();
    const guard = new GuardDispatcher();
    const url = `http://2130706433:${local.port}/ok`;
    const run = await checkTargets(one(url), testOptions({ allowPrivate: false }), { dispatcher: guard });
    const result = run.results.get(url);
    expect(result).toMatchObject({ status: 'excluded', errorCode: 'PRIVATE_ADDRESS', attempts: 0 });
    expect(result?.reason).toContain('127.0.0.1');
    expect(guard.dispatched).toHaveLength(0);
    expect(local.hits).toHaveLength(0);
    await guard.destroy();
  });

  it.each([
    'http://[::ffff:7f00:1]/',
    'http://0x7f.0.0.1/',
    'http://[::1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    // IPv4-compatible, -translated, NAT64, 6to4 and Teredo spellings of loopback and metadata.
    'http://[::127.0.0.1]/',
    'http://[::169.254.169.254]/latest/meta-data/',
    'http://[0:0:0:0:0:0:127.0.0.1]:8080/',
    'http://[::ffff:0:127.0.0.1]/',
    'http://[64:ff9b::169.254.169.254]/',
    'http://[2002:a9fe:a9fe::1]/',
    'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/',
  ])('excludes %s before connecting', async (url) => {
    const guard = new GuardDispatcher();
    const run = await checkTargets(one(url), testOptions({ allowPrivate: false }), { dispatcher: guard });
    expect(run.results.get(url)).toMatchObject({ status: 'excluded', errorCode: 'PRIVATE_ADDRESS' });
    expect(guard.dispatched).toHaveLength(0);
    expect(guard.violations).toHaveLength(0);
    await guard.destroy();
  });

  it('checks every redirect hop: a hop into the metadata address is excluded', async () => {
    a.reset();
    // The first hop is a public-looking name the guard lets through to 127.0.0.2; the policy
    // must stop the second hop (a link-local literal) before any connection.
    const guard = new GuardDispatcher({
      lookup: stubLookup({ 'public.citecheck-made-up': '127.0.0.2' }),
      names: ['public.citecheck-made-up'],
    });
    const url = `http://public.citecheck-made-up:${a.port}/redirect-to?url=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`;
    const run = await checkTargets(one(url), testOptions({ allowPrivate: false }), { dispatcher: guard });
    const result = run.results.get(url);
    expect(result).toMatchObject({ status: 'excluded', errorCode: 'PRIVATE_ADDRESS' });
    expect(result?.redirects).toHaveLength(1);
    expect(result?.reason).toContain('169.254.169.254');
    expect(guard.violations).toHaveLength(0);
    expect(a.hits).toHaveLength(1);
    await guard.destroy();
  });

  it('a hop to a documentation or local name is not requested, even with allowPrivate', async () => {
    // review22: such names are never requested as links; as redirect hops they were followed
    // and looked up. The guard records any lookup of a name it does not know.
    const hops = ['http://foo.example/e', 'http://foo.invalid/f', 'https://www.example.com/g', 'http://stage.test/h'];
    for (const [allowPrivate, hop] of [
      [true, hops[0]],
      [true, hops[1]],
      [true, hops[2]],
      [false, hops[3]],
    ] as const) {
      a.reset();
      const guard = new GuardDispatcher({
        lookup: stubLookup({ 'public.citecheck-made-up': '127.0.0.2' }),
        names: ['public.citecheck-made-up'],
      });
      const url = `http://public.citecheck-made-up:${a.port}/redirect-to?url=${encodeURIComponent(hop)}`;
      const run = await checkTargets(one(url), testOptions({ allowPrivate }), { dispatcher: guard });
      const result = run.results.get(url);
      const errorCode = hop.includes('.test/') ? 'LOCAL_NAME' : 'EXAMPLE_DOMAIN';
      expect(result).toMatchObject({ status: 'excluded', errorCode, httpStatus: 302 });
      expect(result?.reason).toMatch(new RegExp(`^redirects to ${new URL(hop).hostname} is a reserved`));
      expect(result?.redirects).toHaveLength(1);
      expect(guard.violations).toHaveLength(0);
      expect(a.hits).toHaveLength(1);
      await guard.destroy();
    }
  });

  it('an --include naming the hop wins, as it does for a link', async () => {
    a.reset();
    const guard = new GuardDispatcher({ lookup: stubLookup({ 'stage.test': '127.0.0.3' }), names: ['stage.test'] });
    const url = a.url(`/redirect-to?url=${encodeURIComponent(`http://stage.test:${b.port}/ok`)}`);
    const run = await checkTargets(one(url), testOptions({ allowPrivate: true, include: [/stage\.test/, /127/] }), {
      dispatcher: guard,
    });
    expect(run.results.get(url)).toMatchObject({ status: 'ok' });
    await guard.destroy();
  });
});

describe('IPv6 spellings of IPv4 addresses on a redirect hop', () => {
  const hop = (target: string) => {
    a.reset();
    // The first hop is a public-looking name the guard lets through to 127.0.0.2.
    const guard = new GuardDispatcher({
      lookup: stubLookup({ 'public.citecheck-made-up': '127.0.0.2' }),
      names: ['public.citecheck-made-up'],
    });
    const url = `http://public.citecheck-made-up:${a.port}/redirect-to?url=${encodeURIComponent(target)}`;
    return { guard, url };
  };

  it.each([
    [`http://[::127.0.0.1]:1/ok`, '127.0.0.1'],
    ['http://[::169.254.169.254]/latest/meta-data/', '169.254.169.254'],
    ['http://[::ffff:0:169.254.169.254]/latest/meta-data/', '169.254.169.254'],
  ])('refuses a hop to %s before any connection', async (target, inner) => {
    const { guard, url } = hop(target);
    const run = await checkTargets(one(url), testOptions({ allowPrivate: false }), { dispatcher: guard });
    const result = run.results.get(url);
    expect(result).toMatchObject({ status: 'excluded', errorCode: 'PRIVATE_ADDRESS', attempts: 1 });
    expect(result?.redirects).toHaveLength(1);
    expect(result?.reason).toContain(inner);
    // Only the first hop went out; the literal never reached a dispatcher.
    expect(guard.dispatched).toEqual([`http://public.citecheck-made-up:${a.port}`]);
    expect(guard.violations).toHaveLength(0);
    expect(a.hits).toHaveLength(1);
    await guard.destroy();
  });

  it('with allowPrivate, the same hop is requested: the policy, nothing else, stopped it', async () => {
    const { guard, url } = hop('http://[::169.254.169.254]/latest/meta-data/');
    const run = await checkTargets(one(url), testOptions({ allowPrivate: true, retries: 0 }), { dispatcher: guard });
    // The test guard refuses it instead, so nothing leaves loopback either way.
    expect(guard.violations).toEqual(['http://[::a9fe:a9fe]']);
    expect(run.results.get(url)?.errorCode).not.toBe('PRIVATE_ADDRESS');
    await guard.destroy();
  });
});

describe('credentials stay with their origin', () => {
  const redirectToB = () => a.url(`/redirect-to?url=${encodeURIComponent(b.url('/headers'))}`);

  it('does not send Authorization after a redirect to another host', async () => {
    a.reset();
    b.reset();
    const options: Partial<CitecheckOptions> = {
      headers: [
        { name: 'Authorization', value: 'Bearer secret' },
        { name: 'Cookie', value: 'session=1' },
        { name: 'X-Custom', value: 'mine' },
      ],
    };
    const run = await checkTargets(one(redirectToB()), testOptions(options));
    expect(run.results.get(redirectToB())?.status).toBe('ok');
    expect(a.hits[0].headers.authorization).toBe('Bearer secret');
    expect(a.hits[0].headers.cookie).toBe('session=1');
    expect(b.hits).toHaveLength(1);
    expect(b.hits[0].headers.authorization).toBeUndefined();
    expect(b.hits[0].headers.cookie).toBeUndefined();
    expect(b.hits[0].headers['x-custom']).toBeUndefined();
    expect(b.hits[0].headers['user-agent']).toMatch(/^citecheck\//);
  });

  it('sends host-scoped headers only to their host, whichever hop reaches it', async () => {
    a.reset();
    b.reset();
    const run = await checkTargets(
      one(redirectToB()),
      testOptions({
        headers: [{ host: a.host, name: 'Authorization', value: 'Bearer for-a' }],
        hosts: { [b.host]: { headers: { 'X-Api-Key': 'for-b' } } },
      }),
    );
    expect(run.results.get(redirectToB())?.status).toBe('ok');
    expect(a.hits[0].headers.authorization).toBe('Bearer for-a');
    expect(a.hits[0].headers['x-api-key']).toBeUndefined();
    expect(b.hits[0].headers.authorization).toBeUndefined();
    expect(b.hits[0].headers['x-api-key']).toBe('for-b');
  });

  it('sends the configured User-Agent', async () => {
    a.reset();
    await checkTargets(one(a.url('/ok?ua')), testOptions({ userAgent: 'my-bot/1.0' }));
    expect(a.hits[0].headers['user-agent']).toBe('my-bot/1.0');
  });
});
