/**
 * A reader that stops early (`citecheck check … | head`) closes the pipe: that is not an error
 * of ours. The run goes on without stdout (writeReport stops writing to a closed stream), so the
 * `--report` files are still written and the exit code still says whether citations failed:
 * leaving at once exited 0 with no reports, which CI read as a pass.
 */
export function ignoreClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}

/**
 * Ends the process with `code` once stdout and stderr hold nothing unwritten. main() has awaited
 * every write of its run (reports, the results cache, GitHub's files); left to itself, Node would
 * then still tear down a heap of tens of MB and wait for V8's background work (a concurrent
 * collection's marking, compiles) before exiting: 20-180 ms of every run's tail on a busy
 * 2-core machine. What the streams still hold (a pipe whose reader lags) is written first, as
 * exitCode alone would; a stream that has closed meanwhile is not waited for.
 */
export function exitOnceWritten(code: number): void {
  process.exitCode = code;
  const unwritten = [process.stdout, process.stderr].filter((s) => !s.destroyed && s.writableLength > 0);
  let left = unwritten.length;
  if (left === 0) process.exit(code);
  for (const stream of unwritten) stream.write('', () => --left === 0 && process.exit(code));
}

/** Set by bin.ts, the CLI's entry: the process ends with exitOnceWritten once main() returns. */
let exitAfterMain = false;

/** Says that the process ends once main() returns (bin.ts; never a test calling main()). */
export function willExitAfterMain(): void {
  exitAfterMain = true;
}

/**
 * True when the process ends once main() returns: a run may then leave its connections for the
 * process's exit to close (see CheckDeps.exitsAfter). False in-process (tests call main()).
 */
export function exitsAfterMain(): boolean {
  return exitAfterMain;
}
