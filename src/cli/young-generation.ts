import { setFlagsFromString } from 'node:v8';

/**
 * V8's young generation starts at 1 MB a semi-space and doubles after each collection in which
 * enough survived, to 16 MB. Each page it grows into is memory the process touches for the
 * first time, and a first touch is a page fault, which costs much on this kind of machine (a
 * virtual one): a `check --offline` of the 2,000-link page made ~12,000 faults, ~4,200 of them
 * for a young generation grown to 2 × 8 MB. Kept at its first size while the run starts and
 * extracts its inputs, the same few pages are collected again and again (53 scavenges instead
 * of 7, each of little): process CPU 0.83x, wall 0.74x, peak RSS 66 MB instead of 85 (15 paired
 * runs, load 12-14).
 *
 * Once link requests are in flight the trade turns: every scavenge then walks the state of up
 * to a hundred requests and sockets, most of which survive it, and at 1 MB the versus bench's
 * run made ~45 scavenges, ~36 of them in its first second, against 11 of the bare undici floor
 * (the floor's whole run allocates a third of what citecheck's does). So the run lets it grow
 * (growYoungGeneration) as soon as its first requests are out, and at the latest after
 * SMALL_YOUNG_MS (a long offline run: a site audit), in eightfold steps, which reach the
 * ceiling in two: there, 10 scavenges and 1 mark-compact instead of 15 and 2, process CPU
 * 0.96-0.97x and main thread 0.97x against V8's doubling.
 *
 * Set after the bundle is compiled: V8 reads the flag on each growth, and accepts the code
 * cache only under the flags it was made with (a V8 flag set before would make every run
 * refuse it). A user's own semi-space flags win.
 */

/** How long a run keeps its young generation at its first size when no request goes out earlier. */
const SMALL_YOUNG_MS = 1000;

/**
 * Where the launcher leaves the way to let the young generation grow: the launcher and the CLI
 * are two bundles (scripts/bundle.js), each with its own copy of this module, in one process.
 */
const GROW = Symbol.for('citecheck.growYoungGeneration');

type Holder = { [GROW]?: () => void };

/** Keeps the young generation at its first size until growYoungGeneration (see above). */
export function keepYoungGenerationSmall(): void {
  const userFlags = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  if (/--(semi[-_]space|min[-_]semi[-_]space|max[-_]semi[-_]space)/.test(userFlags)) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  let grown = false;
  const grow = (): void => {
    if (grown) return;
    grown = true;
    setFlagsFromString('--semi-space-growth-factor=8');
  };
  (globalThis as Holder)[GROW] = grow;
  setTimeout(grow, SMALL_YOUNG_MS).unref();
}

/** Lets the young generation grow from now on, if keepYoungGenerationSmall kept it small; else nothing. */
export function growYoungGeneration(): void {
  (globalThis as Holder)[GROW]?.();
}
