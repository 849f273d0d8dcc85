import { chmod, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const POST = '# Post\n\nIt [said](https://news.example.org/a) so.\n';

/** A checkout with a post, a package.json, a .git folder and a folder outside it. */
async function checkout(): Promise<{ root: string; cwd: string; outside: string }> {
  const root = await tempDir('citecheck-paths-');
  const cwd = path.join(root, 'repo');
  const outside = path.join(root, 'outside');
  await mkdir(path.join(cwd, '.git', 'hooks'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(cwd, 'post.md'), POST);
  await writeFile(path.join(cwd, 'package.json'), '{"name":"site"}\n');
  return { root, cwd, outside };
}

const check = (cwd: string, ...args: string[]) => runCli(['check', 'post.md', '--offline', ...args], { cwd });
const withConfig = async (cwd: string, reports: string[]) =>
  writeFile(path.join(cwd, 'citecheck.config.json'), JSON.stringify({ reports }));
const configLine = (reportPath: string, problem: string) =>
  `citecheck: citecheck.config.json: report path "${reportPath}": ${problem}\n`;
const OUTSIDE =
  'is outside the working directory; a config file writes reports only inside it (name the path with --report to write elsewhere)';

describe('report paths named by a config file stay inside the working directory', () => {
  let dirs: { root: string; cwd: string; outside: string };
  beforeEach(async () => {
    dirs = await checkout();
  });

  it.each([
    ['../outside/r.json', OUTSIDE],
    ['reports/../../outside/r.json', OUTSIDE],
    ['.git/hooks/pre-commit', 'is inside .git; a config file cannot write there'],
    ['.GIT/config', 'is inside .git; a config file cannot write there'],
  ])('json:%s → exit 2, nothing written', async (reportPath, problem) => {
    await withConfig(dirs.cwd, [`json:${reportPath}`]);
    const result = await check(dirs.cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(configLine(reportPath, problem));
    expect(existsSync(path.resolve(dirs.cwd, reportPath))).toBe(false);
  });

  it('an absolute path outside, and a folder that is a symbolic link to outside', async () => {
    const absolute = path.join(dirs.outside, 'r.json');
    await withConfig(dirs.cwd, [`json:${absolute}`]);
    expect((await check(dirs.cwd)).stderr).toBe(configLine(absolute, OUTSIDE));
    await symlink(dirs.outside, path.join(dirs.cwd, 'reports'));
    await withConfig(dirs.cwd, ['json']);
    const linked = await check(dirs.cwd);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toBe(configLine(path.join('reports', 'citecheck.json'), OUTSIDE));
    expect(existsSync(path.join(dirs.outside, 'citecheck.json'))).toBe(false);
  });

  it('a symbolic link to nowhere is refused (the write would create its target)', async () => {
    await symlink(path.join(dirs.outside, 'made.json'), path.join(dirs.cwd, 'dangling.json'));
    await withConfig(dirs.cwd, ['json:dangling.json']);
    const result = await check(dirs.cwd);
    expect(result.stderr).toBe(
      configLine('dangling.json', 'is a symbolic link to nowhere; a config file cannot write there'),
    );
    expect(existsSync(path.join(dirs.outside, 'made.json'))).toBe(false);
  });

  it('inside the working directory it writes, and the command line may write anywhere', async () => {
    await withConfig(dirs.cwd, ['json', 'markdown:out/r.md']);
    const inside = await check(dirs.cwd);
    expect(inside.code, inside.stderr).toBe(0);
    expect(existsSync(path.join(dirs.cwd, 'reports', 'citecheck.json'))).toBe(true);
    expect(existsSync(path.join(dirs.cwd, 'out', 'r.md'))).toBe(true);
    const outside = path.join(dirs.outside, 'r.json');
    const cli = await check(dirs.cwd, '--report', `json:${outside}`);
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(await readFile(outside, 'utf8'))).toMatchObject({ schemaVersion: 1 });
  });
});

describe('a report never overwrites a file that is not a citecheck report, nor stays executable', () => {
  let dirs: { root: string; cwd: string; outside: string };
  beforeEach(async () => {
    dirs = await checkout();
  });

  it('refuses package.json from the command line and from a config file', async () => {
    const cli = await check(dirs.cwd, '--no-config', '--report', 'json:package.json');
    expect(cli.code).toBe(2);
    expect(cli.stderr).toBe(
      'citecheck: --report json:package.json: that file exists and is not a citecheck report; refusing to overwrite it\n',
    );
    await withConfig(dirs.cwd, ['html:package.json']);
    const config = await check(dirs.cwd);
    expect(config.stderr).toBe(
      configLine('package.json', 'that file exists and is not a citecheck report; refusing to overwrite it'),
    );
    expect(await readFile(path.join(dirs.cwd, 'package.json'), 'utf8')).toBe('{"name":"site"}\n');
  });

  it.each(['terminal', 'json', 'markdown', 'html', 'junit', 'sarif'])(
    'overwrites its own %s report of a previous run',
    async (format) => {
      const first = await check(dirs.cwd, '--no-config', '--report', `${format}:r.out`);
      expect(first.code, first.stderr).toBe(0);
      const second = await check(dirs.cwd, '--no-config', '--report', `${format}:r.out`);
      expect(second.code, second.stderr).toBe(0);
    },
  );

  it('an empty executable file, or an executable report, is written without its run bits', async () => {
    const hook = path.join(dirs.cwd, 'hook.sh');
    await writeFile(hook, '');
    await chmod(hook, 0o755);
    const result = await check(dirs.cwd, '--no-config', '--report', 'markdown:hook.sh');
    expect(result.code, result.stderr).toBe(0);
    expect((await stat(hook)).mode & 0o777).toBe(0o644);
    expect(await readFile(hook, 'utf8')).toMatch(/^## citecheck: citation report/);
    await chmod(hook, 0o775);
    await check(dirs.cwd, '--no-config', '--report', 'markdown:hook.sh');
    expect((await stat(hook)).mode & 0o777).toBe(0o664);
  });
});

describe('a FIFO at a report path', () => {
  let dirs: { root: string; cwd: string; outside: string };
  beforeEach(async () => {
    dirs = await checkout();
    execFileSync('mkfifo', [path.join(dirs.cwd, 'fifo.json')]);
  });

  it('named by a config file, is refused before the run (it hung the run: review22)', async () => {
    await withConfig(dirs.cwd, ['json:fifo.json']);
    const result = await check(dirs.cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      configLine(
        'fifo.json',
        'is not a regular file (a FIFO, a device or a socket); a config file writes reports only to files',
      ),
    );
  });

  it('named on the command line, gets the report (a shell process substitution is one)', async () => {
    const read = readFile(path.join(dirs.cwd, 'fifo.json'), 'utf8');
    const result = await check(dirs.cwd, '--no-config', '--report', 'json:fifo.json');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(await read).totals.citations).toBe(1);
  });
});

describe('citecheck fix names its report paths as check does', () => {
  let dirs: { root: string; cwd: string; outside: string };
  beforeEach(async () => {
    dirs = await checkout();
  });
  // No failing link, so no archive lookup: the run makes no request.
  const fix = (cwd: string, ...args: string[]) => runCli(['fix', 'post.md', '--archive', 'never', ...args], { cwd });

  it('--report on the command line may write outside the working directory', async () => {
    const outside = path.join(dirs.outside, 'r.json');
    const result = await fix(dirs.cwd, '--no-config', '--report', `json:${outside}`);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(await readFile(outside, 'utf8'))).toMatchObject({ schemaVersion: 1 });
  });

  it('a config file names its report paths inside the working directory only', async () => {
    await withConfig(dirs.cwd, ['json:../outside/r.json']);
    const result = await fix(dirs.cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(configLine('../outside/r.json', OUTSIDE));
  });
});

describe('a cache path named by a config file stays inside the working directory', () => {
  let dirs: { root: string; cwd: string; outside: string };
  beforeEach(async () => {
    dirs = await checkout();
  });
  const withCache = async (cwd: string, cache: string) =>
    writeFile(path.join(cwd, 'citecheck.config.json'), JSON.stringify({ cache }));
  const cacheLine = (cache: string, problem: string) =>
    `citecheck: citecheck.config.json: cache path "${cache}" ${problem}\n`;
  // --offline skips the cache, so these runs check the post's one link against nothing: --exclude it.
  const run = (cwd: string, ...args: string[]) =>
    runCli(['check', 'post.md', '--exclude', 'news\\.example\\.org', ...args], { cwd });

  it.each([
    [
      '../outside/cache.json',
      'is outside the working directory; a config file writes its cache only inside it (name the path with --cache=FILE to write elsewhere)',
    ],
    ['.git/hooks/post-checkout', 'is inside .git; a config file cannot write there'],
  ])('cache %s → exit 2, nothing written', async (cache, problem) => {
    await withCache(dirs.cwd, cache);
    const result = await run(dirs.cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(cacheLine(cache, problem));
    expect(existsSync(path.resolve(dirs.cwd, cache))).toBe(false);
  });

  it('an absolute path outside is refused; inside it writes, and --cache=FILE on the command line may write anywhere', async () => {
    const absolute = path.join(dirs.outside, 'cache.json');
    await withCache(dirs.cwd, absolute);
    const refused = await run(dirs.cwd);
    expect(refused.code).toBe(2);
    expect(existsSync(absolute)).toBe(false);
    await withCache(dirs.cwd, 'state/cache.json');
    const inside = await run(dirs.cwd);
    expect(inside.code, inside.stderr).toBe(0);
    expect(existsSync(path.join(dirs.cwd, 'state', 'cache.json'))).toBe(true);
    const cli = await run(dirs.cwd, `--cache=${absolute}`);
    expect(cli.code, cli.stderr).toBe(0);
    expect(existsSync(absolute)).toBe(true);
  });
});
