import fs from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { promisify } from 'node:util';

/**
 * The file system calls of node:fs/promises, without loading it until a run calls one of them.
 * node:fs/promises is not in Node's start-up snapshot: the first module that imported it loaded
 * it and the ~10 internal modules it requires (the readline interface, directories, watchers),
 * ~6 ms of CPU of every CLI run (a sixth of the bundle's module evaluation in `check --offline`
 * of a 2,000-link page), though such a run calls no function of it but the two below. In the
 * CLI's bundle each function here reads `fs.promises` (Node's lazy getter) when called.
 */

export type { FileHandle } from 'node:fs/promises';

/** A function of node:fs/promises, looked up when first called. */
function later<K extends keyof typeof FsPromises>(name: K): (typeof FsPromises)[K] {
  return ((...args: unknown[]) =>
    (fs.promises[name] as (...a: unknown[]) => unknown)(...args)) as (typeof FsPromises)[K];
}

// Reading an input (stat, then readFile) is every run's: over fs's callbacks, which Node has
// loaded at start. Same results and errors as node:fs/promises' (both from libuv's answers).
export const stat = promisify(fs.stat);
export const readFile = promisify(fs.readFile);

export const appendFile = later('appendFile');
export const lstat = later('lstat');
export const mkdir = later('mkdir');
export const open = later('open');
export const readdir = later('readdir');
export const realpath = later('realpath');
export const rename = later('rename');
export const unlink = later('unlink');
export const writeFile = later('writeFile');
