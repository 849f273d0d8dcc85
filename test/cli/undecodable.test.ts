import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { optionBytesError, urlBytesError } from '../../src/cli/undecodable.js';
import { tempDir } from '../helpers/temp-dir.js';
import { BIN, runCli } from './run-cli.js';

// Text Node could not decode outside the inputs: an option's value given as bytes that are not
// UTF-8, and a working directory whose name is not UTF-8 (or that is gone). Each reached Node as
// U+FFFD and silently named something else (issue 13 audit): `--report json:out\xff.json` wrote
// `out\uFFFD.json`, a run in `/tmp/x\xff` created `/tmp/x\uFFFD/reports` and never read its config.

const POST = 'A study [found it](https://news.example.org/a).\n';
const offline = ['--offline', '--format', 'json'];
const bytes = (...parts: (string | number)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from([p]))));
const ONE_LINE = /^citecheck: [^\n]*\n$/;

describe('an option value that is not UTF-8', () => {
  let cwd: string;
  let supported = true;
  beforeAll(async () => {
    cwd = await tempDir('citecheck-optbytes-');
    await writeFile(path.join(cwd, 'p.md'), POST);
    if (!existsSync('/proc/self/cmdline')) supported = false;
  });

  it('stops the run with one line naming the option, and writes nothing', async (context) => {
    if (!supported) context.skip();
    for (const args of [
      ['--report', bytes('json:out', 0xff, '.json')],
      [bytes('--report=json:out', 0xff, '.json')],
      ['--exclude', bytes(0xff)],
      ['--cache', bytes('c', 0xff, '.json')],
    ]) {
      const result = await runCli(['check', 'p.md', ...offline, ...args], { cwd });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(ONE_LINE);
      expect(result.stderr).toMatch(/^citecheck: --(report|exclude|cache): the value \S*\\xff\S* is not valid UTF-8/);
    }
    expect(readdirSync(cwd)).toEqual(['p.md']);
  });

  it('is refused by every command that runs', async (context) => {
    if (!supported) context.skip();
    const extract = await runCli(['extract', 'p.md', '--include', bytes('a', 0xe9)], { cwd });
    expect(extract.code).toBe(2);
    expect(extract.stderr).toBe(
      "citecheck: --include: the value a\\xe9 is not valid UTF-8 (each \\xHH is a byte that is not); an option's value must be UTF-8 text\n",
    );
  });

  it('holding U+FFFD as UTF-8, or after --, is not refused', async (context) => {
    if (!supported) context.skip();
    const real = await runCli(['check', 'p.md', ...offline, '--exclude', bytes('\ufffd')], { cwd });
    expect(real.code, real.stderr).toBe(0);
    expect(optionBytesError([{ long: '--exclude', required: true, optional: false }], ['--', 'a\ufffd'])).toBe(
      undefined,
    );
  });
});

describe('an input URL that is not UTF-8', () => {
  it('stops check and wp with one line showing its bytes, before any request', async (context) => {
    if (!existsSync('/proc/self/cmdline')) context.skip();
    // Before, `wp` said 'expected the site's http(s) URL … got "http://exa\uFFFDmple.org/"' and
    // check "Invalid URL", each showing U+FFFD; in a path the URL parser made it %EF%BF%BD.
    for (const [command, url] of [
      ['wp', bytes('http://exa', 0xff, 'mple.org/')],
      ['check', bytes('http://127.0.0.1:9/caf', 0xe9)],
    ] as const) {
      const result = await runCli([command, url]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(ONE_LINE);
      expect(result.stderr).toMatch(/^citecheck: the URL http:\/\/\S*\\x(ff|e9)\S* is not valid UTF-8/);
    }
  });

  it('holding U+FFFD as UTF-8 is a URL like any other', () => {
    expect(urlBytesError(['http://example.org/\ufffd'], '/nonexistent')).toBeUndefined();
    expect(urlBytesError(['p\ufffd.md'])).toBeUndefined();
  });
});

describe('a working directory', () => {
  let base: string;
  let supported = true;
  const dir = (): Buffer => bytes(base, '/run', 0xff);
  beforeAll(async () => {
    base = await tempDir('citecheck-cwdbytes-');
    try {
      await mkdir(dir());
      await writeFile(Buffer.concat([dir(), Buffer.from('/p.md')]), POST);
      await writeFile(Buffer.concat([dir(), Buffer.from('/citecheck.config.json')]), '{bad');
    } catch {
      // File systems that store names as Unicode refuse such names: nothing to test.
      supported = false;
    }
  });

  it('whose name is not UTF-8 stops the run with one line, creating nothing anywhere', async (context) => {
    if (!supported) context.skip();
    // Before, the config file here (invalid) was never found, and a report went to run\uFFFD/reports.
    const result = await runCli(['check', 'p.md', '--offline', '--report', 'json'], { cwd: dir() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `citecheck: the working directory ${base}/run\\xff has a name that is not valid UTF-8, which Node cannot hold; run citecheck from a folder whose path is UTF-8 (name the inputs by a path from there)\n`,
    );
    expect(readdirSync(base)).toHaveLength(1);
    // Its files are read from a folder with a UTF-8 name, as the line says.
    const fromParent = await runCli(['check', bytes('run', 0xff, '/p.md'), ...offline, '--no-config'], {
      cwd: base,
    });
    expect(fromParent.code, fromParent.stderr).toBe(0);
  });

  it('that no longer exists stops the run with one line, not a stack trace', async () => {
    const gone = path.join(await tempDir('citecheck-gone-'), 'gone');
    await mkdir(gone);
    const file = path.join(base, 'elsewhere.md');
    await writeFile(file, POST);
    const result = spawnSync(
      '/bin/sh',
      ['-c', 'cd "$1" && rmdir "$1" && exec "$2" "$3" check "$4" --offline', 'sh', gone, process.execPath, BIN, file],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('citecheck: the working directory no longer exists; run citecheck from another one\n');
  });
});
