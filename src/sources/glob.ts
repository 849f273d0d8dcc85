import { readdir } from 'node:fs/promises';
import path from 'node:path';

// Node 20 has no fs.glob (it arrived in 22), so a small matcher: `*`, `?`, `**`, `[…]`, `{a,b}`.

/** True when an input contains glob syntax. */
export function isGlob(input: string): boolean {
  return /[*?[{]/.test(input);
}

/** Regex source for one glob pattern (forward slashes). */
function globToRegExp(pattern: string): RegExp {
  let out = '';
  let inGroup = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slashAfter = pattern[i + 2] === '/';
        out += slashAfter ? '(?:[^/]*/)*' : '.*';
        i += slashAfter ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) out += '\\[';
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      inGroup++;
      out += '(?:';
    } else if (c === '}' && inGroup > 0) {
      inGroup--;
      out += ')';
    } else if (c === ',' && inGroup > 0) out += '|';
    else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Lists every file under `dir` recursively (skipping dot-folders and node_modules), sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      // In a loop, not push(...): a spread passes each name as an argument (a folder of 200,000 files).
      for (const file of await listFiles(full)) out.push(file);
    } else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Files matching a glob pattern, sorted; relative patterns are relative to `cwd`. */
export async function expandGlob(pattern: string, cwd = process.cwd()): Promise<string[]> {
  const normalized = pattern.split(path.sep).join('/');
  const segments = normalized.split('/');
  const firstMagic = segments.findIndex((s) => isGlob(s));
  const staticPart = segments.slice(0, firstMagic).join('/');
  const root = staticPart === '' ? (normalized.startsWith('/') ? '/' : '.') : staticPart;
  const matcher = globToRegExp(segments.slice(firstMagic).join('/'));
  let files: string[];
  try {
    files = await listFiles(path.resolve(cwd, root));
  } catch {
    return [];
  }
  const base = path.resolve(cwd, root);
  return files
    .filter((file) => matcher.test(path.relative(base, file).split(path.sep).join('/')))
    .map((file) =>
      staticPart === '' && !path.isAbsolute(pattern)
        ? path.relative(cwd, file)
        : path.join(root, path.relative(base, file)),
    );
}
