import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

// The working directory `/` (a container's default), as realpath gives it: a test cannot write
// a config file into the real root, so the root stands for the folder the file is in.
const root = vi.hoisted(() => ({ dir: '' }));
// The config's file calls go through src/fs-calls.ts (node:fs/promises, loaded on first use).
vi.mock('../../src/fs-calls.js', async (importOriginal) => {
  const fs = await importOriginal<typeof import('../../src/fs-calls.js')>();
  return { ...fs, realpathOf: (p: string) => (p === root.dir ? Promise.resolve('/') : fs.realpathOf(p)) };
});

const { loadConfig } = await import('../../src/config/load.js');

describe('loadConfig in the root folder', () => {
  it('reads a config file found in `/`, which is inside it (review36 F2)', async () => {
    root.dir = await tempDir('citecheck-config-root-');
    await writeFile(path.join(root.dir, 'citecheck.config.json'), '{"concurrency":3}');
    expect((await loadConfig(root.dir))?.config).toEqual({ concurrency: 3 });
  });
});
