import fs from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { promisify } from 'node:util';

/**
 * The file system calls of node:fs/promises, without loading it until a run calls one of them.
 * node:fs/promises is not in Node's start-up snapshot: the first module that imported it loaded
 * it and the ~10 internal modules it requires (the readline interface, directories, watchers),
 * ~6 ms of CPU of every CLI run (a sixth of the bundle's module evaluation in `check --offline`
 * of a 2,000-link page), though such a run calls none of it but the few below. Each other
 * function here reads `fs.promises` (Node's lazy getter) when called.
 */

export type { FileHandle } from 'node:fs/promises';

/** A function of node:fs/promises, looked up when first called. */
function later<K extends keyof typeof FsPromises>(name: K): (typeof FsPromises)[K] {
  return ((...args: unknown[]) =>
    (fs.promises[name] as (...a: unknown[]) => unknown)(...args)) as (typeof FsPromises)[K];
}

// Reading an input (stat, then readFile) and the config (a package.json is found on most
// runs: realpath, then the file opened and read) are every run's: over fs's callbacks, which Node
// has loaded at start. Same results and errors as node:fs/promises' (both from libuv's answers;
// its realpath is libuv's, fs.realpath.native).
export const stat = promisify(fs.stat);
export const readFile = promisify(fs.readFile);

/** The real path of `file` (libuv's, as node:fs/promises' realpath). */
export function realpathOf(file: string): Promise<string> {
  return new Promise((resolve, reject) =>
    fs.realpath.native(file, (error, real) => (error ? reject(error) : resolve(real))),
  );
}

/** What reading a file opened with openFile takes: FileHandle's methods of those names. */
export interface OpenFile {
  stat(): Promise<fs.Stats>;
  read(buffer: Buffer, offset: number, length: number, position: number | null): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

const openFd = promisify(fs.open);
const fstat = promisify(fs.fstat);
const closeFd = promisify(fs.close);

/** `file` opened with `flags`, as node:fs/promises' open() would, for reading it through its descriptor. */
export async function openFile(file: string, flags: string): Promise<OpenFile> {
  const fd = await openFd(file, flags);
  return {
    stat: () => fstat(fd),
    read: (buffer, offset, length, position) =>
      new Promise((resolve, reject) =>
        fs.read(fd, buffer, offset, length, position, (error, bytesRead) =>
          error ? reject(error) : resolve({ bytesRead }),
        ),
      ),
    close: () => closeFd(fd),
  };
}

export const appendFile = later('appendFile');
export const lstat = later('lstat');
export const mkdir = later('mkdir');
export const open = later('open');
export const readdir = later('readdir');
export const realpath = later('realpath');
export const rename = later('rename');
export const unlink = later('unlink');
export const writeFile = later('writeFile');
