import { afterEach, describe, expect, it } from 'vitest';
import type { CitecheckOptions } from '../../src/config/options.js';
import { createDocumentFetcher } from '../../src/check/fetch-document.js';
import { InputError } from '../../src/errors.js';
import { discoverApiRoot, readSite, routeUrl, type SiteProgress, type SiteQuery } from '../../src/sources/wp-site.js';
import type { Post } from '../../src/types.js';
import {
  makePosts,
  startFakeWordPress,
  type FakeWordPress,
  type FakeWordPressOptions,
} from '../helpers/fake-wordpress.js';
import { testOptions } from '../helpers/options.js';

const QUERY: SiteQuery = { types: ['posts', 'pages'], statuses: ['publish'] };
let site: FakeWordPress | undefined;

afterEach(async () => {
  await site?.close();
  site = undefined;
});

async function start(options: FakeWordPressOptions): Promise<FakeWordPress> {
  site = await startFakeWordPress(options);
  return site;
}

/** Reads the site; returns the posts read, and the error that stopped reading if one did. */
async function read(
  url: string,
  query: SiteQuery = QUERY,
  options: Partial<CitecheckOptions> = {},
): Promise<{ posts: Post[]; error?: unknown; warnings: string[]; progress: SiteProgress[] }> {
  const fetcher = createDocumentFetcher(testOptions(options));
  const posts: Post[] = [];
  const warnings: string[] = [];
  const progress: SiteProgress[] = [];
  try {
    const reading = readSite(url, query, {
      fetchDocument: fetcher,
      onWarning: (m) => warnings.push(m),
      onProgress: (p) => progress.push(p),
    });
    for await (const post of reading) posts.push(post);
    return { posts, warnings, progress };
  } catch (error) {
    return { posts, error, warnings, progress };
  } finally {
    await fetcher.close();
  }
}

const SITE_POSTS = [...makePosts(230), ...makePosts(3, { type: 'page', firstId: 1001 })];

describe('finding the REST API', () => {
  it.each(['header', 'link-tag'] as const)('by the home page (%s)', async (discovery) => {
    const wp = await start({ posts: [], discovery });
    const fetcher = createDocumentFetcher(testOptions());
    expect(await discoverApiRoot(`${wp.origin}/`, fetcher)).toBe(`${wp.origin}/wp-json/`);
    await fetcher.close();
    // The home page said where: no probing.
    expect(wp.hits.map((h) => h.path)).toEqual(['/']);
  });

  it('by /wp-json/, then /?rest_route=/ when the home page says nothing', async () => {
    const pretty = await start({ posts: [], discovery: 'none' });
    const fetcher = createDocumentFetcher(testOptions());
    expect(await discoverApiRoot(pretty.origin, fetcher)).toBe(`${pretty.origin}/wp-json/`);
    await pretty.close();
    const plain = await start({ posts: [], discovery: 'none', prettyPermalinks: false, host: '127.0.0.21' });
    expect(await discoverApiRoot(plain.origin, fetcher)).toBe(`${plain.origin}/?rest_route=/`);
    expect(plain.hits.map((h) => h.path)).toEqual(['/', '/wp-json/', '/?rest_route=/']);
    await fetcher.close();
  });

  it('a site without an API is one line saying what was tried', async () => {
    const wp = await start({ posts: [], noApi: true });
    const { error, posts } = await read(`${wp.origin}/`);
    expect(posts).toEqual([]);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /no WordPress REST API found \(no api\.w\.org link on the home page; \/wp-json\/: HTTP 404; \/\?rest_route=\/: an HTML page\)$/,
    );
  });

  it('builds routes under pretty and plain roots, and under a site in a folder', () => {
    expect(routeUrl('https://s.example/blog/wp-json/', 'posts', { page: '2' })).toBe(
      'https://s.example/blog/wp-json/wp/v2/posts?page=2',
    );
    expect(routeUrl('https://s.example/?rest_route=/', 'pages', { page: '2' })).toBe(
      'https://s.example/?rest_route=%2Fwp%2Fv2%2Fpages&page=2',
    );
  });
});

describe('reading every post', () => {
  it('reads posts then pages, 100 per page, following X-WP-TotalPages, with _fields', async () => {
    const wp = await start({ posts: SITE_POSTS });
    const { posts, error, progress } = await read(`${wp.origin}/`);
    expect(error).toBeUndefined();
    expect(posts).toHaveLength(233);
    expect(new Set(posts.map((p) => p.id)).size).toBe(233);
    const api = wp.apiHits();
    expect(api.map((h) => [h.path.split('?')[0], h.query.get('page'), h.query.get('per_page')])).toEqual([
      ['/wp-json/wp/v2/posts', '1', '100'],
      ['/wp-json/wp/v2/posts', '2', '100'],
      ['/wp-json/wp/v2/posts', '3', '100'],
      ['/wp-json/wp/v2/pages', '1', '100'],
    ]);
    expect(api.every((h) => h.query.get('_fields')?.split(',').includes('content'))).toBe(true);
    expect(api.every((h) => !h.query.get('_fields')?.split(',').includes('author'))).toBe(true);
    // Named by permalink, with the REST post's metadata.
    const page = posts.find((p) => p.id === 1001);
    expect(page).toMatchObject({
      source: `${wp.origin}/page-1001/`,
      url: `${wp.origin}/page-1001/`,
      title: 'Page 1001 & more',
    });
    expect(progress.at(-1)).toEqual({ pages: 4, totalPages: 4, posts: 233 });
  });

  it('reads a site without pretty permalinks through ?rest_route=', async () => {
    const wp = await start({ posts: SITE_POSTS, prettyPermalinks: false, discovery: 'link-tag' });
    const { posts, error } = await read(wp.origin);
    expect(error).toBeUndefined();
    expect(posts).toHaveLength(233);
    expect(wp.apiHits().map((h) => h.query.get('rest_route'))).toEqual([
      '/wp/v2/posts',
      '/wp/v2/posts',
      '/wp/v2/posts',
      '/wp/v2/pages',
    ]);
  });

  it('passes the filters on as the API query parameters', async () => {
    const wp = await start({ posts: SITE_POSTS });
    const query: SiteQuery = {
      types: ['posts'],
      statuses: ['publish'],
      after: '2024-03-01T00:00:00',
      before: '2024-06-01T00:00:00',
      modifiedAfter: '2024-04-01T00:00:00',
    };
    const { posts } = await read(`${wp.origin}/`, query);
    const [hit] = wp.apiHits();
    expect(hit.query.get('after')).toBe('2024-03-01T00:00:00');
    expect(hit.query.get('before')).toBe('2024-06-01T00:00:00');
    expect(hit.query.get('modified_after')).toBe('2024-04-01T00:00:00');
    expect(hit.query.has('status')).toBe(false);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((p) => p.published! >= '2024-04-01' && p.published! < '2024-06-01')).toBe(true);
  });

  it('stops at --limit without asking for more pages', async () => {
    const wp = await start({ posts: SITE_POSTS });
    const { posts } = await read(`${wp.origin}/`, { ...QUERY, limit: 150 });
    expect(posts).toHaveLength(150);
    expect(wp.apiHits().map((h) => h.query.get('page'))).toEqual(['1', '2']);
    await wp.close();
    const small = await start({ posts: SITE_POSTS, host: '127.0.0.21' });
    const few = await read(`${small.origin}/`, { ...QUERY, limit: 7 });
    expect(few.posts).toHaveLength(7);
    expect(small.apiHits().map((h) => h.query.get('per_page'))).toEqual(['7']);
  });

  it('reads on until a short page when a proxy dropped X-WP-TotalPages', async () => {
    const wp = await start({ posts: makePosts(200), dropTotals: true });
    const { posts, error } = await read(`${wp.origin}/`, { ...QUERY, types: ['posts'] });
    expect(error).toBeUndefined();
    expect(posts).toHaveLength(200);
    // Page 3 answers "past the last page": an empty page, not an error.
    expect(wp.apiHits().map((h) => [h.query.get('page'), h.status])).toEqual([
      ['1', 200],
      ['2', 200],
      ['3', 400],
    ]);
  });

  it('reads a page over the body cap again as smaller pages; one post over it alone is left out', async () => {
    const big = makePosts(120);
    big[30].content = `<p>${'Long text. '.repeat(2_000)}</p>`;
    const wp = await start({ posts: big });
    const { posts, warnings, error } = await read(
      `${wp.origin}/`,
      { ...QUERY, types: ['posts'] },
      { maxBodyBytes: 12_000 },
    );
    expect(error).toBeUndefined();
    expect(posts).toHaveLength(119);
    expect(posts.map((p) => p.id)).not.toContain(big[30].id);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/posts number \d+ of .* is larger than 12000 bytes; left out \(raise --max-body-bytes/);
    const sizes = new Set(wp.apiHits().map((h) => h.query.get('per_page')));
    expect([...sizes]).toEqual(expect.arrayContaining(['100', '50', '25', '5', '1']));
  });

  it('waits out a 429 with Retry-After on the API and goes on', async () => {
    const wp = await start({ posts: makePosts(150), rateLimitOnce: { 'posts:2': '1' } });
    const { posts, error } = await read(`${wp.origin}/`, { ...QUERY, types: ['posts'] });
    expect(error).toBeUndefined();
    expect(posts).toHaveLength(150);
    expect(wp.apiHits().map((h) => [h.query.get('page'), h.status])).toEqual([
      ['1', 200],
      ['2', 429],
      ['2', 200],
    ]);
  });
});

describe('when the API refuses or breaks', () => {
  it('401 on the first page: one line with the API error and what to do', async () => {
    const wp = await start({ posts: SITE_POSTS, credentials: 'Basic dXNlcjpwYXNz', authAlways: true });
    const { error, posts } = await read(`${wp.origin}/`);
    expect(posts).toEqual([]);
    expect((error as Error).message).toMatch(
      /wp\/v2\/posts\?.*: HTTP 401, WordPress API error rest_forbidden: Sorry, you are not allowed to do that\. \(the API refuses anonymous reading: give credentials with --header "Authorization: Basic …"\)$/,
    );
  });

  it('reads other statuses with credentials, which go to the site only', async () => {
    const posts = [...makePosts(3), ...makePosts(2, { firstId: 50, status: 'draft' })];
    const wp = await start({ posts, credentials: 'Basic dXNlcjpwYXNz' });
    const query = { ...QUERY, types: ['posts'], statuses: ['publish', 'draft'] };
    const denied = await read(`${wp.origin}/`, query);
    expect((denied.error as Error).message).toMatch(
      /HTTP 400, WordPress API error rest_invalid_param.*statuses other than publish need credentials/,
    );
    const headers = [{ name: 'Authorization', value: 'Basic dXNlcjpwYXNz' }];
    const allowed = await read(`${wp.origin}/`, query, { headers });
    expect(allowed.posts.map((p) => p.id).sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 50, 51]);
    expect(wp.apiHits().at(-1)?.query.get('status')).toBe('publish,draft');
  });

  it('a 403 HTML page from a firewall on a later page stops reading, the posts read are kept', async () => {
    const wp = await start({
      posts: makePosts(250),
      failPages: { 'posts:2': { status: 403, body: '<!doctype html><title>Access denied</title><h1>Blocked</h1>' } },
    });
    const { posts, error } = await read(`${wp.origin}/`);
    expect(posts).toHaveLength(100);
    expect((error as Error).message).toMatch(/page=2.*: HTTP 403 \(the API refuses anonymous reading/);
  });

  it('an HTML page answered with 200 instead of JSON is named as such', async () => {
    const wp = await start({
      posts: makePosts(150),
      failPages: { 'posts:2': { status: 200, body: '<!doctype html><title>Maintenance</title><p>Back soon</p>' } },
    });
    const { posts, error } = await read(`${wp.origin}/`);
    expect(posts).toHaveLength(100);
    expect((error as Error).message).toMatch(/: the site answered an HTML page, not the REST API's list of posts$/);
  });

  it('a 429 still there after the retries is one line with a hint, not a broken site', async () => {
    const wp = await start({
      posts: makePosts(5),
      failPages: {
        'posts:1': { status: 429, body: '{"code":"too_many","message":"Slow down"}', headers: { 'retry-after': '0' } },
      },
    });
    const { error, posts } = await read(`${wp.origin}/`, QUERY, { retries: 1 });
    expect(posts).toEqual([]);
    expect((error as Error).message).toMatch(
      /: HTTP 429, WordPress API error too_many: Slow down \(rate limited after retries: try a larger --host-interval\)$/,
    );
    // Retried per the usual rules before giving up.
    expect(wp.apiHits().map((h) => h.status)).toEqual([429, 429]);
  });

  it('an unknown content type is a 404 with a hint', async () => {
    const wp = await start({ posts: SITE_POSTS });
    const { error } = await read(`${wp.origin}/`, { ...QUERY, types: ['news'] });
    expect((error as Error).message).toMatch(
      /HTTP 404, WordPress API error rest_no_route: .* \(no content type "news" on this site: see --type\)/,
    );
  });
});
