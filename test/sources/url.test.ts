import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { extractPost } from '../../src/extract/index.js';
import type { FetchDocument, FetchedDocument } from '../../src/sources/fetch-types.js';
import { loadInputs } from '../../src/sources/index.js';
import { isWordPressRestUrl, wordPressApiRoot } from '../../src/sources/url.js';

type Route = Omit<FetchedDocument, 'finalUrl' | 'body'> & { body: string; finalUrl?: string };

/** A fake fetcher answering from a table of URLs (no network), recording every call. */
function fakeFetch(routes: Record<string, Route>): FetchDocument & { calls: Array<{ url: string; accept?: string }> } {
  const calls: Array<{ url: string; accept?: string }> = [];
  const fetchDocument = async (url: string, init?: { accept?: string }): Promise<FetchedDocument> => {
    calls.push({ url, accept: init?.accept });
    const route = routes[url];
    if (!route) return { status: 404, headers: {}, body: Buffer.from('not found'), finalUrl: url };
    return {
      status: route.status,
      headers: route.headers,
      body: Buffer.from(route.body),
      finalUrl: route.finalUrl ?? url,
    };
  };
  return Object.assign(fetchDocument, { calls });
}

const WP_POST = {
  id: 42,
  slug: 'harbour',
  link: 'https://news.example.com/2025/harbour/',
  title: { rendered: 'Harbour' },
  content: { rendered: '<p>Officials <a href="/docs/">said</a> so.</p>' },
};
const JSON_HEADERS = { 'content-type': 'application/json; charset=UTF-8' };

describe('URL inputs', () => {
  it('recognises WordPress REST URLs in both forms', () => {
    expect(isWordPressRestUrl('https://s.example.com/wp-json/wp/v2/posts?per_page=5')).toBe(true);
    expect(isWordPressRestUrl('https://s.example.com/wp-json/wp/v2/posts/42')).toBe(true);
    expect(isWordPressRestUrl('https://s.example.com/?rest_route=/wp/v2/posts/42')).toBe(true);
    expect(isWordPressRestUrl('https://s.example.com/2025/harbour/')).toBe(false);
  });

  it('reads a REST posts list as WordPress JSON', async () => {
    const url = 'https://news.example.com/wp-json/wp/v2/posts?per_page=2';
    const fetch = fakeFetch({
      [url]: { status: 200, headers: JSON_HEADERS, body: JSON.stringify([WP_POST, { ...WP_POST, id: 43 }]) },
    });
    const posts = await loadInputs([url], { fetchDocument: fetch });
    expect(posts.map((p) => [p.kind, p.id, p.source])).toEqual([
      ['wordpress', 42, url],
      ['wordpress', 43, url],
    ]);
    expect(fetch.calls[0].accept).toContain('json');
  });

  it('reads a post page through the REST API it advertises, by slug', async () => {
    const page = 'https://news.example.com/2025/harbour/';
    const fetch = fakeFetch({
      [page]: {
        status: 200,
        headers: {
          'content-type': 'text/html',
          link: '<https://news.example.com/wp-json/>; rel="https://api.w.org/", <https://news.example.com/?p=42>; rel=shortlink',
        },
        body: '<p>Page</p>',
      },
      'https://news.example.com/wp-json/wp/v2/posts?slug=harbour': {
        status: 200,
        headers: JSON_HEADERS,
        body: JSON.stringify([WP_POST]),
      },
    });
    const [post] = await loadInputs([page], { fetchDocument: fetch });
    expect(post).toMatchObject({ kind: 'wordpress', id: 42, source: page });
    expect(fetch.calls.map((c) => c.url)).toEqual([page, 'https://news.example.com/wp-json/wp/v2/posts?slug=harbour']);
    expect(extractPost(post).blocks[0].citations[0].checkUrl).toBe('https://news.example.com/docs/');
  });

  it('uses the plain ?rest_route= form of the API root', async () => {
    const headers = { link: '<https://plain.example.com/?rest_route=/>; rel="https://api.w.org/"' };
    expect(wordPressApiRoot(headers, 'https://plain.example.com/x/')).toBe('https://plain.example.com/?rest_route=/');
    const page = 'https://plain.example.com/2025/harbour/';
    const fetch = fakeFetch({
      [page]: { status: 200, headers: { ...headers, 'content-type': 'text/html' }, body: '<p>Page</p>' },
      'https://plain.example.com/?rest_route=%2Fwp%2Fv2%2Fposts&slug=harbour': {
        status: 200,
        headers: JSON_HEADERS,
        body: JSON.stringify([WP_POST]),
      },
    });
    const [post] = await loadInputs([page], { fetchDocument: fetch });
    expect(post.kind).toBe('wordpress');
  });

  it('falls back to the HTML page when the API finds no post', async () => {
    const page = 'https://news.example.com/about/';
    const fetch = fakeFetch({
      [page]: {
        status: 200,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          link: '<https://news.example.com/wp-json/>; rel="https://api.w.org/"',
        },
        body: '<article><h1>About</h1><p>See <a href="team/">the team</a>.</p></article>',
      },
      'https://news.example.com/wp-json/wp/v2/posts?slug=about': { status: 200, headers: JSON_HEADERS, body: '[]' },
    });
    const [post] = await loadInputs([page], { fetchDocument: fetch });
    expect(post).toMatchObject({ kind: 'html', title: 'About', url: page });
    expect(extractPost(post).blocks[1].citations[0].checkUrl).toBe('https://news.example.com/about/team/');
  });

  it('reads other pages by content type, using the final URL after redirects as base', async () => {
    const url = 'https://docs.example.org/notes';
    const fetch = fakeFetch({
      [url]: {
        status: 200,
        headers: { 'content-type': 'text/markdown' },
        body: '# Notes\n\nSee [this](other).',
        finalUrl: 'https://docs.example.org/v2/notes',
      },
    });
    const [post] = await loadInputs([url], { fetchDocument: fetch });
    expect(post).toMatchObject({ kind: 'markdown', source: url });
    expect(extractPost(post).title).toBe('Notes');
    expect(extractPost(post).blocks[1].citations[0].checkUrl).toBe('https://docs.example.org/v2/other');
  });

  it('turns a non-2xx answer into an InputError naming the URL and status', async () => {
    const url = 'https://gone.example.com/post/';
    const fetch = fakeFetch({ [url]: { status: 410, headers: {}, body: 'gone' } });
    await expect(loadInputs([url], { fetchDocument: fetch })).rejects.toThrow(InputError);
    await expect(loadInputs([url], { fetchDocument: fetch })).rejects.toThrow(`${url}: HTTP 410`);
  });
});
