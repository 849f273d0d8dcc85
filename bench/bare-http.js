#!/usr/bin/env node
/**
 * A second floor for the versus bench (BENCH_FLOOR=http): bench/bare-undici.js's work done with
 * Node's own `node:http` client instead of undici, so that the bench can tell whether the
 * distance to linkinator is undici's or any Node client's. `node bench/bare-http.js PAGE_URL
 * CONCURRENCY`: fetches the page, takes its links with one regular expression, orders them
 * round-robin by host, requests each through one keep-alive Agent, CONCURRENCY in flight, reads
 * each body, and prints `{"totals":{"byStatus":{…}}}` as citecheck's JSON does.
 */
import http from 'node:http';
import { countStatuses, linksRoundRobin } from './floor-work.js';

const [pageUrl, concurrency = '100'] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true });
const send = (href) =>
  new Promise((resolve, reject) => {
    const req = http.get(href, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ statusCode: res.statusCode, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });

const page = (await send(pageUrl)).body;
const byStatus = await countStatuses(
  linksRoundRobin(page),
  Number(concurrency),
  async (url) => (await send(url)).statusCode,
);
process.stdout.write(JSON.stringify({ totals: { byStatus } }));
agent.destroy();
