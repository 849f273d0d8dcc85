import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED, runCli, type CliResult } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const SEED_ANCHORS = ['said', 'meeting', 'express', 'are', 'considering', 'is', 'encountering', 'specifies'];

function expectOneLineError(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^citecheck: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

const cliDir = (): Promise<string> => tempDir('citecheck-cli-');

describe('the seed export through the CLI', () => {
  let dir: string;
  let run: CliResult;
  beforeAll(async () => {
    dir = await cliDir();
    run = await runCli([
      'check',
      SEED,
      '--no-config',
      ...['json', 'markdown', 'html', 'junit', 'sarif', 'terminal'].map(
        (f) => `--report=${f}:${path.join(dir, `seed.${f}`)}`,
      ),
    ]);
  });

  it('exits 1 on the damaged anchors and prints them in the terminal report', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ANCHOR_DAMAGED|damaged/i);
    for (const anchor of ['encountering', 'specifies', 'considering']) expect(run.stdout).toContain(anchor);
  });

  it('JSON report: 8 ANCHOR_DAMAGED errors in blocks 0,0,1,3,3,3,3,5 and INPUT_REPAIRED', async () => {
    const report = JSON.parse(await readFile(path.join(dir, 'seed.json'), 'utf8'));
    const damaged = report.findings.filter((f: { code: string }) => f.code === 'ANCHOR_DAMAGED');
    expect(damaged.map((f: { block: number }) => f.block)).toEqual([0, 0, 1, 3, 3, 3, 3, 5]);
    expect(damaged.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
    expect(report.findings.some((f: { code: string }) => f.code === 'INPUT_REPAIRED')).toBe(true);
    expect(report.totals.damagedAnchors).toBe(8);
    expect(report.totals.citations).toBe(0);
    const anchors = report.posts[0].blocks.flatMap((b: { damagedAnchors: { anchorText: string }[] }) =>
      b.damagedAnchors.map((a) => a.anchorText),
    );
    expect(anchors).toEqual(SEED_ANCHORS);
  });

  it('every format names the damaged anchors and the repair', async () => {
    for (const format of ['markdown', 'html', 'terminal']) {
      const text = await readFile(path.join(dir, `seed.${format}`), 'utf8');
      expect(text, format).toContain('ANCHOR_DAMAGED');
      expect(text, format).toContain('INPUT_REPAIRED');
      for (const anchor of ['meeting', 'express', 'encountering', 'specifies']) expect(text, format).toContain(anchor);
    }
    const sarif = JSON.parse(await readFile(path.join(dir, 'seed.sarif'), 'utf8'));
    const ruleIds = sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId);
    expect(ruleIds.filter((id: string) => id === 'ANCHOR_DAMAGED')).toHaveLength(8);
    expect(ruleIds).toContain('INPUT_REPAIRED');
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      await readFile(path.join(dir, 'seed.junit'), 'utf8'),
    );
    const xml = JSON.stringify(junit);
    expect(xml.match(/"type":"ANCHOR_DAMAGED"/g)).toHaveLength(8);
    expect(xml).toContain('INPUT_REPAIRED');
  });

  it('exits 0 with --fail-on never', async () => {
    const result = await runCli(['check', SEED, '--no-config', '--fail-on', 'never']);
    expect(result.code).toBe(0);
  });

  it('extract prints the recovered structure and exits 0', async () => {
    const result = await runCli(['extract', SEED, '--no-config']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    const post = out.posts[0];
    expect(post).toMatchObject({ id: 2204924, kind: 'wordpress' });
    expect(post.url).toMatch(/^https:\/\/koreapro\.org\/2024\/05\//);
    expect(post.published).toMatch(/^2024-05-01T23:00:46/);
    expect(post.blocks).toHaveLength(6);
    expect(post.blocks[2].kind).toBe('heading');
    expect(post.blocks.map((b: { damagedAnchors: unknown[] }) => b.damagedAnchors.length)).toEqual([2, 1, 0, 4, 0, 1]);
  });

  it('extract accepts --offline (scripts pass one flag set to every command) and prints the same structure', async () => {
    const plain = await runCli(['extract', SEED, '--no-config']);
    const offline = await runCli(['extract', SEED, '--no-config', '--offline']);
    expect(offline.code).toBe(0);
    const { startedAt: _a, durationMs: _b, ...withFlag } = JSON.parse(offline.stdout);
    const { startedAt: _c, durationMs: _d, ...without } = JSON.parse(plain.stdout);
    expect(withFlag).toEqual(without);
  });
});

describe('user errors: exit 2 with one line', () => {
  it('a missing file', async () => {
    expectOneLineError(await runCli(['check', 'no/such/file.json', '--no-config']), /no\/such\/file\.json/);
  });

  it('an empty file, binary garbage and a folder with no inputs', async () => {
    const dir = await cliDir();
    await writeFile(path.join(dir, 'empty.json'), '');
    await writeFile(path.join(dir, 'garbage.json'), Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 0]));
    await mkdir(path.join(dir, 'nothing'));
    await writeFile(path.join(dir, 'nothing', 'notes.txt'), 'not an input');
    expectOneLineError(await runCli(['extract', path.join(dir, 'empty.json'), '--no-config']), /empty\.json/);
    expectOneLineError(await runCli(['extract', path.join(dir, 'garbage.json'), '--no-config']), /garbage\.json/);
    expectOneLineError(await runCli(['check', path.join(dir, 'nothing'), '--no-config']), /nothing/);
  });

  it('an unknown option, a bad number, a bad duration, a bad format', async () => {
    expectOneLineError(await runCli(['check', 'x.json', '--no-such-flag']), /no-such-flag/);
    expectOneLineError(await runCli(['check', 'x.json', '--concurrency', 'lots']), /--concurrency/);
    expectOneLineError(await runCli(['check', 'x.json', '--timeout', 'soon']), /--timeout/);
    expectOneLineError(await runCli(['check', 'x.json', '--format', 'pdf']), /pdf/);
    expectOneLineError(await runCli(['check', 'x.json', '--report', 'pdf:x.pdf']), /pdf/);
    expectOneLineError(await runCli(['check', 'x.json', '--report', 'json:-']), /use --format json/);
  });

  it('a bad config key is named', async () => {
    const dir = await cliDir();
    await writeFile(path.join(dir, 'citecheck.config.json'), JSON.stringify({ hostIntervall: '1s' }));
    await writeFile(path.join(dir, 'post.md'), 'Hello [there](https://example.com/).\n');
    expectOneLineError(await runCli(['check', 'post.md'], { cwd: dir }), /unknown key "hostIntervall"/);
  });

  it('a credential header without a host, from a flag or the config, before any request', async () => {
    const dir = await cliDir();
    await writeFile(path.join(dir, 'post.md'), 'Hello [there](https://news.org/a).\n');
    const scope = /Authorization header given without a host would be sent to every cited site/;
    expectOneLineError(
      await runCli(['check', 'post.md', '--no-config', '--offline', '--header', 'Authorization: Bearer t'], {
        cwd: dir,
      }),
      scope,
    );
    await writeFile(path.join(dir, 'citecheck.config.json'), JSON.stringify({ headers: { Cookie: 'a=b' } }));
    expectOneLineError(await runCli(['check', 'post.md', '--offline'], { cwd: dir }), /Cookie header given/);
    // Scoped to a host, or not a credential: accepted.
    const scoped = await runCli(
      ['check', 'post.md', '--no-config', '--offline', '--header', 'news.org=Authorization: Bearer t'],
      { cwd: dir },
    );
    expect(scoped.code).toBe(0);
    const plain = await runCli(['check', 'post.md', '--no-config', '--offline', '--header', 'Accept-Language: fr'], {
      cwd: dir,
    });
    expect(plain.code).toBe(0);
  });

  it('an unwritable report path', async () => {
    const dir = await cliDir();
    await writeFile(path.join(dir, 'post.md'), 'Hello [there](https://example.com/).\n');
    await writeFile(path.join(dir, 'afile'), 'x');
    const result = await runCli(['check', 'post.md', '--no-config', '--report', 'json:afile/report.json'], {
      cwd: dir,
    });
    expectOneLineError(result, /afile\/report\.json: a parent is not a directory/);
  });

  it('a cache path that would overwrite an input or a file that is not a cache', async () => {
    const dir = await cliDir();
    const text = 'Hello [there](https://example.com/).\n';
    await writeFile(path.join(dir, 'post.md'), text);
    await writeFile(path.join(dir, 'settings.json'), '{"keep": true}\n');
    // A bare --cache takes the next word as its file: say so instead of a bare "missing argument".
    expectOneLineError(
      await runCli(['check', '--offline', '--cache', 'post.md'], { cwd: dir }),
      /--cache took "post\.md" as its file/,
    );
    expectOneLineError(
      await runCli(['check', '--no-config', '--cache', 'post.md', 'post.md'], { cwd: dir }),
      /one of the inputs/,
    );
    expectOneLineError(
      await runCli(['check', 'post.md', '--no-config', '--cache=settings.json'], { cwd: dir }),
      /not a citecheck cache; refusing to overwrite it/,
    );
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    expectOneLineError(
      await runCli(['check', 'post.md', '--no-config', '--cache=fifo'], { cwd: dir }),
      /--cache fifo: is not a regular file \(a FIFO, a device or a socket\); a cache must be a file/,
    );
    expect(await readFile(path.join(dir, 'post.md'), 'utf8')).toBe(text);
    expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).toBe('{"keep": true}\n');
  });

  it('a report path that is one of the inputs, or one path for two formats', async () => {
    const dir = await cliDir();
    const text = 'Hello [there](https://example.com/).\n';
    await writeFile(path.join(dir, 'post.md'), text);
    expectOneLineError(
      await runCli(['check', 'post.md', '--no-config', '--offline', '--report', 'json:post.md'], { cwd: dir }),
      /one of the inputs/,
    );
    expect(await readFile(path.join(dir, 'post.md'), 'utf8')).toBe(text);
    const twice = await runCli(
      ['check', 'post.md', '--no-config', '--offline', '--report', 'json:out.txt', '--report', 'html:out.txt'],
      { cwd: dir },
    );
    expectOneLineError(twice, /out\.txt is given for both json and html/);
  });
});

describe('help', () => {
  it('shows the defaults from the one place they live', async () => {
    const result = await runCli(['check', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--concurrency <n>[\s\S]*\(default: 32\)/);
    expect(result.stdout).toMatch(/--host-interval <duration>[\s\S]*\(default: 100ms\)/);
    expect(result.stdout).toMatch(/--timeout <duration>[\s\S]*\(default: 20s\)/);
  });
});

describe('checking local sources', () => {
  let server: http.Server;
  let base: string;
  const hits: string[] = [];
  // Each waiter is told when the next request to /hang arrives (the link is then in flight).
  let hangWaiters: (() => void)[] = [];
  const nextHang = (): Promise<void> => new Promise((resolve) => hangWaiters.push(resolve));

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/ok') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Fine</title><p>Fine.</p>');
      } else if (req.url === '/hang') {
        for (const waiter of hangWaiters) waiter();
        hangWaiters = [];
      } else {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Gone</title>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.41', resolve));
    base = `http://127.0.0.41:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  async function post(links: string[]): Promise<string> {
    const dir = await cliDir();
    const file = path.join(dir, 'post.md');
    await writeFile(file, links.map((l, i) => `Officials said [source ${i}](${l}) on Monday.`).join('\n\n') + '\n');
    return file;
  }

  it('refuses loopback sources by default without sending a request', async () => {
    const before = hits.length;
    const result = await runCli(['check', await post([`${base}/ok`]), '--no-config', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.posts[0].blocks[0].citations[0].status).toBe('excluded');
    expect(hits.length).toBe(before);
  });

  it('checks them with --allow-private: broken → exit 1, ok → exit 0', async () => {
    const broken = await runCli([
      'check',
      await post([`${base}/ok`, `${base}/gone`]),
      '--no-config',
      '--allow-private',
      '--format',
      'json',
    ]);
    expect(broken.code).toBe(1);
    const report = JSON.parse(broken.stdout);
    const statuses = report.posts[0].blocks.map((b: { citations: { status: string }[] }) => b.citations[0].status);
    expect(statuses).toEqual(['ok', 'broken']);
    expect(report.findings.map((f: { code: string }) => f.code)).toContain('LINK_BROKEN');
    const ok = await runCli(['check', await post([`${base}/ok`]), '--no-config', '--allow-private']);
    expect(ok.code).toBe(0);
  });

  it('reads a post from stdin', async () => {
    const result = await runCli(['check', '-', '--no-config', '--allow-private', '--format', 'json'], {
      stdin: `Read [this](${base}/ok).\n`,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).posts[0].blocks[0].citations[0].status).toBe('ok');
  });

  it('says standard input is empty, in one line (exit 2), not "-: empty file"', async () => {
    const result = await runCli(['check', '-', '--no-config', '--offline'], { stdin: '' });
    expect([result.code, result.stderr.trim()]).toEqual([2, 'citecheck: standard input is empty']);
  });

  it('in GitHub Actions prints annotations and appends the job summary', async () => {
    const dir = await cliDir();
    const summary = path.join(dir, 'summary.md');
    const result = await runCli(['check', await post([`${base}/gone`]), '--no-config', '--allow-private'], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error .*LINK_BROKEN/m);
    expect(await readFile(summary, 'utf8')).toContain('LINK_BROKEN');
    const quiet = await runCli(
      ['check', await post([`${base}/gone`]), '--no-config', '--allow-private', '--no-github-annotations'],
      {
        env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
      },
    );
    expect(quiet.stdout).not.toMatch(/^::error/m);
    // With a machine-readable stdout the annotations go to stderr (the runner reads both).
    const json = await runCli(
      ['check', await post([`${base}/gone`]), '--no-config', '--allow-private', '--format', 'json'],
      {
        env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
      },
    );
    expect(JSON.parse(json.stdout).findings.length).toBeGreaterThan(0);
    expect(json.stderr).toMatch(/^::error .*LINK_BROKEN/m);
    // An unwritable summary file is a warning; the verdict (exit 1) stands.
    const blocked = await runCli(['check', await post([`${base}/gone`]), '--no-config', '--allow-private'], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(summary, 'not-a-dir', 'x.md') },
    });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/warning: cannot append the job summary/);
  });

  it('Ctrl-C writes the partial report marked interrupted and exits 130', async () => {
    const sawHang = nextHang();
    const dir = await cliDir();
    const out = path.join(dir, 'partial.json');
    const result = await runCli(
      [
        'check',
        await post([`${base}/ok`, `${base}/hang`]),
        '--no-config',
        '--allow-private',
        '--timeout',
        '60s',
        '--report',
        `json:${out}`,
      ],
      { onSpawn: (child) => void sawHang.then(() => child.kill('SIGINT')) },
    );
    expect(result.code).toBe(130);
    const report = JSON.parse(await readFile(out, 'utf8'));
    expect(report.interrupted).toBe(true);
  });

  it('SIGTERM (a CI timeout) also writes the partial report, and exits 143', async () => {
    const dir = await cliDir();
    const out = path.join(dir, 'partial.json');
    const sawHang = nextHang();
    const result = await runCli(
      [
        'check',
        await post([`${base}/ok`, `${base}/hang`]),
        '--no-config',
        '--allow-private',
        '--timeout',
        '60s',
        '--report',
        `json:${out}`,
      ],
      { onSpawn: (child) => void sawHang.then(() => child.kill('SIGTERM')) },
    );
    expect(result.code).toBe(143);
    expect(JSON.parse(await readFile(out, 'utf8')).interrupted).toBe(true);
  });

  it('says on stderr which findings reached --fail-on', async () => {
    const result = await runCli([
      'check',
      await post([`${base}/ok`]),
      '--no-config',
      '--allow-private',
      '--fail-on',
      'note',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^citecheck: exit 1: 1 finding at or above --fail-on note \(1 LINK_INSECURE_HTTP\)$/m,
    );
  });
});
