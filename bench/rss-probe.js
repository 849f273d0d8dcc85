// Preloaded (`node --import`) into each tool the versus bench starts: writes the process's
// peak RSS and CPU time to $BENCH_RSS_FILE at exit, so both tools are measured the same way.
// CPU time moves less than wall time when other jobs load the machine.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  if (file) writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs }));
});
