import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { runCli } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

let server: TestServer;
let dir: string;

type JsonReport = {
  posts: { source: string; blocks: { citations: { url: string; status: string; rawHref?: string }[] }[] }[];
};
const citations = (report: JsonReport, source: string) =>
  report.posts.find((p) => p.source === source)?.blocks.flatMap((b) => b.citations) ?? [];

beforeAll(async () => {
  server = await startTestServer({ host: '127.0.0.16' });
  dir = await tempDir('citecheck-base-url-');
  // A post that does not say its URL: its relative links need --base-url.
  await writeFile(path.join(dir, 'bare.md'), 'The budget [was cut](/ok) and the plan [is gone](status/404).\n');
  // A post that names its own URL: that wins over --base-url.
  await writeFile(
    path.join(dir, 'own.md'),
    `---\nurl: ${server.url('/catch-all/blog/post')}\n---\nThe [figures](../data) say so.\n`,
  );
});
afterAll(async () => {
  await server.close();
});

describe('--base-url through the CLI', () => {
  it('resolves the relative links of a post that names no URL, and checks them', async () => {
    const result = await runCli(
      ['check', 'bare.md', '--no-config', '--allow-private', '--format', 'json', '--base-url', server.url('/')],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(1);
    const found = citations(JSON.parse(result.stdout) as JsonReport, 'bare.md');
    expect(found.map((c) => [c.url, c.status])).toEqual([
      [server.url('/ok'), 'ok'],
      [server.url('/status/404'), 'broken'],
    ]);
    expect(server.hitsOf('/ok')).toHaveLength(1);
  });

  it("never overrides the post's own URL", async () => {
    const result = await runCli(
      ['extract', 'own.md', 'bare.md', '--no-config', '--base-url', 'https://elsewhere.org/'],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(citations(report, 'own.md').map((c) => c.url)).toEqual([server.url('/catch-all/data')]);
    expect(citations(report, 'bare.md').map((c) => c.url)).toEqual([
      'https://elsewhere.org/ok',
      'https://elsewhere.org/status/404',
    ]);
  });

  it('is read from the config file too, and a flag wins over it', async () => {
    await writeFile(path.join(dir, 'citecheck.config.json'), JSON.stringify({ baseUrl: 'https://from-file.org/' }));
    const fromFile = JSON.parse((await runCli(['extract', 'bare.md'], { cwd: dir })).stdout) as JsonReport;
    expect(citations(fromFile, 'bare.md')[0].url).toBe('https://from-file.org/ok');
    const flag = await runCli(['extract', 'bare.md', '--base-url', 'https://from-flag.org/'], { cwd: dir });
    expect(citations(JSON.parse(flag.stdout) as JsonReport, 'bare.md')[0].url).toBe('https://from-flag.org/ok');
  });

  it('refuses a base that is not an absolute http(s) URL, naming the flag or the key', async () => {
    const flag = await runCli(['extract', 'bare.md', '--no-config', '--base-url', 'blog/'], { cwd: dir });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe('citecheck: --base-url: must be an absolute http(s) URL: blog/\n');
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ baseUrl: 'ftp://files.org/' }));
    const file = await runCli(['extract', 'bare.md', '--config', 'bad.json'], { cwd: dir });
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/^citecheck: bad\.json: "baseUrl" /);
  });
});
