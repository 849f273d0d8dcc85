import { main } from './main.js';

// A reader that stops early (`citecheck extract … | head`) closes the pipe: that is not an
// error of ours, so leave quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Entry point of bin/citecheck.js. exitCode (not exit()) lets stdout drain into a pipe.
process.exitCode = await main(process.argv.slice(2));
