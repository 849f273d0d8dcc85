import { describe, expect, it } from 'vitest';
import { checkLiteralHost, classifyAddress, createSafeLookup, isIpLiteral } from '../../src/check/address-policy.js';
import { ResolvedNames } from '../../src/check/resolved-names.js';
import { stubLookup } from '../helpers/stub-lookup.js';

// Classifier only: none of these addresses is ever connected to.
describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['169.254.0.1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd00::1', 'uniqueLocal'],
    ['fc00::5', 'uniqueLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['64:ff9b::a9fe:a9fe', 'linkLocal'],
    ['2002:c0a8:0101::1', 'private'],
  ])('%s is off limits (%s)', (address, range) => {
    const verdict = classifyAddress(address);
    expect(verdict?.range).toBe(range);
    expect(verdict?.reason).toContain(address);
  });

  // IPv6 spellings that carry an IPv4 address inside, written as the URL parser normalises
  // them ([::127.0.0.1] becomes [::7f00:1]). The reason names the inner address.
  it.each([
    ['::7f00:1', 'loopback', '127.0.0.1'],
    ['::127.0.0.1', 'loopback', '127.0.0.1'],
    ['::a9fe:a9fe', 'linkLocal', '169.254.169.254'],
    ['::a00:1', 'private', '10.0.0.1'],
    ['::ffff:0:7f00:1', 'loopback', '127.0.0.1'],
    ['64:ff9b::7f00:1', 'loopback', '127.0.0.1'],
    ['2002:7f00:1::1', 'loopback', '127.0.0.1'],
    // Teredo: the client's IPv4 is stored inverted in the last 32 bits; the server's in bits 32-63.
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback', '127.0.0.1'],
    ['2001:0:a9fe:a9fe::1', 'linkLocal', '169.254.169.254'],
  ])('%s carries a %s IPv4 address (%s)', (address, range, inner) => {
    const verdict = classifyAddress(address);
    expect(verdict?.range).toBe(range);
    expect(verdict?.reason).toContain(inner);
  });

  it('refuses every IPv4-compatible address (deprecated by RFC 4291), whatever the IPv4 inside', () => {
    expect(classifyAddress('::808:808')?.range).toBe('ipv4Compatible');
    expect(classifyAddress('::8.8.8.8')?.range).toBe('ipv4Compatible');
    expect(classifyAddress('::808:808')?.reason).toContain('::808:808');
  });

  it('refuses the local-use NAT64 prefix as a whole (RFC 8215)', () => {
    expect(classifyAddress('64:ff9b:1::808:808')?.range).toBe('localUseNat64');
  });

  it('marks the metadata address inside an IPv6 spelling', () => {
    expect(classifyAddress('::a9fe:a9fe')?.reason).toMatch(/metadata/);
    // The article fits the range's word.
    expect(classifyAddress('0.0.0.0')?.reason).toBe('resolves to 0.0.0.0, an unspecified address');
    expect(classifyAddress('10.1.2.3')?.reason).toBe('resolves to 10.1.2.3, a private address');
  });

  it('marks cloud metadata addresses', () => {
    expect(classifyAddress('169.254.169.254')?.reason).toMatch(/metadata/);
    expect(classifyAddress('fd00:ec2::254')?.reason).toMatch(/metadata/);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '100.63.255.255',
    '100.128.0.1',
    '172.32.0.1',
    '2606:4700::6810:84e5',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
    // A Teredo address of a public server and a public client.
    '2001:0:808:808:8000:63bf:f7f7:f7f7',
  ])('%s is public', (address) => {
    expect(classifyAddress(address)).toBeUndefined();
  });

  it('ignores strings that are not addresses', () => {
    expect(classifyAddress('example.org')).toBeUndefined();
  });
});

describe('literal hosts', () => {
  it('sees through the decimal and hex forms the URL parser normalises', () => {
    expect(new URL('http://2130706433/').hostname).toBe('127.0.0.1');
    expect(checkLiteralHost(new URL('http://2130706433/').hostname)?.range).toBe('loopback');
    // An IP literal is not resolved: its reason says it is the address.
    expect(checkLiteralHost('[::169.254.169.254]')?.reason).toBe(
      'is the address ::169.254.169.254 (169.254.169.254), a link-local address, cloud metadata',
    );
    expect(checkLiteralHost(new URL('http://0x7f.1/').hostname)?.range).toBe('loopback');
    expect(checkLiteralHost(new URL('http://0251.0376.0251.0376/').hostname)?.range).toBe('linkLocal');
    expect(checkLiteralHost(new URL('http://[::ffff:a00:1]/').hostname)?.range).toBe('private');
  });

  it.each([
    ['http://[::127.0.0.1]/', 'loopback'],
    ['http://[::169.254.169.254]/', 'linkLocal'],
    ['http://[0:0:0:0:0:0:127.0.0.1]/', 'loopback'],
    ['http://[::0:7f00:1]/', 'loopback'],
    ['http://[::ffff:0:127.0.0.1]/', 'loopback'],
    ['http://[64:ff9b::169.254.169.254]/', 'linkLocal'],
  ])('sees the IPv4 inside %s as the URL parser writes it', (url, range) => {
    expect(checkLiteralHost(new URL(url).hostname)?.range).toBe(range);
  });

  it('leaves names to the connect-time lookup', () => {
    expect(isIpLiteral('news.example')).toBe(false);
    expect(checkLiteralHost('localhost')).toBeUndefined();
    expect(isIpLiteral('[::1]')).toBe(true);
  });
});

describe('createSafeLookup', () => {
  const resolve = (lookup: ReturnType<typeof createSafeLookup>, name: string, all: boolean) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((done) =>
      lookup(name, { all }, (err, address) => done({ err, address })),
    );

  it('refuses a public-looking name that resolves inwards', async () => {
    const lookup = createSafeLookup(stubLookup({ 'inward.test': '127.0.0.1' }), false);
    const { err } = await resolve(lookup, 'inward.test', true);
    expect((err as { code?: string } | null)?.code).toBe('CITECHECK_PRIVATE_ADDRESS');
  });

  it('refuses a name whose AAAA record is an IPv4-compatible spelling of loopback', async () => {
    const lookup = createSafeLookup(stubLookup({ 'compat.test': '::7f00:1' }), false);
    const { err } = await resolve(lookup, 'compat.test', true);
    expect((err as { code?: string } | null)?.code).toBe('CITECHECK_PRIVATE_ADDRESS');
  });

  it('refuses when any resolved address is private', async () => {
    const lookup = createSafeLookup(stubLookup({ 'mixed.test': ['8.8.8.8', '10.1.2.3'] }), false);
    const { err } = await resolve(lookup, 'mixed.test', true);
    expect((err as { code?: string } | null)?.code).toBe('CITECHECK_PRIVATE_ADDRESS');
  });

  it('passes addresses through with allowPrivate, in both callback shapes', async () => {
    const lookup = createSafeLookup(stubLookup({ 'inward.test': '127.0.0.1' }), true);
    expect((await resolve(lookup, 'inward.test', true)).address).toEqual([{ address: '127.0.0.1', family: 4 }]);
    expect((await resolve(lookup, 'inward.test', false)).address).toBe('127.0.0.1');
  });

  it('tells the run which names it let through only because of allowPrivate, and which were public', async () => {
    const names = new ResolvedNames();
    const lookup = createSafeLookup(stubLookup({ 'inward.test': '127.0.0.1', 'public.test': '8.8.8.8' }), true, names);
    await resolve(lookup, 'inward.test', false);
    await resolve(lookup, 'public.test', true);
    await resolve(lookup, 'nowhere.test', true);
    expect(names.inwards('Inward.test.')).toBe('inward.test resolves to 127.0.0.1, a loopback address');
    expect([names.has('public.test'), names.inwards('public.test')]).toEqual([true, undefined]);
    expect(names.has('nowhere.test')).toBe(false);
  });

  it('passes DNS errors through', async () => {
    const lookup = createSafeLookup(stubLookup({}), false);
    expect((await resolve(lookup, 'nowhere.test', true)).err?.code).toBe('ENOTFOUND');
  });
});
