#!/usr/bin/env node
/**
 * Start-up benchmark (`npm run bench`, or `node bench/startup.js [--bin path/to/citecheck.js]`
 * after `npm run build`): `citecheck --version` and `citecheck --help`, each run as a fresh
 * process, beside a bare `node -e ""` measured in the same rounds (interleaved, so a busy
 * machine slows all three alike). Prints the median wall time, the median CPU time (user +
 * system, which other jobs on a shared machine disturb far less), what citecheck adds over
 * bare Node, and how --version compares with the 150 ms aim. Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';

const ROUNDS = 15;
const AIM_MS = 150;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Preloaded into each measured process: reports its own CPU time (all of it, since start) on exit.
const CPU_PROBE =
  "data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu-us '+(u.user+u.system)+'\\n')})";

function timeOnce(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', CPU_PROBE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  const cpuMs = Number(/cpu-us (\d+)/.exec(String(run.stderr))?.[1] ?? NaN) / 1000;
  return { wallMs, cpuMs };
}

/** Measures and prints the start-up figures of the CLI at `bin`. */
export function benchStartup(bin = path.join(root, 'bin', 'citecheck.js')) {
  const cases = { 'node -e ""': ['-e', ''], '--version': [bin, '--version'], '--help': [bin, '--help'] };
  const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, args] of Object.entries(cases)) times[name].push(timeOnce(args));
  }
  const of = (name, key) => median(times[name].map((t) => t[key]));
  console.log(`\nstart-up: median of ${ROUNDS} fresh processes each (${path.relative(root, bin) || bin})`);
  for (const name of Object.keys(cases)) {
    const figures = ['wallMs', 'cpuMs'].map((key) => {
      const ms = of(name, key);
      const over = name === 'node -e ""' ? '' : ` (+${(ms - of('node -e ""', key)).toFixed(0)})`;
      return `${key === 'wallMs' ? 'wall' : 'cpu'} ${ms.toFixed(0).padStart(5)} ms${over.padEnd(7)}`;
    });
    console.log(`  ${name.padEnd(12)} ${figures.join('   ')}`.trimEnd());
  }
  const aim = (key) => {
    const ms = of('--version', key);
    return `${key === 'wallMs' ? 'wall' : 'cpu'} ${ms.toFixed(0)} ms ${ms <= AIM_MS ? 'within' : 'over'}`;
  };
  console.log(`  --version against the ${AIM_MS} ms aim: ${aim('wallMs')}, ${aim('cpuMs')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--bin');
  benchStartup(at > 0 ? path.resolve(process.argv[at + 1]) : undefined);
}
