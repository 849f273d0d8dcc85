import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Issue 13 asks for tests that grow the input and bound the growth of the work. These helpers are
// the one way the suite times work for that: a ratio of two sizes on one machine, never a speed.

// The collector, run before each timed pass, so that garbage of an earlier pass is not collected
// (and timed) in a later one: a full collection landing in one run of a pair decided the ratio.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * CPU time of one run of `run`, in ms, after a full collection. CPU time, not wall time: on a
 * machine shared with other work, waiting for a core is not the algorithm's doing.
 */
export function cpuTime(run: () => void): number {
  collect();
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Best CPU times of two runs, taken in turns (small, large, small, large…) `runs` times each and
 * added to `best`: a burst of load on a shared machine slows both sizes, not one. Taken in two
 * blocks (three of one size, then three of the other), a burst during one block once put a
 * linear shape over the bound at load ~10.
 */
function bestInTurns(small: () => void, large: () => void, runs: number, best = { small: Infinity, large: Infinity }) {
  for (let i = 0; i < runs; i++) {
    best.small = Math.min(best.small, cpuTime(small));
    best.large = Math.min(best.large, cpuTime(large));
  }
  return best;
}

/**
 * How many times the large run's CPU time is the small one's: best of three of each, in turns,
 * after one warm-up run (compiled code, not the compiler, is timed). A ratio at or over `bound`
 * gets five more runs of each (the best of all eight), so one slow run never fails a test and
 * work that grows faster than the bound allows still does. `floorMs` is the least time the small
 * run counts for: below it, timer resolution and caches decide the ratio, not the algorithm.
 */
export function growthRatio(small: () => void, large: () => void, bound: number, floorMs = 0): number {
  small();
  const ratio = (best: { small: number; large: number }) => best.large / Math.max(best.small, floorMs);
  const best = bestInTurns(small, large, 3);
  if (ratio(best) >= bound) bestInTurns(small, large, 5, best);
  return ratio(best);
}
