import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSafeLookup, PrivateAddressError } from '../../src/check/address-policy.js';

/** A resolver that must never be asked: the test fails if a name reaches it. */
const asked: string[] = [];
const noResolver = ((hostname: string, _options: unknown, callback: (err: Error | null) => void) => {
  asked.push(hostname);
  callback(new Error(`resolver asked for ${hostname}`));
}) as unknown as LookupFunction;

function resolve(lookup: LookupFunction, hostname: string, family?: 4 | 6) {
  return new Promise<{ err: NodeJS.ErrnoException | null; addresses: LookupAddress[] }>((done) =>
    lookup(hostname, { all: true, family }, (err, addresses) =>
      done({ err, addresses: Array.isArray(addresses) ? addresses : [] }),
    ),
  );
}

describe('localhost names (RFC 6761)', () => {
  it.each(['localhost', 'app.localhost', 'WP.Site.LOCALHOST', 'app.localhost.'])(
    '%s is loopback without asking a resolver; allowed only with --allow-private',
    async (name) => {
      asked.length = 0;
      const allowed = await resolve(createSafeLookup(noResolver, true), name);
      expect(allowed.err).toBeNull();
      expect(allowed.addresses.map((a) => a.address)).toEqual(['127.0.0.1', '::1']);
      const refused = await resolve(createSafeLookup(noResolver, false), name);
      expect(refused.err).toBeInstanceOf(PrivateAddressError);
      expect(asked).toEqual([]);
    },
  );

  it('answers the family asked for', async () => {
    const v6 = await resolve(createSafeLookup(noResolver, true), 'app.localhost', 6);
    expect(v6.addresses).toEqual([{ address: '::1', family: 6 }]);
  });

  it('other names still go to the resolver (localhost.example.net, notlocalhost)', async () => {
    for (const name of ['localhost.example.net', 'notlocalhost']) {
      asked.length = 0;
      const answer = await resolve(createSafeLookup(noResolver, true), name);
      expect(answer.err?.message).toBe(`resolver asked for ${name}`);
      expect(asked).toEqual([name]);
    }
  });
});
