import fc from 'fast-check';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { notInert } from '../helpers/inert-output.js';
import { hostileInput } from './post-shapes.js';
import { tempDir } from '../helpers/temp-dir.js';

const SEED = Number(process.env.CITECHECK_FUZZ_SEED ?? 13);
// A CLI run is a process: a handful of inputs, in one folder and one by one.
const INPUTS = 6;

/** A stack frame line ("    at fn (file:…)"): what a crash prints and a user error never does. */
const STACK_FRAME = /^\s+at .+[:(]/m;

describe('fuzz: hostile posts through the CLI end in exit 0, 1 or 2 with inert output', () => {
  let cwd: string;
  let files: string[];
  beforeAll(async () => {
    cwd = await tempDir('citecheck-fuzz-');
    await mkdir(path.join(cwd, 'posts'));
    const inputs = fc.sample(hostileInput, { numRuns: INPUTS, seed: SEED });
    files = [];
    for (const [i, input] of inputs.entries()) {
      const file = path.join('posts', `post-${i}.${input.ext}`);
      await writeFile(path.join(cwd, file), input.text);
      files.push(file);
    }
  });

  it('check --offline of the folder, under GITHUB_ACTIONS=true', async () => {
    const result = await runCli(['check', 'posts', '--offline', '--no-config'], {
      cwd,
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect([0, 1, 2], result.stderr).toContain(result.code);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(notInert(result.stdout)).toBeUndefined();
    expect(notInert(result.stderr)).toBeUndefined();
  });

  it('each input on its own: check --format json or extract', { timeout: 90_000 }, async () => {
    for (const [i, file] of files.entries()) {
      const args =
        i % 2 === 0
          ? ['check', file, '--offline', '--no-config', '--format', 'json']
          : ['extract', file, '--no-config'];
      const result = await runCli(args, { cwd, env: { GITHUB_ACTIONS: 'true' } });
      const label = `${args.join(' ')}: ${result.stderr.slice(0, 300)}`;
      expect([0, 1, 2], label).toContain(result.code);
      expect(result.stderr, label).not.toMatch(STACK_FRAME);
      expect(notInert(result.stdout), label).toBeUndefined();
      expect(notInert(result.stderr), label).toBeUndefined();
      if (result.code !== 2) expect(() => JSON.parse(result.stdout), label).not.toThrow();
      else expect(result.stderr.trimEnd().split('\n'), label).toHaveLength(1);
    }
  });
});
