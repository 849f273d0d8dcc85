import { main } from './main.js';

// Entry point of bin/citecheck.js. exitCode (not exit()) lets stdout drain into a pipe.
process.exitCode = await main(process.argv.slice(2));
