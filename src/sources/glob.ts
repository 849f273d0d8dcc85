import path from 'node:path';
import { listFiles, type FolderFiles } from './folder-walk.js';
import { fileNameText, globPatternText, notUtf8 } from './name-bytes.js';

// tinyglobby and picomatch are loaded only when an input names no existing file or folder:
// most runs name files, folders or URLs, and loading them cost ~15 ms of every start-up.
const tinyglobby = () => import('tinyglobby');

// An escaped glob character (`\*`, `\[`): the pattern names a file with that character in its
// name. tinyglobby does not count it as dynamic, yet only its matcher reads the escape.
const ESCAPED_GLOB_CHAR = /\\[*?[\]{}()!@+]/;

/**
 * True when an input contains glob syntax (tinyglobby's reading: `*`, `?`, `[…]`, `{a,b}`,
 * extglobs), or escapes one (`st\*r.md`, on systems where `\` is no path separator).
 */
export async function isGlob(input: string): Promise<boolean> {
  const pattern = input.split(path.sep).join('/');
  const { isDynamicPattern } = await tinyglobby();
  return isDynamicPattern(pattern) || (path.sep === '/' && ESCAPED_GLOB_CHAR.test(pattern));
}

/**
 * Which folders under a glob's fixed part may hold a match, by the pattern's segments: with a
 * `**`, those whose names match the segments before it; without one, those less deep than the
 * pattern whose names match its segments. A brace or extglob holding a "/" may match at any depth.
 */
function folderTest(
  segments: readonly string[],
  matcher: (glob: string) => (name: string) => boolean,
): (folder: readonly string[]) => boolean {
  if (/[{(][^})]*\//.test(segments.join('/'))) return () => true;
  const globstar = segments.findIndex((s) => s.includes('**'));
  const fixed = (globstar < 0 ? segments.slice(0, -1) : segments.slice(0, globstar)).map(matcher);
  return (folder) =>
    (globstar >= 0 || folder.length <= fixed.length) && folder.every((name, i) => i >= fixed.length || fixed[i]!(name));
}

/**
 * The files matching a glob pattern, and what its walk left out (`<name>: <reason>`), sorted
 * folder by folder; relative patterns are relative to `cwd`. Shown names keep the fixed part of
 * the pattern as written (`content/*` gives `content/post.md`), and the walk starts there, so a
 * folder the user names explicitly is entered even when it is a dot-folder. The walk is a
 * folder's (listFiles): dot-folders and node_modules below the fixed part are not entered, and
 * a symbolic link is followed, or left out with the reason, as in a folder. `bytes` are the
 * pattern's own when `pattern` cannot spell them (not UTF-8, as Node decodes a command line):
 * the walk starts at the fixed part's bytes, and a stray byte after it matches its `\xHH` escape.
 */
export async function expandGlob(pattern: string, cwd = process.cwd(), bytes?: Buffer): Promise<FolderFiles> {
  const [{ isDynamicPattern }, { default: picomatch }] = await Promise.all([tinyglobby(), import('picomatch')]);
  const normalized = pattern.split(path.sep).join('/');
  const segments = normalized.split('/');
  // A brace spanning a "/" ({a/b,c}/x) has no magic segment of its own: walk from the start.
  const cut = Math.max(
    0,
    segments.findIndex((s) => isDynamicPattern(s)),
  );
  // A "/" is one byte that no decoding replaces: the bytes have the same segments as the text.
  const byteSegments = bytes?.toString('latin1').split('/');
  const fixedBytes = byteSegments && Buffer.from(byteSegments.slice(0, cut).join('/'), 'latin1');
  const fixed = fixedBytes ? fileNameText(fixedBytes) : segments.slice(0, cut).join('/');
  const root = fixed === '' ? (normalized.startsWith('/') ? '/' : '.') : fixed;
  const rest = byteSegments
    ? byteSegments.slice(cut).map((s) => globPatternText(Buffer.from(s, 'latin1')))
    : segments.slice(cut);
  // tinyglobby's reading: `[!x]` negates a class (posix), dot-files match.
  const matcher = (glob: string) => picomatch(glob, { dot: true, posix: true });
  const matches = matcher(rest.join('/'));
  try {
    return await listFiles(root, (_name, found) => matches(found.join('/')), {
      cwd,
      enter: folderTest(rest, matcher),
      ...(fixedBytes && notUtf8(fixedBytes) ? { bytes: fixedBytes } : {}),
    });
  } catch (error) {
    // The fixed part names no folder: nothing matches.
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { files: [], skipped: [] };
    throw error;
  }
}
