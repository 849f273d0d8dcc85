// Loaded with `node --import ./bench/rss-probe.js …`: when the process exits, writes its peak
// RSS (kB, from getrusage) and CPU time (ms, user + system) as JSON to the file named by
// CITECHECK_RSS_FILE, so a bench can measure a whole CLI run as a user starts it.
import { writeFileSync } from 'node:fs';

const file = process.env.CITECHECK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }),
    );
  });
}
