import { lstat, open, realpath, stat, unlink, type FileHandle } from '../fs-calls.js';
import { makeDirs } from '../make-dirs.js';
import path from 'node:path';
import { DEFAULT_REPORT_DIR } from '../config/option-table.js';
import { CitecheckError, ConfigError, OutputError, UsageError } from '../errors.js';
import { isOwnReport } from '../sources/own-reports.js';
import { FORMAT_EXTENSIONS, type FormatName } from '../formatters/extensions.js';
import type { RenderOptions } from '../formatters/index.js';
import type { Report, Shard } from '../types.js';
import { isPathInput } from '../sources/input-kind.js';

/** A report file to write. */
export interface ReportSpec {
  /** Formatter name. */
  format: FormatName;
  /** Output path. */
  path: string;
  /** The config file that named it (its paths stay inside the working directory); undefined from the command line. */
  fromConfig?: string;
}

/** Parses `FORMAT[:PATH]`; the default path is reports/citecheck.<ext>. `fromConfig` labels a config file's entry. */
export function parseReportSpec(text: string, fromConfig?: string): ReportSpec {
  const colon = text.indexOf(':');
  const name = (colon < 0 ? text : text.slice(0, colon)).trim();
  if (!(name in FORMAT_EXTENSIONS)) {
    throw new UsageError(
      `--report: unknown format "${name}" (choose from ${Object.keys(FORMAT_EXTENSIONS).join(', ')})`,
    );
  }
  const format = name as FormatName;
  const file = colon < 0 ? '' : text.slice(colon + 1).trim();
  if (file === '-')
    throw new UsageError(`--report ${name}:-: report files cannot go to stdout; use --format ${name} for that`);
  const spec: ReportSpec = {
    format,
    path: file || path.join(DEFAULT_REPORT_DIR, `citecheck.${FORMAT_EXTENSIONS[format]}`),
  };
  if (fromConfig !== undefined) spec.fromConfig = fromConfig;
  return spec;
}

/** How an error names a report path: the flag, or the config file's entry. */
function named(spec: ReportSpec): string {
  return spec.fromConfig !== undefined
    ? `${spec.fromConfig}: report path "${spec.path}"`
    : `--report ${spec.format}:${spec.path}`;
}

/** The error for a report path, from the config file or the command line. */
function refuse(spec: ReportSpec, problem: string): CitecheckError {
  const message = `${named(spec)}: ${problem}`;
  return spec.fromConfig !== undefined ? new ConfigError(message) : new UsageError(message);
}

/**
 * A config file comes with the content it audits (a pull request can change it), so the
 * report paths it names must stay inside the working directory, symbolic links resolved, and
 * out of `.git` (hooks and git's own config live there, outside what a checkout versions).
 * The command line is the user's own choice and may write anywhere.
 */
async function confineToWorkingDirectory(spec: ReportSpec, cwd: string): Promise<void> {
  await confineToCwd(spec.path, cwd, { what: 'reports', flag: '--report' }, (problem) => refuse(spec, problem));
}

/**
 * Refuses, with `fail(problem)`, a path a config file names (a report, the cache) that resolves,
 * symbolic links followed, outside the working directory or inside `.git`.
 */
export async function confineToCwd(
  file: string,
  cwd: string,
  named: { what: string; flag: string },
  fail: (problem: string) => Error,
): Promise<void> {
  const root = await realpath(cwd);
  let existing = path.resolve(cwd, file);
  const missing: string[] = [];
  let resolved: string;
  for (;;) {
    try {
      resolved = path.join(await realpath(existing), ...missing);
      break;
    } catch {
      // A link that points nowhere would be followed by the write to wherever it names.
      if (
        await lstat(existing).then(
          () => true,
          () => false,
        )
      )
        throw fail('is a symbolic link to nowhere; a config file cannot write there');
      missing.unshift(path.basename(existing));
      const parent = path.dirname(existing);
      if (parent === existing) throw fail('cannot be resolved');
      existing = parent;
    }
  }
  const relative = path.relative(root, resolved);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw fail(
      `is outside the working directory; a config file writes ${named.what} only inside it (name the path with ${named.flag} to write elsewhere)`,
    );
  }
  if (relative.split(path.sep).some((part) => part.toLowerCase() === '.git'))
    throw fail('is inside .git; a config file cannot write there');
}

/**
 * Refuses to overwrite an existing file that is not a citecheck report (or empty): a report
 * path mistyped or planted (package.json, a script, a hook) would otherwise be replaced.
 */
async function refuseForeignFile(spec: ReportSpec): Promise<void> {
  const info = await stat(path.resolve(spec.path)).catch(() => undefined);
  if (info === undefined || info.isDirectory()) return; // the write check reports a directory
  if (!info.isFile()) {
    // A FIFO, a device or a socket holds no report to recognise, and opening a FIFO nobody
    // writes to waits forever (review22: a config naming one hung the run). The command line
    // may name one on purpose (/dev/stdout, a shell's process substitution); a config may not.
    if (spec.fromConfig !== undefined)
      throw refuse(
        spec,
        'is not a regular file (a FIFO, a device or a socket); a config file writes reports only to files',
      );
    return;
  }
  let head: Buffer;
  try {
    const handle = await open(path.resolve(spec.path), 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return; // missing (created by the run), a directory or unreadable: the write check reports it
  }
  if (head.toString('utf8').trim() !== '' && !isOwnReport(head))
    throw refuse(spec, 'that file exists and is not a citecheck report; refusing to overwrite it');
}

/**
 * The JSON report a shard writes when no JSON report is asked for: `citecheck merge` joins
 * them (reports/citecheck.shard-2-of-4.json).
 */
export function shardReportSpec(shard: Shard): ReportSpec {
  return {
    format: 'json',
    path: path.join(DEFAULT_REPORT_DIR, `citecheck.shard-${shard.index}-of-${shard.count}.json`),
  };
}

/**
 * Checks before the run that each report can be written, so a long check does not end in
 * an unwritable path: the file is opened for appending (created and removed again when it
 * did not exist), which is the only test the file system cannot answer wrongly. A report
 * path that is one of the named input files is refused: writing it would destroy the post; so
 * is an existing file that is not a citecheck report, and a config file's path outside `cwd`.
 */
export async function prepareReportPaths(
  specs: ReportSpec[],
  inputs: readonly string[] = [],
  cwd = process.cwd(),
): Promise<void> {
  const inputFiles = new Set(inputs.filter(isPathInput).map((i) => path.resolve(i)));
  const seen = new Map<string, string>();
  for (const spec of specs) {
    const target = path.resolve(spec.path);
    if (inputFiles.has(target)) throw refuse(spec, 'that file is one of the inputs; choose another path');
    if (spec.fromConfig !== undefined) await confineToWorkingDirectory(spec, cwd);
    await refuseForeignFile(spec);
    const other = seen.get(target);
    // The same file for two formats: the second would silently overwrite the first.
    if (other !== undefined && other !== spec.format)
      throw new UsageError(`--report: ${spec.path} is given for both ${other} and ${spec.format}`);
    seen.set(target, spec.format);
    try {
      await makeDirs(path.dirname(target));
      const existing = await stat(target).catch(() => undefined);
      if (existing?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      // A FIFO or a device named on the command line is written when the report is: opening it
      // now would block on a FIFO with no reader yet, or end its reader's input at once.
      if (existing !== undefined && !existing.isFile()) continue;
      const handle = await open(target, 'a');
      await handle.close();
      if (!existing) await unlink(target);
    } catch (error) {
      throw new OutputError(`cannot write report ${spec.path}: ${describeFsError(error)}`);
    }
  }
}

// What the writer gathers before writing: far fewer writes, pieces still far from a report's size.
const WRITE_SIZE = 64 * 1024;

/** Renders and writes every report file: the one writer. */
export async function writeReports(report: Report, specs: ReportSpec[], options: RenderOptions): Promise<void> {
  // The renderers load with the first report written, not with the command (see extensions.ts).
  if (specs.length === 0) return;
  const { renderPieces } = await import('../formatters/index.js');
  for (const spec of specs) {
    const fail = (error: unknown) => new OutputError(`cannot write report ${spec.path}: ${describeFsError(error)}`);
    let handle: FileHandle;
    try {
      await makeDirs(path.dirname(path.resolve(spec.path)));
      handle = await open(spec.path, 'w');
      // Writing into an existing file keeps its mode: a report must never be left executable
      // (a report written over a hook or script would run as one).
      const { mode } = await handle.stat();
      if ((mode & 0o111) !== 0) await handle.chmod(mode & 0o666);
    } catch (error) {
      throw fail(error);
    }
    try {
      // Piece by piece (a JSON report per post): a large report is never held whole. Small
      // pieces (a finding, a block) are gathered into writes of about 64 KB: one write each
      // was 260,000 writes for an archive's JSON report.
      let pending: string[] = [];
      let size = 0;
      const flush = async (): Promise<void> => {
        const text = pending.join('');
        pending = [];
        size = 0;
        await handle.write(text).catch((error: unknown) => {
          throw fail(error);
        });
      };
      for (const piece of renderPieces(spec.format, report, { ...options, color: false })) {
        pending.push(piece);
        size += piece.length;
        if (size >= WRITE_SIZE) await flush();
      }
      if (size > 0) await flush();
    } finally {
      await handle.close();
    }
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
    case 'EEXIST': // mkdir -p meeting a file where a folder should be
      return 'a parent is not a directory';
    case 'ENOENT':
      return 'cannot create a file there';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
