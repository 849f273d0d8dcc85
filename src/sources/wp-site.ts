/**
 * A whole WordPress site through its REST API: find the API the way WordPress advertises it,
 * then read every post of the types asked for, page by page.
 *
 * Discovery (https://developer.wordpress.org/rest-api/using-the-rest-api/discovery/): the home
 * page's `Link: <…>; rel="https://api.w.org/"` header, else its `<link rel="https://api.w.org/">`
 * element, else `/wp-json/`, else `/?rest_route=/` (sites without pretty permalinks).
 * Pagination (https://developer.wordpress.org/rest-api/using-the-rest-api/pagination/): 100 per
 * page, `X-WP-TotalPages` says how many; `_fields` keeps the payload to what extraction reads.
 *
 * Every request goes through the `FetchDocument` it is given: the run's fetcher, so the site's
 * API is a host like any other (its lane, its interval, retries and Retry-After).
 */
import { decodeHTMLAttribute } from 'entities';
import { InputError } from '../errors.js';
import type { Post } from '../types.js';
import { decodeDocument } from './decode.js';
import { DocumentTooLargeError, type FetchDocument, type FetchedDocument } from './fetch-types.js';
import { wordPressRestErrorIn } from './rest-error.js';
import { scanHtml } from './scan-html.js';
import { API_REL, wordPressApiRoot } from './url.js';
import { parseWordPress } from './wordpress.js';

/** What to read from a site. */
export interface SiteQuery {
  /** REST bases of the content types, in order (posts, pages, or a custom type's base). */
  types: readonly string[];
  /** Post statuses (publish unless credentials allow more). */
  statuses: readonly string[];
  /** Only posts published after this ISO 8601 date-time. */
  after?: string;
  /** Only posts published before this ISO 8601 date-time. */
  before?: string;
  /** Only posts modified after this ISO 8601 date-time. */
  modifiedAfter?: string;
  /** At most this many posts in all. */
  limit?: number;
}

/** How far reading a site has got (for the progress line). */
export interface SiteProgress {
  /** API pages read so far. */
  pages: number;
  /** API pages known to be there (grows as each content type's first page tells). */
  totalPages: number;
  /** Posts read so far. */
  posts: number;
}

/** I/O and callbacks of reading a site. */
export interface SiteReadOptions {
  /** Fetches every request (the run's fetcher: pool, limits, safety rules). */
  fetchDocument: FetchDocument;
  /** Told after the API is found and after each page. */
  onProgress?: (progress: SiteProgress) => void;
  /** Told of what was left out (a post too large to fetch, a home page read in part). */
  onWarning?: (message: string) => void;
}

/** Most posts per page the REST API serves. */
const PER_PAGE = 100;
const JSON_ACCEPT = 'application/json';
/** The fields extraction reads; the rest of a post (author, meta, embeds…) is not sent. */
const FIELDS = 'id,date,date_gmt,modified,modified_gmt,slug,status,type,link,title,content,guid';

/** The site URL with a path ending in "/", so relative routes stay under a site in a subfolder. */
function siteBase(siteUrl: string): URL {
  const base = new URL(siteUrl);
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base;
}

/** True when the URL given is an API root already (`…/wp-json/` or `?rest_route=/`). */
function isApiRoot(url: URL): boolean {
  return /\/wp-json\/?$/.test(url.pathname) || url.searchParams.get('rest_route') === '/';
}

const LINK_ATTRIBUTES = new Set(['rel', 'href']);

/**
 * The `href` of the first `<link rel="https://api.w.org/">` in a page's head, entities decoded.
 * One tokenizer pass that stops at `</head>` or `<body>` (WordPress prints the link in the
 * head): a home page comes from whoever runs the site, and building its tree is not linear
 * (cheerio took 36 s on 50,000 nested <div>s, htmlparser2's Parser 40 s on 160,000).
 */
export function apiLinkInHead(html: string): string | undefined {
  let href: string | undefined;
  let done = false;
  scanHtml(
    html,
    {
      open(name, attributes) {
        if (name === 'body') done = true;
        else if (name === 'link' && attributes?.href && attributes.rel?.split(/[\t\n\f\r ]+/).includes(API_REL)) {
          href = decodeHTMLAttribute(attributes.href).trim();
          done = href !== '';
        }
      },
      close(name) {
        if (name === 'head') done = true;
      },
      isDone: () => done,
    },
    LINK_ATTRIBUTES,
  );
  return href || undefined;
}

/** The API root a home page names in `<link rel="https://api.w.org/" href="…">`. */
function apiRootInPage(doc: FetchedDocument): string | undefined {
  const type = doc.headers['content-type'] ?? '';
  if (type && !/html/i.test(type)) return undefined;
  const { text } = decodeDocument(doc.body, { contentType: type, isHtml: true });
  const href = apiLinkInHead(text);
  if (!href) return undefined;
  try {
    return new URL(href, doc.finalUrl).href;
  } catch {
    return undefined;
  }
}

/** Parsed JSON of a response, or undefined when it is not JSON. */
function jsonOf(doc: FetchedDocument): unknown {
  try {
    return JSON.parse(decodeDocument(doc.body, { contentType: doc.headers['content-type'] }).text);
  } catch {
    return undefined;
  }
}

/** True for the index of a REST API that serves WordPress's content routes (wp/v2). */
function isWordPressIndex(doc: FetchedDocument): boolean {
  if (doc.status < 200 || doc.status > 299) return false;
  const index = jsonOf(doc) as { namespaces?: unknown; routes?: unknown } | undefined;
  return Array.isArray(index?.namespaces) && index.namespaces.includes('wp/v2');
}

/** What an attempt at discovery answered, for the error line when all fail. */
function answered(doc: FetchedDocument): string {
  if (doc.status < 200 || doc.status > 299) return `HTTP ${doc.status}`;
  const type = (doc.headers['content-type'] ?? '').split(';')[0].trim();
  if (/json/.test(type)) return 'JSON without the wp/v2 routes';
  return /html/.test(type) ? 'an HTML page' : `HTTP ${doc.status} ${type || 'without a content type'}`;
}

/**
 * The root of a site's REST API ("https://site/wp-json/" or "https://site/?rest_route=/").
 * Throws InputError (one line) when the site cannot be reached or has no API.
 */
export async function discoverApiRoot(
  siteUrl: string,
  fetchDocument: FetchDocument,
  onWarning?: (message: string) => void,
): Promise<string> {
  const given = new URL(siteUrl);
  if (isApiRoot(given)) return given.href;
  // Only the head is read: a home page over the size cap is read up to the cap, not refused.
  const home = await fetchDocument(siteUrl, { partial: true });
  const inHeader = wordPressApiRoot(home.headers, home.finalUrl);
  if (inHeader) return inHeader;
  const inPage = apiRootInPage(home);
  const base = siteBase(home.finalUrl);
  if (home.cut) {
    const { limit, option } = home.cut;
    const cut = `${siteUrl}: the home page is larger than ${limit} bytes (${option})`;
    onWarning?.(
      inPage
        ? `${cut}: its api.w.org link was read from its first ${limit} bytes`
        : `${cut} and has no api.w.org link in its first ${limit} bytes: looking for the API at ${new URL('wp-json/', base).pathname} instead`,
    );
  }
  if (inPage) return inPage;
  const noLink = home.cut
    ? `no api.w.org link in the home page's first ${home.cut.limit} bytes`
    : 'no api.w.org link on the home page';
  const tried = [home.status >= 200 && home.status <= 299 ? noLink : `home page: ${answered(home)}`];
  for (const candidate of [new URL('wp-json/', base), new URL('?rest_route=/', base)]) {
    const shown = `${candidate.pathname}${candidate.search}`;
    let doc: FetchedDocument;
    try {
      doc = await fetchDocument(candidate.href, { accept: JSON_ACCEPT });
    } catch (error) {
      // A site without the API may answer its (large) home page at /?rest_route=/.
      if (!(error instanceof DocumentTooLargeError)) throw error;
      tried.push(`${shown}: larger than ${error.limit} bytes (${error.option})`);
      continue;
    }
    if (isWordPressIndex(doc)) return candidate.href;
    tried.push(`${shown}: ${answered(doc)}`);
  }
  throw new InputError(`${siteUrl}: no WordPress REST API found (${tried.join('; ')})`);
}

/** The URL of route `/wp/v2/<type>` under an API root, with query parameters. */
export function routeUrl(apiRoot: string, type: string, params: Record<string, string>): string {
  const root = new URL(apiRoot);
  let url: URL;
  if (root.searchParams.has('rest_route')) {
    url = root;
    url.searchParams.set('rest_route', `/wp/v2/${type}`);
  } else {
    if (!root.pathname.endsWith('/')) root.pathname += '/';
    root.search = '';
    url = new URL(`wp/v2/${type}`, root);
  }
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

/** The query parameters of a content type's pages, but for `page` and `per_page`. */
function filterParams(query: SiteQuery): Record<string, string> {
  const params: Record<string, string> = { _fields: FIELDS };
  if (query.statuses.length !== 1 || query.statuses[0] !== 'publish') params.status = query.statuses.join(',');
  if (query.after) params.after = query.after;
  if (query.before) params.before = query.before;
  if (query.modifiedAfter) params.modified_after = query.modifiedAfter;
  return params;
}

/** The hint an API refusal deserves: what the user can do about it. */
function refusalHint(status: number, type: string, query: SiteQuery): string {
  const private_ = query.statuses.some((s) => s !== 'publish');
  if (status === 401 || status === 403 || (status === 400 && private_))
    return private_
      ? ' (statuses other than publish need credentials: --header "Authorization: Basic …" with an application password)'
      : ' (the API refuses anonymous reading: give credentials with --header "Authorization: Basic …")';
  if (status === 404) return ` (no content type "${type}" on this site: see --type)`;
  if (status === 429) return ' (rate limited after retries: try a larger --host-interval)';
  return '';
}

/** A request URL as error lines show it: without the long `_fields` list. */
function shownUrl(url: string): string {
  const shown = new URL(url);
  shown.searchParams.delete('_fields');
  try {
    return decodeURIComponent(shown.href);
  } catch {
    return shown.href;
  }
}

/** The posts of one API page; throws InputError (one line) when it is not a page of posts. */
function postsOfPage(doc: FetchedDocument, requested: string, type: string, query: SiteQuery): Post[] {
  const url = shownUrl(requested);
  if (doc.status < 200 || doc.status > 299) {
    const apiError = wordPressRestErrorIn(doc.body);
    throw new InputError(
      `${url}: HTTP ${doc.status}${apiError ? `, ${apiError}` : ''}${refusalHint(doc.status, type, query)}`,
    );
  }
  const mediaType = (doc.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const { text, hadBom } = decodeDocument(doc.body, { contentType: doc.headers['content-type'] });
  if (!/^\s*\[/.test(text)) {
    const what = /html/.test(mediaType) || /^\s*</.test(text) ? 'an HTML page' : `${mediaType || 'a document'}`;
    throw new InputError(`${url}: the site answered ${what}, not the REST API's list of posts`);
  }
  const posts = parseWordPress(text, url, { hadBom });
  // A post is named by its permalink in the report, not by the API page it came on.
  for (const post of posts) if (post.url) post.source = post.url;
  return posts;
}

/** A whole number from a header, or undefined. */
function headerNumber(doc: FetchedDocument, name: string): number | undefined {
  const value = doc.headers[name];
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/** The largest page size below `size` that divides it (100 → 50 → 25 → 5 → 1). */
function smallerPageSize(size: number): number {
  for (let d = Math.floor(size / 2); d > 1; d--) if (size % d === 0) return d;
  return 1;
}

/** One page of a content type: its posts and what the headers say of the whole. */
interface PageRead {
  /** The posts of the page. */
  posts: Post[];
  /** Posts left out for being over the size cap. */
  leftOut: number;
  /** X-WP-TotalPages, when sent. */
  totalPages?: number;
}

/**
 * Reads items [start, start + size) of a content type. A page whose body is over the size cap
 * is read again as smaller pages covering the same items (page numbers stay aligned because
 * each smaller size divides the larger); one post over the cap alone is left out with a warning.
 */
async function readItems(
  apiRoot: string,
  type: string,
  start: number,
  size: number,
  query: SiteQuery,
  opts: SiteReadOptions,
): Promise<PageRead> {
  const url = routeUrl(apiRoot, type, {
    ...filterParams(query),
    per_page: String(size),
    page: String(start / size + 1),
  });
  let doc: FetchedDocument;
  try {
    doc = await opts.fetchDocument(url, { accept: JSON_ACCEPT });
  } catch (error) {
    if (!(error instanceof DocumentTooLargeError)) throw error;
    if (size === 1) {
      opts.onWarning?.(
        `${type} number ${start + 1} of ${apiRoot} is larger than ${error.limit} bytes; left out (raise --max-body-bytes to read it)`,
      );
      return { posts: [], leftOut: 1 };
    }
    const smaller = smallerPageSize(size);
    const whole: PageRead = { posts: [], leftOut: 0 };
    for (let at = start; at < start + size; at += smaller) {
      const part = await readItems(apiRoot, type, at, smaller, query, opts);
      whole.posts.push(...part.posts);
      whole.leftOut += part.leftOut;
      // The total in pages of the larger size, as the caller counts them.
      if (part.totalPages !== undefined) whole.totalPages = Math.ceil((part.totalPages * smaller) / size);
      // A short part is the end of the content type: the rest of the range is empty.
      if (part.posts.length + part.leftOut < smaller) break;
    }
    return whole;
  }
  // Asking past the last page (an item removed while reading) is an empty page, not an error.
  if (doc.status === 400 && /rest_post_invalid_page_number/.test(doc.body.toString('utf8')))
    return { posts: [], leftOut: 0 };
  const posts = postsOfPage(doc, url, type, query);
  return { posts, leftOut: 0, totalPages: headerNumber(doc, 'x-wp-totalpages') };
}

/**
 * Reads the posts of a site, content type by content type and page by page, handing each page's
 * posts on as it is read. A post seen twice (the site changed while being read) is read once.
 * Throws InputError (one line) for a site without an API, a refusal (401/403), an HTML page
 * instead of JSON, or a 429 left after retries; posts already handed on stay read.
 */
export async function* readSite(siteUrl: string, query: SiteQuery, opts: SiteReadOptions): AsyncGenerator<Post> {
  const apiRoot = await discoverApiRoot(siteUrl, opts.fetchDocument, opts.onWarning);
  const progress: SiteProgress = { pages: 0, totalPages: 0, posts: 0 };
  opts.onProgress?.({ ...progress });
  const seen = new Set<string>();
  const limit = query.limit ?? Infinity;
  const perPage = Math.min(PER_PAGE, limit);
  for (const type of query.types) {
    let totalPages: number | undefined;
    for (let page = 1; totalPages === undefined || page <= totalPages; page++) {
      const read = await readItems(apiRoot, type, (page - 1) * perPage, perPage, query, opts);
      if (page === 1) {
        // Without X-WP-TotalPages (a proxy dropped it), read on until a short page.
        totalPages = read.totalPages;
        progress.totalPages += totalPages ?? 1;
      } else if (read.totalPages === undefined && totalPages === undefined) {
        progress.totalPages += 1;
      }
      progress.pages += 1;
      for (const post of read.posts) {
        const key = `${type}:${post.id ?? post.url ?? progress.posts}`;
        if (seen.has(key)) continue;
        seen.add(key);
        progress.posts += 1;
        yield post;
        if (progress.posts >= limit) break;
      }
      opts.onProgress?.({ ...progress });
      if (progress.posts >= limit) return;
      if (totalPages === undefined && read.posts.length + read.leftOut < perPage) break;
    }
  }
}
