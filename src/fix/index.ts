import { readFile } from '../fs-calls.js';
import type { InputKind, LinkStatus, Report, ReportPost } from '../types.js';
import {
  applyEdits,
  htmlEdits,
  markdownEdits,
  wordpressEdits,
  type Edit,
  type FixCounts,
  type PostFixes,
} from './edit-document.js';
import { planLinkFixes, type FixOptions } from './link-fixes.js';

export type { FixOptions } from './link-fixes.js';
export { unifiedDiff } from './unified-diff.js';

const GONE: ReadonlySet<LinkStatus> = new Set<LinkStatus>(['broken', 'unreachable', 'soft-404', 'timeout']);

/** One input file and what fixing it gives. */
export interface FixedFile {
  /** The file as the report names it (the input path as given). */
  path: string;
  /** Its format. */
  kind: InputKind;
  /** Its text as read. */
  before: string;
  /** Its text with the fixes (equal to `before` when nothing changed). */
  after: string;
  /** Why the file was left as it was, when it could not be fixed. */
  problem?: string;
}

/** What `citecheck fix` did to a checked run. */
export interface FixResult {
  /** Every input file, in report order. */
  files: FixedFile[];
  /** Links changed, by reason. */
  counts: FixCounts;
  /** Failing sources (confirmed dead) that have no capture: nothing to link. */
  unrescued: number;
}

/** The posts of a report grouped by the file they came from, in order. */
function postsByFile(report: Report): Map<string, number[]> {
  const files = new Map<string, number[]>();
  report.posts.forEach((post, i) => {
    const list = files.get(post.source);
    if (list === undefined) files.set(post.source, [i]);
    else list.push(i); // in place: a copy per post was quadratic in an export's posts
  });
  return files;
}

function postFixes(report: Report, index: number, options: FixOptions): PostFixes {
  const post: ReportPost = report.posts[index];
  const fixes: PostFixes = { fixes: planLinkFixes(report, index, options) };
  const base = post.baseUrl ?? post.url;
  if (base !== undefined) fixes.base = base;
  return fixes;
}

/**
 * Writes what a checked report recommends into the text of its input files (nothing is
 * written to disk here): moved sources get their new URL, dead ones their capture, and with
 * `robust: 'all'` live ones their capture as Robust Links. Only link spans change; a file
 * whose bytes are not UTF-8, or that is not a file (stdin, a URL), is left alone with a reason.
 */
export async function fixReport(
  report: Report,
  options: FixOptions,
  read: (path: string) => Promise<Buffer> = (path) => readFile(path),
): Promise<FixResult> {
  const counts: FixCounts = { moved: 0, archived: 0, robust: 0 };
  const files: FixedFile[] = [];
  for (const [path, indexes] of postsByFile(report)) {
    const kind = report.posts[indexes[0]].kind;
    const file: FixedFile = { path, kind, before: '', after: '' };
    files.push(file);
    if (path === '-' || /^https?:\/\//i.test(path)) {
      file.problem = 'not a file';
      continue;
    }
    if (/\.xml$/i.test(path)) {
      file.problem = 'WXR exports are not rewritten';
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await read(path);
    } catch (error) {
      // The name a report shows is not always one to open: a name that is not UTF-8 is shown
      // with `\xff` escapes (the check read it by its bytes), and a file may be gone since.
      file.problem = `cannot be read by the name the report gives it (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
      continue;
    }
    const text = bytes.toString('utf8');
    file.before = text;
    file.after = text;
    if (!Buffer.from(text, 'utf8').equals(bytes)) {
      file.problem = 'not UTF-8: left as it is';
      continue;
    }
    const fixes = indexes.map((i) => postFixes(report, i, options));
    let edits: Edit[];
    if (kind === 'wordpress') {
      const result = wordpressEdits(text, fixes, options, counts);
      if (result.problem) file.problem = result.problem;
      edits = result.edits;
    } else if (kind === 'markdown') {
      edits = markdownEdits(text, fixes[0], options, counts);
    } else {
      edits = htmlEdits(text, fixes[0], options, counts);
    }
    file.after = applyEdits(text, edits);
  }
  let unrescued = 0;
  for (const post of report.posts)
    for (const block of post.blocks)
      for (const c of block.citations)
        if (GONE.has(c.status) && c.archive?.status === 'missing' && !c.unconfirmed) unrescued += 1;
  return { files, counts, unrescued };
}
