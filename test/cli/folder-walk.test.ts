import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { notInert } from '../helpers/inert-output.js';
import { runCli } from './run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

interface JsonReport {
  posts: { source: string; blocks: { citations: { url: string }[] }[] }[];
}
const sources = (stdout: string): string[] => (JSON.parse(stdout) as JsonReport).posts.map((p) => p.source);
const post = (link: string): string => `A study [found it](${link}).\n`;

/** A path under `dir` whose last name is these bytes (not UTF-8: Node's strings cannot spell it). */
const bytesPath = (dir: string, ...names: (string | number[])[]): Buffer =>
  Buffer.concat([
    Buffer.from(dir),
    ...names.flatMap((n) => [Buffer.from(path.sep), typeof n === 'string' ? Buffer.from(n) : Buffer.from(n)]),
  ]);

describe('a folder holding file names that are not UTF-8', () => {
  let cwd: string;
  let supported = true;
  beforeAll(async () => {
    cwd = await tempDir('citecheck-names-');
    const content = path.join(cwd, 'content');
    await mkdir(content);
    await writeFile(path.join(content, 'ok.md'), post('https://news.example.org/ok'));
    try {
      // 0xff and 0xfe start no UTF-8 sequence: Node reads both names as "\uFFFD.md".
      await writeFile(bytesPath(content, [0xff, 0x2e, 0x6d, 0x64]), post('https://news.example.org/ff'));
      await writeFile(bytesPath(content, [0xfe, 0x2e, 0x6d, 0x64]), post('https://news.example.org/fe'));
      // A name that also holds an escape sequence (red text) and a right-to-left override.
      const hostile = [...Buffer.from('\u001b[31m\u202e'), 0xc3, 0x28, ...Buffer.from('.md')];
      await writeFile(bytesPath(content, hostile), post('https://news.example.org/hostile'));
      // A folder whose own name is not UTF-8.
      await mkdir(bytesPath(content, [0x80, 0x64]));
      await writeFile(bytesPath(content, [0x80, 0x64], 'in.md'), post('https://news.example.org/in'));
    } catch {
      // File systems that store names as Unicode (APFS, NTFS) refuse such names: nothing to test.
      supported = false;
    }
  });

  it('reads each such file by its bytes and shows its name with \\xHH escapes', async (context) => {
    if (!supported) context.skip();
    const result = await runCli(['check', 'content', '--offline', '--no-config', '--format', 'json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.posts.map((p) => [p.source, p.blocks[0].citations[0].url])).toEqual([
      ['content/\u001b[31m\u202e\\xc3(.md', 'https://news.example.org/hostile'],
      ['content/\\x80d/in.md', 'https://news.example.org/in'],
      ['content/\\xfe.md', 'https://news.example.org/fe'],
      ['content/\\xff.md', 'https://news.example.org/ff'],
      ['content/ok.md', 'https://news.example.org/ok'],
    ]);
  });

  it('prints the names sanitised in the terminal report', async (context) => {
    if (!supported) context.skip();
    const result = await runCli(['check', 'content', '--offline', '--no-config', '--no-progress'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(notInert(result.stdout), 'stdout').toBeUndefined();
    expect(result.stdout).toContain('content/\\xff.md');
    expect(result.stdout).toContain('content/\\xc3(.md');
    expect(result.stdout).toContain('content/\\x80d/in.md');
    expect(result.stdout).not.toContain('\ufffd');
  });

  it('a glob reads them by their bytes too, matched by the names shown', async (context) => {
    if (!supported) context.skip();
    const result = await runCli(['check', 'content/*.md', '--offline', '--no-config', '--format', 'json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(sources(result.stdout)).toEqual([
      'content/\u001b[31m\u202e\\xc3(.md',
      'content/\\xfe.md',
      'content/\\xff.md',
      'content/ok.md',
    ]);
  });
});

/**
 * A new folder holding `notes/ok.md` and `notes/f\xff.md` (its name not UTF-8), each with one
 * damaged anchor on line 1; undefined where the file system refuses such a name.
 */
async function notesFolder(prefix: string): Promise<string | undefined> {
  const cwd = await tempDir(prefix);
  await mkdir(path.join(cwd, 'notes'));
  const damaged = 'The statement [was removed][gone] last week.\n';
  await writeFile(path.join(cwd, 'notes', 'ok.md'), damaged);
  try {
    await writeFile(bytesPath(path.join(cwd, 'notes'), [0x66, 0xff, 0x2e, 0x6d, 0x64]), damaged);
  } catch {
    return undefined;
  }
  return cwd;
}

describe('GitHub annotations for a file whose name is not UTF-8', () => {
  it('name it in the message, not in a file= that names no file', async (context) => {
    const cwd = await notesFolder('citecheck-annotate-');
    if (cwd === undefined) return context.skip();
    const result = await runCli(['check', 'notes', '--offline', '--no-config'], {
      cwd,
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(result.code, result.stderr).toBe(1);
    const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::'));
    const message =
      'Anchor "was removed" lost its URL (its Markdown reference has no definition); the claim has no source.';
    expect(annotations).toEqual([
      `::error title=ANCHOR_DAMAGED::notes/f\\xff.md:1: ${message}`,
      `::error file=notes/ok.md,line=1,title=ANCHOR_DAMAGED::${message}`,
    ]);
  });
});

describe('SARIF locations of a file whose name is not UTF-8', () => {
  // A URI's percent-encoded bytes, decoded as bytes (the URIs here are ASCII).
  const uriBytes = (uri: string): Buffer =>
    Buffer.from(
      uri.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    );
  const uris = (stdout: string): string[] =>
    (
      JSON.parse(stdout) as {
        runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      }
    ).runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);

  it('name the real file: the byte percent-encoded (%FF), not its \\xff escape', async (context) => {
    const cwd = await notesFolder('citecheck-sarif-names-');
    if (cwd === undefined) return context.skip();
    await mkdir(path.join(cwd, 'elsewhere'));
    // Under the working directory: a relative URI reference.
    const inside = await runCli(['check', 'notes', '--offline', '--no-config', '--format', 'sarif'], { cwd });
    expect(inside.code, inside.stderr).toBe(1);
    expect(uris(inside.stdout)).toEqual(['notes/f%FF.md', 'notes/ok.md']);
    expect(existsSync(Buffer.concat([Buffer.from(cwd + path.sep), uriBytes('notes/f%FF.md')]))).toBe(true);
    // Outside it: a file: URL, naming the same file.
    const outside = await runCli(['check', '../notes', '--offline', '--no-config', '--format', 'sarif'], {
      cwd: path.join(cwd, 'elsewhere'),
    });
    expect(outside.code, outside.stderr).toBe(1);
    const [url] = uris(outside.stdout);
    expect(url).toMatch(/^file:\/\/\/.*\/notes\/f%FF\.md$/);
    expect(existsSync(uriBytes(url.slice('file://'.length)))).toBe(true);
  });
});

describe('symbolic links in a folder', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await tempDir('citecheck-links-');
    const at = (...names: string[]) => path.join(cwd, ...names);
    for (const dir of ['site/sub', 'site/.drafts', 'elsewhere', 'dangling']) await mkdir(at(dir), { recursive: true });
    await writeFile(at('site/real.md'), post('https://news.example.org/real'));
    await writeFile(at('site/sub/deep.md'), post('https://news.example.org/deep'));
    await writeFile(at('site/.drafts/draft.md'), post('https://news.example.org/draft'));
    await writeFile(at('site/notes.txt'), post('https://news.example.org/notes'));
    await writeFile(at('elsewhere/secret.md'), post('https://news.example.org/secret'));
    // Inside the folder: a second name for a file read anyway, a file in a folder never entered,
    // a Markdown name for a text file.
    await symlink('real.md', at('site/alias.md'));
    await symlink('.drafts/draft.md', at('site/draft.md'));
    await symlink('notes.txt', at('site/notes.md'));
    // Outside it: a file and a folder (a pull request could link a runner's secrets in).
    await symlink('../elsewhere/secret.md', at('site/outside.md'));
    await symlink(at('elsewhere'), at('site/outdir'));
    // Broken: to nothing, to itself, to a folder holding it, to a folder listed already.
    await symlink('missing.md', at('site/dead.md'));
    await symlink('loop.md', at('site/loop.md'));
    await symlink('..', at('site/sub/up'));
    await symlink('sub', at('site/mirror'));
    await symlink('gone.md', at('dangling/only.md'));
  });

  it('follows links inside the folder once and leaves the others out with the reason', async () => {
    const result = await runCli(['check', 'site', '--offline', '--no-config', '--format', 'json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(sources(result.stdout)).toEqual(['site/draft.md', 'site/notes.md', 'site/real.md', 'site/sub/deep.md']);
    expect(result.stdout).not.toContain('secret');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'citecheck: warning: site/alias.md: the same file as site/real.md, read under that name; skipped',
      'citecheck: warning: site/dead.md: symbolic link to nothing (dangling); skipped',
      'citecheck: warning: site/loop.md: symbolic link loop; skipped',
      'citecheck: warning: site/mirror: symbolic link to site/sub, listed under that name; skipped',
      'citecheck: warning: site/outdir: symbolic link to a folder outside site, not followed; skipped',
      'citecheck: warning: site/outside.md: symbolic link to a file outside site, not followed; skipped',
      'citecheck: warning: site/sub/up: symbolic link to a folder holding it (a loop); skipped',
    ]);
  });

  it('a glob follows and leaves out links as the folder does, inside its fixed part', async () => {
    const folder = await runCli(['check', 'site', '--offline', '--no-config', '--format', 'json'], { cwd });
    const glob = await runCli(['check', 'site/**/*.md', '--offline', '--no-config', '--format', 'json'], { cwd });
    expect(glob.code, glob.stderr).toBe(0);
    expect(sources(glob.stdout)).toEqual(['site/draft.md', 'site/notes.md', 'site/real.md', 'site/sub/deep.md']);
    expect(glob.stdout).not.toContain('secret');
    expect(glob.stderr).toBe(folder.stderr);
    // One level: the links to folders are not the pattern's to enter, so nothing is said of them.
    const flat = await runCli(['check', 'site/*.md', '--offline', '--no-config', '--format', 'json'], { cwd });
    expect(flat.code, flat.stderr).toBe(0);
    expect(sources(flat.stdout)).toEqual(['site/draft.md', 'site/notes.md', 'site/real.md']);
    expect(flat.stderr.trimEnd().split('\n')).toEqual([
      'citecheck: warning: site/alias.md: the same file as site/real.md, read under that name; skipped',
      'citecheck: warning: site/dead.md: symbolic link to nothing (dangling); skipped',
      'citecheck: warning: site/loop.md: symbolic link loop; skipped',
      'citecheck: warning: site/outside.md: symbolic link to a file outside site, not followed; skipped',
    ]);
  });

  it('a glob matching only a dangling link is exit 2 saying why', async () => {
    const result = await runCli(['check', 'dangling/*.md', '--offline', '--no-config'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'citecheck: no posts to read: the one file found was skipped (dangling/only.md: symbolic link to nothing (dangling))\n',
    );
  });

  it('a folder holding only a dangling link is exit 2 saying why', async () => {
    const result = await runCli(['check', 'dangling', '--offline', '--no-config'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'citecheck: no posts to read: the one file found was skipped (dangling/only.md: symbolic link to nothing (dangling))\n',
    );
  });

  it('a link named on the command line is read wherever it points: the user chose it', async () => {
    const result = await runCli(['check', 'site/outside.md', '--offline', '--no-config', '--format', 'json'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(sources(result.stdout)).toEqual(['site/outside.md']);
  });
});
