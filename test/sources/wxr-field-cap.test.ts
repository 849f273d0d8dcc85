import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readWxr } from '../../src/sources/wxr.js';
import type { Post } from '../../src/types.js';
import { wxrExport } from '../helpers/site-export.js';

/** The export read as a stream in chunks of `size` bytes, with the field cap `maxInputBytes`. */
async function read(xml: string, maxInputBytes?: number, size = 4096) {
  const data = Buffer.from(xml);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
  }
  const warnings: string[] = [];
  const posts: Post[] = [];
  const options = {
    source: 'site.xml',
    statuses: ['publish'],
    maxInputBytes,
    onWarning: (m: string) => warnings.push(m),
  };
  for await (const post of readWxr(chunks(), options)) posts.push(post);
  return { posts, warnings };
}

const CAP = 10 * 1024;
const paragraph = (n: number) =>
  `<p>The figure rose ${n}%, <a href="https://example.com/${n}">the survey</a> says.</p>`;
const small = (id: number) => ({ id, title: `Post ${id}`, body: paragraph(id) });
/** A body of `chars` characters of paragraphs. */
const bodyOf = (chars: number) => paragraph(7).repeat(Math.ceil(chars / paragraph(7).length));

describe('a post of an export with a field over --max-input-bytes', () => {
  it('is read without it, with a warning naming the post and the cap; the other posts are read as ever', async () => {
    const xml = wxrExport([small(1), { id: 2, title: 'The long one', body: bodyOf(3 * CAP) }, small(3)]);
    const capped = await read(xml, CAP);
    const whole = await read(xml);
    expect(capped.posts.map((p) => p.id)).toEqual([1, 2, 3]);
    expect([capped.posts[0], capped.posts[2]]).toEqual([whole.posts[0], whole.posts[2]]);
    const [, long] = capped.posts;
    expect(long).toMatchObject({ id: 2, title: 'The long one', url: 'https://archive.example.org/2/', body: '' });
    const repair =
      'content:encoded is larger than --max-input-bytes (10240 bytes): not read, nothing in the post was checked (raise the cap, maxInputBytes in the config, to read it)';
    // Its own warning, not also "content:encoded is empty".
    expect(long.warnings).toEqual([{ code: 'INPUT_REPAIRED', repair, where: 'line 16', line: 16 }]);
    expect(capped.warnings).toEqual([`site.xml: post 2 "The long one" (https://archive.example.org/2/): ${repair}`]);
    expect(whole.warnings).toEqual([]);
  });

  it('escaped rather than CDATA, or a title: the same', async () => {
    const escaped = bodyOf(3 * CAP)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;');
    const xml = wxrExport([small(1), small(2)])
      .replace(/<content:encoded><!\[CDATA\[[^\]]*\]\]>/, `<content:encoded>${escaped}`)
      .replace('<title><![CDATA[Post 2]]>', `<title>${'t'.repeat(2 * CAP)}`);
    const { posts, warnings } = await read(xml, CAP);
    expect(posts.map((p) => [p.id, p.body === '', p.title])).toEqual([
      [1, true, 'Post 1'],
      [2, false, undefined],
    ]);
    expect(posts.map((p) => p.warnings.map((w) => w.repair.split(' ')[0]))).toEqual([['content:encoded'], ['title']]);
    expect(warnings[1]).toMatch(/^site\.xml: post 2 \(https:\/\/archive\.example\.org\/2\/\): title is larger than/);
  });

  it('a field just under the cap is read; the cap counts the field as written, its end tag included', async () => {
    // Measured from the end of the start tag to the end of the end tag: `<![CDATA[`, `]]>`, `</content:encoded>`.
    const markup = '<![CDATA['.length + ']]>'.length + '</content:encoded>'.length;
    const body = 'x'.repeat(CAP - markup);
    const at = await read(wxrExport([{ id: 1, title: 'At', body }]), CAP);
    const over = await read(wxrExport([{ id: 1, title: 'Over', body: `${body}x` }]), CAP);
    expect(at.posts[0].body.includes(body)).toBe(true);
    expect(at.warnings).toEqual([]);
    expect(over.posts[0].body).toBe('');
    expect(over.warnings).toHaveLength(1);
  });

  it('parser errors inside the field left out are not reported; those after it are', async () => {
    const xml = wxrExport([{ id: 1, title: 'Bad', body: 'x' }])
      // One before the cap is seen, one after.
      .replace('<![CDATA[x]]>', `y\u0001${'y'.repeat(2 * CAP)}\u0002`)
      .replace('<wp:status>', '\u0003<wp:status>');
    const { posts } = await read(xml, CAP);
    expect(posts[0].warnings.map((w) => [w.repair.replace(/:.*larger.*/, ''), w.where])).toEqual([
      ['not well-formed XML: disallowed character', 'line 10, column 1'],
      ['content', 'line 7'],
    ]);
  });

  it('is not held: the reader keeps no more than a slice of it while reading it', async () => {
    const { posts, growth } = await heapWhileReading('<content:encoded><![CDATA[@]]></content:encoded>');
    expect(posts.map((p) => [p.id, p.body === ''])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(growth).toBeLessThan(8 * 2 ** 20);
  });
});

describe('text of an export that is not read', () => {
  // A postmeta value (a page builder's serialized layout), a comment's body or an XML comment:
  // no field of a post, and no cap applies to them, but the parser held each whole until its
  // end (a 100 MB postmeta value peaked at 181 MB of memory, 77 MB once dropped).
  const UNREAD: Record<string, string> = {
    'a postmeta value':
      '<wp:postmeta><wp:meta_key>_layout</wp:meta_key><wp:meta_value><![CDATA[@]]></wp:meta_value></wp:postmeta>',
    'an escaped postmeta value': '<wp:postmeta><wp:meta_value>@</wp:meta_value></wp:postmeta>',
    "a comment's body": '<wp:comment><wp:comment_content><![CDATA[@]]></wp:comment_content></wp:comment>',
    'an XML comment': '<!-- @ -->',
  };

  it('is dropped as it is read, with no cap: the posts are read as ever', async () => {
    for (const [what, element] of Object.entries(UNREAD)) {
      const { posts, growth } = await heapWhileReading(element, false);
      expect(
        posts.map((p) => [p.id, p.title, p.body.includes('survey'), p.warnings]),
        what,
      ).toEqual([
        [1, 'Huge', true, []],
        [2, 'Post 2', true, []],
      ]);
      expect(growth, what).toBeLessThan(8 * 2 ** 20);
    }
  });

  it('an attribute value across a slice is kept whole: the export namespace on <rss> still says what the file is', async () => {
    const plain = wxrExport([small(1)]).replace('<wp:wxr_version>1.2</wp:wxr_version>', '');
    const before = plain.indexOf(' xmlns:wp=') + ' data-pad="'.length;
    // The first chunk ends inside the value of xmlns:wp, the only sign of an export here.
    const pad = 'p'.repeat(4096 - before - '" xmlns:wp="http://wordpress.'.length);
    const xml = plain.replace(' xmlns:wp=', ` data-pad="${pad}" xmlns:wp=`);
    expect(xml.slice(4096 - 17, 4096 + 4)).toBe('http://wordpress.org/');
    expect((await read(xml, undefined, 4096)).posts.map((p) => p.id)).toEqual([1]);
  });
});

/**
 * Reads an export of two posts whose first item holds `element` with "@" standing for 48 MB of
 * text, fed in chunks of 1 MB, and measures the heap (after a full collection) at its start and
 * just before its end: a reader that held the text until its end grows by all of it. With
 * `inField`, `element` replaces the post's content (read under a cap of 10 kB), else it is
 * added to the item after its fields.
 */
async function heapWhileReading(element: string, inField = true): Promise<{ posts: Post[]; growth: number }> {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  // The decoder's strings of ASCII text are external: outside heapUsed.
  const heap = () => {
    collect();
    const { heapUsed, external } = process.memoryUsage();
    return heapUsed + external;
  };
  const xml = wxrExport([{ id: 1, title: 'Huge', body: paragraph(1) }, small(2)]);
  const withElement = inField
    ? xml.replace(`<content:encoded><![CDATA[${paragraph(1)}]]></content:encoded>`, element)
    : xml.replace('</item>', `${element}\n</item>`);
  const [head, tail] = withElement.split('@');
  const megabyte = Buffer.from(paragraph(1).repeat(Math.ceil(2 ** 20 / paragraph(1).length)));
  let growth = Infinity;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield Buffer.from(head);
    yield megabyte;
    const before = heap();
    for (let i = 0; i < 47; i++) yield megabyte;
    growth = heap() - before;
    yield Buffer.from(tail);
  }
  const posts: Post[] = [];
  for await (const post of readWxr(chunks(), { source: 'x.xml', statuses: ['publish'], maxInputBytes: CAP })) {
    posts.push(post);
  }
  return { posts, growth };
}
