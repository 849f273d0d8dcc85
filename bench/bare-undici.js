#!/usr/bin/env node
/**
 * The floor for the versus bench: what Node and undici alone take for the same work, with no
 * citecheck code. `node bench/bare-undici.js PAGE_URL CONCURRENCY` fetches the page, takes its
 * links with one regular expression, orders them round-robin by host, requests each with undici's `request()` through one Agent
 * (undici's default keep-alive settings, as citecheck's dispatcher has), CONCURRENCY in flight,
 * reads each body, and prints `{"totals":{"byStatus":{…}}}` as citecheck's JSON does. No
 * extraction, no politeness, no report: the distance to this is citecheck's own overhead.
 */
import { countStatuses, linksRoundRobin } from './floor-work.js';

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
const byStatus = await countStatuses(linksRoundRobin(page), Number(concurrency), async (url) => {
  const { statusCode, body } = await send(url);
  await body.text();
  return statusCode;
});
process.stdout.write(JSON.stringify({ totals: { byStatus } }));
await agent.close();
