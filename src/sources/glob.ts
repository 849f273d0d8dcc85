import path from 'node:path';
import { compareSegments } from './folder-walk.js';

// tinyglobby (with picomatch and fdir) is loaded only when an input names no existing file or
// folder: most runs name files, folders or URLs, and loading it cost ~15 ms of every start-up.
const tinyglobby = () => import('tinyglobby');

// Folders an input expansion never enters, below the folder or the glob's fixed part the user
// named: version control and tool state (.git, .cache, …) and installed packages. Dot-files
// themselves are posts like any other. citecheck's own reports are recognised by their content
// when read (own-reports.ts), wherever they are.
const SKIPPED_FOLDERS = ['**/.*/**', '**/node_modules/**'];
// (folder-walk.ts's skippedFolder is the same rule for a folder walk.)

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

/** Files under `root` matching `pattern` (relative to it, '/'-separated), sorted folder by folder. */
async function filesUnder(root: string, pattern: string): Promise<string[]> {
  const { glob } = await tinyglobby();
  const found = await glob(pattern, {
    cwd: root,
    dot: true,
    ignore: SKIPPED_FOLDERS,
    onlyFiles: true,
    // A link inside a content folder is not followed: it may point anywhere, or loop.
    followSymbolicLinks: false,
    expandDirectories: false,
  });
  return found
    .map((rel) => rel.split('/'))
    .sort(compareSegments)
    .map((segments) => segments.join('/'));
}

/**
 * Files matching a glob pattern, sorted; relative patterns are relative to `cwd`. Paths keep
 * the fixed part of the pattern as written (`content/*` gives `content/post.md`), and the walk
 * starts there, so a folder the user names explicitly is entered even when it is a dot-folder.
 */
export async function expandGlob(pattern: string, cwd = process.cwd()): Promise<string[]> {
  const { isDynamicPattern } = await tinyglobby();
  const normalized = pattern.split(path.sep).join('/');
  const segments = normalized.split('/');
  // A brace spanning a "/" ({a/b,c}/x) has no magic segment of its own: walk from the start.
  const cut = Math.max(
    0,
    segments.findIndex((s) => isDynamicPattern(s)),
  );
  const fixed = segments.slice(0, cut).join('/');
  const root = fixed === '' ? (normalized.startsWith('/') ? '/' : '.') : fixed;
  const files = await filesUnder(path.resolve(cwd, root), segments.slice(cut).join('/'));
  return files.map((rel) => path.join(root, rel));
}
