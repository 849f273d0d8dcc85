import { writeFile } from '../fs-calls.js';
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError, OutputError } from '../errors.js';
import { fixReport, unifiedDiff, type FixOptions, type FixResult } from '../fix/index.js';
import { makeDirs } from '../make-dirs.js';
import { runCheck } from '../run.js';
import { resolveCommandOptions } from './check-command.js';
import { isInertText, sanitizeText } from '../formatters/escape.js';
import { guardCachePath } from './cache-path.js';
import { isLogStream } from './log-stream.js';
import { printWarning } from './print.js';
import { ProgressBar } from './progress.js';
import { inputBytes } from './argv-bytes.js';
import { parseReportSpec, prepareReportPaths, writeReports } from './reports.js';

const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/** Where `--out <dir>` puts a fixed file: its path under the folder (relative to the working directory when inside it). */
function outPath(dir: string, file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return path.join(dir, inside ? relative : path.basename(file));
}

function summary(result: FixResult, changedFiles: number, how: string): string {
  const { moved, archived, robust } = result.counts;
  const total = moved + archived + robust;
  const parts = [
    moved > 0 ? `${moved} moved` : '',
    archived > 0 ? `${archived} linked to an archived copy` : '',
    robust > 0 ? `${robust} decorated with their archived copy` : '',
  ].filter(Boolean);
  const lost =
    result.unrescued > 0
      ? `; ${result.unrescued} failing ${result.unrescued === 1 ? 'source has' : 'sources have'} no archived copy`
      : '';
  // Files fix could not read or rewrite were each warned about above; the summary counts them.
  const unread = result.files.filter((f) => f.problem !== undefined).length;
  const skipped = unread > 0 ? `; ${unread} ${unread === 1 ? 'file' : 'files'} not rewritten (see above)` : '';
  if (total === 0) return `citecheck fix: nothing to change${skipped}${lost}`;
  const files = `${changedFiles} ${changedFiles === 1 ? 'file' : 'files'}`;
  return `citecheck fix: ${total} ${total === 1 ? 'link' : 'links'} ${how} in ${files}: ${parts.join(', ')}${skipped}${lost}`;
}

/**
 * `citecheck fix`: checks the inputs (with archive lookups), then writes what the report
 * recommends: a unified diff on stdout by default, `--write` in place (Markdown, HTML),
 * `--out <dir>` for fixed copies (how WordPress JSON is written). Never writes to a site.
 */
export async function fixCommand(inputs: string[], opts: Record<string, unknown>, cmd: Command): Promise<number> {
  if (inputs.some((input) => input === '-' || isUrl(input)))
    throw new UsageError('fix rewrites files: it does not fetch URLs or read stdin (save the post first)');
  if (opts.write && opts.out !== undefined) throw new UsageError('--write and --out: choose one');
  if (opts.write && inputs.some((input) => /\.json$/i.test(input)))
    throw new UsageError('--write: WordPress JSON is never rewritten in place; use --out <dir> for the fixed posts');
  const { options, reports, reportsFrom, cacheFrom } = await resolveCommandOptions(opts, cmd);
  if (options.offline) throw new UsageError('fix checks the links first; it cannot run --offline');
  const fix: FixOptions = {
    deadLink: opts.deadLink === 'annotate' ? 'annotate' : 'archive',
    robust: opts.robust === 'all' ? 'all' : 'failing',
  };
  // Report paths a config file names stay inside the working directory, as for check.
  const specs = reports.map((text) => parseReportSpec(text, reportsFrom));
  await prepareReportPaths(specs, inputs);
  await guardCachePath(options.cache, inputs, cacheFrom);
  // Robust Links for live sources needs their captures looked up too.
  const archive = options.archive === 'never' ? 'never' : fix.robust === 'all' ? 'all' : options.archive;

  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once('SIGINT', onSignal);
  const bar =
    opts.progress !== false && process.stderr.isTTY && !process.env.CI ? new ProgressBar(process.stderr) : undefined;
  let report;
  try {
    report = await runCheck(
      inputs,
      { ...options, archive },
      {
        signal: controller.signal,
        inputBytes: inputBytes(inputs),
        onProgress: bar ? (p) => bar.update(p) : undefined,
        onWarning: (message) => {
          bar?.clear();
          printWarning(message);
        },
      },
    );
  } finally {
    bar?.clear();
    process.off('SIGINT', onSignal);
  }
  // A partial check recommends partial fixes: write nothing.
  if (controller.signal.aborted) {
    process.stderr.write('citecheck fix: interrupted; nothing was changed\n');
    return 130;
  }
  await writeReports(report, specs, { cwd: process.cwd() });

  const result = await fixReport(report, fix);
  // A diff carries the post's own lines, which must reach a terminal or a CI log inert; it is
  // printed byte-exact or not at all, since a sanitised diff would no longer apply.
  const toLog = isLogStream(process.stdout);
  let changed = 0;
  let withheld = 0;
  for (const file of result.files) {
    if (file.problem) printWarning(`${file.path}: ${file.problem}`);
    if (file.after === file.before) continue;
    changed += 1;
    const target = opts.out !== undefined ? outPath(String(opts.out), file.path) : opts.write ? file.path : undefined;
    if (target === undefined) {
      const diff = unifiedDiff(file.before, file.after, file.path.split(path.sep).join('/'));
      if (toLog && !isInertText(diff)) {
        printWarning(
          `${file.path}: its diff is not printed: its lines hold control characters or CI runner commands, which would act on ${process.stdout.isTTY ? 'the terminal' : 'the CI log'}; redirect stdout to a file (> fix.diff) or use --write or --out <dir>`,
        );
        withheld += 1;
        continue;
      }
      process.stdout.write(diff);
      continue;
    }
    if (opts.write && file.kind === 'wordpress') {
      printWarning(`${file.path}: WordPress JSON is not rewritten in place; use --out <dir>`);
      continue;
    }
    try {
      await makeDirs(path.dirname(path.resolve(target)));
      await writeFile(target, file.after, 'utf8');
    } catch (error) {
      throw new OutputError(`cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  const how =
    opts.out !== undefined
      ? `fixed (written under ${String(opts.out)})`
      : opts.write
        ? 'fixed'
        : withheld > 0
          ? `to fix (the diff on stdout; ${withheld === 1 ? 'one file' : `${withheld} files`} not printed, see above)`
          : 'to fix (the diff on stdout)';
  process.stderr.write(`${sanitizeText(summary(result, changed, how))}\n`);
  return 0;
}
