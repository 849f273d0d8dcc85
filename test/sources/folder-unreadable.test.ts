import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

// A folder the walk cannot list (permission denied, or gone between its parent's listing and its
// own: ENOENT mid-walk). The tests run as root, where a chmod denies nothing: the listing fails here.
const denied = vi.hoisted(() => ({ folder: '', code: 'EACCES' }));
vi.mock('../../src/fs-calls.js', async (importOriginal) => {
  const fs = await importOriginal<typeof import('../../src/fs-calls.js')>();
  const readdir = ((folder: unknown, ...rest: unknown[]) => {
    if (typeof folder === 'string' && path.resolve(folder) === denied.folder)
      return Promise.reject(Object.assign(new Error(`${denied.code}: scandir '${folder}'`), { code: denied.code }));
    return (fs.readdir as (...a: unknown[]) => unknown)(folder, ...rest);
  }) as typeof fs.readdir;
  return { ...fs, readdir };
});

const { loadInputs } = await import('../../src/sources/index.js');

describe('a folder the walk cannot list', () => {
  it.each([
    ['EACCES', 'permission denied'],
    ['ENOENT', 'no such file or directory'],
  ])('%s: one line naming that folder, not the folder given', async (code, reason) => {
    const dir = await tempDir('citecheck-unreadable-');
    await mkdir(path.join(dir, 'drafts'));
    await writeFile(path.join(dir, 'post.md'), 'Rents rose 14% last year.\n');
    await writeFile(path.join(dir, 'drafts', 'draft.md'), 'Fares rose 9%.\n');
    Object.assign(denied, { folder: path.join(dir, 'drafts'), code });
    await expect(loadInputs([dir])).rejects.toThrow(`${path.join(dir, 'drafts')}: ${reason}`);
    // The folder given, unreadable itself, is named as before.
    denied.folder = dir;
    await expect(loadInputs([dir])).rejects.toThrow(`${dir}: ${reason}`);
  });
});
