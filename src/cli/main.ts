import { CommanderError } from 'commander';
import { sanitizeText } from '../formatters/escape.js';
import { cacheSwallowedInput } from './cache-path.js';
import { CitecheckError, EXIT, exitCodeFor } from '../errors.js';
import type { checkCommand, extractCommand } from './check-command.js';
import type { fixCommand } from './fix-command.js';
import type { mergeCommand } from './merge-command.js';
import { createProgram, type ProgramActions } from './program.js';
import type { wpCommand } from './wp-command.js';
import { printLine, sanitizeLines } from './print.js';
import { refuseUndecodable } from './undecodable.js';

/** The commands main() runs; injectable so the error mapping can be tested without a real run. */
export interface CommandHandlers {
  check: typeof checkCommand;
  extract: typeof extractCommand;
  fix?: typeof fixCommand;
  /** `citecheck wp`. */
  wp?: typeof wpCommand;
  /** `citecheck merge`. */
  merge?: typeof mergeCommand;
}

// The pipeline (cheerio, undici, markdown-it…) is loaded when a command runs, not at start:
// `--version` and `--help` need only commander and the option table.
const RUN_COMMANDS: CommandHandlers = {
  check: async (...args) => (await import('./check-command.js')).checkCommand(...args),
  extract: async (...args) => (await import('./check-command.js')).extractCommand(...args),
  wp: async (...args) => (await import('./wp-command.js')).wpCommand(...args),
  fix: async (...args) => (await import('./fix-command.js')).fixCommand(...args),
  merge: async (...args) => (await import('./merge-command.js')).mergeCommand(...args),
};

const ISSUES_URL = 'https://github.com/citecheck/citecheck/issues';

// fix prints a diff on stdout, so it has no --format; say where its report goes instead.
const FIX_FORMAT_HINT = ' (fix prints a diff on stdout; write a report with --report FORMAT[:PATH])';

/**
 * Runs the CLI and returns the exit code. The one top-level catch: user errors become one
 * line and exit 2; anything else is a bug, exit 3 with a hint to report it.
 */
export async function main(argv: string[], commands: CommandHandlers = RUN_COMMANDS): Promise<number> {
  let exitCode: number = EXIT.ok;
  const actions: ProgramActions = {
    check: async (inputs, opts, cmd) => {
      exitCode = await commands.check(inputs, opts, cmd);
    },
    extract: async (inputs, opts, cmd) => {
      exitCode = await commands.extract(inputs, opts, cmd);
    },
    fix: async (inputs, opts, cmd) => {
      exitCode = await (commands.fix ?? (RUN_COMMANDS.fix as typeof fixCommand))(inputs, opts, cmd);
    },
    wp: async (site, opts, cmd) => {
      exitCode = await (commands.wp ?? (RUN_COMMANDS.wp as typeof wpCommand))(site, opts, cmd);
    },
    merge: async (reports, opts, cmd) => {
      exitCode = await (commands.merge ?? (RUN_COMMANDS.merge as typeof mergeCommand))(reports, opts, cmd);
    },
  };
  const program = createProgram(actions);
  program.exitOverride();
  // Before any command runs (not --help, --version): a working directory or an option value
  // Node could not decode stops the run with one line, rather than naming another path.
  program.hook('preAction', (_program, command) => refuseUndecodable(command.options));
  // Commander's own errors ("error: unknown option …") are already one line.
  const outputError = (text: string, write: (s: string) => void, command?: string): void => {
    const line = text.replace(/^error: /, '').trimEnd();
    const hint = /missing required argument 'inputs'/.test(line)
      ? (cacheSwallowedInput(argv) ?? '')
      : command === 'fix' && /unknown option '--format'/.test(line)
        ? FIX_FORMAT_HINT
        : '';
    write(`citecheck: ${sanitizeText(`${line}${hint}`)}\n`);
  };
  program.configureOutput({ outputError });
  for (const sub of program.commands) {
    sub.exitOverride();
    sub.configureOutput({ outputError: (text, write) => outputError(text, write, sub.name()) });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every parse error is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.userError;
    }
    if (error instanceof CitecheckError) {
      printLine(error.message);
      return exitCodeFor(error);
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `citecheck: internal error — this is a bug. Please report it at ${ISSUES_URL} with the output below.\n${sanitizeLines(detail)}\n`,
    );
    return EXIT.internalError;
  }
}
