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
