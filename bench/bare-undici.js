#!/usr/bin/env node
/**
 * The floor for the versus bench: what Node and undici alone take for the same work, with no
 * citecheck code. `node bench/bare-undici.js PAGE_URL CONCURRENCY` fetches the page, takes its
 * links with one regular expression, orders them round-robin by host, requests each with undici's `request()` through one Agent
 * (undici's default keep-alive settings, as citecheck's dispatcher has), CONCURRENCY in flight,
 * reads each body, and prints `{"totals":{"byStatus":{…}}}` as citecheck's JSON does. No
 * extraction, no politeness, no report: the distance to this is citecheck's own overhead.
 */
const { createRequire } = await import('node:module');
const require = createRequire(import.meta.url);
// The Agent and request() from their own files, as citecheck loads its Agent: the floor should
// not pay for undici's index (fetch, WebSocket…) that neither tool needs.
const Agent = require('undici/lib/dispatcher/agent.js');
const request = require('undici/lib/api/api-request.js');

const [pageUrl, concurrency = '100'] = process.argv.slice(2);
const agent = new Agent();
const send = (href) => {
  const url = new URL(href);
  return request.call(agent, { origin: url.origin, path: url.pathname + url.search, method: 'GET' });
};

const page = await (await send(pageUrl)).body.text();
// Round-robin across hosts, as any checker with per-host queues does: in the page's grouped
// order, 100 in flight would be 50 to each of two hosts, one new connection per request.
const byOrigin = new Map();
for (const [, href] of page.matchAll(/href="([^"]+)"/g)) {
  const origin = new URL(href).origin;
  if (!byOrigin.has(origin)) byOrigin.set(origin, []);
  byOrigin.get(origin).push(href);
}
const links = [];
for (let i = 0, added = true; added; i++) {
  added = false;
  for (const list of byOrigin.values())
    if (i < list.length) {
      links.push(list[i]);
      added = true;
    }
}
const byStatus = {};
let next = 0;
async function worker() {
  while (next < links.length) {
    const url = links[next++];
    try {
      const { statusCode, body } = await send(url);
      await body.text();
      const key = statusCode === 200 ? 'ok' : `http-${statusCode}`;
      byStatus[key] = (byStatus[key] ?? 0) + 1;
    } catch {
      byStatus.unreachable = (byStatus.unreachable ?? 0) + 1;
    }
  }
}
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
process.stdout.write(JSON.stringify({ totals: { byStatus } }));
await agent.close();
