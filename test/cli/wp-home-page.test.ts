import { describe, expect, it } from 'vitest';
import { makePosts, startFakeWordPress, type FakeWordPressOptions } from '../helpers/fake-wordpress.js';
import { runCli } from './run-cli.js';

// `citecheck wp` finds the site's API on its home page: a page from whoever runs the site.
// Issue 13 (review F13): 50,000 nested <div>s took 36 s, a 10 MB page 6.5 s at 563 MB, and a
// page over --max-body-bytes ended the run (exit 2) though its head names the API.

const FAST = ['--allow-private', '--no-config', '--host-interval', '0', '--retries', '0', '--format', 'json'];

interface JsonReport {
  posts: { id: number }[];
}

/** `wp` on a fake site of three posts set up with `options`; the run, the site's request paths. */
async function wpOn(options: Omit<FakeWordPressOptions, 'posts'>, extra: string[] = []) {
  const wp = await startFakeWordPress({ host: '127.0.0.25', posts: makePosts(3), ...options });
  try {
    const result = await runCli(['wp', `${wp.origin}/`, ...FAST, ...extra]);
    const paths = wp.hits.map((h) => h.path);
    const ids = result.code === 0 ? (JSON.parse(result.stdout) as JsonReport).posts.map((p) => p.id) : [];
    return { result, paths, ids, origin: wp.origin };
  } finally {
    await wp.close();
  }
}

describe('citecheck wp: the home page that names the API', () => {
  it('50,000 nested <div>s after the head: the link is read from the head, at once', async () => {
    const { result, paths, ids } = await wpOn({ discovery: 'link-tag', homeBody: '<div>'.repeat(50_000) });
    expect(result.code, result.stderr).toBe(0);
    expect(ids).toEqual([3, 2, 1]);
    // The API named by the link, with no guess at /wp-json/ first.
    expect(paths[0]).toBe('/');
    expect(paths[1]).toMatch(/^\/wp-json\/wp\/v2\/posts\?/);
    expect(result.stderr).toBe('');
  });

  it('a home page over --max-body-bytes with the link in its head: read up to the cap, the link used, a warning', async () => {
    const { result, paths, ids, origin } = await wpOn(
      { discovery: 'link-tag', prettyPermalinks: false, homeBody: '<p>A long home page.</p>\n'.repeat(100_000) },
      ['--max-body-bytes', '64k'],
    );
    expect(result.code, result.stderr).toBe(0);
    expect(ids).toEqual([3, 2, 1]);
    expect(paths.slice(0, 2)).toEqual(['/', expect.stringMatching(/^\/\?rest_route=%2Fwp%2Fv2%2Fposts&/)]);
    expect(result.stderr).toBe(
      `citecheck: warning: ${origin}/: the home page is larger than 65536 bytes (--max-body-bytes): its api.w.org link was read from its first 65536 bytes\n`,
    );
  });

  it('over the cap with the link past it: looks for the API at /wp-json/, as for a page without a link, and says so', async () => {
    const { result, paths, ids, origin } = await wpOn(
      { discovery: 'link-tag', homeHead: '<meta name="x" content="padding">\n'.repeat(3_000) },
      ['--max-body-bytes', '64k'],
    );
    expect(result.code, result.stderr).toBe(0);
    expect(ids).toEqual([3, 2, 1]);
    expect(paths.slice(0, 3)).toEqual(['/', '/wp-json/', expect.stringMatching(/^\/wp-json\/wp\/v2\/posts\?/)]);
    expect(result.stderr).toBe(
      `citecheck: warning: ${origin}/: the home page is larger than 65536 bytes (--max-body-bytes) and has no api.w.org link in its first 65536 bytes: looking for the API at /wp-json/ instead\n`,
    );
  });

  it('over the cap, no link and no API: the one-line error says where the link was looked for', async () => {
    const { result } = await wpOn({ noApi: true, homeBody: 'x'.repeat(100_000) }, ['--max-body-bytes', '64k']);
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^citecheck: .*: no WordPress REST API found \(no api\.w\.org link in the home page's first 65536 bytes; \/wp-json\/: HTTP 404; \/\?rest_route=\/: larger than 65536 bytes \(--max-body-bytes\)\)$/,
    );
  });
});

describe('citecheck wp: the Link header that names the API', () => {
  it('a comma and a "<" inside a quoted parameter do not split the link', async () => {
    const { result, paths } = await wpOn({ linkHeader: '<{api}>; title="news, <archive>"; rel="https://api.w.org/"' });
    expect(result.code, result.stderr).toBe(0);
    expect(paths[1]).toMatch(/^\/wp-json\/wp\/v2\/posts\?/);
  });

  it('the API relation among others in one rel, after other links, unquoted or in capitals', async () => {
    for (const linkHeader of [
      '<https://cdn.example.com/>; rel=preconnect, <{api}>; rel="alternate https://api.w.org/"',
      '<{api}>; rel=https://api.w.org/',
      '<{api}>;REL="HTTPS://API.W.ORG/"',
    ]) {
      const { result, paths } = await wpOn({ linkHeader });
      expect(result.code, `${linkHeader}: ${result.stderr}`).toBe(0);
      expect(paths[1], linkHeader).toMatch(/^\/wp-json\/wp\/v2\/posts\?/);
    }
  });

  it('a header of 15,000 "<" names nothing: the API is looked for at /wp-json/', async () => {
    const { result, paths, ids } = await wpOn({ linkHeader: '<'.repeat(15_000) });
    expect(result.code, result.stderr).toBe(0);
    expect(ids).toEqual([3, 2, 1]);
    expect(paths[1]).toBe('/wp-json/');
  });
});
