import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';

// An archive audit holds its posts, and then its report, for most of the run (~130 MB of live
// heap for the site bench's 20,000 posts and 100,000 citations). V8's default lets the heap
// grow to up to 4× the live size between full collections, which put the bench's peak RSS at
// 520-750 MB; growing by 30% keeps it near 430 MB for about 10% more CPU, and changes nothing
// measurable on small runs. A user's own choice (NODE_OPTIONS, node flags) wins.
const userFlags = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
if (!/--(heap-growing-percent|max-old-space-size|optimize-for-size)/.test(userFlags))
  setFlagsFromString('--heap-growing-percent=30');

// A run is short (a 2,000-link check takes ~1.5 s of CPU), and V8's default sends every function
// that turns warm to its optimising compiler on a background thread: ~500 ms of compiling on the
// versus bench, much of it for code that then ran only a few more times, on the core the
// servers and the main thread need. Four times the default budget (67,584) before a function is
// optimised keeps the hot loops (parser, HTTP client) optimised and skips the rest: process CPU
// -17% (1,592 → 1,322 ms), main thread +80 ms. Only tiering moves; behaviour cannot change.
// A long run (a site audit: ~20 s of CPU) gets V8's default back after 3 s, since there the
// compiles pay back, and a function that deoptimises would wait 4× longer to be optimised again.
if (!/--interrupt[-_]budget/.test(userFlags)) {
  setFlagsFromString('--interrupt-budget=270336');
  setTimeout(() => setFlagsFromString('--interrupt-budget=67584'), 3000).unref();
}

// A reader that stops early (`citecheck check … | head`) closes the pipe: that is not an error
// of ours. The run goes on without stdout (writeReport stops writing to a closed stream), so the
// `--report` files are still written and the exit code still says whether citations failed:
// leaving at once exited 0 with no reports, which CI read as a pass.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
  throw error;
});

// Entry point of bin/citecheck.js. exitCode (not exit()) lets stdout drain into a pipe.
process.exitCode = await main(process.argv.slice(2));
