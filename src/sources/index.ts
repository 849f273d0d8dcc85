import { createReadStream } from 'node:fs';
import { stat } from '../fs-calls.js';
import path from 'node:path';
import { DEFAULTS } from '../config/defaults.js';
import { InputError, UsageError } from '../errors.js';
import type { Post } from '../types.js';
import type { FetchDocument } from './fetch-types.js';
import { expandGlob, isGlob } from './glob.js';
import { listFiles, UnlistedFolder, type FolderFiles, type FoundFile } from './folder-walk.js';
import { parseDocument } from './parse-document.js';
import { isOwnReport } from './own-reports.js';
import { InputTooLargeError, inputTooLarge, readFileBounded, readStreamBounded } from './read-bounded.js';
import { loadUrl } from './url.js';
import { fileNameText, notUtf8, resolveBytes } from './name-bytes.js';
import { isPathInput, isUrlInput } from './input-kind.js';
import { NotWxrError, readWxr } from './wxr.js';

export { parseDocument } from './parse-document.js';

/** How inputs that are not files are read. */
export interface LoadOptions {
  /** Reads standard input for "-" (default: process.stdin). */
  readStdin?: () => Promise<Buffer>;
  /** Fetches http(s) inputs; without it a URL input is a usage error. */
  fetchDocument?: FetchDocument;
  /** Told, once loading is done, of each file found by expansion that was skipped. */
  onWarning?: (message: string) => void;
  /** Post statuses read from WordPress exports (default: publish). */
  statuses?: readonly string[];
  /**
   * Most bytes of a file read whole or of standard input (default DEFAULTS.maxInputBytes); more is
   * an InputError. A field of a post in a streamed export over it is left out with a warning.
   */
  maxInputBytes?: number;
  /** Base of relative links for posts that name no URL of their own (--base-url). */
  baseUrl?: string;
  /**
   * The bytes of `inputs[i]` where its text cannot spell them: a file, folder or glob named on
   * the command line whose name is not UTF-8 reaches Node with U+FFFD for each such byte, which
   * names no file. Such an input that does not exist as written is read by these bytes, and
   * shown as a folder's walk shows the name (`caf\xe9.md`). Bytes that are its text (a name
   * that really holds U+FFFD) read it as written. Without them it is an InputError saying that
   * the name is not UTF-8.
   */
  inputBytes?: ReadonlyArray<Buffer | undefined>;
}

/** Extensions a directory is searched for. */
const INPUT_EXTENSIONS = /\.(json|html?|md|markdown|xml)$/i;
/** A WordPress export (WXR) is read as a stream, never whole. */
const WXR_EXTENSION = /\.xml$/i;

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

/**
 * A file by its own name: shown and read as named, or by its bytes (absolute, as a folder's
 * walk gives them) shown with \xHH escapes when the name is not UTF-8.
 */
const asFound = (file: string, bytes?: Buffer): FoundFile =>
  bytes === undefined ? { name: file, path: file } : { name: fileNameText(bytes), path: resolveBytes(bytes) };

/** The key a file is read once by: its absolute path, or its bytes when its name is not UTF-8. */
const fileKey = (file: FoundFile): string =>
  typeof file.path === 'string' ? path.resolve(file.path) : `\0${file.path.toString('latin1')}`;

/** An input's bytes (LoadOptions.inputBytes) when they are not its text, else undefined. */
const strayBytes = (input: string, bytes: Buffer | undefined): Buffer | undefined =>
  bytes !== undefined && notUtf8(bytes, input) ? bytes : undefined;

/** Why an input holding U+FFFD, given without its bytes, names no file. */
const NOT_UTF8 =
  'the name is not valid UTF-8 (each \ufffd is a byte Node could not decode) and its bytes could not be read from the command line here; name the folder that holds it instead';

/**
 * The files an input path stands for: itself, or a directory's inputs or a glob's matches
 * (`expanded`), with what a directory's or a glob's walk left out (`skipped`, `<name>: <reason>`).
 * `bytes` (LoadOptions.inputBytes) are read when the input does not exist as written.
 */
async function filesOf(
  input: string,
  given?: Buffer,
): Promise<{ files: FoundFile[]; expanded: boolean; skipped: string[] }> {
  // Given its bytes (not UTF-8), the input is read by them alone: its text, each such byte made
  // U+FFFD, is another name, which may be another file's. Shown as a folder's walk shows it.
  const bytes = strayBytes(input, given);
  const named: { shown: string; bytes?: Buffer } =
    bytes === undefined ? { shown: input } : { shown: fileNameText(bytes), bytes };
  const info = await stat(bytes ?? input).catch((error: unknown) => error as Error);
  if (info instanceof Error) {
    // Without its bytes, a name holding U+FFFD (bytes Node could not decode) finds nothing;
    // with bytes that are its text, it is a name that holds U+FFFD and is not there.
    const lost = given === undefined && input.includes('\ufffd');
    if (!(await isGlob(input))) throw new InputError(`${named.shown}: ${lost ? NOT_UTF8 : fsReason(info)}`);
    return expansion(named.shown, () => expandGlob(input, undefined, bytes), lost ? NOT_UTF8 : 'no files match');
  }
  if (!info.isDirectory()) return { files: [asFound(input, named.bytes)], expanded: false, skipped: [] };
  return expansion(
    named.shown,
    () => listFiles(named.shown, (name) => INPUT_EXTENSIONS.test(name), { bytes: named.bytes }),
    'no .json, .html, .htm, .md, .markdown or .xml files in this directory',
  );
}

/** A folder's or a glob's walk (`walk`), as filesOf gives it; `none` says why it found nothing. */
async function expansion(
  input: string,
  walk: () => Promise<FolderFiles>,
  none: string,
): Promise<{ files: FoundFile[]; expanded: boolean; skipped: string[] }> {
  let found;
  try {
    found = await walk();
  } catch (error) {
    throw new InputError(`${error instanceof UnlistedFolder ? error.folder : input}: ${fsReason(error)}`);
  }
  // Links left out count as files found: their warnings say why nothing was read.
  if (found.files.length === 0 && found.skipped.length === 0) throw new InputError(`${input}: ${none}`);
  return { ...found, expanded: true };
}

/** Reads one file's bytes, at most `maxBytes`; a failure is an InputError naming the file. */
async function readInput(file: FoundFile, maxBytes: number): Promise<Buffer> {
  try {
    return await readFileBounded(file.path, maxBytes, file.name);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file.name}: ${fsReason(error)}`);
  }
}

/** The chunks of a file; an open or read failure is an InputError naming the file. */
async function* fileChunks(file: FoundFile): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(file.path, { highWaterMark: 256 * 1024 })) yield chunk as Buffer;
  } catch (error) {
    throw new InputError(`${file.name}: ${fsReason(error)}`);
  }
}

/** What reading one file needs to know. */
interface FileRead {
  statuses: readonly string[];
  maxBytes: number;
  onWarning?: (message: string) => void;
}

/**
 * Reads one file into posts, a WordPress export post by post as it is read (streamed in bounded
 * memory, so the input cap applies to each field of a post, not to the file: a larger field is
 * left out with a warning); any other file whole, at most `maxBytes`.
 */
async function* readFileInput(file: FoundFile, read: FileRead): AsyncGenerator<Post> {
  const { statuses, maxBytes, onWarning } = read;
  if (WXR_EXTENSION.test(file.name)) {
    yield* readWxr(fileChunks(file), { source: file.name, statuses, maxInputBytes: maxBytes, onWarning });
  } else yield* parseDocument(await readInput(file, maxBytes), { source: file.name, statuses });
}

/**
 * Reads every input into posts, in the order given (a directory's files sorted), handing each
 * post on as soon as it is read: files, directories (recursively, .json .html .htm .md
 * .markdown .xml), globs, "-" for stdin (format sniffed) and http(s) URLs through
 * `opts.fetchDocument`. A WordPress export (.xml) is read as a stream, one post at a time. A
 * file (or "-") named twice is read once.
 * A file found by expanding a directory or glob that is not a post (package.json, an empty or
 * binary file, an .xml that is not a WordPress export…) is skipped and reported through
 * `opts.onWarning`: a content folder holds such files, and one of them must not stop the
 * audit of the rest; so is a symbolic link a directory's or a glob's walk leaves out (see listFiles). A
 * file named on its own is the user's choice, so it still throws, as does
 * finding nothing readable at all. A file read whole (not a WordPress export) or stdin over
 * `opts.maxInputBytes` throws, found or named, read no further than the cap; a post of an
 * export with a field over it is read without that field, with a warning.
 * Throws InputError (one line naming the input) or UsageError (URL without network access).
 */
export async function* readInputs(inputs: string[], opts: LoadOptions = {}): AsyncGenerator<Post> {
  if (opts.baseUrl) {
    // A post's own URL (or <base href>) is where its relative links point; --base-url only fills the gap.
    const { baseUrl, ...rest } = opts;
    for await (const post of readInputs(inputs, rest)) yield post.baseUrl ? post : { ...post, baseUrl };
    return;
  }
  const statuses = opts.statuses ?? ['publish'];
  const maxBytes = opts.maxInputBytes ?? DEFAULTS.maxInputBytes;
  const fileRead: FileRead = { statuses, maxBytes, onWarning: opts.onWarning };
  let read = 0;
  const seen = new Set<string>();
  const skipped: string[] = [];
  // Files the user named themselves are never skipped, even when a folder also holds them.
  const named = new Set(
    inputs.flatMap((input, i) => {
      if (!isPathInput(input)) return [];
      const bytes = strayBytes(input, opts.inputBytes?.[i]);
      return [bytes === undefined ? path.resolve(input) : fileKey(asFound(input, bytes))];
    }),
  );
  for (const [index, input] of inputs.entries()) {
    if (input === '-') {
      // Standard input can be read once: a second "-" would find it drained ("empty file").
      if (seen.has('-')) continue;
      seen.add('-');
      const data = opts.readStdin ? await opts.readStdin() : await readProcessStdin(maxBytes);
      if (data.length > maxBytes) throw inputTooLarge('standard input', maxBytes);
      for (const post of parseDocument(data, { source: '-', statuses })) {
        read += 1;
        yield post;
      }
    } else if (isUrlInput(input)) {
      if (!opts.fetchDocument) {
        throw new UsageError(
          `URL inputs need network access; ${input} cannot be read offline (save it to a file, or use \`check\` without --offline)`,
        );
      }
      for (const post of await loadUrl(input, opts.fetchDocument, { statuses })) {
        read += 1;
        yield post;
      }
    } else {
      const { files, expanded, skipped: leftOut } = await filesOf(input, opts.inputBytes?.[index]);
      skipped.push(...leftOut);
      for (const file of files) {
        const key = fileKey(file);
        if (seen.has(key)) continue;
        seen.add(key);
        if (!expanded || named.has(key)) {
          for await (const post of readFileInput(file, fileRead)) {
            read += 1;
            yield post;
          }
          continue;
        }
        let fromFile = 0;
        try {
          if (WXR_EXTENSION.test(file.name)) {
            for await (const post of readFileInput(file, fileRead)) {
              fromFile += 1;
              read += 1;
              yield post;
            }
            continue;
          }
          const data = await readInput(file, maxBytes);
          // Last run's reports/ is not a post: skip our own output without a word.
          if (isOwnReport(data)) continue;
          for (const post of parseDocument(data, { source: file.name, statuses })) {
            read += 1;
            yield post;
          }
        } catch (error) {
          // Posts already handed on cannot be taken back: a file that fails midway stops the run.
          if (!(error instanceof InputError) || fromFile > 0) throw error;
          // Over the cap stops the run even for a file found in a folder: it may be a real export,
          // and leaving its posts out with a warning would pass a CI check that read none of them.
          if (error instanceof InputTooLargeError) throw error;
          // Our own JUnit report is XML too: skipped without a word, like the others.
          if (error instanceof NotWxrError && (await isOwnXmlReport(file))) continue;
          skipped.push(error.message);
        }
      }
    }
  }
  if (read === 0 && skipped.length > 0) {
    const more = skipped.length > 1 ? `; and ${skipped.length - 1} more` : '';
    const what = skipped.length === 1 ? 'the one file found was' : `all ${skipped.length} files found were`;
    throw new InputError(`no posts to read: ${what} skipped (${skipped[0]}${more})`);
  }
  // After loading, not as found: when nothing is left the one error line above says it all.
  for (const message of skipped) opts.onWarning?.(`${message}; skipped`);
}

/** True when an .xml file is a report citecheck wrote (its first 4 KB). */
async function isOwnXmlReport(file: FoundFile): Promise<boolean> {
  for await (const chunk of createReadStream(file.path, { start: 0, end: 4095 })) return isOwnReport(chunk as Buffer);
  return false;
}

/** Loads every input into posts (see readInputs), all at once. */
export async function loadInputs(inputs: string[], opts: LoadOptions = {}): Promise<Post[]> {
  const posts: Post[] = [];
  for await (const post of readInputs(inputs, opts)) posts.push(post);
  return posts;
}
