#!/usr/bin/env node
/**
 * Site-audit benchmark (`npm run bench -- site`): a generated WordPress export checked by the
 * CLI, as a user runs it, against 200 local hosts (127.0.0.10–.209, in their own process).
 *
 *   site:  20,000 posts, 100,000 citations, 20,000 unique URLs (each cited 5 times)
 *   small:    400 posts,   2,000 citations,  2,000 unique URLs
 *
 * Each run is `node bin/citecheck.js check export.xml --report json:… --report html:…` in a
 * fresh process (terminal report to /dev/null); printed: wall time, CPU time, peak RSS of the
 * whole process (getrusage, via bench/rss-probe.js), unique URLs and citations per second, the
 * report sizes and the HTML report's open time in headless Chromium. Medians of BENCH_RUNS
 * (default 3) runs. Prints figures, asserts nothing, deletes its files.
 */
import { fork, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasChromium, htmlOpenMs } from './html-open.js';
import { writeSiteExport } from './site-export.js';
import { median } from './stats.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(HERE, '..', 'bin', 'citecheck.js');
const HOSTS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Limits of the bench runs: 64 in flight, 4 per host, 20 ms between starts to one host. */
const LIMITS = ['--concurrency', '64', '--host-concurrency', '4', '--host-interval', '20ms'];

const SCENARIOS = [
  { name: 'small', posts: 400, citationsPerPost: 5, uniqueUrls: 2_000 },
  { name: 'site', posts: 20_000, citationsPerPost: 5, uniqueUrls: 20_000 },
];

async function startServers() {
  const proc = fork(path.join(HERE, 'site-servers.js'), [String(HOSTS)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { origins } = await new Promise((resolve, reject) => {
    proc.once('message', resolve);
    proc.once('exit', (code) => reject(new Error(`servers exited (${code})`)));
  });
  return {
    origins,
    stop: () => {
      proc.send('stop');
      return new Promise((resolve) => proc.once('exit', resolve));
    },
  };
}

/** One CLI run in a fresh process: wall and CPU time, peak RSS, exit code. */
async function runCli(file, dir) {
  const rssFile = path.join(dir, 'rss');
  const json = path.join(dir, 'report.json');
  const html = path.join(dir, 'report.html');
  const args = ['--import', path.join(HERE, 'rss-probe.js'), CLI, 'check', file, '--allow-private', '--no-progress'];
  args.push(...LIMITS, '--report', `json:${json}`, '--report', `html:${html}`);
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, CITECHECK_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  const wallMs = performance.now() - started;
  if (code !== 0 && code !== 1) throw new Error(`citecheck exited ${code}: ${stderr.trim().split('\n').at(-1)}`);
  const usage = JSON.parse(await readFile(rssFile, 'utf8'));
  return {
    wallMs,
    cpuMs: usage.cpuMs,
    maxRssMb: usage.maxRssKb / 1024,
    jsonMb: (await stat(json)).size / 1024 / 1024,
    htmlMb: (await stat(html)).size / 1024 / 1024,
    html,
    report: JSON.parse(await readFile(json, 'utf8')).totals,
  };
}

async function benchScenario(scenario, origins, dir) {
  const file = path.join(dir, `${scenario.name}.WordPress.xml`);
  const { bytes, citations } = await writeSiteExport(file, { ...scenario, origins });
  console.log(
    `\nsite: ${scenario.name}: ${scenario.posts} posts, ${citations} citations, ${scenario.uniqueUrls} unique URLs over ${HOSTS} local hosts (export ${(bytes / 1024 / 1024).toFixed(1)} MB)`,
  );
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runCli(file, dir));
  const wall = median(runs.map((r) => r.wallMs));
  const rss = median(runs.map((r) => r.maxRssMb));
  const totals = runs[0].report;
  console.log(`  limits: ${LIMITS.join(' ')} (median of ${RUNS} fresh processes)`);
  console.log(
    `  wall time: ${(wall / 1000).toFixed(1)} s   runs: ${runs.map((r) => (r.wallMs / 1000).toFixed(1)).join(', ')} s   CPU (user+sys): ${(median(runs.map((r) => r.cpuMs)) / 1000).toFixed(1)} s`,
  );
  console.log(
    `  peak RSS of the whole check: ${rss.toFixed(0)} MB (aim < 500 MB)   runs: ${runs.map((r) => r.maxRssMb.toFixed(0)).join(', ')} MB`,
  );
  console.log(
    `  links/s: ${((totals.uniqueUrls / wall) * 1000).toFixed(0)} unique URLs/s, ${((totals.citations / wall) * 1000).toFixed(0)} citations/s (whole run: read, extract, check, report)`,
  );
  console.log(
    `  report: ${totals.posts} posts, ${totals.citations} citations, byStatus ${JSON.stringify(Object.fromEntries(Object.entries(totals.byStatus).filter(([, n]) => n > 0)))}; JSON ${runs[0].jsonMb.toFixed(1)} MB, HTML ${runs[0].htmlMb.toFixed(1)} MB`,
  );
  if (!hasChromium) {
    console.log('  HTML open time: skipped (no /usr/bin/chromium)');
    return;
  }
  const opens = [];
  for (let i = 0; i < RUNS; i++) opens.push(await htmlOpenMs(runs[0].html));
  console.log(
    `  HTML report open time in headless Chromium: ${(median(opens) / 1000).toFixed(2)} s (aim < 3 s)   runs: ${opens.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`,
  );
}

/** Runs the site scenarios (or the one named) and prints the figures. */
export async function benchSite(only) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'citecheck-site-bench-'));
  const servers = await startServers();
  try {
    for (const scenario of SCENARIOS) {
      if (only && only !== scenario.name) continue;
      await benchScenario(scenario, servers.origins, dir);
    }
  } finally {
    await servers.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchSite(process.argv[2]);
