import http from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../src/sources/index.js';
import { InputTooLargeError } from '../../src/sources/read-bounded.js';
import { runCli } from '../cli/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const POST = '# Post\n\nIt [said](https://news.example.org/a) so.\n';
const CAP = Buffer.byteLength(POST);
const tooLarge = (name: string, cap = CAP) =>
  `${name}: larger than --max-input-bytes (${cap} bytes); raise the cap (maxInputBytes in the config) to read it`;

describe('--max-input-bytes: an input over the cap stops the run', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('citecheck-size-');
    await mkdir(path.join(dir, 'content'));
    await writeFile(path.join(dir, 'content', 'at-cap.md'), POST);
    await writeFile(path.join(dir, 'content', 'over.md'), `${POST}x`);
  });

  it('a file at the cap is read; one byte over is refused, named or found in a folder', async () => {
    const atCap = path.join(dir, 'content', 'at-cap.md');
    const over = path.join(dir, 'content', 'over.md');
    expect(await loadInputs([atCap], { maxInputBytes: CAP })).toHaveLength(1);
    await expect(loadInputs([over], { maxInputBytes: CAP })).rejects.toThrow(tooLarge(over));
    // Found in a folder: not skipped with a warning, the run stops (it may be a real export).
    const warnings: string[] = [];
    const found = loadInputs([path.join(dir, 'content')], { maxInputBytes: CAP, onWarning: (m) => warnings.push(m) });
    await expect(found).rejects.toBeInstanceOf(InputTooLargeError);
    expect(warnings).toEqual([]);
  });

  it('a file of unknown size (a device that never ends) is read no further than the cap', async () => {
    await expect(loadInputs(['/dev/zero'], { maxInputBytes: 4096 })).rejects.toThrow(tooLarge('/dev/zero', 4096));
  });

  it('standard input over the cap', async () => {
    const readStdin = async () => Buffer.from(`${POST}x`);
    await expect(loadInputs(['-'], { readStdin, maxInputBytes: CAP })).rejects.toThrow(tooLarge('standard input'));
  });

  it('CLI: exit 2 with one line, from the flag, the config key, and for stdin', async () => {
    const flag = await runCli(['check', 'content/over.md', '--offline', '--no-config', `--max-input-bytes=${CAP}`], {
      cwd: dir,
    });
    expect(flag.code).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.stderr).toBe(`citecheck: ${tooLarge('content/over.md')}\n`);

    await writeFile(path.join(dir, 'citecheck.config.json'), JSON.stringify({ maxInputBytes: CAP }));
    const config = await runCli(['extract', 'content'], { cwd: dir });
    expect(config.code).toBe(2);
    expect(config.stderr).toBe(`citecheck: ${tooLarge('content/over.md')}\n`);

    const stdin = await runCli(['check', '-', '--offline', '--no-config', '--max-input-bytes', '10'], {
      cwd: dir,
      stdin: POST,
    });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toBe(`citecheck: ${tooLarge('standard input', 10)}\n`);

    const bad = await runCli(['check', '-', '--no-config', '--max-input-bytes', '10 parsecs'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'citecheck: --max-input-bytes: is not a size (use a number of bytes or 512k, 5M, 1G (KiB, MiB, GiB: units of 1024)): 10 parsecs\n',
    );
    // With a unit: 1k is 1,024 bytes.
    const unit = await runCli(['check', '-', '--offline', '--no-config', '--max-input-bytes', '1k'], {
      cwd: dir,
      stdin: 'x'.repeat(1025),
    });
    expect(unit.code).toBe(2);
    expect(unit.stderr).toBe(`citecheck: ${tooLarge('standard input', 1024)}\n`);
  });

  it('CLI: an input URL whose body is over the cap', async () => {
    const server = http.createServer(
      (_req, res) => void res.writeHead(200, { 'content-type': 'text/markdown' }).end(POST.repeat(40)),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.46', resolve));
    const url = `http://127.0.0.46:${(server.address() as { port: number }).port}/post.md`;
    try {
      const result = await runCli(['check', url, '--no-config', '--allow-private', '--max-input-bytes', '1000'], {
        cwd: dir,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `citecheck: cannot fetch ${url}: the body is larger than 1000 bytes (--max-input-bytes)\n`,
      );
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
