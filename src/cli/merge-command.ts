import { readFile } from '../fs-calls.js';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { ShardMerger } from '../report/merge.js';
import { TOOL_NAME } from '../version.js';
import type { Report } from '../types.js';
import { runAndReport } from './check-command.js';

/**
 * `citecheck merge <report.json...>`: joins the JSON reports of a sharded run into the report of
 * the whole run, written like a check's (stdout, --report files, GitHub output) and with its
 * exit code. Reports of another version, of other inputs, a shard given twice or missing: one
 * line, exit 2.
 */
export async function mergeCommand(files: string[], opts: Record<string, unknown>, cmd: Command): Promise<number> {
  return runAndReport(files, opts, cmd, async () => ({ report: await mergeReportFiles(files) }));
}

/** Reads and joins the shard reports, one file at a time. */
export async function mergeReportFiles(files: readonly string[]): Promise<Report> {
  const merger = new ShardMerger();
  for (const file of files) merger.add(await readReport(file), file);
  return merger.result();
}

async function readReport(file: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(`${file}: not a JSON report of ${TOOL_NAME} (it is not JSON)`);
  }
  const report = value as Partial<Report> | null;
  if (
    report === null ||
    typeof report !== 'object' ||
    report.tool?.name !== TOOL_NAME ||
    !Array.isArray(report.posts) ||
    !Array.isArray(report.findings) ||
    !Array.isArray(report.hosts) ||
    !postsWellFormed(report.posts)
  )
    throw new InputError(`${file}: not a JSON report of ${TOOL_NAME} (write one with --report json or --shard k/n)`);
  return report as Report;
}

/**
 * Every post has its blocks and every block its citations as lists: what merging walks. A shard
 * report edited by hand or cut by another tool is refused in one line rather than crashing.
 */
function postsWellFormed(posts: unknown[]): boolean {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  return posts.every(
    (post) =>
      isObject(post) &&
      Array.isArray(post.blocks) &&
      post.blocks.every((block: unknown) => isObject(block) && Array.isArray(block.citations)),
  );
}
