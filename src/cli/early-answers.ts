import { readFileSync } from 'node:fs';
import path from 'node:path';

// The runs bin/citecheck.js answers without the CLI's bundle and its code cache (~1.9 MB read and
// deserialized, ~40% of `citecheck --version`): a lone version flag, and a request for help.

/** The version flags as program.ts declares them to commander. */
export const VERSION_FLAGS = '-V, --version';

/** Commander's own help flags (program.ts keeps commander's default). */
const HELP_FLAGS = ['-h', '--help'];

/**
 * The file the build writes beside the bundles (scripts/bundle.js): what `citecheck --help`
 * prints on a stdout that is not a terminal, as commander printed it at build time.
 */
export const BUILT_HELP_FILE = 'cli.help.txt';

/**
 * Whether the arguments are one version flag alone, which commander answers with the version
 * and exit 0 before anything else runs: bin/citecheck.js prints it itself.
 */
export function versionOnly(args: readonly string[]): boolean {
  return args.length === 1 && VERSION_FLAGS.split(', ').includes(args[0] as string);
}

/**
 * Whether commander will most likely print help rather than run a command: no arguments, the
 * `help` command, or a help flag anywhere. bin/citecheck.js then runs the front bundle (the
 * CLI without its commands, scripts/bundle.js), which hands over to the whole CLI in the rare
 * run where a command is reached after all (`--user-agent --help` gives a value, not a flag).
 */
export function asksHelp(args: readonly string[]): boolean {
  return args.length === 0 || args[0] === 'help' || args.some((arg) => HELP_FLAGS.includes(arg));
}

/**
 * The help of the program itself when that is all the arguments ask for (`--help`, `-h` or
 * `help` alone), printed on a stdout that is not a terminal: the text the build wrote, which
 * is commander's at its default width of 80 columns (on a terminal commander wraps to the
 * terminal's width, so the front bundle answers there). Commander built the whole program to
 * print it: every command and its options from the option table, ~15% of `citecheck --help`.
 * Undefined when the text is not for this run, or the build wrote none. `stdoutIsTty` is asked
 * last: other runs must not open stdout before the bundle runs.
 */
export function builtHelp(args: readonly string[], distDir: string, stdoutIsTty: () => boolean): string | undefined {
  if (args.length !== 1 || !(args[0] === 'help' || HELP_FLAGS.includes(args[0] as string)) || stdoutIsTty())
    return undefined;
  try {
    return readFileSync(path.join(distDir, BUILT_HELP_FILE), 'utf8');
  } catch {
    return undefined;
  }
}
