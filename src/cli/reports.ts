import { mkdir, writeFile, stat, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { DEFAULT_REPORT_DIR } from '../config/defaults.js';
import { OutputError, UsageError } from '../errors.js';
import { FORMATTERS, type FormatName } from '../formatters/index.js';
import type { RenderOptions } from '../formatters/index.js';
import type { Report } from '../types.js';

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
  return { format, path: file || path.join(DEFAULT_REPORT_DIR, `citecheck.${FORMATTERS[format].extension}`) };
}

/**
 * Checks before the run that each report can be written, so a long check does not end in
 * an unwritable path.
 */
export async function prepareReportPaths(specs: ReportSpec[]): Promise<void> {
  for (const spec of specs) {
    const dir = path.dirname(path.resolve(spec.path));
    try {
      await mkdir(dir, { recursive: true });
      await access(dir, constants.W_OK);
      const existing = await stat(spec.path).catch(() => undefined);
      if (existing?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (existing) await access(spec.path, constants.W_OK);
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
      await mkdir(path.dirname(path.resolve(spec.path)), { recursive: true });
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
      return 'a parent is not a directory';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
