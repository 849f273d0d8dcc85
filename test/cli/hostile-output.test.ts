import http from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, hostileMarkdown, hostileWordPress } from '../fixtures/hostile/hostile-text.js';
import { CONTROLS, commandLines, notInert, outputLines } from '../helpers/inert-output.js';
import { runCli } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const lines = outputLines;

/** Asserts that printed text holds no control character and no runner command but our annotations. */
function expectInert(text: string, label: string): void {
  expect(notInert(text), label).toBeUndefined();
}

describe('nothing a post says reaches a terminal or a CI runner as a command', () => {
  let cwd: string;
  // File names are input too: one with a newline named on the command line (a folder listing
  // does not return such names), and one found in a folder that is not a post.
  const newlineName = path.join('named', 'post\n::error::pwned.md');
  beforeAll(async () => {
    cwd = await tempDir('citecheck-hostile-');
    await mkdir(path.join(cwd, 'content'));
    await mkdir(path.join(cwd, 'named'));
    await writeFile(path.join(cwd, 'content', 'a.md'), hostileMarkdown());
    await writeFile(path.join(cwd, 'content', 'b.json'), hostileWordPress());
    await writeFile(path.join(cwd, newlineName), hostileMarkdown());
    await writeFile(path.join(cwd, 'content', `x ##[add-mask]${HOSTILE.osc52}\u202Eno.json`), '{"not":"a post"}');
  });

  it('terminal report, annotations, stderr lines and job summary under GITHUB_ACTIONS=true', async () => {
    const summary = path.join(cwd, 'summary.md');
    await writeFile(summary, '');
    const result = await runCli(
      ['check', 'content', newlineName, '--offline', '--no-config', '--report', 'markdown:out/##[group]r.md'],
      { cwd, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } },
    );
    expect(result.code, result.stderr).toBe(1);
    expectInert(result.stdout, 'stdout');
    expectInert(result.stderr, 'stderr');
    // The exact stderr lines: the skipped file's name on one line, our path, the exit-1 reason.
    expect(lines(result.stderr.trimEnd())).toEqual([
      'citecheck: warning: content/x #\\#[add-mask]no.json: not a WordPress post (no content.rendered); skipped',
      'citecheck: wrote out/#\\#[group]r.md',
      'citecheck: exit 1: 3 findings at or above --fail-on error (3 ANCHOR_DAMAGED)',
    ]);
    // Every finding is one annotation line, and nothing else on stdout starts a command.
    const annotations = commandLines(result.stdout);
    expect(annotations.length).toBeGreaterThanOrEqual(3);
    expect(annotations).toContain(
      '::error file=content/a.md,line=3,title=ANCHOR_DAMAGED::Anchor "lost #\\#[add-mask]citecheck #\\#[stop-commands]pwned #\\#[group]Injected evilx @octocat `@hubot" lost its URL (its Markdown reference has no definition); the claim has no source.',
    );
    // The post whose file name holds a newline: the name stays inside its property, escaped as
    // the Actions toolkit does, so the runner decodes it back to the file's real name.
    expect(
      annotations.filter((l) => l.startsWith('::error file=named/post%0A%3A%3Aerror%3A%3Apwned.md,line=3,')),
    ).toHaveLength(1);
    // In the terminal report the paragraph that began with "::error" (a claim: "officials said") is quoted, not a command.
    expect(lines(result.stdout)).toContain('   “::error file=x,line=1::injected, officials said.”');
    for (const file of [summary, path.join(cwd, 'out', '##[group]r.md')]) {
      const markdown = await readFile(file, 'utf8');
      expectInert(markdown, file);
      expect(markdown, file).not.toMatch(/(?:^|[^\w`])@octocat/);
      expect(markdown, file).toContain('@&#8203;octocat');
      // After post text's backtick, escaped, GitHub would link the mention: it is broken too.
      expect(markdown, file).not.toMatch(/(?:^|[^\w`]|\\`)@hubot/);
      expect(markdown, file).toContain('\\`@&#8203;hubot');
    }
  });

  it.each(['json', 'sarif', 'junit', 'html', 'markdown'])(
    '--format %s on stdout is inert, annotations go to stderr',
    async (format) => {
      const result = await runCli(['check', 'content', newlineName, '--offline', '--no-config', '--format', format], {
        cwd,
        env: { GITHUB_ACTIONS: 'true' },
      });
      expect(result.code, result.stderr).toBe(1);
      expect(commandLines(result.stdout), 'stdout').toEqual([]);
      if (format !== 'html') expect(result.stdout).not.toMatch(CONTROLS);
      expectInert(result.stderr, 'stderr');
      expect(commandLines(result.stderr).length).toBeGreaterThanOrEqual(3);
      if (format === 'json') {
        // Inert in the log, yet the data is the post's own text, byte for byte.
        const report = JSON.parse(result.stdout) as { posts: { source: string; blocks: { text: string }[] }[] };
        const texts = report.posts.flatMap((p) => p.blocks.map((b) => b.text)).join('\n');
        expect(texts).toContain(HOSTILE.legacy);
        expect(report.posts.map((p) => p.source)).toContain(newlineName);
      }
    },
  );

  it('a usage error quoting an argument is one sanitised line', async () => {
    const result = await runCli(['check', `--x${HOSTILE.osc52}##[add-mask]y`, 'a.md'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("citecheck: unknown option '--x#\\#[add-mask]y'\n");
  });
});

describe('the exit-2 line quoting a WordPress REST error message', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const message = `Nope ${HOSTILE.osc52}${HOSTILE.bell} ${HOSTILE.legacy} ${HOSTILE.bidi}\n::error::x`;
    const body = JSON.stringify({ code: 'rest_forbidden', message, data: { status: 403 } });
    server = http.createServer(
      (_req, res) => void res.writeHead(403, { 'content-type': 'application/json' }).end(body),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.45', resolve));
    base = `http://127.0.0.45:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('prints the message without its escape sequences, controls or runner commands', async () => {
    const url = `${base}/wp-json/wp/v2/posts/1`;
    const result = await runCli(['check', url, '--no-config', '--allow-private'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    // The ESC before " ##[" is an escape sequence with those bytes (ECMA-35): it goes whole, as a
    // terminal would take it; the other commands are broken, the line break flattened.
    expect(result.stderr).toBe(
      `citecheck: ${url}: HTTP 403, WordPress API error rest_forbidden: Nope add-mask]citecheck #\\#[stop-commands]pwned #\\#[group]Injected evilx ::error::x\n`,
    );
  });
});
