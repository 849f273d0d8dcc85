import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { runCli } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

let server: TestServer;
let dir: string;

type JsonReport = {
  posts: { blocks: { citations: { url: string; status: string; role?: string }[] }[] }[];
  findings: { code: string; message: string; url?: string }[];
};

beforeAll(async () => {
  server = await startTestServer({ host: '127.0.0.61' });
  dir = await tempDir('citecheck-entity-');
  // Links on names to the named party's own page (role entity): a home page that answers and a
  // profile that is gone. Neither is a source, but both are links a reader follows.
  await writeFile(
    path.join(dir, 'post.md'),
    [
      `Prices rose 40% last year, [Harbour Weekly](${server.url('/')}) reported.`,
      '',
      `The primatologist [Jane Goodall](${server.url('/jane-goodall')}) said chimpanzees use tools.`,
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await server.close();
});

describe('links on names (role entity) through the CLI', () => {
  it('are requested, and a dead one is reported broken and fails the run', async () => {
    const result = await runCli(['check', 'post.md', '--no-config', '--allow-private', '--format', 'json'], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    const links = report.posts[0].blocks.flatMap((b) => b.citations);
    expect(links.map((c) => [c.url, c.role, c.status])).toEqual([
      [server.url('/'), 'entity', 'ok'],
      [server.url('/jane-goodall'), 'entity', 'broken'],
    ]);
    expect(server.hitsOf('/jane-goodall').length).toBeGreaterThan(0);
    const broken = report.findings.filter((f) => f.code === 'LINK_BROKEN');
    expect(broken.map((f) => f.message)).toEqual([
      `Link "Jane Goodall" is broken: ${server.url('/jane-goodall')} answered HTTP 404.`,
    ]);
  });

  it('are named in the uncited claim they do not source, and shown with their verdict when dead', async () => {
    const result = await runCli(['check', 'post.md', '--no-config', '--allow-private'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain(
      `Claim has no link to a source (number “40%”, attribution “Harbour Weekly reported”); its link on a name, "Harbour Weekly" (${server.url('/')}), goes to that name's own page, not to a source.`,
    );
    expect(result.stdout).toMatch(/\[BROKEN\] +“Jane Goodall” http:\/\/127\.0\.0\.61:\d+\/jane-goodall +HTTP 404/);
    expect(result.stdout).toMatch(/Links +broken 1 · ok 1/);
  });
});
