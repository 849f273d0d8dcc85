import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli } from './run-cli.js';

// `--config /dev/stdin` and `--config <(jq …)` are how CI jobs hand a generated config over; they
// stopped with "not a regular file" once config files were size-checked (stop 32's note).
describe('--config naming a pipe', () => {
  it('reads the config from standard input, and a bad one is still one line, exit 2', async () => {
    const dir = await tempDir('citecheck-config-pipe-');
    const post = path.join(dir, 'post.md');
    await writeFile(
      post,
      'The survey found [a rise](https://stats.example-agency.org/a) and [a fall](https://data.example-bureau.net/b).\n',
    );
    const args = ['check', post, '--offline', '--format', 'json', '--config', '/dev/stdin'];
    const run = await runCli(args, { stdin: JSON.stringify({ exclude: ['example-bureau'] }) });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as {
      posts: { blocks: { citations: { url: string; status: string }[] }[] }[];
    };
    expect(report.posts[0].blocks[0].citations.map((l) => [l.url, l.status])).toEqual([
      ['https://stats.example-agency.org/a', 'unchecked'],
      ['https://data.example-bureau.net/b', 'excluded'],
    ]);
    const bad = await runCli(args, { stdin: '{"concurrenc": 3}' });
    expect([bad.code, bad.stderr]).toEqual([2, 'citecheck: /dev/stdin: unknown key "concurrenc"\n']);
    // Standard input by its other names (/dev/stdin links to /proc/self/fd/0): a socket cannot be
    // opened again by any of them (ENXIO).
    for (const name of ['/dev/fd/0', '/proc/self/fd/0']) {
      const other = await runCli([...args.slice(0, -1), name], {
        stdin: JSON.stringify({ exclude: ['example-bureau'] }),
      });
      expect([name, other.code, other.stderr]).toEqual([name, 0, '']);
    }
  });
});
