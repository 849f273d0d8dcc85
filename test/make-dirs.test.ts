import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirs } from '../src/make-dirs.js';
import { tempDirSync } from './helpers/temp-dir.js';

describe('makeDirs', () => {
  it('creates every missing level and accepts an existing folder', async () => {
    const root = tempDirSync('citecheck-dirs-');
    await makeDirs(path.join(root, 'a/b/c'));
    expect(existsSync(path.join(root, 'a/b/c'))).toBe(true);
    await makeDirs(path.join(root, 'a/b/c'));
  });

  it('fails on a file where a folder should be', async () => {
    const root = tempDirSync('citecheck-dirs-');
    writeFileSync(path.join(root, 'file'), 'x');
    await expect(makeDirs(path.join(root, 'file/sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it.runIf(process.platform === 'linux')('fails at once under /proc, where recursive mkdir spins forever', async () => {
    await expect(makeDirs('/proc/citecheck-no-such/dir')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
