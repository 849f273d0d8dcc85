import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTargets } from '../../src/check/index.js';
import type { CitecheckOptions } from '../../src/config/options.js';
import type { CheckResult } from '../../src/types.js';
import { testOptions } from '../helpers/options.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { tempDirSync } from '../helpers/temp-dir.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ host: '127.0.0.14' });
});
afterAll(async () => {
  await server.close();
});

const SOURCE =
  '<p>The council said: &ldquo;Transit spending rises by 12 percent next year&rdquo; &mdash; the largest rise in a decade.</p>';

function quotePage(html: string, type?: 'plain' | 'pdf'): string {
  return server.url(`/quote?text=${encodeURIComponent(html)}${type ? `&type=${type}` : ''}`);
}

async function check(url: string, quotes: string[], overrides: Partial<CitecheckOptions> = {}): Promise<CheckResult> {
  const run = await checkTargets([{ url, fragments: [], quotes }], testOptions(overrides));
  const result = run.results.get(url);
  expect(result).toBeDefined();
  return result!;
}

describe('quotes checked on the cited page', () => {
  it('records nothing when the quote is on the page verbatim', async () => {
    const result = await check(quotePage(SOURCE), ['Transit spending rises by 12 percent next year']);
    expect(result.status).toBe('ok');
    expect(result.missingQuotes).toBeUndefined();
  });

  it('records nothing when only marks, case, whitespace or dashes differ', async () => {
    const result = await check(quotePage(SOURCE), [
      '"transit SPENDING  rises by 12 percent next year," - the largest rise',
      'next year -- the largest rise in a decade.',
    ]);
    expect(result.status).toBe('ok');
    expect(result.missingQuotes).toBeUndefined();
  });

  it('records a paraphrased quote as missing, and only that one', async () => {
    const result = await check(quotePage(SOURCE), [
      'the largest rise in a decade',
      'transit spending will grow by a tenth next year',
    ]);
    expect(result.status).toBe('ok');
    expect(result.httpStatus).toBe(200);
    expect(result.missingQuotes).toEqual(['transit spending will grow by a tenth next year']);
  });

  it('reads plain-text sources too', async () => {
    const result = await check(quotePage('Transit spending falls next year.', 'plain'), [
      'transit spending rises by 12 percent',
    ]);
    expect(result.missingQuotes).toEqual(['transit spending rises by 12 percent']);
  });

  it('records nothing for a PDF (its text cannot be read here)', async () => {
    const result = await check(quotePage('nothing like the quote', 'pdf'), ['transit spending rises by 12 percent']);
    expect(result.status).toBe('ok');
    expect(result.missingQuotes).toBeUndefined();
  });

  it('records nothing when the page was cut at the body cap', async () => {
    const result = await check(server.url('/huge'), ['transit spending rises by 12 percent'], {
      maxBodyBytes: 8 * 1024,
    });
    expect(result.status).toBe('ok');
    expect(result.missingQuotes).toBeUndefined();
  });

  it('records nothing for a page that is not ok', async () => {
    const result = await check(server.url('/status/404'), ['transit spending rises by 12 percent']);
    expect(result.status).toBe('broken');
    expect(result.missingQuotes).toBeUndefined();
  });

  it('reads the body with GET for quotes even when HEAD is configured', async () => {
    const url = quotePage(SOURCE);
    const before = server.hits.length;
    const result = await check(url, ['transit spending will grow by a tenth next year'], { method: 'head' });
    expect(result.missingQuotes).toHaveLength(1);
    expect(server.hits.slice(before).map((h) => h.method)).toEqual(['GET']);
  });

  it('with checkQuotes off, reads no body for quotes and records nothing', async () => {
    const url = quotePage(SOURCE);
    const before = server.hits.length;
    const result = await check(url, ['transit spending will grow by a tenth next year'], {
      method: 'head',
      checkQuotes: false,
    });
    expect(result.status).toBe('ok');
    expect(result.missingQuotes).toBeUndefined();
    expect(server.hits.slice(before).map((h) => h.method)).toEqual(['HEAD']);
  });
});

describe('quotes and the results cache', () => {
  it('re-checks a cached ok link when it has quotes, and never replays missing quotes', async () => {
    const cache = join(tempDirSync('citecheck-quotes-cache-'), 'cache.json');
    const url = `${quotePage(SOURCE)}&cache=1`;
    const gone = ['transit spending will grow by a tenth next year'];
    const first = await checkTargets([{ url, fragments: [], quotes: gone }], testOptions({ cache }));
    expect(first.results.get(url)?.missingQuotes).toEqual(gone);

    // With quotes on, the page is read again rather than answered from the cache.
    const before = server.hits.length;
    const second = await checkTargets([{ url, fragments: [], quotes: gone }], testOptions({ cache }));
    expect(server.hits.length - before).toBe(1);
    expect(second.results.get(url)?.missingQuotes).toEqual(gone);

    // With quotes off, the cached ok answers, without a stale list of missing quotes.
    const third = await checkTargets(
      [{ url, fragments: [], quotes: gone }],
      testOptions({ cache, checkQuotes: false }),
    );
    expect(third.results.get(url)?.fromCache).toBe(true);
    expect(third.results.get(url)?.missingQuotes).toBeUndefined();
  });
});
