import { spawn } from 'node:child_process';
import { open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeArchive, type FakeArchive } from '../helpers/fake-archive.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { BIN, ROOT, runCli } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

let site: TestServer;
let archive: FakeArchive;
let dir: string;

beforeAll(async () => {
  site = await startTestServer({ host: '127.0.0.2' });
  archive = await startFakeArchive({ captures: [{ url: site.url('/status/404'), timestamp: '20240101000000' }] });
  dir = await tempDir('citecheck-fix-cli-');
  await writeFile(
    path.join(dir, 'post.md'),
    `---\ndate: 2024-04-30\n---\n\nThe [statement](${site.url('/status/404')}) is gone.\n`,
  );
  await writeFile(
    path.join(dir, 'post.json'),
    JSON.stringify({
      id: 1,
      date_gmt: '2024-04-30T00:00:00',
      title: { rendered: 'T' },
      content: { rendered: `<p>The <a href="${site.url('/status/404')}">statement</a> is gone.</p>` },
    }),
  );
  // The archive gets its own lane; the test skips the 1 s interval.
  await writeFile(
    path.join(dir, 'citecheck.config.json'),
    JSON.stringify({ hosts: { [`${archive.server.host}:${archive.server.port}`]: { interval: 0 } } }),
  );
});

afterAll(async () => {
  await site.close();
  await archive.close();
});

const args = () => ['--allow-private', '--retries', '0', '--archive-endpoint', archive.endpoint];
const snapshot = () => `${archive.endpoint}/web/20240101000000/${site.url('/status/404')}`;

describe('citecheck fix (CLI)', () => {
  it('prints a unified diff and changes no file by default', async () => {
    const before = await readFile(path.join(dir, 'post.md'), 'utf8');
    const result = await runCli(['fix', 'post.md', ...args()], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        '--- a/post.md',
        '+++ b/post.md',
        '@@ -2,4 +2,4 @@',
        ' date: 2024-04-30',
        ' ---',
        ' ',
        `-The [statement](${site.url('/status/404')}) is gone.`,
        `+The [statement](${snapshot()}) is gone.`,
        '',
      ].join('\n'),
    );
    expect(result.stderr).toContain(
      'citecheck fix: 1 link to fix (the diff on stdout) in 1 file: 1 linked to an archived copy',
    );
    expect(await readFile(path.join(dir, 'post.md'), 'utf8')).toBe(before);
  });

  it('prints a diff holding runner commands or escapes byte-exact to a file, never to the CI log', async () => {
    const line = `The [statement](${site.url('/status/404')}) is gone. #` + `#[add-mask]s3cret \u001b]52;c;aGk=\u0007`;
    await writeFile(path.join(dir, 'hostile.md'), `---\ndate: 2024-04-30\n---\n\n${line}\n ::error::forged\n`);
    const quiet = { CI: '', TF_BUILD: '', TEAMCITY_VERSION: '' };

    const inLog = await runCli(['fix', 'hostile.md', ...args()], {
      cwd: dir,
      env: { ...quiet, GITHUB_ACTIONS: 'true' },
    });
    expect(inLog.code, inLog.stderr).toBe(0);
    expect(inLog.stdout).toBe('');
    expect(inLog.stderr).toContain(
      'citecheck: warning: hostile.md: its diff is not printed: its lines hold control characters or CI runner commands, which would act on the CI log; redirect stdout to a file (> fix.diff) or use --write or --out <dir>',
    );
    expect(inLog.stderr).toContain('(the diff on stdout; one file not printed, see above)');
    expect(inLog.stderr).not.toMatch(/##\[|\u001b|^\s*::/m);

    // Outside CI (a pipe to git apply), and in CI redirected to a file, the diff is exact.
    const piped = await runCli(['fix', 'hostile.md', ...args()], { cwd: dir, env: quiet });
    expect(piped.stdout).toContain(
      `-${line}\n+${line.replace(site.url('/status/404'), snapshot())}\n  ::error::forged\n`,
    );
    const out = await open(path.join(dir, 'fix.diff'), 'w');
    const child = spawn(process.execPath, [BIN, 'fix', 'hostile.md', '--no-progress', ...args()], {
      cwd: dir,
      env: { ...process.env, ...quiet, GITHUB_ACTIONS: 'true', NO_COLOR: '1' },
      stdio: ['ignore', out.fd, 'ignore'],
    });
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
    await out.close();
    expect(await readFile(path.join(dir, 'fix.diff'), 'utf8')).toBe(piped.stdout);
  });

  it('--out writes the fixed WordPress JSON under the folder; --write refuses it', async () => {
    const before = await readFile(path.join(dir, 'post.json'), 'utf8');
    const result = await runCli(['fix', 'post.json', '--out', 'fixed', ...args()], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const fixed = await readFile(path.join(dir, 'fixed', 'post.json'), 'utf8');
    expect(fixed).toBe(
      before.replace(
        `<a href=\\"${site.url('/status/404')}\\">`,
        `<a href=\\"${snapshot()}\\" data-originalurl=\\"${site.url('/status/404')}\\" data-versiondate=\\"2024-04-30\\" data-versionurl=\\"${snapshot()}\\">`,
      ),
    );
    expect(await readFile(path.join(dir, 'post.json'), 'utf8')).toBe(before);

    const refused = await runCli(['fix', 'post.json', '--write', ...args()], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/use --out <dir>/);
  });

  it('--write rewrites Markdown in place; a second run has nothing to change', async () => {
    await writeFile(
      path.join(dir, 'write.md'),
      `---\ndate: 2024-04-30\n---\n\nThe [statement](${site.url('/status/404')}) is gone.\n`,
    );
    const first = await runCli(['fix', 'write.md', '--write', ...args()], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(await readFile(path.join(dir, 'write.md'), 'utf8')).toContain(`[statement](${snapshot()})`);
    const second = await runCli(['fix', 'write.md', '--write', ...args()], { cwd: dir });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('citecheck fix: nothing to change');
  });

  it.each([
    ['md', `The [statement](SRC) is gone.\n`],
    ['html', `<p>The <a href="SRC">statement</a> is gone.</p>\n`],
  ])('--dead-link annotate keeps the dead link; the %s post checked again has no LINK_BROKEN', async (ext, body) => {
    const file = `annotate.${ext}`;
    const front = ext === 'md' ? '---\ndate: 2024-04-30\n---\n\n' : '<meta name="date" content="2024-04-30">\n';
    await writeFile(path.join(dir, file), front + body.replace('SRC', site.url('/status/404')));
    const before = await runCli(['check', file, '--format', 'json', ...args(), '--archive', 'never'], { cwd: dir });
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout).findings.map((f: { code: string }) => f.code)).toContain('LINK_BROKEN');

    const fixed = await runCli(['fix', file, '--write', '--dead-link', 'annotate', ...args()], { cwd: dir });
    expect(fixed.code, fixed.stderr).toBe(0);
    const text = await readFile(path.join(dir, file), 'utf8');
    expect(text).toContain(site.url('/status/404'));
    expect(text).toContain(snapshot());

    const after = await runCli(['check', file, '--format', 'json', ...args(), '--archive', 'never'], { cwd: dir });
    expect(after.code, after.stderr).toBe(0);
    const report = JSON.parse(after.stdout);
    const codes = report.findings.map((f: { code: string }) => f.code);
    expect(codes).not.toContain('LINK_BROKEN');
    expect(codes).toContain('ARCHIVE_AVAILABLE');
    const source = report.posts[0].blocks.flatMap((b: { citations: unknown[] }) => b.citations)[0];
    expect(source).toMatchObject({ url: site.url('/status/404'), status: 'broken', archivedCopy: snapshot() });
  });

  it('says in its summary how many files it could not rewrite (a WordPress export)', async () => {
    const exportFile = await readFile(path.join(ROOT, 'test/fixtures/inputs/wxr/site-export.xml'));
    await writeFile(path.join(dir, 'site-export.xml'), exportFile);
    const result = await runCli(['fix', 'site-export.xml', '--no-config', '--archive', 'never'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('site-export.xml: WXR exports are not rewritten');
    expect(result.stderr).toContain('citecheck fix: nothing to change; 1 file not rewritten (see above)');
  });

  it.each([
    [['fix', 'https://news.example.net/post'], /does not fetch URLs/],
    [['fix', 'post.md', '--offline'], /cannot run --offline/],
    [['fix', 'post.md', '--format', 'json'], /--report/],
    [['fix', 'post.md', '--write', '--out', 'x'], /choose one/],
  ])('refuses %j with one line and exit 2', async (argv, message) => {
    const result = await runCli([...argv, '--no-config'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
