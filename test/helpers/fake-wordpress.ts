/**
 * A fake WordPress site on 127.0.0.x for `citecheck wp`: a home page that advertises its REST
 * API (by `Link` header, by `<link>` element, or not at all), the API index, and the `wp/v2`
 * content routes with WordPress's pagination (`per_page` ≤ 100, `page`, `X-WP-Total`,
 * `X-WP-TotalPages`, 400 `rest_post_invalid_page_number` past the end), its filters (`status`,
 * `after`, `before`, `modified_after`), `_fields`, and its errors (401 `rest_forbidden`, 400
 * `rest_invalid_param` for a status without credentials, 404 `rest_no_route`). A site
 * "without pretty permalinks" answers only `/?rest_route=…`. Behaviour to break is set per
 * test: an answer to force on one page, a 429 with Retry-After once, headers dropped.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A post of the fake site, in the REST API's shape (fields are cut by `_fields`). */
export interface FakePost {
  id: number;
  type: 'post' | 'page';
  status: string;
  date_gmt: string;
  modified_gmt: string;
  slug: string;
  title: string;
  content: string;
}

/** How the fake site behaves. */
export interface FakeWordPressOptions {
  /** Address to bind (default 127.0.0.20). */
  host?: string;
  /** Posts and pages of the site. */
  posts: FakePost[];
  /** How the home page advertises the API: Link header, <link> element, or not at all. */
  discovery?: 'header' | 'link-tag' | 'none';
  /** false: no /wp-json/ (plain permalinks), the API answers only at /?rest_route=. */
  prettyPermalinks?: boolean;
  /** No REST API at all: every API path is the theme's HTML 404 page. */
  noApi?: boolean;
  /** Where the advertised API root is, when it is not this site (another origin). */
  apiRootOverride?: string;
  /** The Authorization value that unlocks statuses other than publish; every route needs it when `authAlways`. */
  credentials?: string;
  /** Every API request needs the credentials (a site closed to anonymous reading). */
  authAlways?: boolean;
  /** Forced answers by "type:page" (e.g. "posts:2"): a status and a body (HTML when it starts with "<"). */
  failPages?: Record<string, { status: number; body: string; headers?: Record<string, string> }>;
  /** "type:page" answered once with 429 and this Retry-After, then normally. */
  rateLimitOnce?: Record<string, string>;
  /** Leave out X-WP-Total and X-WP-TotalPages (a proxy that drops them). */
  dropTotals?: boolean;
  /** Delay before each answer, in ms (lets several requests overlap). */
  latencyMs?: number;
  /** The home page's `<head>` before its api.w.org link (pushes the link past a size cap). */
  homeHead?: string;
  /** The home page's `<body>` (default a paragraph). */
  homeBody?: string;
  /** The home page's Link header as sent, `{api}` standing for the API root (default: the API link alone). */
  linkHeader?: string;
  /** Extra routes by exact path (the site's own pages that posts cite). */
  pages?: Record<string, { status: number; body: string }>;
}

/** One request the fake site received. */
interface FakeHit {
  /** Path with query. */
  path: string;
  /** Parsed query. */
  query: URLSearchParams;
  /** Request headers. */
  headers: IncomingMessage['headers'];
  /** Status answered. */
  status?: number;
}

/** A running fake WordPress site. */
export interface FakeWordPress {
  /** e.g. http://127.0.0.20:40123 */
  origin: string;
  /** Every request, in order. */
  hits: FakeHit[];
  /** API content-route requests ("/wp/v2/…"), in order. */
  apiHits(): FakeHit[];
  /** Highest number of requests in flight at once. */
  maxInFlight: number;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Builds `count` published posts, each citing `cite(i)` links. */
export function makePosts(
  count: number,
  options: { type?: 'post' | 'page'; firstId?: number; cite?: (i: number) => string[]; status?: string } = {},
): FakePost[] {
  const { type = 'post', firstId = 1, cite = () => [], status = 'publish' } = options;
  return Array.from({ length: count }, (_, i) => {
    const id = firstId + i;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    const links = cite(i)
      .map((url, n) => `<a href="${url}">source ${n + 1}</a>`)
      .join(', ');
    return {
      id,
      type,
      status,
      date_gmt: `2024-${month}-${day}T10:00:00`,
      modified_gmt: `2024-${month}-${day}T12:00:00`,
      slug: `${type}-${id}`,
      title: `${type === 'page' ? 'Page' : 'Post'} ${id} &amp; more`,
      content: `<p>Claim number ${id} is backed${links ? ` by ${links}` : ''}.</p>\n<p>Second paragraph of ${id}.</p>`,
    };
  });
}

// WordPress reads `status=any` as every status but those hidden from search (trash, auto-draft).
const HIDDEN_FROM_ANY = new Set(['trash', 'auto-draft']);

function listed(statuses: readonly string[], status: string): boolean {
  return statuses.includes(status) || (statuses.includes('any') && !HIDDEN_FROM_ANY.has(status));
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

function html(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=UTF-8', ...headers });
  res.end(body);
}

/** The REST shape of a post, cut to `_fields` when given. */
function restPost(post: FakePost, origin: string, fields: string | null): Record<string, unknown> {
  const full: Record<string, unknown> = {
    id: post.id,
    date: post.date_gmt,
    date_gmt: post.date_gmt,
    modified: post.modified_gmt,
    modified_gmt: post.modified_gmt,
    slug: post.slug,
    status: post.status,
    type: post.type,
    link: `${origin}/${post.slug}/`,
    guid: { rendered: `${origin}/?p=${post.id}` },
    title: { rendered: post.title },
    content: { rendered: post.content, protected: false },
    author: 1,
    excerpt: { rendered: '<p>excerpt</p>' },
    _links: { self: [{ href: `${origin}/wp-json/wp/v2/posts/${post.id}` }] },
  };
  if (!fields) return full;
  const keep = new Set(fields.split(','));
  return Object.fromEntries(Object.entries(full).filter(([key]) => keep.has(key)));
}

/** Starts the fake site. */
export async function startFakeWordPress(options: FakeWordPressOptions): Promise<FakeWordPress> {
  const host = options.host ?? '127.0.0.20';
  const sockets = new Set<Socket>();
  const rateLimited = new Set<string>();
  let inFlight = 0;
  const state: FakeWordPress = {
    origin: '',
    hits: [],
    apiHits: () => state.hits.filter((h) => (h.query.get('rest_route') ?? h.path).includes('/wp/v2/')),
    maxInFlight: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const apiRoot = (): string =>
    options.apiRootOverride ??
    (options.prettyPermalinks === false ? `${state.origin}/?rest_route=/` : `${state.origin}/wp-json/`);

  const contentRoute = (res: ServerResponse, req: IncomingMessage, type: string, query: URLSearchParams): number => {
    const authorized = !options.credentials || req.headers.authorization === options.credentials;
    if (options.authAlways && !authorized) {
      json(res, 401, {
        code: 'rest_forbidden',
        message: 'Sorry, you are not allowed to do that.',
        data: { status: 401 },
      });
      return 401;
    }
    const postType = type === 'posts' ? 'post' : type === 'pages' ? 'page' : undefined;
    if (!postType) {
      json(res, 404, {
        code: 'rest_no_route',
        message: 'No route was found matching the URL and request method.',
        data: { status: 404 },
      });
      return 404;
    }
    const statuses = (query.get('status') ?? 'publish').split(',');
    if (statuses.some((s) => s !== 'publish') && !(options.credentials && authorized)) {
      json(res, 400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): status', data: { status: 400 } });
      return 400;
    }
    const perPage = Number(query.get('per_page') ?? '10');
    const page = Number(query.get('page') ?? '1');
    if (!(perPage >= 1 && perPage <= 100)) {
      json(res, 400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): per_page', data: { status: 400 } });
      return 400;
    }
    const key = `${type}:${page}`;
    const forced = options.failPages?.[key];
    if (forced) {
      if (forced.body.startsWith('<')) html(res, forced.status, forced.body, forced.headers);
      else json(res, forced.status, JSON.parse(forced.body), forced.headers);
      return forced.status;
    }
    const retryAfter = options.rateLimitOnce?.[key];
    if (retryAfter !== undefined && !rateLimited.has(key)) {
      rateLimited.add(key);
      json(res, 429, { code: 'too_many', message: 'Slow down' }, { 'retry-after': retryAfter });
      return 429;
    }
    const after = query.get('after');
    const before = query.get('before');
    const modifiedAfter = query.get('modified_after');
    const matching = options.posts
      .filter((p) => p.type === postType && listed(statuses, p.status))
      .filter((p) => (!after || p.date_gmt > after) && (!before || p.date_gmt < before))
      .filter((p) => !modifiedAfter || p.modified_gmt > modifiedAfter)
      .sort((a, b) => (a.date_gmt < b.date_gmt ? 1 : a.date_gmt > b.date_gmt ? -1 : b.id - a.id));
    const totalPages = Math.ceil(matching.length / perPage);
    if (page > Math.max(1, totalPages)) {
      json(res, 400, {
        code: 'rest_post_invalid_page_number',
        message: 'The page number requested is larger than the number of pages available.',
        data: { status: 400 },
      });
      return 400;
    }
    const items = matching
      .slice((page - 1) * perPage, page * perPage)
      .map((p) => restPost(p, state.origin, query.get('_fields')));
    const headers: Record<string, string> = options.dropTotals
      ? {}
      : { 'x-wp-total': String(matching.length), 'x-wp-totalpages': String(totalPages) };
    json(res, 200, items, headers);
    return 200;
  };

  const handle = (req: IncomingMessage, res: ServerResponse): number => {
    const url = new URL(req.url ?? '/', state.origin);
    const route = url.searchParams.get('rest_route');
    const notFound = (): number => {
      html(res, 404, '<!doctype html><title>Page not found</title><h1>Oops! That page can’t be found.</h1>');
      return 404;
    };
    if (route !== null && !options.noApi) {
      if (route === '/' || route === '') {
        json(res, 200, { name: 'Fake', namespaces: ['oembed/1.0', 'wp/v2'], routes: {} });
        return 200;
      }
      const m = /^\/wp\/v2\/([\w-]+)\/?$/.exec(route);
      return m ? contentRoute(res, req, m[1], url.searchParams) : notFound();
    }
    if (url.pathname === '/') {
      const headers: Record<string, string> = {};
      let head = '';
      if (!options.noApi && options.discovery !== 'none') {
        if ((options.discovery ?? 'header') === 'header')
          headers.link = (options.linkHeader ?? '<{api}>; rel="https://api.w.org/"').replaceAll('{api}', apiRoot());
        else head = `<link rel="https://api.w.org/" href="${apiRoot()}" />`;
      }
      const body = options.homeBody ?? '<p>Home</p>';
      html(
        res,
        200,
        `<!doctype html><html><head><title>Fake site</title>${options.homeHead ?? ''}${head}</head><body>${body}</body></html>`,
        headers,
      );
      return 200;
    }
    if (!options.noApi && options.prettyPermalinks !== false && url.pathname.startsWith('/wp-json')) {
      if (url.pathname === '/wp-json/' || url.pathname === '/wp-json') {
        json(res, 200, { name: 'Fake', namespaces: ['oembed/1.0', 'wp/v2'], routes: {} });
        return 200;
      }
      const m = /^\/wp-json\/wp\/v2\/([\w-]+)\/?$/.exec(url.pathname);
      return m ? contentRoute(res, req, m[1], url.searchParams) : notFound();
    }
    const page = options.pages?.[url.pathname];
    if (page) {
      html(res, page.status, page.body);
      return page.status;
    }
    return notFound();
  };

  const server = createServer((req, res) => {
    const hit: FakeHit = {
      path: req.url ?? '/',
      query: new URL(req.url ?? '/', 'http://x').searchParams,
      headers: req.headers,
    };
    state.hits.push(hit);
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => (inFlight -= 1));
    const answer = (): void => {
      hit.status = handle(req, res);
    };
    if (options.latencyMs) setTimeout(answer, options.latencyMs);
    else answer();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  state.origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return state;
}
