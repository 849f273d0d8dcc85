/**
 * A local Wayback-compatible archive for tests: the availability API
 * (`/wayback/available`), the CDX API (`/cdx/search/cdx`, JSON output, `from`/`to`/`limit`/
 * `filter=statuscode:…` as the Internet Archive's CDX server reads them) and replay
 * (`/web/<ts>/<url>` with a toolbar, `/web/<ts>id_/<url>` raw; a timestamp that is not held
 * redirects to the nearest one held, as the Wayback Machine does). Behaviours tests need:
 * `flakyNone` (the availability API answers "none" for archived URLs), `busyFirst` (429 with
 * Retry-After on the first request). Hits are recorded by the underlying test server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startTestServer, type TestServer } from './test-server.js';

/** One capture the archive holds. */
export interface FakeCapture {
  /** The captured URL. */
  url: string;
  /** 14-digit timestamp. */
  timestamp: string;
  /** HTTP status of the capture (default 200). */
  status?: number;
  /** Body served on replay (default: a page naming the URL and timestamp). */
  body?: string;
}

/** Options of the fake archive. */
export interface FakeArchiveOptions {
  /** Address to bind (default 127.0.0.60). */
  host?: string;
  /** Captures held. */
  captures?: FakeCapture[];
  /** The availability API answers "none" for these URLs (or for every URL when true). */
  flakyNone?: boolean | string[];
  /** The first request (of any kind) gets 429 with `Retry-After: <busyFirst>` seconds. */
  busyFirst?: number;
  /** The availability API answers with a redirect to this URL (an archive that was tampered with). */
  redirectAway?: string;
}

/** A running fake archive. */
export interface FakeArchive {
  /** The test server (hits, origin, close). */
  server: TestServer;
  /** Base URL to pass as --archive-endpoint. */
  endpoint: string;
  /** Captures held (tests may push more). */
  captures: FakeCapture[];
  /** Requests of each API so far. */
  calls(): { available: number; cdx: number; replay: number; busy: number };
  /** Stops the server. */
  close(): Promise<void>;
}

const TOOLBAR =
  '<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id="wm-ipp">Wayback toolbar</div><!-- END WAYBACK TOOLBAR INSERT -->';

function json(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

const distance = (a: string, b: string): number => Math.abs(Number(a) - Number(b));
const seconds = (ts: string): number =>
  Date.parse(ts.replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, '$1-$2-$3T$4:$5:$6Z'));

/** Starts the fake archive. */
export async function startFakeArchive(options: FakeArchiveOptions = {}): Promise<FakeArchive> {
  const captures = [...(options.captures ?? [])];
  const counts = { available: 0, cdx: 0, replay: 0, busy: 0 };
  let busyLeft = options.busyFirst !== undefined ? 1 : 0;
  const isBusy = (res: ServerResponse): boolean => {
    if (busyLeft <= 0) return false;
    busyLeft -= 1;
    counts.busy += 1;
    res.writeHead(429, { 'retry-after': String(options.busyFirst), 'content-type': 'text/plain' });
    res.end('Too many requests');
    return true;
  };
  const held = (url: string) => captures.filter((c) => c.url === url);
  const is2xx = (c: FakeCapture) => (c.status ?? 200) >= 200 && (c.status ?? 200) <= 299;

  const available = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (isBusy(res)) return true;
    counts.available += 1;
    if (options.redirectAway) {
      res.writeHead(302, { location: options.redirectAway });
      res.end();
      return true;
    }
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const url = query.get('url') ?? '';
    const at = query.get('timestamp') ?? '99991231235959';
    const flaky = options.flakyNone === true || (Array.isArray(options.flakyNone) && options.flakyNone.includes(url));
    // Like the Wayback Machine: the closest capture in time, before or after.
    const closest = flaky
      ? undefined
      : held(url)
          .filter(is2xx)
          .sort(
            (a, b) =>
              Math.abs(seconds(a.timestamp) - seconds(at.padEnd(14, '0'))) -
              Math.abs(seconds(b.timestamp) - seconds(at.padEnd(14, '0'))),
          )[0];
    json(res, {
      url,
      archived_snapshots: closest
        ? {
            closest: {
              status: String(closest.status ?? 200),
              available: true,
              url: `http://archive.invalid/web/${closest.timestamp}/${url}`,
              timestamp: closest.timestamp,
            },
          }
        : {},
    });
    return true;
  };

  const cdx = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (isBusy(res)) return true;
    counts.cdx += 1;
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const url = query.get('url') ?? '';
    const from = (query.get('from') ?? '').padEnd(14, '0');
    const to = (query.get('to') ?? '99999999999999').padEnd(14, '9');
    const filter = /^statuscode:(.+)$/.exec(query.get('filter') ?? '')?.[1];
    const limit = Number(query.get('limit') ?? '0');
    const fields = (query.get('fl') ?? 'urlkey,timestamp,original,mimetype,statuscode,digest,length').split(',');
    let rows = held(url)
      .filter((c) => c.timestamp >= from && c.timestamp <= to)
      .filter((c) => (filter ? new RegExp(`^${filter}$`).test(String(c.status ?? 200)) : true))
      .sort((a, b) => (a.timestamp < b.timestamp ? -1 : 1));
    if (limit > 0) rows = rows.slice(0, limit);
    if (limit < 0) rows = rows.slice(limit);
    const value = (c: FakeCapture, field: string): string =>
      field === 'timestamp'
        ? c.timestamp
        : field === 'original'
          ? c.url
          : field === 'statuscode'
            ? String(c.status ?? 200)
            : '-';
    json(res, rows.length === 0 ? [] : [fields, ...rows.map((c) => fields.map((f) => value(c, f)))]);
    return true;
  };

  const replay = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (isBusy(res)) return true;
    counts.replay += 1;
    const m = /^\/web\/(\d{1,14})(id_)?\/(.+)$/.exec(req.url ?? '');
    if (!m) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not a capture');
      return true;
    }
    const [, ts, raw, url] = m;
    const nearest = held(url).sort(
      (a, b) => distance(a.timestamp, ts.padEnd(14, '0')) - distance(b.timestamp, ts.padEnd(14, '0')),
    )[0];
    if (!nearest) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<title>Wayback Machine</title><p>Hrm. The Wayback Machine has not archived that URL.</p>');
      return true;
    }
    if (nearest.timestamp !== ts) {
      res.writeHead(302, { location: `/web/${nearest.timestamp}${raw ?? ''}/${url}` });
      res.end();
      return true;
    }
    const body =
      nearest.body ??
      `<!doctype html><html><head><title>Captured ${url}</title></head><body><main><p>Captured on ${nearest.timestamp}.</p></main></body></html>`;
    res.writeHead(nearest.status ?? 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(raw ? body : body.replace(/<body>/, `<body>${TOOLBAR}`));
    return true;
  };

  const server = await startTestServer({
    host: options.host ?? '127.0.0.60',
    routes: { '/wayback/available': available, '/cdx/search/cdx': cdx, '/web/': replay },
  });
  return {
    server,
    endpoint: server.origin,
    captures,
    calls: () => ({ ...counts }),
    close: () => server.close(),
  };
}
