import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/sources/folder-walk.js';
import { expandGlob, isGlob } from '../../src/sources/glob.js';
import { tempDirSync } from '../helpers/temp-dir.js';

let cwd: string;

/** The names a glob's walk found. */
const globNames = async (pattern: string, at?: string): Promise<string[]> =>
  (await expandGlob(pattern, at)).files.map((f) => f.name);

beforeAll(() => {
  cwd = tempDirSync('citecheck-glob-');
  for (const dir of ['site/a', 'site/.git', 'site/node_modules/pkg', 'site/.drafts', 'elsewhere']) {
    mkdirSync(path.join(cwd, dir), { recursive: true });
  }
  for (const file of [
    'site/a/x.md',
    'site/a-b.md',
    'site/b.md',
    'site/.notes.md',
    'site/[draft].md',
    'site/.git/HEAD.md',
    'site/node_modules/pkg/README.md',
    'site/.drafts/d.md',
    'elsewhere/e.md',
    'site/two\nlines.md',
  ]) {
    writeFileSync(path.join(cwd, file), '# Post\n');
  }
  symlinkSync(path.join(cwd, 'elsewhere'), path.join(cwd, 'site/linked'));
  symlinkSync(path.join(cwd, 'elsewhere/e.md'), path.join(cwd, 'site/linked.md'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('input globs (tinyglobby)', () => {
  it('lists a folder folder by folder in name order, skipping dot-folders, node_modules and links outside it', async () => {
    const site = path.join(cwd, 'site');
    const files = ['.notes.md', '[draft].md', 'a/x.md', 'a-b.md', 'b.md', 'two\nlines.md'].map((f) =>
      path.join(site, f),
    );
    expect(await listFiles(site)).toEqual({
      files: files.map((f) => ({ name: f, path: f })),
      skipped: [
        `${site}/linked: symbolic link to a folder outside ${site}, not followed`,
        `${site}/linked.md: symbolic link to a file outside ${site}, not followed`,
      ],
    });
  });

  it('keeps the files a test accepts, by name', async () => {
    const site = path.join(cwd, 'site');
    const { files } = await listFiles(site, (name) => name === 'x.md' || name === 'b.md');
    expect(files.map((f) => f.name)).toEqual([path.join(site, 'a/x.md'), path.join(site, 'b.md')]);
  });

  it('keeps the fixed part of a relative pattern as written, and the same order', async () => {
    expect(await globNames('site/**/*.md', cwd)).toEqual([
      'site/.notes.md',
      'site/[draft].md',
      'site/a/x.md',
      'site/a-b.md',
      'site/b.md',
      'site/two\nlines.md',
    ]);
    expect(await globNames('./site/*.md', cwd)).toEqual([
      'site/.notes.md',
      'site/[draft].md',
      'site/a-b.md',
      'site/b.md',
      'site/two\nlines.md',
    ]);
    expect(await globNames('**/e.md', cwd)).toEqual(['elsewhere/e.md']);
  });

  it('gives absolute paths for an absolute pattern', async () => {
    expect(await globNames(path.join(cwd, 'site/a/*.md'))).toEqual([path.join(cwd, 'site/a/x.md')]);
  });

  it('enters a dot-folder the pattern names, not one it only passes through', async () => {
    expect(await globNames('site/.drafts/*.md', cwd)).toEqual(['site/.drafts/d.md']);
    expect(await globNames('site/*/*.md', cwd)).toEqual(['site/a/x.md']);
  });

  it('reads escapes and negations', async () => {
    expect(await isGlob('site/\\[draft\\]*.md')).toBe(true);
    expect(await globNames('site/\\[draft\\]*.md', cwd)).toEqual(['site/[draft].md']);
    expect(await globNames('site/[!ab.]*.md', cwd)).toEqual(['site/[draft].md', 'site/two\nlines.md']);
    expect(await globNames('site/!(b).md', cwd)).toEqual([
      'site/.notes.md',
      'site/[draft].md',
      'site/a-b.md',
      'site/two\nlines.md',
    ]);
    expect(await globNames('site/{a,b}.md', cwd)).toEqual(['site/b.md']);
  });

  it('reads a pattern whose only glob characters are escaped as the file it names', async () => {
    // Without a dynamic part it used to be taken as a plain path, backslashes and all: not found.
    expect(await isGlob('site/\\[draft\\].md')).toBe(true);
    expect(await globNames('site/\\[draft\\].md', cwd)).toEqual(['site/[draft].md']);
  });

  it('tells a glob from a plain path', async () => {
    expect(await isGlob('site/*.md')).toBe(true);
    expect(await isGlob('site/post.md')).toBe(false);
  });
});
