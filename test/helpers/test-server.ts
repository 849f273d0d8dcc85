/**
 * Local HTTP(S) test servers for network tests, demos and benchmarks. Each binds one
 * 127.0.0.x address on an ephemeral port (Linux routes all of 127/8, so each address is a
 * distinct host) and takes its behaviour from the URL path, undici-style:
 *
 *   /ok, /                      200 HTML page                  /status/404      that status
 *   /redirect/301/3             3 hops of 301 then /ok         /redirect-to?url=U  302 to U
 *   /loop/a ↔ /loop/b           redirect loop                  /redirect-scheme  302 to mailto:
 *   /no-location                302 without Location           /moved-home/...   301 to /
 *   /slow/250                   200 after 250 ms               /hang             never answers
 *   /hang-body                  headers, then no body          /reset            socket destroyed
 *   /retry-after/1              429 + Retry-After: 1 on the first hit of that path, then 200
 *   /retry-after-date/1         the same with an HTTP date     /flaky/503/2      503 twice, then 200
 *   /maintenance                503 + Retry-After: 3600        /error-then-hang  500 on the first hit, then never answers
 *   /no-head                    HEAD → 405, GET → 200          /huge             endless 200 HTML body
 *   /gzip-bomb                  small gzip of ~50 MB           /title-not-found  200 "Page not found"
 *   /heading-not-found          200, <h1>not found             /challenge        403 cf-mitigated
 *   /challenge-page             503 "Just a moment..." page    /fragments        ids present, named
 *   /catch-all/...              200 same page for any path     /headers          request headers JSON
 *   /title-not-found-utf16      200 UTF-16LE "Page not found" page (charset in the header)
 *   /pdf                        200 application/pdf            /json             200 application/json
 *   /quote?text=T               200 page whose body is the HTML T (add &type=plain: text/plain T;
 *                               &type=pdf: application/pdf T)
 *
 * Servers record every hit (method, path, headers, start/end times), the current and highest
 * number of requests in flight, and bytes written by /huge, so tests can assert on limits.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

/** One request as the server saw it. */
export interface Hit {
  /** HTTP method. */
  method: string;
  /** Path with query. */
  path: string;
  /** Request headers. */
  headers: IncomingMessage['headers'];
  /** Arrival time in ms (sub-ms precision, epoch based). */
  start: number;
  /** Time the response finished or the socket closed. */
  end?: number;
  /** Status sent. */
  status?: number;
}

/** A custom route: return true when handled. */
type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  server: TestServer,
) => boolean | void | Promise<boolean | void>;

/** Options of a test server. */
export interface TestServerOptions {
  /** Address to bind (default 127.0.0.2). */
  host?: string;
  /** Delay before every answer, in ms (benchmarks). */
  latencyMs?: number;
  /** Answer 429 when more than this many requests started in the last second. */
  rateLimitPerSecond?: number;
  /** Serve HTTPS with the bundled self-signed certificate (TLS_INVALID tests). */
  tls?: boolean;
  /** Extra routes by exact path or path prefix ending in "/"; checked before the built-ins. */
  routes?: Record<string, RouteHandler>;
}

/** A running test server. */
export interface TestServer {
  /** Bound address. */
  host: string;
  /** Ephemeral port. */
  port: number;
  /** e.g. http://127.0.0.2:40123 */
  origin: string;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Every request received, in arrival order. */
  hits: Hit[];
  /** Requests in flight now. */
  inFlight: number;
  /** Highest number of requests in flight at once. */
  maxInFlight: number;
  /** Bytes written by endless-body routes (/huge), per request. */
  bytesWritten: number[];
  /** 429s sent by the rate limiter. */
  rateLimited: number;
  /** Hits of one path (query included), in order. */
  hitsOf(path: string): Hit[];
  /** Forgets hits and counters (not the once-only state of /retry-after). */
  reset(): void;
  /** Stops the server and destroys open connections. */
  close(): Promise<void>;
}

const FIXTURES = new URL('./fixtures/', import.meta.url);
const HUGE_CHUNK = Buffer.alloc(64 * 1024, 'x');
// Slack of the rate limiter's one-second window: a real limiter counts in coarse time too,
// and loopback arrival jitter is well under this.
const RATE_WINDOW_SLACK_MS = 10;

function page(title: string, body = '<p>Content.</p>'): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
}

function send(res: ServerResponse, status: number, body = '', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

/** Starts a server on 127.0.0.x:0 and resolves once it listens. */
let bomb: Buffer | undefined;

/**
 * ~50 MB of HTML gzipped, made once per test process at the fastest level: compressed on each
 * request at the default level, it took the server 0.13 s quiet and seconds on a loaded machine,
 * inside the client's 5 s timeout (the gzip-bomb test then saw "timeout", not the cap).
 */
function gzipBomb(): Buffer {
  bomb ??= gzipSync(Buffer.concat([Buffer.from(page('Bomb', '<p>')), Buffer.alloc(50 * 1024 * 1024, 'a')]), {
    level: 1,
  });
  return bomb;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const host = options.host ?? '127.0.0.2';
  const sockets = new Set<Socket>();
  const seenOnce = new Set<string>();
  const counters = new Map<string, number>();
  let recentStarts: number[] = [];

  const state: TestServer = {
    host,
    port: 0,
    origin: '',
    url: (path) => `${state.origin}${path}`,
    hits: [],
    inFlight: 0,
    maxInFlight: 0,
    bytesWritten: [],
    rateLimited: 0,
    hitsOf: (path) => state.hits.filter((h) => h.path === path),
    reset: () => {
      state.hits = [];
      state.inFlight = 0;
      state.maxInFlight = 0;
      state.bytesWritten = [];
      state.rateLimited = 0;
      recentStarts = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const builtin = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const path = url.pathname;
    const parts = path.split('/').filter(Boolean);
    if (path === '/' || path === '/ok') return send(res, 200, page('OK'));
    if (parts[0] === 'status') return send(res, Number(parts[1]), page(`Status ${parts[1]}`));
    if (parts[0] === 'redirect') {
      const left = Number(parts[2] ?? 1);
      const location = left > 1 ? `/redirect/${parts[1]}/${left - 1}` : '/ok';
      return send(res, Number(parts[1]), '', { location });
    }
    if (path === '/redirect-to') return send(res, 302, '', { location: url.searchParams.get('url') ?? '/' });
    if (path === '/loop/a') return send(res, 302, '', { location: '/loop/b' });
    if (path === '/loop/b') return send(res, 302, '', { location: '/loop/a' });
    if (path === '/redirect-scheme') return send(res, 302, '', { location: 'mailto:someone@example.com' });
    if (path === '/no-location') return send(res, 302, '');
    if (parts[0] === 'moved-home') return send(res, 301, '', { location: '/' });
    if (parts[0] === 'slow') {
      await new Promise((r) => setTimeout(r, Number(parts[1] ?? 100)));
      return send(res, 200, page('Slow'));
    }
    if (path === '/hang') return; // never answer; the socket is destroyed on close()
    if (path === '/maintenance') return send(res, 503, page('Down for maintenance'), { 'retry-after': '3600' });
    if (path === '/error-then-hang') {
      const key = url.pathname + url.search;
      if (!seenOnce.has(key)) {
        seenOnce.add(key);
        return send(res, 500, page('Server error'));
      }
      return;
    }
    if (path === '/hang-body') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><title>Hang');
      return;
    }
    if (path === '/reset') {
      req.socket.destroy();
      return;
    }
    if (parts[0] === 'retry-after' || parts[0] === 'retry-after-date') {
      const key = url.pathname + url.search;
      if (!seenOnce.has(key)) {
        seenOnce.add(key);
        const seconds = Number(parts[1] ?? 1);
        const value =
          parts[0] === 'retry-after' ? String(seconds) : new Date(Date.now() + seconds * 1000 + 1000).toUTCString();
        return send(res, 429, page('Too Many Requests'), { 'retry-after': value });
      }
      return send(res, 200, page('OK after wait'));
    }
    if (parts[0] === 'flaky') {
      const key = url.pathname + url.search;
      const count = (counters.get(key) ?? 0) + 1;
      counters.set(key, count);
      if (count <= Number(parts[2] ?? 1)) return send(res, Number(parts[1] ?? 503), page('Unavailable'));
      return send(res, 200, page('OK'));
    }
    if (path === '/no-head') {
      if (req.method === 'HEAD') return send(res, 405, '', { allow: 'GET' });
      return send(res, 200, page('GET only'));
    }
    if (path === '/huge') {
      const index = state.bytesWritten.push(0) - 1;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><html><head><title>Huge</title></head><body><p>');
      const limit = 64 * 1024 * 1024;
      const pump = (): void => {
        while (!res.destroyed && state.bytesWritten[index] < limit) {
          state.bytesWritten[index] += HUGE_CHUNK.length;
          if (!res.write(HUGE_CHUNK)) {
            res.once('drain', pump);
            return;
          }
        }
        if (!res.destroyed) res.end('</p></body></html>');
      };
      pump();
      return;
    }
    if (path === '/gzip-bomb') return send(res, 200, gzipBomb() as unknown as string, { 'content-encoding': 'gzip' });
    if (path === '/title-not-found')
      return send(res, 200, `<html><head><title>Page not found – Site</title></head><body><p>Sorry.</p></body></html>`);
    if (path === '/heading-not-found')
      return send(
        res,
        200,
        `<html><head><title>Site</title></head><body><h1>Oops! That page can't be found.</h1></body></html>`,
      );
    if (path === '/challenge') return send(res, 403, page('Attention'), { 'cf-mitigated': 'challenge' });
    if (path === '/challenge-page') {
      return send(
        res,
        503,
        `<!doctype html><html><head><title>Just a moment...</title></head><body><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script></body></html>`,
      );
    }
    if (path === '/fragments')
      return send(
        res,
        200,
        page('Fragments', '<h2 id="present">Here</h2><a name="named"></a><p id="caf%C3%A9x">x</p>'),
      );
    if (path === '/title-not-found-utf16') {
      const html = `\ufeff<html><head><title>Page not found</title></head><body><p>Sorry.</p></body></html>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-16le' });
      return void res.end(Buffer.from(html, 'utf16le'));
    }
    // An entity in the title: the probe must read both titles the same way.
    if (parts[0] === 'catch-all') return send(res, 200, page('Welcome to Fish &amp; Chips'));
    if (path === '/headers') return send(res, 200, JSON.stringify(req.headers), { 'content-type': 'application/json' });
    if (path === '/pdf') return send(res, 200, '%PDF-1.4 fake', { 'content-type': 'application/pdf' });
    if (path === '/quote') {
      const text = url.searchParams.get('text') ?? '';
      const type = url.searchParams.get('type');
      if (type === 'plain') return send(res, 200, text, { 'content-type': 'text/plain; charset=utf-8' });
      if (type === 'pdf') return send(res, 200, text, { 'content-type': 'application/pdf' });
      return send(res, 200, page('Quoted source', text));
    }
    if (path === '/json') return send(res, 200, '{"ok":true}', { 'content-type': 'application/json' });
    return send(res, 404, page('Page not found'));
  };

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const start = performance.timeOrigin + performance.now();
    const hit: Hit = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, start };
    state.hits.push(hit);
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      hit.end = performance.timeOrigin + performance.now();
      hit.status = res.statusCode;
      state.inFlight -= 1;
    };
    res.on('finish', finish);
    res.on('close', finish);
    const url = new URL(req.url ?? '/', 'http://test.invalid');
    if (options.rateLimitPerSecond !== undefined) {
      recentStarts = recentStarts.filter((t) => t > start - 1000 + RATE_WINDOW_SLACK_MS);
      recentStarts.push(start);
      if (recentStarts.length > options.rateLimitPerSecond) {
        state.rateLimited += 1;
        send(res, 429, page('Too Many Requests'), { 'retry-after': '1' });
        return;
      }
    }
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    for (const [route, custom] of Object.entries(options.routes ?? {})) {
      const matches = route.endsWith('/') ? url.pathname.startsWith(route) : url.pathname === route;
      if (matches && (await custom(req, res, state)) !== false) return;
    }
    await builtin(req, res, url);
  };

  const server: Server = options.tls
    ? createHttpsServer(
        {
          key: readFileSync(new URL('self-signed.key', FIXTURES)),
          cert: readFileSync(new URL('self-signed.pem', FIXTURES)),
        },
        (req, res) => void handler(req, res),
      )
    : createHttpServer((req, res) => void handler(req, res));
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client that gives up mid-body (the point of /huge) is expected, not a test failure.
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  state.port = (server.address() as AddressInfo).port;
  state.origin = `${options.tls ? 'https' : 'http'}://${host}:${state.port}`;
  return state;
}

/** Starts one server per address (e.g. hosts(3) → 127.0.0.2, .3, .4). */
export async function startTestServers(
  count: number,
  options: TestServerOptions & { firstHost?: number } = {},
): Promise<TestServer[]> {
  const first = options.firstHost ?? 2;
  return Promise.all(
    Array.from({ length: count }, (_, i) => startTestServer({ ...options, host: `127.0.0.${first + i}` })),
  );
}

/** A port on `host` where nothing listens (a server bound then closed), for CONNECTION_REFUSED. */
export async function closedPort(host = '127.0.0.2'): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
