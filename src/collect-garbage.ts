import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Runs a full garbage collection now. For the few points of a large run where most of the heap
 * has just become garbage and a phase that allocates as much again follows (see run.ts): V8
 * otherwise grows the heap by its growing factor over a live size that counts the garbage.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    // A context made after the flag is set has the `gc` global; the flag only adds that function.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
