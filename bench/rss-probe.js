// Loaded with `node --import ./bench/rss-probe.js …`: when the process exits, writes its peak
// RSS (kB, from getrusage) and CPU time (ms, user + system) as JSON to the file named by
// CITECHECK_RSS_FILE, so a bench can measure a whole CLI run as a user starts it. On Linux it
// adds the main thread's CPU time and the time it waited for a CPU while runnable
// (/proc/…/schedstat, ns resolution): on a shared, loaded machine that wait is most of the wall.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** The main thread's run and run-queue wait times in ms, or {} where /proc has no schedstat. */
function mainThreadSchedMs() {
  try {
    const [run, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { mainRunMs: run / 1e6, mainWaitMs: wait / 1e6 };
  } catch {
    return {};
  }
}

/**
 * CPU time (ms, user + system, 10 ms ticks) of each thread still alive at exit, keyed by its
 * rank in order of creation (thread ids grow, but other processes take ids in between), or {}
 * without /proc. Node 20 names every thread "node", so that order tells them apart: 0 is the main thread, 1 the platform's delayed-task
 * scheduler, 2–5 V8's platform workers (concurrent GC marking and sweeping, background
 * compilation; --v8-pool-size), 6 the inspector's signal thread, then libuv's threadpool (fs,
 * DNS lookups) when first used. Threads that ended before exit are missing; cpuMs has them all.
 */
function threadCpuMs() {
  const byThread = {};
  try {
    const tids = readdirSync('/proc/self/task')
      .map(Number)
      .sort((a, b) => a - b);
    for (const [rank, tid] of tids.entries()) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byThread[rank] = (Number(fields[11]) + Number(fields[12])) * 10;
    }
  } catch {
    // No /proc: no split.
  }
  return byThread;
}

const file = process.env.CITECHECK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        maxRssKb: usage.maxRSS,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        ...mainThreadSchedMs(),
        threadsMs: threadCpuMs(),
      }),
    );
  });
}
