#!/usr/bin/env node
/**
 * Archive-lookup benchmark (`npm run bench`, or `node bench/archive.js` after the build).
 *
 * One post citing 2,000 links on 20 local hosts (127.0.0.10–.29, 100 each, answers after
 * 50 ms); 10% of them are dead (404). A local Wayback-compatible archive (demo/wayback.js,
 * answers after 20 ms) holds a capture from before the post for half of the dead links.
 * citecheck runs `check` with --archive never, then with --archive failing against that
 * archive, then again with a warm --cache (links re-checked, archive answers reused). Printed:
 * lookups made (requests to the archive), each run's wall time and the wall time the archive
 * stage added after the checks (medians of 3 runs, each in a fresh process), and the floor the polite default (1 s between archive requests) puts on the same
 * lookups. The archive lane keeps 1 request in flight; its interval is set to 0 here so the
 * figure is the lookups' own cost, not the politeness wait.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWayback } from '../demo/wayback.js';
import { median } from './stats.js';

const SELF = fileURLToPath(import.meta.url);
const HOSTS = Array.from({ length: 20 }, (_, i) => `127.0.0.${10 + i}`);
const LINKS_PER_HOST = 100;
const DEAD_EVERY = 10; // every 10th link is dead: 10%
const LATENCY_MS = 50;
const ARCHIVE_LATENCY_MS = 20;
const ARCHIVE_HOST = '127.0.0.9';
const RUNS = 3;
const HARD_LIMIT_MS = 300_000;
const POST_DATE = '2026-03-01T00:00:00Z';
const LIMITS = { concurrency: 128, hostConcurrency: 4, hostIntervalMs: 10 };

// ---------------------------------------------------------------------------------------
// Child: the sites and the archive
// ---------------------------------------------------------------------------------------

async function serve() {
  const servers = [];
  const origins = [];
  for (const host of HOSTS) {
    const server = createServer((req, res) => {
      const dead = /\/dead\//.test(req.url);
      setTimeout(() => {
        res.writeHead(dead ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><title>${dead ? 'Not found' : 'Story'}</title><p>Body.</p>`);
      }, LATENCY_MS);
    });
    server.keepAliveTimeout = 10_000;
    await new Promise((resolve) => server.listen(0, host, resolve));
    servers.push(server);
    origins.push(`http://${host}:${server.address().port}`);
  }
  const captures = [];
  for (const origin of origins) {
    for (let i = 0; i < LINKS_PER_HOST; i += DEAD_EVERY) {
      // Half of the dead links were archived before the post; the other half never.
      if ((i / DEAD_EVERY) % 2 === 0) captures.push({ url: `${origin}/dead/${i}`, timestamp: '20250601000000' });
    }
  }
  const archive = await startWayback({ host: ARCHIVE_HOST, captures, latencyMs: ARCHIVE_LATENCY_MS });
  process.send({ origins, endpoint: archive.endpoint });
  process.on('message', async (msg) => {
    if (msg === 'stop') {
      for (const s of servers) s.closeAllConnections?.();
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
      await archive.close();
      process.exit(0);
    }
  });
}

// ---------------------------------------------------------------------------------------
// Child: one checking run
// ---------------------------------------------------------------------------------------

async function runOnce({ post, endpoint, archive, cache }) {
  // With a cache, links are still checked every run (max age 0): only the archive's answers
  // are reused, so the runs compare like with like.
  const { runCheck } = await import('../dist/run.js');
  const { DEFAULTS } = await import('../dist/config/defaults.js');
  const archiveHost = new URL(endpoint).host;
  const options = {
    ...DEFAULTS,
    ...LIMITS,
    allowPrivate: true,
    retries: 1,
    retryBaseDelayMs: 200,
    archive,
    archiveEndpoint: endpoint,
    cache,
    cacheMaxAgeMs: 0,
    hosts: { [archiveHost]: { intervalMs: 0 } },
  };
  const started = performance.now();
  let lookupsFrom;
  const report = await runCheck([post], options, { onArchiveLookups: () => (lookupsFrom = performance.now()) });
  const wallMs = performance.now() - started;
  // The archive stage runs after the checks: from its start to the end is the time it added.
  const addedMs = lookupsFrom === undefined ? 0 : performance.now() - lookupsFrom;
  const lookups = report.hosts.find((h) => h.host === archiveHost)?.requests ?? 0;
  const cites = report.posts.flatMap((p) => p.blocks.flatMap((b) => b.citations));
  const archived = cites.filter((c) => c.archive?.status === 'found').length;
  const missing = cites.filter((c) => c.archive?.status === 'missing').length;
  process.send({ wallMs, addedMs, lookups, archived, missing, broken: report.totals.byStatus.broken });
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

function nextMessage(proc) {
  return new Promise((resolve, reject) => {
    proc.once('message', resolve);
    proc.once('exit', (code) => reject(new Error(`child exited (${code}) before answering`)));
  });
}

async function measure(job) {
  const proc = child(['--run', JSON.stringify(job)]);
  const result = await nextMessage(proc);
  await new Promise((resolve) => proc.once('exit', resolve));
  return result;
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

export async function benchArchive() {
  const servers = child(['--serve']);
  const { origins, endpoint } = await nextMessage(servers);
  const dir = await mkdtemp(path.join(tmpdir(), 'citecheck-bench-archive-'));
  try {
    const links = origins.flatMap((origin) =>
      Array.from({ length: LINKS_PER_HOST }, (_, i) =>
        i % DEAD_EVERY === 0 ? `${origin}/dead/${i}` : `${origin}/story/${i}`,
      ),
    );
    const post = path.join(dir, 'post.md');
    const lines = links.map((url, i) => `Claim ${i} is sourced [here](${url}).`);
    await writeFile(post, `---\ndate: ${POST_DATE}\n---\n\n${lines.join('\n\n')}\n`);

    console.log(
      `\nArchive lookups: ${links.length} links on ${HOSTS.length} hosts, ${links.length / DEAD_EVERY} dead (10%), ` +
        `half of them archived; archive answers after ${ARCHIVE_LATENCY_MS} ms, 1 request in flight`,
    );
    const rows = {};
    for (const [name, job] of [
      ['--archive never', { archive: 'never' }],
      ['--archive failing', { archive: 'failing' }],
    ]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure({ post, endpoint, ...job }));
      rows[name] = {
        wallMs: median(runs.map((r) => r.wallMs)),
        addedMs: median(runs.map((r) => r.addedMs)),
        last: runs[runs.length - 1],
      };
    }
    // A warm cache: the first run fills it, the measured runs reuse the archive's answers.
    const cache = path.join(dir, 'cache.json');
    await measure({ post, endpoint, archive: 'failing', cache });
    const warm = [];
    for (let i = 0; i < RUNS; i++) warm.push(await measure({ post, endpoint, archive: 'failing', cache }));
    rows['--archive failing, warm --cache'] = {
      wallMs: median(warm.map((r) => r.wallMs)),
      addedMs: median(warm.map((r) => r.addedMs)),
      last: warm[warm.length - 1],
    };

    // The archive stage runs after the checks, so the time from its start to the end of the run
    // is the time it adds; whole-run times are shown beside it (they carry the machine's noise).
    for (const [name, { wallMs, addedMs, last }] of Object.entries(rows)) {
      const share = ` (${Math.round((addedMs / wallMs) * 100)}% of the run)`;
      console.log(
        `  ${name.padEnd(32)} run ${seconds(wallMs)}, archive stage ${seconds(addedMs)}${share}; lookups made ${last.lookups}` +
          (last.archived + last.missing > 0 ? ` (${last.archived} archived copies, ${last.missing} missing)` : ''),
      );
    }
    const lookups = rows['--archive failing'].last.lookups;
    const dead = links.length / DEAD_EVERY;
    console.log(
      `  ${(lookups / dead).toFixed(2)} lookups per dead link; at the polite default (1 s between archive requests) ` +
        `the same lookups take at least ${seconds(Math.max(0, lookups - 1) * 1000)}`,
    );
  } finally {
    servers.send('stop');
    await new Promise((resolve) => servers.once('exit', resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

const [mode, arg] = process.argv.slice(2);
if (mode === '--serve') await serve();
else if (mode === '--run') await runOnce(JSON.parse(arg));
else if (process.argv[1] === SELF) await benchArchive();
