import { open, stat, unlink, writeFile } from 'node:fs/promises';
import { makeDirs } from '../make-dirs.js';
import path from 'node:path';
import { DEFAULT_REPORT_DIR } from '../config/option-table.js';
import { OutputError, UsageError } from '../errors.js';
import { FORMATTERS, type FormatName } from '../formatters/index.js';
import type { RenderOptions } from '../formatters/index.js';
import type { Report } from '../types.js';
import { isPathInput } from '../sources/input-kind.js';

/** A report file to write. */
export interface ReportSpec {
  /** Formatter name. */
  format: FormatName;
  /** Output path. */
  path: string;
}

/** Parses `FORMAT[:PATH]`; the default path is reports/citecheck.<ext>. */
export function parseReportSpec(text: string): ReportSpec {
  const colon = text.indexOf(':');
  const name = (colon < 0 ? text : text.slice(0, colon)).trim();
  if (!(name in FORMATTERS)) {
    throw new UsageError(`--report: unknown format "${name}" (choose from ${Object.keys(FORMATTERS).join(', ')})`);
  }
  const format = name as FormatName;
  const file = colon < 0 ? '' : text.slice(colon + 1).trim();
  if (file === '-')
    throw new UsageError(`--report ${name}:-: report files cannot go to stdout; use --format ${name} for that`);
  return { format, path: file || path.join(DEFAULT_REPORT_DIR, `citecheck.${FORMATTERS[format].extension}`) };
}

/**
 * Checks before the run that each report can be written, so a long check does not end in
 * an unwritable path: the file is opened for appending (created and removed again when it
 * did not exist), which is the only test the file system cannot answer wrongly. A report
 * path that is one of the named input files is refused: writing it would destroy the post.
 */
export async function prepareReportPaths(specs: ReportSpec[], inputs: readonly string[] = []): Promise<void> {
  const inputFiles = new Set(inputs.filter(isPathInput).map((i) => path.resolve(i)));
  const seen = new Map<string, string>();
  for (const spec of specs) {
    const target = path.resolve(spec.path);
    if (inputFiles.has(target))
      throw new UsageError(`--report ${spec.format}:${spec.path}: that file is one of the inputs; choose another path`);
    const other = seen.get(target);
    // The same file for two formats: the second would silently overwrite the first.
    if (other !== undefined && other !== spec.format)
      throw new UsageError(`--report: ${spec.path} is given for both ${other} and ${spec.format}`);
    seen.set(target, spec.format);
    try {
      await makeDirs(path.dirname(target));
      const existing = await stat(target).catch(() => undefined);
      if (existing?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      const handle = await open(target, 'a');
      await handle.close();
      if (!existing) await unlink(target);
    } catch (error) {
      throw new OutputError(`cannot write report ${spec.path}: ${describeFsError(error)}`);
    }
  }
}

/** Renders and writes every report file: the one writer. */
export async function writeReports(report: Report, specs: ReportSpec[], options: RenderOptions): Promise<void> {
  for (const spec of specs) {
    const text = FORMATTERS[spec.format].render(report, { ...options, color: false });
    try {
      await makeDirs(path.dirname(path.resolve(spec.path)));
      await writeFile(spec.path, text);
    } catch (error) {
      throw new OutputError(`cannot write report ${spec.path}: ${describeFsError(error)}`);
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
