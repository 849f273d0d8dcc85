import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseDocument } from '../../src/sources/index.js';
import type { Post } from '../../src/types.js';

/** The one post of a document. */
function read(text: string, source: string): Post {
  const [post] = parseDocument(text, { source });
  return post;
}

const repairs = (post: Post): string[] => post.warnings.map((w) => w.repair);

describe('WordPress metadata that is not what it claims', () => {
  const wp = (fields: Record<string, unknown>): Post =>
    read(JSON.stringify({ id: 3, ...fields, content: { rendered: '<p>A line.</p>' } }), 'w.json');

  it('drops a date_gmt that is not a date, with a warning naming the field and the line', () => {
    const post = read('{"id": 3,\n "date_gmt": "garbage",\n "content": {"rendered": "<p>A line.</p>"}}', 'w.json');
    expect(post.published).toBeUndefined();
    expect(post.warnings).toEqual([
      {
        code: 'INPUT_REPAIRED',
        repair: 'date_gmt is not a date: garbage; ignored',
        where: 'line 2, column 14',
        line: 2,
      },
    ]);
  });

  it('drops an impossible date and says why', () => {
    const post = wp({ date: '2024-13-45T99:00:00', modified: '2024-02-30T10:00:00' });
    expect([post.published, post.modified]).toEqual([undefined, undefined]);
    expect(repairs(post)).toEqual([
      'date is not a date: 2024-13-45T99:00:00 (month 13 does not exist); ignored',
      'modified is not a date: 2024-02-30T10:00:00 (day 30 does not exist in 2024-02); ignored',
    ]);
  });

  it('falls back to the local date when date_gmt is bad', () => {
    const post = wp({ date_gmt: 'soon', date: '2024-05-01T09:30:00' });
    expect(post.published).toBe('2024-05-01T09:30:00');
    expect(repairs(post)).toEqual(['date_gmt is not a date: soon; ignored']);
  });

  it('does not use a link that is not a URL as the base, so a relative link is not called invalid', () => {
    const json = JSON.stringify({ link: 'not a url', content: { rendered: '<p>See <a href="/rel">this</a>.</p>' } });
    const post = read(json, 'w.json');
    expect([post.url, post.baseUrl]).toEqual([undefined, undefined]);
    expect(repairs(post)).toEqual(['link is not an absolute http(s) URL: not a url; ignored']);
    const [citation] = extractPost(post).blocks[0].citations;
    expect(citation.invalid).toBeUndefined();
    expect([citation.url, citation.checkUrl]).toEqual(['/rel', undefined]);
  });

  it('falls back to the site in guid when link is not http(s)', () => {
    const post = wp({ link: 'ftp://files.site.test/p', guid: { rendered: 'https://site.test/?p=3' } });
    expect([post.url, post.baseUrl]).toEqual([undefined, 'https://site.test/?p=3']);
    expect(repairs(post)).toEqual(['link is not an absolute http(s) URL: ftp://files.site.test/p; ignored']);
  });

  it('keeps good metadata without a word', () => {
    const post = wp({ link: 'https://site.test/p/', date_gmt: '2024-02-29T10:00:00', modified: '0000-00-00T00:00:00' });
    expect([post.url, post.published, post.modified, post.warnings]).toEqual([
      'https://site.test/p/',
      '2024-02-29T10:00:00Z',
      undefined,
      [],
    ]);
  });
});

describe('Markdown front matter that is not what it claims', () => {
  it('drops a date that is not a date and a url that is not a URL, pointing at their lines', () => {
    const post = read('---\ntitle: T\ndate: 2023-02-29\nurl: www.site.test/p\n---\n\nText.\n', 'p.md');
    expect([post.published, post.url]).toEqual([undefined, undefined]);
    expect(post.warnings).toEqual([
      {
        code: 'INPUT_REPAIRED',
        repair: 'url is not an absolute http(s) URL: www.site.test/p; ignored',
        where: 'line 4',
        line: 4,
      },
      {
        code: 'INPUT_REPAIRED',
        repair: 'date is not a date: 2023-02-29 (day 29 does not exist in 2023-02); ignored',
        where: 'line 3',
        line: 3,
      },
    ]);
  });

  it('passes over a site-relative permalink quietly: it is how Jekyll writes one', () => {
    const post = read('---\npermalink: /:year/:title/\n---\n\nText.\n', 'p.md');
    expect([post.url, post.warnings]).toEqual([undefined, []]);
  });
});

describe('HTML meta that is not what it claims', () => {
  it('drops a published_time that is not a date and an og:url that is not a URL', () => {
    const page =
      '<head><meta property="article:published_time" content="yesterday"><meta property="og:url" content="mailto:x@site.test"></head><body><p>x</p></body>';
    const post = read(page, 'p.html');
    expect([post.published, post.url]).toEqual([undefined, undefined]);
    expect(repairs(post)).toEqual([
      'og:url is not an absolute http(s) URL: mailto:x@site.test; ignored',
      'article:published_time is not a date: yesterday; ignored',
    ]);
  });

  it('says nothing of a relative canonical in a file with no address, or a <time> holding a duration', () => {
    const post = read(
      '<head><link rel="canonical" href="/p/"></head><body><p>Took <time datetime="PT2H">two hours</time>.</p></body>',
      'p.html',
    );
    expect([post.url, post.published, post.warnings]).toEqual([undefined, undefined, []]);
  });
});
