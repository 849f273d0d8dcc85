import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from '../fs-calls.js';
import path from 'node:path';
import { resolveBytes, segmentOf } from './name-bytes.js';

/** A file found in a folder: the name a report shows and the path it is read by. */
export interface FoundFile {
  /** The path as shown: the folder joined with the names in it (a byte that is no UTF-8 written `\xff`). */
  name: string;
  /**
   * The path to open: `name` itself, or the exact bytes (absolute) when a name on the way is
   * not UTF-8: Node decodes such a name to U+FFFD, and the decoded path names no file.
   */
  path: string | Buffer;
}

/**
 * Tells the walk which files to keep, by the name found in the folder (a link's own name) and
 * the names from the walk's folder to it (`segments`, the last one `name`).
 */
export type KeepFile = (name: string, segments: readonly string[]) => boolean;

/** How a walk goes: which folders it enters, and where a relative folder is. */
export interface WalkOptions {
  /** Whether a folder (by the names from the walk's folder to it) may hold a file to keep; default: all. */
  enter?: (segments: readonly string[]) => boolean;
  /** What a relative `dir` is relative to (default: the working directory); names stay as written. */
  cwd?: string;
  /**
   * The folder's path as bytes, when `dir` (then only the name it is shown by) cannot spell
   * them: a name that is not UTF-8, named on the command line.
   */
  bytes?: Buffer;
}

/** What a folder walk found, and what it left out with the reason (`<name>: <reason>`). */
export interface FolderFiles {
  files: FoundFile[];
  skipped: string[];
}

// The rule of input expansion for one folder's name: version control and tool state (.git,
// .cache, …) and installed packages are never entered. Dot-files themselves are posts like any other.
const skippedFolder = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

const SEP = Buffer.from(path.sep);

// Real paths as keys: their bytes read as latin1, one character per byte, so any name is exact.
const keyOf = (real: Buffer): string => real.toString('latin1');
const within = (key: string, folder: string): boolean =>
  key === folder || key.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);

// Code-unit order, one path segment at a time: a folder's files come in name order with each
// subfolder's files in place, whatever characters the names hold ("a/x" before "a-b").
function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

/** A folder to list: where it is shown, read, and really is (a key of its real path). */
interface Folder {
  segments: string[];
  path: string | Buffer;
  real: string;
}

/** A file or link found in a folder, its name's bytes kept when they are not UTF-8. */
interface Entry {
  folder: Folder;
  segments: string[];
  bytes?: Buffer;
}

/** Why a symbolic link cannot be resolved, from realpath's error. */
function unresolvable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'symbolic link to nothing (dangling)';
  if (code === 'ELOOP') return 'symbolic link loop';
  return `symbolic link not resolved (${code ?? String(error)})`;
}

/** A folder below the one walked that could not be listed: `folder` as shown, `code` its error's. */
export class UnlistedFolder extends Error {
  readonly code: string | undefined;
  constructor(
    readonly folder: string,
    cause: unknown,
  ) {
    // The cause's words alone: the reader of the error names the folder (sources/index.ts).
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.code = (cause as NodeJS.ErrnoException | undefined)?.code;
  }
}

/**
 * A folder's entries with their names as bytes when one of them is not UTF-8. Listed as
 * strings first: Buffer names cost the walk of an ordinary folder ~40% more, and only a name
 * Node decoded to U+FFFD can be other than its string.
 */
async function readFolder(folder: string | Buffer): Promise<Array<Dirent<string> | Dirent<Buffer>>> {
  const entries = await readdir(folder, { withFileTypes: true });
  if (!entries.some((e) => e.name.includes('\ufffd'))) return entries;
  return readdir(folder, { withFileTypes: true, encoding: 'buffer' });
}

/**
 * Lists the files under `dir` that `keep` accepts, recursively, sorted folder by folder; dot-
 * folders and node_modules are not entered. A symbolic link is followed when it leads to a file
 * or folder inside `dir` (its real path, every link on the way resolved) that the walk has not
 * read already; one leading outside (a pull request could link a runner's secrets into a
 * content folder), to nothing, round in a loop or to a file read under another name is left
 * out with the reason. The real tree is walked first, so a file is shown under its own name
 * rather than a link's. Names that are not UTF-8 are read by their bytes.
 * A walk of our own, not a `**` glob: tinyglobby's matcher skips a file whose name holds a
 * newline, and a folder needs no matcher (nor the ~15 ms of loading one).
 */
export async function listFiles(
  dir: string,
  keep: KeepFile = () => true,
  walk: WalkOptions = {},
): Promise<FolderFiles> {
  const enter = walk.enter ?? (() => true);
  const start =
    walk.bytes !== undefined
      ? resolveBytes(walk.bytes, walk.cwd)
      : walk.cwd === undefined
        ? dir
        : path.resolve(walk.cwd, dir);
  const root = keyOf(await realpath(start, { encoding: 'buffer' }));
  const found: Entry[] = [];
  const skipped: string[] = [];
  const links: Entry[] = [];
  // Folders by real path, with the segments they were listed under (the first wins); files the
  // same, made only once a link is followed (most folders have none).
  const folders = new Map<string, string[]>([[root, []]]);
  let files: Map<string, string[]> | undefined;
  const shown = (segments: string[]): string => path.join(dir, ...segments);
  const skip = (segments: string[], reason: string): void => {
    skipped.push(`${shown(segments)}: ${reason}`);
  };
  // A folder below `dir` that cannot be listed is named in the error, not `dir` ("content:
  // permission denied" sent the reader to a folder they can read).
  const readFolderOf = (folder: Folder): ReturnType<typeof readFolder> =>
    readFolder(folder.path).catch((error: unknown) => {
      throw folder.segments.length === 0 ? error : new UnlistedFolder(shown(folder.segments), error);
    });
  // An explicit stack: a folder tree of any depth costs no call stack.
  const pending: Folder[] = [{ segments: [], path: start, real: root }];
  for (;;) {
    for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
      for (const entry of await readFolderOf(folder)) {
        const name = typeof entry.name === 'string' ? { text: entry.name } : segmentOf(entry.name);
        const found1: Entry = { folder, segments: [...folder.segments, name.text] };
        if (name.bytes !== undefined) found1.bytes = name.bytes;
        if (entry.isSymbolicLink()) links.push(found1);
        else if (entry.isFile()) {
          if (keep(name.text, found1.segments)) addFile(found1, files === undefined ? undefined : realOf(found1));
        } else if (entry.isDirectory() && !skippedFolder(name.text) && enter(found1.segments)) {
          const sub = { segments: found1.segments, path: pathOf(found1), real: realOf(found1) };
          folders.set(sub.real, sub.segments);
          pending.push(sub);
        }
      }
    }
    if (links.length === 0) break;
    // The smallest name first, each folder it leads to walked before the next link: one order
    // whatever order the system lists a folder in.
    links.sort((a, b) => compareSegments(b.segments, a.segments));
    await follow(links.pop() as Entry);
  }
  return {
    files: found
      .sort((a, b) => compareSegments(a.segments, b.segments))
      .map((f) => {
        const name = shown(f.segments);
        return { name, path: pathOf(f, name) };
      }),
    skipped,
  };

  /** The path to open an entry by: its shown name (from `cwd`) while every name on the way is UTF-8. */
  function pathOf(entry: Entry, name = shown(entry.segments)): string | Buffer {
    const parent = entry.folder.path;
    if (typeof parent === 'string' && entry.bytes === undefined)
      return start === dir ? name : path.join(parent, entry.segments[entry.segments.length - 1]);
    const base = typeof parent === 'string' ? Buffer.from(path.resolve(parent)) : parent;
    return Buffer.concat([base, SEP, entry.bytes ?? Buffer.from(entry.segments[entry.segments.length - 1])]);
  }

  /** An entry's real path as a key (only its folder's links resolved: the entry's own is not). */
  function realOf(entry: Entry): string {
    const name = entry.bytes ?? Buffer.from(entry.segments[entry.segments.length - 1]);
    const folder = entry.folder.real;
    return folder + (folder.endsWith(path.sep) ? '' : path.sep) + keyOf(name);
  }

  function addFile(entry: Entry, real: string | undefined): void {
    if (files !== undefined && real !== undefined) {
      const first = files.get(real);
      if (first !== undefined) return skip(entry.segments, `the same file as ${shown(first)}, read under that name`);
      files.set(real, entry.segments);
    }
    found.push(entry);
  }

  async function follow(link: Entry): Promise<void> {
    const name = link.segments[link.segments.length - 1];
    const linkPath = pathOf(link);
    let real: string;
    let info;
    try {
      const target = await realpath(linkPath, { encoding: 'buffer' });
      real = keyOf(target);
      info = await stat(target);
    } catch (error) {
      // Said only of a link that could have been a file to keep or a folder to enter.
      if (!keep(name, link.segments) && !enter(link.segments)) return;
      return skip(link.segments, unresolvable(error));
    }
    if (info.isFile()) {
      // By the link's own name, as a file's: `notes.md` → `notes.txt` is read as Markdown.
      if (!keep(name, link.segments)) return;
      if (!within(real, root)) return skip(link.segments, `symbolic link to a file outside ${dir}, not followed`);
      files ??= new Map(found.map((f) => [realOf(f), f.segments]));
      return addFile(link, real);
    }
    if (!info.isDirectory() || skippedFolder(name) || !enter(link.segments)) return;
    if (!within(real, root)) return skip(link.segments, `symbolic link to a folder outside ${dir}, not followed`);
    // The link's own folder lies in its target: following it would walk that folder again, and again.
    if (within(link.folder.real, real)) return skip(link.segments, 'symbolic link to a folder holding it (a loop)');
    const first = folders.get(real);
    if (first !== undefined) return skip(link.segments, `symbolic link to ${shown(first)}, listed under that name`);
    folders.set(real, link.segments);
    // Files found through it may be files found already under their own names.
    files ??= new Map(found.map((f) => [realOf(f), f.segments]));
    pending.push({ segments: link.segments, path: linkPath, real });
  }
}
