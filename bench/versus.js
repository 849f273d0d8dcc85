#!/usr/bin/env node
/**
 * citecheck against linkinator@6, as a user runs them (`npm run bench`, or
 * `node bench/versus.js` after `npm run build`).
 *
 * A page of 2,000 links (40 local hosts 127.0.0.100–.139 × 50 URLs, every answer after 50 ms)
 * is served over loopback from 127.0.0.99; each tool is started as a process on the page's
 * URL, so start-up, fetching and extracting the page are in its time, as they are for a user.
 *
 * Scenario 1, limits opened (100 in flight, no per-host cap, no interval) for both tools, the
 * links grouped by host and interleaved across hosts: wall time (median of RUNS runs, tools
 * alternating), when the first link request reached a host, peak RSS, the ratio
 * linkinator / citecheck. The bound the limits allow: 2,000 × 50 ms / 100 = 1.0 s. A third row,
 * the bare undici floor (bench/bare-undici.js: the same page and requests from undici alone, no
 * citecheck code), says how far either tool is from what Node can do on this machine.
 * Scenario 2, polite: the hosts answer 429 (Retry-After: 1) beyond 5 requests per second;
 * citecheck runs with --host-interval 200ms. The bound: per host (n − 1) · interval + latency
 * = 9.85 s, counted from the first link request. Prints the 429s provoked, statuses, and
 * per-host gaps between request starts as the servers saw them.
 *
 * Servers run in a child process so their CPU is not the tools'. Prints figures, asserts
 * nothing, stops by itself.
 */
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getPriority, setPriority, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageHtml } from './bench-page.js';
import { median } from './stats.js';

const SELF = fileURLToPath(import.meta.url);
// linkinator's command line sits beside its main module (package.json "bin").
const LINKINATOR_CLI = join(dirname(fileURLToPath(import.meta.resolve('linkinator'))), 'cli.js');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE_HOST = '127.0.0.99';
const HOSTS = Array.from({ length: 40 }, (_, i) => `127.0.0.${100 + i}`);
const PER_HOST = 50;
const LATENCY_MS = 50;
const CONCURRENCY = 100;
const RATE_PER_SECOND = 5;
const POLITE_INTERVAL_MS = 200;
// The servers' rolling one-second window forgives 10 ms of loopback arrival jitter, as a
// real limiter counting in coarse time would.
const RATE_WINDOW_SLACK_MS = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_ONLY=open or BENCH_ONLY=polite runs one scenario (while working on one).
const ONLY = process.env.BENCH_ONLY;
const HARD_LIMIT_MS = 120_000;
// BENCH_BEFORE=path/to/bin/citecheck.js adds another build of citecheck (say, main's, built in
// another directory) as a third tool in the same runs, for before/after figures.
const BEFORE_BIN = process.env.BENCH_BEFORE;
// The floor: the same requests from a bare undici script (bench/bare-undici.js), no citecheck
// code, in the same runs (limits opened only). BENCH_FLOOR=0 leaves it out; BENCH_FLOOR=http
// takes Node's own client instead (bench/bare-http.js), to tell undici's cost from Node's.
const FLOOR_KIND = process.env.BENCH_FLOOR === 'http' ? 'node:http' : 'undici';
const FLOOR_SCRIPT = join(ROOT, FLOOR_KIND === 'undici' ? 'bench/bare-undici.js' : 'bench/bare-http.js');
const WITH_FLOOR = process.env.BENCH_FLOOR !== '0';
const TOOLS = ['citecheck', 'linkinator', ...(BEFORE_BIN ? ['before'] : [])];
const OPEN_TOOLS = [...TOOLS, ...(WITH_FLOOR ? ['floor'] : [])];
/** How a tool is named in the figures. */
const LABEL = { floor: `bare ${FLOOR_KIND} floor` };
const label = (tool) => (LABEL[tool] ?? tool).padEnd(17);
const now = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------------------

/** The 2,000 links, grouped by host (all of host 1, then host 2…) or interleaved. */
function linkOrder(origins, order) {
  const links = [];
  if (order === 'grouped') {
    for (const origin of origins) for (let i = 0; i < PER_HOST; i++) links.push(`${origin}/story/${i}`);
  } else {
    for (let i = 0; i < PER_HOST; i++) for (const origin of origins) links.push(`${origin}/story/${i}`);
  }
  return links;
}

// ---------------------------------------------------------------------------------------
// Child: the servers
// ---------------------------------------------------------------------------------------

async function serve() {
  // Real servers run on other machines, not behind the tools' and other jobs' CPU: on a shared
  // 2-core machine at load 8 the servers' event loop ran up to 240 ms late, stamped polite
  // requests late, saw their gaps shrink, and refused them. A higher priority (when allowed:
  // root or CAP_SYS_NICE) keeps the servers' clock closer to the wire, for both tools alike.
  try {
    setPriority(-10);
  } catch {
    // Not allowed: the servers run at the default priority; the lag figures say how late.
  }
  let rateLimited = false;
  let hits = [];
  let tooMany = 0;
  let connections = 0;
  const servers = [];
  const origins = [];
  // How late the servers' own event loop ran: a request stamped late shortens the gap the
  // servers see before the next one, and their rate limit can then refuse a polite client.
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const listen = async (host, handler) => {
    const server = createServer(handler);
    server.keepAliveTimeout = 10_000;
    if (host !== PAGE_HOST) server.on('connection', () => (connections += 1));
    await new Promise((resolve) => server.listen(0, host, resolve));
    servers.push(server);
    return `http://${host}:${server.address().port}`;
  };
  // Each host's rolling window of request starts, emptied between runs (below).
  const windows = HOSTS.map(() => []);
  for (const [index, host] of HOSTS.entries()) {
    const origin = await listen(host, (req, res) => {
      const start = now();
      if (rateLimited) {
        const recent = windows[index].filter((t) => t > start - 1000 + RATE_WINDOW_SLACK_MS);
        windows[index] = recent;
        recent.push(start);
        if (recent.length > RATE_PER_SECOND) {
          tooMany += 1;
          hits.push([index, start, 429]);
          res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/html' });
          res.end('<title>Too Many Requests</title>');
          return;
        }
      }
      hits.push([index, start, 200]);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><title>Story ${req.url}</title><h1>Story</h1><p>Body text.</p>`);
      }, LATENCY_MS);
    });
    origins.push(origin);
  }
  const pages = {
    grouped: pageHtml(linkOrder(origins, 'grouped')),
    interleaved: pageHtml(linkOrder(origins, 'interleaved')),
  };
  const pageOrigin = await listen(PAGE_HOST, (req, res) => {
    const page = pages[req.url.slice(1).replace(/\.html$/, '')];
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? 'not found');
  });
  process.send({ origins, pageOrigin, priority: getPriority() });
  process.on('message', (msg) => {
    if (msg.mode !== undefined) {
      rateLimited = msg.mode === 'limited';
      hits = [];
      tooMany = 0;
      connections = 0;
      lag.reset();
      // Servers forget their windows between runs: each run starts with fresh limits. (The
      // windows were once kept per host in a closure and never emptied: a run started within a
      // second of the other tool's got 429s for that tool's last requests.)
      for (const w of windows) w.length = 0;
      for (const s of servers) s.closeAllConnections();
      process.send({ ready: true });
    }
    if (msg === 'stats')
      process.send({
        stats: { hits, tooMany, connections, lagMs: { p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 } },
      });
    if (msg === 'stop') {
      for (const s of servers) s.closeAllConnections();
      Promise.all(servers.map((s) => new Promise((r) => s.close(r)))).then(() => process.exit(0));
    }
  });
}

// ---------------------------------------------------------------------------------------
// Parent
// ---------------------------------------------------------------------------------------

function nextMessage(proc, key) {
  return new Promise((resolve, reject) => {
    const onExit = (code) => reject(new Error(`server child exited (${code}) before sending ${key}`));
    const onMessage = (msg) => {
      if (msg && typeof msg === 'object' && key in msg) {
        proc.off('message', onMessage);
        proc.off('exit', onExit);
        resolve(msg);
      }
    };
    proc.on('message', onMessage);
    proc.once('exit', onExit);
  });
}

/** The command line of each tool for a page URL. */
function commandFor(tool, pageUrl, polite) {
  if (tool === 'floor') return [FLOOR_SCRIPT, pageUrl, String(CONCURRENCY)];
  if (tool === 'citecheck' || tool === 'before') {
    const limits = polite
      ? ['--host-concurrency', '4', '--host-interval', `${POLITE_INTERVAL_MS}ms`]
      : ['--host-concurrency', String(CONCURRENCY), '--host-interval', '0'];
    return [
      tool === 'before' ? BEFORE_BIN : join(ROOT, 'bin/citecheck.js'),
      'check',
      pageUrl,
      '--allow-private',
      '--no-config',
      '--no-progress',
      '--format',
      'json',
      '--concurrency',
      String(CONCURRENCY),
      ...limits,
    ];
  }
  return [
    LINKINATOR_CLI,
    pageUrl,
    '--format',
    'json',
    '--concurrency',
    String(CONCURRENCY),
    ...(polite ? ['--retry'] : []),
  ];
}

/** Statuses of the links (the page itself left out) from each tool's JSON on stdout. */
function statusesOf(tool, stdout, pageUrl) {
  const counts = {};
  try {
    const json = JSON.parse(stdout);
    if (tool !== 'linkinator') Object.assign(counts, json.totals.byStatus);
    else
      for (const link of json.links)
        if (link.url !== pageUrl) counts[link.state.toLowerCase()] = (counts[link.state.toLowerCase()] ?? 0) + 1;
  } catch {
    counts.unreadable = 1;
  }
  return counts;
}

/**
 * CPU time of each thread of a running process so far, by thread id (Linux /proc; an empty map
 * elsewhere). The main thread is the one whose id is the process id: its CPU is the critical
 * path of a one-event-loop tool, while V8's GC and compiler threads (and a worker) may use the
 * second core beside it.
 */
function threadCpuMs(pid, into) {
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks (100 a second on Linux).
      into.set(tid, (Number(fields[11]) + Number(fields[12])) * 10);
    }
  } catch {
    // The process has exited (or there is no /proc): the last reading stands.
  }
}

/** Runs one tool as a process; wall time from spawn to exit, peak RSS from a preload. */
async function runTool(tool, pageUrl, polite) {
  const dir = mkdtempSync(join(tmpdir(), 'citecheck-bench-'));
  const rssFile = join(dir, 'rss');
  const started = now();
  const proc = spawn(
    process.execPath,
    ['--import', join(ROOT, 'bench/rss-probe.js'), ...commandFor(tool, pageUrl, polite)],
    {
      cwd: dir,
      env: { ...process.env, CITECHECK_RSS_FILE: rssFile, NO_COLOR: '1', GITHUB_ACTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const killer = setTimeout(() => proc.kill('SIGKILL'), HARD_LIMIT_MS);
  const threads = new Map();
  const sampler = setInterval(() => threadCpuMs(proc.pid, threads), 10);
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d) => (stdout += d));
  proc.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise((resolve) => proc.once('close', resolve));
  const ended = now();
  clearTimeout(killer);
  clearInterval(sampler);
  // Read up to the last sample before exit (up to 10 ms of CPU may be missed).
  const mainCpuMs = threads.size > 0 ? (threads.get(String(proc.pid)) ?? NaN) : NaN;
  let maxRssKb = NaN;
  let cpuMs = NaN;
  let mainWaitMs = NaN;
  let threadsMs = {};
  try {
    ({ maxRssKb, cpuMs, mainWaitMs = NaN, threadsMs = {} } = JSON.parse(readFileSync(rssFile, 'utf8')));
  } catch {
    // The probe did not write (killed): RSS unknown.
  }
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0 && code !== 1) console.log(`  (${tool} exited ${code}: ${stderr.trim().split('\n').at(-1)})`);
  return {
    started,
    ended,
    wallMs: ended - started,
    cpuMs,
    mainCpuMs,
    mainWaitMs,
    threadGroupsMs: threadGroups(threadsMs),
    maxRssKb,
    statuses: statusesOf(tool, stdout, pageUrl),
  };
}

const ms = (x) => `${Math.round(x)} ms`;

/**
 * The probe's per-thread CPU (keyed by rank of creation; see rss-probe.js) in three
 * groups: the main thread, V8's platform threads (1–5: GC and compiler workers and their
 * scheduler), and the rest (libuv's threadpool for fs and DNS, the inspector's thread).
 */
function threadGroups(threadsMs) {
  const groups = { main: 0, v8: 0, other: 0 };
  for (const [offset, cpu] of Object.entries(threadsMs)) {
    const n = Number(offset);
    groups[n === 0 ? 'main' : n <= 5 ? 'v8' : 'other'] += cpu;
  }
  return groups;
}

/** Timing as the servers saw it: first link request, last one, per-host start gaps. */
function serverView(hits, started) {
  const perHost = new Map();
  for (const [host, at] of hits) {
    if (!perHost.has(host)) perHost.set(host, []);
    perHost.get(host).push(at);
  }
  const gaps = [];
  const spans = [];
  const firsts = [];
  let first = Infinity;
  let last = -Infinity;
  for (const starts of perHost.values()) {
    starts.sort((a, b) => a - b);
    first = Math.min(first, starts[0]);
    firsts.push(starts[0]);
    last = Math.max(last, starts.at(-1));
    spans.push(starts.at(-1) - starts[0]);
    for (let i = 1; i < starts.length; i++) gaps.push(starts[i] - starts[i - 1]);
  }
  const meanGap = gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : NaN;
  gaps.sort((a, b) => a - b);
  const pct = (p) => gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))];
  return {
    firstRequestMs: first - started,
    lastStartMs: last - started,
    gaps: gaps.length ? { min: gaps[0], p50: pct(0.5), p90: pct(0.9), max: gaps.at(-1), mean: meanGap } : undefined,
    maxSpanMs: Math.max(...spans),
    // How far apart the hosts' first requests were: a late first request delays its host's end.
    firstSpreadMs: Math.max(...firsts) - Math.min(...firsts),
  };
}

async function withServers(body) {
  const proc = fork(SELF, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { origins, pageOrigin, priority } = await nextMessage(proc, 'origins');
  console.log(`  servers: one child process at priority ${priority} (0 is the default; lower runs first)`);
  const reset = async (mode) => {
    proc.send({ mode });
    await nextMessage(proc, 'ready');
  };
  const stats = async () => {
    proc.send('stats');
    return (await nextMessage(proc, 'stats')).stats;
  };
  try {
    return await body({ origins, pageOrigin, reset, stats });
  } finally {
    proc.send('stop');
    await new Promise((resolve) => proc.once('exit', resolve));
  }
}

/** Both scenarios; prints the figures. */
export async function benchVersus() {
  const total = HOSTS.length * PER_HOST;
  console.log(
    `\nversus linkinator@6: a page of ${total} links, ${HOSTS.length} local hosts × ${PER_HOST}, ${LATENCY_MS} ms latency, each tool a process on the page's URL`,
  );
  await withServers(async ({ pageOrigin, reset, stats }) => {
    console.log(
      `  limits opened: ${CONCURRENCY} in flight, no per-host cap or interval (bound ${ms((total * LATENCY_MS) / CONCURRENCY)} + start-up); median of ${RUNS}, tools alternating`,
    );
    for (const order of ONLY === 'polite' ? [] : ['grouped', 'interleaved']) {
      const pageUrl = `${pageOrigin}/${order}.html`;
      const runs = Object.fromEntries(OPEN_TOOLS.map((tool) => [tool, []]));
      for (let i = 0; i < RUNS; i++) {
        for (const tool of i % 2 ? [...OPEN_TOOLS].reverse() : OPEN_TOOLS) {
          await reset('open');
          const run = await runTool(tool, pageUrl, false);
          const server = await stats();
          runs[tool].push({ ...run, connections: server.connections, view: serverView(server.hits, run.started) });
        }
      }
      const wall = {};
      for (const tool of OPEN_TOOLS) {
        const list = runs[tool];
        wall[tool] = median(list.map((r) => r.wallMs));
        const firstAt = median(list.map((r) => r.view.firstRequestMs));
        const checking = median(list.map((r) => r.ended - r.started - r.view.firstRequestMs));
        console.log(
          `  ${order.padEnd(11)} ${label(tool)} wall ${ms(wall[tool]).padStart(8)} (runs ${list.map((r) => Math.round(r.wallMs)).join(', ')})  first link request at ${ms(firstAt)}, then ${ms(checking)} to exit  CPU ${ms(median(list.map((r) => r.cpuMs)))} (main thread ${ms(median(list.map((r) => r.mainCpuMs)))})  connections ${median(list.map((r) => r.connections))}  peak RSS ${(median(list.map((r) => r.maxRssKb)) / 1024).toFixed(0)} MB  ${JSON.stringify(list.at(-1).statuses)}`,
        );
      }
      console.log(
        `  ${order.padEnd(11)} ratio linkinator / citecheck: ${(wall.linkinator / wall.citecheck).toFixed(2)}× (aim ≥ 1.5×)`,
      );
      // How far the aim is from what Node and undici alone do here: linkinator / floor is the
      // most any tool could reach against linkinator on this machine.
      if (WITH_FLOOR)
        console.log(
          `  ${order.padEnd(11)} against the ${LABEL.floor}: citecheck / floor ${(wall.citecheck / wall.floor).toFixed(2)}×, linkinator / floor ${(wall.linkinator / wall.floor).toFixed(2)}× (the best ratio reachable here); citecheck over the floor ${ms(wall.citecheck - wall.floor)}`,
        );
      // Where the process CPU went, by thread group at exit (medians; 10 ms ticks).
      console.log(
        `  ${order.padEnd(11)} CPU by thread at exit: ${OPEN_TOOLS.map((tool) => `${tool} ${['main', 'v8', 'other'].map((g) => `${g} ${ms(median(runs[tool].map((r) => r.threadGroupsMs[g])))}`).join(' / ')}`).join('; ')}`,
      );
      // On a shared machine the wall is mostly time spent waiting for a CPU. Wall minus the main
      // thread's run-queue wait is what the run would have taken had its main thread never been
      // kept off a CPU: a rough figure (the servers' and the tools' other threads still wait),
      // steadier than the wall under load. Linux only.
      const unwaited = Object.fromEntries(
        OPEN_TOOLS.map((tool) => [tool, median(runs[tool].map((r) => r.wallMs - r.mainWaitMs))]),
      );
      if (Number.isFinite(unwaited.citecheck) && Number.isFinite(unwaited.linkinator))
        console.log(
          `  ${order.padEnd(11)} wall less the main thread's run-queue wait: ${OPEN_TOOLS.map((tool) => `${tool} ${ms(unwaited[tool])} (waited ${ms(median(runs[tool].map((r) => r.mainWaitMs)))})`).join(', ')}; ratio linkinator / citecheck ${(unwaited.linkinator / unwaited.citecheck).toFixed(2)}×${BEFORE_BIN ? `, before / citecheck ${(unwaited.before / unwaited.citecheck).toFixed(2)}×` : ''}`,
        );
      if (BEFORE_BIN)
        console.log(
          `  ${order.padEnd(11)} ratio linkinator / before: ${(wall.linkinator / wall.before).toFixed(2)}×; before / citecheck: ${(wall.before / wall.citecheck).toFixed(2)}×`,
        );
    }

    if (ONLY === 'open') return;
    const boundMs = (PER_HOST - 1) * POLITE_INTERVAL_MS + LATENCY_MS;
    console.log(
      `\n  polite: hosts answer 429 beyond ${RATE_PER_SECOND} req/s; citecheck --host-interval ${POLITE_INTERVAL_MS}ms, linkinator --retry; bound per host (n−1)·interval + latency = ${ms(boundMs)}`,
    );
    const pageUrl = `${pageOrigin}/interleaved.html`;
    const politeRuns = Math.max(1, Math.min(RUNS, 3));
    // Tools alternate run by run, as above: a load that comes and goes then falls on each alike.
    const politeLists = Object.fromEntries(TOOLS.map((tool) => [tool, []]));
    for (let i = 0; i < politeRuns; i++) {
      for (const tool of i % 2 ? [...TOOLS].reverse() : TOOLS) {
        await reset('limited');
        const run = await runTool(tool, pageUrl, true);
        const server = await stats();
        politeLists[tool].push({
          ...run,
          tooMany: server.tooMany,
          lagMs: server.lagMs,
          view: serverView(server.hits, run.started),
        });
      }
    }
    for (const tool of TOOLS) {
      const list = politeLists[tool];
      const wall = median(list.map((r) => r.wallMs));
      const fromFirst = median(list.map((r) => r.wallMs - r.view.firstRequestMs));
      const span = median(list.map((r) => r.view.lastStartMs - r.view.firstRequestMs + LATENCY_MS));
      const gaps = list.at(-1).view.gaps;
      console.log(
        `  ${tool.padEnd(10)} wall ${ms(wall)} (runs ${list.map((r) => Math.round(r.wallMs)).join(', ')}); from the first link request to exit ${ms(fromFirst)} = ${(fromFirst / boundMs).toFixed(2)}× the bound (aim ≤ 1.10×); first to last request start + latency ${ms(span)} = ${(span / boundMs).toFixed(2)}×`,
      );
      const ratioOf = (r) => ((r.wallMs - r.view.firstRequestMs) / boundMs).toFixed(2);
      console.log(
        `  ${''.padEnd(10)} per run: ${list.map((r) => `${ratioOf(r)}× with ${r.tooMany} 429s (servers' event loop late by p99 ${r.lagMs.p99.toFixed(0)} ms, max ${r.lagMs.max.toFixed(0)} ms)`).join('; ')}`,
      );
      console.log(
        `  ${''.padEnd(10)} 429s provoked ${list.map((r) => r.tooMany).join(', ')}  statuses ${JSON.stringify(list.at(-1).statuses)}  first link request at ${ms(median(list.map((r) => r.view.firstRequestMs)))}  peak RSS ${(median(list.map((r) => r.maxRssKb)) / 1024).toFixed(0)} MB`,
      );
      if (gaps)
        console.log(
          `  ${''.padEnd(10)} per-host gaps between request starts: min ${gaps.min.toFixed(1)} ms, median ${gaps.p50.toFixed(1)} ms, mean ${gaps.mean.toFixed(1)} ms, p90 ${gaps.p90.toFixed(1)} ms, max ${gaps.max.toFixed(1)} ms`,
        );
      console.log(
        `  ${''.padEnd(10)} where the time over the bound went (medians): hosts' first requests spread over ${ms(median(list.map((r) => r.view.firstSpreadMs)))}, slowest host's first to last start ${ms(median(list.map((r) => r.view.maxSpanMs)))} (ideal ${ms(boundMs - LATENCY_MS)}), last request start to exit ${ms(median(list.map((r) => r.ended - r.started - r.view.lastStartMs)))} (latency ${LATENCY_MS} ms)`,
      );
    }
  });
}

const [, , mode] = process.argv;
if (mode === '--serve') await serve();
else if (process.argv[1] === SELF) await benchVersus();
