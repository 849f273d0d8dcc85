#!/usr/bin/env node
/**
 * The checking engine's own cost per link, without a network (`node bench/engine-alloc.js
 * [DIST_DIR] [RUNS]` after `npm run build`; DIST_DIR another build's dist/ for before/after).
 *
 * checkTargets runs on 2,000 links (40 hosts × 50, the versus page's shape, limits opened)
 * through a dispatcher that answers every request with a small HTML page on the next turn:
 * what remains is citecheck's per-link work (admission, lanes, request, reading, judging,
 * results), not undici's, the kernel's or a server's. Each run is a fresh process with a
 * 128 MB young generation, so no garbage collection happens during the check: the heap grows
 * by what the engine allocated, a figure that does not move with the machine's load (on a
 * shared 2-core machine at load 10 the wall and CPU of the versus bench vary ±40%). CPU is
 * printed too (medians of RUNS); it does move with the load.
 */
import { spawnSync } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';

const SELF = fileURLToPath(import.meta.url);
const LINKS = 2000;

async function once(dist) {
  const { checkTargets } = await import(`${dist}/check/index.js`);
  const { DEFAULTS } = await import(`${dist}/config/defaults.js`);
  const options = { ...DEFAULTS, allowPrivate: true, concurrency: 100, hostConcurrency: 100, hostIntervalMs: 0 };
  const targets = [];
  for (let i = 0; i < LINKS / 40; i++)
    for (let h = 0; h < 40; h++)
      targets.push({ url: `http://127.0.0.${100 + h}:4000/story/${i}`, fragments: [], quotes: [] });
  const controller = { abort() {}, pause() {}, resume() {}, paused: false, aborted: false };
  const dispatcher = {
    dispatch(opts, handler) {
      setImmediate(() => {
        const body = Buffer.from(`<!doctype html><title>Story ${opts.path}</title><h1>Story</h1><p>Body text.</p>`);
        handler.onRequestStart(controller, {});
        handler.onResponseStart(
          controller,
          200,
          { 'content-type': 'text/html; charset=utf-8', connection: 'keep-alive', 'content-length': `${body.length}` },
          'OK',
        );
        handler.onResponseData(controller, body);
        handler.onResponseEnd(controller, {});
      });
      return true;
    },
    async destroy() {},
  };
  const heapBefore = getHeapStatistics().used_heap_size;
  const cpuBefore = process.cpuUsage();
  const run = await checkTargets(targets, options, { dispatcher });
  const cpu = process.cpuUsage(cpuBefore);
  const allocated = getHeapStatistics().used_heap_size - heapBefore;
  const ok = [...run.results.values()].filter((r) => r.status === 'ok').length;
  process.stdout.write(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, allocatedMb: allocated / 2 ** 20, ok }));
}

if (process.argv[2] === '--once') await once(process.argv[3]);
else {
  const dist = process.argv[2] || fileURLToPath(new URL('../dist', import.meta.url));
  const runs = Number(process.argv[3] ?? 7);
  const results = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(
      process.execPath,
      ['--min-semi-space-size=128', '--max-semi-space-size=128', SELF, '--once', dist],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    results.push(JSON.parse(child.stdout));
  }
  console.log(
    `engine on ${LINKS} links, no network (${dist}): allocated ${median(results.map((r) => r.allocatedMb)).toFixed(1)} MB, CPU ${Math.round(median(results.map((r) => r.cpuMs)))} ms (medians of ${runs}); ${results[0].ok} ok`,
  );
}
