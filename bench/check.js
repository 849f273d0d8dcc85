#!/usr/bin/env node
/**
 * Checking-engine benchmark (`npm run bench`, or `node bench/check.js` after `npx tsc -p .`).
 *
 * Scenario 1: 20 local hosts (127.0.0.10–.29) × 50 URLs, every answer after 50 ms. citecheck
 * runs with allowPrivate and the limits below; we print wall time, the ideal time those
 * limits allow, their ratio, requests/s and the checker's peak RSS (median of 3 runs, each in
 * a fresh process so peak RSS is its own).
 * Scenario 2: the same hosts enforcing 5 requests/s each (429 beyond that), citecheck set to
 * match (hostIntervalMs 200): how many 429s we provoked and how many links ended ok.
 *
 * Servers run in a child process so their CPU and memory are not the checker's. Prints
 * figures, asserts nothing, stops by itself.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';

const SELF = fileURLToPath(import.meta.url);
const HOSTS = Array.from({ length: 20 }, (_, i) => `127.0.0.${10 + i}`);
const URLS_PER_HOST = 50;
const LATENCY_MS = 50;
const RUNS = 3;
const HARD_LIMIT_MS = 120_000;

/** Limits of scenario 1: the global cap does not bind (20 hosts × 4 ≤ 128), the hosts do. */
const FAST = { concurrency: 128, hostConcurrency: 4, hostIntervalMs: 10 };
/** Scenario 2: the servers allow 5 req/s per host; citecheck is configured to match. */
const POLITE = { concurrency: 128, hostConcurrency: 4, hostIntervalMs: 200 };
const RATE_PER_SECOND = 5;
// The servers' rolling one-second window forgives 10 ms of loopback arrival jitter, as a
// real limiter counting in coarse time would.
const RATE_WINDOW_SLACK_MS = 10;

// ---------------------------------------------------------------------------------------
// Child: the servers
// ---------------------------------------------------------------------------------------

async function serve(rateLimited) {
  const stats = { requests: 0, tooMany: 0 };
  const servers = [];
  const origins = [];
  for (const host of HOSTS) {
    let recent = [];
    const server = createServer((req, res) => {
      stats.requests += 1;
      const now = performance.timeOrigin + performance.now();
      if (rateLimited) {
        recent = recent.filter((t) => t > now - 1000 + RATE_WINDOW_SLACK_MS);
        recent.push(now);
        if (recent.length > RATE_PER_SECOND) {
          stats.tooMany += 1;
          res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/html' });
          res.end('<title>Too Many Requests</title>');
          return;
        }
      }
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><title>Page ${req.url}</title><h1>Story</h1><p>Body text.</p>`);
      }, LATENCY_MS);
    });
    server.keepAliveTimeout = 10_000;
    await new Promise((resolve) => server.listen(0, host, resolve));
    servers.push(server);
    origins.push(`http://${host}:${server.address().port}`);
  }
  process.send({ origins });
  process.on('message', (msg) => {
    if (msg === 'stats') process.send({ stats: { ...stats } });
    if (msg === 'reset') {
      stats.requests = 0;
      stats.tooMany = 0;
    }
    if (msg === 'stop') {
      for (const s of servers) s.closeAllConnections?.();
      Promise.all(servers.map((s) => new Promise((r) => s.close(r)))).then(() => process.exit(0));
    }
  });
}

// ---------------------------------------------------------------------------------------
// Child: one checking run
// ---------------------------------------------------------------------------------------

async function runOnce(origins, limits, warm) {
  const { checkTargets } = await import('../dist/check/index.js');
  const { DEFAULTS } = await import('../dist/config/defaults.js');
  const targets = origins.flatMap((origin) =>
    Array.from({ length: URLS_PER_HOST }, (_, i) => ({ url: `${origin}/story/${i}`, fragments: [], quotes: [] })),
  );
  const options = { ...DEFAULTS, ...limits, allowPrivate: true, retries: 3, retryBaseDelayMs: 200 };
  // A cold process spends a few hundred ms compiling the request path (bare undici shows the
  // same), which is start-up cost, not scheduling. Each measuring process first runs the same
  // workload on other paths, then the timed run; the cold figure is printed beside it.
  let coldMs;
  if (warm) {
    const warmTargets = targets.map((t) => ({ ...t, url: t.url.replace('/story/', '/warm-up/') }));
    const coldStarted = performance.now();
    await checkTargets(warmTargets, options);
    coldMs = performance.now() - coldStarted;
  }
  const started = performance.now();
  const run = await checkTargets(targets, options);
  const wallMs = performance.now() - started;
  const byStatus = {};
  for (const r of run.results.values()) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const requests = run.hosts.reduce((n, h) => n + h.requests, 0);
  process.send({
    wallMs,
    coldMs,
    requests,
    byStatus,
    maxRssKb: process.resourceUsage().maxRSS,
    hosts: run.hosts.length,
  });
}

/**
 * The floor on this machine: bare undici, `hostConcurrency` request loops per host, no
 * interval, no checking logic (second of two passes, so warm too).
 */
async function runBare(origins, limits) {
  const { Agent, request } = await import('undici');
  let wallMs = 0;
  for (const pass of ['warm-up', 'story']) {
    const agent = new Agent();
    const started = performance.now();
    await Promise.all(
      origins.map(async (origin) => {
        let next = 0;
        const loop = async () => {
          while (next < URLS_PER_HOST) {
            const response = await request(`${origin}/${pass}/bare-${next++}`, { dispatcher: agent });
            await response.body.text();
          }
        };
        await Promise.all(Array.from({ length: limits.hostConcurrency }, loop));
      }),
    );
    wallMs = performance.now() - started;
    await agent.close();
  }
  process.send({ wallMs });
}

// ---------------------------------------------------------------------------------------
// Parent
// ---------------------------------------------------------------------------------------

function child(args) {
  const proc = fork(SELF, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const killer = setTimeout(() => proc.kill('SIGKILL'), HARD_LIMIT_MS);
  proc.on('exit', () => clearTimeout(killer));
  return proc;
}

function nextMessage(proc, key) {
  return new Promise((resolve, reject) => {
    const onMessage = (msg) => {
      if (msg && key in msg) {
        proc.off('message', onMessage);
        resolve(msg[key] === undefined ? msg : msg);
      }
    };
    proc.on('message', onMessage);
    proc.once('exit', (code) => reject(new Error(`child exited (${code}) before sending ${key}`)));
  });
}

async function measure(origins, limits, mode = '--run', warm = true) {
  const proc = child([mode, JSON.stringify({ origins, limits, warm })]);
  const result = await nextMessage(proc, 'wallMs');
  await new Promise((resolve) => proc.once('exit', resolve));
  return result;
}

/** Ideal wall time the limits allow: per host, the slower of the interval and concurrency bounds. */
function idealMs(limits, hosts) {
  const perHostInterval = (URLS_PER_HOST - 1) * limits.hostIntervalMs + LATENCY_MS;
  const perHostConcurrency = Math.ceil(URLS_PER_HOST / limits.hostConcurrency) * LATENCY_MS;
  const globalBound = Math.ceil((URLS_PER_HOST * hosts) / limits.concurrency) * LATENCY_MS;
  return Math.max(perHostInterval, perHostConcurrency, globalBound);
}

async function withServers(rateLimited, body) {
  const proc = child(['--serve', rateLimited ? 'limited' : 'open']);
  const { origins } = await nextMessage(proc, 'origins');
  try {
    return await body(origins, async () => {
      proc.send('stats');
      return (await nextMessage(proc, 'stats')).stats;
    });
  } finally {
    proc.send('stop');
    await new Promise((resolve) => proc.once('exit', resolve));
  }
}

/** Runs both scenarios and prints the figures. */
export async function benchCheck() {
  const total = HOSTS.length * URLS_PER_HOST;
  console.log(`\ncheck: ${HOSTS.length} hosts × ${URLS_PER_HOST} URLs, ${LATENCY_MS} ms server latency`);
  await withServers(false, async (origins) => {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(origins, FAST));
    const wall = median(runs.map((r) => r.wallMs));
    const ideal = idealMs(FAST, origins.length);
    const requests = median(runs.map((r) => r.requests));
    console.log(
      `  limits: concurrency ${FAST.concurrency}, per host ${FAST.hostConcurrency} in flight, ${FAST.hostIntervalMs} ms between starts`,
    );
    console.log(
      `  wall time (median of ${RUNS}, warm): ${wall.toFixed(0)} ms   runs: ${runs.map((r) => r.wallMs.toFixed(0)).join(', ')} ms`,
    );
    console.log(`  cold first pass (median, incl. JIT warm-up): ${median(runs.map((r) => r.coldMs)).toFixed(0)} ms`);
    const bare = await measure(origins, FAST, '--bare');
    console.log(`  ideal time for these limits:  ${ideal} ms   ratio: ${(wall / ideal).toFixed(2)}× (aim ≤ 1.25×)`);
    console.log(
      `  floor here: bare undici, ${FAST.hostConcurrency} loops per host, no interval: ${bare.wallMs.toFixed(0)} ms (${(bare.wallMs / ideal).toFixed(2)}× ideal)`,
    );
    console.log(
      `  requests/s: ${((requests / wall) * 1000).toFixed(0)}   statuses: ${JSON.stringify(runs.at(-1).byStatus)}`,
    );
    console.log(`  peak RSS of the checker (median): ${(median(runs.map((r) => r.maxRssKb)) / 1024).toFixed(1)} MB`);
  });

  console.log(
    `\ncheck: servers enforce ${RATE_PER_SECOND} req/s per host (429 beyond, 1 s window); citecheck hostIntervalMs ${POLITE.hostIntervalMs}`,
  );
  await withServers(true, async (origins, stats) => {
    // No warm-up pass here: its requests would still count in the servers' one-second windows.
    const run = await measure(origins, POLITE, '--run', false);
    const server = await stats();
    console.log(
      `  429s provoked: ${server.tooMany}   links ok: ${run.byStatus.ok ?? 0}/${total}   statuses: ${JSON.stringify(run.byStatus)}`,
    );
    console.log(
      `  wall time: ${run.wallMs.toFixed(0)} ms   ideal: ${idealMs(POLITE, origins.length)} ms   requests: ${server.requests}`,
    );
  });
}

const [, , mode, arg] = process.argv;
if (mode === '--serve') await serve(arg === 'limited');
else if (mode === '--run') {
  const { origins, limits, warm } = JSON.parse(arg);
  await runOnce(origins, limits, warm);
} else if (mode === '--bare') {
  const { origins, limits } = JSON.parse(arg);
  await runBare(origins, limits);
} else if (process.argv[1] === SELF) await benchCheck();
