import { afterEach, describe, expect, it } from 'vitest';
import { ProgressBar } from '../src/cli/progress.js';
import { runSite } from '../src/run-site.js';
import { makePosts, startFakeWordPress, type FakeWordPress } from './helpers/fake-wordpress.js';
import { testOptions } from './helpers/options.js';

const CREDENTIALS = 'Basic c2l0ZTpwYXNz';
const servers: FakeWordPress[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('runSite', () => {
  it('sends the site credentials to its own origin only, not to an API root elsewhere', async () => {
    const api = await startFakeWordPress({ host: '127.0.0.25', posts: makePosts(3) });
    const home = await startFakeWordPress({ host: '127.0.0.26', posts: [], apiRootOverride: `${api.origin}/wp-json/` });
    servers.push(api, home);
    const options = testOptions({ headers: [{ name: 'Authorization', value: CREDENTIALS }] });
    const warnings: string[] = [];
    const { report, incomplete } = await runSite(`${home.origin}/`, options, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([
      expect.stringMatching(/is on another origin than .*: headers given without a host are not sent there/),
    ]);
    expect(incomplete).toBeUndefined();
    expect(report.totals.posts).toBe(3);
    expect(home.hits.map((h) => h.headers.authorization)).toEqual([CREDENTIALS]);
    expect(api.hits.length).toBeGreaterThan(0);
    expect(api.hits.every((h) => h.headers.authorization === undefined)).toBe(true);
  });

  it('Ctrl-C while reading: the posts read so far make the report', async () => {
    const site = await startFakeWordPress({ host: '127.0.0.25', posts: makePosts(250) });
    servers.push(site);
    const controller = new AbortController();
    const { report } = await runSite(site.origin, testOptions(), {
      signal: controller.signal,
      onSiteProgress: (p) => {
        if (p.pages === 1) controller.abort();
      },
    });
    expect(report.totals.posts).toBe(100);
    expect(site.apiHits().map((h) => h.query.get('page'))).toEqual(['1']);
  });
});

describe('the progress line of a site run', () => {
  /** A stream that keeps what was written, as a TTY of 200 columns. */
  function screen(): NodeJS.WriteStream & { text: string } {
    const out = { text: '', columns: 200, write: (s: string) => ((out.text += s), true) };
    return out as unknown as NodeJS.WriteStream & { text: string };
  }

  it('shows pages and posts read, then keeps them beside the links', () => {
    const out = screen();
    const bar = new ProgressBar(out, 0);
    bar.reading({ pages: 1, totalPages: 3, posts: 100 });
    expect(out.text).toContain('reading the site: page 1/3, 100 posts read');
    bar.reading({ pages: 3, totalPages: 3, posts: 230 });
    expect(out.text).toContain('reading the site: 3 pages, 230 posts read');
    bar.update({ done: 5, total: 10, inFlight: 2, failures: 1, backingOff: [] });
    expect(out.text.split('\r\x1b[2K').at(-1)).toMatch(/^3 pages, 230 posts read · .*5\/10 links.*1 failing/);
  });
});
