import { appendFile } from '../fs-calls.js';
import { FORMATTERS } from '../formatters/index.js';
import { renderGithubAnnotations } from '../formatters/github.js';
import type { Report } from '../types.js';
import { printWarning } from './print.js';

/** What to do when running inside GitHub Actions. */
export interface GithubOutputOptions {
  /** Print ::error/::warning workflow commands. */
  annotations: boolean;
  /** Append the markdown report to $GITHUB_STEP_SUMMARY. */
  summary: boolean;
}

/** True when running as a GitHub Actions step (documented env var). */
export function isGithubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** Emits annotations on stdout and the job summary, as configured. */
export async function emitGithubOutput(
  report: Report,
  options: GithubOutputOptions,
  write: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = printWarning,
): Promise<void> {
  if (options.annotations) {
    const text = renderGithubAnnotations(report);
    if (text) write(text.endsWith('\n') ? text : `${text}\n`);
  }
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  if (options.summary && summaryFile) {
    try {
      await appendFile(summaryFile, `${FORMATTERS.markdown.render(report)}\n`);
    } catch (error) {
      // The job summary is a courtesy: failing to write it must not hide the run's verdict
      // (exit 1 for broken citations) behind an output error.
      warn(
        `cannot append the job summary to GITHUB_STEP_SUMMARY (${summaryFile}): ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
  }
}
