import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULTS } from '../config/defaults.js';
import { InputError, UsageError } from '../errors.js';
import type { Post } from '../types.js';
import type { FetchDocument } from './fetch-types.js';
import { expandGlob, isGlob, listFiles } from './glob.js';
import { parseDocument } from './parse-document.js';
import { isOwnReport } from './own-reports.js';
import { InputTooLargeError, inputTooLarge, readFileBounded, readStreamBounded } from './read-bounded.js';
import { loadUrl } from './url.js';

export type { FetchDocument, FetchedDocument } from './fetch-types.js';
export { parseDocument, type DocumentMeta } from './parse-document.js';

/** How inputs that are not files are read. */
export interface LoadOptions {
  /** Reads standard input for "-" (default: process.stdin). */
  readStdin?: () => Promise<Buffer>;
  /** Fetches http(s) inputs; without it a URL input is a usage error. */
  fetchDocument?: FetchDocument;
  /** Told, once loading is done, of each file found by expansion that was skipped. */
  onWarning?: (message: string) => void;
  /** Most bytes of one file or of standard input (default DEFAULTS.maxInputBytes); more is an InputError. */
  maxInputBytes?: number;
}

/** Extensions a directory is searched for. */
const INPUT_EXTENSIONS = /\.(json|html?|md|markdown)$/i;

/** Reads process.stdin to its end, at most `maxBytes`. */
function readProcessStdin(maxBytes: number): Promise<Buffer> {
  return readStreamBounded(process.stdin, 'standard input', maxBytes);
}

/** A one-line reason for a file-system error. */
function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** The files an input path stands for: itself, or a directory's inputs or a glob's matches (`expanded`). */
async function filesOf(input: string): Promise<{ files: string[]; expanded: boolean }> {
  let info;
  try {
    info = await stat(input);
  } catch (error) {
    if (isGlob(input)) {
      const matches = await expandGlob(input);
      if (matches.length === 0) throw new InputError(`${input}: no files match`);
      return { files: matches, expanded: true };
    }
    throw new InputError(`${input}: ${fsReason(error)}`);
  }
  if (!info.isDirectory()) return { files: [input], expanded: false };
  let files: string[];
  try {
    files = (await listFiles(input)).filter((f) => INPUT_EXTENSIONS.test(f));
  } catch (error) {
    throw new InputError(`${input}: ${fsReason(error)}`);
  }
  if (files.length === 0)
    throw new InputError(`${input}: no .json, .html, .htm, .md or .markdown files in this directory`);
  return { files, expanded: true };
}

/** Reads one file's bytes, at most `maxBytes`; a failure is an InputError naming the file. */
async function readInput(file: string, maxBytes: number): Promise<Buffer> {
  try {
    return await readFileBounded(file, maxBytes);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: ${fsReason(error)}`);
  }
}

/** Appends in a loop: a spread passes each post as an argument (an export of 200,000 posts overflowed). */
function append(posts: Post[], more: readonly Post[]): void {
  for (const post of more) posts.push(post);
}

/**
 * Loads every input into posts, in the order given (a directory's files sorted): files,
 * directories (recursively, .json .html .htm .md .markdown), globs, "-" for stdin (format
 * sniffed) and http(s) URLs through `opts.fetchDocument`. A file (or "-") named twice is read once.
 * A file found by expanding a directory or glob that is not a post (package.json, an empty or
 * binary file…) is skipped and reported through `opts.onWarning`: a content folder holds such
 * files, and one of them must not stop the audit of the rest. A file named on its own is the
 * user's choice, so it still throws, as does finding nothing readable at all. Any input over
 * `opts.maxInputBytes` (a file, found or named, or stdin) throws, read no further than the cap.
 * Throws InputError (one line naming the input) or UsageError (URL without network access).
 */
export async function loadInputs(inputs: string[], opts: LoadOptions = {}): Promise<Post[]> {
  const maxBytes = opts.maxInputBytes ?? DEFAULTS.maxInputBytes;
  const posts: Post[] = [];
  const seen = new Set<string>();
  const skipped: string[] = [];
  // Files the user named themselves are never skipped, even when a folder also holds them.
  const named = new Set(inputs.filter((i) => i !== '-' && !/^https?:\/\//i.test(i)).map((i) => path.resolve(i)));
  for (const input of inputs) {
    if (input === '-') {
      // Standard input can be read once: a second "-" would find it drained ("empty file").
      if (seen.has('-')) continue;
      seen.add('-');
      const data = opts.readStdin ? await opts.readStdin() : await readProcessStdin(maxBytes);
      if (data.length > maxBytes) throw inputTooLarge('standard input', maxBytes);
      append(posts, parseDocument(data, { source: '-' }));
    } else if (/^https?:\/\//i.test(input)) {
      if (!opts.fetchDocument) {
        throw new UsageError(
          `URL inputs need network access; ${input} cannot be read offline (save it to a file, or use \`check\` without --offline)`,
        );
      }
      append(posts, await loadUrl(input, opts.fetchDocument));
    } else {
      const { files, expanded } = await filesOf(input);
      for (const file of files) {
        const key = path.resolve(file);
        if (seen.has(key)) continue;
        seen.add(key);
        if (!expanded || named.has(key)) {
          append(posts, parseDocument(await readInput(file, maxBytes), { source: file }));
          continue;
        }
        try {
          const data = await readInput(file, maxBytes);
          // Last run's reports/ is not a post: skip our own output without a word.
          if (isOwnReport(data)) continue;
          append(posts, parseDocument(data, { source: file }));
        } catch (error) {
          // Over the cap stops the run even for a file found in a folder: it may be a real export,
          // and leaving its posts out with a warning would pass a CI check that read none of them.
          if (!(error instanceof InputError) || error instanceof InputTooLargeError) throw error;
          skipped.push(error.message);
        }
      }
    }
  }
  if (posts.length === 0 && skipped.length > 0) {
    const more = skipped.length > 1 ? `; and ${skipped.length - 1} more` : '';
    const what = skipped.length === 1 ? 'the one file found was' : `all ${skipped.length} files found were`;
    throw new InputError(`no posts to read: ${what} skipped (${skipped[0]}${more})`);
  }
  // After loading, not as found: when nothing is left the one error line above says it all.
  for (const message of skipped) opts.onWarning?.(`${message}; skipped`);
  return posts;
}
