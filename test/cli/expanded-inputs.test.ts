import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A content folder as sites keep them: posts next to files that are not posts. */
describe('a folder holding files that are not posts', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await tempDir('citecheck-expand-');
    await mkdir(path.join(cwd, 'content'));
    await mkdir(path.join(cwd, 'junk'));
    await writeFile(
      path.join(cwd, 'content/page.html'),
      '<html><body><article><p>It <a href="https://news.example.org/a">said</a> so.</p></article></body></html>',
    );
    await writeFile(path.join(cwd, 'content/post.md'), '# Post\n\nRead [this](https://news.example.org/b).\n');
    await writeFile(path.join(cwd, 'content/package.json'), '{"name":"site","private":true}');
    await writeFile(path.join(cwd, 'content/data.json'), '[1,2,3]');
    await writeFile(path.join(cwd, 'content/empty.html'), '');
    await writeFile(path.join(cwd, 'junk/data.json'), '[1,2,3]');
  });

  it('check: skips each with one warning line on stderr and reports the posts', async () => {
    const result = await runCli(['check', 'content', '--offline', '--no-config', '--format', 'json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { totals: { posts: number }; posts: { source: string }[] };
    expect(report.totals.posts).toBe(2);
    expect(report.posts.map((p) => p.source)).toEqual(['content/page.html', 'content/post.md']);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'citecheck: warning: content/data.json: not a list of WordPress posts (no item has content.rendered); skipped',
      'citecheck: warning: content/empty.html: empty file; skipped',
      'citecheck: warning: content/package.json: not a WordPress post (no content.rendered); skipped',
    ]);
  });

  it('the terminal report on stdout carries no warning', async () => {
    const result = await runCli(['check', 'content/*', '--offline', '--no-config', '--no-progress'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('content/page.html');
    expect(result.stdout).not.toMatch(/package\.json|skipped/);
    expect(result.stderr.match(/^citecheck: warning: /gm)).toHaveLength(3);
  });

  it('extract warns the same way', async () => {
    const result = await runCli(['extract', 'content', '--no-config'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { posts: unknown[] }).posts).toHaveLength(2);
    expect(result.stderr.match(/^citecheck: warning: .*; skipped$/gm)).toHaveLength(3);
  });

  it('a bad file named on the command line is still exit 2 with one line', async () => {
    const result = await runCli(['check', 'content/data.json', '--offline', '--no-config'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'citecheck: content/data.json: not a list of WordPress posts (no item has content.rendered)\n',
    );
  });

  it('nothing readable left is exit 2 with one line', async () => {
    const result = await runCli(['check', 'junk', '--offline', '--no-config'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'citecheck: no posts to read: the one file found was skipped (junk/data.json: not a list of WordPress posts (no item has content.rendered))\n',
    );
  });
});

describe("a folder holding citecheck's own reports from the last run", () => {
  it('does not read them as posts, and says nothing about them', async () => {
    const cwd = await tempDir('citecheck-own-');
    await writeFile(path.join(cwd, 'post.md'), 'Officials [said](https://news.example.org/b) so.\n');
    const args = [
      'check',
      '.',
      '--offline',
      '--no-config',
      '--no-progress',
      '--report',
      'html',
      '--report',
      'markdown',
      '--report',
      'json',
    ];
    const first = await runCli(args, { cwd });
    expect(first.code, first.stderr).toBe(0);
    const second = await runCli([...args, '--format', 'json'], { cwd });
    expect(second.code, second.stderr).toBe(0);
    const report = JSON.parse(second.stdout) as { posts: { source: string }[] };
    expect(report.posts.map((p) => p.source)).toEqual(['post.md']);
    expect(second.stderr).not.toMatch(/warning/);
  });
});
