#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { asksHelp, builtHelp, versionOnly } from '../dist/cli/early-answers.js';
import { ignoreClosedStdout } from '../dist/cli/stdio.js';

const args = process.argv.slice(2);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
let help;
if (versionOnly(args)) {
  // A lone `--version`, answered as commander answers it, without the CLI's bundle.
  const { TOOL_VERSION } = await import('../dist/version.js');
  ignoreClosedStdout();
  process.stdout.write(`${TOOL_VERSION}\n`);
} else if ((help = builtHelp(args, dist, () => process.stdout.isTTY === true)) !== undefined) {
  // The program's help, as the build wrote it (scripts/bundle.js) from commander's.
  ignoreClosedStdout();
  process.stdout.write(help);
} else {
  // V8's flags first (the code cache is only accepted under the flags it was made with), then
  // the bundle `npm run build` makes (scripts/bundle.js), which starts faster (for help, its
  // front, launch.ts); tsc's output alone still runs. CITECHECK_WRITE_CODE_CACHE is the build's
  // training run (scripts/bundle.js).
  const { runBundle, runFront, tuneV8 } = await import('../dist/cli/launch.js');
  const training = process.env.CITECHECK_WRITE_CODE_CACHE === '1';
  tuneV8({ keepBudget: training });
  if (!(asksHelp(args) && runFront(dist)) && !runBundle(dist, { writeCache: training }))
    await import('../dist/cli/bin.js');
}
