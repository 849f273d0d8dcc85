import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { loadInputs } from '../../src/sources/index.js';
import type { Citation, ExtractedPost } from '../../src/types.js';

const DIR = 'test/fixtures/inputs';

/** Loads and extracts one fixture file. */
async function extract(file: string, includeMedia = false): Promise<ExtractedPost[]> {
  const posts = await loadInputs([`${DIR}/${file}`]);
  return posts.map((p) => extractPost(p, { includeMedia }));
}

/** All citations of a post, in order. */
function citations(post: ExtractedPost): Citation[] {
  return post.blocks.flatMap((b) => b.citations);
}

describe('a clean WordPress post', async () => {
  const [post] = await extract('clean-post.json');
  const all = citations(post);
  const byText = (t: string): Citation | undefined => all.find((c) => c.anchorText === t);

  it('reads the metadata, title entities decoded and tags stripped', () => {
    expect(post).toMatchObject({
      id: 101,
      slug: 'tram-line-vote',
      title: 'Council “backs” tram line',
      published: '2025-03-04T08:30:00Z',
      modified: '2025-03-05T10:00:00Z',
    });
    expect(post.warnings).toEqual([]);
  });

  it('resolves relative links against the permalink and tells internal from outbound', () => {
    expect(byText('our earlier coverage')).toMatchObject({
      url: 'https://www.example.com/2025/03/earlier-coverage/',
      isInternal: true,
      rawHref: '/2025/03/earlier-coverage/',
    });
    expect(byText('voted 7 to 2')).toMatchObject({
      checkUrl: 'https://news.example.org/council/vote?id=7',
      fragment: 'result',
      isInternal: false,
    });
    // Same site ignoring "www.": internal.
    expect(byText('the spring session')?.isInternal).toBe(true);
    expect(byText('method note')).toMatchObject({
      fragment: 'method',
      isInternal: true,
      checkUrl: 'https://www.example.com/2025/03/tram-line-vote/',
    });
  });

  it('keeps nofollow and sponsored links and records their rel', () => {
    expect(byText('voted 7 to 2')?.rel).toEqual(['noopener', 'nofollow']);
    expect(byText('paid for this survey')?.rel).toEqual(['sponsored']);
  });

  it('flags malformed URLs invalid and keeps mailto as its own scheme', () => {
    expect(byText('first bad link')).toMatchObject({ url: 'https;//broken.example/x' });
    expect(byText('first bad link')?.invalid).toBeDefined();
    expect(byText('first bad link')?.checkUrl).toBeUndefined();
    expect(byText('second')?.invalid).toBeDefined();
    expect(byText('desk@example.org')).toMatchObject({ url: 'mailto:desk@example.org' });
    expect(byText('desk@example.org')?.invalid).toBeUndefined();
  });

  it('collapses IDN and percent-encoded spellings of one URL to one checkUrl', () => {
    expect(byText('statement')?.checkUrl).toBe('https://xn--bcher-kva.example/Bericht');
    expect(byText('a letter')?.checkUrl).toBe(byText('statement')?.checkUrl);
    expect(byText('statement')?.rawHref).toBe('HTTPS://Bücher.Example/Ber%69cht');
  });

  it('records the sentence around each link', () => {
    expect(byText('first bad link')?.sentence).toBe('A first bad link and a second.');
    expect(byText('method note')?.sentence).toBe('Contact the desk at desk@example.org or read the method note.');
  });

  it('takes blockquote[cite] as a citation of the quote', () => {
    const quote = post.blocks.find((b) => b.kind === 'blockquote');
    expect(quote?.citations).toHaveLength(1);
    expect(quote?.citations[0]).toMatchObject({
      origin: 'blockquote-cite',
      checkUrl: 'https://archive.example.net/speech',
    });
  });

  it('reports <a> without href or with an empty one as damaged, but not a named anchor', () => {
    const damaged = post.blocks.flatMap((b) => b.damagedAnchors);
    expect(damaged.map((d) => [d.anchorText, d.reason])).toEqual([
      ['wrote in', 'missing-href'],
      ['left a note', 'empty-href'],
    ]);
  });

  it('orders blocks and kinds as written; headings are not claims', () => {
    expect(post.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'blockquote',
      'paragraph',
      'heading',
      'list-item',
      'list-item',
    ]);
    expect(post.blocks.map((b) => b.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(post.blocks[5].isClaim).toBe(false);
    expect(post.blocks[0].signals).toEqual(['citation', 'number', 'attribution']);
    expect(post.blocks[1].signals).toEqual(['citation', 'quote']);
    // A bare year is not a figure.
    expect(post.blocks[7].signals).toEqual([]);
    expect(post.blocks[7].isClaim).toBe(false);
  });
});

describe('a list of posts', async () => {
  const posts = await extract('posts-array.json');

  it('gives one post per item, each resolving against its own permalink', () => {
    expect(posts.map((p) => p.id)).toEqual([201, 202]);
    expect(posts[1].title).toBe('Second & last');
    expect(citations(posts[1]).map((c) => c.checkUrl)).toEqual([
      'https://source.example.org/a',
      'https://blog.example.com/first/',
    ]);
    expect(citations(posts[1])[1].isInternal).toBe(true);
  });

  it('falls back to the local date when date_gmt is missing', () => {
    expect(posts[1].published).toBe('2025-01-02T12:00:00');
  });

  it('locates each body on its own line of the file', () => {
    expect(posts[0].blocks[0].line).toBeLessThan(posts[1].blocks[0].line ?? 0);
  });
});

describe('a truncated post', async () => {
  const [post] = await extract('truncated-post.json');

  it('keeps every complete field and the partial body, with a warning', () => {
    expect(post).toMatchObject({ id: 301, title: 'Cut short', url: 'https://blog.example.com/cut/' });
    expect(post.blocks.map((b) => b.text)).toEqual([
      'Officials said the report was final.',
      'The second paragraph was cut in the mid',
    ]);
    expect(post.warnings).toHaveLength(1);
    expect(post.warnings[0]).toMatchObject({
      code: 'INPUT_REPAIRED',
      repair: 'truncated input: closed 1 string, 2 objects',
      line: 1,
    });
  });
});

describe('an HTML page', async () => {
  const [post] = await extract('page.html');
  const urls = citations(post).map((c) => c.checkUrl);

  it('reads canonical URL, base href, og:title and the publish time', () => {
    expect(post).toMatchObject({
      kind: 'html',
      title: 'Harbour dredging doubles in cost',
      url: 'https://gazette.example.com/2025/harbour-dredging/',
      baseUrl: 'https://static.example.com/articles/',
      published: '2025-04-01T08:15:00Z',
    });
  });

  it('never counts navigation, header, footer, aside, form or script links', () => {
    for (const host of ['gazette.example.com', 'twitter.example', 'aside.example', 'form.example', 'script.example']) {
      expect(urls.some((u) => u?.includes(host))).toBe(false);
    }
    expect(post.blocks.some((b) => b.text.includes('By a reporter'))).toBe(false);
  });

  it('resolves relative links against <base href>', () => {
    expect(urls).toContain('https://static.example.com/articles/related/silt');
  });

  it('does not double count paragraphs inside blockquotes and nested lists; a quote is one block', () => {
    expect(post.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'The port authority now expects the dredging to cost €84 million, twice the first estimate.'],
      ['blockquote', 'Nobody told us the silt was contaminated, a contractor said. It changes everything.'],
      ['list-item', 'Phase one finished late'],
      ['list-item', 'by six months'],
      ['table-cell', 'Year'],
      ['table-cell', 'Cost reported by the auditor'],
      ['paragraph', 'Text in March with a note.'],
    ]);
  });

  it('gives each block its line in the file', () => {
    expect(post.blocks[0].line).toBe(19);
    expect(post.blocks.at(-1)?.line).toBe(30);
  });
});

describe('a Markdown file', async () => {
  const [post] = await extract('notes.md');
  const urls = citations(post).map((c) => c.url);

  it('reads front matter', () => {
    expect(post).toMatchObject({
      kind: 'markdown',
      title: 'Notes on the bridge repair',
      url: 'https://docs.example.com/notes/bridge/',
    });
  });

  it('finds inline, reference, autolink and raw HTML links', () => {
    expect(urls).toEqual([
      'https://eng.example.org/inspection',
      'https://city.example.gov/budget.pdf',
      'https://autolink.example.org/page',
      'https://docs.example.com/notes/guide/',
      'https://city.example.gov/speech',
      'https://list.example.org/',
      'https://raw.example.org/',
    ]);
    expect(citations(post).at(-1)?.rel).toEqual(['ugc']);
  });

  it('ignores links in fenced code, indented code and code spans', () => {
    expect(urls.some((u) => u.includes('code.example'))).toBe(false);
    expect(post.blocks.some((b) => b.text.includes('indented code'))).toBe(false);
  });

  it('gives blocks their line in the file', () => {
    expect(post.blocks[0]).toMatchObject({ kind: 'heading', text: 'Bridge repair', line: 7 });
    expect(post.blocks[1].line).toBe(9);
  });
});
