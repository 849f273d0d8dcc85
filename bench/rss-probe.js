// Loaded with `node --import ./bench/rss-probe.js …`: when the process exits, writes its peak
// RSS (kB, from getrusage) and CPU time (ms, user + system) as JSON to the file named by
// CITECHECK_RSS_FILE, so a bench can measure a whole CLI run as a user starts it. On Linux it
// adds the main thread's CPU time and the time it waited for a CPU while runnable
// (/proc/…/schedstat, ns resolution): on a shared, loaded machine that wait is most of the wall.
import { readFileSync, writeFileSync } from 'node:fs';

/** The main thread's run and run-queue wait times in ms, or {} where /proc has no schedstat. */
function mainThreadSchedMs() {
  try {
    const [run, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { mainRunMs: run / 1e6, mainWaitMs: wait / 1e6 };
  } catch {
    return {};
  }
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
      }),
    );
  });
}
