import { readFile, stat } from '../fs-calls.js';
import path from 'node:path';
import { ConfigError, UsageError } from '../errors.js';
import { isPathInput } from '../sources/input-kind.js';
import { confineToCwd } from './reports.js';

// A bare `--cache` takes the next word as its file (commander's optional value), so
// `check --cache post.md` would make the post the cache and overwrite it after the run.
const HINT = 'to name a cache file write --cache=FILE; a bare --cache goes after the inputs';

/**
 * Refuses a cache path that is one of the inputs, or an existing file that is not a citecheck
 * cache: the run would replace it. A citecheck cache of another layout version, or a cache
 * file cut short, is fine (it is ignored with a warning and rewritten).
 */
export async function guardCachePath(
  cache: string | undefined,
  inputs: readonly string[],
  fromConfig?: string,
  cwd = process.cwd(),
): Promise<void> {
  if (cache === undefined) return;
  // A config file comes with the content it audits: its cache path stays inside the working
  // directory and out of .git, as its report paths do.
  if (fromConfig !== undefined)
    await confineToCwd(
      cache,
      cwd,
      { what: 'its cache', flag: '--cache=FILE' },
      (problem) => new ConfigError(`${fromConfig}: cache path "${cache}" ${problem}`),
    );
  const target = path.resolve(cwd, cache);
  if (inputs.some((input) => isPathInput(input) && path.resolve(input) === target)) {
    throw new UsageError(`--cache ${cache}: that file is one of the inputs (${HINT})`);
  }
  // A cache is read whole and replaced by a rename: a FIFO would hang the read (as one at a
  // report path did, review22), and a device or socket is no cache.
  const info = await stat(target).catch(() => undefined);
  if (info !== undefined && !info.isFile() && !info.isDirectory()) {
    const problem = 'is not a regular file (a FIFO, a device or a socket); a cache must be a file';
    throw fromConfig !== undefined
      ? new ConfigError(`${fromConfig}: cache path "${cache}" ${problem}`)
      : new UsageError(`--cache ${cache}: ${problem} (${HINT})`);
  }
  let text: string;
  try {
    text = await readFile(target, 'utf8');
  } catch {
    return; // missing (created by the run) or unreadable (reported by the cache itself)
  }
  if (text.trim() !== '' && !/^\s*\{\s*"version"\s*:/.test(text)) {
    throw fromConfig !== undefined
      ? new ConfigError(
          `${fromConfig}: cache path "${cache}": that file exists and is not a citecheck cache; refusing to overwrite it`,
        )
      : new UsageError(
          `--cache ${cache}: that file exists and is not a citecheck cache; refusing to overwrite it (${HINT})`,
        );
  }
}

/** The hint for "missing required argument 'inputs'" when a bare --cache swallowed the input. */
export function cacheSwallowedInput(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--cache');
  const next = at >= 0 ? argv[at + 1] : undefined;
  return next !== undefined && !next.startsWith('-') ? ` (--cache took "${next}" as its file: ${HINT})` : undefined;
}
