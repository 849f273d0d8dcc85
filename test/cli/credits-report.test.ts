/**
 * Sources outside the paragraph, through the CLI as a user runs it (issue 8): every report
 * format says which claim a footnote or source line credits, and shows links that are not
 * sources apart, never as claims or failures of their own.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { ROOT, runCli } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startTestServer({ host: '127.0.0.71' });
  dir = await tempDir('citecheck-credits-');
  await writeFile(
    path.join(dir, 'tides.md'),
    [
      '---',
      'title: Tide gauges',
      '---',
      '',
      'The gauge recorded a surge of 1.9 metres on 3 March.[^gauge]',
      '',
      'Sea levels rose by 4 millimetres a year, the network said.[^trend]',
      '',
      '> We have never seen water this high.',
      '',
      `Source: [harbour radio](${server.url('/ok')})`,
      '',
      `Share this: [Share on X](https://twitter.com/intent/tweet?url=${encodeURIComponent(server.url('/ok'))})`,
      '',
      `[^gauge]: Port operations log, [3 March entry](${server.url('/status/404')}).`,
      '[^trend]: National tide network, annual summary (print only).',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await server.close();
});

describe('footnotes and source lines in every report format', () => {
  it('terminal, Markdown, JUnit, SARIF and annotations name the note that credits each claim', async () => {
    const result = await runCli(
      [
        'check',
        'tides.md',
        '--no-config',
        '--allow-private',
        '--report',
        'markdown:out.md',
        '--report',
        'junit:out.xml',
        '--report',
        'sarif:out.sarif',
      ],
      { cwd: dir, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') } },
    );
    expect(result.code, result.stderr).toBe(1);
    const out = result.stdout;
    // The claim shows the footnote's broken link, marked with the footnote; the footnote is no block of its own.
    expect(out).toMatch(
      /¶1 · paragraph · line 5 · claim: citation, number\n.*\n +\[BROKEN\] +footnote 1: “3 March entry” http:\/\/127\.0\.0\.71:\d+\/status\/404/,
    );
    expect(out).toMatch(
      /\[CREDITED\] +footnote 2: “National tide network, annual summary \(print only\)\.” \(no link\)/,
    );
    expect(out).toMatch(/\[OK\] +source line: “harbour radio”/);
    expect(out).toContain('+ 2 footnotes, 1 source line shown with the claims they credit');
    expect(out).toContain('+ 1 other block without claims or sources (1 paragraph); 1 link not a source: 1 share');
    expect(out).not.toMatch(/¶\d+ · footnote/);
    expect(out).not.toContain('CLAIM_UNCITED');
    // CI annotations: the finding is where the link is written, and says which claim it sources.
    expect(out).toMatch(/^::error file=tides\.md,line=15,title=LINK_BROKEN::.*\(footnote 1 of ¶1\)$/m);
    // The share link was never requested.
    expect(server.hits.map((h) => h.path).sort()).toEqual(['/ok', '/status/404']);

    const markdown = await readFile(path.join(dir, 'out.md'), 'utf8');
    expect(markdown).toMatch(/\| `LINK_BROKEN` \| ¶\d+ \(footnote 1 of ¶1\), line 15 \|/);
    expect(markdown).toMatch(/\| ❌ broken \| footnote 1: 3 March entry \|/);
    const junit = await readFile(path.join(dir, 'out.xml'), 'utf8');
    expect(junit).toMatch(/<testcase name="¶\d+ footnote 1 of ¶1 \(line 15\) “3 March entry”/);
    expect(junit).not.toContain('twitter.com');
    const sarif = JSON.parse(await readFile(path.join(dir, 'out.sarif'), 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string; message: { text: string } }> }>;
    };
    expect(sarif.runs[0].results.find((r) => r.ruleId === 'LINK_BROKEN')?.message.text).toMatch(
      /\(footnote 1 of ¶1\)$/,
    );
  });

  it('a WordPress page with core footnotes: the note credits its paragraph, the image link is no source', async () => {
    const page = path.join(ROOT, 'test/fixtures/credits/wordpress-core-footnotes.html');
    const result = await runCli(['check', '--offline', '--no-config', page]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /¶2 · paragraph · line 15 · claim: citation, number\n.*\n +\[EXCLUDED\] +footnote 1: “Dredging report 2024”/,
    );
    expect(result.stdout).toMatch(
      /\[CREDITED\] +footnote 2: “Statement to the county council, March 2025 \(not online\)\.” \(no link\)/,
    );
    expect(result.stdout).toContain('1 link not a source: 1 image');
    expect(result.stdout).toContain('2 citations · 2 unique URLs · 0 damaged anchors · 1 link not a source');
  });
});
