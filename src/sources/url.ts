import { InputError } from '../errors.js';
import type { Post } from '../types.js';
import { decodeDocument } from './decode.js';
import type { FetchDocument, FetchedDocument } from './fetch-types.js';
import { parseLinkHeader } from './link-header.js';
import { parseDocument } from './parse-document.js';
import { wordPressRestErrorIn } from './rest-error.js';
import { parseWordPress } from './wordpress.js';

const JSON_ACCEPT = 'application/json';
/** The link relation of WordPress's REST API root. */
export const API_REL = 'https://api.w.org/';

/** True for a WordPress REST posts URL: `/wp-json/wp/v2/posts…` or `?rest_route=/wp/v2/posts…`. */
export function isWordPressRestUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      u.pathname.includes('/wp-json/wp/v2/posts') || (u.searchParams.get('rest_route') ?? '').startsWith('/wp/v2/posts')
    );
  } catch {
    return false;
  }
}

/** The REST API root a page advertises with `Link: <…>; rel="https://api.w.org/"`. */
export function wordPressApiRoot(headers: Record<string, string>, pageUrl: string): string | undefined {
  const header = headers.link ?? headers.Link;
  if (!header) return undefined;
  // Relation types are compared case-insensitively; `rel` may list several, space-separated.
  const link = parseLinkHeader(header).find((l) =>
    l.params
      .get('rel')
      ?.toLowerCase()
      .split(/[\t ]+/)
      .includes(API_REL),
  );
  if (!link) return undefined;
  try {
    return new URL(link.target, pageUrl).href;
  } catch {
    return undefined;
  }
}

/** The posts-by-slug URL under an API root (pretty `/wp-json/` or plain `?rest_route=/`). */
function postsBySlugUrl(apiRoot: string, slug: string): string {
  const root = new URL(apiRoot);
  if (root.searchParams.has('rest_route')) {
    root.searchParams.set('rest_route', '/wp/v2/posts');
    root.searchParams.set('slug', slug);
    return root.href;
  }
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  const url = new URL('wp/v2/posts', root);
  url.searchParams.set('slug', slug);
  return url.href;
}

/** The last non-empty path segment of a URL: a WordPress permalink's slug. */
function slugOf(url: string): string | undefined {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  const last = segments.at(-1);
  return last ? decodeURIComponent(last).replace(/\.html?$/i, '') : undefined;
}

/** Throws InputError for a non-2xx response, with the WordPress API's own error when it sent one. */
function assertOk(doc: FetchedDocument, url: string): void {
  if (doc.status >= 200 && doc.status <= 299) return;
  const apiError = wordPressRestErrorIn(doc.body);
  throw new InputError(`${url}: HTTP ${doc.status}${apiError ? `, ${apiError}` : ''}`);
}

/**
 * True for a content type citecheck can read as a post: text (text/plain is read as Markdown),
 * JSON, XML (a WordPress export), XHTML, or none (the bytes are sniffed). A PDF or an image would otherwise be decoded
 * as Markdown and "%PDF-1.4" reported as a paragraph of a post titled with the URL.
 */
function isReadableType(mediaType: string): boolean {
  return (
    mediaType === '' ||
    mediaType.startsWith('text/') ||
    /[/+](?:json|xml)$/.test(mediaType) ||
    /xhtml|markdown/.test(mediaType)
  );
}

/** Throws InputError when a fetched input is not a document we can read as a post. */
function assertReadable(doc: FetchedDocument, url: string): void {
  const mediaType = (doc.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!isReadableType(mediaType))
    throw new InputError(`cannot read ${url}: not an HTML, JSON or Markdown document (${mediaType})`);
}

/** Reads a WordPress REST response; an empty list means no posts. */
function readRest(doc: FetchedDocument, source: string): Post[] {
  const { text, hadBom } = decodeDocument(doc.body, { contentType: doc.headers['content-type'] });
  return parseWordPress(text, source, { hadBom });
}

/** Tries to read a WordPress page through its REST API; undefined when that yields nothing. */
async function viaRestApi(
  fetchDocument: FetchDocument,
  apiRoot: string,
  page: FetchedDocument,
  source: string,
): Promise<Post[] | undefined> {
  const slug = slugOf(page.finalUrl);
  if (!slug) return undefined;
  try {
    const doc = await fetchDocument(postsBySlugUrl(apiRoot, slug), { accept: JSON_ACCEPT });
    if (doc.status < 200 || doc.status > 299) return undefined;
    const posts = readRest(doc, source);
    return posts.length > 0 ? posts : undefined;
  } catch {
    // The API is optional here: the page itself is still there to read.
    return undefined;
  }
}

/**
 * Reads a URL input: a WordPress REST URL as WordPress JSON; a page of a site that advertises
 * the REST API through it (by slug), falling back to the page; anything else as HTML or
 * Markdown by content type. Non-2xx, or a type that is not a document (PDF, image…) →
 * InputError naming the URL.
 */
export async function loadUrl(
  url: string,
  fetchDocument: FetchDocument,
  opts: { statuses?: readonly string[] } = {},
): Promise<Post[]> {
  if (isWordPressRestUrl(url)) {
    const doc = await fetchDocument(url, { accept: JSON_ACCEPT });
    assertOk(doc, url);
    assertReadable(doc, url);
    const posts = readRest(doc, url);
    if (posts.length === 0) throw new InputError(`${url}: the WordPress API returned no posts`);
    return posts;
  }
  const page = await fetchDocument(url);
  assertOk(page, url);
  assertReadable(page, url);
  const apiRoot = wordPressApiRoot(page.headers, page.finalUrl);
  if (apiRoot) {
    const posts = await viaRestApi(fetchDocument, apiRoot, page, url);
    if (posts) return posts;
  }
  return parseDocument(page.body, {
    source: url,
    contentType: page.headers['content-type'],
    url: page.finalUrl,
    statuses: opts.statuses,
  });
}
