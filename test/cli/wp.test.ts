import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePosts, startFakeWordPress, type FakeWordPress } from '../helpers/fake-wordpress.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { runCli, type CliResult } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

interface JsonReport {
  totals: { posts: number; citations: number; uniqueUrls: number };
  posts: { id: number; source: string; url: string; title: string }[];
  findings: { code: string; post: number; url?: string }[];
  hosts: { host: string; requests: number }[];
  incomplete?: string;
}

const FAST = ['--allow-private', '--no-config', '--host-interval', '0', '--retries', '0'];
const CREDENTIALS = 'Basic dXNlcjphcHAgcGFzcw==';

function expectOneLineError(result: CliResult, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^citecheck: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('citecheck wp against a local WordPress', () => {
  let cited: TestServer;
  let wp: FakeWordPress;
  const brokenPostId = 7;

  beforeAll(async () => {
    cited = await startTestServer({ host: '127.0.0.23' });
    wp = await startFakeWordPress({
      host: '127.0.0.22',
      latencyMs: 5,
      credentials: CREDENTIALS,
      posts: [
        ...makePosts(120, {
          // Each post cites an outside source; one of them is gone; some cite the site itself.
          cite: (i) => [
            cited.url(i + 1 === brokenPostId ? '/status/404' : `/ok?post=${i + 1}`),
            ...(i % 40 === 0 ? [`/own-page-${i}`] : []),
          ],
        }),
        ...makePosts(2, { type: 'page', firstId: 500 }),
        ...makePosts(1, { firstId: 900, status: 'draft', cite: () => [cited.url('/ok?draft')] }),
        ...makePosts(1, { firstId: 901, status: 'trash', cite: () => [cited.url('/ok?trash')] }),
      ],
      pages: {
        '/own-page-0': { status: 200, body: '<p>own</p>' },
        '/own-page-40': { status: 200, body: '<p>own</p>' },
        '/own-page-80': { status: 200, body: '<p>own</p>' },
      },
    });
  });

  afterAll(async () => {
    await wp.close();
    await cited.close();
  });

  it("audits every published post and page, through the CLI, with check's report", async () => {
    wp.hits.length = 0;
    const dir = await tempDir('citecheck-wp-');
    const html = path.join(dir, 'site.html');
    const result = await runCli([
      'wp',
      `${wp.origin}/`,
      ...FAST,
      '--format',
      'json',
      '--report',
      `html:${html}`,
      '--host-concurrency',
      '2',
    ]);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.totals.posts).toBe(122);
    expect(new Set(report.posts.map((p) => p.id))).toEqual(
      new Set([...Array.from({ length: 120 }, (_, i) => i + 1), 500, 501]),
    );
    expect(report.incomplete).toBeUndefined();
    // The one dead source is found, in the post that cites it.
    const broken = report.findings.filter((f) => f.code === 'LINK_BROKEN');
    expect(broken).toHaveLength(1);
    expect(report.posts[broken[0].post].id).toBe(brokenPostId);
    expect(report.posts[broken[0].post].source).toBe(`${wp.origin}/post-${brokenPostId}/`);
    // The site is one host of the run: its API pages and its own cited pages share its lane.
    const siteHost = new URL(wp.origin).host;
    const apiRequests = wp.apiHits().length;
    expect(apiRequests).toBe(3);
    expect(report.hosts.find((h) => h.host === siteHost)?.requests).toBe(1 + apiRequests + 3);
    expect(wp.maxInFlight).toBeLessThanOrEqual(2);
    expect(await readFile(html, 'utf8')).toContain(`post-${brokenPostId}`);
  });

  it('takes the filters and the limit', async () => {
    wp.hits.length = 0;
    const result = await runCli([
      'wp',
      wp.origin,
      ...FAST,
      '--format',
      'json',
      '--type',
      'pages',
      '--after',
      '2024-01-01',
      '--limit',
      '1',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.posts.map((p) => p.id)).toHaveLength(1);
    const [api] = wp.apiHits();
    expect(api.path).toMatch(/^\/wp-json\/wp\/v2\/pages\?/);
    expect(api.query.get('after')).toBe('2024-01-01T00:00:00');
    expect(api.query.get('per_page')).toBe('1');
  });

  /** `wp` on the fake site for posts of `status`, with its application password. */
  const readWithPassword = (status: string) =>
    runCli([
      'wp',
      wp.origin,
      ...FAST,
      '--format',
      'json',
      '--status',
      status,
      '--header',
      `Authorization: ${CREDENTIALS}`,
    ]);

  it("reads drafts with an application password, sent to the site's API only", async () => {
    wp.hits.length = 0;
    cited.reset();
    const result = await readWithPassword('draft');
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.posts.map((p) => p.id)).toEqual([900]);
    expect(wp.apiHits().every((h) => h.headers.authorization === CREDENTIALS)).toBe(true);
    expect(cited.hits.length).toBeGreaterThan(0);
    expect(cited.hits.every((h) => h.headers.authorization === undefined)).toBe(true);
  });

  it('--status any reads drafts beside published posts, and never the trash', async () => {
    wp.hits.length = 0;
    const result = await readWithPassword('any');
    expect(result.code, result.stderr).toBe(1);
    const ids = (JSON.parse(result.stdout) as JsonReport).posts.map((p) => p.id);
    expect(ids).toHaveLength(123); // 120 published posts, 2 pages, 1 draft
    expect(ids).toContain(900);
    expect(ids).not.toContain(901);
    expect(wp.apiHits()[0].query.get('status')).toBe('any');
  });

  it('--status draft without credentials is one line before any request', async () => {
    wp.hits.length = 0;
    const result = await runCli(['wp', wp.origin, ...FAST, '--status', 'draft']);
    expectOneLineError(
      result,
      /--status draft: reading posts that are not published needs credentials: --header "Authorization: Basic …"/,
    );
    expect(wp.hits).toEqual([]);
  });

  it('a URL that is not one, and --offline, are usage errors', async () => {
    expectOneLineError(await runCli(['wp', 'example.com', '--no-config']), /expected the site's http\(s\) URL/);
    expectOneLineError(await runCli(['wp', wp.origin, '--no-config', '--offline']), /cannot run with --offline/);
  });
});

describe('citecheck wp when the site fails', () => {
  it('an API closed to anonymous reading: exit 2, one line', async () => {
    const wp = await startFakeWordPress({
      host: '127.0.0.24',
      posts: makePosts(3),
      credentials: CREDENTIALS,
      authAlways: true,
    });
    try {
      const result = await runCli(['wp', wp.origin, ...FAST]);
      expectOneLineError(result, /HTTP 401, WordPress API error rest_forbidden: .*give credentials with --header/);
      expect(result.stdout).toBe('');
    } finally {
      await wp.close();
    }
  });

  it('a site without an API: exit 2, one line', async () => {
    const wp = await startFakeWordPress({ host: '127.0.0.24', posts: [], noApi: true });
    try {
      expectOneLineError(await runCli(['wp', wp.origin, ...FAST]), /no WordPress REST API found/);
    } finally {
      await wp.close();
    }
  });

  it('an error page midway: the posts read are checked and reported, then exit 2 with one line', async () => {
    const wp = await startFakeWordPress({
      host: '127.0.0.24',
      posts: makePosts(150),
      failPages: { 'posts:2': { status: 500, body: '<!doctype html><title>Error</title><h1>Database error</h1>' } },
    });
    try {
      const result = await runCli(['wp', wp.origin, ...FAST, '--format', 'json']);
      expect(result.code, result.stderr).toBe(2);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.totals.posts).toBe(100);
      expect(report.incomplete).toMatch(/^reading the site stopped: .*page=2.*: HTTP 500$/);
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(
          /^citecheck: reading the site stopped: .*: HTTP 500; the 100 posts read before this are checked and reported$/,
        ),
      ]);
    } finally {
      await wp.close();
    }
  });
});
