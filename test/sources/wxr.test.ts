import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { extractPost } from '../../src/extract/index.js';
import { loadInputs, parseDocument } from '../../src/sources/index.js';
import { NotWxrError, parseWxr, readWxr } from '../../src/sources/wxr.js';
import type { ExtractedPost, Post } from '../../src/types.js';
import { tempDirSync } from '../helpers/temp-dir.js';

const FIXTURES = new URL('../fixtures/inputs/wxr/', import.meta.url);
const EXPORT = new URL('site-export.xml', FIXTURES).pathname;
const REST = new URL('site-rest.json', FIXTURES).pathname;
const exportText = readFileSync(EXPORT, 'utf8');

/** What a reader of the report sees of a post: metadata, blocks, citations. */
function view(post: ExtractedPost) {
  const { id, title, url, published, modified, slug, warnings } = post;
  return {
    id,
    title,
    url,
    published,
    modified,
    slug,
    warnings,
    blocks: post.blocks.map((b) => ({
      kind: b.kind,
      text: b.text,
      isClaim: b.isClaim,
      signals: b.signals,
      citations: b.citations.map((c) => ({ url: c.url, anchorText: c.anchorText, sentence: c.sentence })),
      damaged: b.damagedAnchors,
    })),
  };
}

/** Chunks of `data` of 1 to 7 bytes: multi-byte characters and tags split anywhere. */
async function* tinyChunks(data: Buffer): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let i = 0; at < data.length; i++) {
    const size = (i % 7) + 1;
    yield data.subarray(at, at + size);
    at += size;
  }
}

async function collect(posts: AsyncIterable<Post>): Promise<Post[]> {
  const out: Post[] = [];
  for await (const post of posts) out.push(post);
  return out;
}

describe('a WordPress export (WXR)', () => {
  it('reads the published posts and pages, not attachments, menu items, blocks or drafts', async () => {
    const posts = await loadInputs([EXPORT]);
    expect(posts.map((p) => p.id)).toEqual([101, 102, 103]);
    expect(posts.every((p) => p.kind === 'wordpress' && p.source === EXPORT)).toBe(true);
    const first = posts[0];
    expect(first).toMatchObject({
      title: 'Council & mayor agree a budget',
      slug: 'council-budget',
      url: 'https://ledger.example.org/2024/05/council-budget/',
      published: '2024-05-01T23:00:46Z',
      modified: '2024-05-03T12:15:00Z',
    });
    expect(posts[1].title).toBe('Turnout “highest in decades”');
  });

  it('never reads a comment or a post meta value as the post', async () => {
    const bodies = (await loadInputs([EXPORT])).map((p) => p.body).join('\n');
    expect(bodies).not.toContain('spam.example.com');
    expect(bodies).not.toContain('meta.example.com');
    expect(bodies).not.toContain('photos.example.com');
  });

  it('gives the same posts as the REST API gives for the same content', async () => {
    const fromExport = (await loadInputs([EXPORT])).map((p) => view(extractPost(p)));
    const fromRest = (await loadInputs([REST])).map((p) => view(extractPost(p)));
    expect(fromExport).toEqual(fromRest);
    // Not a vacuous equality: the classic post has its paragraphs and its six links.
    expect(fromExport[0].blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
    ]);
    expect(fromExport.flatMap((p) => p.blocks.flatMap((b) => b.citations)).length).toBe(6);
  });

  it('joins a CDATA section split around "]]>" and decodes entities outside CDATA only', async () => {
    const [post] = await loadInputs([EXPORT]);
    const last = extractPost(post).blocks.at(-1);
    expect(last?.text).toBe('Literal markers: the ]]> in this text & an <em> escaped tag stay text.');
  });

  it('reads other statuses when asked, and "any" but not attachments', async () => {
    expect((await loadInputs([EXPORT], { statuses: ['publish', 'draft'] })).map((p) => p.id)).toEqual([
      101, 102, 103, 104,
    ]);
    expect((await loadInputs([EXPORT], { statuses: ['draft'] })).map((p) => p.id)).toEqual([104]);
    expect((await loadInputs([EXPORT], { statuses: ['any'] })).map((p) => p.id)).toEqual([101, 102, 103, 104]);
    const [draft] = await loadInputs([EXPORT], { statuses: ['draft'] });
    // A draft has no GMT date yet ("0000-00-00 00:00:00"): its local date stands, without a zone.
    expect(draft.published).toBe('2024-05-20T10:00:00');
  });

  it('reads the same posts whatever the chunk boundaries of the stream', async () => {
    const whole = parseWxr(exportText, { source: 'x', statuses: ['publish'] });
    const streamed = await collect(
      readWxr(tinyChunks(Buffer.from(exportText, 'utf8')), { source: 'x', statuses: ['publish'] }),
    );
    expect(streamed).toEqual(whole);
    expect(streamed).toHaveLength(3);
  });

  it('hands each post on before the rest of the file is read', async () => {
    const data = Buffer.from(exportText, 'utf8');
    const firstItemEnd = exportText.indexOf('</item>') + '</item>'.length;
    let fed = 0;
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let at = 0; at < data.length; at += 64) {
        fed = at + 64;
        yield data.subarray(at, at + 64);
      }
    }
    const reading = readWxr(chunks(), { source: 'x', statuses: ['publish'] });
    const first = await reading.next();
    expect(first.value?.id).toBe(101);
    expect(fed).toBeLessThan(firstItemEnd + 64 * 2);
    await reading.return(undefined);
  });

  it('reads an export from standard input (sniffed), and an ISO-8859-1 one', () => {
    expect(parseDocument(Buffer.from(exportText), { source: '-' }).map((p) => p.id)).toEqual([101, 102, 103]);
    const latin = exportText
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace('Council', 'Conseil municipal é');
    const posts = parseDocument(Buffer.from(latin, 'latin1'), { source: 'old.xml' });
    expect(posts[0].title).toBe('Conseil municipal é & mayor agree a budget');
  });

  it('reads a file cut short: what was read of the last post is a post, with a repair warning', () => {
    const cut = exportText.slice(0, exportText.indexOf('the county reported'));
    const posts = parseWxr(cut, { source: 'cut.xml', statuses: ['publish'] });
    expect(posts.map((p) => p.id)).toEqual([101, undefined]);
    expect(posts[1].body).toContain('elections.example.gov');
    expect(posts[1].warnings.map((w) => w.repair)).toContainEqual(expect.stringMatching(/cut short/));
    // Where the file ends, not line 1 (saxes resets its position when closed).
    const lastLine = cut.split('\n').length;
    expect(posts[1].warnings.find((w) => /cut short/.test(w.repair ?? ''))?.line).toBe(lastLine);
    expect(posts[0].warnings).toEqual([]);
  });

  it('warns, line and all, about characters XML forbids, and still reads the post', () => {
    const damaged = exportText.replace('voted 7 to 2', 'voted \u0001 7 to 2');
    const [post] = parseWxr(damaged, { source: 'bad.xml', statuses: ['publish'] });
    expect(post.id).toBe(101);
    expect(post.body).toContain('voted');
    expect(post.warnings).toHaveLength(1);
    expect(post.warnings[0]).toMatchObject({
      code: 'INPUT_REPAIRED',
      repair: expect.stringMatching(/not well-formed XML/),
    });
    expect(post.warnings[0].line).toBeGreaterThan(40);
  });
});

describe('XML that is not a WordPress export', () => {
  let dir: string;
  const sitemap =
    '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example.com/</loc></url></urlset>';
  const feed =
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>T</title><description>D</description></item></channel></rss>';
  beforeAll(() => {
    dir = tempDirSync('citecheck-wxr-');
    mkdirSync(path.join(dir, 'site'));
    writeFileSync(path.join(dir, 'site/sitemap.xml'), sitemap);
    writeFileSync(path.join(dir, 'site/feed.xml'), feed);
    writeFileSync(path.join(dir, 'site/export.xml'), exportText);
    mkdirSync(path.join(dir, 'site/reports'));
    writeFileSync(
      path.join(dir, 'site/reports/citecheck.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="citecheck" tests="0" failures="0"></testsuites>\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('named on its own is an input error naming the file', async () => {
    for (const [file, what] of [
      ['sitemap.xml', /not a WordPress export \(WXR\): an XML document <urlset>/],
      ['feed.xml', /not a WordPress export \(WXR\): an RSS feed/],
    ] as const) {
      const input = path.join(dir, 'site', file);
      const error = await loadInputs([input]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(what);
      expect((error as Error).message.startsWith(input)).toBe(true);
    }
    expect(() => parseWxr('<html><body>x</body></html>', { source: 'p.xml', statuses: [] })).toThrow(NotWxrError);
  });

  it('found in a folder is skipped with a warning; our own JUnit report without one', async () => {
    const warnings: string[] = [];
    const posts = await loadInputs([path.join(dir, 'site')], { onWarning: (m) => warnings.push(m) });
    expect(posts.map((p) => p.id)).toEqual([101, 102, 103]);
    expect(warnings).toHaveLength(2);
    expect(warnings.every((w) => /not a WordPress export \(WXR\).*; skipped$/.test(w))).toBe(true);
    expect(warnings.join('\n')).not.toContain('citecheck.xml');
  });
});
