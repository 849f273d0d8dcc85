import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const EXPORT = path.join(ROOT, 'test/fixtures/inputs/wxr/site-export.xml');

describe('WordPress export files through the CLI', () => {
  it('extract reads the published posts of an export, not one post of its metadata', async () => {
    const result = await runCli(['extract', EXPORT, '--no-config']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      posts: { id: number; title: string }[];
      totals: { citations: number };
    };
    expect(report.posts.map((p) => p.id)).toEqual([101, 102, 103]);
    expect(report.totals.citations).toBe(6);
  });

  it('check --status reads drafts too', async () => {
    const result = await runCli([
      'check',
      EXPORT,
      '--no-config',
      '--offline',
      '--status',
      'publish,draft',
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { posts: { id: number }[] }).posts.map((p) => p.id)).toEqual([
      101, 102, 103, 104,
    ]);
  });

  it('a named .xml that is not an export: exit 2, one line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'citecheck-wxr-cli-'));
    const sitemap = path.join(dir, 'sitemap.xml');
    await writeFile(sitemap, '<?xml version="1.0"?><urlset><url><loc>https://a.example.com/</loc></url></urlset>');
    const result = await runCli(['check', sitemap, '--no-config', '--offline']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`citecheck: ${sitemap}: not a WordPress export (WXR): an XML document <urlset>\n`);
    expect(result.stdout).toBe('');
  });
});
