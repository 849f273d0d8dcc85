import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { asksHelp, builtHelp, versionOnly } from './early-answers.js';
import { runBundle, runFront, tuneV8 } from './launch.js';
import { ignoreClosedStdout } from './stdio.js';

/**
 * What bin/citecheck.js runs, given the arguments and the dist/ folder: the answers it gives
 * without the CLI's bundle (a lone --version, the built help), else V8's flags and the bundle.
 * The build bundles this module and what it imports into one CommonJS file,
 * dist/cli.launch.cjs (scripts/bundle.js), which the CommonJS bin requires: an ES module
 * entry made Node set up its ES module loader (resolving, reading, translating and linking
 * the entry, its four modules and a facade per builtin they import) before anything of ours
 * ran, ~19 ms of CPU of every run on a 2-core machine. tsc's output of this module still
 * runs, imported, when the build made no bundle.
 */
export async function start(args: readonly string[], dist: string): Promise<void> {
  let help: string | undefined;
  if (versionOnly(args)) {
    // A lone `--version`, answered as commander answers it, without the CLI's bundle.
    const { TOOL_VERSION } = await import('../version.js');
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
    const training = process.env.CITECHECK_WRITE_CODE_CACHE === '1';
    tuneV8({ keepBudget: training });
    if (!(asksHelp(args) && runFront(dist)) && !runBundle(dist, { writeCache: training }))
      // A path made at run time: a bundler leaves this import as it is.
      await import(pathToFileURL(path.join(dist, 'cli', 'bin.js')).href);
  }
}
