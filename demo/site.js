// The demo's bundled "internet": a few small sites on loopback addresses, each behaving
// like a real source does when it ages (fine, gone, moved, slow, rate-limited, walled off).
import http from 'node:http';

const page = (title, body) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

/** Routes of the newsroom's sources, keyed by path. */
const NEWS_ROUTES = {
  '/reports/city-budget-2026': (res) =>
    html(
      res,
      200,
      page(
        'City budget 2026',
        '<p id="transit">The council said: "Transit spending rises by 12 percent next year."</p>',
      ),
    ),
  // The post quotes a promise this page no longer makes: QUOTE_NOT_FOUND.
  '/reports/fare-policy': (res) =>
    html(res, 200, page('Fare policy', '<p>The fare freeze will be reviewed in 2027, once the budget is settled.</p>')),
  '/reports/housing-survey': (res) => html(res, 200, page('Housing survey', '<p>Rents rose 7% across the region.</p>')),
  '/old/water-report': (res) => redirect(res, 301, '/reports/water-quality-2026'),
  '/reports/water-quality-2026': (res) =>
    html(res, 200, page('Water quality 2026', '<p>All samples met the standard.</p>')),
  '/press/2019/mayor-statement': (res) => html(res, 410, page('Gone', '<p>This page was removed.</p>')),
  '/archive/bridge-inspection': (res) => html(res, 404, page('Not found', '<p>No such page.</p>')),
  // Taken offline; the demo archive holds a capture from before the follow-up post.
  '/reports/harbour-survey': (res) => html(res, 404, page('Not found', '<p>No such page.</p>')),
  // The post quotes words this page never had (nor its capture): QUOTE_NOT_FOUND stays.
  '/reports/dredging-timetable': (res) =>
    html(res, 200, page('Dredging timetable', '<p>Dredging resumes in March and runs for twelve weeks.</p>')),
  '/stories/ferry-contract': (res) =>
    html(res, 200, page('Page not found', '<p>Sorry, we could not find the page you were looking for.</p>')),
  '/live/council-stream': () => {
    // Never answers: the check must end as a timeout, not hang the run.
  },
  '/': (res) => html(res, 200, page('Demo Gazette', '<p>Home.</p>')),
};

function html(res, status, body) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}

function redirect(res, status, location) {
  res.writeHead(status, { location });
  res.end();
}

function listen(server, host, port = 0) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(`http://${host}:${server.address().port}`));
  });
}

/** Starts the demo sites; returns their base URLs and a close function. */
export async function startDemoSites() {
  const servers = [];
  const start = async (host, handler) => {
    const server = http.createServer(handler);
    servers.push(server);
    return listen(server, host);
  };

  const news = await start('127.0.0.71', (req, res) => {
    const route = NEWS_ROUTES[new URL(req.url, 'http://x').pathname];
    if (route) route(res);
    else html(res, 404, page('Not found', ''));
  });

  // A statistics office that answers the first request to each page with 429 + Retry-After,
  // as busy public data portals do: the checker must wait and retry, never call it broken.
  const seen = new Set();
  const stats = await start('127.0.0.72', (req, res) => {
    if (!seen.has(req.url)) {
      seen.add(req.url);
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' });
      res.end('Too many requests');
      return;
    }
    html(res, 200, page('Population estimates', '<p>Population 1,204,330.</p>'));
  });

  // A social network that walls off automated clients.
  const social = await start('127.0.0.73', (req, res) => {
    res.writeHead(403, { 'content-type': 'text/html' });
    res.end(page('Access denied', '<p>Please log in.</p>'));
  });

  // A paywalled archive the newsroom configured as "do not check".
  const paywall = await start('127.0.0.75', (req, res) => html(res, 200, page('Archive', '')));

  // A host where nothing listens: bind, note the port, close — connections are refused.
  const probe = http.createServer();
  const dead = await listen(probe, '127.0.0.74');
  await new Promise((resolve) => probe.close(resolve));

  return {
    urls: { news, stats, social, paywall, dead },
    close: async () => {
      for (const server of servers) server.closeAllConnections?.();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
