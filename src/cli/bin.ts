import { main } from './main.js';

// The CLI's entry (bundled by scripts/bundle.js; bin/citecheck.js runs it after setting V8's
// flags, launch.ts). No top-level await: the bundle is CommonJS, so that V8 can cache its code.

// A reader that stops early (`citecheck check … | head`) closes the pipe: that is not an error
// of ours. The run goes on without stdout (writeReport stops writing to a closed stream), so the
// `--report` files are still written and the exit code still says whether citations failed:
// leaving at once exited 0 with no reports, which CI read as a pass.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
  throw error;
});

// exitCode (not exit()) lets stdout drain into a pipe. main() maps every error to an exit code.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
