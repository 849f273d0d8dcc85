import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputBytes } from '../../src/cli/argv-bytes.js';
import { InputError } from '../../src/errors.js';
import { loadInputs } from '../../src/sources/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli } from './run-cli.js';

// A file, folder or glob named on the command line whose name is not UTF-8: Node's process.argv
// holds U+FFFD for each such byte, which names no file; the bytes are read from /proc/self/cmdline.

interface JsonReport {
  posts: { source: string; blocks: { citations: { url: string }[] }[] }[];
}
/** Each post's source and first link. */
const posts = (stdout: string): string[][] =>
  (JSON.parse(stdout) as JsonReport).posts.map((p) => [p.source, p.blocks[0].citations[0].url]);
const post = (tag: string): string => `A study [found it](https://news.example.org/${tag}).\n`;

/** Bytes: strings as UTF-8, numbers as one byte, Buffers as themselves. */
const bytes = (...parts: (string | number | Buffer)[]): Buffer =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : typeof p === 'number' ? Buffer.from([p]) : p)),
  );

// Latin-1 names: 0xe9 and 0xe8 are é and è, no UTF-8 alone; Node reads both names as "caf\uFFFD.md".
const CAFE = bytes('caf', 0xe9, '.md');
const CAFE_GRAVE = bytes('caf', 0xe8, '.md');
const FOLDER = bytes('d', 0xff);
const offline = ['--offline', '--no-config', '--format', 'json'];

describe('an input named on the command line whose name is not UTF-8', () => {
  let cwd: string;
  let supported = true;
  beforeAll(async () => {
    cwd = await tempDir('citecheck-argv-');
    try {
      await writeFile(bytes(cwd, '/', CAFE), post('e9'));
      await writeFile(bytes(cwd, '/', CAFE_GRAVE), post('e8'));
      await mkdir(bytes(cwd, '/', FOLDER));
      await writeFile(bytes(cwd, '/', FOLDER, '/in.md'), post('in'));
      await mkdir(path.join(cwd, 'notes'));
      await writeFile(bytes(cwd, '/notes/f', 0xff, '.md'), 'The statement [was removed][gone] last week.\n');
    } catch {
      // File systems that store names as Unicode (APFS, NTFS) refuse such names: nothing to test.
      supported = false;
    }
    // Only Linux keeps the command line's bytes (/proc/self/cmdline).
    if (!existsSync('/proc/self/cmdline')) supported = false;
  });

  it('is read by its bytes, shown with \\xHH escapes; two such names stay two', async (context) => {
    if (!supported) context.skip();
    const result = await runCli(['check', CAFE, CAFE_GRAVE, ...offline], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(posts(result.stdout)).toEqual([
      ['caf\\xe9.md', 'https://news.example.org/e9'],
      ['caf\\xe8.md', 'https://news.example.org/e8'],
    ]);
  });

  it("is found by its position after node's own flags, by an absolute path too", async (context) => {
    if (!supported) context.skip();
    const absolute = bytes(cwd, '/./', CAFE);
    const result = await runCli(['extract', '--no-config', absolute], {
      cwd,
      nodeFlags: ['--no-warnings', '--stack-size=900', '--max-old-space-size=512'],
    });
    expect(result.code, result.stderr).toBe(0);
    expect(posts(result.stdout)).toEqual([[`${cwd}/./caf\\xe9.md`, 'https://news.example.org/e9']]);
  });

  it('is read by its bytes when a file is named as Node decodes them (U+FFFD in UTF-8)', async (context) => {
    if (!supported) context.skip();
    const both = await tempDir('citecheck-argv-both-');
    await writeFile(bytes(both, '/', CAFE), post('bytes'));
    await writeFile(path.join(both, 'caf\ufffd.md'), post('decoded'));
    const result = await runCli(['check', CAFE, ...offline], { cwd: both });
    expect(result.code, result.stderr).toBe(0);
    expect(posts(result.stdout)).toEqual([['caf\\xe9.md', 'https://news.example.org/bytes']]);
  });

  it('is read once when named twice or also found in a folder named', async (context) => {
    if (!supported) context.skip();
    const result = await runCli(['check', CAFE, '.', bytes('./', CAFE), ...offline], { cwd });
    // notes/f\xff.md has a damaged anchor.
    expect(result.code, result.stderr).toBe(1);
    expect((JSON.parse(result.stdout) as JsonReport).posts.map((p) => p.source)).toEqual([
      'caf\\xe9.md',
      'caf\\xe8.md',
      'd\\xff/in.md',
      'notes/f\\xff.md',
    ]);
  });

  it('a folder and a glob are walked from their bytes', async (context) => {
    if (!supported) context.skip();
    const folder = await runCli(['check', FOLDER, ...offline], { cwd });
    expect(folder.code, folder.stderr).toBe(0);
    expect(posts(folder.stdout)).toEqual([['d\\xff/in.md', 'https://news.example.org/in']]);
    // The byte in the glob's fixed part (the folder it walks), then in its pattern.
    const glob = await runCli(['check', bytes(FOLDER, '/*.md'), bytes('caf', 0xe9, '*'), ...offline], { cwd });
    expect(glob.code, glob.stderr).toBe(0);
    expect(posts(glob.stdout)).toEqual([
      ['d\\xff/in.md', 'https://news.example.org/in'],
      ['caf\\xe9.md', 'https://news.example.org/e9'],
    ]);
  });

  it('is reported as a folder walk reports it (SARIF %FF, annotations without file=)', async (context) => {
    if (!supported) context.skip();
    const named = bytes('notes/f', 0xff, '.md');
    const sarif = await runCli(['check', named, '--offline', '--no-config', '--format', 'sarif'], { cwd });
    expect(sarif.code, sarif.stderr).toBe(1);
    const uris = [...sarif.stdout.matchAll(/"uri": "([^"]*)"/g)].map((m) => m[1]);
    expect(uris).toContain('notes/f%FF.md');
    const github = await runCli(['check', named, '--offline', '--no-config'], {
      cwd,
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(github.code, github.stderr).toBe(1);
    expect(github.stdout.split('\n').filter((l) => l.startsWith('::'))).toEqual([
      '::error title=ANCHOR_DAMAGED::notes/f\\xff.md:1: Anchor "was removed" lost its URL (its Markdown reference has no definition); the claim has no source.',
    ]);
  });

  it('fix checks it and leaves it as a folder walk leaves it: not rewritten, with a warning', async (context) => {
    if (!supported) context.skip();
    const result = await runCli(['fix', '--no-config', '--archive', 'never', CAFE], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'citecheck: warning: caf\\xe9.md: cannot be read by the name the report gives it (ENOENT)\n',
    );
  });

  it('that names no file is said so by the name its bytes show', async (context) => {
    if (!supported) context.skip();
    const result = await runCli(['check', bytes('nope', 0xe9, '.md'), ...offline], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('citecheck: nope\\xe9.md: no such file or directory\n');
  });

  it('that really holds U+FFFD (valid UTF-8) and names no file is said so, not called undecodable', async (context) => {
    if (!supported) context.skip();
    const result = await runCli(['check', bytes('nope\ufffd.md'), ...offline], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('citecheck: nope\ufffd.md: no such file or directory\n');
    const glob = await runCli(['check', bytes('nope\ufffd*.md'), ...offline], { cwd });
    expect(glob.code).toBe(2);
    expect(glob.stderr).toBe('citecheck: nope\ufffd*.md: no files match\n');
  });

  it('whose bytes cannot be told from an option value of the same text: one line, exit 2', async (context) => {
    if (!supported) context.skip();
    // --include's caf\uFFFD.md (UTF-8) and the input caf\xe9.md are both "caf\uFFFD.md" to Node.
    // (An option value that is not UTF-8 is refused first: undecodable.test.ts.)
    const result = await runCli(['check', '--include', bytes('caf\ufffd.md'), CAFE, ...offline], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^citecheck: caf\ufffd\.md: the name is not valid UTF-8 [^\n]*\n$/);
  });
});

describe('inputBytes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('citecheck-cmdline-');
  });
  /** A command line file as /proc/self/cmdline holds one: each argument NUL-terminated. */
  const cmdline = async (...args: Buffer[]): Promise<string> => {
    const file = path.join(dir, `cmdline-${Math.random().toString(36).slice(2)}`);
    await writeFile(file, Buffer.concat(args.flatMap((a) => [a, Buffer.from([0])])));
    return file;
  };
  const node = [bytes('node'), bytes('--no-warnings'), bytes('bin/citecheck.js')];

  it('gives each input holding U+FFFD the bytes of its argument, in order', async () => {
    const file = await cmdline(...node, bytes('check'), CAFE, bytes('ok.md'), CAFE_GRAVE);
    const args = ['check', 'caf\ufffd.md', 'ok.md', 'caf\ufffd.md'];
    expect(inputBytes(args.slice(1), args, file)).toEqual([CAFE, undefined, CAFE_GRAVE]);
  });

  it('gives none without a command line, nor one that is not the arguments', async () => {
    const args = ['check', 'caf\ufffd.md'];
    expect(inputBytes(['caf\ufffd.md'], args, path.join(dir, 'none'))).toBeUndefined();
    const other = await cmdline(...node, bytes('check'), bytes('other.md'));
    expect(inputBytes(['caf\ufffd.md'], args, other)).toBeUndefined();
    // An argument that is U+FFFD itself (valid UTF-8) is given its bytes too: they say so.
    const real = await cmdline(...node, bytes('check'), bytes('caf\ufffd.md'));
    expect(inputBytes(['caf\ufffd.md'], args, real)).toEqual([bytes('caf\ufffd.md')]);
  });

  it('gives none when an option value of the same text makes the position unsure', async () => {
    const file = await cmdline(...node, bytes('check'), bytes('--include'), CAFE_GRAVE, CAFE);
    const args = ['check', '--include', 'caf\ufffd.md', 'caf\ufffd.md'];
    expect(inputBytes(['caf\ufffd.md'], args, file)).toEqual([undefined]);
    // The same bytes both times: no doubt.
    const same = await cmdline(...node, bytes('check'), bytes('--include'), CAFE, CAFE);
    expect(inputBytes(['caf\ufffd.md'], args, same)).toEqual([CAFE]);
  });
});

describe('readInputs, an input holding U+FFFD without its bytes', () => {
  it('is an InputError saying that the name is not valid UTF-8', async () => {
    const error = await loadInputs(['/nonexistent-citecheck/caf\ufffd.md']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /^\/nonexistent-citecheck\/caf\ufffd\.md: the name is not valid UTF-8 .*name the folder that holds it instead$/,
    );
  });
});
