import { main } from './main.js';
import { exitOnceWritten, ignoreClosedStdout, willExitAfterMain } from './stdio.js';

// The CLI's entry (bundled by scripts/bundle.js; bin/citecheck.js runs it after setting V8's
// flags, launch.ts). No top-level await: the bundle is CommonJS, so that V8 can cache its code.

ignoreClosedStdout();
willExitAfterMain();

// main() maps every error to an exit code, and has written everything when it returns.
void main(process.argv.slice(2)).then(exitOnceWritten);
