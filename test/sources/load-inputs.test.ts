import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CitecheckError, InputError, UsageError } from '../../src/errors.js';
import { extractPost } from '../../src/extract/index.js';
import { loadInputs, parseDocument } from '../../src/sources/index.js';
import { tempDirSync } from '../helpers/temp-dir.js';

let dir: string;
const post = (id: number): string =>
  JSON.stringify({ id, link: `https://blog.example.com/p${id}/`, content: { rendered: `<p>Post ${id}</p>` } });

beforeAll(() => {
  dir = tempDirSync('citecheck-sources-');
  mkdirSync(path.join(dir, 'site/b/deep'), { recursive: true });
  mkdirSync(path.join(dir, 'site/.git'), { recursive: true });
  mkdirSync(path.join(dir, 'empty/sub'), { recursive: true });
  writeFileSync(path.join(dir, 'site/a.json'), post(1));
  writeFileSync(path.join(dir, 'site/b/page.htm'), '<html><body><p>HTML page</p></body></html>');
  writeFileSync(path.join(dir, 'site/b/deep/notes.markdown'), '# Notes\n\nText.\n');
  writeFileSync(path.join(dir, 'site/b/readme.txt'), 'not an input');
  writeFileSync(path.join(dir, 'site/.git/x.json'), post(99));
  writeFileSync(path.join(dir, 'empty/sub/data.csv'), 'a,b\n');
  writeFileSync(path.join(dir, 'empty.json'), '');
  writeFileSync(path.join(dir, 'blank.md'), '  \n\n');
  writeFileSync(path.join(dir, 'garbage.json'), Buffer.from([0x7b, 0x00, 0xff, 0x13, 0x00, 0x88, 0x01, 0x02, 0x00]));
  writeFileSync(path.join(dir, 'image.html'), Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR', 'latin1'));
  writeFileSync(path.join(dir, 'config.json'), '{"name":"not a post","version":"1.0.0"}');
  writeFileSync(path.join(dir, 'list.json'), '[]');
  writeFileSync(path.join(dir, 'prose.json'), 'Just some words');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error a load throws, failing the test when it does not throw. */
async function failure(inputs: string[]): Promise<CitecheckError> {
  try {
    await loadInputs(inputs);
  } catch (error) {
    if (error instanceof CitecheckError) return error;
    throw error;
  }
  throw new Error('expected loadInputs to throw');
}

describe('loadInputs', () => {
  it('expands a directory recursively to its .json/.html/.htm/.md/.markdown files, sorted, skipping dot-folders', async () => {
    const posts = await loadInputs([path.join(dir, 'site')]);
    expect(posts.map((p) => path.relative(dir, p.source))).toEqual([
      'site/a.json',
      'site/b/deep/notes.markdown',
      'site/b/page.htm',
    ]);
    expect(posts.map((p) => p.kind)).toEqual(['wordpress', 'markdown', 'html']);
  });

  it('expands globs, ** included, and reads a file named twice once', async () => {
    const posts = await loadInputs([
      path.join(dir, 'site/**/*.{htm,markdown}'),
      path.join(dir, 'site/a.json'),
      path.join(dir, 'site/./a.json'),
    ]);
    expect(posts.map((p) => path.basename(p.source))).toEqual(['notes.markdown', 'page.htm', 'a.json']);
  });

  it('reads "-" from stdin and sniffs its format', async () => {
    const json = await loadInputs(['-'], { readStdin: async () => Buffer.from(post(7)) });
    expect(json).toMatchObject([{ source: '-', kind: 'wordpress', id: 7 }]);
    const md = await loadInputs(['-'], {
      readStdin: async () => Buffer.from('Some *markdown* with [a link](https://x.example.org/).'),
    });
    expect(md).toMatchObject([{ source: '-', kind: 'markdown' }]);
    const html = await loadInputs(['-'], { readStdin: async () => Buffer.from('\n <article><p>Hi</p></article>') });
    expect(html).toMatchObject([{ source: '-', kind: 'html' }]);
  });

  it('refuses URL inputs without a fetcher as a usage error', async () => {
    const error = await failure(['https://blog.example.com/post/']);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.code).toBe('USAGE');
  });

  it.each([
    ['missing file', 'nope/missing.json', 'no such file or directory'],
    ['glob matching nothing', 'site/*.nothing', 'no files match'],
    ['folder with no inputs', 'empty', 'no .json, .html, .htm, .md, .markdown or .xml files'],
    ['empty file', 'empty.json', 'empty file'],
    ['blank file', 'blank.md', 'empty file'],
    ['binary garbage', 'garbage.json', 'binary data'],
    ['binary with an HTML name', 'image.html', 'binary data'],
    ['JSON that is not a post', 'config.json', 'not a WordPress post (no content.rendered)'],
    ['an empty list', 'list.json', 'no posts'],
    ['a .json file that is not JSON', 'prose.json', 'not JSON'],
  ])('%s → InputError with one line naming the file', async (_name, file, what) => {
    const input = path.join(dir, file);
    const error = await failure([input]);
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('INPUT');
    expect(error.message.startsWith(`${input}: `)).toBe(true);
    expect(error.message).toContain(what);
    expect(error.message).not.toContain('\n');
  });
});

describe('parseDocument', () => {
  it('reads the format from the extension first, then the content type, then the content', () => {
    expect(parseDocument('<p>x</p>', { source: 'a.md' })[0].kind).toBe('markdown');
    expect(parseDocument('# Title', { source: 'https://x.example/feed', contentType: 'text/html' })[0].kind).toBe(
      'html',
    );
    expect(parseDocument('[{"content":{"rendered":"<p>x</p>"}}]', { source: 'export.txt' })[0].kind).toBe('wordpress');
  });

  it('repairs a BOM in JSON with a warning and strips it elsewhere silently', () => {
    const [json] = parseDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(post(3))]), {
      source: 'bom.json',
    });
    expect(json.warnings.map((w) => w.repair)).toEqual(['byte order mark at the start']);
    const [md] = parseDocument(Buffer.from('\uFEFF# Title\n\nText'), { source: 'bom.md' });
    expect(md.body).toBe('# Title\n\nText');
    // The title comes from the first heading at extraction (sources do not parse Markdown).
    expect(extractPost(md).title).toBe('Title');
    expect(md.warnings).toEqual([]);
  });

  it('names items of a list that are not posts instead of dropping them silently', () => {
    const posts = parseDocument(`[${post(1)},{"id":2},${post(3)}]`, { source: 'mixed.json' });
    expect(posts.map((p) => p.id)).toEqual([1, 3]);
    expect(posts[0].warnings[0]).toMatchObject({ code: 'INPUT_REPAIRED' });
    expect(posts[0].warnings[0].repair).toContain('index 1');
  });

  it('sets bodyLine to the line where content.rendered starts', () => {
    const text = '{\n  "id": 5,\n  "content": {\n    "rendered": "<p>Body</p>"\n  }\n}';
    expect(parseDocument(text, { source: 'pretty.json' })[0].bodyLine).toBe(4);
  });

  it('reads the seed-like damage: raw newline and truncation, with both warnings', () => {
    const fixture = readFileSync('test/fixtures/inputs/truncated-post.json', 'utf8');
    const damaged = fixture.replace('"rendered":"<p>', '"rendered":"\n<p>');
    const [p] = parseDocument(damaged, { source: 'seed-like.json' });
    expect(p.warnings.map((w) => w.repair)).toEqual([
      'raw newline inside a string',
      'truncated input: closed 1 string, 2 objects',
    ]);
    expect(p.bodyLine).toBe(2);
  });
});

describe('loadInputs and standard input', () => {
  it('reads "-" once when it is named twice (stdin cannot be read again)', async () => {
    let reads = 0;
    const readStdin = async (): Promise<Buffer> => Buffer.from(reads++ === 0 ? post(8) : '');
    const posts = await loadInputs(['-', '-'], { readStdin });
    expect(posts.map((p) => p.id)).toEqual([8]);
    expect(reads).toBe(1);
  });
});

describe('loadInputs skips found files that are not posts', () => {
  let content: string;
  beforeAll(() => {
    content = tempDirSync('citecheck-content-');
    mkdirSync(path.join(content, 'bad'));
    writeFileSync(path.join(content, 'page.html'), '<html><body><article><p>Page</p></article></body></html>');
    writeFileSync(path.join(content, 'post.md'), '# Post\n\nText.\n');
    writeFileSync(path.join(content, 'package.json'), '{"name":"site","version":"1.0.0"}');
    writeFileSync(path.join(content, 'data.json'), '[1,2,3]');
    writeFileSync(path.join(content, 'empty.html'), '');
    writeFileSync(path.join(content, 'bad/tsconfig.json'), '{"compilerOptions":{}}');
    writeFileSync(
      path.join(content, 'bad/logo.html'),
      Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00', 'latin1'),
    );
  });
  afterAll(() => rmSync(content, { recursive: true, force: true }));

  /** Loads and collects the warnings given. */
  async function load(inputs: string[]): Promise<{ sources: string[]; warnings: string[] }> {
    const warnings: string[] = [];
    const posts = await loadInputs(inputs, { onWarning: (m) => warnings.push(m) });
    return { sources: posts.map((p) => path.relative(content, p.source)), warnings };
  }

  it('from a directory: reads the posts and warns once per skipped file, naming it and why', async () => {
    const { sources, warnings } = await load([content]);
    expect(sources).toEqual(['page.html', 'post.md']);
    expect(warnings).toHaveLength(5);
    const byFile = (name: string): string | undefined =>
      warnings.find((w) => w.startsWith(`${path.join(content, name)}: `));
    expect(byFile('package.json')).toContain('not a WordPress post');
    expect(byFile('bad/tsconfig.json')).toContain('not a WordPress post');
    expect(byFile('data.json')).toContain('not a list of WordPress posts');
    expect(byFile('empty.html')).toContain('empty file');
    expect(byFile('bad/logo.html')).toContain('binary data');
    for (const w of warnings) expect(w).toMatch(/; skipped$/);
  });

  it('from a glob the same way', async () => {
    const { sources, warnings } = await load([path.join(content, '*.{json,md}')]);
    expect(sources).toEqual(['post.md']);
    expect(warnings).toHaveLength(2);
  });

  it('but a bad file named on its own is still an error, even when a folder also holds it', async () => {
    const named = path.join(content, 'data.json');
    await expect(loadInputs([named])).rejects.toThrow(`${named}: not a list of WordPress posts`);
    await expect(loadInputs([content, named])).rejects.toThrow(`${named}: not a list of WordPress posts`);
  });

  it('and finding nothing readable at all is one InputError, with no warnings', async () => {
    const warnings: string[] = [];
    const error = await loadInputs([path.join(content, 'bad')], { onWarning: (m) => warnings.push(m) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /^no posts to read: all 2 files found were skipped \(.*logo\.html: .*binary data.*; and 1 more\)$/,
    );
    expect(warnings).toEqual([]);
  });
});
