// A small Wayback-compatible archive for the demo and the benchmark: the availability API
// (/wayback/available), the CDX API (/cdx/search/cdx, JSON output, from/to/limit and a
// statuscode filter as the Internet Archive's CDX server reads them) and replay
// (/web/<ts>/<url> with a toolbar, /web/<ts>id_/<url> as captured). It holds the captures it is
// given and nothing else: citecheck's archive client is exercised without the internet.
import http from 'node:http';

const toolbar = '<div id="wm-ipp" style="background:#eee;padding:4px">Demo Wayback Machine</div>';

const stampToMs = (ts) =>
  Date.parse(ts.padEnd(14, '0').replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, '$1-$2-$3T$4:$5:$6Z'));

function json(res, value) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/**
 * Starts the archive on `host`. `captures` is a list of { url, timestamp, status?, body? };
 * `latencyMs` delays every answer (the benchmark's stand-in for a distant archive).
 * Returns { endpoint, requests(), close() }.
 */
export async function startWayback({ host = '127.0.0.70', captures = [], latencyMs = 0 } = {}) {
  const byUrl = new Map();
  for (const c of captures) byUrl.set(c.url, [...(byUrl.get(c.url) ?? []), c]);
  const ok = (c) => (c.status ?? 200) >= 200 && (c.status ?? 200) <= 299;
  let requests = 0;

  const handle = (req, res) => {
    requests += 1;
    const url = new URL(req.url, 'http://archive');
    const held = (u) => [...(byUrl.get(u) ?? [])].sort((a, b) => (a.timestamp < b.timestamp ? -1 : 1));
    if (url.pathname === '/wayback/available') {
      const target = url.searchParams.get('url') ?? '';
      const at = stampToMs(url.searchParams.get('timestamp') ?? '99991231235959');
      const closest = held(target)
        .filter(ok)
        .sort((a, b) => Math.abs(stampToMs(a.timestamp) - at) - Math.abs(stampToMs(b.timestamp) - at))[0];
      const snapshot = closest && {
        status: String(closest.status ?? 200),
        available: true,
        url: `http://${req.headers.host}/web/${closest.timestamp}/${target}`,
        timestamp: closest.timestamp,
      };
      return json(res, { url: target, archived_snapshots: snapshot ? { closest: snapshot } : {} });
    }
    if (url.pathname === '/cdx/search/cdx') {
      const target = url.searchParams.get('url') ?? '';
      const from = (url.searchParams.get('from') ?? '').padEnd(14, '0');
      const to = (url.searchParams.get('to') ?? '99999999999999').padEnd(14, '9');
      const filter = /^statuscode:(.+)$/.exec(url.searchParams.get('filter') ?? '')?.[1];
      const limit = Number(url.searchParams.get('limit') ?? 0);
      const fields = (url.searchParams.get('fl') ?? 'timestamp,original,statuscode').split(',');
      let rows = held(target).filter(
        (c) =>
          c.timestamp >= from &&
          c.timestamp <= to &&
          (!filter || new RegExp(`^${filter}$`).test(String(c.status ?? 200))),
      );
      if (limit > 0) rows = rows.slice(0, limit);
      if (limit < 0) rows = rows.slice(limit);
      const cell = (c, f) =>
        f === 'timestamp' ? c.timestamp : f === 'original' ? c.url : f === 'statuscode' ? String(c.status ?? 200) : '-';
      return json(res, rows.length ? [fields, ...rows.map((c) => fields.map((f) => cell(c, f)))] : []);
    }
    const replay = /^\/web\/(\d{1,14})(id_)?\/(.+)$/.exec(req.url);
    if (replay) {
      const [, ts, raw, target] = replay;
      const nearest = held(target).sort(
        (a, b) => Math.abs(stampToMs(a.timestamp) - stampToMs(ts)) - Math.abs(stampToMs(b.timestamp) - stampToMs(ts)),
      )[0];
      if (!nearest) {
        res.writeHead(404, { 'content-type': 'text/html' });
        return res.end('<title>Not archived</title><p>This page has not been archived.</p>');
      }
      if (nearest.timestamp !== ts) {
        res.writeHead(302, { location: `/web/${nearest.timestamp}${raw ?? ''}/${target}` });
        return res.end();
      }
      const body =
        nearest.body ?? `<!doctype html><title>${target}</title><main><p>Captured on ${nearest.timestamp}.</p></main>`;
      res.writeHead(nearest.status ?? 200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(raw ? body : body.replace(/<body>|<main>/, (m) => `${m}${toolbar}`));
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };

  const server = http.createServer((req, res) =>
    latencyMs > 0 ? setTimeout(() => handle(req, res), latencyMs) : handle(req, res),
  );
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  return {
    endpoint: `http://${host}:${server.address().port}`,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}
