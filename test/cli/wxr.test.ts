import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { citingParagraph, wxrExport } from '../helpers/site-export.js';
import { ROOT, runCli } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const EXPORT = path.join(ROOT, 'test/fixtures/inputs/wxr/site-export.xml');

/** A post of a generated export with `paragraphs` citing paragraphs. */
const post = (id: number, paragraphs: number) => ({
  id,
  title: `Post ${id}`,
  body: Array.from({ length: paragraphs }, (_, n) =>
    citingParagraph(`https://example.org/${id}/${n}`, 'the data', n),
  ).join('\n'),
});

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
    const dir = await tempDir('citecheck-wxr-cli-');
    const sitemap = path.join(dir, 'sitemap.xml');
    await writeFile(sitemap, '<?xml version="1.0"?><urlset><url><loc>https://a.example.com/</loc></url></urlset>');
    const result = await runCli(['check', sitemap, '--no-config', '--offline']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`citecheck: ${sitemap}: not a WordPress export (WXR): an XML document <urlset>\n`);
    expect(result.stdout).toBe('');
  });

  it('a post over --max-input-bytes is reported without its content, with a warning; the others are checked', async () => {
    const dir = await tempDir('citecheck-wxr-cli-');
    const file = path.join(dir, 'site.xml');
    // Post 2 is about 40 kB, four times the cap.
    await writeFile(file, wxrExport([post(1, 2), post(2, 400), post(3, 1)]));
    const result = await runCli([
      'check',
      file,
      '--no-config',
      '--offline',
      '--format',
      'json',
      '--max-input-bytes',
      '10k',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      posts: { id: number; blocks: unknown[] }[];
      findings: { code: string; post: number; line?: number; message: string }[];
    };
    expect(report.posts.map((p) => [p.id, p.blocks.length])).toEqual([
      [1, 2],
      [2, 0],
      [3, 1],
    ]);
    const repair =
      'content:encoded is larger than --max-input-bytes (10240 bytes): not read, nothing in the post was checked (raise the cap, maxInputBytes in the config, to read it)';
    expect(report.findings.filter((f) => f.code === 'INPUT_REPAIRED')).toMatchObject([
      { post: 1, line: 17, message: `Input was repaired: ${repair} at line 17.` },
    ]);
    expect(result.stderr).toBe(
      `citecheck: warning: ${file}: post 2 "Post 2" (https://archive.example.org/2/): ${repair}\n`,
    );
  });

  it("a parse error's finding says where in words, from a file or from standard input", async () => {
    const dir = await tempDir('citecheck-wxr-cli-');
    const file = path.join(dir, 'site.xml');
    const xml = wxrExport([post(1, 1)]).replace('<wp:status>', '\u0003<wp:status>');
    const line = xml.slice(0, xml.indexOf('\u0003')).split('\n').length;
    await writeFile(file, xml);
    const message = `Input was repaired: not well-formed XML: disallowed character at line ${line}, column 1.`;
    for (const result of [
      await runCli(['check', file, '--no-config', '--offline', '--format', 'json']),
      await runCli(['check', '-', '--no-config', '--offline', '--format', 'json'], { stdin: xml }),
    ]) {
      expect(result.code, result.stderr).toBe(0);
      const { findings } = JSON.parse(result.stdout) as { findings: { code: string; message: string }[] };
      expect(findings.filter((f) => f.code === 'INPUT_REPAIRED').map((f) => f.message)).toEqual([message]);
      expect(result.stdout).not.toMatch(/\d+:\d+: /);
    }
  });

  it('a postmeta value and a comment of 8 MB each are read past, the post read as without them', async () => {
    const dir = await tempDir('citecheck-wxr-cli-');
    const plain = path.join(dir, 'plain.xml');
    const heavy = path.join(dir, 'heavy.xml');
    const xml = wxrExport([post(1, 2), post(2, 1)]);
    const big = 'x'.repeat(8 * 2 ** 20);
    await writeFile(plain, xml);
    // In the last item, after its fields: the lines of both posts stay as they were.
    const at = xml.lastIndexOf('</item>');
    const unread = `<wp:postmeta><wp:meta_key>_layout</wp:meta_key><wp:meta_value><![CDATA[${big}]]></wp:meta_value></wp:postmeta><wp:comment><wp:comment_content>${big}</wp:comment_content></wp:comment>`;
    await writeFile(heavy, `${xml.slice(0, at)}${unread}${xml.slice(at)}`);
    const posts = async (file: string) => {
      const result = await runCli(['extract', file, '--no-config']);
      expect(result.code, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as { posts: { source: string }[] }).posts.map((p) => ({ ...p, source: '' }));
    };
    try {
      expect(await posts(heavy)).toEqual(await posts(plain));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
