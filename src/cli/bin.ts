import { main } from './main.js';
import { ignoreClosedStdout } from './stdout-closed.js';

// The CLI's entry (bundled by scripts/bundle.js; bin/citecheck.js runs it after setting V8's
// flags, launch.ts). No top-level await: the bundle is CommonJS, so that V8 can cache its code.

ignoreClosedStdout();

// exitCode (not exit()) lets stdout drain into a pipe. main() maps every error to an exit code.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
