import { CommanderError } from 'commander';
import { CitecheckError, EXIT, exitCodeFor } from '../errors.js';
import { checkCommand, extractCommand } from './check-command.js';
import { createProgram } from './program.js';

const ISSUES_URL = 'https://github.com/citecheck/citecheck/issues';

/**
 * Runs the CLI and returns the exit code. The one top-level catch: user errors become one
 * line and exit 2; anything else is a bug, exit 3 with a hint to report it.
 */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = createProgram({
    check: async (inputs, opts, cmd) => {
      exitCode = await checkCommand(inputs, opts, cmd);
    },
    extract: async (inputs, opts, cmd) => {
      exitCode = await extractCommand(inputs, opts, cmd);
    },
  });
  program.exitOverride();
  program.configureOutput({
    // Commander's own errors ("error: unknown option …") are already one line.
    outputError: (text, write) => write(`citecheck: ${text.replace(/^error: /, '').trimEnd()}\n`),
  });
  for (const sub of program.commands) {
    sub.exitOverride();
    sub.configureOutput({ outputError: (text, write) => write(`citecheck: ${text.replace(/^error: /, '').trimEnd()}\n`) });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every parse error is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.userError;
    }
    if (error instanceof CitecheckError && error.code !== 'INTERNAL') {
      process.stderr.write(`citecheck: ${oneLine(error.message)}\n`);
      return exitCodeFor(error);
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `citecheck: internal error — this is a bug. Please report it at ${ISSUES_URL} with the output below.\n${detail}\n`,
    );
    return EXIT.internalError;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
