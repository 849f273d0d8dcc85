import { mkdir, stat } from './fs-calls.js';
import path from 'node:path';

/**
 * `mkdir -p`, one level at a time. Node 20's `mkdir(…, { recursive: true })` never returns
 * under procfs (`/proc/nope/x`: it spins at 100% CPU), so a bad --report or --cache path
 * hung the run; creating each missing level ourselves fails at once with ENOENT/EACCES.
 */
export async function makeDirs(dir: string): Promise<void> {
  const target = path.resolve(dir);
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory()) return;
  if (info) throw Object.assign(new Error(`${target} is not a directory`), { code: 'ENOTDIR' });
  const parent = path.dirname(target);
  if (parent !== target) await makeDirs(parent);
  try {
    await mkdir(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
