import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';

// What bin/citecheck.js does before the CLI's own code runs: V8's flags, then the bundle
// (scripts/bundle.js) compiled with the code cache the build made for it.

/** V8's default optimisation budget (--interrupt-budget), put back after the first seconds. */
const DEFAULT_INTERRUPT_BUDGET = 67584;

/**
 * Sets the V8 flags a run is tuned for, unless the user's own node flags name them. Must run
 * before the bundle is compiled: V8 accepts a code cache only under the flags it was made with.
 */
export function tuneV8({ keepBudget = false }: { keepBudget?: boolean } = {}): void {
  const userFlags = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  // An archive audit holds its posts, and then its report, for most of the run (~130 MB of live
  // heap for the site bench's 20,000 posts and 100,000 citations). V8's default lets the heap
  // grow to up to 4× the live size between full collections, which put the bench's peak RSS at
  // 520-750 MB; growing by 30% keeps it near 430 MB for about 10% more CPU, and changes nothing
  // measurable on small runs. A user's own choice (NODE_OPTIONS, node flags) wins.
  if (!/--(heap-growing-percent|max-old-space-size|optimize-for-size)/.test(userFlags))
    setFlagsFromString('--heap-growing-percent=30');
  // A run is short (a 2,000-link check takes ~1.5 s of CPU), and V8's default sends every
  // function that turns warm to its optimising compiler on a background thread: ~500 ms of
  // compiling on the versus bench, much of it for code that then ran only a few more times, on
  // the core the servers and the main thread need. Four times the default budget before a
  // function is optimised keeps the hot loops (parser, HTTP client) optimised and skips the
  // rest: process CPU -17% (1,592 → 1,322 ms), main thread +80 ms. Only tiering moves;
  // behaviour cannot change. A long run (a site audit: ~20 s of CPU) gets V8's default back
  // after 3 s, since there the compiles pay back, and a function that deoptimises would wait
  // 4× longer to be optimised again. (The build's training run keeps the raised budget: the
  // code cache it writes is only accepted under the flags a run starts with.)
  // V8 runs a regular expression's first match in its bytecode interpreter and compiles it to
  // machine code on the next: two compiles for every pattern a run uses more than once. The
  // claim rules are large case-insensitive Unicode patterns (PROVISION alone: ~11 ms the two ways
  // on its first 2,000 sentences, ~4 ms compiled once), and a run is mostly their first uses:
  // straight to machine code, the main thread of `check --offline` on the 2,000-link page
  // takes 9% less (paired). Only how a pattern runs changes, never what it matches.
  if (!/--(no-)?regexp[-_]tier[-_]up/.test(userFlags)) setFlagsFromString('--no-regexp-tier-up');
  if (!/--interrupt[-_]budget/.test(userFlags)) {
    setFlagsFromString(`--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET * 4}`);
    if (!keepBudget)
      setTimeout(() => setFlagsFromString(`--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET}`), 3000).unref();
  }
}

/** How long a run keeps its young generation at its first size (see sizeYoungGeneration). */
const SMALL_YOUNG_MS = 1000;

/**
 * V8's young generation starts at 1 MB a semi-space and doubles after each collection in which
 * enough survived, to 16 MB. Each page it grows into is memory the process touches for the
 * first time, and a first touch is a page fault, which costs much on this kind of machine (a
 * virtual one): a `check --offline` of the 2,000-link page made ~12,000 faults, ~4,200 of them
 * for a young generation grown to 2 × 8 MB. Kept at its first size for the first second, which
 * is all of a short run, the same few pages are collected again and again (53 scavenges instead
 * of 7, each of little): process CPU 0.83x, wall 0.74x, peak RSS 66 MB instead of 85 (15 paired
 * runs, load 12-14). A longer run (the versus bench, a site audit) then grows it in eightfold
 * steps, which reach the ceiling in two: there, 10 scavenges and 1 mark-compact instead of 15
 * and 2, process CPU 0.96-0.97x and main thread 0.97x against V8's doubling. Set after the
 * bundle is compiled: V8 reads the flag on each growth, and accepts the code cache only under
 * the flags it was made with (a V8 flag set before would make every run refuse it). A user's
 * own semi-space flags win.
 */
function sizeYoungGeneration(): void {
  const userFlags = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  if (/--(semi[-_]space|min[-_]semi[-_]space|max[-_]semi[-_]space)/.test(userFlags)) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  setTimeout(() => setFlagsFromString('--semi-space-growth-factor=8'), SMALL_YOUNG_MS).unref();
}

/**
 * The CLI bundle's path and its code cache's (both in dist/, written only by the build).
 * @public scripts/bundle.js checks the cache with it.
 */
export function bundlePaths(distDir: string): { bundle: string; cache: string; front: string } {
  return {
    bundle: path.join(distDir, 'cli.bundle.cjs'),
    cache: path.join(distDir, 'cli.bundle.cache'),
    front: path.join(distDir, 'cli.front.cjs'),
  };
}

/**
 * Runs the front bundle (scripts/bundle.js: the CLI without its commands, ~90 KB beside the
 * bundle's ~850 KB and its ~1 MB code cache) for a run that asks for help (early-answers.ts):
 * reading and deserializing the whole CLI was over half of `citecheck --help`. Loaded as
 * Node loads any CommonJS file: there is no cache to give it. Should commander reach a command
 * after all, the front hands the run over to the bundle. False when the build made no front.
 */
export function runFront(distDir: string): boolean {
  const { front } = bundlePaths(distDir);
  if (!statSync(front, { throwIfNoEntry: false })) return false;
  createRequire(front)(front);
  return true;
}

/**
 * Runs the CommonJS CLI bundle as Node's own loader would (same wrapper, its require, its file
 * name in stack traces), but compiled with V8's code cache: compiling the ~850 KB bundle's
 * functions again on every start was ~10% of the CPU of `check --offline` on a 2,000-link page.
 * The cache is only ever read from dist/, beside the bundle, where the build wrote it (a cache
 * that someone else could write would be code). V8 checks it against the source, its own
 * version and the flags, and refuses one that does not match; the bundle is then compiled
 * from source as usual, only slower. `writeCache` (the build's training run) writes the cache
 * at exit, with the functions that run compiled.
 */
export function runBundle(distDir: string, { writeCache = false }: { writeCache?: boolean } = {}): boolean {
  const { bundle, cache } = bundlePaths(distDir);
  const bundleStat = statSync(bundle, { throwIfNoEntry: false });
  if (!bundleStat) return false;
  // V8 matches a cache to its source by length alone: a bundle changed after the build (edited
  // by hand, written again without its cache) must not run with the old one's code.
  const cacheStat = writeCache ? undefined : statSync(cache, { throwIfNoEntry: false });
  const fresh = cacheStat !== undefined && cacheStat.mtimeMs >= bundleStat.mtimeMs;
  const script = compileBundle(bundle, fresh ? readFileSync(cache) : undefined);
  // Not in the training run: the cache it writes must be made under a plain run's flags.
  if (!writeCache) sizeYoungGeneration();
  if (writeCache)
    process.once('exit', () => {
      // Written beside and renamed: a run never reads half a cache. A dist/ this run may not
      // write into is said in one line (the build then finds no cache and warns), not a trace.
      try {
        writeFileSync(`${cache}.tmp`, script.createCachedData());
        renameSync(`${cache}.tmp`, cache);
      } catch (error) {
        console.error(`citecheck: could not write the code cache ${cache}: ${(error as Error).message}`);
      }
    });
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, distDir);
  return true;
}

/**
 * The bundle compiled in Node's CommonJS wrapper, from `cachedData` where V8 accepts it
 * (`script.cachedDataRejected` says whether it did).
 * @public scripts/bundle.js checks the cache with it.
 */
export function compileBundle(bundle: string, cachedData?: Buffer): vm.Script {
  // The build wrote the bundle inside the module wrapper (scripts/bundle.js): its text as read
  // is the script, and its value the wrapper function.
  return new vm.Script(readFileSync(bundle, 'utf8'), { filename: bundle, cachedData });
}
