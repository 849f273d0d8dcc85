import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config/defaults.js';
import { compilePattern } from '../../src/config/patterns.js';
import type { CitecheckOptions } from '../../src/config/options.js';
import {
  decidedResults,
  planTargets,
  targetsToCheck,
  untargetedVerdict,
  type PlannedTarget,
} from '../../src/links/plan.js';
import type { CheckResult, CheckTarget } from '../../src/types.js';

const NOW = Date.parse('2026-03-04T05:06:07.000Z');
const target = (url: string, over: Partial<CheckTarget> = {}): CheckTarget => ({
  url,
  fragments: [],
  quotes: [],
  ...over,
});
/** Option overrides, with --include/--exclude written as the user writes them. */
type Over = Omit<Partial<CitecheckOptions>, 'include' | 'exclude'> & { include?: string[]; exclude?: string[] };
const options = ({ include = [], exclude = [], ...over }: Over = {}): CitecheckOptions => ({
  ...DEFAULTS,
  ...over,
  include: include.map(compilePattern),
  exclude: exclude.map(compilePattern),
});

/** Plans one URL and returns its entry. */
function planOne(url: string, over: Over = {}, t: Partial<CheckTarget> = {}): PlannedTarget {
  return planTargets([target(url, t)], options(over), { now: () => NOW }).targets[0];
}

/** What a decided entry says, for comparison. */
function decision(p: PlannedTarget) {
  if (p.action === 'check') return { action: 'check' };
  const { status, errorCode, reason, attempts } = p.result;
  return { action: p.action, rule: p.rule, status, errorCode, reason, attempts };
}

describe('planTargets: every target classified before the engine', () => {
  it('sends an ordinary http(s) URL to the engine', () => {
    expect(decision(planOne('https://news.org/story'))).toEqual({ action: 'check' });
  });

  it.each([
    ['mailto:desk@news.org', 'mailto: links are not checked'],
    ['tel:+15551234', 'tel: links are not checked'],
    ['ftp://files.org/x', 'ftp: links are not checked'],
  ])('skips %s for its scheme', (url, reason) => {
    expect(decision(planOne(url))).toEqual({
      action: 'skipped',
      rule: 'scheme',
      status: 'skipped',
      errorCode: 'UNSUPPORTED_SCHEME',
      reason,
      attempts: 0,
    });
  });

  it('skips a target that is not an absolute URL (only a hand-built one can be)', () => {
    expect(decision(planOne('http//broken'))).toMatchObject({
      action: 'skipped',
      rule: 'invalid-url',
      errorCode: 'INVALID_URL',
      reason: 'not a valid absolute URL',
    });
  });

  it('excludes a URL matching --exclude, naming the pattern', () => {
    expect(decision(planOne('https://twitter.com/x', { exclude: ['^https://twitter\\.com/'] }))).toEqual({
      action: 'excluded',
      rule: 'exclude-pattern',
      status: 'excluded',
      errorCode: 'EXCLUDED_PATTERN',
      reason: 'matches --exclude ^https://twitter\\.com/',
      attempts: 0,
    });
  });

  it('excludes a URL outside the --include patterns', () => {
    expect(decision(planOne('https://other.org/', { include: ['news\\.org'] }))).toMatchObject({
      action: 'excluded',
      rule: 'not-included',
      errorCode: 'EXCLUDED_PATTERN',
      reason: 'matches no --include pattern',
    });
    expect(decision(planOne('https://news.org/a', { include: ['news\\.org'] }))).toEqual({ action: 'check' });
  });

  it.each(['https://example.com/a', 'https://sub.example.net/', 'http://site.example/', 'http://thing.invalid/'])(
    'excludes the documentation name %s as an example domain',
    (url) => {
      expect(decision(planOne(url))).toMatchObject({
        action: 'excluded',
        rule: 'example-domain',
        errorCode: 'EXAMPLE_DOMAIN',
        reason: `${new URL(url).hostname} is a reserved example domain`,
      });
    },
  );

  it.each(['http://localhost:8080/', 'http://app.localhost/', 'http://staging.test/'])(
    'excludes the local name %s as a reserved name',
    (url) => {
      expect(decision(planOne(url))).toMatchObject({ action: 'excluded', rule: 'reserved-name' });
    },
  );

  it('says how to check a local name: --allow-private lifts it, and only for local names', () => {
    expect(decision(planOne('http://staging.test/'))).toMatchObject({
      reason: 'staging.test is a reserved name for local setups (--allow-private checks it)',
    });
    for (const url of ['http://localhost:8080/', 'http://app.localhost/', 'http://staging.test/']) {
      expect(decision(planOne(url, { allowPrivate: true }))).toEqual({ action: 'check' });
    }
    for (const url of ['https://example.com/a', 'http://site.example/', 'http://thing.invalid/']) {
      expect(decision(planOne(url, { allowPrivate: true }))).toMatchObject({ rule: 'example-domain' });
    }
  });

  it('checks a URL an --include pattern matches, whatever exclusion rule would apply', () => {
    const include = ['staging|example|twitter'];
    expect(decision(planOne('https://twitter.com/x', { include, exclude: ['twitter'] }))).toEqual({ action: 'check' });
    expect(decision(planOne('http://staging.test/', { include }))).toEqual({ action: 'check' });
    expect(decision(planOne('http://site.example/', { include }))).toEqual({ action: 'check' });
    expect(decision(planOne('https://example.com/a', { include }))).toEqual({ action: 'check' });
    // A host configured check: false is an exclusion rule too: the include wins over it.
    expect(decision(planOne('http://staging.test/', { include, hosts: { 'staging.test': { check: false } } }))).toEqual(
      {
        action: 'check',
      },
    );
    // An include names what to check, not how: no scheme becomes checkable, and --offline holds.
    expect(decision(planOne('mailto:staging@news.org', { include }))).toMatchObject({ rule: 'scheme' });
    expect(decision(planOne('http://staging.test/', { include, offline: true }))).toMatchObject({ rule: 'offline' });
    expect(
      decision(planOne('http://other.test/', { include, hosts: { 'other.test': { check: false } } })),
    ).toMatchObject({ rule: 'host-config' });
  });

  it('leaves http(s) links unchecked with --offline, after the URL rules', () => {
    expect(decision(planOne('https://news.org/', { offline: true }))).toEqual({
      action: 'unchecked',
      rule: 'offline',
      status: 'unchecked',
      errorCode: undefined,
      reason: '--offline',
      attempts: 0,
    });
    expect(decision(planOne('mailto:a@b.org', { offline: true }))).toMatchObject({ action: 'skipped', rule: 'scheme' });
  });

  it('leaves a host configured with check: false unchecked, by host:port or by name, whatever else applies', () => {
    const reason = 'checking disabled for archive.news.org in the config';
    const off = { check: false };
    expect(decision(planOne('https://archive.news.org/x', { hosts: { 'archive.news.org': off } }))).toEqual({
      action: 'unchecked',
      rule: 'host-config',
      status: 'unchecked',
      errorCode: undefined,
      reason,
      attempts: 0,
    });
    expect(
      decision(planOne('http://archive.news.org:8080/x', { hosts: { 'archive.news.org:8080': off }, offline: true })),
    ).toMatchObject({ rule: 'host-config', reason });
    // The host's own setting wins over the exclude patterns: the user said not to request it.
    expect(
      decision(planOne('https://archive.news.org/x', { hosts: { 'archive.news.org': off }, exclude: ['archive'] })),
    ).toMatchObject({ rule: 'host-config' });
    expect(decision(planOne('https://news.org/x', { hosts: { 'archive.news.org': off } }))).toEqual({
      action: 'check',
    });
  });

  it('answers from the cache unless the page itself is needed for fragments or quotes', () => {
    const remembered: CheckResult = {
      url: 'https://news.org/a',
      status: 'ok',
      httpStatus: 200,
      redirects: [],
      attempts: 1,
      checkedAt: '2026-03-04T00:00:00.000Z',
      durationMs: 40,
      fromCache: true,
    };
    const asked: string[] = [];
    const cached = (url: string) => {
      asked.push(url);
      return url === remembered.url ? remembered : undefined;
    };
    const plan = planTargets([target('https://news.org/a'), target('https://news.org/b')], options(), { cached });
    expect(plan.targets.map((p) => [p.action, p.action === 'check' ? undefined : p.rule])).toEqual([
      ['cached', 'cache'],
      ['check', undefined],
    ]);
    expect(plan.targets[0].action === 'cached' && plan.targets[0].result).toBe(remembered);

    const needsPage = (over: Over, t: Partial<CheckTarget>) =>
      planTargets([target('https://news.org/a', t)], options(over), { cached }).targets[0].action;
    expect(needsPage({ checkFragments: true }, { fragments: ['part'] })).toBe('check');
    expect(needsPage({ checkFragments: false }, { fragments: ['part'] })).toBe('cached');
    expect(needsPage({ checkQuotes: true }, { quotes: ['the fare freeze stays'] })).toBe('check');
    expect(needsPage({ checkQuotes: false }, { quotes: ['the fare freeze stays'] })).toBe('cached');
    // Nothing decided by a rule is looked up: an excluded URL never reaches the cache.
    asked.length = 0;
    planTargets([target('https://example.com/a')], options(), { cached });
    expect(asked).toEqual([]);
  });

  it('plans each URL once, in first-appearance order, and splits the plan for the engine', () => {
    const plan = planTargets(
      [target('https://b.org/'), target('mailto:x@y.org'), target('https://a.org/'), target('https://b.org/')],
      options(),
      { now: () => NOW },
    );
    expect(plan.targets.map((p) => p.target.url)).toEqual(['https://b.org/', 'mailto:x@y.org', 'https://a.org/']);
    expect(targetsToCheck(plan).map((t) => t.url)).toEqual(['https://b.org/', 'https://a.org/']);
    expect(decidedResults(plan)).toEqual([
      {
        url: 'mailto:x@y.org',
        status: 'skipped',
        errorCode: 'UNSUPPORTED_SCHEME',
        reason: 'mailto: links are not checked',
        redirects: [],
        attempts: 0,
        checkedAt: '2026-03-04T05:06:07.000Z',
        durationMs: 0,
      },
    ]);
  });
});

describe('untargetedVerdict: citations with nothing to request', () => {
  it('skips a malformed URL with INVALID_URL and its reason', () => {
    expect(untargetedVerdict({ url: 'htps://x.org/', invalid: 'mistyped scheme htps:' })).toEqual({
      status: 'skipped',
      errorCode: 'INVALID_URL',
      reason: 'mistyped scheme htps:',
    });
  });

  it('says a relative link had no base, and says nothing more of an in-post #fragment', () => {
    expect(untargetedVerdict({ url: '../other.md' })).toEqual({
      status: 'skipped',
      reason: 'relative link and the post has no URL to resolve it against',
    });
    expect(untargetedVerdict({ url: '#notes' })).toEqual({ status: 'skipped' });
  });

  it('skips a hand-built citation with no check key for its scheme', () => {
    expect(untargetedVerdict({ url: 'mailto:desk@news.org' })).toEqual({
      status: 'skipped',
      errorCode: 'UNSUPPORTED_SCHEME',
      reason: 'mailto: link',
    });
  });
});
