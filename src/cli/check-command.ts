import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { compileLayer, mergeLayers } from '../config/resolve.js';
import type { CitecheckOptions } from '../config/options.js';
import { EXIT, UsageError } from '../errors.js';
import type { FormatName } from '../formatters/index.js';
import { runCheck, runExtract } from '../run.js';
import type { SiteRunDeps } from '../run-site.js';
import type { Report } from '../types.js';
import { readCliValues } from './flags.js';
import { unscopedCredential } from '../config/header-rule.js';
import type { CommandName } from '../config/option-decl.js';
import { guardCachePath } from './cache-path.js';
import { printLine, printWarning, writeReport } from './print.js';
import { ProgressBar } from './progress.js';
import { exitsAfterMain } from './stdio.js';
import { parseReportSpec, prepareReportPaths, shardReportSpec, writeReports } from './reports.js';
import { isUrlInput } from '../sources/input-kind.js';
import { inputBytes } from './argv-bytes.js';

/**
 * Options of the run (defaults ← config file ← typed flags, each layer checked and compiled by
 * the config layer) plus the report files asked for (--report flags win over the config's `reports`).
 */
export async function resolveCommandOptions(
  opts: Record<string, unknown>,
  cmd: Command,
): Promise<{ options: CitecheckOptions; reports: string[]; reportsFrom?: string; cacheFrom?: string }> {
  const typed = readCliValues(opts, cmd, cmd.name() as CommandName);
  const cliLayer = compileLayer(typed, { kind: 'cli' });
  const file =
    opts.config === false
      ? undefined
      : await loadConfig(process.cwd(), opts.config as string | undefined, printWarning);
  const options = mergeLayers(file?.layer, cliLayer);
  const cliReports = typed.reports as string[] | undefined;
  // reportsFrom: the config file the report paths came from (they stay inside the working directory).
  const reportsFrom = cliReports === undefined && file?.config.reports !== undefined ? file.file : undefined;
  // cacheFrom: the config file the cache path came from (it stays inside the working directory too).
  const cacheFrom = typed.cache === undefined && file?.config.cache !== undefined ? file.file : undefined;
  return { options, reports: cliReports ?? file?.config.reports ?? [], reportsFrom, cacheFrom };
}

function wantsColor(opts: Record<string, unknown>, stream: NodeJS.WriteStream): boolean {
  // https://no-color.org: any non-empty NO_COLOR disables colour; FORCE_COLOR forces it.
  if (opts.color === false || process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

let writers:
  | Promise<
      [typeof import('../formatters/index.js'), typeof import('../report/build.js'), typeof import('./github.js')]
    >
  | undefined;

/**
 * What writing a run's report takes (the formatters, the exit-code rules, GitHub's output),
 * loaded once: while the run's first requests are out, so neither the first request nor the
 * run's end waits for it.
 */
function loadWriters(): NonNullable<typeof writers> {
  writers ??= Promise.all([import('../formatters/index.js'), import('../report/build.js'), import('./github.js')]);
  return writers;
}

/** What a checking command runs: the report, and why its inputs were read only in part, if they were. */
export type CommandRun = (
  options: CitecheckOptions,
  deps: SiteRunDeps,
) => Promise<{ report: Report; incomplete?: string }>;

/** `citecheck check`: returns the process exit code. */
export async function checkCommand(inputs: string[], opts: Record<string, unknown>, cmd: Command): Promise<number> {
  return runAndReport(inputs, opts, cmd, async (options, deps) => {
    // `wp` sends headers without a host to the site alone; `check` sends them to every cited
    // site, so a credential there would reach strangers: it must name its host.
    const credential = unscopedCredential(options.headers);
    if (credential) {
      throw new UsageError(
        `${credential} header given without a host would be sent to every cited site: name its host (--header "docs.example.org=${credential}: …", or "hosts" in the config)`,
      );
    }
    return { report: await runCheck(inputs, options, { ...deps, inputBytes: inputBytes(inputs) }) };
  });
}

/**
 * Runs a checking command (`check`, `wp`) and writes its reports: signals, progress, stdout,
 * report files, GitHub output; returns the exit code. `localInputs` are the files the report
 * and cache paths must not overwrite. A run whose inputs were read only in part exits 2 after
 * its report is written, with one line saying why.
 */
export async function runAndReport(
  localInputs: string[],
  opts: Record<string, unknown>,
  cmd: Command,
  run: CommandRun,
): Promise<number> {
  const { options, reports, reportsFrom, cacheFrom } = await resolveCommandOptions(opts, cmd);
  const specs = reports.map((text) => parseReportSpec(text, reportsFrom));
  // A shard's JSON report is what `citecheck merge` joins: written even when not asked for.
  if (options.shard && opts.format !== 'json' && !specs.some((spec) => spec.format === 'json'))
    specs.push(shardReportSpec(options.shard));
  await prepareReportPaths(specs, localInputs);
  await guardCachePath(options.cache, localInputs, cacheFrom);

  const controller = new AbortController();
  let interrupts = 0;
  let stopExit: number = EXIT.interrupted;
  // SIGTERM is how CI timeouts and container stops end a job: it gets the partial report too.
  const onSignal = (signal: NodeJS.Signals): void => {
    interrupts += 1;
    stopExit = signal === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
    // First signal: stop starting requests and write the partial report. Second: leave now.
    if (interrupts > 1) process.exit(stopExit);
    process.stderr.write(
      `\ncitecheck: ${signal === 'SIGTERM' ? 'terminated' : 'interrupted'} — finishing the partial report (Ctrl-C again to quit now)\n`,
    );
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const showProgress = opts.progress !== false && Boolean(process.stderr.isTTY) && !process.env.CI;
  const bar = showProgress ? new ProgressBar(process.stderr) : undefined;
  let report: Report;
  let incomplete: string | undefined;
  try {
    ({ report, incomplete } = await run(options, {
      signal: controller.signal,
      // bin.ts ends the process once the reports are written (exitOnceWritten).
      exitsAfter: exitsAfterMain(),
      onProgress: bar ? (p) => bar.update(p) : undefined,
      onRequestsOut: () => void loadWriters().catch(() => undefined),
      onSiteProgress: bar ? (p) => bar.reading(p) : undefined,
      onWarning: (message) => {
        bar?.clear();
        printWarning(message);
      },
      onArchiveLookups: bar
        ? (n) => bar.note(`looking up archived copies of ${n} ${n === 1 ? 'source' : 'sources'}…`)
        : undefined,
    }));
  } finally {
    bar?.clear();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (controller.signal.aborted) report.interrupted = true;

  const [{ renderPieces }, { exitCodeForReport, failOnSentence }, { emitGithubOutput, isGithubActions }] =
    await loadWriters();
  const cwd = process.cwd();
  const format = opts.format as FormatName;
  await writeReport(
    renderPieces(format, report, {
      color: format === 'terminal' && wantsColor(opts, process.stdout),
      cwd,
      verbose: opts.verbose === true,
    }),
  );
  await writeReports(report, specs, { cwd, verbose: opts.verbose === true });
  if (specs.length > 0 && format !== 'json') printLine(`wrote ${specs.map((s) => s.path).join(', ')}`);
  if (isGithubActions()) {
    await emitGithubOutput(
      report,
      { annotations: opts.githubAnnotations !== false, summary: opts.githubSummary !== false },
      // Workflow commands are read from stderr too: keep a machine-readable stdout clean.
      (text) => (format === 'terminal' ? process.stdout : process.stderr).write(text),
    );
  }
  if (report.interrupted) return stopExit;
  if (incomplete) {
    const posts = `${report.totals.posts} post${report.totals.posts === 1 ? '' : 's'}`;
    printLine(`${incomplete}; the ${posts} read before this are checked and reported`);
    return EXIT.userError;
  }
  const code = exitCodeForReport(report, options.failOn);
  if (code === 1) printLine(failOnSentence(report, options.failOn));
  return code;
}

/** `citecheck extract`: prints the extracted structure as JSON; exit 0 unless the input is unusable. */
export async function extractCommand(inputs: string[], opts: Record<string, unknown>, cmd: Command): Promise<number> {
  const { options } = await resolveCommandOptions(opts, cmd);
  if (inputs.some(isUrlInput)) {
    throw new UsageError('extract works offline and does not fetch URLs; save the page first or use `citecheck check`');
  }
  const report = await runExtract(inputs, options, { onWarning: printWarning, inputBytes: inputBytes(inputs) });
  const [{ renderPieces }] = await loadWriters();
  await writeReport(renderPieces('json', report));
  return 0;
}
