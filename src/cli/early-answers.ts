// The runs bin/citecheck.js answers without the CLI's bundle and its code cache (~1.9 MB read and
// deserialized, ~40% of `citecheck --version`): a lone version flag, and a request for help.

/** The version flags as program.ts declares them to commander. */
export const VERSION_FLAGS = '-V, --version';

/** Commander's own help flags (program.ts keeps commander's default). */
const HELP_FLAGS = ['-h', '--help'];

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
