import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { asksHelp, BUILT_HELP_FILE, builtHelp, versionOnly } from '../../src/cli/early-answers.js';
import { main } from '../../src/cli/main.js';
import { ROOT, runCli } from './run-cli.js';

/** What main() itself (commander) writes on stdout for `args`, with its exit code. */
async function throughCommander(args: string[]): Promise<{ code: number; stdout: string }> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const code = await main(args, { check: async () => 0, extract: async () => 0 });
    return { code, stdout: out.mock.calls.map((c) => String(c[0])).join('') };
  } finally {
    out.mockRestore();
  }
}

describe('the answers bin/citecheck.js gives before the bundle', () => {
  it('a lone version flag only', () => {
    expect(versionOnly(['--version'])).toBe(true);
    expect(versionOnly(['-V'])).toBe(true);
    for (const args of [[], ['--version', 'x'], ['check', '--version'], ['--versions'], ['-v']])
      expect(versionOnly(args)).toBe(false);
  });

  it('help: no arguments, the help command, or a help flag anywhere', () => {
    for (const args of [[], ['help'], ['help', 'check'], ['--help'], ['check', '-h'], ['wp', 'x', '--help']])
      expect(asksHelp(args)).toBe(true);
    for (const args of [['check', 'x'], ['--version'], ['check', '--helpful'], ['check', 'help']])
      expect(asksHelp(args)).toBe(false);
  });

  it("the program's help alone, off a terminal, from the text the build wrote", () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'citecheck-help-'));
    try {
      const offTerminal = (): boolean => false;
      expect(builtHelp(['--help'], dist, offTerminal)).toBeUndefined();
      writeFileSync(path.join(dist, BUILT_HELP_FILE), 'Usage: citecheck\n');
      for (const args of [['--help'], ['-h'], ['help']])
        expect(builtHelp(args, dist, offTerminal)).toBe('Usage: citecheck\n');
      // On a terminal commander wraps to its width; a command's help is its own.
      expect(builtHelp(['--help'], dist, () => true)).toBeUndefined();
      for (const args of [[], ['check', '--help'], ['help', 'check'], ['--help', '--help'], ['--helpful']])
        expect(builtHelp(args, dist, offTerminal)).toBeUndefined();
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it("the build's help text is commander's", async () => {
    const built = readFileSync(path.join(ROOT, 'dist', BUILT_HELP_FILE), 'utf8');
    expect(built).toBe((await throughCommander(['--help'])).stdout);
  });

  it('prints the version as commander does, and the help the whole CLI prints', async () => {
    for (const args of [['--version'], ['-V'], ['--help'], ['-h'], ['help'], ['check', '--help']]) {
      const [bin, own] = await Promise.all([runCli(args), throughCommander(args)]);
      expect({ code: bin.code, stdout: bin.stdout, stderr: bin.stderr }).toEqual({ ...own, stderr: '' });
    }
  });

  it('the front hands a run that reaches a command over to the whole CLI', async () => {
    const post = path.join(ROOT, 'demo', 'posts', 'transit-explainer.md');
    const args = ['extract', post, '--no-config'];
    const front = spawnSync(
      process.execPath,
      [
        '-e',
        `process.argv = [process.argv[0], 'citecheck', ...${JSON.stringify(args)}]; require(${JSON.stringify(path.join(ROOT, 'dist', 'cli.front.cjs'))})`,
      ],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' } },
    );
    const whole = await runCli(args);
    const timeless = (json: string): string => json.replace(/"(startedAt|durationMs)": [^,]+,/g, '');
    expect(front.status).toBe(whole.code);
    expect(timeless(front.stdout)).toBe(timeless(whole.stdout));
    expect(whole.stdout).toContain('"schemaVersion"');
  });
});
